/*
 * qy_batch.h - answering a CSV of queries (`citesearch query --batch`).
 *
 * The CSV (libcsv) has a header; columns `id` and `query` are required,
 * `mode`, `limit` and `filter` optional, in any order; other columns are
 * ignored, so a spreadsheet can be fed as it is.  Rows are read, answered
 * and printed one at a time, each answer flushed, so `--batch -` answers a
 * pipe as it writes.  A bad row becomes an error record naming its line;
 * the other rows are still answered.
 */
#ifndef CITESEARCH_QY_BATCH_H
#define CITESEARCH_QY_BATCH_H

#include <stdio.h>

#include "qy_engine.h"
#include "qy_output.h"

/* A cell longer than this is refused (the row becomes an error). */
#define QY_BATCH_MAX_FIELD (64 * 1024)

typedef struct qy_batch_stats {
    unsigned long rows;     /* data rows read */
    unsigned long failed;   /* rows answered with an error record */
    unsigned long answered; /* rows with at least one result */
} qy_batch_stats;

/*
 * Answers every row of `in` (named `name` in messages).  `defaults` gives
 * mode, limit, per-doc and filters for rows that do not set them.
 * CS_BAD_INPUT when the header lacks id or query, or the CSV is malformed
 * beyond one row; row errors are counted in stats->failed, not returned.
 */
cs_status qy_batch_run(qy_engine *e, FILE *in, const char *name,
                       const qy_request *defaults, qy_printer *printer,
                       qy_batch_stats *stats, char **msg);

#endif
