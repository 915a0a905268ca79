/*
 * ix_progress.h - the progress line of an index run on a terminal.
 *
 *   indexing: 1520/6419 files, 10.2/44.5 MB, 4.1 MB/s, 0:08 left
 *
 * Counts what the run has to read (new and changed files, by their size
 * at the walk) and what it has read, from any number of worker threads;
 * the rate is taken over the whole run so far, so the time left stays
 * steady when several workers finish files in bursts.  Only the thread
 * that owns the line prints it (ix_progress_show), at most a few times a
 * second.  Silent when off (not a terminal, or --quiet).
 */
#ifndef CITESEARCH_IX_PROGRESS_H
#define CITESEARCH_IX_PROGRESS_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

typedef struct ix_progress {
    FILE *log;
    int on;
    size_t files_total;
    uint64_t bytes_total;
    atomic_size_t files_done;
    _Atomic uint64_t bytes_done;
    struct timespec t0;
    double shown_at;     /* seconds into the run of the last line */
    int shown;           /* a line is on the terminal */
} ix_progress;

/* Starts counting `files` files of `bytes` bytes; `on` zero keeps silent. */
void ix_progress_start(ix_progress *p, FILE *log, int on, size_t files,
                       uint64_t bytes);
/* Counts a file done and its expected size (any thread). */
void ix_progress_add(ix_progress *p, uint64_t bytes);
/* Prints the line when the last one is old enough, or always with
 * `force` (owner thread only). */
void ix_progress_show(ix_progress *p, int force);
/* Replaces the line with a phase that has no count ("merging ..."). */
void ix_progress_phase(ix_progress *p, const char *what);
/* Ends the line, so what follows starts on a line of its own. */
void ix_progress_end(ix_progress *p);

#endif
