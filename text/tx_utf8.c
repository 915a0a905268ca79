/*
 * tx_utf8.c - UTF-8 validation and decoding, and white space as passages
 * see it.
 *
 * Decoding follows ICU's rule for ill-formed input (each maximal subpart of
 * an invalid sequence is one U+FFFD), so byte offsets found here agree with
 * the boundaries ICU's UTF-8 UText reports over the same bytes.
 */
#include "tx_internal.h"

#include <string.h>

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
    /* Every non-ASCII space starts with C2, E1, E2, E3 or EF. */
    if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 && c != 0xEF)
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
