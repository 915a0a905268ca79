/* ix_shards.c - the shard layout of an index directory (see ix_shards.h). */
#include "ix_shards.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ix_doc.h"

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Reads the stub of a sharded index: *n receives its shard count.  Only
 * the lines citesearch writes are accepted, in order, so that the count
 * and the routing of files stay what the first run made them. */
static cs_status read_stub(const char *stub, unsigned *n, char **msg)
{
    FILE *f = fopen(stub, "r");
    if (!f)
        return cs_fail(msg, CS_IO, "%s: %s", stub, strerror(errno));
    char line[PATH_MAX + 32];
    unsigned count = 0, no = 0;
    cs_status rc = CS_OK;
    while (rc == CS_OK && fgets(line, sizeof line, f)) {
        no++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char want[64];
        snprintf(want, sizeof want, "auto %s%u", IX_SHARD_PREFIX, count);
        if (strcmp(line, want) == 0)
            count++;
        else if (strncmp(line, "remote ", 7) == 0)
            rc = cs_fail(msg, CS_USAGE,
                         "%s: line %u names a remote shard: citesearch "
                         "writes only local shards (index on the machine "
                         "that serves the shard, into the directory it "
                         "serves)",
                         stub, no);
        else
            rc = cs_fail(msg, CS_CORRUPT,
                         "%s: line %u: expected '%s' (this stub lists the "
                         "shards of a citesearch index; keep stubs of your "
                         "own outside the index directory)",
                         stub, no, want);
    }
    if (rc == CS_OK && ferror(f))
        rc = cs_fail(msg, CS_IO, "%s: %s", stub, strerror(errno));
    fclose(f);
    if (rc == CS_OK && (count == 0 || count > IX_MAX_SHARDS))
        rc = cs_fail(msg, CS_CORRUPT, "%s: lists %u shards", stub, count);
    *n = count;
    return rc;
}

/* Writes the stub of a new sharded index through a rename, so that a
 * crash leaves either no stub or a whole one. */
static cs_status write_stub(const char *stub, unsigned n, char **msg)
{
    char tmp[PATH_MAX + 32];
    snprintf(tmp, sizeof tmp, "%s.tmp", stub);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return cs_fail(msg, CS_IO, "cannot create %s: %s", tmp, strerror(errno));
    fprintf(f,
            "# The %u shards of a citesearch index (index --shards %u): each\n"
            "# file is in one shard, chosen by a hash of its path.  Written by\n"
            "# citesearch; to search shards served by xapian-tcpsrv, write a\n"
            "# stub of your own with 'remote HOST:PORT' lines.\n",
            n, n);
    for (unsigned k = 0; k < n; k++)
        fprintf(f, "auto %s%u\n", IX_SHARD_PREFIX, k);
    int bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
    int err = errno;
    bad |= fclose(f) != 0;
    if (!bad && rename(tmp, stub) == 0)
        return CS_OK;
    err = bad ? err : errno;
    unlink(tmp);
    return cs_fail(msg, CS_IO, "cannot write %s: %s", stub, strerror(err));
}

static cs_status refuse(const char *db_path, unsigned have, int sharded,
                        unsigned want, char **msg)
{
    char layout[64];
    if (sharded)
        snprintf(layout, sizeof layout, "has %u shards", have);
    else
        snprintf(layout, sizeof layout, "is one database (not sharded)");
    return cs_fail(msg, CS_USAGE,
                   "%s %s: --shards %u needs a new index (index into another "
                   "--db, or remove %s and index again); without --shards "
                   "the index keeps its layout",
                   db_path, layout, want, db_path);
}

cs_status ix_shards_open(const char *db_path, unsigned want, ix_shards *out,
                         char **msg)
{
    memset(out, 0, sizeof *out);
    if (want > IX_MAX_SHARDS)
        return cs_fail(msg, CS_USAGE, "--shards %u: at most %d", want,
                       IX_MAX_SHARDS);
    struct stat st;
    if (stat(db_path, &st) == 0 && !S_ISDIR(st.st_mode))
        return cs_fail(msg, CS_USAGE,
                       "%s is a file, not an index directory: a stub file is "
                       "for querying; citesearch indexes into local "
                       "databases, whose shards can then be served and "
                       "listed in a stub",
                       db_path);

    char stub[PATH_MAX + 16], probe[PATH_MAX + 16];
    snprintf(stub, sizeof stub, "%s/%s", db_path, IX_STUB_NAME);
    unsigned have = 0; /* shards of the existing index; 0: a new one */
    int sharded = 0;
    snprintf(probe, sizeof probe, "%s/iamglass", db_path);
    if (exists(probe)) {
        have = 1;
    } else if (exists(stub)) {
        cs_status rc = read_stub(stub, &have, msg);
        if (rc != CS_OK)
            return rc;
        sharded = 1;
    }
    if (have && want && want != have)
        return refuse(db_path, have, sharded, want, msg);

    unsigned n = have ? have : want ? want : 1;
    if (!have)
        sharded = n > 1;
    if (!(out->db = calloc(n, sizeof *out->db)))
        return CS_NOMEM;
    out->n = n;
    out->sharded = sharded;
    cs_status rc = CS_OK;
    if (!sharded) {
        rc = xs_wdb_open(db_path, 1, &out->db[0], msg);
    } else {
        if (!have && mkdir(db_path, 0777) != 0 && errno != EEXIST)
            rc = cs_fail(msg, CS_IO, "cannot create %s: %s", db_path,
                         strerror(errno));
        /* A shard that went missing from an existing index is created
         * empty: its files have no records there any more, so this run
         * indexes them again. */
        for (unsigned k = 0; rc == CS_OK && k < n; k++) {
            char path[PATH_MAX + 32];
            snprintf(path, sizeof path, "%s/%s%u", db_path, IX_SHARD_PREFIX, k);
            rc = xs_wdb_open(path, 1, &out->db[k], msg);
        }
        /* Last, so that a stub always names shards that exist. */
        if (rc == CS_OK && !have)
            rc = write_stub(stub, n, msg);
    }
    if (rc != CS_OK)
        ix_shards_close(out);
    return rc;
}

void ix_shards_close(ix_shards *s)
{
    for (unsigned k = 0; s->db && k < s->n; k++)
        xs_wdb_close(s->db[k]);
    free(s->db);
    memset(s, 0, sizeof *s);
}

cs_status ix_shards_begin(ix_shards *s, char **msg)
{
    cs_status rc = CS_OK;
    for (unsigned k = 0; rc == CS_OK && k < s->n; k++)
        rc = xs_wdb_begin(s->db[k], msg);
    return rc;
}

cs_status ix_shards_commit(ix_shards *s, char **msg)
{
    cs_status rc = CS_OK;
    for (unsigned k = 0; rc == CS_OK && k < s->n; k++)
        rc = xs_wdb_commit(s->db[k], msg);
    return rc;
}

unsigned ix_shard_of(const char *rel, unsigned n)
{
    return n > 1 ? (unsigned)(ix_hash(rel, strlen(rel)) % n) : 0;
}

xs_wdb *ix_shard_for(const ix_shards *s, const char *rel)
{
    return s->db[ix_shard_of(rel, s->n)];
}
