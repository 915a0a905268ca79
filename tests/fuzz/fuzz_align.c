/* fuzz_align.c - fuzz target: the quotation alignment and the kinds of a
 * diff's changes on arbitrary text.  The input is a quotation and a
 * passage (split at the first NUL, else in halves), analyzed as the engine
 * analyzes them.  Aligned, every quoted word is accounted for once and in
 * order, and the passage words the ops take lie in the passage, in order;
 * the ops written out as a diff get their kinds (numbers, amounts with
 * scale words, dates, moves), each moved op paired with another; and every
 * word, and every op's words, read as numbers and amounts without a fault
 * (an amount is never negative). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_align.h"
#include "qy_engine.h"
#include "tx.h"

/* The alignment is quadratic: a few hundred words a side say all. */
#define MAX_TOKS 200

static tx_analyzer *analyzer;

typedef struct toks {
    qy_align_tok v[MAX_TOKS];
    char *strings[2 * MAX_TOKS];
    size_t n, ns;
} toks;

static int on_token(void *ctx, const tx_token *t)
{
    toks *k = ctx;
    if (t->flags & TX_JOINED)
        return 0;
    if (k->n == MAX_TOKS)
        return 1;
    char *term = strndup(t->term, t->term_len), *stem = strndup(t->stem, t->stem_len);
    if (!term || !stem)
        abort();
    k->strings[k->ns++] = term;
    k->strings[k->ns++] = stem;
    k->v[k->n++] = (qy_align_tok){.term = term, .stem = stem, .start = t->start,
                                  .end = t->end, .stop = (t->flags & TX_STOP) != 0};
    return 0;
}

static void analyze(const char *text, size_t len, toks *out)
{
    memset(out, 0, sizeof *out);
    if (tx_analyze(analyzer, text, len, 1, on_token, out, NULL) != CS_OK)
        abort();
}

static void toks_clear(toks *k)
{
    for (size_t i = 0; i < k->ns; i++)
        free(k->strings[i]);
}

/* Words [from, from + n) of k joined by spaces ("" for none). */
static char *words(const toks *k, int from, int n)
{
    size_t len = 1;
    for (int i = from; i < from + n; i++)
        len += strlen(k->v[i].term) + 1;
    char *s = malloc(len);
    if (!s)
        abort();
    s[0] = '\0';
    for (int i = from; i < from + n; i++) {
        if (i > from)
            strcat(s, " ");
        strcat(s, k->v[i].term);
    }
    return s;
}

static void check_numbers(const char *w)
{
    double amount, scale;
    long value;
    if (qy_amount_of(w, strlen(w), &amount) && !(amount >= 0))
        abort();
    if (qy_amount_of_words(w, &amount) && !(amount >= 0))
        abort();
    if (qy_scale_of(w, strlen(w), &scale) && !(scale >= 100))
        abort();
    (void)qy_number_of(w, &value);
    (void)qy_date_word(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!analyzer && tx_analyzer_new(&analyzer, NULL) != CS_OK)
        abort();
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t qlen = nul ? (size_t)(nul - text) : size / 2;
    size_t pfrom = nul ? qlen + 1 : qlen;
    toks *q = malloc(sizeof *q), *p = malloc(sizeof *p);
    if (!q || !p)
        abort();
    analyze(text, qlen, q);
    analyze(text + pfrom, size - pfrom, p);

    qy_alignment al;
    if (qy_align(q->v, q->n, p->v, p->n, &al) != CS_OK)
        abort();
    int next_q = 0, next_p = 0;
    qy_diff_op *ops = calloc(al.nops + 1, sizeof *ops);
    if (!ops)
        abort();
    for (size_t i = 0; i < al.nops; i++) {
        const qy_align_op *o = &al.ops[i];
        if (o->qn < 0 || o->pn < 0 || (o->qn == 0 && o->pn == 0) ||
            (o->qn > 0 && o->q != next_q) ||
            (o->pn > 0 && (o->p < next_p || o->p + o->pn > (int)p->n)))
            abort();
        next_q += o->qn;
        if (o->pn > 0)
            next_p = o->p + o->pn;
        ops[i].op = o->op;
        ops[i].query = words(q, o->q, o->qn);
        ops[i].source = words(p, o->p, o->pn);
        ops[i].kind = o->contracted ? QY_DIFF_CONTRACTION : QY_DIFF_PLAIN;
        check_numbers(ops[i].query);
        check_numbers(ops[i].source);
    }
    if (next_q != (int)q->n || (q->n > 0 && al.first >= 0 && al.last < al.first))
        abort();
    qy_diff_kinds(ops, al.nops);
    for (size_t i = 0; i < al.nops; i++) {
        if (ops[i].kind == QY_DIFF_MOVED &&
            (ops[i].partner >= al.nops || ops[ops[i].partner].kind != QY_DIFF_MOVED ||
             ops[ops[i].partner].partner != i))
            abort();
        free(ops[i].query);
        free(ops[i].source);
    }
    free(ops);
    for (size_t i = 0; i < p->n; i++)
        check_numbers(p->v[i].term);
    qy_alignment_clear(&al);
    toks_clear(q);
    toks_clear(p);
    free(q);
    free(p);
    return 0;
}
