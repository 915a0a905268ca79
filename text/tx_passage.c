/*
 * tx_passage.c - splits a file into passages: paragraphs, and parts of long
 * paragraphs cut at ICU sentence breaks.
 *
 * One forward pass finds lines (LF, CR LF, lone CR) and blank lines; each
 * paragraph is analyzed once to count its words, and a long one is walked
 * once with ICU's sentence iterator.  Line numbers come from a cursor that
 * only moves forward.  So the work is linear in the file size, even for a
 * file that is one huge line.
 */
#include "tx_internal.h"

#include <string.h>

/* Sentence breaks are looked for only in paragraphs up to this size (ICU
 * offsets are 32-bit); a larger one is cut at word boundaries. */
#define TX_SENTENCE_MAX ((size_t)1 << 30)

/* State of one tx_passages call. */
struct split {
    tx_analyzer *a;
    const char *text;
    size_t len;
    unsigned max_words;
    tx_passage_fn fn;
    void *ctx;
    int stopped;
    char **msg;
    size_t line_off; /* line cursor: bytes before line_off are counted */
    unsigned line;   /* the line that line_off is on */
    unsigned paragraph;
    int nomem;
};

/* The 1-based line of byte `off`, moving the cursor forward to it. */
static unsigned line_at(struct split *sp, size_t off)
{
    const char *t = sp->text;
    for (size_t i = sp->line_off; i < off; i++) {
        char c = t[i];
        if (c == '\n')
            sp->line++;
        else if (c == '\r' && (i + 1 >= sp->len || t[i + 1] != '\n'))
            sp->line++; /* a lone CR; in CR LF the LF counts */
    }
    if (off > sp->line_off)
        sp->line_off = off;
    return sp->line;
}

/* Reports text[s, e) trimmed of white space as one passage. */
static void emit(struct split *sp, size_t s, size_t e, unsigned part,
                 unsigned words)
{
    unsigned n;
    while (s < e && (n = tx_space_at(sp->text, e, s)))
        s += n;
    while (e > s) {
        size_t ps;
        if (!tx_is_space(tx_utf8_prev(sp->text, e, &ps)))
            break;
        e = ps;
    }
    if (s == e)
        return;
    tx_passage p;
    p.byte_start = s;
    p.byte_end = e;
    p.line_start = line_at(sp, s);
    p.line_end = line_at(sp, e - 1);
    p.paragraph = sp->paragraph;
    p.part = part;
    p.words = words;
    if (sp->fn(sp->ctx, &p))
        sp->stopped = 1;
}

/* Collects the byte spans of a paragraph's words (not joined forms). */
static int collect(void *ctx, const tx_token *tok)
{
    struct split *sp = ctx;
    tx_analyzer *a = sp->a;
    if (tok->flags & TX_JOINED)
        return 0;
    if (tx_grow((void **)&a->spans, &a->spans_cap, a->nspans + 1,
                sizeof *a->spans)) {
        sp->nomem = 1;
        return 1;
    }
    a->spans[a->nspans].start = tok->start;
    a->spans[a->nspans].end = tok->end;
    a->nspans++;
    return 0;
}

/* Cuts the paragraph text[ps, pe) (more than max_words words, spans in
 * a->spans relative to ps) into parts: whole sentences packed greedily,
 * a sentence longer than max_words cut before a word. */
static cs_status split_paragraph(struct split *sp, size_t ps, size_t pe)
{
    tx_analyzer *a = sp->a;
    const struct tx_span *w = a->spans;
    size_t nw = a->nspans, max = sp->max_words, plen = pe - ps;
    int use_icu = plen <= TX_SENTENCE_MAX;
    if (use_icu) {
        UErrorCode err = U_ZERO_ERROR;
        utext_openUTF8(a->sut, sp->text + ps, (int64_t)plen, &err);
        ubrk_setUText(a->sentences, a->sut, &err);
        if (U_FAILURE(err))
            return cs_fail(sp->msg, CS_INTERNAL,
                           "ICU sentence break failed: %s", u_errorName(err));
        ubrk_first(a->sentences);
    }
    size_t cur = 0;        /* start of the part being filled */
    size_t cur_words = 0;  /* its words */
    size_t ss = 0;         /* start of the next sentence */
    size_t wi = 0, wj = 0; /* its first word; the first word after it */
    unsigned part = 0;
    for (;;) {
        size_t se;
        if (use_icu) {
            int32_t q = ubrk_next(a->sentences);
            if (q == UBRK_DONE)
                break;
            se = (size_t)q;
        } else {
            if (ss == plen)
                break;
            se = plen;
        }
        while (wj < nw && w[wj].start < se)
            wj++;
        /* Never cut inside a word: the parts must analyze alike. */
        if (se < plen && wj > 0 && w[wj - 1].end > se)
            continue;
        size_t n = wj - wi;
        if (cur_words + n <= max) {
            cur_words += n;
        } else {
            if (cur_words > 0) {
                emit(sp, ps + cur, ps + ss, ++part, (unsigned)cur_words);
                if (sp->stopped)
                    return CS_OK;
                cur = ss;
            }
            size_t k = wi;
            while (n > max) {
                size_t cut = w[k + max].start;
                emit(sp, ps + cur, ps + cut, ++part, (unsigned)max);
                if (sp->stopped)
                    return CS_OK;
                cur = cut;
                k += max;
                n -= max;
            }
            cur_words = n;
        }
        wi = wj;
        ss = se;
    }
    if (cur < plen)
        emit(sp, ps + cur, pe, ++part, (unsigned)cur_words);
    return CS_OK;
}

/* A paragraph: the first to the last non-space byte of its lines. */
static cs_status paragraph(struct split *sp, size_t ps, size_t pe)
{
    tx_analyzer *a = sp->a;
    sp->paragraph++;
    a->nspans = 0;
    cs_status st = tx_analyze(a, sp->text + ps, pe - ps, 1, collect, sp,
                              sp->msg);
    if (!st && sp->nomem)
        st = cs_fail(sp->msg, CS_NOMEM, "out of memory counting words");
    if (st)
        return st;
    if (sp->max_words == 0 || a->nspans <= sp->max_words) {
        emit(sp, ps, pe, 1, (unsigned)a->nspans);
        return CS_OK;
    }
    return split_paragraph(sp, ps, pe);
}

cs_status tx_passages(tx_analyzer *a, const char *text, size_t len,
                      unsigned max_words, tx_passage_fn fn, void *ctx,
                      char **msg)
{
    struct split sp = {a, text, len, max_words, fn, ctx, 0, msg, 0, 1, 0, 0};
    int in_para = 0;
    size_t ps = 0, pe = 0;
    size_t i = 0;
    while (i < len) {
        size_t ls = i, le = i;
        while (le < len && text[le] != '\n' && text[le] != '\r')
            le++;
        if (le < len && text[le] == '\r' && le + 1 < len &&
            text[le + 1] == '\n')
            i = le + 2;
        else
            i = le < len ? le + 1 : len;

        size_t j = ls;
        unsigned n;
        while (j < le && (n = tx_space_at(text, le, j)))
            j += n;
        if (j == le) { /* a blank line ends the paragraph */
            if (in_para) {
                cs_status st = paragraph(&sp, ps, pe);
                if (st || sp.stopped)
                    return st;
                in_para = 0;
            }
            continue;
        }
        if (!in_para) {
            ps = j;
            in_para = 1;
        }
        size_t k = le;
        while (k > j) {
            size_t prev;
            if (!tx_is_space(tx_utf8_prev(text, k, &prev)))
                break;
            k = prev;
        }
        pe = k;
    }
    if (in_para)
        return paragraph(&sp, ps, pe);
    return CS_OK;
}
