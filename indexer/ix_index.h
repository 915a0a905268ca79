/*
 * ix_index.h - one run of `citesearch index`.
 *
 * Incremental: a file whose size and mtime match its record is not read; a
 * file whose bytes hash the same is not re-indexed; a changed file's
 * passages are replaced; a file that vanished from the walked paths loses
 * its passages.  A file whose manifest metadata (title, source, date, url,
 * lang) is not the one it was indexed with counts as changed, whatever
 * its bytes: a corrected, added or removed manifest row is applied.
 * Changes are committed in batches of whole files inside
 * Xapian transactions, so an interrupted run leaves the last committed
 * state: never half a file.  A sharded index (ix_shards.h) commits each
 * shard in turn; what a crash between two of them leaves is described
 * there.  A run with much to index uses several writers and replaces the
 * index in one step at its end (ix_parallel.h).
 */
#ifndef CITESEARCH_IX_INDEX_H
#define CITESEARCH_IX_INDEX_H

#include <signal.h>
#include <stdio.h>

#include "status.h"

/* More writers than this is a typo, not a plan. */
#define IX_MAX_JOBS 256

typedef struct ix_options {
    const char *db_path;       /* the database directory (ix_find_db) */
    const char *manifest_path; /* --manifest, or NULL */
    unsigned shards;           /* --shards N; 0: keep the index's layout
                                  (one database when new), see ix_shards.h */
    FILE *log;                 /* warnings and the summary (stderr) */
    int quiet;                 /* no progress line and no summary */
    int verbose;               /* names every file indexed or removed */
    size_t batch_bytes;        /* text per commit; 0: the default */
    size_t part_bytes;         /* text per scratch database of a parallel
                                  run's writer; 0: the default
                                  (ix_parallel.h) */
    unsigned jobs;             /* --jobs N: writers at most (1: one, in
                                  place); 0: one per processor when there
                                  is enough to index, see ix_parallel.h */
    volatile sig_atomic_t *stop; /* set by a signal handler: stop after the
                                    last whole file, without committing */
} ix_options;

typedef struct ix_summary {
    unsigned files;       /* text files found */
    unsigned read;        /* files whose bytes were read (new, or size,
                             mtime or manifest metadata changed) */
    unsigned indexed;     /* new or changed (bytes or metadata), (re)indexed */
    unsigned unchanged;   /* skipped: same size and mtime, or same hash,
                             and the metadata indexed with */
    unsigned removed;     /* vanished: passages deleted */
    unsigned skipped;     /* not .txt/.md, binary, or unreadable */
    unsigned bad_manifest_rows; /* manifest rows skipped (an empty path, a
                                   bad date), said on the log: the files
                                   are indexed without them */
    unsigned long passages; /* passages written this run */
    unsigned long long bytes; /* bytes of text read */
    unsigned shards;      /* shards written (1: one database) */
    unsigned writers;     /* writers that indexed at once (1: one, in
                             place; more: a parallel run, ix_parallel.h) */
} ix_summary;

/* Indexes `paths` (files or directories) into opts->db_path, creating it
 * when missing.  Returns CS_LOCKED at once when another indexer runs,
 * CS_INTERRUPTED when opts->stop was raised, CS_USAGE when opts->shards
 * contradicts the existing index. */
cs_status ix_run(const ix_options *opts, char *const *paths, size_t npaths,
                 ix_summary *sum, char **msg);

#endif
