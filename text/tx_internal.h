/*
 * tx_internal.h - private state and helpers shared by the files of text/.
 *
 * The analyzer owns every ICU object and buffer the module needs, so that
 * analyzing a token or a paragraph allocates nothing once the buffers have
 * grown to the largest word seen.  Nothing here is part of the public API.
 */
#ifndef CITESEARCH_TX_INTERNAL_H
#define CITESEARCH_TX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utext.h>

#include "tx.h"

struct sb_stemmer;

/* Script class of a normalized word: decides stemming and TX_IDEO. */
enum tx_script {
    TX_SCRIPT_NONE = 0, /* no letter (digits, underscores) */
    TX_SCRIPT_LATIN,    /* English stemming applies */
    TX_SCRIPT_ALPHA,    /* Greek, Cyrillic: alphabetic, not stemmed */
    TX_SCRIPT_OTHER     /* CJK, kana, Thai, Arabic, ...: TX_IDEO */
};

/* One part of a hyphenated compound, held until the compound ends; term
 * and stem live in tx_analyzer.chain_text (offsets, as it may move). */
struct tx_chain_part {
    size_t start, end;
    size_t term_off, term_len, stem_off, stem_len;
    unsigned pos, flags;
    int script;
};

/* Longest compound joined; a longer hyphen chain starts a new compound
 * (bounds the joined term on pathological input like "a-a-a-...") */
#define TX_CHAIN_MAX 16

/* Stemming is the costliest step and words repeat (Zipf): a direct-mapped
 * cache of short terms' stems skips most Snowball calls. */
#define TX_STEM_CACHE 4096 /* slots, a power of two */
#define TX_STEM_KEY 23     /* longest term (and stem) cached */
struct tx_stem_slot {
    unsigned char term_len, stem_len; /* term_len 0: empty slot */
    char term[TX_STEM_KEY];
    char stem[TX_STEM_KEY + 1];       /* NUL-terminated */
};

/* A word's byte span, collected by tx_passage.c to count and cut. */
struct tx_span {
    size_t start, end;
};

/* A code point of C1 controls (U+0080-U+009F) as the character of
 * Windows-1252's byte of that value (0x92: U+2019), as HTML reads a
 * character reference to one (&#146;); any other unchanged. */
uint32_t tx_cp1252_c1(uint32_t cp);

/* A byte of a text read as Windows-1252 (tx_legacy_decode): its character
 * starts at byte `to` of the decoded copy; the byte is `from` of the text. */
struct tx_offset_pair {
    size_t to, from;
};

struct tx_analyzer {
    UBreakIterator *words;     /* UBRK_WORD, "en" */
    UBreakIterator *sentences; /* UBRK_SENTENCE, "en" (passages) */
    UText *ut;                 /* reopened over each analyzed text */
    UText *sut;                /* reopened over each split paragraph */
    const UNormalizer2 *nfkc, *nfd, *nfc; /* ICU singletons, not owned */
    struct sb_stemmer *stemmer;
    struct tx_stem_slot *stem_cache; /* TX_STEM_CACHE slots */
    const unsigned char *stem_first; /* tx_analyzer_stem_only, borrowed */

    UChar *ubuf[2]; /* ping-pong buffers of the normalization steps */
    size_t ucap[2];

    char *term; /* normalized term of the current token */
    size_t term_cap;
    char *stem; /* its stem */
    size_t stem_cap;

    struct tx_chain_part chain[TX_CHAIN_MAX];
    unsigned nchain;
    char *chain_text;
    size_t chain_len, chain_cap;

    int icu_only; /* tests: segment everything with ICU, no ASCII path */

    /* A text that is not all UTF-8, as analyzed (tx_legacy_decode). */
    char *legacy;
    size_t legacy_cap;
    struct tx_offset_pair *legacy_map;
    size_t nlegacy_map, legacy_map_cap;

    struct tx_span *spans; /* words of the paragraph being split */
    size_t nspans, spans_cap;
};

/* The result of normalizing one token (term in a->term, NUL-terminated). */
typedef struct tx_norm {
    size_t len;     /* bytes of a->term */
    int capital;    /* the original starts with an upper-case letter */
    int script;     /* enum tx_script */
} tx_norm;

/* tx_normalize.c: normalizes the token bytes s[0, n) into a->term. */
cs_status tx_norm_token(tx_analyzer *a, const char *s, size_t n, tx_norm *out,
                        char **msg);

/* tx_utf8.c: decodes the code point at s[i] (i < len) into *cp and returns
 * its length; an invalid sequence reads as U+FFFD of length 1, as ICU's
 * UTF-8 UText does, so offsets computed here agree with ICU's. */
unsigned tx_utf8_next(const char *s, size_t len, size_t i, uint32_t *cp);

/* tx_utf8.c: decodes the code point that ends at s[i] (i > 0), *start set
 * to where it begins. */
uint32_t tx_utf8_prev(const char *s, size_t i, size_t *start);

/* tx_utf8.c: non-zero for white space in the passage sense: Unicode
 * White_Space (NBSP included) plus ZERO WIDTH SPACE, the BOM, the word
 * joiner and the invisible marks of direction (LRM, RLM, ALM, embeddings,
 * overrides, isolates). */
int tx_is_space(uint32_t cp);

/* tx_utf8.c: a copy of text[0, len) in a->legacy (NUL-terminated, length
 * in *out_len) that is all UTF-8: each byte of an invalid UTF-8 sequence
 * is read as Windows-1252 (which Latin-1 is a part of), the rest is
 * copied.  text[0, valid) is known to be UTF-8 (tx_utf8_check's answer;
 * 0 when not known).  a->legacy_map receives a pair per byte so read, in
 * order, for tx_legacy_offset.  CS_NOMEM or CS_OK. */
cs_status tx_legacy_decode(tx_analyzer *a, const char *text, size_t len,
                           size_t valid, size_t *out_len);

/* The text's byte offset of byte `off` of a->legacy; `off` is a character
 * boundary of it. */
size_t tx_legacy_offset(const tx_analyzer *a, size_t off);

/* Text in `charset` (tx_charset_readable) converted to UTF-8, each byte of
 * it mapped to the bytes of `text` it stands for (tx_read: start, end;
 * start NULL when out of memory).  CS_USAGE for a charset ICU does not
 * know, CS_NOMEM when out of memory. */
/* ISO-2022-JP's escape sequence number k (TX_FORM_SHIFT), "" for 0. */
const char *tx_iso2022_escape(unsigned k);

cs_status tx_charset_read(const char *charset, const char *text, size_t len,
                          tx_read *out);

/* Grows *buf (elements of `size` bytes, capacity *cap) to hold at least
 * `need` elements, doubling so that repeated growth stays linear. */
static inline int tx_grow(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *p = realloc(*buf, n * size);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

#endif
