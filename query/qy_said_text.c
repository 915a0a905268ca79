/* qy_said_text.c - a passage read for its speakers: its words, its verbs
 * of speech, its quotations and sentences (see qy_said_text.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qy_said_text.h"

/* Verbs that say whose words follow or precede (a noun of the same
 * letters is no verb after a name: "Rama's claims" has no "claims" verb
 * here, as only past forms and present ones that are seldom nouns are
 * read: says, writes, adds, recalls), and
 * "according" (to), participles and nouns for a text; sorted, for the
 * binary search. */
typedef struct speech_verb {
    const char *word;
    unsigned how; /* VERB_INVERTS, VERB_PHRASE, ... */
} speech_verb;
#define INV VERB_INVERTS
#define PHR VERB_PHRASE
#define PART VERB_PARTICIPLE
#define DOC VERB_DOCUMENT
#define QUO VERB_QUOTING
static const speech_verb speech_verbs[] = {
    {"according", 0}, {"accused", 0}, {"acknowledged", INV}, {"added", INV}, {"adding", PART},
    {"adds", INV | PHR | QUO}, {"admits", INV | PHR}, {"admitted", INV}, {"announced", INV | PHR},
    {"answered", INV | PHR}, {"argued", INV | PHR}, {"arguing", PART}, {"asked", 0}, {"blamed", 0},
    {"boasted", INV | PHR | QUO}, {"branded", PHR | QUO}, {"called", PHR | QUO},
    {"calls", PHR | QUO}, {"claiming", PART}, {"commented", INV}, {"complained", INV | PHR | QUO},
    {"conceded", INV | PHR | QUO}, {"condemned", 0}, {"confided", INV | PHR | QUO},
    {"confirmed", INV | PHR}, {"cried", INV | PHR}, {"criticized", 0}, {"declared", INV | PHR},
    {"declares", INV | PHR | QUO}, {"denied", PHR}, {"denounced", 0}, {"described", PHR | QUO},
    {"dubbed", PHR | QUO}, {"exclaimed", INV | PHR}, {"explained", INV | PHR}, {"explaining", PART},
    {"explains", INV | PHR}, {"insisted", INV | PHR}, {"insisting", PART}, {"insists", INV | PHR},
    {"joked", INV | PHR | QUO}, {"laughed", INV | PHR | QUO}, {"message", DOC},
    {"muttered", INV | PHR}, {"noted", INV | PHR}, {"noting", PART}, {"observed", INV | PHR | QUO},
    {"posted", INV | PHR | QUO}, {"quoted", VERB_OBJECT}, {"read", VERB_READS},
    {"reads", VERB_READS}, {"recalled", INV}, {"recalls", INV | PHR}, {"release", DOC},
    {"remarked", INV}, {"replied", INV | PHR}, {"responded", INV | PHR | QUO}, {"said", INV | PHR},
    {"saying", PART}, {"says", INV | PHR}, {"shouted", INV | PHR}, {"stated", INV | PHR},
    {"statement", DOC}, {"stating", PART}, {"stressed", INV | PHR}, {"telling", PART},
    {"tells", PHR}, {"termed", PHR | QUO}, {"told", PHR}, {"tweet", DOC}, {"tweeted", INV},
    {"urged", 0}, {"warned", PHR}, {"warning", PART}, {"warns", PHR}, {"whispered", INV | PHR},
    {"writes", PHR}, {"wrote", INV | PHR}};
#undef INV
#undef PHR
#undef PART
#undef DOC
#undef QUO

static int cmp_verb(const void *key, const void *entry)
{
    return strcmp(*(const char *const *)key, ((const speech_verb *)entry)->word);
}

/* VERB_SPEECH and how the verb takes its speaker, for a normalized word
 * that reports speech; 0 for any other. */
static unsigned speech_verb_how(const char *t)
{
    /* (Asked of every word of a passage: most are shorter, or end
     * otherwise than the verbs and nouns do, in d, s, e, g or t.) */
    size_t len = strlen(t);
    if (len < 4 || len > 12 || !strchr("dsegt", t[len - 1]))
        return 0;
    const speech_verb *v = bsearch(&t, speech_verbs, sizeof speech_verbs / sizeof *speech_verbs,
                                   sizeof *speech_verbs, cmp_verb);
    return v ? VERB_SPEECH | v->how : 0;
}

int qy_said_any_verb(const qy_ptoks *pt, size_t len)
{
    for (size_t k = 0; k < pt->n; k++)
        if (!(pt->v[k].flags & (TX_JOINED | TX_STOP | TX_NUMBER)) && pt->v[k].rend <= len &&
            speech_verb_how(QY_PTERM(pt, k)))
            return 1;
    return 0;
}

/* A quotation mark at text[i]: 1 opening (“ « „ ``), 2 closing (” »), 3
 * either (the straight "), 4 closing an open quotation, or opening one
 * before a word ('': find_quotes tells), its bytes in *width; 0 none.
 * Two backquotes and two apostrophes are how text set for TeX, and the
 * wires' news as mail carried it, quote: ``...,'' said Amit Patel;
 * ''We believe they are safe there,'' said Som Somphat. */
static int quote_mark(const char *t, size_t len, size_t i, size_t *width)
{
    const unsigned char *u = (const unsigned char *)t + i;
    *width = 1;
    if (u[0] == '"')
        return 3;
    if ((u[0] == '`' || u[0] == '\'') && i + 1 < len && u[1] == u[0]) {
        *width = 2;
        return u[0] == '`' ? 1 : 4;
    }
    if (u[0] == 0xC2 && i + 1 < len) {
        *width = 2;
        return u[1] == 0xAB ? 1 : u[1] == 0xBB ? 2 : 0;
    }
    if (u[0] == 0xE2 && i + 2 < len && u[1] == 0x80) {
        *width = 3;
        return u[2] == 0x9C || u[2] == 0x9E ? 1 : u[2] == 0x9D ? 2 : 0;
    }
    /* Windows-1252's “ „ ” in a text that is not UTF-8 (an old mail's:
     * the analysis reads its bytes so, tx_analyze), a byte no UTF-8 lead
     * byte comes before. */
    if ((u[0] == 0x93 || u[0] == 0x84 || u[0] == 0x94) && (i == 0 || u[-1] < 0x80))
        return u[0] == 0x94 ? 2 : 1;
    return 0;
}

static int add_quote(said_text *st, size_t start, size_t end, size_t *cap)
{
    if (st->nquotes == *cap) {
        size_t n = *cap ? *cap * 2 : 8;
        qy_span *q = realloc(st->quotes, n * sizeof *q);
        if (!q)
            return 0;
        st->quotes = q;
        *cap = n;
    }
    st->quotes[st->nquotes++] = (qy_span){start, end};
    return 1;
}

/* Whether a mark at text[i], width bytes, stands before a word and not
 * after one: at the text's or a line's start, or after a space or a
 * bracket, and before a letter or a digit. */
static int opens_word(const char *t, size_t len, size_t i, size_t width)
{
    unsigned char next = i + width < len ? (unsigned char)t[i + width] : 0;
    return (i == 0 || (t[i - 1] != '\0' && strchr(" \t\n(", t[i - 1]))) &&
           (next >= 0x80 || (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
            (next >= '0' && next <= '9'));
}

/* Where a quotation that opens at byte *open and is not closed ends: at
 * the text's end (news opens each paragraph of a long quotation and
 * closes only the last), or at a comma its writer left the closing mark
 * out after, before an inverted verb of speech and a name ("... will be
 * available worldwide,<newline>said Gary Shawkey, CEO of ..."): when
 * what comes before is one sentence, or from a quotation in apostrophes
 * inside it, which *open moves to (a newsletter quoting an article:
 * "... bioreactors. 'Organisms have a special talent for that kind of
 * reaction,' says Siegfried.). */
static size_t unclosed_end(const said_text *st, size_t *open)
{
    for (size_t k = 1; k + 1 < st->nw; k++) {
        if (wstart(st, k) <= *open || !(st->verb[k] & VERB_INVERTS) ||
            (flags(st, k) & TX_CAPITAL) || !(flags(st, k + 1) & TX_CAPITAL) ||
            (flags(st, k + 1) & TX_STOP))
            continue;
        size_t from = wend(st, k - 1);
        const char *comma = memchr(st->text + from, ',', wstart(st, k) - from);
        if (!comma)
            continue;
        size_t end = (size_t)(comma - st->text), inner = NO_WORD, sentences = 0;
        for (size_t p = *open; p + 2 < end; p++) {
            const char *t = st->text;
            if (t[p] == '\'' && (p == *open || t[p - 1] == ' ' || t[p - 1] == '\n' ||
                                 t[p - 1] == '"') &&
                t[p + 1] >= 'A' && t[p + 1] <= 'Z')
                inner = p + 1;
            sentences += (t[p] == '.' || t[p] == '!' || t[p] == '?') &&
                         (t[p + 1] == ' ' || t[p + 1] == '\n');
        }
        if (inner == NO_WORD && sentences > 0)
            return st->len;
        if (inner != NO_WORD)
            *open = inner;
        return end + 1;
    }
    return st->len;
}

/* Whether byte i of t is an apostrophe, straight or curly (’ when
 * `right`, ‘ when not), its bytes in *width. */
static int apostrophe_at(const char *t, size_t len, size_t i, int right, size_t *width)
{
    const unsigned char *u = (const unsigned char *)t + i;
    *width = 1;
    if (u[0] == '\'')
        return 1;
    *width = 3;
    return u[0] == 0xE2 && i + 2 < len && u[1] == 0x80 && u[2] == (right ? 0x99 : 0x98);
}

static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The quotations in apostrophes of a text that has no quotation mark (the
 * British press's: 'We let our patients down,' Dr Hart said.): one opens
 * before a word at a line's start or after a space or a bracket, and
 * closes after a word or a sentence's or a clause's end before what is no
 * word; after a word that ends in s and before a space, only when no
 * other apostrophe closes later (the members' money).  One never closed
 * is none (an elision: 'tis). */
static int find_apostrophe_quotes(said_text *st, size_t *cap)
{
    const char *t = st->text;
    size_t open = NO_WORD, width;
    for (size_t i = 0; i < st->len; i += width) {
        if (open == NO_WORD) {
            if (apostrophe_at(t, st->len, i, 0, &width) &&
                (i == 0 || strchr(" \t\n(", t[i - 1])) && i + width < st->len &&
                word_byte((unsigned char)t[i + width]))
                open = i + width;
            else
                width = 1;
            continue;
        }
        if (!apostrophe_at(t, st->len, i, 1, &width)) {
            width = 1;
            continue;
        }
        unsigned char prev = (unsigned char)t[i - 1];
        unsigned char next = i + width < st->len ? (unsigned char)t[i + width] : ' ';
        if (i == open || word_byte(next) || !(word_byte(prev) || strchr(".,!?;:", prev)))
            continue;
        if (prev == 's' && (next == ' ' || next == '\n')) {
            /* (A plural's possessive when another closes later in the
             * paragraph.) */
            int later = 0;
            size_t w2;
            for (size_t j = i + width; j < st->len && !later; j++) {
                if (t[j] == '\n' && j + 1 < st->len && t[j + 1] == '\n')
                    break;
                if (apostrophe_at(t, st->len, j, 1, &w2) &&
                    (word_byte((unsigned char)t[j - 1]) || strchr(".,!?;:", t[j - 1])) &&
                    !(j + w2 < st->len && word_byte((unsigned char)t[j + w2])))
                    later = 1;
            }
            if (later)
                continue;
        }
        if (!add_quote(st, open, i, cap))
            return 0;
        open = NO_WORD;
    }
    return 1;
}

/* The quotations of the text.  A quotation the passage closes but did
 * not open began before it (a window cut inside it); one it opens and
 * does not close runs to its end (news opens each paragraph of a long
 * quotation and closes only the last). */
static int find_quotes(said_text *st)
{
    size_t cap = 0, open = NO_WORD, width;
    for (size_t i = 0; i < st->len; i += width) {
        int mark = quote_mark(st->text, st->len, i, &width);
        if (mark == 4)
            mark = open != NO_WORD ? 2 : opens_word(st->text, st->len, i, width) ? 1 : 0;
        /* A straight mark after a sentence's or a clause's end and
         * before a space closes: a window cut inside a quotation
         * (... in the service of my country." It is argued). */
        if (mark == 3 && open == NO_WORD && i > 0 && strchr(".,!?;", st->text[i - 1]) &&
            (i + 1 == st->len || st->text[i + 1] == ' ' || st->text[i + 1] == '\n'))
            mark = 2;
        if (mark == 1 || (mark == 3 && open == NO_WORD)) {
            if (open == NO_WORD)
                open = i + width;
        } else if (mark == 2 || mark == 3) {
            if (open != NO_WORD) {
                if (!add_quote(st, open, i, &cap))
                    return 0;
                open = NO_WORD;
            } else if (st->nquotes == 0 && !add_quote(st, 0, i, &cap)) {
                return 0;
            }
        }
    }
    if (open == NO_WORD)
        return st->nquotes > 0 || qy_said_any_quote_mark(st->text, st->len) ||
               find_apostrophe_quotes(st, &cap);
    size_t end = unclosed_end(st, &open);
    return add_quote(st, open, end, &cap);
}

/* Whether a quotation mark stands within QUOTING_WORDS words of word k,
 * or "that" follows it: where a VERB_QUOTING verb reports speech. */
#define QUOTING_WORDS 3
static int quoting(const said_text *st, size_t k)
{
    if (k + 1 < st->nw && strcmp(term(st, k + 1), "that") == 0)
        return 1;
    size_t from = k > QUOTING_WORDS ? k - QUOTING_WORDS : 0, width;
    for (size_t i = from + 1; i <= k + QUOTING_WORDS + 1 && i <= st->nw; i++) {
        size_t a = wend(st, i - 1), b = i < st->nw ? wstart(st, i) : st->len;
        for (size_t p = a; p < b; p += width)
            if (quote_mark(st->text, b, p, &width))
                return 1;
    }
    return 0;
}

/* Whether "posted" (word k) posts a quotation: one that ends before it
 * ("...," Anna Berg posted on Facebook), or one after a colon (Berg
 * posted on Facebook: "..."), or "that" after it; not words a company posts in quotation
 * marks, which are the writer's (Ikea posted "record" profits). */
static int posting(const said_text *st, size_t k)
{
    if (k + 1 < st->nw && strcmp(term(st, k + 1), "that") == 0)
        return 1;
    size_t from = k > QUOTING_WORDS ? k - QUOTING_WORDS : 0, width;
    for (size_t i = from + 1; i <= k; i++) {
        size_t a = wend(st, i - 1), b = wstart(st, i);
        for (size_t p = a; p < b; p += width)
            if (quote_mark(st->text, b, p, &width))
                return 1;
    }
    int colon = 0;
    for (size_t i = k + 1; i <= k + QUOTING_WORDS + 1 && i <= st->nw; i++) {
        size_t a = wend(st, i - 1), b = i < st->nw ? wstart(st, i) : st->len;
        for (size_t p = a; p < b; p += width) {
            width = 1;
            if (st->text[p] == ':')
                colon = 1;
            else if (colon && quote_mark(st->text, b, p, &width))
                return 1;
        }
    }
    return 0;
}

void qy_said_text_clear(said_text *st)
{
    free(st->w);
    free(st->verb);
    free(st->quotes);
}

cs_status qy_said_text_read(const char *text, size_t len, const qy_ptoks *pt,
                            said_text *st)
{
    memset(st, 0, sizeof *st);
    st->text = text;
    st->len = len;
    st->pt = pt;
    st->w = malloc((pt->n + 1) * sizeof *st->w);
    st->verb = malloc(pt->n + 1);
    if (!st->w || !st->verb) {
        qy_said_text_clear(st);
        return CS_NOMEM;
    }
    for (size_t k = 0; k < pt->n; k++)
        if (!(pt->v[k].flags & TX_JOINED) && pt->v[k].rend <= len) {
            st->verb[st->nw] = (unsigned char)speech_verb_how(QY_PTERM(pt, k));
            st->w[st->nw++] = k;
        }
    if (!find_quotes(st)) {
        qy_said_text_clear(st);
        return CS_NOMEM;
    }
    for (size_t k = 0; k < st->nw; k++)
        if ((st->verb[k] & VERB_QUOTING) &&
            (!quoting(st, k) || (strcmp(term(st, k), "posted") == 0 && !posting(st, k))))
            st->verb[k] = 0;
    return CS_OK;
}

int qy_said_in_quote(const said_text *st, size_t pos)
{
    for (size_t q = 0; q < st->nquotes; q++)
        if (pos >= st->quotes[q].start && pos < st->quotes[q].end)
            return 1;
    return 0;
}

/* Whether a quotation ends at byte p (its closing mark stands there). */
static int ends_quote(const said_text *st, size_t p)
{
    for (size_t q = 0; q < st->nquotes; q++)
        if (st->quotes[q].end == p && p < st->len)
            return 1;
    return 0;
}

int qy_said_space_only(const char *t, size_t from, size_t to)
{
    if (from >= to)
        return 0;
    for (size_t i = from; i < to; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            return 0;
    return 1;
}

int qy_said_spaced(const said_text *st, size_t i)
{
    return i > 0 && qy_said_space_only(st->text, wend(st, i - 1), wstart(st, i));
}

int qy_said_gap_has(const said_text *st, size_t k, char ch)
{
    size_t from = gap_from(st, k), to = wstart(st, k), width;
    for (size_t p = from; p < to; p += width) {
        int mark = quote_mark(st->text, to, p, &width);
        if (ch ? st->text[p] == ch : (mark == 2 || mark == 3 || mark == 4))
            return 1;
    }
    return 0;
}

int qy_said_sentence_ends(const said_text *st, size_t i, size_t from)
{
    size_t to = wstart(st, i);
    for (size_t p = from; p < to; p++) {
        char ch = st->text[p];
        if ((ch == '.' || ch == '!' || ch == '?') && qy_said_in_quote(st, p)) {
            /* A quotation that ends a sentence ends it outside too when
             * a capital starts the next: ... "back to destroy supporters
             * of terrorists." The hackers ... */
            if (ends_quote(st, p + 1) && (flags(st, i) & TX_CAPITAL))
                return 1;
            continue;
        }
        if (ch == '.' || ch == '!' || ch == '?') {
            if (ch == '.' && i > 0 && p == wend(st, i - 1) &&
                (wend(st, i - 1) - wstart(st, i - 1) == 1 ||
                 qy_name_abbreviation(term(st, i - 1))))
                continue;
            /* A full stop before a word in small letters ends no
             * sentence: a slip ("...," it read. in a statement from the
             * ministry), an abbreviation's (approx. five), an address's
             * (www.infoshop.org). */
            if (ch == '.' && !(flags(st, i) & (TX_CAPITAL | TX_NUMBER)) &&
                (p + 1 == to || qy_said_space_only(st->text, p + 1, to)))
                continue;
            /* Nor one before a comma or a semicolon: an abbreviation's
             * (Menlo Park, Calif., and a consultant). */
            if (ch == '.' && p + 1 < to && (st->text[p + 1] == ',' || st->text[p + 1] == ';'))
                continue;
            return 1;
        }
    }
    return 0;
}

int qy_said_clause_start(const said_text *st, size_t i)
{
    return i == 0 || qy_said_sentence_ends(st, i, gap_from(st, i)) ||
           qy_said_gap_has(st, i, ',') || qy_said_gap_has(st, i, ':') ||
           qy_said_gap_has(st, i, 0);
}

size_t qy_said_sentence_start(const said_text *st, size_t k)
{
    size_t s = k;
    while (s > 0 && !qy_said_sentence_ends(st, s, gap_from(st, s)))
        s--;
    return s;
}

int qy_said_any_quote_mark(const char *text, size_t len)
{
    size_t width;
    for (size_t i = 0; i < len; i++)
        if ((text[i] == '"' || text[i] == '`' || text[i] == '\xC2' || text[i] == '\xE2' ||
             (unsigned char)text[i] == 0x93 || (unsigned char)text[i] == 0x84 ||
             (unsigned char)text[i] == 0x94) &&
            quote_mark(text, len, i, &width))
            return 1;
    return 0;
}
