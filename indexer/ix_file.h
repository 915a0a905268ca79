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
 * NPASSAGES READING META16 INO CTIME_NS" (schema.h), is what tells a later run whether
 * the file changed: same size and mtime, not read; same bytes (hash), not
 * re-indexed.  Either way only when the manifest metadata the run would
 * index it with hashes as recorded (META16): a corrected manifest row
 * re-indexes a file whose bytes did not change.
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
    uint64_t meta;      /* ix_meta_hash of the manifest metadata it was
                           indexed with, when meta_known */
    int meta_known;     /* 0 in a record written before it was kept */
    uint64_t ino;       /* the file's inode number; 0 in a record written
                           before it was kept */
    int64_t ctime_ns;   /* the file's status change time; 0 in a record
                           written before it was kept */
} ix_record;

/* Non-zero when the record key of `rel` fits Xapian's key length limit;
 * a file whose path does not fit cannot be indexed. */
int ix_record_key_fits(const char *rel);
/* Reads the record of `rel` from `db`: *found is 1 when it has one, and
 * *r is filled from it (zeros when it cannot be read: a changed file). */
cs_status ix_record_get(xs_wdb *db, const char *rel, ix_record *r, int *found,
                        char **msg);
/* Fills *r from a record's text `val` (NUL-terminated), as ix_record_get
 * reads it: zeros when it cannot be read, a zero inode when it is older
 * than the inode's field. */
void ix_record_parse(const char *val, ix_record *r);
cs_status ix_record_put(xs_wdb *db, const char *rel, const ix_record *r,
                        char **msg);
/* The hash of the manifest metadata a file is indexed with: `meta`, its
 * manifest entry, or NULL for none.  It covers each field written to the
 * passages (title, source, date, url, lang), so a changed field changes
 * it; an entry whose fields are all empty hashes as no entry, since the
 * file indexes alike (its own title, and no source). */
uint64_t ix_meta_hash(const ix_meta *meta);
/*
 * Non-zero when a file recorded as `r` would now be indexed with other
 * manifest metadata than it was, `meta_hash` (ix_meta_hash) being the
 * metadata's now: its passages must be written again though its bytes
 * are the same.  A record without the metadata's hash (an older
 * citesearch) counts as changed only when the file has metadata now.
 */
int ix_record_meta_changed(const ix_record *r, uint64_t meta_hash);
/* Deletes a file's passages and record from `db`. */
cs_status ix_file_remove(xs_wdb *db, const char *rel, char **msg);

/* What a run does with one walked file that is new, whose size or mtime
 * changed, or whose manifest metadata did, and what became of it. */
typedef enum ix_outcome {
    IX_PENDING = 0,     /* not looked at yet (an interrupted run) */
    IX_INDEXED,         /* new or changed: its passages were written */
    IX_TOUCHED,         /* same bytes and metadata as recorded: only the
                           mtime changed */
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
