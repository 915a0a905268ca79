/* qy_batch.c - CSV batches, row by row (see qy_batch.h). */
#include "qy_batch.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tx.h"

enum { COL_ID, COL_QUERY, COL_MODE, COL_LIMIT, COL_FILTER, NCOLS };
static const char *const column_names[NCOLS] = {"id", "query", "mode", "limit",
                                                "filter"};

typedef struct batch {
    qy_engine *e;
    const char *name;
    const qy_request *defaults;
    qy_printer *printer;
    qy_batch_stats *stats;
    int col_of[NCOLS];
    char *cells[NCOLS];
    int too_long[NCOLS];
    size_t field;
    int header_done;
    unsigned long line;      /* the line being read */
    unsigned long row_line;  /* the line the current row started on */
    cs_status st;
    char **msg;
} batch;

static void on_field(void *data, size_t len, void *ctx)
{
    batch *b = ctx;
    const char *text = data ? data : "";
    if (b->field == 0)
        b->row_line = b->row_line ? b->row_line : b->line;
    if (!b->header_done) {
        if (b->field == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            text += 3;
            len -= 3;
        }
        for (int c = 0; c < NCOLS; c++)
            if (strlen(column_names[c]) == len &&
                strncasecmp(text, column_names[c], len) == 0 &&
                b->col_of[c] < 0)
                b->col_of[c] = (int)b->field;
    } else {
        for (int c = 0; c < NCOLS; c++) {
            if (b->col_of[c] != (int)b->field)
                continue;
            if (len > QY_BATCH_MAX_FIELD) {
                b->too_long[c] = 1;
                continue;
            }
            free(b->cells[c]);
            b->cells[c] = malloc(len + 1);
            if (!b->cells[c]) {
                b->st = CS_NOMEM;
                return;
            }
            memcpy(b->cells[c], text, len);
            b->cells[c][len] = '\0';
            /* A NUL inside a cell would silently cut it: refuse the row. */
            if (memchr(text, '\0', len))
                b->too_long[c] = 2;
        }
    }
    b->field++;
}

static int parse_mode(const char *s, qy_mode *mode)
{
    if (strcmp(s, "auto") == 0)
        *mode = QY_MODE_AUTO;
    else if (strcmp(s, "claim") == 0)
        *mode = QY_MODE_CLAIM;
    else if (strcmp(s, "quote") == 0)
        *mode = QY_MODE_QUOTE;
    else
        return -1;
    return 0;
}

/* Answers the current row, or prints why it cannot be answered. */
static void answer_row(batch *b)
{
    qy_request req = *b->defaults;
    char *err = NULL;
    const char *id = b->cells[COL_ID];
    const char *query = b->cells[COL_QUERY];
    req.id = id && *id ? id : NULL;
    req.query = query ? query : "";
    for (int c = 0; c < NCOLS && !err; c++)
        if (b->too_long[c] == 1)
            cs_fail(&err, CS_BAD_INPUT, "%s: line %lu: the %s cell is over %d bytes",
                    b->name, b->row_line, column_names[c], QY_BATCH_MAX_FIELD);
        else if (b->too_long[c] == 2)
            cs_fail(&err, CS_BAD_INPUT, "%s: line %lu: the %s cell holds a NUL byte",
                    b->name, b->row_line, column_names[c]);
    if (!err && !req.id)
        cs_fail(&err, CS_BAD_INPUT, "%s: line %lu: no id", b->name, b->row_line);
    if (!err && tx_utf8_check(req.query, strlen(req.query)) < strlen(req.query))
        cs_fail(&err, CS_BAD_INPUT, "%s: line %lu: the query is not valid UTF-8",
                b->name, b->row_line);
    if (!err && !*req.query)
        cs_fail(&err, CS_BAD_INPUT, "%s: line %lu: empty query", b->name,
                b->row_line);
    const char *mode = b->cells[COL_MODE];
    if (!err && mode && *mode && parse_mode(mode, &req.mode) != 0)
        cs_fail(&err, CS_BAD_INPUT,
                "%s: line %lu: unknown mode '%s' (auto, claim or quote)",
                b->name, b->row_line, mode);
    const char *limit = b->cells[COL_LIMIT];
    if (!err && limit && *limit) {
        char *end;
        errno = 0;
        long n = strtol(limit, &end, 10);
        if (errno || *end || n < 1 || n > 10000)
            cs_fail(&err, CS_BAD_INPUT,
                    "%s: line %lu: limit '%s' is not a number from 1 to 10000",
                    b->name, b->row_line, limit);
        else
            req.limit = (unsigned)n;
    }
    /* The row's filter adds to those of the command line. */
    const char *filters[64];
    const char *filter = b->cells[COL_FILTER];
    if (!err && filter && *filter) {
        size_t n = req.nfilters < 63 ? req.nfilters : 63;
        for (size_t i = 0; i < n; i++)
            filters[i] = req.filters[i];
        filters[n] = filter;
        req.filters = filters;
        req.nfilters = n + 1;
    }

    b->stats->rows++;
    if (err) {
        qy_printer_error(b->printer, &req, err);
        b->stats->failed++;
        free(err);
        return;
    }
    qy_answer a;
    cs_status rc = qy_engine_query(b->e, &req, &a, &err);
    if (rc != CS_OK) {
        char *full = NULL;
        cs_fail(&full, rc, "%s: line %lu: %s", b->name, b->row_line,
                err ? err : cs_status_to_string(rc));
        qy_printer_error(b->printer, &req, full ? full : "error");
        b->stats->failed++;
        free(full);
        free(err);
        return;
    }
    qy_printer_answer(b->printer, &req, &a);
    if (a.n > 0)
        b->stats->answered++;
    qy_answer_clear(&a);
}

static void on_row(int terminator, void *ctx)
{
    batch *b = ctx;
    (void)terminator;
    if (b->st != CS_OK)
        return;
    if (!b->header_done) {
        b->header_done = 1;
        if (b->col_of[COL_ID] < 0 || b->col_of[COL_QUERY] < 0)
            b->st = cs_fail(b->msg, CS_BAD_INPUT,
                            "%s: line %lu: the header needs columns 'id' and "
                            "'query' (optional: mode, limit, filter)",
                            b->name, b->row_line);
    } else if (b->field > 1 || (b->cells[COL_ID] && *b->cells[COL_ID]) ||
               (b->cells[COL_QUERY] && *b->cells[COL_QUERY])) {
        answer_row(b);
    }
    for (int c = 0; c < NCOLS; c++) {
        free(b->cells[c]);
        b->cells[c] = NULL;
        b->too_long[c] = 0;
    }
    b->field = 0;
    b->row_line = 0;
}

cs_status qy_batch_run(qy_engine *e, FILE *in, const char *name,
                       const qy_request *defaults, qy_printer *printer,
                       qy_batch_stats *stats, char **msg)
{
    memset(stats, 0, sizeof *stats);
    struct csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL) != 0)
        return CS_NOMEM;
    batch b = {.e = e, .name = name, .defaults = defaults, .printer = printer,
               .stats = stats, .st = CS_OK, .msg = msg};
    for (int c = 0; c < NCOLS; c++)
        b.col_of[c] = -1;

    /* Line by line, so each row is answered as soon as it is complete. */
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (b.st == CS_OK && (n = getline(&line, &cap, in)) > 0) {
        b.line++;
        if (csv_parse(&parser, line, (size_t)n, on_field, on_row, &b) !=
                (size_t)n &&
            b.st == CS_OK)
            b.st = cs_fail(msg, CS_BAD_INPUT, "%s: line %lu: %s", name, b.line,
                           csv_strerror(csv_error(&parser)));
    }
    if (b.st == CS_OK && ferror(in))
        b.st = cs_fail(msg, CS_IO, "%s: read error", name);
    if (b.st == CS_OK)
        csv_fini(&parser, on_field, on_row, &b);
    if (b.st == CS_OK && !b.header_done)
        b.st = cs_fail(msg, CS_BAD_INPUT,
                       "%s: empty input (a header with id,query is required)",
                       name);
    free(line);
    csv_free(&parser);
    for (int c = 0; c < NCOLS; c++)
        free(b.cells[c]);
    return b.st;
}
