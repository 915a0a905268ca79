/*
 * tx_utf8.c - UTF-8 validation and decoding, white space as passages see
 * it, and the reading of text that is not UTF-8 as Windows-1252.
 *
 * Decoding follows ICU's rule for ill-formed input (each maximal subpart of
 * an invalid sequence is one U+FFFD), so byte offsets found here agree with
 * the boundaries ICU's UTF-8 UText reports over the same bytes.
 */
#include "tx_internal.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

/* Decodes at s[i]; returns the length consumed (>= 1) and sets *valid. */
static unsigned decode(const unsigned char *s, size_t len, size_t i,
                       uint32_t *cp, int *valid)
{
    unsigned char c = s[i];
    *valid = 1;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    unsigned need;
    uint32_t v;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the first trail byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        *cp = 0xFFFD;
        *valid = 0;
        return 1;
    }
    unsigned k;
    for (k = 1; k <= need; k++) {
        if (i + k >= len)
            break;
        unsigned char t = s[i + k];
        if (t < lo || t > hi)
            break;
        v = (v << 6) | (t & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    if (k <= need) {
        *cp = 0xFFFD;
        *valid = 0;
        return k; /* the maximal valid prefix is one U+FFFD */
    }
    *cp = v;
    return need + 1;
}

size_t tx_utf8_check(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* ASCII runs dominate real text: test eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int valid;
        unsigned n = decode(s, len, i, &cp, &valid);
        if (!valid)
            return i;
        i += n;
    }
    return len;
}

unsigned tx_utf8_next(const char *s, size_t len, size_t i, uint32_t *cp)
{
    int valid;
    return decode((const unsigned char *)s, len, i, cp, &valid);
}

uint32_t tx_utf8_prev(const char *s, size_t i, size_t *start)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[i - 1] < 0x80) {
        *start = i - 1;
        return u[i - 1];
    }
    /* Find a lead byte at most three bytes back whose sequence ends
     * exactly at i; anything else is a lone invalid byte. */
    size_t j = i - 1;
    for (unsigned back = 0; back < 3 && j > 0 && (u[j] & 0xC0) == 0x80;
         back++)
        j--;
    uint32_t cp;
    int valid;
    unsigned n = decode(u, i, j, &cp, &valid);
    if (valid && j + n == i) {
        *start = j;
        return cp;
    }
    *start = i - 1;
    return 0xFFFD;
}

int tx_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: /* zero width space: invisible, so blank to a reader */
    case 0xFEFF: /* a BOM at the start of a file or stray in the text */
    /* Invisible marks of direction, which Arabic and Hebrew mail and
     * word processors put on lines that look blank: LRM, RLM, ALM, the
     * embeddings and overrides, the isolates; and the word joiner. */
    case 0x200E: case 0x200F: case 0x061C: case 0x2060:
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

unsigned tx_space_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    /* Every non-ASCII space starts with C2, D8, E1, E2, E3 or EF. */
    if (c != 0xC2 && c != 0xD8 && c != 0xE1 && c != 0xE2 && c != 0xE3 && c != 0xEF)
        return 0;
    uint32_t cp;
    unsigned n = tx_utf8_next(s, len, i, &cp);
    return tx_is_space(cp) ? n : 0;
}

char *tx_utf8_sanitize(const char *text, size_t len, size_t *out_len)
{
    /* Each bad byte becomes three bytes at most. */
    char *out = malloc(len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    while (len > 0) {
        size_t ok = tx_utf8_check(text, len);
        memcpy(o, text, ok);
        o += ok;
        if (ok == len)
            break;
        /* One U+FFFD for each maximal subpart of an ill-formed sequence
         * (E2 82 followed by a space is one, not two), as ICU reads it
         * and as Python's errors='replace' and WHATWG decoders do: a
         * script that decodes the cited bytes gets the same text. */
        uint32_t cp;
        size_t bad = tx_utf8_next(text, len, ok, &cp);
        memcpy(o, "\xEF\xBF\xBD", 3);
        o += 3;
        text += ok + bad;
        len -= ok + bad;
    }
    *o = '\0';
    if (out_len)
        *out_len = (size_t)(o - out);
    return out;
}

/* Windows-1252's 0x80-0x9F (0 where it has no character: U+FFFD); from
 * 0xA0 on it is Latin-1, which is Unicode's U+00A0-U+00FF. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

uint32_t tx_cp1252_c1(uint32_t cp)
{
    return cp >= 0x80 && cp <= 0x9F && cp1252_c1[cp - 0x80] ? cp1252_c1[cp - 0x80]
                                                            : cp;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Writes byte b of an invalid sequence (0x80 and up) read as
 * Windows-1252 to o as UTF-8 (U+FFFD where it has no character); returns
 * its length. */
static size_t put_legacy(char *o, unsigned char b)
{
    uint32_t c = b >= 0xA0 ? b : cp1252_c1[b - 0x80];
    return put_utf8(o, c ? c : 0xFFFD);
}

static int map_add(tx_analyzer *a, size_t to, size_t from)
{
    if (!a)
        return 0;
    if (tx_grow((void **)&a->legacy_map, &a->legacy_map_cap,
                a->nlegacy_map + 1, sizeof *a->legacy_map))
        return -1;
    a->legacy_map[a->nlegacy_map++] = (struct tx_offset_pair){to, from};
    return 0;
}

/* Writes text[0, len) as UTF-8 to out (room for len * 3 + 1 bytes), each
 * byte of an invalid sequence read as Windows-1252, and NUL-terminates it;
 * returns its length, or SIZE_MAX when out of memory for a's offset map
 * (a NULL: no map).  The map holds one pair per byte so read: where its
 * character starts in the copy, and the byte's offset.  text[0, valid) is
 * known to be UTF-8 (0 when nothing is known), so it is not checked
 * again. */
static size_t decode_legacy(const char *text, size_t len, size_t valid,
                            char *out, tx_analyzer *a)
{
    if (a)
        a->nlegacy_map = 0;
    char *o = out;
    size_t i = 0;
    while (i < len) {
        size_t ok = i == 0 && valid ? valid : tx_utf8_check(text + i, len - i);
        memcpy(o, text + i, ok);
        o += ok;
        i += ok;
        if (i == len)
            break;
        uint32_t cp;
        unsigned bad = tx_utf8_next(text, len, i, &cp);
        for (unsigned k = 0; k < bad; k++, i++) {
            if (map_add(a, (size_t)(o - out), i))
                return SIZE_MAX;
            o += put_legacy(o, (unsigned char)text[i]);
        }
    }
    *o = '\0';
    return (size_t)(o - out);
}

cs_status tx_legacy_decode(tx_analyzer *a, const char *text, size_t len,
                           size_t valid, size_t *out_len)
{
    /* A byte becomes three at most. */
    if (tx_grow((void **)&a->legacy, &a->legacy_cap, len * 3 + 1, 1))
        return CS_NOMEM;
    size_t n = decode_legacy(text, len, valid, a->legacy, a);
    if (n == SIZE_MAX)
        return CS_NOMEM;
    *out_len = n;
    return CS_OK;
}

char *tx_utf8_legacy(const char *text, size_t len, size_t *out_len)
{
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t n = decode_legacy(text, len, 0, out, NULL);
    if (out_len)
        *out_len = n;
    return out;
}

size_t tx_legacy_offset(const tx_analyzer *a, size_t off)
{
    /* The last byte read as Windows-1252 whose character starts at or
     * before `off`: within the character, its byte; after it, one byte of
     * the text for each of the copy up to the next such character. */
    size_t lo = 0, hi = a->nlegacy_map;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->legacy_map[mid].to <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return off; /* before the first: the copy is the text */
    const struct tx_offset_pair *p = &a->legacy_map[lo - 1];
    size_t clen = ((unsigned char)a->legacy[p->to] & 0xE0) == 0xC0 ? 2 : 3;
    return off < p->to + clen ? p->from : p->from + 1 + (off - p->to - clen);
}

char *tx_utf8_latin1(const char *text, size_t len, size_t *out_len)
{
    char *out = malloc(2 * len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80)
            *o++ = (char)b;
        else
            o += put_utf8(o, b);
    }
    *o = '\0';
    if (out_len)
        *out_len = (size_t)(o - out);
    return out;
}

size_t tx_letters(const char *text, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        unsigned step = tx_utf8_next(text, len, i, &cp);
        if (u_isalnum((UChar32)cp)) {
            memcpy(out + n, text + i, step);
            n += step;
        }
        i += step;
    }
    return n;
}

int tx_wordless(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int valid;
        i += decode((const unsigned char *)text, len, i, &cp, &valid);
        /* A byte that is no UTF-8 may be a letter in some other charset. */
        if (!valid || u_isalnum((UChar32)cp))
            return 0;
    }
    return 1;
}

int tx_has_capital(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += tx_utf8_next(text, len, i, &cp);
        if (u_isupper((UChar32)cp) || u_istitle((UChar32)cp))
            return 1;
    }
    return 0;
}

cs_status tx_read_legacy(tx_read *r)
{
    if (tx_utf8_check(r->text, r->n) == r->n)
        return CS_OK;
    /* A byte becomes three at most; each keeps what it stood for. */
    size_t cap = 3 * r->n + 1;
    char *text = malloc(cap);
    size_t *start = malloc(cap * sizeof *start), *end = malloc(cap * sizeof *end);
    if (!text || !start || !end) {
        free(text);
        free(start);
        free(end);
        return CS_NOMEM;
    }
    size_t o = 0;
    for (size_t i = 0; i < r->n;) {
        /* UTF-8 as it is, byte for byte; then each byte of an invalid
         * sequence as a character. */
        size_t ok = tx_utf8_check(r->text + i, r->n - i), bad = 0;
        if (ok == 0) {
            uint32_t cp;
            bad = tx_utf8_next(r->text, r->n, i, &cp);
        }
        for (size_t k = 0; k < ok; k++, i++, o++) {
            text[o] = r->text[i];
            start[o] = r->start ? r->start[i] : i;
            end[o] = r->end ? r->end[i] : i + 1;
        }
        for (size_t k = 0; k < bad; k++, i++) {
            size_t n = put_legacy(text + o, (unsigned char)r->text[i]);
            for (size_t at = o; at < o + n; at++) {
                start[at] = r->start ? r->start[i] : i;
                end[at] = r->end ? r->end[i] : i + 1;
            }
            o += n;
        }
    }
    text[o] = '\0';
    start[o] = r->start ? r->start[r->n] : r->n;
    end[o] = r->end ? r->end[r->n] : r->n;
    tx_read_clear(r);
    *r = (tx_read){.text = text, .n = o, .start = start, .end = end};
    return CS_OK;
}
