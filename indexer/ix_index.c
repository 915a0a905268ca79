/* ix_index.c - an index run: walk, compare, analyze, write, commit
 * (see ix_index.h).  The files to read are planned first; then they are
 * indexed one after another into the index itself, or, when there are
 * many, by several writers at once (ix_parallel.h). */
#include "ix_index.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ix_file.h"
#include "ix_location.h"
#include "ix_manifest.h"
#include "ix_parallel.h"
#include "ix_progress.h"
#include "ix_shards.h"
#include "ix_swap.h"
#include "ix_walk.h"
#include "schema.h"
#include "xs.h"

/*
 * Text per transaction.  Xapian 1.4 gets slower, not faster, as the
 * changes of one transaction pile up, so commits are frequent; a commit
 * costs a few fsyncs.  Indexing the medium benchmark corpus (44.5 MB,
 * 129K passages, one writer, 2 cores; wall / CPU seconds):
 *     128 KB: 45.2 / 37.6      2 MB: 45.4 / 44.3
 *     256 KB: 38.9 / 34.8      4 MB: 78.6 / 50.2 (a busy machine)
 *     512 KB: 36.9 / 34.8      8 MB: 108.9 / 59.8 (a busy machine)
 *       1 MB: 37.3 / 36.2     16 MB: 75.2 / 57.3
 *                             32 MB: 53.9 / 53.3 (the former default)
 * From 256 KB to 1 MB is the flat bottom.  Since e-mail headers stopped
 * being passages (108K passages), with the default two writers, wall
 * seconds back to back: 256 KB 12.6-12.9, 384 KB 12.4-12.9, 512 KB
 * 12.5-13.3, 1 MB 14.3-14.4, 2 MB 15.3-15.9; one writer: 512 KB 26.1-27.4,
 * 1 MB 26.7-27.8.  512 KB: the fewest fsyncs among the fastest, and a
 * writer's memory near 40 MB.
 */
#define IX_DEFAULT_BATCH_BYTES (1u << 19)

/* Writers a run uses without --jobs: one per processor, but no more than
 * this, since each holds a transaction's changes in memory. */
#define IX_MAX_DEFAULT_JOBS 8
/* Without --jobs, several writers only for at least this much text to
 * (re)index: below it the run takes a few seconds anyway, and one writer
 * commits as it goes (an interrupted parallel run commits nothing). */
#define IX_PARALLEL_MIN_BYTES (4u << 20)
/* And only when the text to (re)index is at least 1/IX_PARALLEL_SHARE of
 * the index's: the merge rewrites the whole index (compaction runs at
 * about 30x the speed of indexing), which a small update to a large index
 * would not repay. */
#define IX_PARALLEL_SHARE 4

/* The run's state. */
typedef struct run {
    const ix_options *opts;
    ix_shards shards;      /* a file's passages and record go to its shard */
    ix_manifest *manifest;
    ix_summary *sum;
    char **msg;
    ix_progress progress;
} run;

/* Collects the recorded files under one argument's scope that the walk did
 * not find. */
typedef struct vanish_ctx {
    const char *scope;   /* root-relative argument, "." for the root */
    const ix_filelist *files; /* the walk's, for what it could not read */
    char **found;        /* sorted rel paths of the files found */
    size_t nfound;
    char **gone;
    size_t ngone, cap;
    int nomem;
} vanish_ctx;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int in_scope(const char *scope, const char *rel)
{
    if (strcmp(scope, ".") == 0)
        return 1;
    size_t n = strlen(scope);
    return strncmp(rel, scope, n) == 0 && (rel[n] == '\0' || rel[n] == '/');
}

static int on_record(void *ctx, const char *key, const char *val, size_t len)
{
    vanish_ctx *v = ctx;
    (void)val;
    (void)len;
    const char *rel = key + strlen(CS_META_FILE);
    if (!in_scope(v->scope, rel))
        return 0;
    for (size_t i = 0; i < v->files->nunread; i++)
        if (in_scope(v->files->unread[i], rel))
            return 0; /* there, but not readable now: kept */
    if (bsearch(&rel, v->found, v->nfound, sizeof *v->found, cmp_str))
        return 0;
    if (v->ngone == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        char **g = realloc(v->gone, cap * sizeof *g);
        if (!g) {
            v->nomem = 1;
            return 1;
        }
        v->gone = g;
        v->cap = cap;
    }
    if (!(v->gone[v->ngone] = strdup(rel))) {
        v->nomem = 1;
        return 1;
    }
    v->ngone++;
    return 0;
}

/* A recorded file that vanished, and the shard that holds it. */
typedef struct gone_file {
    char *rel;
    unsigned shard;
} gone_file;

static int cmp_gone(const void *a, const void *b)
{
    const gone_file *x = a, *y = b;
    return x->shard != y->shard ? (x->shard < y->shard ? -1 : 1)
                                : strcmp(x->rel, y->rel);
}

/* Lists the recorded files, in every shard, under the arguments' scopes
 * that the walk did not find, each once, by shard and path. */
static cs_status find_vanished(run *r, const ix_filelist *files, char **scopes,
                               size_t nscopes, gone_file **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    char **found = malloc((files->n + 1) * sizeof *found);
    if (!found)
        return CS_NOMEM;
    /* An alias is not found: what an earlier run indexed under it goes. */
    size_t nfound = 0;
    for (size_t i = 0; i < files->n; i++)
        if (!files->items[i].alias)
            found[nfound++] = files->items[i].rel;
    qsort(found, nfound, sizeof *found, cmp_str);

    cs_status rc = CS_OK;
    size_t n = 0, cap = 0;
    gone_file *list = NULL;
    for (size_t s = 0; s < nscopes && rc == CS_OK; s++) {
        for (unsigned k = 0; scopes[s] && rc == CS_OK && k < r->shards.n; k++) {
            vanish_ctx v = {.scope = scopes[s], .files = files,
                            .found = found, .nfound = nfound};
            char prefix[PATH_MAX + 16];
            snprintf(prefix, sizeof prefix, "%s%s", CS_META_FILE,
                     strcmp(scopes[s], ".") ? scopes[s] : "");
            rc = xs_wdb_metadata_each(r->shards.db[k], prefix, on_record, &v,
                                      r->msg);
            if (rc == CS_OK && v.nomem)
                rc = CS_NOMEM;
            for (size_t i = 0; i < v.ngone; i++) {
                if (rc == CS_OK && n == cap) {
                    size_t c = cap ? cap * 2 : 16;
                    gone_file *g = realloc(list, c * sizeof *g);
                    if (g) {
                        list = g;
                        cap = c;
                    } else {
                        rc = CS_NOMEM;
                    }
                }
                if (rc == CS_OK) {
                    list[n++] = (gone_file){.rel = v.gone[i], .shard = k};
                    v.gone[i] = NULL;
                }
                free(v.gone[i]);
            }
            free(v.gone);
        }
    }
    free(found);
    /* Overlapping arguments find a file twice: keep it once. */
    if (n > 1)
        qsort(list, n, sizeof *list, cmp_gone);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && list[kept - 1].shard == list[i].shard &&
            !strcmp(list[kept - 1].rel, list[i].rel))
            free(list[i].rel);
        else
            list[kept++] = list[i];
    }
    *out = list;
    *nout = kept;
    return rc;
}

static void free_vanished(gone_file *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(g[i].rel);
    free(g);
}

typedef struct scope_ctx {
    const char *scope;
    int found;
} scope_ctx;

static int on_scope_record(void *ctx, const char *key, const char *val,
                           size_t len)
{
    scope_ctx *c = ctx;
    (void)val;
    (void)len;
    c->found = in_scope(c->scope, key + strlen(CS_META_FILE));
    return c->found;
}

/* Non-zero when some recorded file, in any shard, lies under `scope`. */
static int scope_has_records(const ix_shards *shards, const char *scope)
{
    char prefix[PATH_MAX + 16];
    snprintf(prefix, sizeof prefix, "%s%s", CS_META_FILE,
             strcmp(scope, ".") ? scope : "");
    scope_ctx c = {.scope = scope};
    for (unsigned k = 0; !c.found && k < shards->n; k++)
        xs_wdb_metadata_each(shards->db[k], prefix, on_scope_record, &c, NULL);
    return c.found;
}

/* Reads or records the index root and checks the schema, in every shard.
 * A shard without them (a new index, or a shard that missed the first
 * commit) gets the index's: the root recorded elsewhere, else the current
 * directory. */
static cs_status prepare_index(run *r, char **root_rel, char **root_abs)
{
    char *root = NULL;
    cs_status rc = CS_OK;
    for (unsigned k = 0; rc == CS_OK && k < r->shards.n; k++) {
        char *schema = NULL, *stored = NULL;
        rc = xs_wdb_get_metadata(r->shards.db[k], CS_META_SCHEMA, &schema,
                                 NULL, r->msg);
        if (rc == CS_OK)
            rc = xs_wdb_get_metadata(r->shards.db[k], CS_META_ROOT, &stored,
                                     NULL, r->msg);
        if (rc == CS_OK && *schema && strcmp(schema, CS_SCHEMA_VERSION) != 0 &&
            strcmp(schema, CS_SCHEMA_FORMER) != 0)
            rc = cs_fail(r->msg, CS_CORRUPT,
                         "%s: index format %s, this citesearch writes format "
                         "%s: remove the index and index again",
                         r->opts->db_path, schema, CS_SCHEMA_VERSION);
        if (rc == CS_OK && *schema && !root) {
            root = stored;
            stored = NULL;
        }
        free(schema);
        free(stored);
    }
    if (rc == CS_OK && !root)
        rc = ix_relative_path(r->opts->db_path, ".", &root, r->msg);
    for (unsigned k = 0; rc == CS_OK && k < r->shards.n; k++) {
        char *schema = NULL;
        rc = xs_wdb_get_metadata(r->shards.db[k], CS_META_SCHEMA, &schema,
                                 NULL, r->msg);
        /* An index of the former format holds this one's passages from
         * now on (schema.h). */
        if (rc == CS_OK && strcmp(schema, CS_SCHEMA_VERSION) != 0)
            rc = xs_wdb_set_metadata(r->shards.db[k], CS_META_SCHEMA,
                                     CS_SCHEMA_VERSION,
                                     strlen(CS_SCHEMA_VERSION), r->msg);
        if (rc == CS_OK && !*schema)
            rc = xs_wdb_set_metadata(r->shards.db[k], CS_META_ROOT, root,
                                     strlen(root), r->msg);
        free(schema);
    }
    if (rc == CS_OK)
        rc = ix_root_path(r->opts->db_path, root, root_abs, r->msg);
    *root_rel = root;
    return rc;
}

static int cmp_file_rel(const void *a, const void *b)
{
    const ix_file *x = *(const ix_file *const *)a, *y = *(const ix_file *const *)b;
    int c = strcmp(x->rel, y->rel);
    return c ? c : (x < y ? -1 : x > y);
}

static int cmp_file_inode(const void *a, const void *b)
{
    const ix_file *x = *(const ix_file *const *)a, *y = *(const ix_file *const *)b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    if (x->ino != y->ino)
        return x->ino < y->ino ? -1 : 1;
    return strcmp(x->rel, y->rel);
}

/*
 * Marks the aliases among the files: one file reached under several paths
 * (a symbolic link to it, a linked folder, a hard link) is indexed once,
 * under the path that sorts first, whatever the walk's order; before, each
 * path was a copy of its passages, and a query answered each twice.  The
 * same path found twice (overlapping arguments) is no alias: plan() reads
 * it once.
 */
static cs_status mark_aliases(run *r, ix_filelist *files)
{
    ix_file **byino = malloc((files->n + 1) * sizeof *byino);
    if (!byino)
        return CS_NOMEM;
    for (size_t i = 0; i < files->n; i++)
        byino[i] = &files->items[i];
    qsort(byino, files->n, sizeof *byino, cmp_file_inode);
    for (size_t i = 1, first = 0; i < files->n; i++) {
        if (byino[i]->dev != byino[first]->dev || byino[i]->ino != byino[first]->ino) {
            first = i;
        } else if (strcmp(byino[i]->rel, byino[first]->rel) != 0) {
            byino[i]->alias = 1;
            if (r->opts->verbose)
                fprintf(r->opts->log,
                        "citesearch: %s: the same file as %s (skipped)\n",
                        byino[i]->abs, byino[first]->rel);
        }
    }
    free(byino);
    return CS_OK;
}

/* The files of a run not recorded under their own path, by inode, and
 * the walk's paths, while the records are looked through. */
typedef struct adopt_ctx {
    const char *root;
    ix_file **fresh;     /* sorted by inode number (cmp_fresh) */
    char **walk_rel;     /* fresh[i]'s path as walked, once it took a
                            recorded one (freed at the end: `walked`
                            points to it), else NULL */
    size_t nfresh;
    const char **walked; /* the walk's paths, sorted */
    size_t nwalked;
    FILE *log;
    int verbose;
    int nomem;
} adopt_ctx;

static int cmp_fresh(const void *a, const void *b)
{
    const ix_file *x = *(const ix_file *const *)a, *y = *(const ix_file *const *)b;
    return x->ino != y->ino ? (x->ino < y->ino ? -1 : 1) : strcmp(x->rel, y->rel);
}

static int cmp_ino(const void *key, const void *item)
{
    uint64_t k = *(const uint64_t *)key;
    uint64_t i = (uint64_t)(*(ix_file *const *)item)->ino;
    return k < i ? -1 : k > i;
}

static int on_adopt_record(void *ctx, const char *key, const char *val,
                           size_t len)
{
    adopt_ctx *c = ctx;
    char buf[200];
    ix_record rec;
    snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf ? len : sizeof buf - 1),
             val);
    ix_record_parse(buf, &rec);
    uint64_t ino = rec.ino;
    if (ino == 0)
        return 0;
    ix_file **hit = bsearch(&ino, c->fresh, c->nfresh, sizeof *hit, cmp_ino);
    if (!hit)
        return 0;
    const char *rel = key + strlen(CS_META_FILE);
    if (bsearch(&rel, c->walked, c->nwalked, sizeof *c->walked, cmp_str))
        return 0; /* the walk found it too: mark_aliases chose */
    /* The recorded path must still be this file, not another one that
     * took its inode number. */
    char *path = NULL;
    struct stat st;
    if (asprintf(&path, "%s/%s", c->root, rel) < 0) {
        c->nomem = 1;
        return 1;
    }
    int same = stat(path, &st) == 0;
    free(path);
    /* Every file of that inode (the run may reach one under two paths). */
    while (hit > c->fresh && (uint64_t)hit[-1]->ino == ino)
        hit--;
    for (; same && hit < c->fresh + c->nfresh && (uint64_t)(*hit)->ino == ino;
         hit++) {
        ix_file *f = *hit;
        char **walk_rel = &c->walk_rel[hit - c->fresh];
        /* Of several recorded paths, the one sorting first: the one a
         * whole walk keeps. */
        if (f->dev != st.st_dev || f->ino != st.st_ino ||
            (*walk_rel && strcmp(rel, f->rel) >= 0))
            continue;
        char *copy = strdup(rel);
        if (!copy) {
            c->nomem = 1;
            return 1;
        }
        if (c->verbose)
            fprintf(c->log, "citesearch: %s: the same file as %s (indexed as it)\n",
                    *walk_rel ? *walk_rel : f->rel, copy);
        if (*walk_rel)
            free(f->rel);
        else
            *walk_rel = f->rel;
        f->rel = copy;
    }
    return 0;
}

/*
 * A file the index holds under another path, which this run does not
 * walk (a symbolic or hard link to it, found by a run given the whole
 * folder, under the path sorting first): the run keeps that path for it.
 * A run given a subfolder, or the file, reached it under its other name,
 * found no record there, and indexed it again: every passage answered
 * twice, until a run over the whole folder removed the copy.  Looked for
 * only when some file of the run has no record (a new file, or one under
 * a new name), in the records' inode numbers.
 */
static cs_status adopt_recorded_names(run *r, const char *root,
                                      ix_filelist *files)
{
    adopt_ctx c = {.root = root, .log = r->opts->log,
                   .verbose = r->opts->verbose};
    c.fresh = malloc((files->n + 1) * sizeof *c.fresh);
    c.walked = malloc((files->n + 1) * sizeof *c.walked);
    c.walk_rel = calloc(files->n + 1, sizeof *c.walk_rel);
    cs_status rc = c.fresh && c.walked && c.walk_rel ? CS_OK : CS_NOMEM;
    for (size_t i = 0; rc == CS_OK && i < files->n; i++) {
        ix_file *f = &files->items[i];
        c.walked[c.nwalked++] = f->rel;
        if (f->alias || !ix_record_key_fits(f->rel))
            continue;
        ix_record old;
        int found = 0;
        rc = ix_record_get(ix_shard_for(&r->shards, f->rel), f->rel, &old,
                           &found, r->msg);
        if (rc == CS_OK && !found)
            c.fresh[c.nfresh++] = f;
    }
    if (rc == CS_OK && c.nfresh > 0) {
        qsort(c.fresh, c.nfresh, sizeof *c.fresh, cmp_fresh);
        qsort(c.walked, c.nwalked, sizeof *c.walked, cmp_str);
        for (unsigned k = 0; rc == CS_OK && k < r->shards.n; k++)
            rc = xs_wdb_metadata_each(r->shards.db[k], CS_META_FILE,
                                      on_adopt_record, &c, r->msg);
        if (rc == CS_OK && c.nomem)
            rc = CS_NOMEM;
    }
    for (size_t i = 0; i < c.nfresh; i++)
        free(c.walk_rel[i]);
    free(c.walk_rel);
    free(c.fresh);
    free(c.walked);
    return rc;
}

/*
 * The files of the walk the run must read: new ones, those whose size
 * or mtime differ from their record, those read the way of an older
 * citesearch (CS_READING_VERSION), and those whose manifest metadata
 * differs from the one they were indexed with (ix_record_meta_changed);
 * the others are counted unchanged.
 * A file found twice (overlapping arguments) is read once.  *todo_bytes
 * receives the size of the files to read, *all_bytes that of every file
 * found.
 */
static cs_status plan(run *r, const ix_filelist *files, ix_task **out,
                      size_t *nout, uint64_t *todo_bytes, uint64_t *all_bytes)
{
    *out = NULL;
    *nout = 0;
    *todo_bytes = *all_bytes = 0;
    const ix_file **byrel = malloc((files->n + 1) * sizeof *byrel);
    ix_task *tasks = calloc(files->n + 1, sizeof *tasks);
    if (!byrel || !tasks) {
        free(byrel);
        free(tasks);
        return CS_NOMEM;
    }
    for (size_t i = 0; i < files->n; i++)
        byrel[i] = &files->items[i];
    qsort(byrel, files->n, sizeof *byrel, cmp_file_rel);
    /* Marks the later copies of a path: a NULL rel in a copy of the list
     * would do, but the list is the caller's; a bitmap is enough. */
    unsigned char *dup = calloc(files->n / 8 + 1, 1);
    if (!dup) {
        free(byrel);
        free(tasks);
        return CS_NOMEM;
    }
    for (size_t i = 1; i < files->n; i++)
        if (strcmp(byrel[i]->rel, byrel[i - 1]->rel) == 0) {
            size_t at = (size_t)(byrel[i] - files->items);
            dup[at / 8] |= (unsigned char)(1u << (at % 8));
        }
    free(byrel);

    cs_status rc = CS_OK;
    size_t n = 0;
    for (size_t i = 0; rc == CS_OK && i < files->n; i++) {
        const ix_file *file = &files->items[i];
        if (dup[i / 8] & (1u << (i % 8))) {
            r->sum->unchanged++;
            continue;
        }
        if (file->alias) {
            r->sum->skipped++;
            continue;
        }
        if (!ix_record_key_fits(file->rel)) {
            fprintf(r->opts->log,
                    "citesearch: %s: path too long to index (skipped)\n",
                    file->abs);
            r->sum->skipped++;
            continue;
        }
        ix_task *t = &tasks[n];
        rc = ix_record_get(ix_shard_for(&r->shards, file->rel), file->rel,
                           &t->old, &t->have_old, r->msg);
        if (rc != CS_OK)
            break;
        *all_bytes += file->size;
        /* The manifests are in memory, and their metadata's hash is a few
         * short strings: comparing it costs an unchanged file no read. */
        t->meta = ix_manifest_find(r->manifest, file->rel);
        /* Another file put in its place with the same size and time (mv,
         * cp -p) has another inode, and the file written again in place
         * with its size and mtime put back (cp -p onto it, a tool that
         * keeps a file's date) another status change time, which no one
         * can set: read, its bytes decide.  A record without them (an
         * older citesearch's) is trusted as before. */
        if (t->have_old && t->old.size == file->size &&
            t->old.mtime_ns == file->mtime_ns &&
            (t->old.ino == 0 || t->old.ino == (uint64_t)file->ino) &&
            (t->old.ctime_ns == 0 || t->old.ctime_ns == file->ctime_ns) &&
            t->old.reading == CS_READING_VERSION &&
            !ix_record_meta_changed(&t->old, ix_meta_hash(t->meta))) {
            r->sum->unchanged++;
            continue;
        }
        t->file = file;
        *todo_bytes += file->size;
        n++;
    }
    free(dup);
    if (rc != CS_OK) {
        free(tasks);
        return rc;
    }
    *out = tasks;
    *nout = n;
    return CS_OK;
}

/* Counts what became of the tasks in the summary. */
static void count_outcomes(ix_summary *sum, const ix_task *tasks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const ix_task *t = &tasks[i];
        if (t->outcome != IX_PENDING && t->outcome != IX_UNREADABLE) {
            sum->read++;
            sum->bytes += t->bytes;
        }
        switch (t->outcome) {
        case IX_INDEXED:
            sum->indexed++;
            sum->passages += t->now.passages;
            break;
        case IX_TOUCHED:
            sum->unchanged++;
            break;
        case IX_BINARY:
        case IX_UNREADABLE:
            sum->skipped++;
            break;
        case IX_PENDING:
            break;
        }
    }
}

/* The number of writers for a run with `ntasks` files of `todo` bytes to
 * read, in an index of `all` bytes: 1 unless several would pay (see
 * IX_PARALLEL_MIN_BYTES and IX_PARALLEL_SHARE).  A sharded index is
 * written shard by shard, one writer (its shards are many databases
 * already). */
static unsigned choose_jobs(const run *r, size_t ntasks, uint64_t todo,
                            uint64_t all)
{
    if (r->shards.sharded || r->shards.n != 1 || ntasks < 2)
        return 1;
    unsigned jobs = r->opts->jobs;
    if (jobs == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus < 1 ? 1
               : cpus > IX_MAX_DEFAULT_JOBS ? IX_MAX_DEFAULT_JOBS
                                            : (unsigned)cpus;
        if (todo < IX_PARALLEL_MIN_BYTES)
            return 1;
    }
    if (jobs < 2 || todo * IX_PARALLEL_SHARE < all)
        return 1;
    return jobs;
}

static size_t batch_bytes(const ix_options *opts)
{
    return opts->batch_bytes ? opts->batch_bytes : IX_DEFAULT_BATCH_BYTES;
}

/* One writer: every change goes into the index itself, committed in
 * batches of whole files. */
static cs_status run_serial(run *r, ix_task *tasks, size_t ntasks,
                            const gone_file *gone, size_t ngone)
{
    const ix_options *opts = r->opts;
    cs_status rc = CS_OK;
    /* Each shard loses the records it holds itself. */
    for (size_t i = 0; rc == CS_OK && i < ngone; i++) {
        rc = ix_file_remove(r->shards.db[gone[i].shard], gone[i].rel, r->msg);
        if (rc == CS_OK) {
            r->sum->removed++;
            if (opts->verbose)
                fprintf(opts->log, "removed %s\n", gone[i].rel);
        }
    }
    ix_worker w;
    if (rc == CS_OK)
        rc = ix_worker_init(&w, opts->log, opts->verbose, r->msg);
    else
        memset(&w, 0, sizeof w);
    size_t pending = 0;
    for (size_t i = 0; rc == CS_OK && i < ntasks; i++) {
        if (opts->stop && *opts->stop) {
            rc = cs_fail(r->msg, CS_INTERRUPTED,
                         "interrupted: the index holds the last commit");
            break;
        }
        ix_task *t = &tasks[i];
        rc = ix_file_index(&w, ix_shard_for(&r->shards, t->file->rel), t, 1,
                           r->msg);
        pending += t->bytes;
        if (rc == CS_OK && pending >= batch_bytes(opts)) {
            rc = ix_shards_commit(&r->shards, r->msg);
            if (rc == CS_OK)
                rc = ix_shards_begin(&r->shards, r->msg);
            pending = 0;
        }
        ix_progress_add(&r->progress, t->file->size);
        ix_progress_show(&r->progress, i + 1 == ntasks);
    }
    ix_progress_end(&r->progress);
    if (rc == CS_OK)
        rc = ix_shards_commit(&r->shards, r->msg);
    ix_worker_clear(&w);
    return rc;
}

/* Several writers, merged and swapped in (ix_parallel.h). */
static cs_status run_parallel(run *r, ix_swap *swap, unsigned jobs,
                              const char *root_rel, const char *manifests,
                              ix_task *tasks,
                              size_t ntasks, const gone_file *gone,
                              size_t ngone)
{
    char **rels = calloc(ngone + 1, sizeof *rels);
    if (!rels)
        return CS_NOMEM;
    for (size_t i = 0; i < ngone; i++)
        rels[i] = gone[i].rel;
    ix_parallel_opts po = {.jobs = jobs, .batch_bytes = batch_bytes(r->opts),
                           .part_bytes = r->opts->part_bytes,
                           .log = r->opts->log, .verbose = r->opts->verbose,
                           .stop = r->opts->stop, .progress = &r->progress,
                           .root = root_rel, .manifests = manifests};
    cs_status rc = ix_parallel_run(&po, swap, r->shards.db[0], tasks, ntasks,
                                   rels, ngone, r->msg);
    r->shards.db[0] = NULL; /* closed by ix_parallel_run */
    if (rc == CS_OK)
        r->sum->removed += (unsigned)ngone;
    free(rels);
    return rc;
}

/* Appends `line` and a newline to the malloc'd list *list. */
static cs_status list_add(char **list, const char *line)
{
    size_t had = *list ? strlen(*list) : 0, len = strlen(line);
    char *grown = realloc(*list, had + len + 2);
    if (!grown)
        return CS_NOMEM;
    memcpy(grown + had, line, len);
    memcpy(grown + had + len, "\n", 2);
    *list = grown;
    return CS_OK;
}

/* Loads the manifest at root-relative `rel`, whose rows name paths
 * relative to its own folder. */
static cs_status load_manifest_at(run *r, const char *root, const char *rel)
{
    char *path = NULL, *dir = strdup(rel);
    if (!dir || asprintf(&path, "%s/%s", root, rel) < 0) {
        free(dir);
        return CS_NOMEM;
    }
    char *slash = strrchr(dir, '/');
    cs_status rc = ix_manifest_load(r->manifest, path, slash ? (*slash = '\0', dir) : ".",
                                    r->msg);
    free(path);
    free(dir);
    return rc;
}

/*
 * The manifests given with --manifest, to this run or an earlier one
 * (CS_META_MANIFESTS), loaded after the walk's folder manifests, whose
 * rows they override.  Without the record a run given the option once
 * kept its metadata only until the next run without it, which re-indexed
 * those files with their first lines for titles and no source.  A
 * recorded manifest that is gone no longer applies, as the log says; the
 * run's own comes last, so its rows win.  *record is the list to record
 * when it differs from the index's, else NULL.
 */
static cs_status load_given_manifests(run *r, const char *root, char **record)
{
    char *had = NULL, *lines = NULL, *own = NULL, *keep = NULL;
    cs_status rc = xs_wdb_get_metadata(r->shards.db[0], CS_META_MANIFESTS, &had,
                                       NULL, r->msg);
    if (rc == CS_OK && r->opts->manifest_path)
        rc = ix_relative_file(root, r->opts->manifest_path, &own, r->msg);
    if (rc == CS_OK && !(lines = strdup(had)))
        rc = CS_NOMEM;
    char *save = NULL;
    for (char *line = lines ? strtok_r(lines, "\n", &save) : NULL;
         rc == CS_OK && line; line = strtok_r(NULL, "\n", &save)) {
        if (own && strcmp(line, own) == 0)
            continue;
        char *path = NULL;
        if (asprintf(&path, "%s/%s", root, line) < 0)
            rc = CS_NOMEM;
        else if (access(path, F_OK) != 0)
            fprintf(r->opts->log,
                    "%s: a manifest an earlier run was given (--manifest) is "
                    "gone: its metadata no longer applies\n", line);
        else if ((rc = load_manifest_at(r, root, line)) == CS_OK)
            rc = list_add(&keep, line);
        free(path);
    }
    if (rc == CS_OK && own && (rc = load_manifest_at(r, root, own)) == CS_OK)
        rc = list_add(&keep, own);
    if (rc == CS_OK && strcmp(had, keep ? keep : "") != 0) {
        *record = keep ? keep : strdup("");
        keep = NULL;
        if (!*record)
            rc = CS_NOMEM;
    }
    free(had);
    free(lines);
    free(own);
    free(keep);
    return rc;
}

cs_status ix_run(const ix_options *opts, char *const *paths, size_t npaths,
                 ix_summary *sum, char **msg)
{
    memset(sum, 0, sizeof *sum);
    run r = {.opts = opts, .sum = sum, .msg = msg};

    cs_status rc = ix_shards_open(opts->db_path, opts->shards, &r.shards, msg);
    if (rc != CS_OK)
        return rc;
    sum->shards = r.shards.n;
    /* What an interrupted parallel run or compaction left (ix_swap.h),
     * now that the write locks are ours. */
    if (!r.shards.sharded)
        rc = ix_swap_cleanup(opts->db_path, msg);
    for (unsigned k = 0; r.shards.sharded && rc == CS_OK && k < r.shards.n; k++) {
        char shard[PATH_MAX + 32];
        snprintf(shard, sizeof shard, "%s/%s%u", opts->db_path,
                 IX_SHARD_PREFIX, k);
        rc = ix_swap_cleanup(shard, msg);
    }
    char *root = NULL, *root_rel = NULL, *manifests = NULL;
    char **scopes = calloc(npaths + 1, sizeof *scopes);
    ix_filelist files = {0};
    ix_task *tasks = NULL;
    size_t ntasks = 0;
    gone_file *gone = NULL;
    size_t ngone = 0;
    r.manifest = ix_manifest_new();
    if (rc == CS_OK && (!scopes || !r.manifest))
        rc = CS_NOMEM;
    if (r.manifest)
        ix_manifest_set_log(r.manifest, opts->log);
    if (rc == CS_OK)
        rc = ix_shards_begin(&r.shards, msg);
    if (rc == CS_OK)
        rc = prepare_index(&r, &root_rel, &root);
    if (rc == CS_OK)
        rc = ix_manifest_set_root(r.manifest, root);

    /* Walk every argument first: the manifests found on the way apply to
     * every file, wherever it was listed. */
    for (size_t i = 0; rc == CS_OK && i < npaths; i++) {
        char *walk_msg = NULL;
        cs_status w = ix_walk(root, paths[i], r.manifest, &files, &scopes[i],
                              opts->log, opts->verbose, &walk_msg);
        if (w == CS_NOT_FOUND) {
            /* Gone: its recorded files are removed below; a path that was
             * never indexed is an error. */
            int known = scopes[i] && scope_has_records(&r.shards, scopes[i]);
            if (!known) {
                rc = cs_fail(msg, CS_NOT_FOUND, "%s", walk_msg);
            }
            free(walk_msg);
        } else if (w != CS_OK) {
            rc = w;
            if (msg && !*msg)
                *msg = walk_msg;
            else
                free(walk_msg);
        }
    }
    if (rc == CS_OK)
        rc = load_given_manifests(&r, root, &manifests);
    sum->files = (unsigned)files.n;
    sum->skipped = files.skipped + files.errors;

    uint64_t todo_bytes = 0, all_bytes = 0;
    if (rc == CS_OK)
        rc = mark_aliases(&r, &files);
    if (rc == CS_OK)
        rc = adopt_recorded_names(&r, root, &files);
    if (rc == CS_OK)
        rc = plan(&r, &files, &tasks, &ntasks, &todo_bytes, &all_bytes);
    if (rc == CS_OK)
        rc = find_vanished(&r, &files, scopes, npaths, &gone, &ngone);
    unsigned jobs = rc == CS_OK ? choose_jobs(&r, ntasks, todo_bytes, all_bytes)
                                : 1;
    ix_swap swap = {0};
    if (jobs > 1) {
        char *why = NULL;
        cs_status s = ix_swap_prepare(opts->db_path, &swap, &why);
        if (s == CS_USAGE) {
            /* The index is written in place instead, one writer. */
            if (opts->verbose)
                fprintf(opts->log, "one writer: %s\n", why);
            jobs = 1;
        } else if (s != CS_OK) {
            rc = s;
            if (msg && !*msg)
                *msg = why, why = NULL;
        }
        free(why);
    }
    ix_progress_start(&r.progress, opts->log,
                      !opts->quiet && isatty(fileno(opts->log)), ntasks,
                      todo_bytes);
    sum->writers = jobs < ntasks ? jobs : ntasks > 0 ? (unsigned)ntasks : 1;
    /* In place, the list is committed with the run's first batch; a
     * parallel run records it in the merged database (ix_parallel.h). */
    for (unsigned k = 0; rc == CS_OK && manifests && jobs == 1 && k < r.shards.n; k++)
        rc = xs_wdb_set_metadata(r.shards.db[k], CS_META_MANIFESTS, manifests,
                                 strlen(manifests), msg);
    if (rc == CS_OK && jobs > 1)
        rc = run_parallel(&r, &swap, jobs, root_rel, manifests, tasks, ntasks,
                          gone, ngone);
    else if (rc == CS_OK)
        rc = run_serial(&r, tasks, ntasks, gone, ngone);
    if (jobs > 1)
        ix_swap_finish(&swap);
    count_outcomes(sum, tasks, ntasks);
    if (r.manifest)
        sum->bad_manifest_rows = ix_manifest_bad_rows(r.manifest);
    /* Closing without a commit discards the unfinished batch. */
    ix_shards_close(&r.shards);
    ix_manifest_free(r.manifest);
    ix_filelist_clear(&files);
    free(tasks);
    free_vanished(gone, ngone);
    for (size_t i = 0; scopes && i < npaths; i++)
        free(scopes[i]);
    free(scopes);
    free(root);
    free(root_rel);
    free(manifests);
    return rc;
}
