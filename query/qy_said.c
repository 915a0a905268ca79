/* qy_said.c - who a passage says spoke its words (see qy_said.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_readable.h"
#include "qy_said.h"

/* How a verb that reports speech takes its speaker (said_text.verb). */
#define VERB_SPEECH 1  /* it reports speech */
#define VERB_INVERTS 2 /* after a comma too, the name after it is its
                          speaker (..., said Steve Halperin); after the
                          others a name is what they act on (..., urged
                          the Chinese Government to ...; ..., told
                          reporters) */
#define VERB_PHRASE 4  /* a speaker in small letters is read before it
                          (the ministry said; not: the industry added
                          jobs) */
#define VERB_READS 8   /* it speaks for a text only: "...," it read; a
                          statement on Twitter reads (not: Rama read) */
#define VERB_PARTICIPLE 16 /* after a comma, the sentence's subject
                              speaks: Iran denied the attack, saying */
#define VERB_DOCUMENT 32 /* a noun for a text: whose it is follows it
                            (in a statement from the ministry) or was
                            said before (the statement said) */

/* Verbs that say whose words follow or precede (a noun of the same
 * letters is no verb after a name: "Rama's claims" has no "claims" verb
 * here, as only past forms and "says" and "writes" are read), and
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
static const speech_verb speech_verbs[] = {
    {"according", 0}, {"accused", 0}, {"acknowledged", INV}, {"added", INV}, {"adding", PART},
    {"admitted", INV}, {"announced", INV | PHR}, {"answered", INV | PHR},
    {"argued", INV | PHR}, {"arguing", PART}, {"asked", 0}, {"blamed", 0}, {"claiming", PART},
    {"commented", INV}, {"condemned", 0}, {"confirmed", INV | PHR}, {"cried", INV | PHR},
    {"criticized", 0}, {"declared", INV | PHR}, {"denied", PHR}, {"denounced", 0},
    {"exclaimed", INV | PHR}, {"explained", INV | PHR}, {"explaining", PART},
    {"insisted", INV | PHR}, {"insisting", PART}, {"message", DOC}, {"muttered", INV | PHR},
    {"noted", INV | PHR}, {"noting", PART}, {"read", VERB_READS}, {"reads", VERB_READS},
    {"recalled", INV}, {"release", DOC}, {"remarked", INV}, {"replied", INV | PHR},
    {"said", INV | PHR}, {"saying", PART}, {"says", INV | PHR}, {"shouted", INV | PHR},
    {"stated", INV | PHR}, {"statement", DOC}, {"stating", PART}, {"stressed", INV | PHR},
    {"told", PHR}, {"tweet", DOC}, {"tweeted", INV}, {"urged", 0}, {"warned", PHR},
    {"warning", PART}, {"whispered", INV | PHR}, {"writes", PHR}, {"wrote", INV | PHR}};
#undef INV
#undef PHR
#undef PART
#undef DOC

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

/* Whether any word of the passage reports speech: most passages' words
 * do not, and need nothing more read. */
static int any_speech_verb(const qy_ptoks *pt, size_t len)
{
    for (size_t k = 0; k < pt->n; k++)
        if (!(pt->v[k].flags & (TX_JOINED | TX_STOP | TX_NUMBER)) && pt->v[k].rend <= len &&
            speech_verb_how(QY_PTERM(pt, k)))
            return 1;
    return 0;
}

/* A passage read for its speakers: its words (a compound's joined form
 * left out: its parts are the words) and its quotations. */
typedef struct said_text {
    const char *text;
    size_t len;
    const qy_ptoks *pt;
    size_t *w;          /* indexes into pt->v of the words */
    unsigned char *verb; /* of each word: VERB_* when it reports speech,
                            else 0 */
    size_t nw;
    qy_span *quotes;    /* inside quotation marks, sorted */
    size_t nquotes;
} said_text;

#define NO_WORD SIZE_MAX
/* How far from a quotation the words that say whose it is may stand:
 * "...," Albanian Prime Minister Edi Rama wrote (after it), Rama wrote on
 * Twitter on Saturday: "..." (before it). */
#define AFTER_QUOTE_WORDS 8
#define BEFORE_QUOTE_WORDS 12
/* A name is at most this many words (Director General of Police Muhamet
 * Rrumbullaku is cut to its last six). */
#define NAME_WORDS 6
/* How long an apposition between a speaker and the verb may be (Mark
 * Attanasio, a managing director at Trust Company of the West, which has
 * invested with Texas Pacific, said). */
#define APPOSITION_WORDS 24

static const char *term(const said_text *st, size_t i)
{
    return QY_PTERM(st->pt, st->w[i]);
}
static unsigned flags(const said_text *st, size_t i)
{
    return st->pt->v[st->w[i]].flags;
}
static size_t wstart(const said_text *st, size_t i)
{
    return st->pt->v[st->w[i]].rstart;
}
static size_t wend(const said_text *st, size_t i)
{
    return st->pt->v[st->w[i]].rend;
}
/* The bytes between word i - 1 and word i (before the first word: from
 * the text's start). */
static size_t gap_from(const said_text *st, size_t i)
{
    return i ? wend(st, i - 1) : 0;
}

static int in_quote(const said_text *st, size_t pos)
{
    for (size_t q = 0; q < st->nquotes; q++)
        if (pos >= st->quotes[q].start && pos < st->quotes[q].end)
            return 1;
    return 0;
}

/* A quotation mark at text[i]: 1 opening (“ « „), 2 closing (” »), 3
 * either (the straight "), its bytes in *width; 0 none. */
static int quote_mark(const char *t, size_t len, size_t i, size_t *width)
{
    const unsigned char *u = (const unsigned char *)t + i;
    *width = 1;
    if (u[0] == '"')
        return 3;
    if (u[0] == 0xC2 && i + 1 < len) {
        *width = 2;
        return u[1] == 0xAB ? 1 : u[1] == 0xBB ? 2 : 0;
    }
    if (u[0] == 0xE2 && i + 2 < len && u[1] == 0x80) {
        *width = 3;
        return u[2] == 0x9C || u[2] == 0x9E ? 1 : u[2] == 0x9D ? 2 : 0;
    }
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

/* The quotations of the text.  A quotation the passage closes but did
 * not open began before it (a window cut inside it); one it opens and
 * does not close runs to its end (news opens each paragraph of a long
 * quotation and closes only the last). */
static int find_quotes(said_text *st)
{
    size_t cap = 0, open = NO_WORD, width;
    for (size_t i = 0; i < st->len; i += width) {
        int mark = quote_mark(st->text, st->len, i, &width);
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
    return open == NO_WORD || add_quote(st, open, st->len, &cap);
}

static void said_text_clear(said_text *st)
{
    free(st->w);
    free(st->verb);
    free(st->quotes);
}

static cs_status said_text_read(const char *text, size_t len, const qy_ptoks *pt,
                                said_text *st)
{
    memset(st, 0, sizeof *st);
    st->text = text;
    st->len = len;
    st->pt = pt;
    st->w = malloc((pt->n + 1) * sizeof *st->w);
    st->verb = malloc(pt->n + 1);
    if (!st->w || !st->verb) {
        said_text_clear(st);
        return CS_NOMEM;
    }
    for (size_t k = 0; k < pt->n; k++)
        if (!(pt->v[k].flags & TX_JOINED) && pt->v[k].rend <= len) {
            st->verb[st->nw] = (unsigned char)speech_verb_how(QY_PTERM(pt, k));
            st->w[st->nw++] = k;
        }
    if (!find_quotes(st)) {
        said_text_clear(st);
        return CS_NOMEM;
    }
    return CS_OK;
}

static const char *const pronouns[] = {"he", "she"};
/* Words with a capital that name no one (the stop words aside). */
static const char *const no_names[] = {
    "another", "everyone", "i",   "i'd",  "i'll",    "i'm", "i've",
    "it",      "many",     "one", "others", "someone", "they", "we", "who", "you"};
/* Words between a speaker and the verb: Rama also said. */
static const char *const between[] = {"also",     "again",    "earlier",    "further",
                                      "has",      "had",      "have",       "later",
                                      "once",     "publicly", "recently",   "reportedly",
                                      "strongly", "then"};
/* Words after which a name says where or of what, not who. */
static const char *const prepositions[] = {
    "about", "after", "against", "among", "at",   "before", "by",  "for",
    "from",  "in",    "into",    "of",    "on",   "over",   "to",  "under",
    "with",  "within"};
/* Titles and other words for a person before or after a name: Finance
 * Minister Delina Ibrahimaj, spokesman Ali Safavi, report author Ronald
 * Schmelzer, the NCIS spokesman; sorted. */
static const char *const titles[] = {
    "ambassador", "analyst",   "attorney",  "author",       "ceo",         "chairman",    "chairwoman",
    "chief",      "commander", "commissioner", "counsel",   "director",    "dr",
    "economist",  "editor",    "executive", "founder",      "general",     "governor",
    "judge",      "lawyer",    "manager",   "mayor",        "minister",    "mr",
    "mrs",        "ms",        "officer",   "official",     "premier",     "president",   "professor",
    "prosecutor", "researcher", "scientist", "secretary",   "senator",     "spokesman",
    "spokesperson", "spokeswoman"};
/* Small words inside a name: Helen van Trearum, Charles de Gaulle. */
static const char *const particles[] = {"al", "bin", "da", "de", "del", "der", "di",
                                        "du", "el", "la", "le", "van", "von"};

/* Words whose full stop ends no sentence (Mr. Rama said). */
static const char *const abbreviations[] = {"dr", "gen", "gov", "jr", "mr", "mrs",
                                            "ms", "no", "prof", "rep", "sen", "sr",
                                            "st", "vs"};

static int space_only(const char *t, size_t from, size_t to)
{
    if (from >= to)
        return 0;
    for (size_t i = from; i < to; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            return 0;
    return 1;
}

/* Whether word i follows word i - 1 across spaces only. */
static int spaced(const said_text *st, size_t i)
{
    return i > 0 && space_only(st->text, wend(st, i - 1), wstart(st, i));
}

/* Whether words i - 1 and i are one name: a space between them, a
 * hyphen or an apostrophe (Jean-Luc, O'Brien read as two), or an
 * initial's point (George W. Bush). */
static int joins_name(const said_text *st, size_t i)
{
    size_t from = wend(st, i - 1), to = wstart(st, i);
    const char *t = st->text;
    if (space_only(t, from, to))
        return 1;
    if (to - from == 1 && (t[from] == '-' || t[from] == '\''))
        return 1;
    if (to - from == 3 && memcmp(t + from, "\xE2\x80\x99", 3) == 0)
        return 1;
    /* Initials without a space: N.B. */
    if (to - from == 1 && t[from] == '.' && wend(st, i - 1) - wstart(st, i - 1) == 1 &&
        wend(st, i) - wstart(st, i) == 1)
        return 1;
    /* (Not an initial's point before a title: West Orange, N.J. Mr.
     * Waller said.) */
    return t[from] == '.' &&
           (wend(st, i - 1) - wstart(st, i - 1) == 1 || QY_ONE_OF(term(st, i - 1), abbreviations)) &&
           space_only(t, from + 1, to) &&
           !(wend(st, i - 1) - wstart(st, i - 1) == 1 && QY_ONE_OF(term(st, i), titles));
}

/* Whether a quotation ends at byte p (its closing mark stands there). */
static int ends_quote(const said_text *st, size_t p)
{
    for (size_t q = 0; q < st->nquotes; q++)
        if (st->quotes[q].end == p && p < st->len)
            return 1;
    return 0;
}

/* Whether the bytes before word i (from `from`) end a sentence: a full
 * stop, ! or ? outside a quotation, but not an abbreviation's or an
 * initial's point; or one that ends a quotation before a capital. */
static int sentence_ends_before(const said_text *st, size_t i, size_t from)
{
    size_t to = wstart(st, i);
    for (size_t p = from; p < to; p++) {
        char ch = st->text[p];
        if ((ch == '.' || ch == '!' || ch == '?') && in_quote(st, p)) {
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
                 QY_ONE_OF(term(st, i - 1), abbreviations)))
                continue;
            /* A full stop before a word in small letters ends no
             * sentence: a slip ("...," it read. in a statement from the
             * ministry), an abbreviation's (approx. five), an address's
             * (www.infoshop.org). */
            if (ch == '.' && !(flags(st, i) & (TX_CAPITAL | TX_NUMBER)) &&
                (p + 1 == to || space_only(st->text, p + 1, to)))
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

/* Whether word i is a name's small word with a name's word after it
 * (van in Helen van Trearum). */
static int particle_at(const said_text *st, size_t i)
{
    return i + 1 < st->nw && !(flags(st, i) & TX_CAPITAL) && QY_ONE_OF(term(st, i), particles) &&
           (flags(st, i + 1) & TX_CAPITAL) && spaced(st, i + 1);
}

/* The last word of the name that starts at word f: capitals joined
 * (joins_name), and small words inside (particle_at). */
static size_t name_end(const said_text *st, size_t f)
{
    size_t l = f;
    for (;;) {
        if (l + 1 < st->nw && l - f + 1 < NAME_WORDS && (flags(st, l + 1) & TX_CAPITAL) &&
            joins_name(st, l + 1))
            l++;
        else if (l + 2 < st->nw && l - f + 2 < NAME_WORDS && spaced(st, l + 1) &&
                 particle_at(st, l + 1))
            l += 2;
        else
            return l;
    }
}

/* The name that ends at word `last`, written with capitals (a sentence's
 * first words that are no name, The, On, Saturday, left out): its first
 * word in *first. */
static int name_back(const said_text *st, size_t last, size_t *first)
{
    /* (A name's last part may be in small letters after a hyphen:
     * Lao-tzu.) */
    int tail = last > 0 && (flags(st, last - 1) & TX_CAPITAL) &&
               wstart(st, last) == wend(st, last - 1) + 1 && st->text[wend(st, last - 1)] == '-';
    if (!((flags(st, last) & TX_CAPITAL) || tail) || in_quote(st, wstart(st, last)))
        return 0;
    size_t f = last;
    for (;;) {
        if (f > 0 && last - f + 1 < NAME_WORDS && (flags(st, f - 1) & TX_CAPITAL) &&
            joins_name(st, f) && !in_quote(st, wstart(st, f - 1)))
            f--;
        else if (f > 1 && last - f + 2 < NAME_WORDS && particle_at(st, f - 1) &&
                 (flags(st, f - 2) & TX_CAPITAL) && spaced(st, f - 1) &&
                 !in_quote(st, wstart(st, f - 2)))
            f -= 2;
        else
            break;
    }
    /* (A date's short form alone is a name: Sun said.) */
    while (f <= last && ((flags(st, f) & TX_STOP) ||
                         (qy_is_date_word(term(st, f)) && (f < last || strlen(term(st, f)) > 3))))
        f++;
    if (f > last || QY_ONE_OF(term(st, last), pronouns) || QY_ONE_OF(term(st, f), no_names) ||
        QY_ONE_OF(term(st, last), no_names))
        return 0;
    /* Nor a word of an address (cwg@DeepEddy.Com said:; D.C. Assistant
     * Police Chief Terrance Gainer from Assistant on), but an initial's
     * (Craig R.Hughes). */
    while (f <= last && wstart(st, f) > 0 && strchr(".@/_", st->text[wstart(st, f) - 1]) &&
           !(f > 0 && st->text[wstart(st, f) - 1] == '.' && wend(st, f - 1) + 1 == wstart(st, f) &&
             wend(st, f - 1) - wstart(st, f - 1) == 1 && wstart(st, f - 1) > 0 &&
             st->text[wstart(st, f - 1) - 1] == ' '))
        f++;
    if (f > last)
        return 0;
    /* A name after a preposition is no speaker: the President of the
     * United States announced, the commander in Iraq declared. */
    size_t p = f;
    if (p > 0 && (strcmp(term(st, p - 1), "the") == 0 || strcmp(term(st, p - 1), "a") == 0))
        p--;
    if (p > 0 && QY_ONE_OF(term(st, p - 1), prepositions))
        return 0;
    *first = f;
    return 1;
}

/* The first word of the capitalized name that ends at word l (its
 * leading stop words left out), or l + 1 for none. */
static size_t mention_back(const said_text *st, size_t l)
{
    size_t f = l;
    while (f > 0 && l - f + 1 < NAME_WORDS && (flags(st, f - 1) & TX_CAPITAL) && joins_name(st, f))
        f--;
    while (f <= l && (flags(st, f) & TX_STOP))
        f++;
    return f;
}

/* Whether the bytes before word k hold `ch`, or a closing quotation mark
 * (for ch 0). */
static int gap_has(const said_text *st, size_t k, char ch)
{
    size_t from = gap_from(st, k), to = wstart(st, k), width;
    for (size_t p = from; p < to; p += width) {
        int mark = quote_mark(st->text, to, p, &width);
        if (ch ? st->text[p] == ch : (mark == 2 || mark == 3))
            return 1;
    }
    return 0;
}

/* Whether word k is a name's possessive: written with a capital, its
 * apostrophe's s a word's own ("Albania's", not "It's" or "Let's"). */
static int possessive(const said_text *st, size_t k)
{
    const char *t = term(st, k);
    size_t len = strlen(t);
    return (flags(st, k) & TX_CAPITAL) && !(flags(st, k) & TX_STOP) && len > 3 &&
           strcmp(t + len - 2, "'s") == 0 && !QY_ONE_OF(t, pronouns);
}

/* A speaker named by "the" or a name's possessive and up to three words
 * in small letters that end at word `last`, before the verb at word
 * `verb` (the state police denied, the ministry said, Iran's foreign
 * ministry denied): it starts a sentence or follows a comma, a colon or a
 * quotation (not: the head of the ministry said; those who created the
 * deficits said), and the verb is followed by no preposition but a
 * date's (not: the progress noted in ...; but: said on Tuesday): its
 * first word in *first. */
static int phrase_back(const said_text *st, size_t last, size_t verb, size_t *first)
{
    if (!(st->verb[verb] & VERB_PHRASE) ||
        (verb + 1 < st->nw && QY_ONE_OF(term(st, verb + 1), prepositions) &&
         !(verb + 2 < st->nw && qy_is_date_word(term(st, verb + 2)))))
        return 0;
    size_t f = last;
    while (f > 0 && last - f < 3 && !(flags(st, f) & (TX_CAPITAL | TX_STOP | TX_NUMBER)) &&
           spaced(st, f) && !in_quote(st, wstart(st, f)))
        if (strcmp(term(st, --f), "the") == 0)
            break;
    if (f == last || in_quote(st, wstart(st, f)))
        return 0;
    /* Or a name's possessive in place of "the": Albania's parliament
     * said, Iran's foreign ministry denied. */
    size_t head = f;
    if (strcmp(term(st, f), "the") != 0 &&
        !(possessive(st, f) && name_back(st, f, &head)))
        return 0;
    for (size_t i = f + 1; i <= last; i++)
        if ((flags(st, i) & (TX_CAPITAL | TX_STOP | TX_NUMBER)) ||
            QY_ONE_OF(term(st, i), prepositions) || QY_ONE_OF(term(st, i), no_names))
            return 0;
    if (head > 0 && !sentence_ends_before(st, head, gap_from(st, head)) &&
        !gap_has(st, head, ',') && !gap_has(st, head, ':') && !gap_has(st, head, 0))
        return 0;
    *first = head;
    return 1;
}

/* Whether a word reads as an adverb in -ly (steadily; not only, family). */
static int adverb(const char *t)
{
    size_t n = strlen(t);
    return n > 4 && strcmp(t + n - 2, "ly") == 0 && strcmp(t, "family") != 0 &&
           strcmp(t, "supply") != 0;
}

/* The name that starts at word `first` (after "the": said the Prime
 * Minister), or failing one and when `phrase` allows, a speaker named by
 * "the" and up to three words, up to a comma, a full stop or a verb
 * (after a quotation: "...," added the ministry, which ...): its first
 * word in *from, its last in *last. */
static int name_fwd(const said_text *st, size_t first, int phrase, size_t *from,
                    size_t *last)
{
    size_t f = first;
    int the = strcmp(term(st, f), "the") == 0;
    if (the && f + 1 < st->nw && (flags(st, f + 1) & TX_CAPITAL) && joins_name(st, f + 1))
        f++;
    /* A person's title in small letters before the name: said report
     * author Ronald Schmelzer. */
    for (size_t t = f; !the && t < f + 2 && t + 1 < st->nw && spaced(st, t + 1) &&
                       !(flags(st, t) & (TX_CAPITAL | TX_STOP | TX_NUMBER));
         t++)
        if (QY_ONE_OF(term(st, t), titles) && (flags(st, t + 1) & TX_CAPITAL) &&
            !(flags(st, t + 1) & TX_STOP)) {
            f = t + 1;
            break;
        }
    if (flags(st, f) & TX_CAPITAL) {
        if ((flags(st, f) & TX_STOP) || QY_ONE_OF(term(st, f), no_names))
            return 0;
        size_t l = name_end(st, f);
        /* A title after the name, and maybe a name after it: the NCIS
         * spokesman; Ikea spokeswoman Helen van Trearum. */
        if (l + 1 < st->nw && spaced(st, l + 1) && !(flags(st, l + 1) & TX_CAPITAL) &&
            QY_ONE_OF(term(st, l + 1), titles)) {
            size_t t = l + 1;
            /* (Documentum president and CEO Dave DeWalt.) */
            if (t + 2 < st->nw && strcmp(term(st, t + 1), "and") == 0 && spaced(st, t + 1) &&
                spaced(st, t + 2) && (flags(st, t + 2) & TX_CAPITAL))
                t++;
            if (t + 1 < st->nw && spaced(st, t + 1) && (flags(st, t + 1) & TX_CAPITAL) &&
                !(flags(st, t + 1) & TX_STOP) && !QY_ONE_OF(term(st, t + 1), no_names)) {
                *from = t + 1;
                *last = name_end(st, t + 1);
            } else {
                *from = the ? first : f;
                *last = t;
            }
            return 1;
        }
        /* A name that qualifies the word after it is no speaker:
         * according to the George Washington documentary (but an
         * adverb may follow: said Bildad steadily). */
        if (l + 1 < st->nw && !(flags(st, l + 1) & (TX_STOP | TX_CAPITAL)) && spaced(st, l + 1) &&
            !adverb(term(st, l + 1)))
            return 0;
        *from = f;
        *last = l;
        return 1;
    }
    if (!the || !phrase)
        return 0;
    size_t l = f;
    while (l + 1 < st->nw && l - f < 3 && spaced(st, l + 1) &&
           !(flags(st, l + 1) & TX_STOP) && !st->verb[l + 1] &&
           strcmp(term(st, l + 1), "which") != 0)
        l++;
    if (l == f)
        return 0;
    /* And the name it is of: the team from Carnegie Mellon University. */
    if (l + 2 < st->nw && spaced(st, l + 1) && spaced(st, l + 2) &&
        (strcmp(term(st, l + 1), "from") == 0 || strcmp(term(st, l + 1), "of") == 0) &&
        (flags(st, l + 2) & TX_CAPITAL) && !(flags(st, l + 2) & TX_STOP))
        l = name_end(st, l + 2);
    *from = f;
    *last = l;
    return 1;
}

/* The first word of the sentence word k stands in. */
static size_t sentence_start(const said_text *st, size_t k)
{
    size_t s = k;
    while (s > 0 && !sentence_ends_before(st, s, gap_from(st, s)))
        s--;
    return s;
}

enum { NONE = 0, NAMED = 1, PRONOUN = 2 };

/* Whether a speech verb with its speaker right before it (a name, "the"
 * and a noun, he or she) stands in the four words before word k: a text
 * named after it is that speaker's (Rama said in a statement from
 * Tirana). */
static int speaker_verb_before(const said_text *st, size_t k)
{
    for (size_t i = k; i-- > 1 && k - i <= 4;) {
        size_t f;
        if (st->verb[i] && !(st->verb[i] & (VERB_DOCUMENT | VERB_PARTICIPLE)) && spaced(st, i) &&
            (QY_ONE_OF(term(st, i - 1), pronouns) || name_back(st, i - 1, &f) ||
             phrase_back(st, i - 1, i, &f)))
            return 1;
    }
    return 0;
}

/* Whether word k stands in the QUOTE_NEAR_WORDS words after a quotation,
 * in its sentence: "it" and a text's noun there speak of the quotation
 * ("...," it read in a statement from the ministry), elsewhere often of
 * something else (when the FCC approved the merger, it said; a special
 * message from the Executive). */
#define QUOTE_NEAR_WORDS 5
static int near_quotation(const said_text *st, size_t k)
{
    for (size_t i = k + 1; i-- > 0 && k - i < QUOTE_NEAR_WORDS;) {
        if (gap_has(st, i, 0))
            return 1;
        if (i < k && sentence_ends_before(st, i + 1, gap_from(st, i + 1)))
            return 0;
    }
    return 0;
}

/* Whose the text named by the noun at word k is, after "from" or "by": a
 * name, or "the" and up to three words (in a statement from the Albanian
 * Interior Ministry; a message by the group).  NAMED with its words in
 * [*a, *b], or NONE. */
static int document_source(const said_text *st, size_t k, size_t *a, size_t *b)
{
    if (k + 2 >= st->nw || !spaced(st, k + 1) || !spaced(st, k + 2) ||
        (strcmp(term(st, k + 1), "from") != 0 && strcmp(term(st, k + 1), "by") != 0) ||
        speaker_verb_before(st, k))
        return NONE;
    return name_fwd(st, k + 2, 1, a, b) ? NAMED : NONE;
}

static const char *const articles[] = {"a", "an", "the"};

/* Whether word i is a noun for a text (statement, message, ...; or
 * "source" after "same": according to the same source) after an
 * article, spaced: the article's word in *head. */
static int text_noun(const said_text *st, size_t i, size_t *head)
{
    size_t h = i;
    if (st->verb[i] & VERB_DOCUMENT)
        h = i - (i > 0);
    else if (strcmp(term(st, i), "source") == 0 && i > 1 && strcmp(term(st, i - 1), "same") == 0 &&
             spaced(st, i))
        h = i - 2;
    if (h == i || !spaced(st, h + 1) || !QY_ONE_OF(term(st, h), articles))
        return 0;
    *head = h;
    return 1;
}

/* A text as the subject of the verb after word `last`: "it" or "they"
 * next to a quotation ("...," it read; "...," they wrote), or an article
 * and a noun for a text, maybe a preposition's few words after it, that
 * start a sentence or follow a comma, a colon or a quotation (a statement
 * on Twitter reads; the statement said).  NAMED when the text says whose
 * it is (a statement from the ministry said), else PRONOUN (its speaker
 * is the one named before): the words in [*a, *b]; NONE for any other
 * subject. */
static int document_subject(const said_text *st, size_t last, size_t *a, size_t *b)
{
    if (strcmp(term(st, last), "it") == 0 || strcmp(term(st, last), "they") == 0) {
        if (!near_quotation(st, last))
            return NONE;
        *a = *b = last;
        return PRONOUN;
    }
    for (size_t i = last + 1; i-- > 0 && last - i < 4;) {
        if (in_quote(st, wstart(st, i)) || (i < last && !spaced(st, i + 1)))
            return NONE;
        size_t head;
        if (!text_noun(st, i, &head))
            continue;
        if ((i < last && !QY_ONE_OF(term(st, i + 1), prepositions)) ||
            (head > 0 && !sentence_ends_before(st, head, gap_from(st, head)) &&
             !gap_has(st, head, ',') && !gap_has(st, head, ':') && !gap_has(st, head, 0)))
            return NONE;
        if (document_source(st, i, a, b) == NAMED)
            return NAMED;
        *a = *b = i;
        return PRONOUN;
    }
    return NONE;
}

/* Words after a sentence's first name that show it is the sentence's
 * subject, besides a verb's past form in -ed. */
static const char *const subject_verbs[] = {"had", "has", "have"};

/* The speaker of a participle after a comma: the name (or he, she) that
 * starts its sentence, followed by a verb (Iran denied the attack,
 * saying ...; The US National Security Council has reacted, stating
 * ...).  NAMED or PRONOUN with the words in [*a, *b], or NONE. */
static int sentence_subject(const said_text *st, size_t k, size_t *a, size_t *b)
{
    if (!gap_has(st, k, ','))
        return NONE;
    size_t start = sentence_start(st, k), f = start;
    if (f + 1 >= k || in_quote(st, wstart(st, f)))
        return NONE;
    if (strcmp(term(st, f), "the") == 0 && (flags(st, f + 1) & TX_CAPITAL) && joins_name(st, f + 1))
        f++;
    int pronoun = QY_ONE_OF(term(st, f), pronouns);
    if (!pronoun && (!(flags(st, f) & TX_CAPITAL) || (flags(st, f) & TX_STOP) ||
                     QY_ONE_OF(term(st, f), no_names) || qy_is_date_word(term(st, f))))
        return NONE;
    size_t l = f;
    while (!pronoun && l + 1 < k && l - f + 1 < NAME_WORDS && (flags(st, l + 1) & TX_CAPITAL) &&
           joins_name(st, l + 1))
        l++;
    /* Its verb after the name, or after an apposition between commas
     * (Target Wireless, a small New Jersey-based wireless media company,
     * had asked the FEC ..., saying). */
    size_t v_at = l + 1;
    if (!pronoun && v_at < k && gap_has(st, v_at, ',') && !(flags(st, v_at) & TX_CAPITAL))
        while (v_at < k && v_at - l <= APPOSITION_WORDS && !(v_at > l + 1 && gap_has(st, v_at, ',')))
            v_at++;
    else if (v_at < k && !spaced(st, v_at))
        return NONE;
    if (v_at >= k || (flags(st, v_at) & TX_CAPITAL))
        return NONE;
    /* A sentence's first word alone is a name only if it looks like one
     * (Iran; not Deeply, Officials). */
    size_t n = strlen(term(st, f));
    if (!pronoun && l == f && f == start &&
        (n < 3 || strcmp(term(st, f) + n - 2, "ly") == 0 || term(st, f)[n - 1] == 's'))
        return NONE;
    const char *v = term(st, v_at);
    n = strlen(v);
    if (!QY_ONE_OF(v, subject_verbs) && !(n > 3 && strcmp(v + n - 2, "ed") == 0))
        return NONE;
    *a = f;
    *b = l;
    return pronoun ? PRONOUN : NAMED;
}

/* Whether an e-mail address in <> or () stands right before word k,
 * after a word (its writer's name's last, in *writer). */
static int address_before(const said_text *st, size_t k, size_t *writer)
{
    size_t p = wstart(st, k);
    while (p > 0 && (st->text[p - 1] == ' ' || st->text[p - 1] == '\t'))
        p--;
    if (p == 0 || (st->text[p - 1] != '>' && st->text[p - 1] != ')'))
        return 0;
    char open = st->text[p - 1] == '>' ? '<' : '(';
    size_t o = p - 1, at = 0;
    while (o > 0 && p - o < 100 && st->text[o - 1] != open && st->text[o - 1] != '\n')
        if (st->text[--o] == '@')
            at = 1;
    if (o == 0 || st->text[o - 1] != open || !at)
        return 0;
    o--; /* the opening mark */
    size_t w = k;
    while (w > 0 && wend(st, w - 1) > o)
        w--;
    if (w == 0 || !space_only(st->text, wend(st, w - 1), o))
        return 0;
    *writer = w - 1;
    return 1;
}

/* A speaker named by an article, a name and a title that end at word
 * `last` (An RCA spokesman said; a Microsoft spokeswoman told): its first
 * word in *first. */
static int titled_back(const said_text *st, size_t last, size_t *first)
{
    if (last < 2 || (flags(st, last) & TX_CAPITAL) || !QY_ONE_OF(term(st, last), titles) ||
        !spaced(st, last) || in_quote(st, wstart(st, last)))
        return 0;
    size_t f = last;
    while (f > 0 && last - f < 3 && (flags(st, f - 1) & TX_CAPITAL) &&
           !(flags(st, f - 1) & TX_STOP) && spaced(st, f))
        f--;
    if (f == last || f == 0 || !spaced(st, f) || !QY_ONE_OF(term(st, f - 1), articles))
        return 0;
    size_t head = f - 1;
    if (head > 0 && !sentence_ends_before(st, head, gap_from(st, head)) &&
        !gap_has(st, head, ',') && !gap_has(st, head, ':') && !gap_has(st, head, 0))
        return 0;
    *first = head;
    return 1;
}

/* Whether word i starts an apposition for sure: an article, a relative
 * pronoun, a possessive or a title (Mark Attanasio, a managing director
 * at ...; not Richard in: Monica Gabrielle, who lost her husband,
 * Richard, when the south tower fell and ..., said). */
static int apposition_start(const said_text *st, size_t i)
{
    static const char *const starts[] = {"a", "an", "one", "the", "who", "whose"};
    return QY_ONE_OF(term(st, i), starts) || possessive(st, i) || QY_ONE_OF(term(st, i), titles);
}

/* Who speaks by the verb at word k: NAMED with the name's words
 * [*a, *b], PRONOUN (he, she: word *a), or NONE. */
static int subject_of(const said_text *st, size_t k, size_t *a, size_t *b)
{
    const char *v = term(st, k);
    if (!st->verb[k] || in_quote(st, wstart(st, k)))
        return NONE;
    if (st->verb[k] & VERB_DOCUMENT)
        return near_quotation(st, k) ? document_source(st, k, a, b) : NONE;
    if (st->verb[k] & VERB_PARTICIPLE)
        return sentence_subject(st, k, a, b);
    if (strcmp(v, "according") == 0) {
        if (k + 2 >= st->nw || strcmp(term(st, k + 1), "to") != 0 || !spaced(st, k + 1) ||
            !spaced(st, k + 2))
            return NONE;
        /* According to a statement from the ministry; to the same
         * source (the one named before). */
        size_t head;
        for (size_t i = k + 3; i < st->nw && i <= k + 4; i++)
            if (text_noun(st, i, &head) && head == k + 2) {
                if (document_source(st, i, a, b) == NAMED)
                    return NAMED;
                *a = *b = i;
                return PRONOUN;
            }
        return name_fwd(st, k + 2, 0, a, b) ? NAMED : NONE;
    }
    /* A writer and his address before the verb, as mail quotes him:
     * Chris Weyl <cweyl@mindspring.com> wrote:; Matthias Saou
     * (matthias@rpmforge.net) wrote. */
    size_t writer;
    if (address_before(st, k, &writer) && name_back(st, writer, a)) {
        *b = writer;
        return NAMED;
    }
    /* Before the verb: Rama said; he told; Safavi also criticized. */
    size_t j = k;
    for (int skipped = 0; j > 0 && skipped < 2 && QY_ONE_OF(term(st, j - 1), between) && spaced(st, j);
         skipped++)
        j--;
    if (spaced(st, j)) {
        int text = document_subject(st, j - 1, a, b);
        if (text != NONE || (st->verb[k] & VERB_READS))
            return text;
        if (QY_ONE_OF(term(st, j - 1), pronouns)) {
            *a = *b = j - 1;
            return PRONOUN;
        }
        if (name_back(st, j - 1, a) || phrase_back(st, j - 1, k, a) ||
            titled_back(st, j - 1, a)) {
            *b = j - 1;
            return NAMED;
        }
        /* A person's full name and "who", wherever it stands: the
         * example of Andrew Jackson who said (not: a single mom in Texas
         * who wrote). */
        if (j > 1 && strcmp(term(st, j - 1), "who") == 0 && spaced(st, j - 1) &&
            (flags(st, j - 2) & TX_CAPITAL) && !in_quote(st, wstart(st, j - 2)) &&
            (*a = mention_back(st, j - 2)) < j - 2 && !QY_ONE_OF(term(st, j - 2), no_names)) {
            *b = j - 2;
            return NAMED;
        }
        /* A name and where the speaker works: Robert Frederking of
         * Carnegie Mellon University told the BBC; the CEO of Master Lock
         * told me. */
        size_t r = j - 1;
        while (r > 0 && (flags(st, r) & TX_CAPITAL) && joins_name(st, r))
            r--;
        if (r + 1 < j && r > 0 && (flags(st, r + 1) & TX_CAPITAL) &&
            strcmp(term(st, r), "of") == 0 && spaced(st, r) && spaced(st, r + 1) && name_back(st, r - 1, a)) {
            *b = j - 1;
            return NAMED;
        }
    }
    if (st->verb[k] & VERB_READS)
        return NONE;
    /* A name set off by commas right before the verb, after what he is:
     * an ancient Chinese philosopher, Lao-tzu, said; my predecessor,
     * President McKinley, said. */
    if (k > 1 && gap_has(st, k, ',') && !gap_has(st, k, 0) && name_back(st, k - 1, a) &&
        *a > 0 && gap_has(st, *a, ',') && !(flags(st, *a - 1) & TX_CAPITAL)) {
        *b = k - 1;
        return NAMED;
    }
    /* Inverted at a sentence's start: Says Pillai: "...". */
    if (k + 1 < st->nw && (st->verb[k] & VERB_INVERTS) && (flags(st, k) & TX_CAPITAL) &&
        (k == 0 || sentence_ends_before(st, k, gap_from(st, k))) && spaced(st, k + 1) &&
        name_fwd(st, k + 1, 0, a, b))
        return NAMED;
    /* Inverted, after a quotation or a comma: "...," said Rama; "...,"
     * added the ministry. */
    int after_quote = gap_has(st, k, 0);
    /* (Not "told": the name after it is whom it told: "...," Jose
     * Sandoval, author of "Mother Aged 5," told Reuters.) */
    if (k + 1 < st->nw && strcmp(term(st, k), "told") != 0 &&
        (after_quote || (gap_has(st, k, ',') && (st->verb[k] & VERB_INVERTS))) &&
        spaced(st, k + 1)) {
        if (QY_ONE_OF(term(st, k + 1), pronouns)) {
            *a = *b = k + 1;
            return PRONOUN;
        }
        /* (After a comma only a name: "..., said the attack was ..." is
         * no speaker's.) */
        if (name_fwd(st, k + 1, after_quote, a, b))
            return NAMED;
    }
    /* In apposition: Ali Safavi, a spokesman for the MEK, said; Angela
     * Tilby, vice-principal of Westcott House, Cambridge, accused.  The
     * apposition starts with a small letter or a name's possessive
     * (Steven Teplitz, AOL's associate general counsel, wrote). */
    if (k > 1 && gap_has(st, k, ',') && !after_quote)
        for (size_t i = k - 1; i > 0 && k - i < APPOSITION_WORDS; i--) {
            if (sentence_ends_before(st, i, gap_from(st, i)) || in_quote(st, wstart(st, i)))
                break;
            if (gap_has(st, i, ',') && (!(flags(st, i) & TX_CAPITAL) || possessive(st, i)) &&
                (k - i < BEFORE_QUOTE_WORDS || apposition_start(st, i)) &&
                name_back(st, i - 1, a)) {
                *b = i - 1;
                return NAMED;
            }
        }
    return NONE;
}

/* The last speaker named (not by a pronoun) by a verb before byte
 * `before` of the text. */
static int last_named(const said_text *st, size_t before, size_t *a, size_t *b)
{
    for (size_t k = st->nw; k-- > 0;)
        if (st->verb[k] && wend(st, k) <= before && subject_of(st, k, a, b) == NAMED)
            return 1;
    return 0;
}

/* Whether a he or she stands before word f in its sentence: a person
 * named after it is not whom the sentence is about (He was in the
 * Bahamas when President John F Kennedy was shot). */
static int pronoun_before(const said_text *st, size_t f)
{
    for (size_t i = f; i-- > 0;) {
        if (QY_ONE_OF(term(st, i), pronouns))
            return 1;
        if (sentence_ends_before(st, i, gap_from(st, i)))
            return 0;
    }
    return 0;
}

/* The last person the text names with a title before byte `before`, its
 * name's words in [*a, *b]: for a "she said" whose passage and the one
 * before name no speaker by a verb (Finance Minister Delina Ibrahimaj
 * gave some details ... "...," she said).  Not a possessive (Mr. Bush's
 * language), nor one named after a he or she in its sentence. */
static int last_titled(const said_text *st, size_t before, size_t *a, size_t *b)
{
    for (size_t l = st->nw; l-- > 0;) {
        size_t f;
        if (wend(st, l) > before || !(flags(st, l) & TX_CAPITAL) ||
            QY_ONE_OF(term(st, l), titles) || possessive(st, l) ||
            (l + 1 < st->nw && (flags(st, l + 1) & TX_CAPITAL) && joins_name(st, l + 1)) ||
            !name_back(st, l, &f) || pronoun_before(st, f))
            continue;
        /* The title in the name, or just before it in small letters. */
        for (size_t i = f > 0 && spaced(st, f) ? f - 1 : f; i < l; i++)
            if (QY_ONE_OF(term(st, i), titles)) {
                *a = f;
                *b = l;
                return 1;
            }
    }
    return 0;
}

/* Nouns for a body of people that "the" names again after its name:
 * the group, the society, the company. */
static const char *const bodies[] = {
    "agency",       "association",  "bank",     "commission", "committee",
    "company",      "council",      "department", "firm",     "group",
    "ministry",     "organisation", "organization", "party",  "society",
    "union"};

/* The name a description speaker [a, b] ("the group", "the hacker
 * group": "the", a noun for a body of people, maybe a word before it)
 * stands for, said before it in the passage, in [*na, *nb]: a name that
 * ends in its noun (Church Society for the society), or one the noun
 * calls so (an Iranian hacker group called Homeland Justice).  Not the
 * last speaker for "the company": Sun said ..., the company said; but
 * Rama said ..., the company said. */
static int described_before(const said_text *st, size_t a, size_t b, size_t *na,
                            size_t *nb)
{
    if (b < a + 1 || b > a + 2 || strcmp(term(st, a), "the") != 0 ||
        (flags(st, b) & TX_CAPITAL) || !QY_ONE_OF(term(st, b), bodies))
        return 0;
    const char *noun = term(st, b);
    for (size_t i = a; i-- > 0;) {
        if (in_quote(st, wstart(st, i)) || strcmp(term(st, i), noun) != 0)
            continue;
        size_t f;
        if ((flags(st, i) & TX_CAPITAL) && (f = mention_back(st, i)) < i) {
            *na = f;
            *nb = i;
            return 1;
        }
        if (!(flags(st, i) & TX_CAPITAL) && i + 2 < a && spaced(st, i + 1) && spaced(st, i + 2) &&
            (strcmp(term(st, i + 1), "called") == 0 || strcmp(term(st, i + 1), "named") == 0) &&
            (flags(st, i + 2) & TX_CAPITAL) && !(flags(st, i + 2) & TX_STOP)) {
            *na = i + 2;
            *nb = name_end(st, i + 2);
            return 1;
        }
    }
    return 0;
}

/* The speaker by word k's verb, a pronoun read as the last speaker named
 * before it (or for he or she, failing one, the last person named with a
 * title). */
static int speaker_at(const said_text *st, size_t k, qy_said_at *out)
{
    size_t a, b, na, nb;
    int s = subject_of(st, k, &a, &b);
    int person = s == PRONOUN && QY_ONE_OF(term(st, a), pronouns);
    if (s == PRONOUN && (last_named(st, wstart(st, a), &na, &nb) ||
                         (person && last_titled(st, wstart(st, a), &na, &nb)))) {
        s = NAMED;
        a = na;
        b = nb;
    }
    if (s == NAMED && described_before(st, a, b, &na, &nb)) {
        a = na;
        b = nb;
    }
    if (s == NONE)
        return 0;
    out->found = s;
    out->person = s == PRONOUN && person;
    out->start = wstart(st, a);
    out->end = wend(st, b);
    return 1;
}

/* Whether the sentence of word k ends within the SAID_TAIL_WORDS words
 * after it (", Rama said." ", Rama told reporters on Friday."), or only
 * says when and where after it and whom it told (, Rollins told reporters
 * after Dell's annual shareholder meeting here; said in an interview
 * Thursday). */
#define SAID_TAIL_WORDS 3
static const char *const circumstances[] = {"after", "at", "during", "in", "on"};
#define CIRCUMSTANCE_WORDS 6
static int ends_soon(const said_text *st, size_t k)
{
    for (size_t i = k + 1; i <= k + SAID_TAIL_WORDS + 1; i++)
        if (i >= st->nw || sentence_ends_before(st, i, gap_from(st, i)))
            return 1;
    size_t i = k + 1;
    if (strcmp(term(st, k), "told") == 0)
        i += i < st->nw && strcmp(term(st, i), "the") == 0 ? 2 : 1;
    if (i >= st->nw || !spaced(st, i) || !QY_ONE_OF(term(st, i), circumstances))
        return 0;
    /* (Only that: not the United States announced on Friday new
     * sanctions against Tehran.) */
    for (size_t e = i + 1; e <= i + CIRCUMSTANCE_WORDS; e++)
        if (e >= st->nw || sentence_ends_before(st, e, gap_from(st, e)))
            return 1;
    return 0;
}

/* Whether text[from, to) holds a dash ("--", " - ", an em or en dash). */
static int dash_between(const said_text *st, size_t from, size_t to)
{
    for (size_t p = from; p < to; p++)
        if ((st->text[p] == '-' && p + 1 < to && st->text[p + 1] == '-') ||
            (st->text[p] == '-' && p > from && st->text[p - 1] == ' ' && p + 1 < to &&
             st->text[p + 1] == ' ') ||
            (p + 2 < to && memcmp(st->text + p, "\xE2\x80", 2) == 0 &&
             (st->text[p + 2] == '\x94' || st->text[p + 2] == '\x93')))
            return 1;
    return 0;
}

/* Whether the quotation q ends a sentence and its line, word `after`
 * starting the next line. */
static int signed_below(const said_text *st, const qy_span *q, size_t after)
{
    size_t e = q->end;
    while (e > q->start && (st->text[e - 1] == ' ' || st->text[e - 1] == '\n'))
        e--;
    if (e == q->start || !strchr(".!?", st->text[e - 1]))
        return 0;
    for (size_t p = q->end; p < wstart(st, after); p++)
        if (st->text[p] == '\n')
            return 1;
    return 0;
}

/* Whether the name that ends at word b ends its line or the text, or a
 * parenthesis, a comma or a full stop follows it (Abraham Lincoln (Nov
 * 21, 1864); N.B., CEO). */
static int name_ends_line(const said_text *st, size_t b)
{
    size_t p = wend(st, b);
    while (p < st->len && st->text[p] == ' ')
        p++;
    return p == st->len || st->text[p] == '\n' || st->text[p] == '\r' || st->text[p] == '(' ||
           st->text[p] == ',' || st->text[p] == '.';
}

/* Whether text[from, to) holds a comma. */
static int comma_between(const said_text *st, size_t from, size_t to)
{
    return from < to && memchr(st->text + from, ',', to - from) != NULL;
}

/* The start of the line that holds byte p. */
static size_t line_start(const said_text *st, size_t p)
{
    while (p > 0 && st->text[p - 1] != '\n' && st->text[p - 1] != '\r')
        p--;
    return p;
}

/* Words on reply-quoted lines ("> ..."), with no speaker of their own:
 * the writer whom the line that introduces the quoted block names (On
 * Tue, Panu Matilainen wrote:), a line quoted one level less above them
 * that ends in a verb of speech and a colon; not when the replier's own
 * words come between. */
static int reply_writer(const said_text *st, size_t first, qy_said_at *out)
{
    size_t from = line_start(st, wstart(st, first));
    size_t depth = qy_reply_depth(st->text, st->len, from);
    if (depth == 0)
        return 0;
    size_t k = first;
    while (from > 0) {
        size_t end = from - 1; /* the line break ending the line above */
        from = line_start(st, end);
        while (k > 0 && wstart(st, k) >= end)
            k--;
        if (wstart(st, k) < from || wstart(st, k) >= end)
            continue; /* a line without words */
        if (qy_reply_depth(st->text, st->len, from) >= depth)
            continue;
        size_t a, b;
        if (!st->verb[k] || !memchr(st->text + wend(st, k), ':', end - wend(st, k)) ||
            subject_of(st, k, &a, &b) != NAMED)
            return 0;
        out->found = NAMED;
        out->start = wstart(st, a);
        out->end = wend(st, b);
        return 1;
    }
    return 0;
}

static void find_speaker(const said_text *st, size_t start, size_t end, qy_said_at *out)
{
    size_t first = 0;
    while (first < st->nw && wend(st, first) <= start)
        first++;
    if (first == st->nw)
        return;
    const qy_span *q = NULL;
    for (size_t i = 0; i < st->nquotes && !q; i++)
        if (wstart(st, first) >= st->quotes[i].start && wstart(st, first) < st->quotes[i].end)
            q = &st->quotes[i];
    if (q) {
        /* Next to the quotation: after it first, then before it. */
        size_t after = first;
        while (after < st->nw && wstart(st, after) < q->end)
            after++;
        /* (After "it" or a text's noun, its source may follow: "...,"
         * it read in a statement from the ministry.) */
        qy_said_at pronoun = {0};
        /* A name after a dash ("..." -- Edward Gibbon), or alone on the
         * line after a quotation that ends a sentence, as a signature or
         * an epigraph gives it ("... the Republic is destroyed."
         * <newline> Abraham Lincoln (Nov 21, 1864, in a letter)). */
        size_t a, b;
        if (after < st->nw &&
            (dash_between(st, q->end, wstart(st, after)) || signed_below(st, q, after)) &&
            name_fwd(st, after, 0, &a, &b) && name_ends_line(st, b)) {
            out->found = NAMED;
            out->start = wstart(st, a);
            out->end = wend(st, b);
            return;
        }
        int ended = after < st->nw && sentence_ends_before(st, after, q->end > 0 ? q->end - 1 : 0);
        for (size_t k = after; k < st->nw && k < after + APPOSITION_WORDS; k++) {
            if (k > after && sentence_ends_before(st, k, gap_from(st, k)))
                break;
            if (k == after && sentence_ends_before(st, k, q->end))
                break;
            qy_said_at at = {0};
            /* (Further on, only a speaker named right after the
             * quotation: "...," Niren Hiro, Yahoo's general manager for
             * Southeast Asia, said.) */
            int far = k >= after + AFTER_QUOTE_WORDS;
            /* (After a quotation that ends its sentence before a capital,
             * only a speaker that ends the sentence: "... data leak!"
             * Rama wrote on Twitter; not: "... anything good." The
             * Countryside Alliance said it did not have any part.) */
            if (ended && st->verb[k] && !ends_soon(st, k))
                continue;
            if ((!pronoun.found || (st->verb[k] & VERB_DOCUMENT)) && (!far || st->verb[k]) &&
                speaker_at(st, k, &at) &&
                (!far || (at.found == NAMED && after + 2 < st->nw &&
                          at.start <= wstart(st, after + 2)))) {
                if (at.found == NAMED) {
                    *out = at;
                    return;
                }
                pronoun = at;
            }
        }
        if (pronoun.found) {
            *out = pronoun;
            return;
        }
        size_t before = first;
        while (before > 0 && wend(st, before - 1) > q->start)
            before--;
        /* (Further back after a comma: a quotation resumed after its
         * speaker and his apposition.) */
        size_t back = before > 0 && comma_between(st, wend(st, before - 1), q->start)
                          ? APPOSITION_WORDS
                          : BEFORE_QUOTE_WORDS;
        for (size_t k = before; k-- > 0 && before - k <= back;) {
            if (in_quote(st, wstart(st, k)) ||
                (k + 1 < before && sentence_ends_before(st, k + 1, gap_from(st, k + 1))))
                break;
            if (speaker_at(st, k, out))
                return;
        }
        /* Else as any words: a quotation inside a sentence may have its
         * speaker at the sentence's end ("...", the authorities have
         * decommissioned the systems, according to the same source). */
    }
    /* In the sentence of their first word: the verb nearest it, before
     * them or among them (Rama said there was no leak), or after them as
     * the sentence's last words or inverted (the leak was small, Rama
     * said; ..., said Steve Halperin, dean of ...), not a clause of its
     * own after them all (after Tirana's announcement in July, the United
     * States announced new sanctions). */
    size_t last = first;
    while (last + 1 < st->nw && wstart(st, last + 1) <= end)
        last++;
    size_t from = sentence_start(st, first), best = NO_WORD;
    qy_said_at found = {0};
    for (size_t k = from; k < st->nw; k++) {
        if (k > first && sentence_ends_before(st, k, gap_from(st, k)))
            break;
        if (!st->verb[k])
            continue;
        size_t dist = k > first ? k - first : first - k;
        qy_said_at at = {0};
        if ((best == NO_WORD || dist < best) && speaker_at(st, k, &at) &&
            (k <= first || last >= k || at.start > wstart(st, k) ||
             ends_soon(st, k))) {
            best = dist;
            found = at;
        }
    }
    if (best != NO_WORD)
        *out = found;
    if (!out->found && reply_writer(st, first, out))
        return;
    /* A quotation that is a sentence or more of its own, and says nobody's:
     * the last speaker named before it goes on ("...," said Kim Hyun Soo, a
     * psychiatrist. "Young people are losing ..."), or for a passage it
     * opens, the passage before's. */
    if (q && !out->found) {
        size_t w0 = first, after = first;
        while (w0 > 0 && wstart(st, w0 - 1) >= q->start)
            w0--;
        while (after < st->nw && wstart(st, after) < q->end)
            after++;
        size_t a, b;
        if ((w0 > 0 && !sentence_ends_before(st, w0, gap_from(st, w0))) ||
            (after < st->nw && !sentence_ends_before(st, after, q->end > 0 ? q->end - 1 : 0)))
            return;
        if (last_named(st, q->start, &a, &b)) {
            out->found = NAMED;
            out->start = wstart(st, a);
            out->end = wend(st, b);
        } else if (w0 == 0) {
            out->found = PRONOUN;
            out->start = q->start;
            out->end = q->start;
        }
    }
}

/* Whether the text holds a quotation mark: a quotation may name its
 * speaker without a verb (a signature's) or go on from the passage
 * before. */
static int any_quote_mark(const char *text, size_t len)
{
    size_t width;
    for (size_t i = 0; i < len; i++)
        if ((text[i] == '"' || text[i] == '\xC2' || text[i] == '\xE2') &&
            quote_mark(text, len, i, &width))
            return 1;
    return 0;
}

/* Reads the text for its speakers into *st (said_text_clear), out
 * cleared: 1; 0 when none of its words reports speech and it holds no
 * quotation (nothing read); -1 when out of memory. */
static int said_open(const char *text, size_t len, const qy_ptoks *pt, int always,
                     said_text *st, qy_said_at *out)
{
    memset(out, 0, sizeof *out);
    if (!always && !any_speech_verb(pt, len) && !any_quote_mark(text, len))
        return 0;
    return said_text_read(text, len, pt, st) == CS_OK ? 1 : -1;
}

cs_status qy_said_find(const char *text, size_t len, const qy_ptoks *pt,
                       size_t start, size_t end, qy_said_at *out)
{
    said_text st;
    int got = said_open(text, len, pt, 0, &st, out);
    if (got <= 0)
        return got < 0 ? CS_NOMEM : CS_OK;
    find_speaker(&st, start, end, out);
    said_text_clear(&st);
    return CS_OK;
}

cs_status qy_said_last(const char *text, size_t len, const qy_ptoks *pt, int person,
                       qy_said_at *out)
{
    said_text st;
    int got = said_open(text, len, pt, person, &st, out);
    if (got <= 0)
        return got < 0 ? CS_NOMEM : CS_OK;
    size_t a, b;
    if (last_named(&st, len, &a, &b) || (person && last_titled(&st, len, &a, &b))) {
        out->found = NAMED;
        out->start = wstart(&st, a);
        out->end = wend(&st, b);
    }
    said_text_clear(&st);
    return CS_OK;
}

/* The speaker's name at [at->start, at->end) of the text `pt` was read
 * from (`read`: src's bytes, or their decoding), as r's said_by: its
 * spaces as one, its bytes and line in src's file. */
static cs_status set_speaker(qy_result *r, const qy_result *src, const qy_ptoks *pt,
                             const char *read, const qy_said_at *at)
{
    char *name = malloc(at->end - at->start + 1);
    if (!name)
        return CS_NOMEM;
    size_t n = 0;
    for (size_t i = at->start; i < at->end; i++) {
        char ch = read[i];
        int space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (!space)
            name[n++] = ch;
        else if (n && name[n - 1] != ' ')
            name[n++] = ' ';
    }
    name[n] = '\0';
    /* A plain file's bytes that are not UTF-8 are Windows-1252 to the
     * analyzer, and so to the name ("Jos\xe9": José). */
    if (!pt->words.text && tx_utf8_check(name, n) < n) {
        char *utf8 = tx_utf8_legacy(name, n, NULL);
        free(name);
        if (!utf8)
            return CS_NOMEM;
        name = utf8;
    }
    size_t from = at->start, to = at->end;
    if (pt->words.start) {
        from = pt->words.start[at->start];
        to = pt->words.end[at->end - 1];
    }
    /* Lines as the passage numbers them (LF, CR LF, a lone CR). */
    unsigned line = src->line_start +
                    tx_count_lines(src->text, from < src->text_len ? from : src->text_len);
    char *cite;
    if (asprintf(&cite, "%s:%u", src->path ? src->path : "", line) < 0) {
        free(name);
        return CS_NOMEM;
    }
    r->said_by = (qy_speaker){name, cite, src->byte_start + from, src->byte_start + to};
    return CS_OK;
}

cs_status qy_said_mark(qy_cand *c, int *need_before)
{
    qy_result *r = &c->r;
    *need_before = 0;
    if (r->nhighlights == 0 || !r->text || r->said_by.name)
        return CS_OK;
    /* Where the words start in the text read: the first word's that
     * starts at the first highlight or after it; and the last word's that
     * a highlight holds. */
    size_t hl = r->highlights[0].start, k = 0;
    while (k < c->pt.n && r->byte_start + c->pt.v[k].start < hl)
        k++;
    if (hl < r->byte_start || k == c->pt.n)
        return CS_OK;
    size_t hl_end = r->highlights[r->nhighlights - 1].end, l = k;
    while (l + 1 < c->pt.n && r->byte_start + c->pt.v[l + 1].start < hl_end)
        l++;
    size_t len;
    const char *read = qy_readable_text(r, &c->pt.words, &len);
    qy_said_at at;
    cs_status rc = qy_said_find(read, len, &c->pt, c->pt.v[k].rstart,
                                c->pt.v[l].rstart > c->pt.v[k].rstart ? c->pt.v[l].rstart
                                                                     : c->pt.v[k].rstart,
                                &at);
    if (rc != CS_OK)
        return rc;
    *need_before = at.found != PRONOUN ? 0 : at.person ? 2 : 1;
    return at.found == NAMED ? set_speaker(r, r, &c->pt, read, &at) : CS_OK;
}

cs_status qy_said_mark_before(tx_analyzer *a, qy_cand *c, const qy_result *before,
                              int need_before)
{
    if (!before->text)
        return CS_OK;
    qy_ptoks pt;
    cs_status rc = qy_ptoks_analyze(a, before, &pt, NULL);
    qy_said_at at = {0};
    size_t len;
    const char *read = qy_readable_text(before, &pt.words, &len);
    if (rc == CS_OK)
        rc = qy_said_last(read, len, &pt, need_before == 2, &at);
    if (rc == CS_OK && at.found == NAMED)
        rc = set_speaker(&c->r, before, &pt, read, &at);
    qy_ptoks_clear(&pt);
    /* (A passage before that cannot be read only leaves "he" unnamed.) */
    return rc == CS_NOMEM ? rc : CS_OK;
}
