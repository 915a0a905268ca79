/* qy_align.c - quotation-to-passage word alignment (see qy_align.h). */
#include "qy_align.h"
#include "qy_engine.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Moves of the dynamic program, kept for the traceback. */
enum {
    MV_NONE, MV_DIAG, MV_UP, MV_LEFT, MV_JOIN_Q, MV_JOIN_P, MV_SWAP,
    MV_CONTRACT_Q, MV_CONTRACT_P, MV_SCALE_Q, MV_SCALE_P
};

/* What the dynamic program compares, worked out once per token: it looks
 * at every pair of a quotation word and a passage word (a hundred
 * candidates of a hundred words or more for a misquote), so comparing
 * hashes and lengths before the strings keeps it from being string
 * compares. */
typedef struct tok_key {
    uint64_t term_hash, stem_hash;
    size_t term_len;
    int apostrophe; /* may be a contraction (contracts) */
    int stop;       /* a stop word (the, by, of) */
    /* A number: AMOUNT_CARDINAL (2, 1500000, 1.5, two; its value in
     * amount) or AMOUNT_SCALE (million; its scale in amount). */
    int amount_kind;
    double amount;
} tok_key;

enum { AMOUNT_NONE, AMOUNT_CARDINAL, AMOUNT_SCALE };

static uint64_t hash_str(const char *s, size_t *len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    size_t n = 0;
    for (; s[n]; n++)
        h = (h ^ (unsigned char)s[n]) * 1099511628211u;
    if (len)
        *len = n;
    return h;
}

/* Keys of n tokens; with `amounts` 0, none is taken for a number (they
 * are compared with a side that has none). */
static void key_toks(const qy_align_tok *t, size_t n, int amounts, tok_key *out)
{
    for (size_t i = 0; i < n; i++) {
        out[i].term_hash = hash_str(t[i].term, &out[i].term_len);
        out[i].stem_hash = hash_str(t[i].stem, NULL);
        out[i].apostrophe = strchr(t[i].term, '\'') != NULL;
        size_t len = out[i].term_len;
        out[i].stop = t[i].stop;
        out[i].amount_kind =
            !amounts                                      ? AMOUNT_NONE
            : qy_amount_of(t[i].term, len, &out[i].amount) ? AMOUNT_CARDINAL
            : qy_scale_of(t[i].term, len, &out[i].amount) ? AMOUNT_SCALE
                                                         : AMOUNT_NONE;
    }
}

static int same_term(const qy_align_tok *a, const tok_key *ka,
                     const qy_align_tok *b, const tok_key *kb)
{
    return ka->term_hash == kb->term_hash && strcmp(a->term, b->term) == 0 &&
           (!a->currency || !b->currency || (a->currency & b->currency));
}

static double pair_score(const qy_align_tok *a, const tok_key *ka,
                         const qy_align_tok *b, const tok_key *kb, char *op)
{
    if (same_term(a, ka, b, kb)) {
        *op = '=';
        return QY_ALIGN_MATCH;
    }
    *op = '~';
    if (ka->stem_hash == kb->stem_hash && strcmp(a->stem, b->stem) == 0)
        return QY_ALIGN_STEM;
    if (ka->amount_kind == AMOUNT_CARDINAL && kb->amount_kind == AMOUNT_CARDINAL &&
        qy_same_amount(ka->amount, kb->amount))
        return QY_ALIGN_STEM; /* one number written otherwise: 2 and two */
    /* A word is replaced by a word of its kind more often than by a
     * small word: "obey the" against "abide by the" is obey -> abide and
     * "by" added, not "abide" added and obey -> by, which score alike
     * but for this. */
    return ka->stop == kb->stop ? QY_ALIGN_MISMATCH : QY_ALIGN_MISMATCH - QY_ALIGN_KIND;
}

/* What a number and the scale word after it (1.5 million) against one
 * number of the other side score: the same value written otherwise
 * (1,500,000) as a stem's other form, another value (2,000,000) as a
 * replaced word; 0 when they are no such words. */
static double scaled(const tok_key *number, const tok_key *scale, const tok_key *one)
{
    if (number->amount_kind != AMOUNT_CARDINAL || scale->amount_kind != AMOUNT_SCALE ||
        one->amount_kind != AMOUNT_CARDINAL)
        return 0;
    return qy_same_amount(number->amount * scale->amount, one->amount) ? QY_ALIGN_STEM
                                                                        : QY_ALIGN_MISMATCH;
}

/* Non-zero when two different words of the quotation, x then y, stand
 * in the passage as y then x. */
static int swapped(const qy_align_tok *x, const tok_key *kx,
                   const qy_align_tok *y, const tok_key *ky,
                   const qy_align_tok *py, const tok_key *kpy,
                   const qy_align_tok *px, const tok_key *kpx)
{
    return same_term(x, kx, px, kpx) && same_term(y, ky, py, kpy) &&
           !same_term(x, kx, y, ky);
}

/* Non-zero when one's term is the two others' terms joined. */
static int joins(const qy_align_tok *one, const tok_key *kone,
                 const qy_align_tok *x, const tok_key *kx,
                 const qy_align_tok *y, const tok_key *ky)
{
    return kone->term_len == kx->term_len + ky->term_len &&
           strncmp(one->term, x->term, kx->term_len) == 0 &&
           strcmp(one->term + kx->term_len, y->term) == 0;
}

/* Non-zero when word `one` is x then y contracted: didn't of "did not",
 * won't of "will not", we're of "we are", I'd of "I would" or "I had",
 * it's of "it is" or "it has", let's of "let us".  Quotations contract
 * and expand what was said; the words are the same.  (The analyzer keeps
 * these endings in the word, apostrophe unified.  A "'s" is a possessive
 * as often, but a possessive beside the same word and "is" or "has" in
 * the other text is that word said with "is" or "has".) */
int qy_contracts(const char *one, const char *x, const char *y)
{
    static const struct {
        const char *ending, *word;
    } endings[] = {{"n't", "not"},  {"'re", "are"},  {"'m", "am"},
                   {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"},
                   {"'d", "had"},   {"'s", "is"},    {"'s", "has"}};
    if (strcmp(one, "let's") == 0)
        return strcmp(x, "let") == 0 && strcmp(y, "us") == 0;
    /* The contracted words whose stub is not the word: can't, won't,
     * shan't. */
    static const struct {
        const char *stub, *word;
    } odd[] = {{"ca", "can"}, {"wo", "will"}, {"sha", "shall"}};
    size_t n = strlen(one);
    for (size_t e = 0; e < sizeof endings / sizeof *endings; e++) {
        size_t el = strlen(endings[e].ending);
        if (n <= el || strcmp(one + n - el, endings[e].ending) != 0 ||
            strcmp(y, endings[e].word) != 0)
            continue;
        size_t stub = n - el;
        if (strlen(x) == stub && strncmp(one, x, stub) == 0)
            return 1;
        for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
            if (strlen(odd[k].stub) == stub &&
                strncmp(one, odd[k].stub, stub) == 0 && strcmp(x, odd[k].word) == 0)
                return 1;
    }
    return 0;
}

cs_status qy_align(const qy_align_tok *q, size_t nq, const qy_align_tok *p,
                   size_t np, qy_alignment *out)
{
    memset(out, 0, sizeof *out);
    out->first = out->last = -1;
    if (nq == 0)
        return CS_OK;
    size_t w = np + 1, cells = (nq + 1) * w;
    double *h = malloc(cells * sizeof *h);
    unsigned char *mv = malloc(cells);
    tok_key *kq = malloc(nq * sizeof *kq), *kp = malloc((np + 1) * sizeof *kp);
    if (!h || !mv || !kq || !kp) {
        free(h);
        free(mv);
        free(kq);
        free(kp);
        return CS_NOMEM;
    }
    key_toks(q, nq, 1, kq);
    /* Numbers meet only numbers: a quotation without one spares the
     * passage's words the question. */
    int cardinal = 0;
    for (size_t i = 0; i < nq; i++)
        cardinal |= kq[i].amount_kind == AMOUNT_CARDINAL;
    key_toks(p, np, cardinal, kp);
#define H(i, j) h[(size_t)(i) * w + (j)]
#define MV(i, j) mv[(size_t)(i) * w + (j)]
    /* The quotation may start anywhere in the passage (row 0 is free);
     * every quoted word must be accounted for (column 0 costs gaps). */
    for (size_t j = 0; j <= np; j++) {
        H(0, j) = 0;
        MV(0, j) = MV_NONE;
    }
    for (size_t i = 1; i <= nq; i++) {
        H(i, 0) = H(i - 1, 0) + QY_ALIGN_GAP;
        MV(i, 0) = MV_UP;
        for (size_t j = 1; j <= np; j++) {
            char op;
            double best = H(i - 1, j - 1) + pair_score(&q[i - 1], &kq[i - 1],
                                                       &p[j - 1], &kp[j - 1], &op);
            unsigned char m = MV_DIAG;
            double up = H(i - 1, j) + QY_ALIGN_GAP;   /* quoted word dropped */
            double left = H(i, j - 1) + QY_ALIGN_GAP; /* source word added */
            if (up > best) {
                best = up;
                m = MV_UP;
            }
            if (left > best) {
                best = left;
                m = MV_LEFT;
            }
            if (i >= 2 &&
                joins(&p[j - 1], &kp[j - 1], &q[i - 2], &kq[i - 2], &q[i - 1], &kq[i - 1]) &&
                H(i - 2, j - 1) + QY_ALIGN_MATCH > best) {
                best = H(i - 2, j - 1) + QY_ALIGN_MATCH;
                m = MV_JOIN_Q;
            }
            if (j >= 2 &&
                joins(&q[i - 1], &kq[i - 1], &p[j - 2], &kp[j - 2], &p[j - 1], &kp[j - 1]) &&
                H(i - 1, j - 2) + QY_ALIGN_MATCH > best) {
                best = H(i - 1, j - 2) + QY_ALIGN_MATCH;
                m = MV_JOIN_P;
            }
            if (i >= 2 && kp[j - 1].apostrophe &&
                qy_contracts(p[j - 1].term, q[i - 2].term, q[i - 1].term) &&
                H(i - 2, j - 1) + QY_ALIGN_MATCH > best) {
                best = H(i - 2, j - 1) + QY_ALIGN_MATCH;
                m = MV_CONTRACT_Q;
            }
            if (j >= 2 && kq[i - 1].apostrophe &&
                qy_contracts(q[i - 1].term, p[j - 2].term, p[j - 1].term) &&
                H(i - 1, j - 2) + QY_ALIGN_MATCH > best) {
                best = H(i - 1, j - 2) + QY_ALIGN_MATCH;
                m = MV_CONTRACT_P;
            }
            double s;
            if (i >= 2 && (s = scaled(&kq[i - 2], &kq[i - 1], &kp[j - 1])) != 0 &&
                H(i - 2, j - 1) + s > best) {
                best = H(i - 2, j - 1) + s;
                m = MV_SCALE_Q;
            }
            if (j >= 2 && (s = scaled(&kp[j - 2], &kp[j - 1], &kq[i - 1])) != 0 &&
                H(i - 1, j - 2) + s > best) {
                best = H(i - 1, j - 2) + s;
                m = MV_SCALE_P;
            }
            if (i >= 2 && j >= 2 &&
                swapped(&q[i - 2], &kq[i - 2], &q[i - 1], &kq[i - 1],
                        &p[j - 2], &kp[j - 2], &p[j - 1], &kp[j - 1]) &&
                H(i - 2, j - 2) + 2 * QY_ALIGN_MATCH + QY_ALIGN_SWAP > best) {
                best = H(i - 2, j - 2) + 2 * QY_ALIGN_MATCH + QY_ALIGN_SWAP;
                m = MV_SWAP;
            }
            H(i, j) = best;
            MV(i, j) = m;
        }
    }
    /* The quotation ends where the last row scores best. */
    size_t bj = 0;
    for (size_t j = 1; j <= np; j++)
        if (H(nq, j) > H(nq, bj))
            bj = j;
    out->score = H(nq, bj);
    out->similarity = out->score / (QY_ALIGN_MATCH * (double)nq);

    /* Traceback, collecting ops backwards. */
    qy_align_op *ops = malloc((nq + np + 1) * sizeof *ops);
    if (!ops) {
        free(h);
        free(mv);
        free(kq);
        free(kp);
        return CS_NOMEM;
    }
    size_t n = 0, i = nq, j = bj;
    while (i > 0) {
        qy_align_op o = {0};
        switch (MV(i, j)) {
        case MV_DIAG:
            pair_score(&q[i - 1], &kq[i - 1], &p[j - 1], &kp[j - 1], &o.op);
            o.same_stem = o.op == '~' && kq[i - 1].stem_hash == kp[j - 1].stem_hash &&
                          strcmp(q[i - 1].stem, p[j - 1].stem) == 0;
            o.q = (int)i - 1, o.qn = 1, o.p = (int)j - 1, o.pn = 1;
            i--, j--;
            break;
        case MV_JOIN_Q:    /* two quoted words against one of the source's */
        case MV_CONTRACT_Q:
        case MV_SCALE_Q:
            o.op = MV(i, j) == MV_JOIN_Q ? '=' : '~';
            o.contracted = MV(i, j) == MV_CONTRACT_Q;
            o.q = (int)i - 2, o.qn = 2, o.p = (int)j - 1, o.pn = 1;
            i -= 2, j--;
            break;
        case MV_JOIN_P:    /* one quoted word against two of the source's */
        case MV_CONTRACT_P:
        case MV_SCALE_P:
            o.op = MV(i, j) == MV_JOIN_P ? '=' : '~';
            o.contracted = MV(i, j) == MV_CONTRACT_P;
            o.q = (int)i - 1, o.qn = 1, o.p = (int)j - 2, o.pn = 2;
            i--, j -= 2;
            break;
        case MV_LEFT:
            o.op = '+', o.q = (int)i, o.qn = 0, o.p = (int)j - 1, o.pn = 1;
            j--;
            break;
        case MV_SWAP:
            /* Quoted x y against the source's y x, in text order: y only
             * in the source, x in both, y only in the quotation (ops
             * collect backwards). */
            ops[n++] = (qy_align_op){.op = '-', .q = (int)i - 1, .qn = 1, .p = (int)j};
            ops[n++] = (qy_align_op){.op = '=', .q = (int)i - 2, .qn = 1, .p = (int)j - 1, .pn = 1};
            o.op = '+', o.q = (int)i - 2, o.qn = 0, o.p = (int)j - 2, o.pn = 1;
            i -= 2, j -= 2;
            break;
        default: /* MV_UP */
            o.op = '-', o.q = (int)i - 1, o.qn = 1, o.p = (int)j, o.pn = 0;
            i--;
            break;
        }
        ops[n++] = o;
    }
    /* Reverse into text order; the covered passage words are those the
     * ops consumed. */
    for (size_t k = 0; k < n / 2; k++) {
        qy_align_op t = ops[k];
        ops[k] = ops[n - 1 - k];
        ops[n - 1 - k] = t;
    }
    for (size_t k = 0; k < n; k++)
        if (ops[k].pn > 0) {
            if (out->first < 0)
                out->first = ops[k].p;
            out->last = ops[k].p + ops[k].pn - 1;
        }
    out->ops = ops;
    out->nops = n;
    free(h);
    free(mv);
    free(kq);
    free(kp);
#undef H
#undef MV
    return CS_OK;
}

void qy_alignment_clear(qy_alignment *a)
{
    free(a->ops);
    memset(a, 0, sizeof *a);
    a->first = a->last = -1;
}

void qy_alignment_end_drops(const qy_alignment *a, size_t *head, size_t *tail)
{
    size_t i = 0, j = a->nops;
    while (i < j && a->ops[i].op == '-')
        i++;
    while (j > i && a->ops[j - 1].op == '-')
        j--;
    *head = i;
    *tail = a->nops - j;
}
