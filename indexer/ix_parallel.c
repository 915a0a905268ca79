/* ix_parallel.c - an index run on several cores (see ix_parallel.h). */
#include "ix_parallel.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ix_doc.h"
#include "schema.h"

/* What the threads share. */
typedef struct pool {
    const ix_parallel_opts *o;
    const char *work;       /* the directory the scratch databases go in */
    ix_task *tasks;
    size_t n;
    atomic_size_t next;     /* the next task to take */
    atomic_int failed;      /* a thread failed: the others stop */
    atomic_uint running;    /* threads not finished yet */
    pthread_mutex_t mu;     /* guards rc and msg */
    cs_status rc;           /* the first failure */
    char *msg;
} pool;

/* Text a writer puts in one scratch database before it starts another.
 * Xapian's cost per document grows with the database it updates (each
 * commit reads and rewrites the last block of every term it touches, in
 * a B-tree that grows): ten times the medium benchmark corpus took 13
 * times its time with one database per writer, and its writers took 75 s
 * instead of 87 in databases of this much text each (bench/README.md
 * "Seventeenth round").  The merge takes them all. */
#define IX_PART_BYTES ((size_t)64 << 20)

/* One thread and the scratch databases it writes, one after the other:
 * DIR/part-K-0, part-K-1, ... */
typedef struct writer_parts {
    pool *pool;
    unsigned k;             /* the thread's number */
    char (*paths)[PATH_MAX];
    unsigned *docs;         /* documents in each, numbered 1..docs */
    unsigned n;             /* databases written (the last maybe open) */
    pthread_t thread;
} writer_parts;

static int stopped(const pool *p)
{
    return atomic_load(&p->failed) || (p->o->stop && *p->o->stop);
}

static void fail(pool *p, cs_status rc, char *msg)
{
    pthread_mutex_lock(&p->mu);
    if (p->rc == CS_OK) {
        p->rc = rc;
        p->msg = msg;
        msg = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    free(msg);
    atomic_store(&p->failed, 1);
}

/* Opens scratch database wp->n for writing, in a transaction, with the
 * index's own metadata, the same in every database (so the merge keeps
 * one copy), for a new index that has none committed yet. */
static cs_status part_open(writer_parts *wp, xs_wdb **db, char **msg)
{
    const ix_parallel_opts *o = wp->pool->o;
    char (*paths)[PATH_MAX] = realloc(wp->paths, (wp->n + 1) * sizeof *paths);
    if (paths)
        wp->paths = paths;
    unsigned *docs = paths ? realloc(wp->docs, (wp->n + 1) * sizeof *docs) : NULL;
    if (docs)
        wp->docs = docs;
    if (!paths || !docs)
        return CS_NOMEM;
    snprintf(wp->paths[wp->n], PATH_MAX, "%s/part-%u-%u", wp->pool->work, wp->k, wp->n);
    wp->docs[wp->n] = 0;
    wp->n++;
    cs_status rc = xs_wdb_open_scratch(wp->paths[wp->n - 1], db, msg);
    if (rc == CS_OK)
        rc = xs_wdb_begin(*db, msg);
    if (rc == CS_OK)
        rc = xs_wdb_set_metadata(*db, CS_META_SCHEMA, CS_SCHEMA_VERSION,
                                 strlen(CS_SCHEMA_VERSION), msg);
    if (rc == CS_OK)
        rc = xs_wdb_set_metadata(*db, CS_META_ROOT, o->root, strlen(o->root), msg);
    return rc;
}

/* Commits and closes the open scratch database, counting its documents. */
static cs_status part_close(writer_parts *wp, xs_wdb *db, char **msg)
{
    cs_status rc = xs_wdb_commit(db, msg);
    if (rc == CS_OK)
        wp->docs[wp->n - 1] = xs_wdb_doccount(db);
    xs_wdb_close(db);
    return rc;
}

static void *writer(void *arg)
{
    writer_parts *wp = arg;
    pool *p = wp->pool;
    const ix_parallel_opts *o = p->o;
    ix_worker w;
    xs_wdb *db = NULL;
    char *msg = NULL;
    cs_status rc = ix_worker_init(&w, o->log, o->verbose, &msg);
    size_t pending = 0, in_part = 0;
    while (rc == CS_OK && !stopped(p)) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->n)
            break;
        ix_task *t = &p->tasks[i];
        /* A part is opened for a file to write, so that none is left
         * empty for the merge to read. */
        if (!db)
            rc = part_open(wp, &db, &msg);
        if (rc == CS_OK)
            rc = ix_file_index(&w, db, t, 0, &msg);
        /* A new file's record cannot clash with the index's (it has none
         * there): it goes with the passages, and the merge needs no
         * transaction of its own for it. */
        if (rc == CS_OK && t->outcome == IX_INDEXED && !t->have_old)
            rc = ix_record_put(db, t->file->rel, &t->now, &msg);
        ix_progress_add(o->progress, t->file->size);
        pending += t->bytes;
        in_part += t->bytes;
        /* Small transactions, as in one-writer runs (ix_index.c): Xapian
         * slows down as a transaction's changes pile up.  A file's
         * passages stay in one database, in their order. */
        if (rc == CS_OK && in_part >= (o->part_bytes ? o->part_bytes : IX_PART_BYTES)) {
            rc = part_close(wp, db, &msg);
            db = NULL;
            pending = in_part = 0;
        } else if (rc == CS_OK && pending >= o->batch_bytes) {
            rc = xs_wdb_commit(db, &msg);
            if (rc == CS_OK)
                rc = xs_wdb_begin(db, &msg);
            pending = 0;
        }
    }
    if (db) {
        cs_status closed = rc == CS_OK ? part_close(wp, db, &msg) : CS_OK;
        if (rc != CS_OK)
            xs_wdb_close(db);
        rc = closed != CS_OK ? closed : rc;
    }
    ix_worker_clear(&w);
    if (rc != CS_OK)
        fail(p, rc, msg);
    else
        free(msg);
    atomic_fetch_sub(&p->running, 1);
    return NULL;
}

/* Starts the writers and waits for them, showing the progress line.  The
 * threads block SIGINT and SIGTERM, so that the signal handler runs in
 * this thread and no read of theirs is cut short. */
static cs_status run_writers(pool *p, writer_parts *parts, unsigned n, char **msg)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    unsigned started = 0;
    for (; started < n; started++) {
        atomic_fetch_add(&p->running, 1);
        if (pthread_create(&parts[started].thread, NULL, writer,
                           &parts[started]) != 0) {
            atomic_fetch_sub(&p->running, 1);
            fail(p, CS_INTERNAL, NULL);
            break;
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    const struct timespec tick = {0, 50 * 1000 * 1000};
    while (atomic_load(&p->running) > 0) {
        ix_progress_show(p->o->progress, 0);
        nanosleep(&tick, NULL);
    }
    for (unsigned k = 0; k < started; k++)
        pthread_join(parts[k].thread, NULL);
    ix_progress_show(p->o->progress, 1);
    if (p->rc != CS_OK) {
        if (msg && p->msg) {
            free(*msg);
            *msg = p->msg;
        } else {
            free(p->msg);
            if (p->rc == CS_INTERNAL)
                cs_fail(msg, CS_INTERNAL, "cannot start an index thread");
        }
        p->msg = NULL;
        return p->rc;
    }
    if (p->o->stop && *p->o->stop)
        return cs_fail(msg, CS_INTERRUPTED,
                       "interrupted: the index holds the last commit");
    return CS_OK;
}

/* Changes to the merged database per commit.  It is not the index yet,
 * so its commits need not be one: they only keep Xapian's pending
 * changes, and so memory, bounded however many files a run records. */
#define IX_APPLY_BATCH 20000

/* Step 3 of ix_parallel.h: what the run changes in the index's own
 * documents and records, applied to the merged database `m`, where the
 * parts' documents are 1..parts_docs.  A run that only added new files
 * changes nothing here, and leaves `m` as compact as the merge made it. */
static cs_status apply_changes(const ix_parallel_opts *o, xs_wdb *m,
                               xs_docid parts_docs, const ix_task *tasks,
                               size_t ntasks, char *const *gone, size_t ngone,
                               char **msg)
{
    cs_status rc = CS_OK;
    if (o->manifests)
        rc = xs_wdb_set_metadata(m, CS_META_MANIFESTS, o->manifests,
                                 strlen(o->manifests), msg);
    for (size_t i = 0; rc == CS_OK && i < ngone; i++) {
        rc = ix_file_remove(m, gone[i], msg);
        if (rc == CS_OK && o->verbose)
            fprintf(o->log, "removed %s\n", gone[i]);
    }
    size_t changes = ngone;
    for (size_t i = 0; rc == CS_OK && i < ntasks; i++) {
        const ix_task *t = &tasks[i];
        if (!t->have_old)
            continue; /* new: all in a part already, record included */
        if (++changes % IX_APPLY_BATCH == 0) {
            rc = xs_wdb_commit(m, msg);
            if (rc != CS_OK)
                break;
        }
        const char *rel = t->file->rel;
        char pterm[CS_MAX_TERM + 1];
        switch (t->outcome) {
        case IX_INDEXED:
            ix_path_term(rel, pterm);
            rc = xs_wdb_delete_by_term_from(m, pterm, parts_docs + 1, msg);
            if (rc == CS_OK)
                rc = ix_record_put(m, rel, &t->now, msg);
            break;
        case IX_TOUCHED:
            rc = ix_record_put(m, rel, &t->now, msg);
            break;
        case IX_BINARY:
            /* No part holds it: every passage of the file is an old one. */
            rc = ix_file_remove(m, rel, msg);
            break;
        case IX_PENDING:
        case IX_UNREADABLE:
            break;
        }
    }
    return rc;
}

cs_status ix_parallel_run(const ix_parallel_opts *o, ix_swap *s, xs_wdb *index,
                          ix_task *tasks, size_t ntasks, char *const *gone,
                          size_t ngone, char **msg)
{
    unsigned n = o->jobs < ntasks ? o->jobs : (unsigned)ntasks;
    if (n == 0)
        n = 1;
    pool p = {.o = o, .work = s->work, .tasks = tasks, .n = ntasks};
    atomic_init(&p.next, 0);
    atomic_init(&p.failed, 0);
    atomic_init(&p.running, 0);
    pthread_mutex_init(&p.mu, NULL);
    writer_parts *parts = calloc(n, sizeof *parts);
    cs_status rc = parts ? CS_OK : CS_NOMEM;
    for (unsigned k = 0; rc == CS_OK && k < n; k++) {
        parts[k].pool = &p;
        parts[k].k = k;
    }
    if (rc == CS_OK)
        rc = run_writers(&p, parts, n, msg);

    xs_wdb *merged = NULL;
    xs_docid parts_docs = 0;
    const char **sources = NULL;
    size_t nsources = 0;
    for (unsigned k = 0; rc == CS_OK && k < n; k++)
        nsources += parts[k].n;
    if (rc == CS_OK && !(sources = calloc(nsources + 1, sizeof *sources)))
        rc = CS_NOMEM;
    if (rc == CS_OK) {
        ix_progress_phase(o->progress, "indexing: merging...");
        size_t at = 0;
        for (unsigned k = 0; k < n; k++)
            for (unsigned m = 0; m < parts[k].n; m++) {
                sources[at++] = parts[k].paths[m];
                parts_docs += parts[k].docs[m];
            }
        /* The index last: its documents follow the parts', so the old
         * passages are the ones above parts_docs. */
        sources[nsources] = s->dir;
        unsigned expect = parts_docs + xs_wdb_doccount(index);
        rc = ix_swap_build(s, sources, nsources + 1, &merged, msg);
        if (rc == CS_OK && xs_wdb_doccount(merged) != expect)
            rc = cs_fail(msg, CS_INTERNAL,
                         "merging into %s: %u documents, expected %u",
                         s->next, xs_wdb_doccount(merged), expect);
    }
    if (rc == CS_OK)
        rc = apply_changes(o, merged, parts_docs, tasks, ntasks, gone, ngone,
                           msg);
    if (rc == CS_OK) {
        rc = ix_swap_commit(s, index, merged, msg);
    } else {
        xs_wdb_close(merged);
        xs_wdb_close(index);
    }
    ix_progress_end(o->progress);
    pthread_mutex_destroy(&p.mu);
    for (unsigned k = 0; parts && k < n; k++) {
        free(parts[k].paths);
        free(parts[k].docs);
    }
    free(parts);
    free(sources);
    return rc;
}
