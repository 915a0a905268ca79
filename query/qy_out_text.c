/* qy_out_text.c - the text back end: results for a person to read. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_output.h"
#include "qy_readable.h"
#include "tx.h"

#define HL_ON "\033[1;31m"
#define HL_OFF "\033[0m"
#define DIM_ON "\033[2m"

/* Writes text[from, to) of a passage as read (qy_readable), its
 * continuation lines indented so the passage reads as one block
 * (qy_put_text).  Highlights cut the text between characters, so each
 * piece reads alone. */
static void put_piece(FILE *out, const qy_readable *rd, size_t from, size_t to)
{
    qy_put_text(out, rd->text + from, to - from,
                to < rd->len ? rd->text[to] : '\0', "   ");
}

/* What a person reads: the passage's bytes, or for an e-mail's part in
 * HTML, quoted-printable or a charset, the text they stand for (the JSON
 * formats give the bytes). */
static void print_passage(qy_printer *p, const qy_result *r)
{
    FILE *out = p->out;
    qy_readable rd;
    fputs("   ", out);
    if (qy_readable_of(r, &rd) != CS_OK) { /* out of memory */
        qy_put_text(out, r->text, r->text_len, '\0', "   ");
        fputc('\n', out);
        return;
    }
    size_t pos = 0;
    for (size_t i = 0; i <= rd.nhighlights; i++) {
        int lit = i < rd.nhighlights;
        size_t s = lit ? rd.highlights[i].start : rd.len;
        size_t e = lit ? rd.highlights[i].end : rd.len;
        s = s < pos ? pos : s;
        e = e < s ? s : e;
        put_piece(out, &rd, pos, s);
        /* A highlight may span lines too (a quotation across a paragraph
         * break). */
        if (lit) {
            fputs(p->color ? HL_ON : "", out);
            put_piece(out, &rd, s, e);
            fputs(p->color ? HL_OFF : "", out);
        }
        pos = e;
    }
    qy_readable_clear(&rd);
    fputc('\n', out);
}

/* Words a then b, when there is b, with a space between. */
static void print_both(FILE *out, const char *a, const char *b)
{
    qy_put_field(out, a);
    if (b[0]) {
        fputc(' ', out);
        qy_put_field(out, b);
    }
}

/* What differs, word by word, for a person: replaced words (changed
 * numbers and dates said so, as they are what a checker looks for
 * first), moved words (said once, where the first of the two stands; two
 * swapped words each where it is quoted), a date's day dropped and
 * another added, or its day and month crossed (said once as one
 * replaced), and words left out or
 * added. */
static void print_diff(FILE *out, const qy_result *r)
{
    const char *sep = " ";
    fputs("   differs:", out);
    for (size_t d = 0; d < r->ndiff; d++) {
        const qy_diff_op *op = &r->diff[d];
        /* (Two swapped words are each said where it is quoted.) */
        int swapped = op->kind == QY_DIFF_MOVED && op->op == '~';
        int paired = (op->kind == QY_DIFF_MOVED || op->kind == QY_DIFF_DATE ||
                      op->kind == QY_DIFF_SAME_DATE) && op->partner != d;
        if (op->op == '=' || (paired && op->partner < d && !swapped))
            continue;
        const char *kind = qy_diff_kind_name(op->kind);
        fputs(sep, out);
        if (paired && op->kind != QY_DIFF_MOVED) {
            /* A date's day and month replaced crossed (two '~'), or its
             * day dropped here and another added there. */
            const qy_diff_op *other = &r->diff[op->partner];
            print_both(out, op->op == '+' ? other->query : op->query,
                       op->op == '~' ? other->query : "");
            fputs(" -> ", out);
            print_both(out, op->op == '-' ? other->source : op->source,
                       op->op == '~' ? other->source : "");
            fprintf(out, " (%s)", kind);
        } else if (op->kind == QY_DIFF_MOVED) {
            qy_put_field(out, op->op == '+' ? op->source : op->query);
            fputs(" (moved)", out);
        } else if (op->op == '~') {
            qy_put_field(out, op->query);
            fputs(" -> ", out);
            qy_put_field(out, op->source);
            if (kind)
                fprintf(out, " (%s)", kind);
        } else if (op->op == '-' || op->op == '+') {
            fputc(op->op, out);
            qy_put_field(out, op->op == '-' ? op->query : op->source);
            if (kind)
                fprintf(out, " (%s)", kind); /* a negation */
        }
        sep = "; ";
    }
    fputc('\n', out);
}

/* A line of claim words after its label ("   unsupported: August"), when
 * there are any. */
static void print_words(FILE *out, const char *label, char *const *words, size_t n)
{
    if (n == 0)
        return;
    fprintf(out, "   %s:", label);
    for (size_t u = 0; u < n; u++) {
        fputc(' ', out);
        qy_put_field(out, words[u]);
    }
    fputc('\n', out);
}

/* A line of claim words the passage says otherwise, "query -> source"
 * each, after `label`; nothing when there are none. */
static void print_pairs(FILE *out, const char *label, const qy_respelling *pairs,
                        size_t n)
{
    for (size_t u = 0; u < n; u++) {
        if (u == 0)
            fprintf(out, "   %s:", label);
        else
            fputc(';', out);
        fputc(' ', out);
        qy_put_field(out, pairs[u].query);
        fputs(" -> ", out);
        qy_put_field(out, pairs[u].source);
        if (u + 1 == n)
            fputc('\n', out);
    }
}

/* A batch row's heading, "== ID: WHAT", on one line: the CSV's cells may
 * hold line ends (a quoted query over two lines) or control characters,
 * which are no more to act on the terminal than a file's. */
static void print_heading(FILE *out, const char *id, const char *what)
{
    fputs("== ", out);
    qy_put_field(out, id ? id : "");
    fputs(": ", out);
    qy_put_field(out, what);
    fputc('\n', out);
}

static void text_answer(qy_printer *p, const qy_request *req,
                        const qy_answer *a)
{
    FILE *out = p->out;
    if (p->batch)
        print_heading(out, req->id, req->query);
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
        if (r->url && *r->url) {
            fprintf(out, "   %s", p->color ? DIM_ON : "");
            qy_put_field(out, r->url);
            fprintf(out, "%s\n", p->color ? HL_OFF : "");
        }
        print_passage(p, r);
        if (r->ndiff > 0)
            print_diff(out, r);
        print_words(out, "unsupported", r->unsupported, r->nunsupported);
        /* The source may say the opposite: a finding before all. */
        print_words(out, "negated", r->negated, r->nnegated);
        /* A name the source spells otherwise is a finding too, and so
         * is a figure the claim rounds or bounds. */
        print_pairs(out, "spelt", r->respelt, r->nrespelt);
        print_pairs(out, "figures", r->figures, r->nfigures);
        /* Who really said it: where the passage names the speaker
         * elsewhere ("he told ..."), the line that names him. */
        if (r->said_by.name) {
            fputs("   said by: ", out);
            qy_put_field(out, r->said_by.name);
            if (r->said_by.byte_start < r->byte_start ||
                r->said_by.byte_end > r->byte_end) {
                fputs(" (", out);
                qy_put_field(out, r->said_by.cite);
                fputc(')', out);
            }
            fputc('\n', out);
        }
        fputc('\n', out);
    }
}

static void text_error(qy_printer *p, const qy_request *req, const char *message)
{
    if (req->id) {
        fputs("== ", p->out);
        qy_put_field(p->out, req->id);
        fputs(": error: ", p->out);
    } else {
        fputs("error: ", p->out);
    }
    qy_put_field(p->out, message);
    fputc('\n', p->out);
}

static void text_finish(qy_printer *p)
{
    (void)p;
}

const qy_printer_ops qy_text_ops = {NULL, text_answer, text_error, text_finish};
