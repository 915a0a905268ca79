/*
 * qy_out_csv.c - the csv and tsv back ends: a header, then one row per
 * result, for spreadsheets and scripts.
 *
 * Fields are quoted by libcsv's writer (RFC 4180: a field with the
 * separator, a quote or a line break is quoted, quotes doubled).  A cell a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a CR,
 * after any spaces) is made inert with a leading apostrophe, which
 * spreadsheets hide; so a corpus text such as "=HYPERLINK(...)" shows as
 * text and never runs.
 * A failed query is a row with its query_id and the message in `error`.
 * `text` is the passage's bytes, as the JSON's, unless they are not UTF-8
 * text to a CSV reader: those of a charset (UTF-16's NULs, KOI8-R,
 * ISO-2022-JP's escapes) or of base64 give the text they stand for
 * (qy_readable, the JSON's `shown`) in UTF-8, as the rest of the output
 * is, and so do a plain file's bytes that are not UTF-8, read as
 * Windows-1252 (the JSON's `raw_bytes` keeps them).
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_output.h"
#include "qy_readable.h"
#include "tx.h"

static const char *const columns[] = {
    "query_id", "rank", "score", "match", "cite", "path", "line_start",
    "line_end", "byte_start", "byte_end", "title", "text", "error"};
#define NCOLUMNS (sizeof columns / sizeof *columns)

/* Whether a spreadsheet would run the cell as a formula: it starts with
 * = + - @, a tab or a CR, after any spaces, which a spreadsheet may trim
 * as it imports the file (LibreOffice's "Trim spaces", Google Sheets), so
 * " =HYPERLINK(...)" in a title runs as well. */
static int is_formula(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i < len && s[i] != '\0' && strchr("=+-@\t\r", s[i]) != NULL;
}

static void put_cell(qy_printer *p, int first, const char *s, size_t len)
{
    char sep = p->separator;
    if (!first)
        fputc(sep, p->out);
    int formula = is_formula(s, len);
    int needs_quotes = formula || memchr(s, sep, len) || memchr(s, '"', len) ||
                       memchr(s, '\n', len) || memchr(s, '\r', len);
    if (formula) {
        /* The apostrophe goes inside the quotes, as part of the value. */
        char *copy = malloc(len + 1);
        if (!copy)
            return;
        copy[0] = '\'';
        memcpy(copy + 1, s, len);
        csv_fwrite2(p->out, copy, len + 1, '"');
        free(copy);
    } else if (needs_quotes) {
        csv_fwrite(p->out, s, len);
    } else {
        fwrite(s, 1, len, p->out);
    }
}

static void put_str(qy_printer *p, int first, const char *s)
{
    put_cell(p, first, s ? s : "", s ? strlen(s) : 0);
}

/* A cell of the batch's input (an id, or an error message that quotes a
 * mode, limit or filter) may not be UTF-8 (a Latin-1 cell): its bad bytes
 * as U+FFFD, as the JSON has them, so the output stays UTF-8. */
static void put_utf8(qy_printer *p, int first, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    if (tx_utf8_check(s ? s : "", len) == len) {
        put_str(p, first, s);
        return;
    }
    size_t n = 0;
    char *clean = tx_utf8_sanitize(s, len, &n);
    put_cell(p, first, clean ? clean : "", clean ? n : 0);
    free(clean);
}

static void put_num(qy_printer *p, const char *fmt, double v, int integer)
{
    char buf[64];
    if (integer)
        snprintf(buf, sizeof buf, "%.0f", v);
    else
        snprintf(buf, sizeof buf, fmt, v);
    put_str(p, 0, buf);
}

static void header(qy_printer *p)
{
    for (size_t i = 0; i < NCOLUMNS; i++)
        put_str(p, i == 0, columns[i]);
    fputs("\r\n", p->out);
}

static void csv_print_answer(qy_printer *p, const qy_request *req, const qy_answer *a)
{
    for (size_t i = 0; i < a->n; i++) {
        const qy_result *r = &a->results[i];
        put_str(p, 1, req->id ? req->id : "");
        put_num(p, NULL, r->rank, 1);
        put_num(p, "%.4f", r->score, 0);
        put_str(p, 0, qy_match_name(r->match));
        put_str(p, 0, r->cite);
        put_str(p, 0, r->path);
        put_num(p, NULL, r->line_start, 1);
        put_num(p, NULL, r->line_end, 1);
        put_num(p, NULL, (double)r->byte_start, 1);
        put_num(p, NULL, (double)r->byte_end, 1);
        put_str(p, 0, r->title);
        qy_readable rd = {0};
        char *decoded = NULL;
        if ((r->charset || (r->form & TX_FORM_B64)) && qy_readable_of(r, &rd) == CS_OK) {
            put_cell(p, 0, rd.text, rd.len);
        } else if (tx_utf8_check(r->text, r->text_len) < r->text_len &&
                   (decoded = qy_readable_slice(r, &(tx_read){0}, 0, r->text_len))) {
            /* Bytes that are not UTF-8 (a Latin-1 file) as the analyzer
             * and the text output read them, Windows-1252: a row in one
             * encoding, as its title is. */
            put_str(p, 0, decoded);
        } else {
            put_cell(p, 0, r->text, r->text_len);
        }
        free(decoded);
        qy_readable_clear(&rd);
        put_str(p, 0, "");
        fputs("\r\n", p->out);
    }
}

static void csv_print_error(qy_printer *p, const qy_request *req, const char *message)
{
    put_utf8(p, 1, req->id);
    for (size_t i = 1; i + 1 < NCOLUMNS; i++)
        put_str(p, 0, "");
    put_utf8(p, 0, message);
    fputs("\r\n", p->out);
}

static void csv_print_finish(qy_printer *p)
{
    (void)p;
}

/* The header comes first, once, even when no query answered. */
const qy_printer_ops qy_csv_ops = {header, csv_print_answer, csv_print_error,
                                   csv_print_finish};
