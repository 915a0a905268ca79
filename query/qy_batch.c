/* qy_batch.c - CSV batches: a reader thread, worker threads, and the
 * caller printing in input order; or, with one job, the caller alone
 * (see qy_batch.h). */
#include "qy_batch.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tx.h"

enum { COL_ID, COL_QUERY, COL_MODE, COL_LIMIT, COL_FILTER, NCOLS };
static const char *const column_names[NCOLS] = {"id", "query", "mode", "limit",
                                                "filter"};

/* One row on its way from the reader to the printer. */
typedef struct task {
    unsigned long line;   /* where the row starts, for messages */
    char *cells[NCOLS];
    qy_mode mode;
    unsigned limit;
    char *error;          /* why the row cannot be / was not answered */
    int answered;         /* it has at least one result */
    char *out;            /* the rendered answer or error */
    size_t outlen;
    int done;
} task;

typedef struct batch {
    qy_engine *const *engines;
    qy_printer *printer;
    const char *name;
    const qy_request *defaults;
    char **msg;

    /* The window: tasks [written, read) are in flight; [claimed, read)
     * wait for a worker.  Sequence numbers index slots modulo `size`. */
    task *slots;
    size_t size;
    unsigned long read, claimed, written;
    int eof;              /* the reader has finished */
    int writing;          /* a worker is writing rows [written, ...) */
    int cancel;           /* no worker runs, or the answers cannot be
                           * written: the reader drops its rows and stops */
    cs_status st;         /* a fatal error of the reader */
    pthread_mutex_t lock;
    pthread_cond_t space, work, done;

    qy_batch_stats *stats; /* the printer's */
    qy_engine *inline_engine; /* one job: rows answered as they are read */

    /* Reader state (reader thread only). */
    FILE *in;
    unsigned char delim;  /* the separator, read from the header */
    int col_of[NCOLS];
    int header_done;
    size_t field;
    unsigned long line, row_line;
    task row;             /* the row being parsed */
    int too_long[NCOLS];
    int filled;           /* a cell of the row, in any column, is not empty */
    int stopped;          /* rows are no longer answered: read no more */
    char *chunk;          /* getline's buffer: chunk[chunk_at, chunk_len) */
    size_t chunk_cap, chunk_len, chunk_at; /* is still to be parsed */
    int begun;            /* the input's first bytes were read */
    const char *wide;     /* "UTF-16LE" or "UTF-16BE" by the input's byte
                           * order mark, or NULL: then chunk holds each
                           * line made UTF-8, read through wraw and wline */
    char *wraw, *wline;
    size_t wraw_len, wraw_cap, wline_cap;

    /* A row whose quote opened a cell and was never closed on its line
     * would take the rows after it into its cell: when that quote fails
     * the row, the lines after the quote's are read again as rows.  The
     * row's lines are held while it is parsed, held[0, open_at) up to the
     * end of the line where its open cell began (open_line); those after
     * are read again before the rest of the input. */
    char *held, *replay;
    size_t held_len, held_cap, open_at, replay_len, replay_at;
    unsigned long open_line;
    unsigned long replay_line; /* the line before the replay's first */
    int reread;           /* the row failed: read its lines after open_line again */
} batch;

static void task_clear(task *t)
{
    for (int c = 0; c < NCOLS; c++)
        free(t->cells[c]);
    free(t->error);
    free(t->out);
    memset(t, 0, sizeof *t);
}

/* ---- Reader ---- */

/* Sets col_of[c] to the index of the header cell `text` when it names
 * column c (in any case, spaces around it aside: libcsv trims those of
 * an unquoted cell only, and " Query " quoted is no other name) and no
 * earlier one did. */
static void name_column(int *col_of, const char *text, size_t len,
                        size_t field)
{
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    for (int c = 0; c < NCOLS; c++)
        if (strlen(column_names[c]) == len &&
            strncasecmp(text, column_names[c], len) == 0 && col_of[c] < 0)
            col_of[c] = (int)field;
}

/* A header read again with another separator. */
typedef struct header_try {
    int col_of[NCOLS];
    size_t field;
    int rows;
} header_try;

static void try_field(void *data, size_t len, void *ctx)
{
    header_try *h = ctx;
    if (h->rows == 0)
        name_column(h->col_of, data ? data : "", len, h->field);
    h->field++;
}

static void try_row(int terminator, void *ctx)
{
    (void)terminator;
    ((header_try *)ctx)->rows++;
}

/* When the header's cells, split at commas, name no id or query column:
 * its lines (the held ones) split at semicolons, as Excel writes CSV where
 * the comma is the decimal mark, or at tabs (its "Text"), as libcsv reads
 * them; the first separator that finds both is the file's. */
static void other_separator(batch *b)
{
    static const unsigned char others[] = {';', '\t'};
    for (size_t i = 0; i < sizeof others; i++) {
        struct csv_parser p;
        header_try h = {.field = 0};
        for (int c = 0; c < NCOLS; c++)
            h.col_of[c] = -1;
        if (csv_init(&p, CSV_APPEND_NULL) != 0) {
            b->st = CS_NOMEM;
            return;
        }
        csv_set_delim(&p, others[i]);
        csv_parse(&p, b->held, b->held_len, try_field, try_row, &h);
        csv_fini(&p, try_field, try_row, &h);
        csv_free(&p);
        if (h.col_of[COL_ID] >= 0 && h.col_of[COL_QUERY] >= 0) {
            memcpy(b->col_of, h.col_of, sizeof b->col_of);
            b->delim = others[i];
            return;
        }
    }
}

static void on_field(void *data, size_t len, void *ctx)
{
    batch *b = ctx;
    const char *text = data ? data : "";
    if (b->field == 0 && b->row_line == 0)
        b->row_line = b->line;
    if (len > 0)
        b->filled = 1;
    if (!b->header_done) {
        name_column(b->col_of, text, len, b->field);
    } else {
        for (int c = 0; c < NCOLS; c++) {
            if (b->col_of[c] != (int)b->field)
                continue;
            if (len > QY_BATCH_MAX_FIELD) {
                b->too_long[c] = 1;
            } else if (memchr(text, '\0', len)) {
                b->too_long[c] = 2; /* a NUL would silently cut the cell */
            } else {
                free(b->row.cells[c]);
                b->row.cells[c] = strndup(text, len);
                if (!b->row.cells[c])
                    b->st = CS_NOMEM;
            }
        }
    }
    b->field++;
}

/* In any case: a spreadsheet's autocorrect writes "Claim", a hand
 * "QUOTE". */
static int parse_mode(const char *s, qy_mode *mode)
{
    if (strcasecmp(s, "auto") == 0)
        *mode = QY_MODE_AUTO;
    else if (strcasecmp(s, "claim") == 0)
        *mode = QY_MODE_CLAIM;
    else if (strcasecmp(s, "quote") == 0)
        *mode = QY_MODE_QUOTE;
    else
        return -1;
    return 0;
}

#define NOT_UTF8_HINT \
    "save the file as UTF-8: in Excel, CSV UTF-8; in LibreOffice, " \
    "character set Unicode (UTF-8)"

/* Checks the row's cells; sets t->error when it cannot be answered. */
static void validate_row(batch *b, task *t)
{
    char **err = &t->error;
    const char *id = t->cells[COL_ID], *query = t->cells[COL_QUERY];
    const char *mode = t->cells[COL_MODE], *limit = t->cells[COL_LIMIT];
    t->mode = b->defaults->mode;
    t->limit = b->defaults->limit;
    for (int c = 0; c < NCOLS && !*err; c++)
        if (b->too_long[c])
            cs_fail(err, CS_BAD_INPUT,
                    b->too_long[c] == 1 ? "%s: line %lu: the %s cell is over %d bytes"
                                        : "%s: line %lu: the %s cell holds a NUL byte",
                    b->name, t->line, column_names[c], QY_BATCH_MAX_FIELD);
    if (!*err && (!id || !*id))
        cs_fail(err, CS_BAD_INPUT, "%s: line %lu: no id", b->name, t->line);
    /* Such bytes are most often a spreadsheet's "CSV" in the system's
     * code page (Windows-1252, Mac Roman), which cannot be told apart
     * from each other for sure: the message says how to write UTF-8. */
    if (!*err && id && tx_utf8_check(id, strlen(id)) < strlen(id))
        cs_fail(err, CS_BAD_INPUT,
                "%s: line %lu: the id is not valid UTF-8 (byte %zu; " NOT_UTF8_HINT ")",
                b->name, t->line, tx_utf8_check(id, strlen(id)));
    if (!*err && (!query || !*query))
        cs_fail(err, CS_BAD_INPUT, "%s: line %lu: empty query", b->name, t->line);
    if (!*err && tx_utf8_check(query, strlen(query)) < strlen(query))
        cs_fail(err, CS_BAD_INPUT,
                "%s: line %lu: the query is not valid UTF-8 (byte %zu; " NOT_UTF8_HINT ")",
                b->name,
                t->line, tx_utf8_check(query, strlen(query)));
    if (!*err && mode && *mode && parse_mode(mode, &t->mode) != 0)
        cs_fail(err, CS_BAD_INPUT,
                "%s: line %lu: unknown mode '%s' (auto, claim or quote)",
                b->name, t->line, mode);
    if (!*err && limit && *limit) {
        char *end;
        errno = 0;
        long n = strtol(limit, &end, 10);
        /* A whole number as a spreadsheet may format it: "5.0", or "5,0"
         * where the comma is the decimal mark. */
        /* Not three zeros: "5,000" and "1.000" are thousands where the
         * comma or the point groups them (a number format with a 1000
         * separator), and would be read as 5 and 1: refused as before. */
        if (end != limit && (*end == '.' || *end == ',') && end[1]) {
            size_t zeros = strspn(end + 1, "0");
            if (zeros != 3 || end[1 + zeros])
                end += 1 + zeros;
        }
        if (errno || *end || n < 1 || n > 10000)
            cs_fail(err, CS_BAD_INPUT,
                    "%s: line %lu: limit '%s' is not a number from 1 to 10000",
                    b->name, t->line, limit);
        else
            t->limit = (unsigned)n;
    }
}

static void answer_task(batch *b, qy_engine *e, task *t);
static void write_task(batch *b, task *t);

/* Hands the parsed row to the workers, waiting for room in the window (or,
 * with one job, answers and prints it). */
static void push_row(batch *b)
{
    b->row.line = b->row_line;
    validate_row(b, &b->row);
    if (b->inline_engine) {
        answer_task(b, b->inline_engine, &b->row);
        write_task(b, &b->row);
        b->stopped = b->printer->write_errno != 0;
        return;
    }
    pthread_mutex_lock(&b->lock);
    while (b->read - b->written >= b->size && !b->cancel)
        pthread_cond_wait(&b->space, &b->lock);
    if (b->cancel) {
        pthread_mutex_unlock(&b->lock);
        task_clear(&b->row);
        b->stopped = 1;
        return;
    }
    b->slots[b->read % b->size] = b->row;
    b->read++;
    pthread_cond_signal(&b->work);
    pthread_mutex_unlock(&b->lock);
    memset(&b->row, 0, sizeof b->row);
}

/* Readies the reader for the next row. */
static void end_row(batch *b)
{
    memset(b->too_long, 0, sizeof b->too_long);
    b->filled = 0;
    b->field = 0;
    b->row_line = 0;
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
            other_separator(b);
        if (b->st == CS_OK && (b->col_of[COL_ID] < 0 || b->col_of[COL_QUERY] < 0))
            b->st = cs_fail(b->msg, CS_BAD_INPUT,
                            "%s: line %lu: the header needs columns 'id' and "
                            "'query' (optional: mode, limit, filter), "
                            "separated by commas, semicolons or tabs",
                            b->name, b->row_line);
        task_clear(&b->row);
    } else if (!b->filled) {
        /* A row of empty cells (",,,"), as a spreadsheet writes the rows
         * of its used range that were cleared, is no row, as a blank line
         * is none. */
        task_clear(&b->row);
    } else {
        push_row(b);
    }
    end_row(b);
}

/* Strict, so that a quoted cell closed and then followed by text, or left
 * open at the end of the input, is an error libcsv reports where it is;
 * leniently read, either runs to the end of the input as one cell, and the
 * rows after it are never answered. */
#define CSV_OPTIONS (CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI)

/* Fails the row being parsed with `what` (which names where) and forgets
 * its partial cell, so that parsing starts afresh on the next line: the
 * other rows are still answered; with `reread`, the row's lines after the
 * one where its open cell began are read again as rows (reread_lines).  A
 * malformed header has no row to fail, so it refuses the whole batch. */
static void fail_row(batch *b, struct csv_parser *parser, const char *what,
                     int reread)
{
    unsigned long line = b->row_line ? b->row_line : b->line;
    if (reread && b->row_line && b->held_len > b->open_at) {
        b->reread = 1;
        b->replay_line = b->open_line;
    }
    if (!b->header_done) {
        /* A header quoted cell by cell ("id";"query", as LibreOffice
         * writes it) is malformed split at commas. */
        if (b->row_line)
            other_separator(b);
        if (b->delim == ',') {
            b->st = cs_fail(b->msg, CS_BAD_INPUT, "%s: line %lu: %s", b->name,
                            line, what);
            return;
        }
        b->header_done = 1;
        task_clear(&b->row);
        end_row(b);
        csv_free(parser);
        if (csv_init(parser, CSV_OPTIONS) != 0)
            b->st = CS_NOMEM;
        return;
    }
    cs_fail(&b->row.error, CS_BAD_INPUT, "%s: line %lu: %s", b->name, line,
            what);
    if (!b->row.error) {
        b->st = CS_NOMEM; /* without its message the row would be answered */
        return;
    }
    push_row(b);
    end_row(b);
    csv_free(parser);
    if (csv_init(parser, CSV_OPTIONS) != 0)
        b->st = CS_NOMEM;
}

/* Where the quote that ends line[0, at) (spaces aside) stands, when it
 * opens a cell (it starts the line or follows the separator `delim`);
 * SIZE_MAX if not. */
static size_t quote_opening_cell(const char *line, size_t at,
                                 unsigned char delim)
{
    while (at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t'))
        at--;
    if (at == 0 || line[at - 1] != '"')
        return SIZE_MAX;
    size_t quote = --at;
    while (at > 0 && (line[at - 1] == ' ' || line[at - 1] == '\t'))
        at--;
    return at == 0 || (unsigned char)line[at - 1] == delim ? quote : SIZE_MAX;
}

/* Fails the row whose quoted cell is followed by text at byte `at` of the
 * current line.  When the row started on an earlier line and the quote
 * that closed its cell is one that opens a cell here ('q9,"Rama" said'),
 * the row's own quote was never closed ('q7,"We will win'): the lines
 * after that quote's are read again as rows, not lost in its cell. */
static void fail_loose_quote(batch *b, struct csv_parser *parser,
                             const char *line, size_t at)
{
    char what[200];
    size_t quote = b->row_line && b->row_line != b->line
                       ? quote_opening_cell(line, at, b->delim) : SIZE_MAX;
    if (quote != SIZE_MAX) {
        snprintf(what, sizeof what, "a quoted cell is not closed on its line "
                 "(its quote runs on to line %lu, column %zu; a quote inside a "
                 "quoted cell is written \"\")", b->line, quote + 1);
        fail_row(b, parser, what, 1);
        return;
    }
    /* The line too when the row started on an earlier one. */
    char where[64];
    if (b->row_line && b->row_line != b->line)
        snprintf(where, sizeof where, "line %lu, column %zu", b->line, at + 1);
    else
        snprintf(where, sizeof where, "column %zu", at + 1);
    snprintf(what, sizeof what, "text after the closing quote of a quoted cell "
             "(%s; a quote inside a quoted cell is written \"\")", where);
    fail_row(b, parser, what, 0);
}

/* Parses one line of `n` bytes.  A row with a quoted cell followed by text
 * fails, and the rest of its line is skipped.  A quote inside an unquoted
 * cell is kept as written, not failed: such a cell cannot run past its
 * line, and a query may quote a phrase in it (Rama "cyber attack"). */
static void parse_line(batch *b, struct csv_parser *parser, const char *line,
                       size_t n)
{
    size_t done = 0;
    /* The header's separator; a parser made afresh (fail_row) has the
     * comma again. */
    csv_set_delim(parser, b->delim);
    while (b->st == CS_OK && done < n) {
        done += csv_parse(parser, line + done, n - done, on_field, on_row, b);
        if (done == n || b->st != CS_OK)
            break;
        if (csv_error(parser) != CSV_EPARSE) {
            b->st = cs_fail(b->msg, CS_BAD_INPUT, "%s: line %lu: %s", b->name,
                            b->line, csv_strerror(csv_error(parser)));
        } else if (parser->quoted) {
            fail_loose_quote(b, parser, line, done);
            break;
        } else {
            /* libcsv has no option for this case alone: the quote is
             * read leniently, and the rest strictly again. */
            csv_set_opts(parser, CSV_OPTIONS & ~CSV_STRICT);
            size_t one = csv_parse(parser, line + done, 1, on_field, on_row, b);
            csv_set_opts(parser, CSV_OPTIONS);
            if (one == 0 && b->st == CS_OK)
                b->st = cs_fail(b->msg, CS_BAD_INPUT, "%s: line %lu: %s",
                                b->name, b->line,
                                csv_strerror(csv_error(parser)));
            done += one;
        }
    }
}

/* The length of the line at s[0, n): up to its LF, or to a CR that no LF
 * follows, or n. */
static size_t line_length(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
            return i + 1;
    return n;
}

/* Appends s[0, n) to the buffer *buf of *len bytes in *cap, grown by
 * doubling (the held lines of a row, a UTF-16 line's bytes). */
static cs_status bytes_append(char **buf, size_t *len, size_t *cap, const char *s,
                              size_t n)
{
    if (n == 0)
        return CS_OK; /* (s may be NULL: no memcpy from it) */
    if (*len + n > *cap) {
        size_t grow = *cap ? *cap : 256;
        while (grow < *len + n)
            grow *= 2;
        char *grown = realloc(*buf, grow);
        if (!grown)
            return CS_NOMEM;
        *buf = grown;
        *cap = grow;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    return CS_OK;
}

/* Keeps line[0, n) among the held lines of the row being parsed. */
static cs_status hold_line(batch *b, const char *line, size_t n)
{
    return bytes_append(&b->held, &b->held_len, &b->held_cap, line, n);
}

/* Counts and parses one line of n bytes. */
static void feed_line(batch *b, struct csv_parser *parser, const char *line,
                      size_t n)
{
    b->line++;
    /* A row starts on the first line that is not blank (libcsv skips
     * those) after the last row. */
    if (b->row_line == 0) {
        size_t blank = 0;
        while (blank < n && memchr(" \t\r\n", line[blank], 4))
            blank++;
        if (blank < n) {
            b->row_line = b->open_line = b->line;
            b->held_len = 0;
            b->open_at = n;
        }
    }
    if (b->row_line && hold_line(b, line, n) != CS_OK) {
        b->st = CS_NOMEM;
        return;
    }
    int in_cell = parser->quoted;
    size_t field = b->field;
    parse_line(b, parser, line, n);
    /* A quoted cell open at the end of the line began on it (none was
     * open at its start, or one closed on it): a failure reads again the
     * lines after this one only.  Those before were in cells closed as
     * CSV closes them ("multi\nline", as a row fails when text follows);
     * read again, each line that closes a cell and opens one ('x",y,"z')
     * would be a row to the end of the input in turn, n such lines read
     * n * n / 2 times. */
    if (b->row_line && parser->quoted && (!in_cell || b->field != field)) {
        b->open_line = b->line;
        b->open_at = b->held_len;
    }
}

/* After a row failed with its lines to read again (b->reread): its held
 * lines after open_line go before the rest of the replay, counted from
 * the line after that one. */
static void reread_lines(batch *b)
{
    size_t again = b->held_len - b->open_at,
           rest = b->replay_len - b->replay_at;
    char *replay = malloc(again + rest);
    if (!replay) {
        b->st = CS_NOMEM;
        return;
    }
    memcpy(replay, b->held + b->open_at, again);
    if (rest)
        memcpy(replay + again, b->replay + b->replay_at, rest);
    free(b->replay);
    b->replay = replay;
    b->replay_len = again + rest;
    b->replay_at = 0;
    b->line = b->replay_line;
    b->held_len = 0;
    b->reread = 0;
}

/* Appends s[0, n) to b->wraw. */
static cs_status wide_append(batch *b, const char *s, size_t n)
{
    return bytes_append(&b->wraw, &b->wraw_len, &b->wraw_cap, s, n);
}

/* Whether wraw ends in a whole UTF-16 line feed. */
static int wide_line_ends(const batch *b)
{
    if (b->wraw_len < 2 || b->wraw_len % 2)
        return 0;
    const unsigned char *u = (const unsigned char *)b->wraw + b->wraw_len - 2;
    return strcmp(b->wide, "UTF-16LE") == 0 ? u[0] == '\n' && u[1] == 0
                                             : u[0] == 0 && u[1] == '\n';
}

/* Reads the next line of a UTF-16 input, after the `n` bytes of it at
 * `start`, into chunk as UTF-8 (ICU's converter); its length, or 0 at
 * the end of the input or on an error (b->st).  getline splits at the
 * byte 0A, which is half of a line feed, or of another character: the
 * line goes on to a whole line feed.  Whole lines convert apart, as no
 * character spans a line feed. */
static ssize_t wide_line(batch *b, const char *start, size_t n)
{
    b->wraw_len = 0;
    if (wide_append(b, start, n) != CS_OK) {
        b->st = CS_NOMEM;
        return 0;
    }
    while (!wide_line_ends(b)) {
        /* In UTF-16LE a line feed is 0A 00: getline stops between its
         * bytes, and each line read after it would start with the 00 and
         * end before its own, so no line would end before the input did
         * (--batch - answered nothing until it was closed).  The byte
         * that completes the character is read first. */
        if (b->wraw_len % 2) {
            int c = getc(b->in);
            if (c == EOF)
                break;
            char byte = (char)c;
            if (wide_append(b, &byte, 1) != CS_OK) {
                b->st = CS_NOMEM;
                return 0;
            }
            continue;
        }
        ssize_t got = getline(&b->wline, &b->wline_cap, b->in);
        if (got <= 0)
            break;
        if (wide_append(b, b->wline, (size_t)got) != CS_OK) {
            b->st = CS_NOMEM;
            return 0;
        }
    }
    if (b->wraw_len == 0)
        return 0;
    size_t len;
    char *utf8 = tx_charset_to_utf8(b->wide, b->wraw, b->wraw_len, &len);
    if (!utf8) {
        b->st = CS_NOMEM;
        return 0;
    }
    free(b->chunk);
    b->chunk = utf8;
    b->chunk_cap = len + 1;
    return (ssize_t)len;
}

/* The next line of the input into chunk[chunk_at, chunk_len); 0 at its
 * end.  A UTF-8 byte order mark is no part of the header: left to libcsv,
 * it would stand before a quoted first name ("id"), which would then not
 * be read as quoted.  A UTF-16 one (Excel's "Unicode Text") has the input
 * read through ICU. */
static int read_chunk(batch *b)
{
    ssize_t got;
    if (b->wide) {
        got = wide_line(b, NULL, 0);
    } else {
        got = getline(&b->chunk, &b->chunk_cap, b->in);
        if (got > 0 && !b->begun) {
            b->begun = 1;
            b->wide = tx_charset_bom(b->chunk, (size_t)got);
            if (b->wide) {
                char *first = b->chunk;
                b->chunk = NULL;
                got = wide_line(b, first + 2, (size_t)got - 2);
                free(first);
            }
        }
    }
    if (got <= 0)
        return 0;
    b->chunk_len = (size_t)got;
    b->chunk_at = b->line == 0 && got >= 3 &&
                          memcmp(b->chunk, "\xEF\xBB\xBF", 3) == 0
                      ? 3 : 0;
    return 1;
}

/* The next line to parse (*line, *n bytes: up to its LF, or a CR that no
 * LF follows), those to read again first; 0 at the end of the input. */
static int next_line(batch *b, const char **line, size_t *n)
{
    while (b->replay_at == b->replay_len && b->chunk_at == b->chunk_len)
        if (!read_chunk(b))
            return 0;
    int replaying = b->replay_at < b->replay_len;
    char *buf = replaying ? b->replay : b->chunk;
    size_t *at = replaying ? &b->replay_at : &b->chunk_at,
           len = replaying ? b->replay_len : b->chunk_len;
    /* A CR not before LF ends a line too, as it ends a row for libcsv: a
     * file whose lines end in CR alone is one line to getline. */
    *line = buf + *at;
    *n = line_length(*line, len - *at);
    *at += *n;
    return 1;
}

static void *reader_main(void *arg)
{
    batch *b = arg;
    struct csv_parser parser;
    if (csv_init(&parser, CSV_OPTIONS) != 0) {
        b->st = CS_NOMEM;
    } else {
        /* Line by line, so each row is answered as soon as it is whole. */
        const char *line;
        size_t n;
        for (;;) {
            while (b->st == CS_OK && !b->stopped && next_line(b, &line, &n)) {
                feed_line(b, &parser, line, n);
                if (b->reread)
                    reread_lines(b);
            }
            if (b->st != CS_OK || b->stopped)
                break;
            if (ferror(b->in)) {
                b->st = cs_fail(b->msg, CS_IO, "%s: read error: %s", b->name,
                                strerror(errno));
                break;
            }
            if (csv_fini(&parser, on_field, on_row, b) == 0)
                break;
            char what[128];
            snprintf(what, sizeof what, "a quoted cell is never closed (it "
                     "runs to the end of the input, line %lu)", b->line);
            fail_row(b, &parser, what, 1);
            if (!b->reread)
                break;
            reread_lines(b); /* and parse them, then end again */
        }
        if (b->st == CS_OK && !b->stopped && !b->header_done)
            b->st = cs_fail(b->msg, CS_BAD_INPUT,
                            "%s: empty input (a header with id,query is "
                            "required)",
                            b->name);
        csv_free(&parser);
    }
    free(b->chunk);
    free(b->wraw);
    free(b->wline);
    free(b->held);
    free(b->replay);
    task_clear(&b->row);
    pthread_mutex_lock(&b->lock);
    b->eof = 1;
    pthread_cond_broadcast(&b->work);
    pthread_cond_broadcast(&b->done);
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* ---- Workers ---- */

typedef struct worker {
    batch *b;
    qy_engine *engine;
    pthread_t thread;
} worker;

static void answer_task(batch *b, qy_engine *e, task *t)
{
    qy_request req = *b->defaults;
    req.id = t->cells[COL_ID];
    req.query = t->cells[COL_QUERY];
    req.mode = t->mode;
    req.limit = t->limit;
    /* The row's filter adds to those of the command line. */
    const char *filters[65];
    const char *filter = t->cells[COL_FILTER];
    if (filter && *filter) {
        size_t n = req.nfilters < 64 ? req.nfilters : 64;
        for (size_t i = 0; i < n; i++)
            filters[i] = req.filters[i];
        filters[n] = filter;
        req.filters = filters;
        req.nfilters = n + 1;
    }
    char *err = NULL;
    qy_answer answer = {0};
    if (!t->error) {
        /* A batch outlives index runs: each row sees the index as it is. */
        cs_status rc = qy_engine_refresh(e, &err);
        if (rc == CS_OK)
            rc = qy_engine_query(e, &req, &answer, &err);
        if (rc != CS_OK) {
            cs_fail(&t->error, rc, "%s: line %lu: %s", b->name, t->line,
                    err ? err : cs_status_to_string(rc));
            free(err);
        }
    }
    /* Format here, in parallel; the printer thread only writes. */
    if (!(req.id && *req.id))
        req.id = NULL;
    if (!req.query)
        req.query = "";
    t->answered = !t->error && answer.n > 0;
    t->out = qy_printer_render(b->printer, &req, &answer, t->error, &t->outlen);
    qy_answer_clear(&answer);
}

static void write_run(batch *b);

static void *worker_main(void *arg)
{
    worker *w = arg;
    batch *b = w->b;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->claimed == b->read && !b->eof)
            pthread_cond_wait(&b->work, &b->lock);
        if (b->claimed == b->read)
            break;
        task *t = &b->slots[b->claimed % b->size];
        b->claimed++;
        pthread_mutex_unlock(&b->lock);
        answer_task(b, w->engine, t);
        pthread_mutex_lock(&b->lock);
        t->done = 1;
        write_run(b);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* ---- Printing in order ---- */

/* Prints a task's answer, counts it, and clears it.  Once a write has
 * failed, answers are dropped: no one will read them. */
static void write_task(batch *b, task *t)
{
    b->stats->rows++;
    b->stats->failed += t->error != NULL;
    b->stats->answered += t->answered;
    if (t->out) {
        if (!b->printer->write_errno)
            qy_printer_write(b->printer, t->out, t->outlen);
    } else if (b->st == CS_OK)
        b->st = cs_fail(b->msg, CS_NOMEM, "out of memory formatting line %lu",
                        t->line);
    task_clear(t);
}

/* Called with the lock held by a worker that has just answered a row:
 * when no one is writing, writes the rows answered from the first one
 * not written on, in order, as each is done.  So a row is written by the
 * worker that finishes it, or the one that finishes a row before it,
 * without waking another thread; one writes at a time, without the lock,
 * so the others answer meanwhile. */
static void write_run(batch *b)
{
    while (!b->writing && b->written < b->read &&
           b->slots[b->written % b->size].done) {
        task *t = &b->slots[b->written % b->size];
        b->writing = 1;
        pthread_mutex_unlock(&b->lock);
        write_task(b, t);
        pthread_mutex_lock(&b->lock);
        b->writing = 0;
        b->written++;
        /* Answers that cannot be written stop the reader, rather than
         * have every row of a long input answered for no one. */
        if (b->printer->write_errno && !b->cancel) {
            b->cancel = 1;
            pthread_cond_signal(&b->space);
        }
        /* A full window lets the reader go on when half of it is
         * written, so that it reads rows in runs rather than waking for
         * each (a row read from a pipe is never held back: the window is
         * full only when rows come faster than they are answered). */
        if (b->read - b->written <= b->size / 2)
            pthread_cond_signal(&b->space);
    }
    if (b->eof && b->written == b->read)
        pthread_cond_broadcast(&b->done);
}

/* Runs the reader and `njobs` workers, which write their answers in
 * input order (write_run), until the reader has finished and every row is
 * written. */
static void run_threads(batch *b, unsigned njobs, worker *workers)
{
    pthread_t reader;
    unsigned started = 0;
    int reader_started = pthread_create(&reader, NULL, reader_main, b) == 0;
    for (unsigned i = 0; reader_started && i < njobs; i++) {
        workers[i] = (worker){.b = b, .engine = b->engines[i]};
        if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) != 0)
            break;
        started++;
    }
    if (!reader_started || started == 0) {
        /* Without threads nothing can run; say so rather than hang. */
        pthread_mutex_lock(&b->lock);
        b->cancel = 1;
        pthread_cond_broadcast(&b->space);
        pthread_mutex_unlock(&b->lock);
        if (reader_started)
            pthread_join(reader, NULL);
        reader_started = 0;
        b->st = cs_fail(b->msg, CS_INTERNAL, "cannot start batch threads");
    }

    pthread_mutex_lock(&b->lock);
    while (started > 0 && !(b->eof && b->written == b->read && !b->writing))
        pthread_cond_wait(&b->done, &b->lock);
    pthread_mutex_unlock(&b->lock);

    if (reader_started)
        pthread_join(reader, NULL);
    for (unsigned i = 0; i < started; i++)
        pthread_join(workers[i].thread, NULL);
}

cs_status qy_batch_run(qy_engine *const *engines, unsigned njobs, FILE *in,
                       const char *name, const qy_request *defaults,
                       qy_printer *printer, qy_batch_stats *stats, char **msg)
{
    memset(stats, 0, sizeof *stats);
    if (njobs < 1)
        njobs = 1;
    batch b = {.engines = engines, .printer = printer, .name = name,
               .defaults = defaults, .delim = ',',
               .msg = msg, .in = in, .stats = stats, .st = CS_OK,
               .size = (size_t)njobs * QY_BATCH_WINDOW};
    for (int c = 0; c < NCOLS; c++)
        b.col_of[c] = -1;
    b.slots = calloc(b.size, sizeof *b.slots);
    worker *workers = calloc(njobs, sizeof *workers);
    if (!b.slots || !workers) {
        free(b.slots);
        free(workers);
        return CS_NOMEM;
    }
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.space, NULL);
    pthread_cond_init(&b.work, NULL);
    pthread_cond_init(&b.done, NULL);

    if (njobs == 1) {
        /* One job: no thread to hand rows to, so none is started; each row
         * is answered and printed as soon as it is read, which spares a
         * streaming caller two thread wake-ups per query. */
        b.inline_engine = engines[0];
        reader_main(&b);
    } else {
        run_threads(&b, njobs, workers);
    }
    for (size_t i = 0; i < b.size; i++)
        task_clear(&b.slots[i]);
    free(b.slots);
    free(workers);
    pthread_mutex_destroy(&b.lock);
    pthread_cond_destroy(&b.space);
    pthread_cond_destroy(&b.work);
    pthread_cond_destroy(&b.done);
    return b.st;
}
