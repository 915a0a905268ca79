/*
 * tx_analyze.c - the analyzer: ICU word segmentation of UTF-8 bytes into
 * normalized, stemmed, flagged word tokens with exact byte offsets.
 *
 * ICU's word break iterator runs over a UText opened on the caller's bytes,
 * so its boundaries are byte offsets into them.  On top of ICU's rules this
 * file splits letter words at '.' and ':' between letters, numbers
 * positions, flags tokens, stems Latin words with Snowball, and joins
 * hyphenated compounds.  Pure-ASCII runs skip ICU's iterator: their
 * boundaries are found by ICU's own rules, coded here.  Everything is
 * reused across calls: a token costs no allocation once the buffers have
 * grown.
 */
#include "tx_internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <libstemmer.h>
#include <unicode/uchar.h>

/* ICU's UTF-8 UText works with 32-bit offsets: longer texts are analyzed in
 * pieces of at most this many bytes, cut at white space. */
#define TX_CHUNK_MAX ((size_t)1 << 30)

/* Longer terms are not English words; they stem to themselves (keeps the
 * stemmer's work bounded on blobs). */
#define TX_STEM_MAX 100

cs_status tx_analyzer_new(tx_analyzer **out, char **msg)
{
    *out = NULL;
    tx_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return cs_fail(msg, CS_NOMEM, "out of memory creating an analyzer");
    UErrorCode err = U_ZERO_ERROR;
    a->words = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
    if (U_SUCCESS(err))
        a->sentences = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &err);
    if (U_SUCCESS(err))
        a->ut = utext_openUTF8(NULL, "", 0, &err);
    if (U_SUCCESS(err))
        a->sut = utext_openUTF8(NULL, "", 0, &err);
    if (U_SUCCESS(err))
        a->nfkc = unorm2_getNFKCInstance(&err);
    if (U_SUCCESS(err))
        a->nfd = unorm2_getNFDInstance(&err);
    if (U_SUCCESS(err))
        a->nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) {
        tx_analyzer_free(a);
        return cs_fail(msg, CS_INTERNAL, "ICU initialization failed: %s",
                       u_errorName(err));
    }
    a->stem_cache = calloc(TX_STEM_CACHE, sizeof *a->stem_cache);
    if (!a->stem_cache) {
        tx_analyzer_free(a);
        return cs_fail(msg, CS_NOMEM, "out of memory creating an analyzer");
    }
    a->stemmer = sb_stemmer_new("english", "UTF_8");
    if (!a->stemmer) {
        tx_analyzer_free(a);
        return cs_fail(msg, CS_INTERNAL,
                       "cannot create the English Snowball stemmer");
    }
    *out = a;
    return CS_OK;
}

void tx_analyzer_stem_only(tx_analyzer *a, const unsigned char *first)
{
    if (a)
        a->stem_first = first;
}

void tx_analyzer_free(tx_analyzer *a)
{
    if (!a)
        return;
    if (a->words)
        ubrk_close(a->words);
    if (a->sentences)
        ubrk_close(a->sentences);
    if (a->ut)
        utext_close(a->ut);
    if (a->sut)
        utext_close(a->sut);
    if (a->stemmer)
        sb_stemmer_delete(a->stemmer);
    free(a->stem_cache);
    free(a->ubuf[0]);
    free(a->ubuf[1]);
    free(a->term);
    free(a->stem);
    free(a->chain_text);
    free(a->spans);
    free(a->legacy);
    free(a->legacy_map);
    free(a);
}

/* State of one tx_analyze call. */
struct run {
    tx_analyzer *a;
    const char *text; /* the whole text: offsets are relative to it */
    size_t len;
    int legacy;       /* text is a->legacy: map offsets back (emit) */
    tx_token_fn fn;
    void *ctx;
    unsigned pos;
    int stopped;
    char **msg;
};

/* Length of a hyphen (- U+2010 U+2011) at text[i], or 0. */
static unsigned hyphen_at(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (text[i] == '-')
        return 1;
    if (i + 2 < len && (unsigned char)text[i] == 0xE2 &&
        (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x90 ||
         (unsigned char)text[i + 2] == 0x91))
        return 3;
    return 0;
}

/* Length of what links two words as a compound's parts at text[i]: a
 * hyphen, or a zero width space before a letter of an alphabet
 * ("con\u200Bfidential", as web pages break long words): invisible, so a
 * reader sees one word where ICU breaks two, and either is found, as
 * cyber-attack's are.  Between Thai or CJK words the space ends a word,
 * as ICU's dictionaries do; or 0. */
static unsigned link_at(const char *text, size_t len, size_t i)
{
    unsigned h = hyphen_at(text, len, i);
    if (h || i + 3 >= len || memcmp(text + i, "\xE2\x80\x8B", 3) != 0)
        return h;
    uint32_t c;
    tx_utf8_next(text, len, i + 3, &c);
    return u_getIntPropertyValue((UChar32)c, UCHAR_LINE_BREAK) == U_LB_ALPHABETIC ? 3 : 0;
}

/* (tx.h) */
unsigned tx_group_space_at(const char *text, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;
    if (i + 1 < len && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF))
        return 3;
    return 0;
}

/* Length of a minus sign (- or U+2212) just before a number at text[s],
 * set off from what comes before it by the start of the text, a space or
 * an opening bracket (-2.1%, (−15)); 0 for none, and for a hyphen after a
 * letter, a digit or another hyphen (COVID-19, 2019-20, --1). */
static unsigned minus_before(const char *text, size_t s)
{
    const unsigned char *u = (const unsigned char *)text;
    unsigned n = 0;
    if (s >= 1 && u[s - 1] == '-')
        n = 1;
    else if (s >= 3 && u[s - 3] == 0xE2 && u[s - 2] == 0x88 && u[s - 1] == 0x92)
        n = 3;
    if (n == 0 || s == n)
        return n;
    unsigned char b = u[s - n - 1];
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '(' || b == '[' ? n : 0;
}

/* Whether term[0, n) is 1 to `most` ASCII digits and nothing else. */
static int digits_only(const char *term, size_t n, size_t most)
{
    if (n == 0 || n > most)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (term[i] < '0' || term[i] > '9')
            return 0;
    return 1;
}

/* Whether a percent sign (% or the full-width U+FF05) stands at text[i],
 * maybe after one space ("50 %"): its bytes in [*start, *end). */
static int percent_at(const char *text, size_t len, size_t i, size_t *start,
                      size_t *end)
{
    size_t j = i < len && text[i] == ' ' ? i + 1 : i;
    *start = j;
    if (j < len && text[j] == '%')
        *end = j + 1;
    else if (j + 2 < len && (unsigned char)text[j] == 0xEF &&
             (unsigned char)text[j + 1] == 0xBC && (unsigned char)text[j + 2] == 0x85)
        *end = j + 3;
    else
        return 0;
    return 1;
}

/* Whether the word text[s, e) is a capital letter of an acronym written
 * with points, another such letter after its point (the U of "U.S.",
 * the M and E of "M.E.K."): its letters are held and joined as a
 * compound's parts are, so "U.S." is found as "US" and the other way,
 * as punctuation is read in a phrase.  Capitals only: "a.m." and "p.m."
 * are no "am" and "PM". */
static inline int initial_at(const char *text, size_t len, size_t s, size_t e)
{
    return e == s + 1 && e + 1 < len && isupper((unsigned char)text[s]) &&
           text[e] == '.' && isupper((unsigned char)text[e + 1]) &&
           (e + 2 == len || !(isalnum((unsigned char)text[e + 2]) ||
                              (unsigned char)text[e + 2] >= 0x80));
}

int tx_acronym_point(const char *text, size_t len, size_t p)
{
    /* The letter before the point stands alone, as a word of its own. */
    if (p >= len || text[p] != '.' || p == 0 ||
        (p >= 2 && (isalnum((unsigned char)text[p - 2]) || (unsigned char)text[p - 2] >= 0x80)))
        return 0;
    /* Between two of its letters: the letter before is an initial_at
     * whose next letter has its point too. */
    if (p + 2 < len && text[p + 2] == '.' && initial_at(text, len, p - 1, p))
        return 1;
    /* After its last letter: the letter before that is an initial_at. */
    if (p < 3 || !initial_at(text, len, p - 3, p - 2))
        return 0;
    size_t q = p + 1;
    while (q < len && text[q] == ' ')
        q++;
    return q > p + 1 && q < len && islower((unsigned char)text[q]);
}

/* Whether the word text[s, e) is "per" and " cent" follows it, a word:
 * percent written in two words, which are held and joined as a compound
 * is (its parts, then "percent"). */
static inline int per_cent_at(const char *text, size_t len, size_t s, size_t e)
{
    /* (Asked of every word: the cheap tests first.) */
    if (e - s != 3 || e + 5 > len || text[e] != ' ' || (text[s] | 0x20) != 'p' ||
        strncasecmp(text + s, "per", 3) != 0 || strncasecmp(text + e + 1, "cent", 4) != 0)
        return 0;
    if (e + 5 == len)
        return 1;
    unsigned char c = (unsigned char)text[e + 5];
    return !(isalnum(c) || c >= 0x80 || c == '_');
}

/* The stem of term[0, len), in the cache or a->stem (or the term itself):
 * valid until the next call, which is all a token needs. */
static cs_status stem_of(tx_analyzer *a, const char *term, size_t len,
                         int stemmable, const char **stem, size_t *stem_len,
                         char **msg)
{
    unsigned char first = len ? (unsigned char)term[0] : 0;
    if (!stemmable || len > TX_STEM_MAX ||
        (a->stem_first && !a->stem_first[first] &&
         ((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9')))) {
        *stem = term;
        *stem_len = len;
        return CS_OK;
    }
    struct tx_stem_slot *slot = NULL;
    if (len <= TX_STEM_KEY) {
        uint32_t h = 2166136261u; /* FNV-1a */
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)term[i]) * 16777619u;
        slot = &a->stem_cache[h & (TX_STEM_CACHE - 1)];
        if (slot->term_len == len && memcmp(slot->term, term, len) == 0) {
            *stem = slot->stem;
            *stem_len = slot->stem_len;
            return CS_OK;
        }
    }
    const sb_symbol *p = sb_stemmer_stem(a->stemmer, (const sb_symbol *)term,
                                         (int)len);
    if (!p)
        return cs_fail(msg, CS_NOMEM, "out of memory stemming a word");
    size_t n = (size_t)sb_stemmer_length(a->stemmer);
    if (slot && n <= TX_STEM_KEY) {
        slot->term_len = (unsigned char)len;
        memcpy(slot->term, term, len);
        slot->stem_len = (unsigned char)n;
        memcpy(slot->stem, p, n);
        slot->stem[n] = '\0';
        *stem = slot->stem;
        *stem_len = n;
        return CS_OK;
    }
    if (tx_grow((void **)&a->stem, &a->stem_cap, n + 1, 1))
        return cs_fail(msg, CS_NOMEM, "out of memory stemming a word");
    memcpy(a->stem, p, n);
    a->stem[n] = '\0';
    *stem = a->stem;
    *stem_len = n;
    return CS_OK;
}

static void emit(struct run *r, const char *term, size_t term_len,
                 const char *stem, size_t stem_len, size_t start, size_t end,
                 unsigned pos, unsigned flags)
{
    if (r->legacy) {
        start = tx_legacy_offset(r->a, start);
        end = tx_legacy_offset(r->a, end);
    }
    tx_token t = {term, term_len, stem, stem_len, start, end, pos, flags};
    if (r->fn(r->ctx, &t))
        r->stopped = 1;
}

static int stemmable(unsigned flags, int script)
{
    return !(flags & (TX_NUMBER | TX_IDEO)) && script == TX_SCRIPT_LATIN;
}

/* Appends bytes and a NUL to chain_text; returns the offset or -1. */
static long chain_put(tx_analyzer *a, const char *s, size_t n)
{
    if (tx_grow((void **)&a->chain_text, &a->chain_cap, a->chain_len + n + 1,
                1))
        return -1;
    long off = (long)a->chain_len;
    memcpy(a->chain_text + a->chain_len, s, n);
    a->chain_text[a->chain_len + n] = '\0';
    a->chain_len += n + 1;
    return off;
}

/* Reports the held compound: its parts, then its joined form.  A chain of
 * one word (a hyphen that led nowhere) is a plain token. */
static cs_status flush_chain(struct run *r)
{
    tx_analyzer *a = r->a;
    unsigned n = a->nchain;
    a->nchain = 0;
    if (n == 0)
        return CS_OK;
    struct tx_chain_part *c = a->chain;
    if (n == 1) {
        emit(r, a->chain_text + c->term_off, c->term_len,
             a->chain_text + c->stem_off, c->stem_len, c->start, c->end,
             c->pos, c->flags);
        a->chain_len = 0;
        return CS_OK;
    }
    size_t total = 0;
    int any_latin = 0, any_ideo = 0;
    for (unsigned i = 0; i < n && !r->stopped; i++) {
        emit(r, a->chain_text + c[i].term_off, c[i].term_len,
             a->chain_text + c[i].stem_off, c[i].stem_len, c[i].start,
             c[i].end, c[i].pos, c[i].flags | TX_PART);
        total += c[i].term_len;
        any_latin |= c[i].script == TX_SCRIPT_LATIN;
        any_ideo |= (c[i].flags & TX_IDEO) != 0;
    }
    if (r->stopped) {
        a->chain_len = 0;
        return CS_OK;
    }
    /* The joined term goes at the end of chain_text (it may move). */
    if (tx_grow((void **)&a->chain_text, &a->chain_cap,
                a->chain_len + total + 1, 1))
        return cs_fail(r->msg, CS_NOMEM, "out of memory joining a compound");
    size_t joff = a->chain_len;
    char *j = a->chain_text + joff;
    for (unsigned i = 0; i < n; i++) {
        memcpy(j, a->chain_text + c[i].term_off, c[i].term_len);
        j += c[i].term_len;
    }
    *j = '\0';
    const char *term = a->chain_text + joff, *stem;
    size_t stem_len;
    cs_status st = stem_of(a, term, total, any_latin && !any_ideo, &stem,
                           &stem_len, r->msg);
    if (st)
        return st;
    int all_numbers = 1;
    for (unsigned i = 0; i < n; i++)
        all_numbers &= (c[i].flags & TX_NUMBER) != 0;
    /* Digit groups (8 500) join into a number; a range never joins. */
    unsigned flags = TX_JOINED | (c[0].flags & TX_CAPITAL) |
                     (any_ideo ? TX_IDEO : 0) | (all_numbers ? TX_NUMBER : 0);
    emit(r, term, total, stem, stem_len, c[0].start, c[n - 1].end, c[0].pos,
         flags);
    a->chain_len = 0;
    return CS_OK;
}

/* Normalizes, flags and numbers the word text[s, e) and reports it, or
 * holds it when a hyphen may make it part of a compound; `stop` makes it
 * a stop word whatever the English list says (an elided article). */
static cs_status add_one_word(struct run *r, size_t s, size_t e, int status,
                              int stop)
{
    tx_analyzer *a = r->a;
    tx_norm nm;
    cs_status st = tx_norm_token(a, r->text + s, e - s, &nm, r->msg);
    if (st)
        return st;
    if (nm.len == 0) /* only apostrophes or invisible characters */
        return CS_OK;

    unsigned flags = 0;
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
        flags |= TX_NUMBER;
    else if ((status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT) ||
             nm.script == TX_SCRIPT_OTHER)
        flags |= TX_IDEO;
    if (nm.capital)
        flags |= TX_CAPITAL;
    /* A number's minus sign is the number's: -15 is not 15, and a
     * quotation or a claim that leaves it out says otherwise (a plus
     * sign says nothing more than none). */
    unsigned minus = (flags & TX_NUMBER) ? minus_before(r->text, s) : 0;
    if (minus) {
        if (tx_grow((void **)&a->term, &a->term_cap, nm.len + 2, 1))
            return cs_fail(r->msg, CS_NOMEM, "out of memory reading a number");
        memmove(a->term + 1, a->term, nm.len + 1);
        a->term[0] = '-';
        nm.len++;
        s -= minus;
    }
    if (stop ||
        (!(flags & (TX_NUMBER | TX_IDEO)) && tx_is_stopword(a->term, nm.len)))
        flags |= TX_STOP;
    unsigned pos = r->pos++;

    /* Linked: the previous word ends in exactly one hyphen that this word
     * follows.  Two numbers are a range (15-20), not a compound; but a
     * number of three digits after a group space (8 500) is the group of
     * the number before it, joined as a compound is (8500). */
    int linked = 0;
    int group = (flags & TX_NUMBER) && digits_only(a->term, nm.len, 3);
    if (a->nchain) {
        struct tx_chain_part *last = &a->chain[a->nchain - 1];
        unsigned h = link_at(r->text, r->len, last->end);
        if (!h && (per_cent_at(r->text, r->len, last->start, last->end) ||
                   initial_at(r->text, r->len, last->start, last->end)))
            h = 1;
        unsigned g = tx_group_space_at(r->text, r->len, last->end);
        linked = ((h && last->end + h == s &&
                   !((last->flags & TX_NUMBER) && (flags & TX_NUMBER))) ||
                  (g && last->end + g == s && group && nm.len == 3 &&
                   (last->flags & TX_NUMBER))) &&
                 a->nchain < TX_CHAIN_MAX;
        if (!linked) {
            if ((st = flush_chain(r)) || r->stopped)
                return st;
        }
    }
    unsigned g = group ? tx_group_space_at(r->text, r->len, e) : 0;
    int more = link_at(r->text, r->len, e) != 0 || per_cent_at(r->text, r->len, s, e) ||
               initial_at(r->text, r->len, s, e) ||
               (g && (linked || a->nchain == 0) && e + g < r->len &&
                r->text[e + g] >= '0' && r->text[e + g] <= '9');

    const char *stem;
    size_t stem_len;
    if ((st = stem_of(a, a->term, nm.len, stemmable(flags, nm.script), &stem,
                      &stem_len, r->msg)))
        return st;
    if (!linked && !more) {
        emit(r, a->term, nm.len, stem, stem_len, s, e, pos, flags);
        return CS_OK;
    }
    struct tx_chain_part *p = &a->chain[a->nchain];
    long toff = chain_put(a, a->term, nm.len);
    long soff = toff < 0 ? -1 : chain_put(a, stem, stem_len);
    if (soff < 0)
        return cs_fail(r->msg, CS_NOMEM, "out of memory holding a compound");
    *p = (struct tx_chain_part){s, e, (size_t)toff, nm.len, (size_t)soff,
                                stem_len, pos, flags, nm.script};
    a->nchain++;
    if (!more)
        return flush_chain(r);
    return CS_OK;
}

/* A word, and after a number its percent sign as the word "percent": "3.5%"
 * is read as "3.5 percent" is, so either finds the other, verbatim. */
static cs_status add_word(struct run *r, size_t s, size_t e, int status)
{
    cs_status st = add_one_word(r, s, e, status, 0);
    size_t ss, se;
    if (st || r->stopped || !(status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) ||
        !percent_at(r->text, r->len, e, &ss, &se))
        return st;
    /* (A number before a sign is held in no compound: no hyphen follows
     * it.) */
    tx_analyzer *a = r->a;
    if (a->nchain && ((st = flush_chain(r)) || r->stopped))
        return st;
    static const char percent[] = "percent";
    const char *stem = percent;
    size_t stem_len = sizeof percent - 1;
    if ((st = stem_of(a, percent, sizeof percent - 1, 1, &stem, &stem_len, r->msg)))
        return st;
    emit(r, percent, sizeof percent - 1, stem, stem_len, ss, se, r->pos++, 0);
    return CS_OK;
}

/* Length of a '.' or ':' (or a compatibility form of them) at text[i]. */
static unsigned separator_at(const char *text, size_t end, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;
    if (*u == '.' || *u == ':')
        return 1;
    if (i + 2 >= end)
        return 0;
    if (u[0] == 0xE2) /* U+2024 ONE DOT LEADER */
        return u[1] == 0x80 && u[2] == 0xA4 ? 3 : 0;
    if (u[0] == 0xEF) {
        /* U+FE13 U+FE52 U+FE55 (small), U+FF0E U+FF1A (fullwidth) */
        if ((u[1] == 0xB8 && u[2] == 0x93) ||
            (u[1] == 0xB9 && (u[2] == 0x92 || u[2] == 0x95)) ||
            (u[1] == 0xBC && (u[2] == 0x8E || u[2] == 0x9A)))
            return 3;
    }
    return 0;
}

static int is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    /* A combining mark belongs to the letter before it. */
    return u_isalpha((UChar32)c) || (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK);
}

/* Where the number ends in the word text[s, e) that is a number and a
 * unit's abbreviation glued to it ("40km", "2.5kg", "1,000mi", "24hrs"),
 * or 0. */
static size_t unit_split(const char *t, size_t s, size_t e)
{
    size_t i = s;
    while (i < e && ((t[i] >= '0' && t[i] <= '9') ||
                     ((t[i] == '.' || t[i] == ',') && i > s && i + 1 < e &&
                      t[i + 1] >= '0' && t[i + 1] <= '9')))
        i++;
    return i > s && tx_unit_glued(t + i, e - i) ? i : 0;
}

/* Whether the segment t[s, e) is connecting marks only ("____", a rule
 * under a heading or above a signature): ICU's rules make it a word, no
 * reader does, and a quotation copied across it leaves it out. */
static int connectors_only(const char *t, size_t s, size_t e)
{
    unsigned char c = (unsigned char)t[s];
    if (c != '_' && c < 0x80)
        return 0;
    uint32_t cp;
    tx_utf8_next(t, e, s, &cp);
    return u_charType((UChar32)cp) == U_CONNECTOR_PUNCTUATION &&
           tx_wordless(t + s, e - s);
}

/* Whether text[i, e) starts with a connecting mark ('_', U+203F, the
 * full-width low line ...); *n receives its length. */
static int connector_at(const char *t, size_t i, size_t e, unsigned *n)
{
    if (t[i] != '_' && (unsigned char)t[i] < 0x80)
        return 0;
    uint32_t cp;
    *n = tx_utf8_next(t, e, i, &cp);
    return u_charType((UChar32)cp) == U_CONNECTOR_PUNCTUATION;
}

/*
 * Trims the connecting marks at the ends of the word t[*s, *e) that holds
 * more than them: "_remarkable_" is Markdown's and plain-text mail's
 * emphasis, "__init__" a name in code, and a reader sees the word without
 * them.  ICU's rules (ExtendNumLet) keep them in the word, so "remarkable"
 * and a quotation of "truly remarkable progress" did not find it.  Marks
 * inside a word stay (snake_case).  Returns the word's status: ICU's
 * letter or number one is its last character's, which may have changed
 * ("1__" is a letter word to ICU, "1" a number).
 */
static int trim_connectors(const char *t, size_t *s, size_t *e, int status)
{
    size_t b = *s, f = *e;
    unsigned n;
    while (b < f && connector_at(t, b, f, &n))
        b += n;
    while (f > b) {
        size_t ps;
        tx_utf8_prev(t, f, &ps);
        if (!connector_at(t, ps, f, &n))
            break;
        f = ps;
    }
    if ((b == *s && f == *e) || b == f)
        return status;
    *s = b;
    *e = f;
    if (status < UBRK_WORD_NUMBER || status >= UBRK_WORD_LETTER_LIMIT)
        return status; /* kana, ideographs: as ICU said */
    size_t ps;
    uint32_t last = tx_utf8_prev(t, f, &ps);
    return u_isdigit((UChar32)last) ? UBRK_WORD_NUMBER : UBRK_WORD_LETTER;
}

/* The articles and conjunctions French, Italian and Catalan elide before
 * a vowel (l'État, qu'il, dell'arte), lower case. */
static const char *const elided[] = {
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu",
    "puisqu", "quoiqu", "presqu", "quelqu", "all", "dall", "dell", "nell",
    "sull", "coll", "un", "quest", "quell",
};

/* Where the word after an elided article at the start of the letter word
 * t[s, e) begins ("l'État": after the apostrophe), or 0.  ICU keeps a
 * letter, an apostrophe and a letter as one word, so without this split
 * "l'état" would be a word of its own that État, etat and "l'État" as the
 * query writes it could not meet. */
static size_t elision_split(const char *t, size_t s, size_t e)
{
    size_t i = s;
    char low[8];
    while (i < e && i - s < sizeof low &&
           ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z')) {
        low[i - s] = (char)(t[i] | 0x20);
        i++;
    }
    if (i == s || i - s == sizeof low || i >= e)
        return 0;
    uint32_t c;
    unsigned n = tx_utf8_next(t, e, i, &c);
    if (c != '\'' && c != 0x2019 && c != 0x02BC && c != 0xFF07)
        return 0;
    size_t rest = i + n;
    if (rest >= e)
        return 0;
    tx_utf8_next(t, e, rest, &c);
    if (!is_letter(c))
        return 0;
    /* English's endings after an apostrophe (Dell's, Nell'll, the t's)
     * begin no word French or Italian elides before. */
    static const char *const clitics[] = {"s", "t", "d", "m", "ll", "re", "ve"};
    for (size_t k = 0; k < sizeof clitics / sizeof *clitics; k++)
        if (e - rest == strlen(clitics[k]) &&
            strncasecmp(t + rest, clitics[k], e - rest) == 0)
            return 0;
    for (size_t k = 0; k < sizeof elided / sizeof *elided; k++)
        if (strlen(elided[k]) == i - s && !memcmp(elided[k], low, i - s))
            return rest;
    return 0;
}

/* One ICU word segment text[s, e): a letter word is split at '.' and ':'
 * between letters (ICU joins "sabotage.In" and "U.S" as MidNumLet/MidLetter
 * would have it) and after an elided article (l'État); digits keep their
 * '.', as in "1.5" or "v1.5"; a number and a unit glued to it are two
 * words, as they are with a space between ("40km" is "40 km"); connecting
 * marks alone are no word, and those at a word's ends are not its. */
static cs_status add_segment(struct run *r, size_t s, size_t e, int status)
{
    status = trim_connectors(r->text, &s, &e, status);
    if (status < UBRK_WORD_LETTER || status >= UBRK_WORD_LETTER_LIMIT)
        return add_word(r, s, e, status);
    const char *t = r->text;
    if (connectors_only(t, s, e))
        return CS_OK;
    size_t unit = t[s] >= '0' && t[s] <= '9' ? unit_split(t, s, e) : 0;
    if (unit) {
        cs_status st = add_word(r, s, unit, UBRK_WORD_NUMBER);
        if (st || r->stopped)
            return st;
        return add_word(r, unit, e, status);
    }
    size_t b = elision_split(t, s, e);
    if (b) { /* the article, which a query need not hold (le, la, l') */
        cs_status st = add_one_word(r, s, b, status, 1);
        if (st || r->stopped)
            return st;
    } else {
        b = s;
    }
    for (size_t i = b + 1; i + 1 < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c != '.' && c != ':' && c != 0xE2 && c != 0xEF)
            continue;
        unsigned n = separator_at(t, e, i);
        if (!n || i + n >= e)
            continue;
        size_t ps;
        uint32_t before = tx_utf8_prev(t, i, &ps), after;
        tx_utf8_next(t, e, i + n, &after);
        if (!is_letter(before) || !is_letter(after))
            continue;
        cs_status st = add_word(r, b, i, status);
        if (st || r->stopped)
            return st;
        b = i + n;
        i = b - 1;
    }
    return add_word(r, b, e, status);
}

/* Where to end the chunk starting at `from`: at most TX_CHUNK_MAX bytes,
 * after white space if there is some in the last quarter, else at a
 * character boundary. */
static size_t chunk_end(const char *text, size_t len, size_t from)
{
    if (len - from <= TX_CHUNK_MAX)
        return len;
    size_t end = from + TX_CHUNK_MAX;
    for (size_t i = end; i > end - TX_CHUNK_MAX / 4; i--)
        if (text[i - 1] == ' ' || text[i - 1] == '\n')
            return i;
    while (((unsigned char)text[end] & 0xC0) == 0x80)
        end--;
    return end;
}

/* ------------------------------------------------------------------ */
/* Pure-ASCII runs: ICU's word rules without ICU                        */
/* ------------------------------------------------------------------ */

/* ICU's rule-based word iterator costs about as much as the rest of the
 * analysis together.  Most of English text is ASCII words between ASCII
 * spaces, and there ICU's word rules (UAX #29 as tailored by ICU 72: '@'
 * is a letter, ':' is not MidLetter) reduce to a few character classes,
 * applied here.  tx_analyze uses this only for a run of ASCII bytes
 * bounded by ASCII white space, where no neighbouring character can change
 * the outcome, and gives everything else to ICU.  It was checked against
 * ICU exhaustively (all ASCII strings up to 3 bytes, a 14-character
 * alphabet up to 7), and the unit tests compare both ways on random
 * strings, so an ICU whose rules drift is caught. */

enum {
    C_OTHER = 0, /* breaks on both sides, not a word */
    C_LETTER,    /* ALetter: A-Z a-z @ */
    C_DIGIT,     /* Numeric */
    C_EXTEND,    /* ExtendNumLet: _ */
    C_MIDNUMLET, /* MidNumLet and Single_Quote: . ' */
    C_MIDNUM     /* MidNum: , ; */
};

static const unsigned char cls[128] = {
    ['A' ... 'Z'] = C_LETTER, ['a' ... 'z'] = C_LETTER, ['@'] = C_LETTER,
    ['0' ... '9'] = C_DIGIT,  ['_'] = C_EXTEND,
    ['.'] = C_MIDNUMLET,      ['\''] = C_MIDNUMLET,
    [','] = C_MIDNUM,         [';'] = C_MIDNUM,
};

static int wordish(int c)
{
    return c == C_LETTER || c == C_DIGIT || c == C_EXTEND;
}

/* The next word in t[i, end), which holds only ASCII and no ASCII white
 * space: sets *start and *status (ICU's rule status) and returns the
 * word's end, or returns end with *start = end when there is none.
 * *status may be UBRK_WORD_NONE (a lone '_'): not a word. */
static size_t ascii_word(const char *t, size_t i, size_t end, size_t *start,
                         int *status)
{
    const unsigned char *u = (const unsigned char *)t;
    for (; i < end; i++) {
        if (!wordish(cls[u[i]]))
            continue;
        *start = i;
        /* ICU's status is the tag of the last rule of its chain: the
         * last character's own class ("a1" is a number, "1a" a word), or
         * for a final '_' the pair it ends ("1_" number, "a_" and "1__"
         * words); a lone '_' is no word. */
        int last = cls[u[i]], prev = C_OTHER;
        i++;
        while (i < end) {
            int c = cls[u[i]];
            if (wordish(c)) {
                i++;
            } else if (i + 1 < end && wordish(cls[u[i + 1]]) &&
                       ((c == C_MIDNUMLET && last == C_LETTER &&
                         cls[u[i + 1]] == C_LETTER) ||
                        ((c == C_MIDNUMLET || c == C_MIDNUM) &&
                         last == C_DIGIT && cls[u[i + 1]] == C_DIGIT))) {
                /* WB6/7 (a.b, a'b) and WB11/12 (1.5, 2,500, 1'000) */
                i++;
                c = cls[u[i]];
                i++;
            } else {
                break;
            }
            prev = last;
            last = c;
        }
        int kind = last == C_EXTEND ? prev : last;
        if (kind == C_DIGIT)
            *status = UBRK_WORD_NUMBER;
        else if (kind != C_OTHER)
            *status = UBRK_WORD_LETTER;
        else
            *status = UBRK_WORD_NONE;
        return i;
    }
    *start = end;
    return end;
}

/* Runs ICU's word iterator over text[rs, re). */
static cs_status icu_region(struct run *r, size_t rs, size_t re)
{
    tx_analyzer *a = r->a;
    cs_status st = CS_OK;
    for (size_t from = rs; from < re && !st && !r->stopped;) {
        size_t to = chunk_end(r->text, re, from);
        UErrorCode err = U_ZERO_ERROR;
        utext_openUTF8(a->ut, r->text + from, (int64_t)(to - from), &err);
        ubrk_setUText(a->words, a->ut, &err);
        if (U_FAILURE(err))
            return cs_fail(r->msg, CS_INTERNAL, "ICU word break failed: %s",
                           u_errorName(err));
        int32_t p = ubrk_first(a->words), q;
        while ((q = ubrk_next(a->words)) != UBRK_DONE) {
            int status = ubrk_getRuleStatus(a->words);
            if (status >= UBRK_WORD_NONE_LIMIT) {
                st = add_segment(r, from + (size_t)p, from + (size_t)q,
                                 status);
                if (st || r->stopped)
                    break;
            }
            p = q;
        }
        from = to;
    }
    return st;
}

static int ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Non-ASCII runs closer than this are given to ICU together: each switch
 * to ICU costs a UText and iterator reset. */
#define TX_ICU_GAP 64

cs_status tx_analyze(tx_analyzer *a, const char *text, size_t len,
                     unsigned first_pos, tx_token_fn fn, void *ctx,
                     char **msg)
{
    struct run r = {a, text, len, 0, fn, ctx, first_pos, 0, msg};
    /* Bytes that are not UTF-8 come from a file in Latin-1 or Windows-1252
     * (an old mail, a text saved by an old editor) far more often than
     * from anything else: read so, "caf\xe9" is the word café, where
     * ICU would see "caf" and a U+FFFD.  The offsets are the text's. */
    size_t valid = tx_utf8_check(text, len);
    if (valid < len) {
        if (tx_legacy_decode(a, text, len, valid, &r.len) != CS_OK)
            return cs_fail(msg, CS_NOMEM, "out of memory decoding a text");
        r.text = a->legacy;
        r.legacy = 1;
        text = r.text;
        len = r.len;
    }
    const unsigned char *u = (const unsigned char *)text;
    a->nchain = 0;
    a->chain_len = 0;
    cs_status st = CS_OK;
    if (a->icu_only)
        st = icu_region(&r, 0, len);
    /* Runs between ASCII white space: ICU breaks around such white space
     * whatever its neighbours are, so a pure-ASCII run segments alike on
     * its own (tx_ascii.c), and any other run goes to ICU with one white
     * space byte of context on each side. */
    for (size_t i = 0; !a->icu_only && i < len && !st && !r.stopped;) {
        while (i < len && ascii_space(u[i]))
            i++;
        if (i == len)
            break;
        size_t s = i;
        unsigned char high = 0;
        while (i < len && !ascii_space(u[i]))
            high |= u[i++];
        if (!(high & 0x80)) {
            for (size_t j = s; j < i && !st && !r.stopped;) {
                size_t ws;
                int status;
                j = ascii_word(text, j, i, &ws, &status);
                if (ws < i && status >= UBRK_WORD_NONE_LIMIT)
                    st = add_segment(&r, ws, j, status);
            }
            continue;
        }
        size_t re = i;
        for (size_t j = re; j < len && j - re <= TX_ICU_GAP; j++) {
            if (u[j] >= 0x80) {
                while (j < len && !ascii_space(u[j]))
                    j++;
                re = j;
            }
        }
        st = icu_region(&r, s > 0 ? s - 1 : 0, re < len ? re + 1 : re);
        i = re;
    }
    if (!st && !r.stopped)
        st = flush_chain(&r);
    a->nchain = 0;
    a->chain_len = 0;
    return st;
}
