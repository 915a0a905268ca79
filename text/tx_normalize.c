/*
 * tx_normalize.c - the normalized form of one word (the term), and
 * tx_normalize() for short texts.
 *
 * A token becomes its term by: apostrophe-like characters -> ASCII ',
 * NFKC, full case folding, NFD, dropping combining diacritics
 * (U+0300..U+036F), Arabic's and Hebrew's vowel points and
 * default-ignorable characters, letters with a
 * stroke as their base letter (ł: l, ı: i), NFC, dropping
 * leading and trailing apostrophes, and removing digit-group commas
 * and apostrophes (2,500 and 2'500 -> 2500).  Pure-ASCII tokens, the bulk of English text, skip ICU:
 * for ASCII the whole chain reduces to lower-casing.
 */
#include "tx_internal.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* At most this many bytes of a token go through ICU: a longer "word" is a
 * blob (base64, a URL-less hash) and bounding it keeps ICU's int32_t
 * lengths safe even after NFKC's worst-case expansion. */
#define TX_NORM_MAX (1u << 20)

static cs_status grow_u(tx_analyzer *a, int k, size_t need, char **msg)
{
    if (tx_grow((void **)&a->ubuf[k], &a->ucap[k], need, sizeof(UChar)))
        return cs_fail(msg, CS_NOMEM, "out of memory normalizing a word");
    return CS_OK;
}

static cs_status grow_term(tx_analyzer *a, size_t need, char **msg)
{
    if (tx_grow((void **)&a->term, &a->term_cap, need, 1))
        return cs_fail(msg, CS_NOMEM, "out of memory normalizing a word");
    return CS_OK;
}

static cs_status icu_error(char **msg, const char *what, UErrorCode err)
{
    return cs_fail(msg, CS_INTERNAL, "ICU %s failed: %s", what,
                   u_errorName(err));
}

/* Normalizes ubuf[from][0, len) with n2 into ubuf[!from]. */
static cs_status normalize_step(tx_analyzer *a, const UNormalizer2 *n2,
                                int from, int32_t len, int32_t *out,
                                char **msg)
{
    int to = !from;
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(n2, a->ubuf[from], len, a->ubuf[to],
                                     (int32_t)a->ucap[to], &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            cs_status st = grow_u(a, to, (size_t)n + 1, msg);
            if (st)
                return st;
            continue;
        }
        if (U_FAILURE(err))
            return icu_error(msg, "normalization", err);
        *out = n;
        return CS_OK;
    }
}

/* Case-folds ubuf[from][0, len) into ubuf[!from]. */
static cs_status fold_step(tx_analyzer *a, int from, int32_t len,
                           int32_t *out, char **msg)
{
    int to = !from;
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = u_strFoldCase(a->ubuf[to], (int32_t)a->ucap[to],
                                  a->ubuf[from], len, U_FOLD_CASE_DEFAULT,
                                  &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            cs_status st = grow_u(a, to, (size_t)n + 1, msg);
            if (st)
                return st;
            continue;
        }
        if (U_FAILURE(err))
            return icu_error(msg, "case folding", err);
        *out = n;
        return CS_OK;
    }
}

static int is_apostrophe(UChar32 c)
{
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 ||
           c == 0x00B4 || c == 0xFF07 || c == 0x2032;
}

/* In place: apostrophe-likes become ', before NFKC turns U+00B4 into
 * a space and a combining accent. */
static void map_apostrophes(UChar *u, int32_t len)
{
    for (int32_t i = 0; i < len; i++)
        if (is_apostrophe(u[i])) /* all are BMP code points */
            u[i] = '\'';
}

/* The base letter of a (case-folded) Latin letter whose diacritic is
 * part of it, a stroke or a missing dot, which NFD does not take apart:
 * Wałęsa is Walesa, Łódź Lodz, Søren Soren, Đoković Dokovic, Diyarbakır
 * Diyarbakir.  0 for any other character. */
static UChar stroke_base(UChar32 c)
{
    switch (c) {
    case 0x0142: return 'l'; /* ł */
    case 0x019A: return 'l'; /* ƚ */
    case 0x00F8: return 'o'; /* ø */
    case 0x0111: return 'd'; /* đ */
    case 0x0127: return 'h'; /* ħ */
    case 0x0131: return 'i'; /* ı */
    case 0x0268: return 'i'; /* ɨ */
    case 0x0167: return 't'; /* ŧ */
    case 0x0180: return 'b'; /* ƀ */
    case 0x01B6: return 'z'; /* ƶ */
    case 0x023C: return 'c'; /* ȼ */
    case 0x0247: return 'e'; /* ɇ */
    case 0x01E5: return 'g'; /* ǥ */
    default: return 0;
    }
}

/* Whether c is a mark that Arabic and Hebrew write or leave out at will,
 * as diacritics are: Arabic's harakat (U+064B..U+065F, the superscript
 * alef U+0670) and its tatweel (U+0640, a stretch in justified text);
 * Hebrew's points and cantillation marks (U+0591..U+05C7, its marks
 * only).  وَزِير is وزير, שָׁלוֹם is שלום. */
static int pointing(UChar32 c)
{
    if (c >= 0x064B && c <= 0x065F)
        return 1;
    if (c == 0x0640 || c == 0x0670)
        return 1;
    if (c >= 0x0591 && c <= 0x05C7)
        return u_charType(c) == U_NON_SPACING_MARK;
    return 0;
}

/* In place over NFD text: drops the combining diacritics U+0300..U+036F
 * (only those, so Thai and Indic vowel signs survive) and Arabic's and
 * Hebrew's pointing (pointing()), default-ignorable
 * characters (soft hyphen, ZWJ, variation selectors: invisible, so a
 * reader cannot type them) and spaces a compatibility mapping may bring;
 * a letter with a stroke becomes its base letter (stroke_base). */
static int32_t drop_marks(UChar *u, int32_t len)
{
    int32_t r = 0, w = 0;
    while (r < len) {
        int32_t from = r;
        UChar32 c;
        U16_NEXT(u, r, len, c);
        if ((c >= 0x300 && c <= 0x36F) || pointing(c) || c == ' ' ||
            u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;
        UChar base = stroke_base(c);
        if (base) {
            u[w++] = base;
            continue;
        }
        while (from < r)
            u[w++] = u[from++];
    }
    return w;
}

static int script_class(const UChar *u, int32_t len)
{
    int32_t i = 0;
    while (i < len) {
        UChar32 c;
        U16_NEXT(u, i, len, c);
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &err);
        if (U_FAILURE(err) || sc == USCRIPT_COMMON ||
            sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN)
            continue;
        if (sc == USCRIPT_LATIN)
            return TX_SCRIPT_LATIN;
        if (sc == USCRIPT_GREEK || sc == USCRIPT_CYRILLIC)
            return TX_SCRIPT_ALPHA;
        return TX_SCRIPT_OTHER;
    }
    return TX_SCRIPT_NONE;
}

/* The ICU path: s[0, n) (not pure ASCII) into a->term. */
static cs_status norm_icu(tx_analyzer *a, const char *s, size_t n,
                          tx_norm *out, char **msg)
{
    if (n > TX_NORM_MAX) {
        n = TX_NORM_MAX;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* cut at a character boundary */
    }
    cs_status st;
    int32_t len;
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        u_strFromUTF8WithSub(a->ubuf[0], (int32_t)a->ucap[0], &len, s,
                             (int32_t)n, 0xFFFD, NULL, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            if ((st = grow_u(a, 0, (size_t)len + 1, msg)))
                return st;
            continue;
        }
        if (U_FAILURE(err))
            return icu_error(msg, "UTF-8 conversion", err);
        break;
    }
    map_apostrophes(a->ubuf[0], len);
    if ((st = normalize_step(a, a->nfkc, 0, len, &len, msg)) ||
        (st = fold_step(a, 1, len, &len, msg)) ||
        (st = normalize_step(a, a->nfd, 0, len, &len, msg)))
        return st;
    len = drop_marks(a->ubuf[1], len);
    if ((st = normalize_step(a, a->nfc, 1, len, &len, msg)))
        return st;
    out->script = script_class(a->ubuf[0], len);
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t m;
        u_strToUTF8WithSub(a->term, (int32_t)a->term_cap, &m, a->ubuf[0],
                           len, 0xFFFD, NULL, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR ||
            err == U_STRING_NOT_TERMINATED_WARNING) {
            if ((st = grow_term(a, (size_t)m + 1, msg)))
                return st;
            continue;
        }
        if (U_FAILURE(err))
            return icu_error(msg, "UTF-8 conversion", err);
        out->len = (size_t)m;
        return CS_OK;
    }
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* In place on a->term: drops leading and trailing apostrophes and the
 * commas of digit groups (a comma after a digit and before exactly three
 * digits), and their apostrophes as Switzerland writes them (1'000,
 * 2’500: the apostrophe is ' by now), then NUL-terminates. */
static void finish_term(tx_analyzer *a, tx_norm *out)
{
    char *t = a->term;
    size_t len = out->len, b = 0;
    while (b < len && t[b] == '\'')
        b++;
    while (len > b && t[len - 1] == '\'')
        len--;
    size_t w = 0;
    for (size_t r = b; r < len; r++) {
        char c = t[r];
        if ((c == ',' || c == '\'') && w > 0 && is_digit(t[w - 1]) && r + 3 < len &&
            is_digit(t[r + 1]) && is_digit(t[r + 2]) && is_digit(t[r + 3]) &&
            (r + 4 == len || !is_digit(t[r + 4])))
            continue;
        t[w++] = c;
    }
    t[w] = '\0';
    out->len = w;
}

cs_status tx_norm_token(tx_analyzer *a, const char *s, size_t n, tx_norm *out,
                        char **msg)
{
    const unsigned char *u = (const unsigned char *)s;
    cs_status st = grow_term(a, n + 1, msg);
    if (st)
        return st;
    /* ASCII, as most words are: NFKC and NFD change nothing and folding
     * is lower-casing, done in the pass that finds the word is ASCII (the
     * term is written again when it is not). */
    size_t i = 0;
    unsigned all = 0, letter = 0, marks = 0;
    for (; i < n; i++) {
        unsigned char c = u[i];
        all |= c;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        else if (c == '`')
            c = '\'';
        letter |= (unsigned)(c - 'a') <= 'z' - 'a';
        marks |= c == '\'' || c == ',';
        a->term[i] = (char)c;
    }
    if (!(all & 0x80)) {
        out->len = n;
        out->capital = n > 0 && u[0] >= 'A' && u[0] <= 'Z';
        out->script = letter ? TX_SCRIPT_LATIN : TX_SCRIPT_NONE;
        if (!marks) { /* nothing for finish_term to take out */
            a->term[n] = '\0';
            return CS_OK;
        }
    } else {
        uint32_t c0;
        tx_utf8_next(s, n, 0, &c0);
        out->capital = u_isupper((UChar32)c0) || u_istitle((UChar32)c0);
        if ((st = norm_icu(a, s, n, out, msg)))
            return st;
    }
    finish_term(a, out);
    return CS_OK;
}

/* ------------------------------------------------------------------ */
/* tx_normalize: the terms of a short text, space-separated             */
/* ------------------------------------------------------------------ */

struct joiner {
    char *buf;
    size_t len, cap;
    int nomem;
};

static int join_term(void *ctx, const tx_token *tok)
{
    struct joiner *j = ctx;
    if (tok->flags & TX_JOINED) /* its parts are already there */
        return 0;
    if (tx_grow((void **)&j->buf, &j->cap, j->len + tok->term_len + 2, 1)) {
        j->nomem = 1;
        return 1;
    }
    if (j->len)
        j->buf[j->len++] = ' ';
    memcpy(j->buf + j->len, tok->term, tok->term_len);
    j->len += tok->term_len;
    return 0;
}

cs_status tx_normalize(tx_analyzer *a, const char *text, size_t len,
                       char **out, size_t *out_len, char **msg)
{
    struct joiner j = {NULL, 0, 0, 0};
    *out = NULL;
    if (out_len)
        *out_len = 0;
    cs_status st = tx_analyze(a, text, len, 1, join_term, &j, msg);
    if (!st && (j.nomem || tx_grow((void **)&j.buf, &j.cap, j.len + 1, 1)))
        st = cs_fail(msg, CS_NOMEM, "out of memory normalizing a text");
    if (st) {
        free(j.buf);
        return st;
    }
    j.buf[j.len] = '\0';
    *out = j.buf;
    if (out_len)
        *out_len = j.len;
    return CS_OK;
}
