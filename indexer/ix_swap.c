/* ix_swap.c - replacing an index's database atomically (see ix_swap.h). */
#include "ix_swap.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int rm_entry(const char *path, const struct stat *sb, int type,
                    struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

int ix_rmtree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The sibling of directory `dir` (resolved, absolute) that a new
 * database is built in: PARENT/.NAME.swap, hidden so that no index run
 * walks it. */
static char *sibling_of(const char *dir)
{
    const char *slash = strrchr(dir, '/');
    const char *name = slash ? slash + 1 : dir;
    while (*name == '.')
        name++;
    char *out = NULL;
    int plen = slash ? (int)(slash - dir) : 0;
    if (asprintf(&out, "%.*s/.%s.swap", plen, dir, *name ? name : "index") < 0)
        return NULL;
    return out;
}

cs_status ix_swap_cleanup(const char *db_path, char **msg)
{
    char *dir = realpath(db_path, NULL);
    if (!dir)
        return errno == ENOENT ? CS_OK
                               : cs_fail(msg, CS_IO, "%s: %s", db_path,
                                         strerror(errno));
    char *next = sibling_of(dir), *work = NULL;
    cs_status rc = CS_OK;
    if (!next || asprintf(&work, "%s/%s", dir, IX_WORK_DIR) < 0) {
        work = NULL;
        rc = CS_NOMEM;
    }
    if (rc == CS_OK && (ix_rmtree(work) != 0 || ix_rmtree(next) != 0))
        rc = cs_fail(msg, CS_IO, "cannot remove what an interrupted run left "
                                 "in %s: %s", dir, strerror(errno));
    free(dir);
    free(next);
    free(work);
    return rc;
}

void ix_swap_finish(ix_swap *s)
{
    if (s->next)
        ix_rmtree(s->next);
    if (s->work)
        ix_rmtree(s->work);
    free(s->dir);
    free(s->next);
    free(s->work);
    memset(s, 0, sizeof *s);
}

/* Non-zero for the entries of a database directory that a new database
 * brings along: Xapian's own (glass) and the work directory. */
static int own_entry(const char *name)
{
    size_t n = strlen(name);
    return !strcmp(name, ".") || !strcmp(name, "..") ||
           !strcmp(name, "iamglass") || !strcmp(name, "flintlock") ||
           !strcmp(name, IX_WORK_DIR) ||
           (n > 6 && !strcmp(name + n - 6, ".glass"));
}

/* Every other entry of `dir` (a file of the user's, such as a stub kept
 * beside the database) must survive the exchange: each is hard-linked
 * into `next` when `link_into` is non-zero, else only checked.  Anything
 * but a regular file cannot be carried over so: CS_USAGE naming it. */
static cs_status carry_over(const char *dir, const char *next, int link_into,
                            char **msg)
{
    DIR *d = opendir(dir);
    if (!d)
        return cs_fail(msg, CS_IO, "%s: %s", dir, strerror(errno));
    cs_status rc = CS_OK;
    for (struct dirent *e; rc == CS_OK && (e = readdir(d));) {
        if (own_entry(e->d_name))
            continue;
        char from[PATH_MAX + 256], to[PATH_MAX + 256];
        snprintf(from, sizeof from, "%s/%s", dir, e->d_name);
        snprintf(to, sizeof to, "%s/%s", next, e->d_name);
        struct stat st;
        if (lstat(from, &st) != 0 || !S_ISREG(st.st_mode))
            rc = cs_fail(msg, CS_USAGE, "%s is not a file of the database, "
                                        "and would not be carried over",
                         from);
        else if (link_into && link(from, to) != 0)
            rc = cs_fail(msg, CS_IO, "cannot link %s into %s: %s", from, next,
                         strerror(errno));
    }
    closedir(d);
    return rc;
}

cs_status ix_swap_prepare(const char *db_path, ix_swap *s, char **msg)
{
    memset(s, 0, sizeof *s);
    if (!(s->dir = realpath(db_path, NULL)))
        return cs_fail(msg, CS_IO, "%s: %s", db_path, strerror(errno));
    if (!(s->next = sibling_of(s->dir)) ||
        asprintf(&s->work, "%s/%s", s->dir, IX_WORK_DIR) < 0) {
        s->work = NULL;
        ix_swap_finish(s);
        return CS_NOMEM;
    }
    cs_status rc = ix_swap_cleanup(s->dir, msg);
    if (rc == CS_OK)
        rc = carry_over(s->dir, s->next, 0, msg);
    if (rc != CS_OK) {
        ix_swap_finish(s);
        return rc;
    }
    /* A trial exchange of two empty directories, where the real one will
     * happen: it fails when the file system cannot exchange (EINVAL), or
     * the sibling is on another one (EXDEV, DIR a mount point). */
    char probe[PATH_MAX + 16];
    snprintf(probe, sizeof probe, "%s/probe", s->work);
    int err = 0;
    if (mkdir(s->work, 0777) != 0 || mkdir(probe, 0777) != 0 ||
        mkdir(s->next, 0777) != 0 ||
        renameat2(AT_FDCWD, s->next, AT_FDCWD, probe, RENAME_EXCHANGE) != 0)
        err = errno;
    rmdir(probe);
    rmdir(s->next);
    if (err) {
        rc = cs_fail(msg, CS_USAGE, "%s cannot be replaced atomically (%s)",
                     s->dir, strerror(err));
        ix_swap_finish(s);
    }
    return rc;
}

cs_status ix_swap_build(ix_swap *s, const char *const *sources, size_t n,
                        xs_wdb **out, char **msg)
{
    *out = NULL;
    cs_status rc = xs_compact(sources, n, s->next, n > 3, msg);
    if (rc == CS_OK)
        rc = xs_wdb_open(s->next, 0, out, msg);
    return rc;
}

/* Makes a rename in `dir`'s parent durable. */
static void sync_parent(const char *dir)
{
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", dir);
    char *slash = strrchr(parent, '/');
    if (!slash)
        return;
    if (slash == parent)
        slash[1] = '\0';
    else
        *slash = '\0';
    int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

cs_status ix_swap_commit(ix_swap *s, xs_wdb *old, xs_wdb *next, char **msg)
{
    cs_status rc = xs_wdb_commit(next, msg);
    if (rc == CS_OK)
        rc = carry_over(s->dir, s->next, 1, msg);
    if (rc == CS_OK)
        rc = xs_wdb_cancel(old, msg);
    if (rc == CS_OK &&
        renameat2(AT_FDCWD, s->next, AT_FDCWD, s->dir, RENAME_EXCHANGE) != 0)
        rc = cs_fail(msg, CS_IO, "cannot put the new database in place of %s: %s",
                     s->dir, strerror(errno));
    if (rc == CS_OK)
        sync_parent(s->dir);
    /* The old database (at s->next after the exchange) is removed while
     * the new one's lock is still held, so no other indexer can start
     * before it is gone. */
    xs_wdb_close(old);
    ix_rmtree(s->next);
    xs_wdb_close(next);
    return rc;
}
