/* qy_near.c - a quotation not found verbatim: the candidate's alignment
 * with it, its span and its diff (see qy_cand.h, qy_align.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qy_cand.h"
#include "qy_readable.h"
#include "qy_said_text.h"
#include "tx.h"

/* Non-zero when the text between two words of the passage `r` ends no
 * sentence, line or quotation (nor holds a NUL; an acronym's point,
 * tx_acronym_point, ends none): the second goes on what the first says.
 * `words` is the passage as read (qy_readable_slice), so that the bytes
 * between are looked at as the characters they stand for. */
static int same_sentence(const qy_result *r, const tx_read *words,
                         const qy_align_tok *a, const qy_align_tok *b)
{
    size_t len;
    const char *text = qy_readable_text(r, words, &len);
    size_t to = qy_readable_at(words, b->start);
    size_t from = qy_readable_end(words, a->end);
    for (size_t k = from; k < to; k++)
        if (text[k] == '\0' ||
            (strchr(".!?;:\n\r", text[k]) && !tx_acronym_point(text, len, k)))
            return 0;
    /* A quotation mark (the one the speaker reading knows) ends or starts
     * a quotation. */
    return to <= from || !qy_said_any_quote_mark(text + from, to - from);
}

/*
 * A quotation whose first or last words the source says otherwise ("for
 * weeks" where it says "for days") aligns at the same score with those
 * words dropped as with them replaced, and the alignment keeps the
 * shorter span: "-weeks".  Replaced says what a checker needs, "weeks ->
 * days", so dropped words at either end of the quotation are paired with
 * the source's words just beyond the span, one for one, as long as the
 * source goes on in the same sentence.  The ops still hold token indices.
 */
static void replace_end_drops(qy_alignment *al, const qy_align_tok *p,
                              size_t np, const qy_result *r,
                              const tx_read *words)
{
    if (al->first < 0)
        return;
    /* The other way round: a word the alignment replaced at either end
     * across the end of a sentence or a quotation from the rest of the
     * span is the quotation's own, dropped ("Yesterday" is not the
     * "comes" that closes the quotation before "the mayor told"). */
    for (size_t k = 0; k < al->nops && al->first < al->last; k++) {
        qy_align_op *o = &al->ops[k];
        if (o->op == '-')
            continue;
        if (o->op != '~' || o->pn != 1 || o->p != al->first ||
            same_sentence(r, words, &p[al->first], &p[al->first + 1]))
            break;
        o->op = '-';
        o->pn = 0;
        al->first++;
    }
    for (size_t k = al->nops; k > 0 && al->first < al->last; k--) {
        qy_align_op *o = &al->ops[k - 1];
        if (o->op == '-')
            continue;
        if (o->op != '~' || o->pn != 1 || o->p != al->last ||
            same_sentence(r, words, &p[al->last - 1], &p[al->last]))
            break;
        o->op = '-';
        o->pn = 0;
        al->last--;
    }
    size_t lead, trail;
    qy_alignment_end_drops(al, &lead, &trail);
    /* Trailing, nearest the span first. */
    for (size_t k = al->nops - trail; k < al->nops; k++) {
        size_t next = (size_t)al->last + 1;
        if (next >= np || !same_sentence(r, words, &p[next - 1], &p[next]))
            break;
        al->ops[k].op = '~';
        al->ops[k].p = (int)next;
        al->ops[k].pn = 1;
        al->last = (int)next;
    }
    /* Leading, nearest the span first. */
    for (size_t j = lead; j > 0; j--) {
        if (al->first == 0 ||
            !same_sentence(r, words, &p[al->first - 1], &p[al->first]))
            break;
        qy_align_op *o = &al->ops[j - 1];
        o->op = '~';
        o->p = al->first - 1;
        o->pn = 1;
        al->first--;
    }
}

/* Whether bytes a and b, one each side of a place inside a word, are a
 * digit and a letter: where tools that read digits and letters apart cut
 * "14th" or "92d" in two. */
static int digit_and_letter(unsigned char a, unsigned char b)
{
    return (isdigit(a) && isalpha(b)) || (isalpha(a) && isdigit(b));
}

/*
 * A quotation selected in its source often begins or ends inside a word:
 * "th of September" of "the 14th of September", "onal security" of
 * "national security".  The alignment pairs the part with the whole word,
 * a replaced word ("th -> 14th"), and the span starts at the word.  When
 * the source's word ends (begins) with the quoted part, byte for byte but
 * for case, the part is the quotation cut there: the same word, and the
 * span starts (ends) inside the word.  A part that is a word of the index
 * or a form of one is taken so only between a digit and a letter ("th" of
 * "14th"): "cause" for "because", "aggressor" for "aggressors" are words
 * replaced, not cut.  Only in a passage read as its bytes, as the span is
 * in bytes.  cut[end] is set to the part's bytes in the passage, {0, 0}
 * when that end is not cut.
 */
static void cut_ends(const qy_plan *plan, qy_alignment *al,
                     const qy_align_tok *p, const char *text, qy_span cut[2])
{
    size_t nq = plan->quote_terms.n;
    cut[0] = cut[1] = (qy_span){0, 0};
    if (al->first < 0 || al->nops == 0 || nq == 0)
        return;
    for (int end = 0; end < 2; end++) {
        qy_align_op *o = &al->ops[end ? al->nops - 1 : 0];
        size_t qi = end ? nq - 1 : 0;
        if (o->op != '~' || o->contracted || o->qn != 1 || o->q != (int)qi ||
            o->pn != 1)
            continue;
        const char *part = plan->quote_texts.v[qi];
        const qy_align_tok *w = &p[o->p];
        size_t len = strlen(part), wlen = w->end - w->start;
        if (len == 0 || len >= wlen)
            continue;
        size_t at = end ? w->start : w->end - len; /* the part in the word */
        if (strncasecmp(text + at, part, len) != 0)
            continue;
        unsigned char inside = (unsigned char)text[end ? at + len - 1 : at];
        unsigned char beyond = (unsigned char)text[end ? at + len : at - 1];
        int unknown = plan->quote_unknown &&
                      (plan->quote_unknown[qi] & QY_UNKNOWN_STEM);
        if (!unknown && !digit_and_letter(inside, beyond))
            continue;
        o->op = '=';
        cut[end] = (qy_span){at, at + len};
        al->score += QY_ALIGN_MATCH - QY_ALIGN_MISMATCH;
        al->similarity = al->score / (QY_ALIGN_MATCH * (double)nq);
    }
}

cs_status qy_near_align(const qy_plan *plan, qy_cand *c)
{
    cs_status rc = CS_OK;
    size_t nq = plan->quote_terms.n, np = 0;
    qy_align_tok *q = calloc(nq + 1, sizeof *q);
    qy_align_tok *p = calloc(c->pt.n + 1, sizeof *p);
    if (!q || !p)
        rc = CS_NOMEM;
    for (size_t i = 0; rc == CS_OK && i < nq; i++)
        q[i] = (qy_align_tok){.term = plan->quote_terms.v[i],
                              .stem = plan->quote_stems.v[i],
                              .stop = tx_is_stopword(plan->quote_terms.v[i],
                                                     strlen(plan->quote_terms.v[i])),
                              .currency = plan->quote_currency
                                              ? plan->quote_currency[i] : 0};
    for (size_t i = 0; rc == CS_OK && i < c->pt.n; i++) {
        if (c->pt.v[i].flags & TX_JOINED)
            continue;
        p[np++] = (qy_align_tok){.term = QY_PTERM(&c->pt, i),
                                 .stem = QY_PSTEM(&c->pt, i),
                                 .start = c->pt.v[i].start, .end = c->pt.v[i].end,
                                 .stop = (c->pt.v[i].flags & TX_STOP) != 0,
                                 .currency = c->pt.v[i].currency};
    }
    if (rc == CS_OK)
        rc = qy_align(q, nq, p, np, &c->al);
    if (rc == CS_OK)
        replace_end_drops(&c->al, p, np, &c->r, &c->pt.words);
    qy_span cut[2] = {{0, 0}, {0, 0}};
    if (rc == CS_OK && !c->pt.words.text)
        cut_ends(plan, &c->al, p, c->r.text, cut);
    /* Map aligned passage tokens back to bytes now, while p is here. */
    if (rc == CS_OK) {
        for (size_t k = 0; k < c->al.nops; k++) {
            qy_align_op *o = &c->al.ops[k];
            /* One number each side by two currencies' signs: said so in
             * the diff ($3 -> €3). */
            if (o->op == '~' && o->qn == 1 && o->pn == 1 && q[o->q].currency &&
                p[o->p].currency && !(q[o->q].currency & p[o->p].currency)) {
                o->qcurrency = q[o->q].currency;
                o->pcurrency = p[o->p].currency;
            }
            /* A number each side, by a sign one side only: a currency
             * named after it on the other may be another ("5 million
             * euros" of "$5 million"; qy_mark_near). */
            if ((o->op == '=' || o->op == '~') && o->qn == 1 && o->pn == 1 &&
                !q[o->q].currency != !p[o->p].currency) {
                o->qsign = q[o->q].currency;
                o->psign = p[o->p].currency;
            }
            if (o->pn > 0) {
                size_t first = (size_t)o->p, last = (size_t)(o->p + o->pn - 1);
                o->p = (int)p[first].start;
                o->pn = (int)(p[last].end - p[first].start);
            }
        }
        if (c->al.first >= 0) {
            size_t a = p[c->al.first].start, b = p[c->al.last].end;
            c->al.first = (int)a;
            c->al.last = (int)b;
        }
        for (int end = 0; end < 2; end++) {
            if (cut[end].end == 0)
                continue;
            qy_align_op *o = &c->al.ops[end ? c->al.nops - 1 : 0];
            o->p = (int)cut[end].start;
            o->pn = (int)(cut[end].end - cut[end].start);
            if (end)
                c->al.last = (int)cut[end].end;
            else
                c->al.first = (int)cut[end].start;
        }
    }
    free(q);
    free(p);
    return rc;
}

/* Non-zero when quotation words i and i + 1 are parts of one hyphenated
 * compound ("twenty-four"). */
static int same_compound(const qy_plan *plan, int i)
{
    return plan->quote_compound && plan->quote_compound[i] &&
           plan->quote_compound[i] == plan->quote_compound[i + 1];
}

/* The quotation's words [from, from + n) as one string (malloc'd): the
 * parts of a compound joined by a hyphen, other words by a space. */
static char *join_words(const qy_plan *plan, int from, int n)
{
    const qy_strv *v = &plan->quote_texts;
    size_t len = 1;
    for (int i = from; i < from + n; i++)
        len += strlen(v->v[i]) + 1;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = from; i < from + n; i++) {
        if (i > from)
            strcat(s, same_compound(plan, i - 1) ? "-" : " ");
        strcat(s, v->v[i]);
    }
    return s;
}

/* Puts each side's currency sign before its number in diff op d: the
 * words alone ("3 -> 3") would not say what differs. */
static cs_status with_signs(qy_diff_op *d, uint32_t qcurrency, uint32_t pcurrency)
{
    char *q = NULL, *p = NULL;
    if (asprintf(&q, "%s%s", tx_currency_sign(qcurrency), d->query) < 0)
        q = NULL;
    if (asprintf(&p, "%s%s", tx_currency_sign(pcurrency), d->source) < 0)
        p = NULL;
    if (!q || !p) {
        free(q);
        free(p);
        return CS_NOMEM;
    }
    free(d->query);
    free(d->source);
    d->query = q;
    d->source = p;
    return CS_OK;
}

/* The alignment's ops k and k + 1 as one replacement, when they are the
 * two parts of a quoted compound, one replaced by a source word and the
 * other left out: "twenty-four" against "24" is the one change
 * "twenty-four -> 24", not "-twenty; four -> 24".  Returns 1 and fills
 * *out so, or 0. */
static int compound_replaced(const qy_plan *plan, const qy_alignment *al,
                             size_t k, qy_align_op *out)
{
    if (k + 1 >= al->nops)
        return 0;
    const qy_align_op *a = &al->ops[k], *b = &al->ops[k + 1];
    if (a->qn != 1 || b->qn != 1 || b->q != a->q + 1 ||
        !same_compound(plan, a->q))
        return 0;
    const qy_align_op *rep = a->op == '~' && b->op == '-'   ? a
                             : a->op == '-' && b->op == '~' ? b
                                                            : NULL;
    if (!rep)
        return 0;
    *out = (qy_align_op){.op = '~', .q = a->q, .qn = 2, .p = rep->p, .pn = rep->pn};
    return 1;
}

/* The most ops a number written in several words spans in a diff ("one
 * and a half million" against "1.5 million": four and one). */
#define AMOUNT_OPS 6

/* Whether quotation word i may begin or end a number written in words
 * (a number, a scale word, "half"): the test before any text is made. */
static int amount_word(const qy_plan *plan, int i)
{
    const char *t = plan->quote_terms.v[i];
    double x;
    return strcmp(t, "half") == 0 || qy_amount_of(t, strlen(t), &x) ||
           qy_scale_of(t, strlen(t), &x);
}

/* The alignment's ops k to k + m - 1 (m of 2 or more, none the same
 * word) as one replacement, when the quotation's words in them and the
 * source's each read as one amount, one side in several words: "one and
 * a half -> 1.5", not "-one; -and; -a; half -> 1.5".  Returns m and fills
 * *out so, or 0. */
static size_t amount_replaced(const qy_plan *plan, const qy_cand *c, size_t k,
                              qy_align_op *out)
{
    const qy_alignment *al = &c->al;
    size_t most = al->nops - k < AMOUNT_OPS ? al->nops - k : AMOUNT_OPS;
    for (size_t m = most; m >= 2; m--) {
        int q0 = -1, qn = 0, p0 = -1, pend = 0, ok = 1;
        for (size_t i = k; i < k + m && ok; i++) {
            const qy_align_op *o = &al->ops[i];
            ok = o->op != '=' && !o->contracted;
            if (ok && o->qn) {
                ok = q0 < 0 || o->q == q0 + qn;
                if (q0 < 0)
                    q0 = o->q;
                qn += o->qn;
            }
            if (ok && o->pn) {
                ok = p0 < 0 || o->p >= pend;
                if (p0 < 0)
                    p0 = o->p;
                pend = o->p + o->pn;
            }
        }
        if (!ok || qn == 0 || p0 < 0 ||
            !(amount_word(plan, q0) || amount_word(plan, q0 + qn - 1)))
            continue;
        char *qt = join_words(plan, q0, qn);
        char *st = qy_readable_slice(&c->r, &c->pt.words, (size_t)p0, (size_t)pend);
        double x, y;
        int one = qt && st && (strchr(qt, ' ') || strpbrk(st, " \t\n\r")) &&
                  qy_amount_of_words(qt, &x) && qy_amount_of_words(st, &y);
        free(qt);
        free(st);
        if (one) {
            *out = (qy_align_op){.op = '~', .q = q0, .qn = qn, .p = p0, .pn = pend - p0};
            return m;
        }
    }
    return 0;
}

/* Whether written word w names a currency (euros, USD). */
static int names_currency(const char *w)
{
    return tx_currency_sign(tx_unit_groups(w, strlen(w)))[0] != '\0';
}

/* A currency named after a number, dropped or added, where the other
 * side's number has a sign ("5 million euros" of "$5 million", "$7
 * million" of "7 million euros"): made a replacement of the name by the
 * sign, "euros -> $", that the kinds say is the currency changed or the
 * same (qy_diff_kinds).  qsign and psign: the currency of the sign by
 * each diff op's number on each side, when the op is one number and one
 * side has a sign. */
static cs_status currency_by_sign(qy_result *r, const uint32_t *qsign,
                                  const uint32_t *psign)
{
    for (size_t k = 0; k < r->ndiff; k++) {
        qy_diff_op *d = &r->diff[k];
        if ((d->op != '-' && d->op != '+') ||
            !names_currency(d->op == '-' ? d->query : d->source))
            continue;
        /* The number just before, or before one word more (its scale:
         * million) alike each side; the number the same or replaced. */
        for (size_t j = k; j-- > 0 && j + 2 >= k;) {
            uint32_t sign = d->op == '-' ? psign[j] : qsign[j];
            if (!sign) {
                if (r->diff[j].op != '=')
                    break;
                continue;
            }
            char *s = strdup(tx_currency_sign(sign));
            if (!s)
                return CS_NOMEM;
            char **side = d->op == '-' ? &d->source : &d->query;
            free(*side);
            *side = s;
            d->op = '~';
            break;
        }
    }
    return CS_OK;
}

/* Fills a near result: the aligned span as its highlight, and the diff. */
cs_status qy_mark_near(const qy_plan *plan, qy_cand *c)
{
    qy_result *r = &c->r;
    /* Every word the same, after normalization and with words cut or
     * joined ("the 1 st" of "the 1st"): the quotation verbatim. */
    int same = c->al.first >= 0;
    for (size_t k = 0; same && k < c->al.nops; k++)
        same = c->al.ops[k].op == '=';
    r->match = same ? QY_MATCH_EXACT
               : c->al.similarity >= QY_NEAR_MIN_SIMILARITY ? QY_MATCH_NEAR
                                                            : QY_MATCH_TERMS;
    /* A passage that only shares words with the quotation aligns with it
     * over words it does not hold: its highlights are the words it
     * shares, as any result that matched on its terms has them. */
    if (r->match == QY_MATCH_TERMS)
        return qy_mark_words(plan, c);
    if (c->al.first >= 0) {
        r->highlights = malloc(sizeof *r->highlights);
        if (!r->highlights)
            return CS_NOMEM;
        r->highlights[0] = (qy_span){r->byte_start + (size_t)c->al.first,
                                     r->byte_start + (size_t)c->al.last};
        r->nhighlights = 1;
    }
    if (r->match != QY_MATCH_NEAR)
        return CS_OK;
    r->diff = calloc(c->al.nops + 1, sizeof *r->diff);
    /* Each diff op's quoted word, when it replaces one word by one. */
    int *word = malloc((c->al.nops + 1) * sizeof *word);
    /* Each diff op's number's currency signs (currency_by_sign). */
    uint32_t *qsign = calloc(c->al.nops + 1, sizeof *qsign);
    uint32_t *psign = calloc(c->al.nops + 1, sizeof *psign);
    if (!r->diff || !word || !qsign || !psign) {
        free(word);
        free(qsign);
        free(psign);
        return CS_NOMEM;
    }
    /* The source's words as a person reads them: an HTML, quoted-printable,
     * base64 or charset passage's (a UTF-16 file's) decoded. */
    cs_status rc = CS_OK;
    for (size_t k = 0; rc == CS_OK && k < c->al.nops; k++) {
        const qy_align_op *o = &c->al.ops[k];
        qy_align_op merged;
        size_t used = amount_replaced(plan, c, k, &merged);
        if (used) {
            o = &merged;
            k += used - 1;
        } else if (compound_replaced(plan, &c->al, k, &merged)) {
            o = &merged;
            k++;
        }
        word[r->ndiff] = o->op == '~' && o->qn == 1 && o->pn > 0 ? o->q : -1;
        qsign[r->ndiff] = o->qsign;
        psign[r->ndiff] = o->psign;
        qy_diff_op *d = &r->diff[r->ndiff++];
        d->op = o->op;
        d->kind = o->contracted ? QY_DIFF_CONTRACTION
                  : o->same_stem ? QY_DIFF_FORM
                                 : QY_DIFF_PLAIN;
        d->query = o->qn ? join_words(plan, o->q, o->qn) : strdup("");
        d->source = o->pn ? qy_readable_slice(r, &c->pt.words, (size_t)o->p,
                                              (size_t)(o->p + o->pn))
                          : strdup("");
        if (!d->query || !d->source)
            rc = CS_NOMEM;
        else if (o->qcurrency)
            rc = with_signs(d, o->qcurrency, o->pcurrency);
    }
    if (rc == CS_OK)
        rc = currency_by_sign(r, qsign, psign);
    free(qsign);
    free(psign);
    if (rc == CS_OK)
        qy_diff_kinds(r->diff, r->ndiff);
    /* A word replaced by one a letter away, the quoted one no word of the
     * index: misspelt, which a checker can set aside. */
    for (size_t k = 0; rc == CS_OK && plan->quote_unknown && k < r->ndiff; k++) {
        qy_diff_op *d = &r->diff[k];
        if (d->kind == QY_DIFF_PLAIN && word[k] >= 0 &&
            (plan->quote_unknown[word[k]] & QY_UNKNOWN_WORD) &&
            qy_one_edit(d->query, d->source))
            d->kind = QY_DIFF_TYPO;
    }
    free(word);
    return rc;
}

