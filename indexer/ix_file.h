/*
 * ix_file.h - one text file of an index run: its record, its reading, its
 * passages written as documents.
 *
 * What the two ways of running an index share: one file after another
 * into the index itself (ix_index.c), or several files at once, each
 * thread into a scratch database of its own (ix_parallel.h).  A worker
 * holds what a thread needs to index files (an analyzer, the buffer the
 * files are read into), so nothing is allocated per file that can be
 * reused.
 *
 * The record of a file, metadata CS_META_FILE PATH = "SIZE MTIME_NS HASH16
 * NPASSAGES", is what tells a later run whether the file changed: same
 * size and mtime, not read; same bytes (hash), not re-indexed.
 *
 * Ownership: an ix_worker owns its analyzer and buffer (ix_worker_clear);
 * tasks point into the caller's file list and manifest.
 */
#ifndef CITESEARCH_IX_FILE_H
#define CITESEARCH_IX_FILE_H

#include <stdint.h>
#include <stdio.h>

#include "ix_manifest.h"
#include "ix_walk.h"
#include "status.h"
#include "tx.h"
#include "xs.h"

/* A file's record. */
typedef struct ix_record {
    uint64_t size;
    int64_t mtime_ns;
    uint64_t hash;      /* ix_hash of the bytes */
    unsigned passages;
    unsigned reading;   /* CS_READING_VERSION it was read with */
} ix_record;

/* Non-zero when the record key of `rel` fits Xapian's key length limit;
 * a file whose path does not fit cannot be indexed. */
int ix_record_key_fits(const char *rel);
/* Reads the record of `rel` from `db`: *found is 1 when it has one, and
 * *r is filled from it (zeros when it cannot be read: a changed file). */
cs_status ix_record_get(xs_wdb *db, const char *rel, ix_record *r, int *found,
                        char **msg);
cs_status ix_record_put(xs_wdb *db, const char *rel, const ix_record *r,
                        char **msg);
/* Deletes a file's passages and record from `db`. */
cs_status ix_file_remove(xs_wdb *db, const char *rel, char **msg);

/* What a run does with one walked file that is new or whose size or
 * mtime changed, and what became of it. */
typedef enum ix_outcome {
    IX_PENDING = 0,     /* not looked at yet (an interrupted run) */
    IX_INDEXED,         /* new or changed: its passages were written */
    IX_TOUCHED,         /* same bytes as recorded: only the mtime changed */
    IX_BINARY,          /* a NUL byte: skipped; passages it had must go */
    IX_UNREADABLE       /* could not be read: skipped, the index keeps
                           what it had */
} ix_outcome;

typedef struct ix_task {
    const ix_file *file;
    const ix_meta *meta; /* its manifest entry, or NULL */
    ix_record old;       /* valid when have_old */
    int have_old;
    /* Filled by ix_file_index: */
    ix_outcome outcome;
    ix_record now;       /* the record to keep (IX_INDEXED, IX_TOUCHED) */
    size_t bytes;        /* bytes read */
} ix_task;

typedef struct ix_worker {
    tx_analyzer *an;
    char *buf;           /* the file being indexed; grown, never shrunk */
    size_t cap;
    FILE *log;           /* warnings about files, and the verbose lines */
    int verbose;
} ix_worker;

cs_status ix_worker_init(ix_worker *w, FILE *log, int verbose, char **msg);
void ix_worker_clear(ix_worker *w);

/*
 * Reads and indexes the file of `t` into `db`, filling t->outcome, t->now
 * and t->bytes.  A file that cannot be read or is binary is reported on
 * the worker's log and is no error.
 *
 * With `in_place` non-zero, `db` is the database that holds the file's
 * old passages and record (t->old), and this brings it up to date: old
 * passages replaced, record written.  With `in_place` zero, `db` is a
 * scratch database: only the new passages are written there, and the
 * caller applies the outcome (old passages to delete, the record) to the
 * index itself.
 *
 * Returns an error only when the database or memory fails; the run ends.
 */
cs_status ix_file_index(ix_worker *w, xs_wdb *db, ix_task *t, int in_place,
                        char **msg);

#endif
