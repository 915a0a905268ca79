/*
 * ix_parallel.h - an index run on several cores: one writer per thread,
 * merged into the index by compaction.
 *
 * Why N writers and not analysis on all cores feeding one writer: Xapian's
 * writer is most of the cost of indexing (80% of the time on the medium
 * benchmark corpus: add_document 55%, commit 26%), and one
 * WritableDatabase takes changes from one thread at a time, so one writer
 * fed by analysis threads cannot go more than 1.25x faster.  Measured on
 * 2 cores, on an idle machine (wall seconds): one writer 33.9-38.7;
 * two analysis threads feeding one writer through a bounded queue
 * 35.0-35.9; two writers merged 17.8-20.0, of which the merge takes 2.
 * N writers, each a thread with its own analyzer and its own scratch
 * databases, go nearly N times faster, and the merge (xs_compact) leaves
 * the index compact.  A writer starts a new scratch database after
 * part_bytes of text (64 MB): Xapian's cost per document grows with the
 * database it updates, which ten times the medium corpus shows (the
 * writers 10% faster so), while databases of a few MB each did not repay
 * their longer merge.  See bench/README.md.
 *
 * The steps, and what the index holds at each (see ix_swap.h for the
 * exchange and for crashes):
 *  1. threads take files one at a time from the task list and write their
 *     passages into DIR/build.tmp/part-K-M (thread K's M-th scratch
 *     database; a file's passages all in one), with the records of new files
 *     and the index's schema and root (no deletions); the index is not
 *     touched;
 *  2. the parts, then the index's own database, are compacted into a new
 *     database beside the index: the parts' documents come first (docids
 *     1..P, P their number), the index's after them;
 *  3. on the new database, which nobody reads yet: the old passages of
 *     changed, now-binary and vanished files (docids above P) are deleted,
 *     and the records of the files the index had are rewritten or
 *     removed (nothing to do for a new index), and the manifests the
 *     run was given recorded;
 *  4. the new database is exchanged with the index directory.
 * A record is written in a part only for a file the index has no record
 * of, and the schema and root are the index's, so the merge never sees
 * one key with two values.  Each file is written by one thread, so
 * its passages keep their order (show relies on it).  An interrupted run
 * (a signal, an error) stops after each thread's current file and leaves
 * the index as it was before the run.
 */
#ifndef CITESEARCH_IX_PARALLEL_H
#define CITESEARCH_IX_PARALLEL_H

#include <signal.h>
#include <stdio.h>

#include "ix_file.h"
#include "ix_progress.h"
#include "ix_swap.h"
#include "status.h"
#include "xs.h"

typedef struct ix_parallel_opts {
    unsigned jobs;               /* writer threads (at least 2) */
    size_t batch_bytes;          /* text per commit of each part */
    size_t part_bytes;           /* text per part before the writer starts
                                    another; 0: IX_PART_BYTES */
    FILE *log;                   /* warnings about files, verbose lines */
    int verbose;
    volatile sig_atomic_t *stop; /* raised by a signal: stop (may be NULL) */
    ix_progress *progress;       /* counts the files done (may be off) */
    const char *root;            /* the index root, as recorded */
    const char *manifests;       /* CS_META_MANIFESTS to record (schema.h),
                                    or NULL: as the index has it */
} ix_parallel_opts;

/*
 * Runs `tasks` (ix_file.h) as described above, with `index` the index's
 * database (opened for writing at s->dir by the caller, with nothing in
 * it left to commit) and `gone` the recorded files that vanished.  Fills
 * each task's outcome.  `index` is closed, whatever happens.
 * CS_INTERRUPTED when opts->stop was raised; the index is then unchanged.
 */
cs_status ix_parallel_run(const ix_parallel_opts *o, ix_swap *s, xs_wdb *index,
                          ix_task *tasks, size_t ntasks, char *const *gone,
                          size_t ngone, char **msg);

#endif
