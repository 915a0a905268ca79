/*
 * tx_passage.c - splits a file into passages: paragraphs, and parts of long
 * paragraphs cut at ICU sentence breaks.
 *
 * One forward pass finds lines (LF, CR LF, lone CR) and blank lines; each
 * paragraph is analyzed once to count its words, and a long one is walked
 * once with ICU's sentence iterator.  Line numbers come from a cursor that
 * only moves forward.  So the work is linear in the file size, even for a
 * file that is one huge line.  A paragraph of more than TX_SEGMENT_BYTES
 * is walked a segment at a time, so the memory its words take is bounded
 * by the segment, not by the paragraph (a 100 MB file of one line).
 */
#include "tx_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Sentence breaks are looked for only in paragraphs up to this size (ICU
 * offsets are 32-bit); a larger one is cut at word boundaries. */
#define TX_SENTENCE_MAX ((size_t)1 << 30)

/* A paragraph longer than this is split a segment of about this size at a
 * time (about 600,000 words: 15 MB of word spans and sentence starts).
 * Windows are cut in a segment only up to TX_SEGMENT_MARGIN words before
 * its end (where the text is cut, ICU sees no more context); the next
 * segment starts where the next window does. */
#define TX_SEGMENT_BYTES ((size_t)4 << 20)
#define TX_SEGMENT_MARGIN 64

/* Words two windows of a long paragraph share: at least MIN (a quotation
 * that long is always whole in one window, found by one phrase search),
 * at most MAX.  A longer quotation is found across windows by the query
 * side, which joins them (qy_across.c), so the share is kept small: each
 * shared word is indexed twice.  15 holds the quotations fact-checkers
 * paste most (a sentence or less); 30-50 indexed the medium corpus into
 * 8% more space, with 5% more passages, and ranked the development sets
 * alike. */
#define TX_OVERLAP_MIN 15
#define TX_OVERLAP_MAX 25

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
    /* Two line cursors: one for passage starts, one for passage ends
     * (windows overlap, so a start may lie before the previous end, but
     * starts and ends each grow, and each cursor only moves forward). */
    tx_lines starts, ends;
    unsigned paragraph;
    int nomem;
};

/* Line breaks in t[from, to) of a text of `len` bytes. */
static unsigned count_breaks(const char *t, size_t from, size_t to, size_t len)
{
    unsigned n = 0;
    for (size_t i = from; i < to; i++) {
        char ch = t[i];
        if (ch == '\n')
            n++;
        else if (ch == '\r' && (i + 1 >= len || t[i + 1] != '\n'))
            n++; /* a lone CR; in CR LF the LF counts */
    }
    return n;
}

unsigned tx_count_lines(const char *text, size_t len)
{
    return count_breaks(text, 0, len, len);
}

void tx_lines_init(tx_lines *c, const char *text, size_t len, size_t off,
                   unsigned line)
{
    *c = (tx_lines){.text = text, .len = len, .off = off, .line = line};
}

unsigned tx_line_of(tx_lines *c, size_t off)
{
    if (off < c->off) { /* behind the cursor: count from the start */
        c->off = 0;
        c->line = 1;
    }
    c->line += count_breaks(c->text, c->off, off, c->len);
    c->off = off;
    return c->line;
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
    p.line_start = tx_line_of(&sp->starts, s);
    p.line_end = tx_line_of(&sp->ends, e - 1);
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

/* Byte where word i starts its part: its sentence's break when it opens
 * a sentence (so an opening quote mark stays in), else the word itself;
 * nw maps to the paragraph's end. */
static size_t part_byte(const size_t *sent, const struct tx_span *w, size_t nw,
                        size_t i, size_t plen)
{
    if (i >= nw)
        return plen;
    return sent[i] != SIZE_MAX ? sent[i] : w[i].start;
}

/*
 * Cuts the words in a->spans, relative to `ps`, of text[ps, ps + plen)
 * (a paragraph, or a segment of one), into overlapping windows of at most
 * max_words words.  A window ends at a sentence break when one falls in
 * its second half, and the next window starts TX_OVERLAP_MIN..
 * TX_OVERLAP_MAX words before that end, at a sentence break when one is
 * there, else at a word: so a quotation of up to TX_OVERLAP_MIN words that
 * crosses the end of one window lies whole inside the next.  *part counts
 * the windows of the paragraph.  `last` is 0 for a segment that is not
 * the paragraph's end: then windows stop TX_SEGMENT_MARGIN words before
 * the end of the words, and *resume receives the byte (relative to ps)
 * where the next window starts, 0 when no window was cut.
 */
static cs_status split_words(struct split *sp, size_t ps, size_t plen,
                             int last, unsigned *part, size_t *resume)
{
    tx_analyzer *a = sp->a;
    const struct tx_span *w = a->spans;
    size_t nw = a->nspans, max = sp->max_words;
    *resume = 0;
    if (!last && nw < max + TX_SEGMENT_MARGIN)
        return CS_OK; /* too few words to cut a window safely */
    size_t *sent = malloc((nw ? nw : 1) * sizeof *sent);
    if (!sent)
        return cs_fail(sp->msg, CS_NOMEM, "out of memory splitting a paragraph");
    for (size_t i = 0; i < nw; i++)
        sent[i] = SIZE_MAX;
    sent[0] = 0;
    if (plen <= TX_SENTENCE_MAX) {
        UErrorCode err = U_ZERO_ERROR;
        utext_openUTF8(a->sut, sp->text + ps, (int64_t)plen, &err);
        ubrk_setUText(a->sentences, a->sut, &err);
        if (U_FAILURE(err)) {
            free(sent);
            return cs_fail(sp->msg, CS_INTERNAL,
                           "ICU sentence break failed: %s", u_errorName(err));
        }
        ubrk_first(a->sentences);
        size_t wj = 0;
        for (int32_t q; (q = ubrk_next(a->sentences)) != UBRK_DONE;) {
            size_t se = (size_t)q;
            while (wj < nw && w[wj].start < se)
                wj++;
            /* Never cut inside a word: the parts must analyze alike. */
            if (wj < nw && !(wj > 0 && w[wj - 1].end > se))
                sent[wj] = se;
        }
    }
    size_t overlap_min = max / 4 < TX_OVERLAP_MIN ? max / 4 : TX_OVERLAP_MIN;
    size_t overlap_max = max / 3 < TX_OVERLAP_MAX ? max / 3 : TX_OVERLAP_MAX;
    size_t start = 0;
    while (!sp->stopped) {
        if (!last && start + max + TX_SEGMENT_MARGIN > nw) {
            /* The next segment starts with this window (its first word:
             * a sentence start there, as here). */
            *resume = part_byte(sent, w, nw, start, plen);
            break;
        }
        size_t end = start + max < nw ? start + max : nw;
        if (end < nw)
            for (size_t b = end; b > start + max / 2; b--)
                if (sent[b] != SIZE_MAX) {
                    end = b;
                    break;
                }
        /* The first window starts with the paragraph. */
        size_t from = *part == 0 ? 0 : part_byte(sent, w, nw, start, plen);
        ++*part;
        emit(sp, ps + from, ps + part_byte(sent, w, nw, end, plen), *part,
             (unsigned)(end - start));
        if (end >= nw)
            break;
        /* The next window: back over the overlap, at a sentence if any. */
        size_t next = end > overlap_min ? end - overlap_min : 0;
        for (size_t b = next; b + overlap_max >= end && b > start; b--)
            if (sent[b] != SIZE_MAX) {
                next = b;
                break;
            }
        start = next > start ? next : start + 1;
    }
    free(sent);
    return CS_OK;
}

/* Where a segment of a long paragraph that starts at `ss` ends: about
 * `want` bytes on, at white space, so no word is cut (in a script without
 * spaces, at a character), or at the paragraph's end `pe`. */
static size_t segment_end(const char *text, size_t ss, size_t pe, size_t want)
{
    if (pe - ss <= want)
        return pe;
    size_t e = ss + want, limit = pe - e > 65536 ? e + 65536 : pe;
    for (size_t i = e; i < limit; i++)
        if (text[i] == ' ' || text[i] == '\t')
            return i;
    while (e < pe && ((unsigned char)text[e] & 0xC0) == 0x80)
        e++;
    return e;
}

/* The words of text[from, to) into a->spans (a->nspans of them). */
static cs_status collect_words(struct split *sp, size_t from, size_t to)
{
    sp->a->nspans = 0;
    cs_status st = tx_analyze(sp->a, sp->text + from, to - from, 1, collect,
                              sp, sp->msg);
    if (!st && sp->nomem)
        st = cs_fail(sp->msg, CS_NOMEM, "out of memory counting words");
    return st;
}

/* A paragraph of more than TX_SEGMENT_BYTES, split a segment at a time:
 * each segment's words are found, its windows cut up to its margin, and
 * the next segment starts with the next window.  A segment with too few
 * words for a window (a long run without spaces) is taken twice as long. */
static cs_status split_segments(struct split *sp, size_t ps, size_t pe)
{
    tx_analyzer *a = sp->a;
    unsigned part = 0;
    size_t ss = ps, want = TX_SEGMENT_BYTES;
    while (!sp->stopped) {
        size_t se = segment_end(sp->text, ss, pe, want);
        cs_status st = collect_words(sp, ss, se);
        if (st)
            return st;
        if (se == pe && part == 0 && a->nspans <= sp->max_words) {
            emit(sp, ps, pe, 1, (unsigned)a->nspans);
            return CS_OK;
        }
        size_t resume = 0;
        st = split_words(sp, ss, se - ss, se == pe, &part, &resume);
        if (st || se == pe)
            return st;
        if (resume == 0) {
            want *= 2;
        } else {
            ss += resume;
            want = TX_SEGMENT_BYTES;
        }
    }
    return CS_OK;
}

/* A paragraph: the first to the last non-space byte of its lines. */
static cs_status paragraph(struct split *sp, size_t ps, size_t pe)
{
    tx_analyzer *a = sp->a;
    sp->paragraph++;
    if (sp->max_words > 0 && pe - ps > TX_SEGMENT_BYTES)
        return split_segments(sp, ps, pe);
    cs_status st = collect_words(sp, ps, pe);
    if (st)
        return st;
    if (sp->max_words == 0 || a->nspans <= sp->max_words) {
        emit(sp, ps, pe, 1, (unsigned)a->nspans);
        return CS_OK;
    }
    unsigned part = 0;
    size_t resume;
    return split_words(sp, ps, pe - ps, 1, &part, &resume);
}

cs_status tx_passages(tx_analyzer *a, const char *text, size_t len,
                      unsigned max_words, tx_passage_fn fn, void *ctx,
                      char **msg)
{
    struct split sp = {.a = a, .text = text, .len = len,
                       .max_words = max_words, .fn = fn, .ctx = ctx,
                       .msg = msg};
    tx_lines_init(&sp.starts, text, len, 0, 1);
    tx_lines_init(&sp.ends, text, len, 0, 1);
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
