/*
 * qy_batch.h - answering a CSV of queries (`citesearch query --batch`).
 *
 * The CSV (libcsv) has a header; columns `id` and `query` are required,
 * `mode`, `limit` and `filter` optional, in any order; other columns are
 * ignored, so a spreadsheet can be fed as it is.  Its separator is the
 * comma, or a semicolon or tab when the header is split so; it is UTF-8,
 * or UTF-16 by its byte order mark (read through ICU, line by line); a
 * row of empty cells is skipped.  A bad row (no id, an
 * empty or invalid-UTF-8 query, an unknown mode, a bad limit, a cell over
 * QY_BATCH_MAX_FIELD bytes or holding a NUL, a quoted cell followed by text
 * or left open at the end of the input) becomes an error record naming its
 * line; the other rows are still answered, reading on from the line after
 * the fault of a malformed one.
 *
 * Rows are read by one thread and answered by `njobs` workers (each with
 * its own engine, so its own database handle), which print the answers in
 * input order: the worker that finishes the first row not printed prints
 * it and the answered rows after it, each flushed as soon as it and all
 * before it are done, without waking another thread.  The caller's
 * thread waits for the end.  With one job the caller's thread reads,
 * answers and prints, a row at a time.  At most QY_BATCH_WINDOW rows per
 * worker are in flight, so memory stays bounded whatever the input's
 * length, and `--batch -` answers a pipe while it is still being written.
 */
#ifndef CITESEARCH_QY_BATCH_H
#define CITESEARCH_QY_BATCH_H

#include <stdio.h>

#include "qy_engine.h"
#include "qy_output.h"

/* A cell longer than this is refused (the row becomes an error). */
#define QY_BATCH_MAX_FIELD (128 * 1024)
/* Rows in flight per worker. */
#define QY_BATCH_WINDOW 16

typedef struct qy_batch_stats {
    unsigned long rows;     /* data rows read */
    unsigned long failed;   /* rows answered with an error record */
    unsigned long answered; /* rows with at least one result */
} qy_batch_stats;

/*
 * Answers every row of `in` (named `name` in messages) with the `njobs`
 * engines (one per worker thread; njobs >= 1).  `defaults` gives mode,
 * limit, per-doc and filters for rows that do not set them.  CS_BAD_INPUT
 * when the header lacks id or query or is malformed; row errors are
 * counted in stats->failed, not returned.  When the printer cannot write
 * (its write_errno: a full disk, a closed pipe), no more rows are read;
 * the caller reports it.
 */
cs_status qy_batch_run(qy_engine *const *engines, unsigned njobs, FILE *in,
                       const char *name, const qy_request *defaults,
                       qy_printer *printer, qy_batch_stats *stats, char **msg);

#endif
