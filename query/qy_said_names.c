/* qy_said_names.c - the grammar of names that say who spoke (see
 * qy_said_text.h). */
#include <string.h>

#include "qy_said_text.h"

static const char *const pronouns[] = {"he", "she"};
/* Words with a capital that name no one (the stop words aside). */
static const char *const no_names[] = {
    "another", "everyone", "i",       "i'd", "i'll", "i'm", "i've", "it",  "many", "one",
    "others",  "someone",  "they",    "thou", "we",  "who", "ye",   "you"};

/* Words after which a name says where or of what, not who. */
static const char *const prepositions[] = {
    "about", "after", "against", "among", "at",   "before", "by",  "for",
    "from",  "in",    "into",    "of",    "on",   "over",   "to",  "under",
    "with",  "within"};
/* Titles and other words for a person before or after a name: Finance
 * Minister Delina Ibrahimaj, spokesman Ali Safavi, report author Ronald
 * Schmelzer, the NCIS spokesman, reproductive biologist Roger Gosden,
 * union leader Pieter de Vries, presidential candidate Maria Lopez;
 * sorted. */
static const char *const titles[] = {
    "activist", "adviser", "advisor", "ambassador", "analyst", "astronomer", "attorney",
    "author", "biologist", "candidate", "ceo", "chairman", "chairwoman", "chemist", "chief",
    "columnist", "commander", "commissioner", "counsel", "director", "dr", "economist",
    "editor", "engineer", "executive", "founder", "general", "geologist", "governor",
    "historian", "judge", "lawyer", "leader", "manager", "mayor", "minister", "mr", "mrs",
    "ms", "officer", "official", "physician", "physicist", "premier", "president",
    "professor", "prosecutor", "psychiatrist", "psychologist", "researcher", "scientist",
    "secretary", "senator", "sociologist", "spokesman", "spokesperson", "spokeswoman"};
/* Small words inside a name: Helen van Trearum, Charles de Gaulle. */
static const char *const particles[] = {"al",  "bin", "da", "de", "del", "den", "der",
                                        "di",  "dos", "du", "el", "ibn", "la",  "le",
                                        "ten", "ter", "van", "von"};

/* Words whose full stop ends no sentence (Mr. Rama said). */
static const char *const abbreviations[] = {"dr", "gen", "gov", "jr", "mr", "mrs",
                                            "ms", "no", "prof", "rep", "sen", "sr",
                                            "st", "vs"};

static const char *const articles[] = {"a", "an", "the"};

/* Nouns for a body of people that "the" names again after its name:
 * the group, the society, the company. */
static const char *const bodies[] = {
    "agency",       "association",  "bank",     "commission", "committee",
    "company",      "council",      "department", "firm",     "group",
    "ministry",     "organisation", "organization", "party",  "society",
    "union"};

int qy_name_joins(const said_text *st, size_t i)
{
    size_t from = wend(st, i - 1), to = wstart(st, i);
    const char *t = st->text;
    if (qy_said_space_only(t, from, to))
        return 1;
    if (to - from == 1 && (t[from] == '-' || t[from] == '\''))
        return 1;
    if (to - from == 3 && memcmp(t + from, "\xE2\x80\x99", 3) == 0)
        return 1;
    /* Initials without a space, and an initial before a surname so: N.B.,
     * Craig R.Hughes. */
    if (to - from == 1 && t[from] == '.' && wend(st, i - 1) - wstart(st, i - 1) == 1 &&
        (wend(st, i) - wstart(st, i) == 1 || (flags(st, i) & TX_CAPITAL)))
        return 1;
    /* (Not an initial's point before a title: West Orange, N.J. Mr.
     * Waller said.) */
    return t[from] == '.' &&
           (wend(st, i - 1) - wstart(st, i - 1) == 1 ||
            QY_ONE_OF(term(st, i - 1), abbreviations)) &&
           qy_said_space_only(t, from + 1, to) &&
           !(wend(st, i - 1) - wstart(st, i - 1) == 1 && QY_ONE_OF(term(st, i), titles));
}

/* How many of a name's small words start at word i with a name's word
 * after them (van in Helen van Trearum; de la in Hélène de la Roche; al
 * in Karim al-Masri, joined by a hyphen), 0 when none do. */
static size_t particles_at(const said_text *st, size_t i)
{
    size_t n = 0;
    while (n < 2 && i + n + 1 < st->nw && !(flags(st, i + n) & TX_CAPITAL) &&
           QY_ONE_OF(term(st, i + n), particles) && (n == 0 || qy_said_spaced(st, i + n)))
        n++;
    if (n == 0 || i + n >= st->nw || !(flags(st, i + n) & TX_CAPITAL) ||
        (flags(st, i + n) & TX_STOP) || !qy_name_joins(st, i + n) ||
        qy_said_in_quote(st, wstart(st, i)) != qy_said_in_quote(st, wstart(st, i + n)))
        return 0;
    return n;
}

size_t qy_name_end(const said_text *st, size_t f)
{
    size_t l = f, n;
    for (;;) {
        if (l + 1 < st->nw && l - f + 1 < NAME_WORDS && (flags(st, l + 1) & TX_CAPITAL) &&
            qy_name_joins(st, l + 1))
            l++;
        else if (l + 2 < st->nw && qy_name_joins(st, l + 1) &&
                 (n = particles_at(st, l + 1)) > 0 && l - f + n + 1 < NAME_WORDS)
            l += n + 1;
        else
            return l;
    }
}

/* Whether word i is a time zone written in capitals (CET, EDT), as mail
 * writes one before the writer's name. */
static int time_zone(const said_text *st, size_t i)
{
    static const char *const zones[] = {"bst", "cdt", "cest", "cet",  "cst", "edt", "eest",
                                        "eet", "est", "gmt",  "jst",  "mdt", "mest", "met",
                                        "mst", "pdt", "pst",  "utc"};
    for (size_t p = wstart(st, i); p < wend(st, i); p++)
        if (st->text[p] < 'A' || st->text[p] > 'Z')
            return 0;
    return QY_ONE_OF(term(st, i), zones);
}

int qy_name_back(const said_text *st, size_t last, size_t *first)
{
    /* (A name's last part may be in small letters after a hyphen:
     * Lao-tzu.) */
    int tail = last > 0 && (flags(st, last - 1) & TX_CAPITAL) &&
               wstart(st, last) == wend(st, last - 1) + 1 && st->text[wend(st, last - 1)] == '-';
    if (!((flags(st, last) & TX_CAPITAL) || tail) || qy_said_in_quote(st, wstart(st, last)))
        return 0;
    size_t f = last;
    for (;;) {
        if (f > 0 && last - f + 1 < NAME_WORDS && (flags(st, f - 1) & TX_CAPITAL) &&
            qy_name_joins(st, f) && !qy_said_in_quote(st, wstart(st, f - 1)))
            f--;
        else {
            /* Small words before the name's word: van in Helen van
             * Trearum, de la in Hélène de la Roche; or which start a
             * surname said alone: van der Berg said, al-Hashimi said. */
            size_t n = 0;
            while (n < 2 && f > n && particles_at(st, f - n - 1) == n + 1)
                n++;
            if (n == 0 || last - f + n + 1 >= NAME_WORDS)
                break;
            if (f > n && (flags(st, f - n - 1) & TX_CAPITAL) && qy_name_joins(st, f - n) &&
                !qy_said_in_quote(st, wstart(st, f - n - 1))) {
                f -= n + 1;
                continue;
            }
            if (f == last)
                f -= n;
            break;
        }
    }
    /* (A date's short form alone is a name: Sun said.  A time zone in
     * capitals is none: On Sat, 7 Sep 2002 10:41:45 CET John Rudd
     * wrote:.) */
    while (f <= last && ((flags(st, f) & TX_STOP) ||
                         (qy_name_date(term(st, f)) && (f < last || strlen(term(st, f)) > 3)) ||
                         (f < last && time_zone(st, f))))
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
     * United States announced, the commander in Iraq declared; but one
     * after a quotation that ends in one is ("... what it is all about,"
     * Ms Kenworthy said). */
    size_t p = f;
    if (p > 0 && (strcmp(term(st, p - 1), "the") == 0 || strcmp(term(st, p - 1), "a") == 0) &&
        qy_said_spaced(st, p))
        p--;
    /* (After and before join a clause when a verb of speech follows the
     * name: hours after Ekdahl called it "a disaster".) */
    int clause = p == f && p > 0 && last + 1 < st->nw && st->verb[last + 1] &&
                 qy_said_spaced(st, last + 1) &&
                 (strcmp(term(st, p - 1), "after") == 0 || strcmp(term(st, p - 1), "before") == 0);
    /* (Not after a noun with "the" or "a" before it that is no time's: the
     * report before Congress said, the case before Judge Lind states; a
     * day after Ekdahl said is a clause.) */
    static const char *const times[] = {
        "day", "days", "hour", "hours", "minute", "minutes", "moment", "moments",
        "week", "weeks", "month", "months", "year", "years", "night", "morning",
        "evening", "afternoon", "decade", "time", "while", "fortnight"};
    if (clause && p >= 3 && qy_said_spaced(st, p - 1) && qy_said_spaced(st, p - 2) &&
        (strcmp(term(st, p - 3), "the") == 0 || strcmp(term(st, p - 3), "a") == 0 ||
         strcmp(term(st, p - 3), "an") == 0) &&
        !QY_ONE_OF(term(st, p - 2), times))
        clause = 0;
    if (p > 0 && QY_ONE_OF(term(st, p - 1), prepositions) && qy_said_spaced(st, p) && !clause)
        return 0;
    *first = f;
    return 1;
}

size_t qy_name_mention(const said_text *st, size_t l)
{
    size_t f = l;
    while (f > 0 && l - f + 1 < NAME_WORDS && (flags(st, f - 1) & TX_CAPITAL) &&
           qy_name_joins(st, f))
        f--;
    while (f <= l && (flags(st, f) & TX_STOP))
        f++;
    return f;
}

int qy_name_possessive(const said_text *st, size_t k)
{
    const char *t = term(st, k);
    size_t len = strlen(t);
    return (flags(st, k) & TX_CAPITAL) && !(flags(st, k) & TX_STOP) && len > 3 &&
           strcmp(t + len - 2, "'s") == 0 && !QY_ONE_OF(t, pronouns);
}


int qy_name_phrase(const said_text *st, size_t last, size_t verb, size_t *first)
{
    if (!(st->verb[verb] & VERB_PHRASE))
        return 0;
    /* (A preposition after the verb says it reports no speech: the
     * progress noted in; but for where or how after a quotation: "...,"
     * the ministry said in a statement, on Tuesday, at a briefing.) */
    int preposition = verb + 1 < st->nw && QY_ONE_OF(term(st, verb + 1), prepositions) &&
                      !(verb + 2 < st->nw && qy_is_date_word(term(st, verb + 2)));
    int where = verb + 1 < st->nw && (strcmp(term(st, verb + 1), "in") == 0 ||
                                      strcmp(term(st, verb + 1), "on") == 0 ||
                                      strcmp(term(st, verb + 1), "at") == 0);
    size_t f = last;
    while (f > 0 && last - f < 3 && !(flags(st, f) & (TX_CAPITAL | TX_STOP | TX_NUMBER)) &&
           qy_said_spaced(st, f) && !qy_said_in_quote(st, wstart(st, f)))
        if (strcmp(term(st, --f), "the") == 0)
            break;
    if (f == last || qy_said_in_quote(st, wstart(st, f)))
        return 0;
    /* Or a name's possessive in place of "the": Albania's parliament
     * said, Iran's foreign ministry denied. */
    size_t head = f;
    if (strcmp(term(st, f), "the") != 0 &&
        !(qy_name_possessive(st, f) && qy_name_back(st, f, &head)))
        return 0;
    for (size_t i = f + 1; i <= last; i++)
        if ((flags(st, i) & (TX_CAPITAL | TX_STOP | TX_NUMBER)) ||
            QY_ONE_OF(term(st, i), prepositions) || QY_ONE_OF(term(st, i), no_names))
            return 0;
    if (!qy_said_clause_start(st, head) ||
        (preposition && !(where && head > 0 && qy_said_gap_has(st, head, 0) &&
                          qy_said_gap_has(st, head, ','))))
        return 0;
    *first = head;
    return 1;
}

int qy_name_adverb(const char *t)
{
    size_t n = strlen(t);
    return n > 4 && strcmp(t + n - 2, "ly") == 0 && strcmp(t, "family") != 0 &&
           strcmp(t, "supply") != 0;
}

/* A name set off by a comma after the description that ends at word l,
 * and which ends its clause, in [*from, *last]: said the Dutch delegate,
 * Pieter van den Heuvel; said the company's chief executive, Birgitta
 * Holm, in an interview. */
static int apposed_name(const said_text *st, size_t l, size_t *from, size_t *last)
{
    size_t s = l + 1;
    if (s >= st->nw || !qy_said_gap_has(st, s, ',') || qy_said_gap_has(st, s, 0) ||
        qy_said_in_quote(st, wstart(st, s)))
        return 0;
    size_t w = s + particles_at(st, s);
    if (!(flags(st, w) & TX_CAPITAL) || (flags(st, w) & TX_STOP) ||
        QY_ONE_OF(term(st, w), no_names) || QY_ONE_OF(term(st, w), pronouns) ||
        QY_ONE_OF(term(st, w), titles))
        return 0;
    size_t e = qy_name_end(st, w);
    /* (A name of a person, not a town's before its country: said the
     * mayor, Zutphen, Netherlands is none.) */
    if (e == w && w == s)
        return 0;
    if (qy_name_possessive(st, e))
        return 0;
    if (e + 1 < st->nw && !qy_said_gap_has(st, e + 1, ',') && !qy_said_gap_has(st, e + 1, '.') &&
        !qy_said_gap_has(st, e + 1, ';'))
        return 0;
    if (e + 1 == st->nw && wend(st, e) < st->len && !strchr(".,;", st->text[wend(st, e)]))
        return 0;
    *from = s;
    *last = e;
    return 1;
}

int qy_name_fwd(const said_text *st, size_t first, int phrase, size_t *from,
                size_t *last)
{
    size_t f = first;
    int the = strcmp(term(st, f), "the") == 0;
    if (the && f + 1 < st->nw && (flags(st, f + 1) & TX_CAPITAL) && qy_name_joins(st, f + 1))
        f++;
    /* A person's title in small letters before the name: said report
     * author Ronald Schmelzer. */
    for (size_t t = f; !the && t < f + 2 && t + 1 < st->nw && qy_said_spaced(st, t + 1) &&
                       !(flags(st, t) & (TX_CAPITAL | TX_STOP | TX_NUMBER));
         t++)
        if (QY_ONE_OF(term(st, t), titles) && (flags(st, t + 1) & TX_CAPITAL) &&
            !(flags(st, t + 1) & TX_STOP)) {
            f = t + 1;
            break;
        }
    /* (A surname said alone may start with its small words: said van
     * der Berg, said al-Hashimi.) */
    size_t lead = the ? 0 : particles_at(st, f);
    if ((flags(st, f) & TX_CAPITAL) || lead) {
        if ((flags(st, f + lead) & TX_STOP) || QY_ONE_OF(term(st, f + lead), no_names))
            return 0;
        size_t l = qy_name_end(st, f + lead);
        /* A title after the name, and maybe a name after it: the NCIS
         * spokesman; Ikea spokeswoman Helen van Trearum. */
        if (l + 1 < st->nw && qy_said_spaced(st, l + 1) && !(flags(st, l + 1) & TX_CAPITAL) &&
            QY_ONE_OF(term(st, l + 1), titles)) {
            size_t t = l + 1;
            /* (Documentum president and CEO Dave DeWalt.) */
            if (t + 2 < st->nw && strcmp(term(st, t + 1), "and") == 0 &&
                qy_said_spaced(st, t + 1) && qy_said_spaced(st, t + 2) &&
                (flags(st, t + 2) & TX_CAPITAL))
                t++;
            if (t + 1 < st->nw && qy_said_spaced(st, t + 1) && (flags(st, t + 1) & TX_CAPITAL) &&
                !(flags(st, t + 1) & TX_STOP) && !QY_ONE_OF(term(st, t + 1), no_names)) {
                *from = t + 1;
                *last = qy_name_end(st, t + 1);
            } else if (!(phrase && apposed_name(st, t, from, last))) {
                /* (Or the name set off after it: said Berg's spokesman,
                 * Tom Lind.) */
                *from = the ? first : f;
                *last = t;
            }
            return 1;
        }
        /* A name that qualifies the word after it is no speaker:
         * according to the George Washington documentary (but an
         * adverb may follow: said Bildad steadily). */
        if (l + 1 < st->nw && !(flags(st, l + 1) & (TX_STOP | TX_CAPITAL)) &&
            qy_said_spaced(st, l + 1) &&
            !qy_name_adverb(term(st, l + 1))) {
            /* (Unless the words are a description, its name after it: said
             * the Jordanian envoy, Abdullah al-Hashimi; said Ekdahl's
             * rival, Anna Berg.) */
            size_t d = l + 1;
            while (phrase && d + 1 < st->nw && d - l < 3 && qy_said_spaced(st, d + 1) &&
                   !(flags(st, d + 1) & (TX_STOP | TX_CAPITAL)) && !st->verb[d + 1])
                d++;
            return (the || qy_name_possessive(st, l)) && phrase && apposed_name(st, d, from, last);
        }
        *from = f;
        *last = l;
        return 1;
    }
    if (!the || !phrase)
        return 0;
    size_t l = f;
    while (l + 1 < st->nw && l - f < 3 && qy_said_spaced(st, l + 1) &&
           !(flags(st, l + 1) & TX_STOP) && !st->verb[l + 1] &&
           strcmp(term(st, l + 1), "which") != 0)
        l++;
    if (l == f)
        return 0;
    /* Or the name after it, set off by a comma: said the Dutch delegate,
     * Pieter van den Heuvel. */
    if (apposed_name(st, l, from, last))
        return 1;
    /* And the name it is of: the team from Carnegie Mellon University. */
    if (l + 2 < st->nw && qy_said_spaced(st, l + 1) && qy_said_spaced(st, l + 2) &&
        (strcmp(term(st, l + 1), "from") == 0 || strcmp(term(st, l + 1), "of") == 0) &&
        (flags(st, l + 2) & TX_CAPITAL) && !(flags(st, l + 2) & TX_STOP))
        l = qy_name_end(st, l + 2);
    *from = f;
    *last = l;
    return 1;
}

int qy_name_titled(const said_text *st, size_t last, size_t *first)
{
    if (last < 2 || (flags(st, last) & TX_CAPITAL) || !QY_ONE_OF(term(st, last), titles) ||
        !qy_said_spaced(st, last) || qy_said_in_quote(st, wstart(st, last)))
        return 0;
    size_t f = last;
    while (f > 0 && last - f < 3 && (flags(st, f - 1) & TX_CAPITAL) &&
           !(flags(st, f - 1) & TX_STOP) && qy_said_spaced(st, f))
        f--;
    if (f == last || f == 0 || !qy_said_spaced(st, f) || !QY_ONE_OF(term(st, f - 1), articles))
        return 0;
    size_t head = f - 1;
    if (!qy_said_clause_start(st, head))
        return 0;
    *first = head;
    return 1;
}

int qy_name_apposition(const said_text *st, size_t i)
{
    static const char *const starts[] = {"a", "an", "one", "the", "who", "whose"};
    return QY_ONE_OF(term(st, i), starts) || qy_name_possessive(st, i) ||
           QY_ONE_OF(term(st, i), titles);
}

int qy_name_described(const said_text *st, const char *noun, size_t end, size_t *na,
                      size_t *nb)
{
    for (size_t i = end; i-- > 0;) {
        if (qy_said_in_quote(st, wstart(st, i)) || strcmp(term(st, i), noun) != 0)
            continue;
        size_t f;
        if ((flags(st, i) & TX_CAPITAL) && (f = qy_name_mention(st, i)) < i) {
            *na = f;
            *nb = i;
            return 1;
        }
        if (!(flags(st, i) & TX_CAPITAL) && i + 2 < end && qy_said_spaced(st, i + 1) &&
            qy_said_spaced(st, i + 2) &&
            (strcmp(term(st, i + 1), "called") == 0 || strcmp(term(st, i + 1), "named") == 0) &&
            (flags(st, i + 2) & TX_CAPITAL) && !(flags(st, i + 2) & TX_STOP)) {
            *na = i + 2;
            *nb = qy_name_end(st, i + 2);
            return 1;
        }
    }
    return 0;
}

int qy_name_date(const char *t)
{
    static const char *const short_forms[] = {"sept", "thur", "thurs", "tues"};
    size_t n = strlen(t);
    return qy_is_date_word(t) &&
           (n == 3 || QY_ONE_OF(t, short_forms) || qy_date_word_whole(t));
}

int qy_name_body(const char *t)
{
    return QY_ONE_OF(t, bodies);
}

int qy_name_pronoun(const char *t)
{
    return QY_ONE_OF(t, pronouns);
}

int qy_name_no_one(const char *t)
{
    return QY_ONE_OF(t, no_names);
}

int qy_name_preposition(const char *t)
{
    return QY_ONE_OF(t, prepositions);
}

int qy_name_title(const char *t)
{
    return QY_ONE_OF(t, titles);
}

int qy_name_article(const char *t)
{
    return QY_ONE_OF(t, articles);
}

int qy_name_abbreviation(const char *t)
{
    return QY_ONE_OF(t, abbreviations);
}
