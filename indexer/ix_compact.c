/* ix_compact.c - compacting an index in place (see ix_compact.h). */
#include "ix_compact.h"

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ix_shards.h"
#include "ix_swap.h"
#include "xs.h"

/* nftw has no context argument: the sum of one walk, on one thread. */
static _Thread_local uint64_t walk_bytes;

static int add_size(const char *path, const struct stat *sb, int type,
                    struct FTW *ftw)
{
    (void)path;
    (void)ftw;
    if (type == FTW_F && S_ISREG(sb->st_mode))
        walk_bytes += (uint64_t)sb->st_size;
    return 0;
}

uint64_t ix_dir_bytes(const char *path)
{
    walk_bytes = 0;
    nftw(path, add_size, 16, FTW_PHYS);
    return walk_bytes;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

cs_status ix_compact(const char *db_path, uint64_t *before, uint64_t *after,
                     char **msg)
{
    char probe[PATH_MAX + 16], stub[PATH_MAX + 16];
    snprintf(probe, sizeof probe, "%s/iamglass", db_path);
    snprintf(stub, sizeof stub, "%s/%s", db_path, IX_STUB_NAME);
    struct stat st;
    if (stat(db_path, &st) == 0 && S_ISDIR(st.st_mode) && !exists(probe) &&
        !exists(stub))
        return cs_fail(msg, CS_NOT_FOUND, "%s: no index there", db_path);
    if (stat(db_path, &st) != 0)
        return cs_fail(msg, CS_NOT_FOUND, "%s: no index there", db_path);

    /* Holds every shard's write lock for the whole run. */
    ix_shards sh;
    cs_status rc = ix_shards_open(db_path, 0, &sh, msg);
    if (rc != CS_OK)
        return rc;
    if (before)
        *before = ix_dir_bytes(db_path);
    for (unsigned k = 0; rc == CS_OK && k < sh.n; k++) {
        char dir[PATH_MAX + 32];
        if (sh.sharded)
            snprintf(dir, sizeof dir, "%s/%s%u", db_path, IX_SHARD_PREFIX, k);
        else
            snprintf(dir, sizeof dir, "%s", db_path);
        ix_swap s;
        rc = ix_swap_prepare(dir, &s, msg);
        if (rc != CS_OK)
            break;
        const char *src = s.dir;
        xs_wdb *next = NULL;
        rc = ix_swap_build(&s, &src, 1, &next, msg);
        if (rc == CS_OK) {
            rc = ix_swap_commit(&s, sh.db[k], next, msg);
            sh.db[k] = NULL; /* closed by ix_swap_commit */
        } else {
            xs_wdb_close(next);
        }
        ix_swap_finish(&s);
    }
    ix_shards_close(&sh);
    if (after)
        *after = ix_dir_bytes(db_path);
    return rc;
}
