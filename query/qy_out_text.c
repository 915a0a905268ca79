/* qy_out_text.c - the text back end: results for a person to read. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_output.h"
#include "tx.h"

#define HL_ON "\033[1;31m"
#define HL_OFF "\033[0m"
#define DIM_ON "\033[2m"

/* Writes shown[from, to), its continuation lines indented so the passage
 * reads as one block (qy_put_text).  Highlights cut the text between
 * characters, so each piece reads alone.  HTML (`collapse`) is written as
 * a browser shows it, its markup masked already and white space run
 * together. */
static void put_lines(FILE *out, const char *shown, size_t n, int collapse,
                      size_t from, size_t to)
{
    if (!collapse) {
        qy_put_text(out, shown + from, to - from, to < n ? shown[to] : '\0',
                    "   ");
        return;
    }
    char *run = malloc(to - from + 1);
    if (!run)
        return;
    size_t len = 0;
    /* A run of white space is one space, written at its first byte. */
    for (size_t k = from; k < to; k++) {
        int space = shown[k] && strchr(" \t\r\n", shown[k]) != NULL;
        if (space && k > 0 && shown[k - 1] && strchr(" \t\r\n", shown[k - 1]))
            continue;
        run[len++] = space ? ' ' : shown[k];
    }
    qy_put_text(out, run, len, '\0', "   ");
    free(run);
}

/* Where the passage's byte `off` falls in its decoded text: the first
 * decoded byte whose encoding starts at or after it (start: tx_read_form's
 * map of n bytes; NULL when the text is not decoded). */
static size_t shown_at(const size_t *start, size_t n, size_t off)
{
    if (!start)
        return off;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (start[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void print_passage(qy_printer *p, const qy_result *r)
{
    FILE *out = p->out;
    /* What a person reads: the passage's bytes, or for an e-mail's part in
     * HTML, quoted-printable or a charset, the text they stand for (the
     * JSON formats give the bytes). */
    tx_read rd = {0};
    if ((r->form || r->charset) &&
        tx_read_form(r->text, r->text_len, r->form, r->charset, &rd) != CS_OK)
        tx_read_clear(&rd); /* the bytes as they are */
    const char *shown = rd.text ? rd.text : r->text;
    size_t n = rd.text ? rd.n : r->text_len;
    const size_t *start = rd.start;
    int collapse = rd.text && (r->form & TX_FORM_HTML);
    size_t pos = 0;
    fputs("   ", out);
    for (size_t i = 0; i <= r->nhighlights; i++) {
        size_t hs = i < r->nhighlights ? r->highlights[i].start - r->byte_start
                                       : r->text_len;
        size_t he = i < r->nhighlights ? r->highlights[i].end - r->byte_start
                                       : r->text_len;
        size_t s = shown_at(start, n, hs), e = shown_at(start, n, he);
        put_lines(out, shown, n, collapse, pos, s);
        /* A highlight may span lines too (a quotation across a paragraph
         * break). */
        if (i < r->nhighlights) {
            fputs(p->color ? HL_ON : "", out);
            put_lines(out, shown, n, collapse, s, e);
            fputs(p->color ? HL_OFF : "", out);
        }
        pos = e;
    }
    tx_read_clear(&rd);
    fputc('\n', out);
}

/* What differs, word by word, for a person: replaced words (changed
 * numbers and dates said so, as they are what a checker looks for
 * first), moved words (said once, where the first of the two stands), and
 * words left out or added. */
static void print_diff(FILE *out, const qy_result *r)
{
    const char *sep = " ";
    fputs("   differs:", out);
    for (size_t d = 0; d < r->ndiff; d++) {
        const qy_diff_op *op = &r->diff[d];
        if (op->op == '=' || (op->kind == QY_DIFF_MOVED && op->partner < d))
            continue;
        const char *kind = qy_diff_kind_name(op->kind);
        fputs(sep, out);
        if (op->kind == QY_DIFF_MOVED) {
            qy_put_field(out, op->op == '+' ? op->source : op->query);
            fputs(" (moved)", out);
        } else if (op->op == '~') {
            qy_put_field(out, op->query);
            fputs(" -> ", out);
            qy_put_field(out, op->source);
            if (kind)
                fprintf(out, " (%s)", kind);
        } else if (op->op == '-') {
            fputc('-', out);
            qy_put_field(out, op->query);
        } else if (op->op == '+') {
            fputc('+', out);
            qy_put_field(out, op->source);
        }
        sep = "; ";
    }
    fputc('\n', out);
}

static void text_answer(qy_printer *p, const qy_request *req,
                        const qy_answer *a)
{
    FILE *out = p->out;
    if (p->batch)
        fprintf(out, "== %s: %s\n", req->id ? req->id : "", req->query);
    if (a->n == 0)
        fprintf(out, "no result\n");
    for (size_t i = 0; i < a->n; i++) {
        const qy_result *r = &a->results[i];
        fprintf(out, "%u. ", r->rank);
        qy_put_field(out, r->title);
        fprintf(out, "\n   %s", p->color ? DIM_ON : "");
        qy_put_field(out, r->cite);
        fprintf(out, "%s  %s, score %.2f", p->color ? HL_OFF : "",
                qy_match_name(r->match), r->score);
        /* Who published or sent it, and when: what a checker weighs a
         * source by. */
        if (*r->source) {
            fputs(", ", out);
            qy_put_field(out, r->source);
        }
        fprintf(out, "%s%s\n", *r->date ? ", " : "", r->date);
        print_passage(p, r);
        if (r->ndiff > 0)
            print_diff(out, r);
        if (r->nunsupported > 0) {
            fputs("   unsupported:", out);
            for (size_t u = 0; u < r->nunsupported; u++) {
                fputc(' ', out);
                qy_put_field(out, r->unsupported[u]);
            }
            fputc('\n', out);
        }
        fputc('\n', out);
    }
}

static void text_error(qy_printer *p, const qy_request *req, const char *message)
{
    if (req->id)
        fprintf(p->out, "== %s: error: %s\n", req->id, message);
    else
        fprintf(p->out, "error: %s\n", message);
}

static void text_finish(qy_printer *p)
{
    (void)p;
}

const qy_printer_ops qy_text_ops = {NULL, text_answer, text_error, text_finish};
