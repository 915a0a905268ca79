/* qy_mark.c - what a candidate passage shows and how well it states a
 * claim: highlights, match kind, unsupported words, coverage and
 * proximity (see qy_cand.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qy_cand.h"
#include "qy_readable.h"
#include "schema.h"


typedef struct spans {
    qy_span *v;
    size_t n, cap;
    int nomem;
} spans;

static void spans_add(spans *s, size_t start, size_t end)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        qy_span *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            s->nomem = 1;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = (qy_span){start, end};
}

static int cmp_span(const void *a, const void *b)
{
    const qy_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Sorts and merges overlapping spans. */
static void spans_normalize(spans *s)
{
    if (s->n == 0)
        return;
    qsort(s->v, s->n, sizeof *s->v, cmp_span);
    size_t out = 0;
    for (size_t i = 1; i < s->n; i++) {
        if (s->v[i].start < s->v[out].end) {
            if (s->v[i].end > s->v[out].end)
                s->v[out].end = s->v[i].end;
        } else {
            s->v[++out] = s->v[i];
        }
    }
    s->n = out + 1;
}

/* Finds the occurrences of one phrase variant among the positional
 * tokens; returns how many were added to `out`. */
/* Whether `seq` stands in the passage from word i on (i a word of its
 * own, not a compound's joined form); *last its last word. */
static int sequence_at(const qy_ptoks *pt, const qy_strv *seq, size_t i,
                       size_t *last)
{
    if (seq->n == 0 || (pt->v[i].flags & TX_JOINED))
        return 0;
    size_t j = i, k = 0;
    while (j < pt->n && k < seq->n) {
        if (pt->v[j].flags & TX_JOINED) {
            j++;
            continue;
        }
        if (strcmp(QY_PTERM(pt, j), seq->v[k]) != 0)
            break;
        j++;
        k++;
    }
    if (k < seq->n)
        return 0;
    *last = j - 1;
    while (pt->v[*last].flags & TX_JOINED)
        (*last)--;
    return 1;
}

static size_t find_sequence(const qy_ptoks *pt, const qy_strv *seq, spans *out)
{
    size_t found = 0, last;
    for (size_t i = 0; i < pt->n; i++)
        if (sequence_at(pt, seq, i, &last)) {
            /* A compound's joined form spans its parts: a match starts
             * at a word of its own. */
            spans_add(out, pt->v[i].start, pt->v[last].end);
            found++;
        }
    return found;
}

/* Whether a quotation's parts between ellipses stand in the passage in
 * their order, each after the one before: "before the winter comes ...
 * we will rebuild" is no verbatim quote of "We will rebuild ... before
 * the winter comes". */
static int parts_in_order(const qy_plan *plan, const qy_ptoks *pt)
{
    size_t from = 0;
    for (size_t p = 0; p < plan->nphrases; p++) {
        const qy_phrase_plan *pp = &plan->phrases[p];
        if (pp->mod == QY_EXCLUDED)
            continue;
        /* The occurrence that ends first leaves the most to the rest. */
        size_t next = SIZE_MAX, last;
        for (size_t v = 0; v < pp->nvariants; v++)
            for (size_t i = from; i < pt->n; i++)
                if (sequence_at(pt, &pp->variants[v], i, &last)) {
                    if (last + 1 < next)
                        next = last + 1;
                    break;
                }
        if (next == SIZE_MAX)
            return 0;
        from = next;
    }
    return 1;
}

/* Whether passage words k and k+1 are claim word qw written as two
 * words ("cyber attacks" for cyberattacks). */
static int split_at(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    return qw->split_head && k + 1 < pt->n &&
           strcmp(QY_PTERM(pt, k), qw->split_head) == 0 &&
           strcmp(QY_PSTEM(pt, k + 1), qw->split_tail) == 0;
}

/* Whether passage word k is the acronym, in capitals, that claim word
 * qw's run of names spells (PMOI for Mojahedin). */
static int acronym_written_at(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    return qw->acronym && (pt->v[k].flags & QY_PT_CAPITALS) &&
           strcmp(QY_PTERM(pt, k), qw->acronym) == 0;
}

/* Whether passage word k is claim word qw as the query writes it: the
 * same stem, the stem of its compound's joined form, or its two words. */
static inline int written_at(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    /* Every passage word against every claim word: the first byte
     * first, which tells most pairs apart without a call. */
    const char *stem = QY_PSTEM(pt, k);
    return (stem[0] == qw->stem[0] && strcmp(stem, qw->stem) == 0 &&
            (!qw->exact || strcmp(QY_PTERM(pt, k), qw->term) == 0)) ||
           (qw->joined_stem && stem[0] == qw->joined_stem[0] &&
            strcmp(stem, qw->joined_stem) == 0) ||
           split_at(qw, pt, k);
}

/* The run of names in the passage that spells acronym qw (tx_initials.h)
 * and holds passage word k (any run when k is SIZE_MAX), or NULL. */
static const qy_prun *spelled_at(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    for (size_t r = 0; r < pt->nruns; r++)
        if ((k == SIZE_MAX || (pt->runs[r].start <= pt->v[k].start &&
                               pt->v[k].end <= pt->runs[r].end)) &&
            strcmp(pt->runs[r].letters, qw->term) == 0)
            return &pt->runs[r];
    return NULL;
}

/* Whether passage word i (any word when i is SIZE_MAX) is the acronym
 * that claim word qw's names spell, or a name of a run that spells qw.
 * Not inlined: word_at, which few of whose calls get here, is called for
 * every claim word and passage word, and inlined where it is. */
__attribute__((noinline)) static int acronym_of_at(const qy_word *qw, const qy_ptoks *pt,
                                                   size_t i)
{
    if (qw->initials && spelled_at(qw, pt, i))
        return 1;
    size_t from = i == SIZE_MAX ? 0 : i, to = i == SIZE_MAX ? pt->n : i + 1;
    for (size_t k = from; qw->acronym && k < to; k++)
        if (acronym_written_at(qw, pt, k))
            return 1;
    return 0;
}

/* Whether claim word qw is passage word k as written or in one of its
 * respellings. */
static inline int written_or_respelt_at(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    const char *stem = QY_PSTEM(pt, k);
    return written_at(qw, pt, k) ||
           (qw->alts.n && qy_strv_has(&qw->alts, stem, strlen(stem)));
}

/* Non-zero when claim word w is supported by passage word i (any word
 * when i is SIZE_MAX): as written, one of its respellings, or by an
 * acronym (acronym_of_at).  The claim's measure asks it of every claim
 * word and passage word: the acronyms, which few words have, are looked
 * at apart. */
/* Whether passage word k's currency sign, if any, is claim word qw's,
 * if it has one: "$3 million" is not supported by "€3 million". */
static inline int same_currency(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    return !qw->sign_currency || !pt->v[k].currency ||
           (qw->sign_currency & pt->v[k].currency);
}

static inline int word_at(const qy_plan *plan, size_t w, const qy_ptoks *pt, size_t i)
{
    const qy_word *qw = &plan->words[w];
    if (i != SIZE_MAX)
        return (written_or_respelt_at(qw, pt, i) && same_currency(qw, pt, i)) ||
               ((qw->initials || qw->acronym) && acronym_of_at(qw, pt, i));
    for (size_t k = 0; k < pt->n; k++)
        if (written_or_respelt_at(qw, pt, k) && same_currency(qw, pt, k))
            return 1;
    return (qw->initials || qw->acronym) && acronym_of_at(qw, pt, SIZE_MAX);
}

/* Endings that make a place's name the word for its people and things:
 * Albania -> Albanian, Iran -> Iranian, Japan -> Japanese, Israel ->
 * Israeli; China -> Chinese and Italy -> Italian end the name's last
 * vowel first. */
static const char *const people_endings[] = {"n", "an", "ian", "ese", "i"};
/* Shorter names (Oman, Iran are four) would meet too many words. */
#define PLACE_MIN_LEN 4

/* Places whose people's word the endings do not make. */
static const struct {
    const char *place, *people;
} people_words[] = {
    {"afghanistan", "afghan"},  {"belgium", "belgian"},  {"britain", "british"},
    {"congo", "congolese"},     {"cyprus", "cypriot"},   {"denmark", "danish"},
    {"england", "english"},     {"finland", "finnish"},  {"france", "french"},
    {"germany", "german"},      {"greece", "greek"},     {"holland", "dutch"},
    {"iceland", "icelandic"},   {"ireland", "irish"},    {"kosovo", "kosovar"},
    {"lebanon", "lebanese"},    {"netherlands", "dutch"}, {"norway", "norwegian"},
    {"peru", "peruvian"},       {"philippines", "filipino"},
    {"poland", "polish"},       {"portugal", "portuguese"},
    {"scotland", "scottish"},   {"spain", "spanish"},    {"sweden", "swedish"},
    {"switzerland", "swiss"},   {"thailand", "thai"},    {"turkey", "turkish"},
    {"wales", "welsh"}};

/* Whether `people` is `word` or its plural (French, Germans). */
static int word_or_plural(const char *people, const char *word)
{
    size_t n = strlen(word);
    return strncmp(people, word, n) == 0 &&
           (people[n] == '\0' || (people[n] == 's' && people[n + 1] == '\0'));
}

/* Whether normalized word `people` is the word for the people or things
 * of place `place` (Albanians of albania, chinese of china, french of
 * france). */
static int people_of(const char *place, const char *people)
{
    /* Only the table pairs words of two first letters (Holland and the
     * Netherlands with Dutch, the Philippines with Filipino): any other
     * two part at once (this is asked of every name of many passages). */
    if (place[0] != people[0] && place[0] != 'h' && place[0] != 'n' && place[0] != 'p')
        return 0;
    for (size_t k = 0; k < sizeof people_words / sizeof *people_words; k++)
        if (place[0] == people_words[k].place[0] &&
            strcmp(place, people_words[k].place) == 0)
            return word_or_plural(people, people_words[k].people);
    /* They share three letters at least: most words part at once. */
    if (place[0] != people[0] || place[0] == '\0' || place[1] != people[1])
        return 0;
    size_t pl = strlen(place), ql = strlen(people);
    if (pl < PLACE_MIN_LEN)
        return 0;
    if (ql > pl + 1 && people[ql - 1] == 's') /* Albanians */
        ql--;
    for (size_t cut = 0; cut <= 1; cut++) {
        if (cut && !strchr("aeoy", place[pl - 1]))
            break;
        size_t keep = pl - cut;
        if (ql <= keep || strncmp(place, people, keep) != 0)
            continue;
        for (size_t e = 0; e < sizeof people_endings / sizeof *people_endings; e++)
            if (strlen(people_endings[e]) == ql - keep &&
                memcmp(people + keep, people_endings[e], ql - keep) == 0)
                return 1;
    }
    return 0;
}

/* Normalized word `term` without its possessive ending (albania's,
 * iranians': albania, iranians), in `buf` when it has one; else `term`. */
static const char *unpossessed(const char *term, char *buf, size_t cap)
{
    size_t n = strlen(term);
    size_t keep = n > 2 && term[n - 2] == '\'' && term[n - 1] == 's' ? n - 2
                  : n > 2 && term[n - 1] == '\'' && term[n - 2] == 's' ? n - 1
                                                                       : n;
    if (keep == n || keep >= cap)
        return term;
    memcpy(buf, term, keep);
    buf[keep] = '\0';
    return buf;
}

/* Whether the passage names claim word w's place by its people, or its
 * people by their place: "Albanian government" says Albania to a reader,
 * and "the government of Albania" says Albanian.  Both must be written as
 * names ("median" is not the people of "media"), and neither a month
 * (Julian is not of July). */
static int people_at(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    if (!plan->words[w].name)
        return 0;
    char nbuf[CS_MAX_TERM + 1], tbuf[CS_MAX_TERM + 1];
    const char *name = unpossessed(plan->words[w].name, nbuf, sizeof nbuf);
    for (size_t k = 0; k < pt->n; k++) {
        if (!(pt->v[k].flags & TX_CAPITAL))
            continue;
        const char *term = unpossessed(QY_PTERM(pt, k), tbuf, sizeof tbuf);
        if ((people_of(name, term) || people_of(term, name)) &&
            !qy_is_date_word(term))
            return 1;
    }
    return 0;
}

/* Whether normalized word `term` (without a possessive) names America
 * or its people. */
static int america_word(const char *term)
{
    return strcmp(term, "america") == 0 || strcmp(term, "american") == 0 ||
           strcmp(term, "americans") == 0;
}

/* The words before America that make it a continent's (South America,
 * Latin America), not the United States. */
static const char *const continent_parts[] = {"central", "latin", "north", "south"};

/* Whether `written` is the United States' acronym as written: in
 * capitals, with or without dots (US, USA, U.S., U.S.A.). */
static int us_written(const char *written, size_t len)
{
    char letters[4];
    size_t n = 0;
    for (size_t i = 0; i < len && written[i] != '\''; i++) {
        if (written[i] == '.')
            continue;
        if (written[i] < 'A' || written[i] > 'Z' || n == 3)
            return 0;
        letters[n++] = written[i];
    }
    return (n == 2 && memcmp(letters, "US", 2) == 0) ||
           (n == 3 && memcmp(letters, "USA", 3) == 0);
}

/* Whether a run of the passage's names spells US or USA (United States,
 * United States of America). */
static int america_runs(const qy_ptoks *pt)
{
    for (size_t r = 0; r < pt->nruns; r++)
        if (strcmp(pt->runs[r].letters, "us") == 0 || strcmp(pt->runs[r].letters, "usa") == 0)
            return 1;
    return 0;
}

/* Whether passage word k is US or USA in capitals, or written with dots
 * (U.S.: more bytes than its word), not the pronoun "Us". */
static int us_at(const qy_ptoks *pt, size_t k)
{
    const char *term = QY_PTERM(pt, k);
    return (strcmp(term, "us") == 0 || strcmp(term, "usa") == 0) &&
           ((pt->v[k].flags & (QY_PT_CAPITALS | QY_PT_TWO_CAPITALS)) ||
            pt->v[k].end - pt->v[k].start > strlen(term));
}

/* Whether the passage names the United States: "United States" (a run
 * of names that spells US or USA), US, USA or U.S. written so, or
 * America or American(s), not a continent's. */
static int united_states_at(const qy_ptoks *pt)
{
    if (america_runs(pt))
        return 1;
    char buf[CS_MAX_TERM + 1];
    for (size_t k = 0; k < pt->n; k++)
        if ((pt->v[k].flags & TX_CAPITAL) &&
            (us_at(pt, k) ||
             (america_word(unpossessed(QY_PTERM(pt, k), buf, sizeof buf)) &&
              !(k > 0 && QY_ONE_OF(QY_PTERM(pt, k - 1), continent_parts)))))
            return 1;
    return 0;
}

/* Whether the passage names the United States as claim word w does
 * otherwise: the claim's America, American(s), US, USA or U.S.
 * (qy_word_place gives each Washington for its capital) by any other of
 * those names (united_states_at).  Not a continent's America. */
static int america_at(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const qy_word *qw = &plan->words[w];
    if (!qw->capital_of || strcmp(qw->capital_of, "washington") != 0 ||
        (w > 0 && QY_ONE_OF(plan->words[w - 1].term, continent_parts)))
        return 0;
    return united_states_at(pt);
}

/* Capitals that news names for their countries' governments ("Tehran
 * dismissed the accusations", "Washington imposed sanctions"), with the
 * country's name as people_of reads it ("america": america_at's). */
static const struct {
    const char *capital, *country;
} capitals[] = {
    {"ankara", "turkey"},     {"athens", "greece"},      {"baghdad", "iraq"},
    {"beijing", "china"},     {"belgrade", "serbia"},    {"berlin", "germany"},
    {"cairo", "egypt"},       {"damascus", "syria"},     {"havana", "cuba"},
    {"islamabad", "pakistan"}, {"kabul", "afghanistan"}, {"kyiv", "ukraine"},
    {"kiev", "ukraine"},      {"london", "britain"},     {"madrid", "spain"},
    {"moscow", "russia"},     {"ottawa", "canada"},      {"paris", "france"},
    {"podgorica", "montenegro"}, {"pristina", "kosovo"}, {"rome", "italy"},
    {"skopje", "macedonia"},  {"tehran", "iran"},        {"tirana", "albania"},
    {"tokyo", "japan"},       {"warsaw", "poland"},      {"washington", "america"}};

/* The country of capital `term`, or NULL. */
static const char *country_of(const char *term)
{
    for (size_t i = 0; i < sizeof capitals / sizeof *capitals; i++)
        if (term[0] == capitals[i].capital[0] && strcmp(term, capitals[i].capital) == 0)
            return capitals[i].country;
    return NULL;
}

/* Whether normalized word `term` names country `country` or its people
 * (america: America, American, Americans). */
static int names_country(const char *country, const char *term)
{
    if (strcmp(country, "america") == 0)
        return america_word(term);
    return strcmp(country, term) == 0 || people_of(country, term);
}

/* Whether passage word k is a name alone, no part of a longer one
 * (Washington, not George Washington or the Washington Post). */
static int name_alone_at(const qy_ptoks *pt, size_t k)
{
    return (pt->v[k].flags & TX_CAPITAL) &&
           !(k > 0 && (pt->v[k - 1].flags & TX_CAPITAL) && !(pt->v[k - 1].flags & TX_STOP)) &&
           !(k + 1 < pt->n && (pt->v[k + 1].flags & TX_CAPITAL) && !(pt->v[k + 1].flags & TX_STOP));
}

void qy_word_place(qy_word *w)
{
    w->country_of = w->capital_of = NULL;
    if (!w->name)
        return;
    char buf[CS_MAX_TERM + 1];
    const char *name = unpossessed(w->name, buf, sizeof buf);
    if ((w->country_of = country_of(name)))
        return;
    for (size_t i = 0; i < sizeof capitals / sizeof *capitals && !w->capital_of; i++)
        if (names_country(capitals[i].country, name))
            w->capital_of = capitals[i].capital;
    if (!w->capital_of && us_written(w->text, strlen(w->text)))
        w->capital_of = "washington";
}

/* Whether the claim word beside claim word w (`side` -1 before, 1 after,
 * among its content words) is a name that makes w part of a longer one
 * (George Washington, the Washington Post; not "Iran and Washington"). */
static int part_of_name(const qy_plan *plan, size_t w, int side)
{
    if ((side < 0 && w == 0) || (side > 0 && w + 1 >= plan->nwords))
        return 0;
    const qy_word *o = &plan->words[side < 0 ? w - 1 : w + 1];
    return o->name && !o->country_of && !o->capital_of;
}

/* Whether the passage names claim word w's country by its capital, or
 * its capital by the country, as news names a government: the claim's
 * Tehran by Iran or Iranian, its Washington by America, the United
 * States or US (america_at), its Iran by Tehran.  Names alone only, in
 * the claim and in the passage, and not a place the claim is in or near
 * (qy_word.placed: which no other place is). */
static int capital_at(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const qy_word *qw = &plan->words[w];
    if ((!qw->country_of && !qw->capital_of) || qw->placed ||
        part_of_name(plan, w, -1) || part_of_name(plan, w, 1))
        return 0;
    /* Washington's country by any of its names (united_states_at). */
    if (qw->country_of && strcmp(qw->country_of, "america") == 0)
        return united_states_at(pt);
    for (size_t k = 0; k < pt->n; k++) {
        if (!(pt->v[k].flags & TX_CAPITAL))
            continue;
        char tbuf[CS_MAX_TERM + 1];
        const char *term = unpossessed(QY_PTERM(pt, k), tbuf, sizeof tbuf);
        if (qw->country_of && names_country(qw->country_of, term))
            return 1;
        if (qw->capital_of && strcmp(term, qw->capital_of) == 0 && name_alone_at(pt, k))
            return 1;
    }
    return 0;
}

/* Which month or weekday (qy_date_word) claim word qw, or passage word
 * k, is, or -1: only one written with a capital, as months and days are
 * ("may" is a verb). */
static int claim_date(const qy_word *qw)
{
    return qy_word_capital(qw) ? qy_date_word(qw->text) : -1;
}

static int passage_date(const qy_ptoks *pt, size_t k)
{
    return (pt->v[k].flags & TX_CAPITAL) ? qy_date_word(QY_PTERM(pt, k)) : -1;
}

/* Whether the passage names claim word w's month or weekday in full or
 * cut short (Feb. and February, Sept and September). */
static int date_at(const qy_word *qw, const qy_ptoks *pt)
{
    int day = claim_date(qw);
    if (day < 0)
        return 0;
    for (size_t k = 0; k < pt->n; k++)
        if (passage_date(pt, k) == day)
            return 1;
    return 0;
}

/* Whether the passage spells out claim word w, an acronym written in
 * capitals (US, NATO, FBI, MEK): a run of names whose initials it is
 * (tx_initials.h: "United States", "Federal Bureau of Investigation", the
 * parts of "Mujahideen-e-Khalq"), or its letters one by one ("U.S.",
 * which the analyzer reads as the word). */
static int acronym_at(const qy_word *qw, const qy_ptoks *pt)
{
    return tx_acronym_written(qw->text, strlen(qw->text), 2, TX_INITIALS_MAX) &&
           spelled_at(qw, pt, SIZE_MAX);
}

/* Whether the passage names claim word w's unit otherwise: "km" or
 * "kilometres" for "kilometers", a dollar sign by a number ("$5") for
 * "dollars" or "USD". */
static int unit_at(const qy_word *qw, const qy_ptoks *pt)
{
    uint32_t groups = qw->units;
    if (!groups)
        return 0;
    for (size_t k = 0; k < pt->n; k++) {
        const char *term = QY_PTERM(pt, k);
        if ((pt->v[k].currency & groups) || (tx_unit_groups(term, strlen(term)) & groups))
            return 1;
    }
    return 0;
}

/* Whether the passage says claim word w contracted or spelt out: the
 * claim's "didn't" by "did not", its "not" by "didn't" (the contraction
 * of any word with not). */
static int contraction_at(const qy_word *qw, const qy_ptoks *pt)
{
    const char *one = qw->term;
    int negation = strcmp(one, "not") == 0;
    if (!negation && !strchr(one, '\''))
        return 0;
    for (size_t k = 0; k < pt->n; k++) {
        const char *term = QY_PTERM(pt, k);
        if (negation) {
            size_t len = strlen(term);
            if (len > 3 && strcmp(term + len - 3, "n't") == 0)
                return 1;
            continue;
        }
        /* The word a contraction stands for second is short and begins
         * so (not, are, am, have, will, would, had, is, has, us): most
         * pairs part here, before qy_contracts' table. */
        const char *y = k + 1 < pt->n ? QY_PTERM(pt, k + 1) : "";
        if (y[0] && strchr("nahwiu", y[0]) && strlen(y) <= 5 &&
            !(pt->v[k].flags & TX_JOINED) && qy_contracts(one, term, y))
            return 1;
    }
    return 0;
}

/* Whether passage word `term` scales the number before it: a scale word
 * (million), or one cut short as news agencies write it apart ("42 mln",
 * "3 bln", "1.2 bn"). */
static int scale_after(const char *term, double *scale)
{
    static const struct {
        const char *word;
        double scale;
    } short_scales[] = {{"bln", 1e9}, {"bn", 1e9}, {"mln", 1e6}, {"mn", 1e6}, {"tn", 1e12}};
    if (qy_scale_of(term, strlen(term), scale))
        return 1;
    for (size_t k = 0; k < sizeof short_scales / sizeof *short_scales; k++)
        if (strcmp(term, short_scales[k].word) == 0) {
            *scale = short_scales[k].scale;
            return 1;
        }
    return 0;
}

/* Whether the passage holds a number of claim word qw's amount: a number
 * alone (1,500,000) or with the scale word after it (1.5 million, 42 mln), not by
 * another currency's sign than the claim's (same_currency). */
static int amount_at(const qy_word *qw, const qy_ptoks *pt)
{
    for (size_t k = 0; k < pt->n; k++) {
        const char *term = QY_PTERM(pt, k);
        double a, scale;
        if (!qy_amount_of(term, strlen(term), &a) || !same_currency(qw, pt, k))
            continue;
        if (k + 1 < pt->n && scale_after(QY_PTERM(pt, k + 1), &scale))
            a *= scale;
        if (qy_same_amount(a, qw->amount))
            return 1;
    }
    return 0;
}

/* Whether passage word k ends a share in words before "of" or "the"
 * (qy_share_of: "a third of"): *percent its percentage, *first its first
 * word. */
static int share_at(const qy_ptoks *pt, size_t k, double *percent, size_t *first)
{
    if (pt->v[k].flags & (TX_NUMBER | TX_JOINED))
        return 0;
    size_t next = k + 1;
    while (next < pt->n && (pt->v[next].flags & TX_JOINED))
        next++;
    const char *after = next < pt->n ? QY_PTERM(pt, next) : "";
    if (strcmp(after, "of") != 0 && strcmp(after, "the") != 0)
        return 0;
    int with_num;
    if (!qy_share_of(k > 0 ? QY_PTERM(pt, k - 1) : "", QY_PTERM(pt, k), percent, &with_num))
        return 0;
    *first = with_num ? k - 1 : k;
    return 1;
}

/* Whether a passage's share in words (`a` percent, its first word
 * `first`) is the claim's bounded percentage qw said the same way: the
 * share within QY_SHARE_MAX_POINTS of it, and bound alike ("more than
 * half" for "more than 50 percent", "nearly a third" for "nearly 33
 * percent"), or the claim's bound "about" ("half" for "about 50
 * percent"), which the same figure meets. */
static int share_bound_holds(const qy_word *qw, const qy_ptoks *pt, size_t first, double a)
{
    if (!qy_figure_holds(QY_BOUND_SHARE, a, 1, qw->amount))
        return 0;
    if (qw->figure_bound == QY_BOUND_ABOUT)
        return 1;
    int nb;
    const char *b1 = first > 0 ? QY_PTERM(pt, first - 1) : "";
    const char *b2 = first > 1 ? QY_PTERM(pt, first - 2) : "";
    return qy_bound_of(b2, b1, &nb) == qw->figure_bound;
}

/* Where the passage gives otherwise the figure of claim word qw: the
 * exact figure it rounds (qy_rounds_to: 73,344,573.27 for "73.3 million",
 * 1,466 for "1,500"), or one within its bound (qy_figure_holds: 2,466 for
 * "more than 2,000"): its words [*from, *to) (when from is not NULL),
 * and 1; 0 when it gives none.  It must count what the claim's does
 * (qy_word.figure_of: "15 years" is no 14.64 percent rounded), and a
 * bounded figure must say what it counts.  A year is no such figure
 * (2,000 is no 1998 rounded), and a whole number of four digits without a
 * group separator, 1000 to 2999, is taken for one. */
static int figure_at(const qy_word *qw, const qy_ptoks *pt, size_t *from,
                     size_t *to)
{
    /* (A bound is loose: what it counts must be said, "over 200 people"
     * or "over $200", not a claim's last word.) */
    int said = qw->figure_of || qw->figure_of_units;
    if (qw->figure_unit <= 0 || (qw->figure_bound != QY_BOUND_NONE && !said))
        return 0;
    int percent = qw->figure_of && strcmp(qw->figure_of, "percent") == 0 &&
                  qw->figure_bound != QY_BOUND_SHARE;
    for (size_t k = 0; k < pt->n; k++) {
        const char *term = QY_PTERM(pt, k);
        double a, scale;
        /* A share in words is a percentage: a claim's "50 percent" is the
         * passage's "half of", its "more than 30 percent" "a third of". */
        size_t first;
        if (percent && share_at(pt, k, &a, &first)) {
            if (qw->figure_bound == QY_BOUND_NONE
                    ? qy_figure_holds(QY_BOUND_SHARE, a, 1, qw->amount)
                    : qy_figure_holds(qw->figure_bound, qw->amount, qw->figure_unit, a) ||
                          share_bound_holds(qw, pt, first, a)) {
                if (from) {
                    *from = first;
                    *to = k + 1;
                }
                return 1;
            }
            continue;
        }
        /* (1,466 is a figure, 1466 may be a year.) */
        if (!(pt->v[k].flags & TX_NUMBER) ||
            (qy_year_word(term) && pt->v[k].end - pt->v[k].start == strlen(term)) ||
            qy_number_unit(term, strlen(term)) <= 0 ||
            !qy_amount_of(term, strlen(term), &a))
            continue;
        size_t end = k + 1;
        if (end < pt->n &&
            qy_scale_of(QY_PTERM(pt, end), strlen(QY_PTERM(pt, end)), &scale)) {
            a *= scale;
            end++;
        }
        if (!qy_figure_holds(qw->figure_bound, qw->amount, qw->figure_unit, a))
            continue;
        /* It counts what the claim's does: the same word after it, or the
         * same unit or currency ("73.3 million dollars" of "$73,344,573"). */
        const char *of = end < pt->n ? QY_PTERM(pt, end) : "";
        int same = !said ||
                   (qw->figure_of_units &&
                    ((pt->v[k].currency & qw->figure_of_units) ||
                     (tx_unit_groups(of, strlen(of)) & qw->figure_of_units))) ||
                   (qw->figure_of && end < pt->n &&
                    strcmp(qw->figure_bound == QY_BOUND_SHARE ? QY_PTERM(pt, end)
                                                              : QY_PSTEM(pt, end),
                           qw->figure_of) == 0);
        if (same) {
            if (from) {
                *from = k;
                /* (A share's percentage with its percent: "48 percent".) */
                *to = qw->figure_bound == QY_BOUND_SHARE ? end + 1 : end;
            }
            return 1;
        }
    }
    return 0;
}

/* Whether a word makes the negation before it a limit, not a denial:
 * "it is not just Albania that has witnessed such attacks". */
static int limits_negation(const char *term)
{
    static const char *const words[] = {"just", "merely", "only", "simply", "solely"};
    return QY_ONE_OF(term, words);
}

/* Whether a negation stands just before passage word k, or a word
 * before that ("has not been affected"; not "did not originate from
 * Albanian", whose Albanian the negation does not touch; not "not just
 * Albania"). */
static int negated_in_passage(const qy_ptoks *pt, size_t k)
{
    size_t after = k; /* the word after the one looked at */
    for (size_t back = 0, j = k; j > 0 && back < 2;) {
        j--;
        if (pt->v[j].flags & TX_JOINED)
            continue;
        const char *term = QY_PTERM(pt, j);
        if (tx_is_negation(term, strlen(term)))
            return !limits_negation(QY_PTERM(pt, after));
        after = j;
        back++;
    }
    return 0;
}

/* Whether claim word w, a negation the passage does not write (neither,
 * nor, never), agrees with a negation of the passage: one that negates a
 * word the claim holds within two words of w ("was neither affected nor
 * damaged" by "has not been affected or damaged"; not "did not say the
 * attack failed" by "said the attack did not fail"). */
static int negation_agrees_at(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const char *t = plan->words[w].term;
    if (!tx_is_negation(t, strlen(t)))
        return 0;
    size_t from = w >= 2 ? w - 2 : 0, to = w + 3 < plan->nwords ? w + 3 : plan->nwords;
    for (size_t k = 0; k < pt->n; k++) {
        if ((pt->v[k].flags & TX_JOINED) || !negated_in_passage(pt, k))
            continue;
        for (size_t o = from; o < to; o++) {
            const char *ot = plan->words[o].term;
            if (o != w && !tx_is_negation(ot, strlen(ot)) && word_at(plan, o, pt, k))
                return 1;
        }
    }
    return 0;
}

/* Verbs that report what someone said, as news writes them in turn: a
 * claim's "said" is the passage's "told" or "announced".  (Only forms
 * that are no noun, "states", "notes", "claims", nor say anything else,
 * "added" jobs.)  Sorted, for the binary search. */
static const char *const speech_verbs[] = {
    "according", "announce", "announced", "announces", "declare", "declared",
    "declares",  "explain",  "explained", "explains",  "remarked", "said",
    "say",       "saying",   "says",      "stated",    "tell",    "telling",
    "tells",     "told",     "write",     "writes",    "written", "wrote"};

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int speech_verb(const char *term)
{
    /* (Asked of a passage's every word: most start otherwise.) */
    if (!strchr("aderstw", term[0]) || !term[0])
        return 0;
    return bsearch(&term, speech_verbs, sizeof speech_verbs / sizeof *speech_verbs,
                   sizeof *speech_verbs, cmp_word) != NULL;
}

/* Whether the passage reports speech as claim word w does, in another
 * verb ("One Albania said" for "One Albania announced"). */
static int speech_at(const qy_word *qw, const qy_ptoks *pt)
{
    if (!speech_verb(qw->term))
        return 0;
    for (size_t k = 0; k < pt->n; k++)
        if (speech_verb(QY_PTERM(pt, k)))
            return 1;
    return 0;
}

/* Whether the passage holds claim word w in its British or American
 * spelling (organisation for organization, defense for defence). */
static int spelling_at(const qy_word *qw, const qy_ptoks *pt)
{
    if (!qw->spelling[0])
        return 0;
    size_t len = strlen(qw->term), n = strlen(qw->spelling);
    char theirs[TX_SPELLING_MAX];
    for (size_t k = 0; k < pt->n; k++) {
        const char *term = QY_PTERM(pt, k);
        /* (Spellings of one word start alike and differ by a letter or
         * three: the cheap tests first.) */
        size_t tl;
        if (term[0] != qw->term[0] || term[1] != qw->term[1] ||
            (tl = strlen(term)) + 3 < len || len + 3 < tl || strcmp(term, qw->term) == 0)
            continue;
        if (tx_us_spelling(term, tl, theirs) == n && memcmp(qw->spelling, theirs, n) == 0)
            return 1;
    }
    return 0;
}

/* Whether passage word k is another form of the irregular verb that
 * claim word qw is ("fallen" for fell), which its stem does not meet. */
static int verb_form_is(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    const char *base = qw->verb_base, *other;
    return base && (other = tx_verb_base(QY_PTERM(pt, k))) && strcmp(base, other) == 0;
}

/* Whether the passage holds claim word w as another form of the same
 * irregular verb ("fell" by "has fallen", "won" by "wins"). */
static int verb_form_at(const qy_word *qw, const qy_ptoks *pt)
{
    for (size_t k = 0; qw->verb_base && k < pt->n; k++)
        if (verb_form_is(qw, pt, k))
            return 1;
    return 0;
}

/* Whether passage word k, no part of a joined word, is claim word w: by
 * its stem or as another form of its irregular verb (where a negation of
 * it is looked for: "did not fall" negates fell). */
static int word_or_verb_at(const qy_plan *plan, size_t w, const qy_ptoks *pt, size_t k)
{
    return !(pt->v[k].flags & TX_JOINED) &&
           (word_at(plan, w, pt, k) || verb_form_is(&plan->words[w], pt, k));
}

/* Whether word a is b with the prefix un- ("unaffected", "affected"), b
 * of four letters or more ("under", "until", "union" are no un-). */
static int un_of(const char *a, const char *b)
{
    return a[0] == 'u' && a[1] == 'n' && strlen(b) >= 4 && strcmp(a + 2, b) == 0;
}

/* Whether passage word k is claim word qw with the prefix un-, by its word
 * or its stem. */
static int un_form(const qy_word *qw, const qy_ptoks *pt, size_t k)
{
    return un_of(QY_PTERM(pt, k), qw->term) || un_of(QY_PSTEM(pt, k), qw->stem);
}

/* Whether the passage says claim word w by a word with the prefix un-,
 * or the other way round: the claim's "not affected" (either word) by
 * "unaffected", its "unknown" by "not known" or "has not been known". */
static int un_negated_at(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const qy_word *qw = &plan->words[w];
    const qy_word *negated = NULL;
    if (w > 0 && tx_is_negation(plan->words[w - 1].term, strlen(plan->words[w - 1].term)))
        negated = qw;
    else if (w + 1 < plan->nwords && tx_is_negation(qw->term, strlen(qw->term)))
        negated = &plan->words[w + 1];
    for (size_t k = 0; negated && k < pt->n; k++)
        if (un_form(negated, pt, k))
            return 1;
    if (qw->term[0] != 'u' || qw->term[1] != 'n' || strlen(qw->term) < 6)
        return 0;
    int stem_un = qw->stem[0] == 'u' && qw->stem[1] == 'n' && strlen(qw->stem) >= 6;
    for (size_t k = 0; k < pt->n; k++)
        if (!(pt->v[k].flags & TX_JOINED) &&
            (strcmp(QY_PTERM(pt, k), qw->term + 2) == 0 ||
             (stem_un && strcmp(QY_PSTEM(pt, k), qw->stem + 2) == 0)) &&
            negated_in_passage(pt, k))
            return 1;
    return 0;
}

/* Whether the passage says claim word w in other words a reader takes
 * for it: a place by its people's name or its people by the place, a
 * number written otherwise (the 15th and 15, two and 2, twenty-four and
 * 24: qy_same_number; 1,500,000 and 1.5 million, each word of "1.5
 * million" by 1,500,000), a month or day cut short (Sept. and September),
 * an acronym by its words (US by United States), words contracted or
 * spelt out (didn't by "did not"), a unit or currency by its other
 * names (km and kilometres, $ and USD), a negation by the prefix un-
 * ("not affected" by unaffected, unknown by "not known"), a verb that
 * reports speech by another (said by told, announced, wrote), a word in
 * its British or American spelling (organization by organisation), an
 * irregular verb in another tense (fell by fallen, won by wins), a
 * figure the claim rounds or bounds by the passage's (73.3 million by
 * 73,344,573.27, "more than 2,000" by 2,466: reported among the result's
 * figures), and a word that bounds a figure (nearly, around) or says what
 * it counts (percent) where the figure is held so.  The report and the
 * coverage read it. */
static int said_otherwise(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    int f = plan->words[w].bound_of;
    if (f >= 0 && (word_at(plan, (size_t)f, pt, SIZE_MAX) || said_otherwise(plan, (size_t)f, pt)))
        return 1; /* "nearly" of "nearly 75 million", held where the figure is */
    /* What a figure counts, where the passage gives the figure otherwise
     * without the word: percent of "50 percent" by "half of". */
    const qy_word *fig = w > 0 ? &plan->words[w - 1] : NULL;
    if (fig && fig->figure_of && strcmp(fig->figure_of, plan->words[w].stem) == 0 &&
        figure_at(fig, pt, NULL, NULL))
        return 1;
    if (people_at(plan, w, pt) || america_at(plan, w, pt) || capital_at(plan, w, pt))
        return 1;
    if (plan->words[w].has_amount && amount_at(&plan->words[w], pt))
        return 1;
    if (figure_at(&plan->words[w], pt, NULL, NULL))
        return 1;
    if (date_at(&plan->words[w], pt) || acronym_at(&plan->words[w], pt) ||
        contraction_at(&plan->words[w], pt) || unit_at(&plan->words[w], pt) ||
        un_negated_at(plan, w, pt) || negation_agrees_at(plan, w, pt) ||
        speech_at(&plan->words[w], pt) || spelling_at(&plan->words[w], pt) ||
        verb_form_at(&plan->words[w], pt))
        return 1;
    /* Only from two on: one is as often a word as a number ("one of
     * them", "loved one"). */
    const qy_word *qw = &plan->words[w];
    long value;
    if (!qw->number)
        return 0;
    for (size_t k = 0; k < pt->n; k++)
        if (qy_same_number(qw->text, QY_PTERM(pt, k), &value) && same_currency(qw, pt, k))
            return 1;
    return 0;
}

/* Whether claim word w is the scale word of an amount ("million" of "42
 * million") the passage gives with another scale, or none: it holds the
 * number as the claim writes it (42 billion) but not the amount in any
 * form (42,000,000, 42m) nor a figure the claim rounds (41.8 million).
 * The scale word is then wrong, though the passage may write it by
 * another number (1.8 million): a claim's million for a source's billion
 * is what a checker looks for. */
static int scale_elsewhere(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const qy_word *qw = &plan->words[w];
    double scale;
    if (w == 0 || !qw->has_amount || !qy_scale_of(qw->term, strlen(qw->term), &scale))
        return 0;
    const qy_word *num = &plan->words[w - 1];
    if (!num->has_amount || !qy_same_amount(num->amount, qw->amount))
        return 0;
    return word_at(plan, w - 1, pt, SIZE_MAX) && !amount_at(qw, pt) &&
           !figure_at(num, pt, NULL, NULL);
}

/* What passage number k counts, when a percentage: 1 for percent (3%,
 * "3 percent", "3 per cent": its parts, then its joined form), 2 for
 * percentage points ("3 percentage points"), 0 for anything else. */
static int percent_kind_after(const qy_ptoks *pt, size_t k)
{
    if (k + 1 >= pt->n)
        return 0;
    const char *next = QY_PTERM(pt, k + 1);
    if (strcmp(next, "percentage") == 0)
        return 2;
    for (size_t j = k + 1; j < pt->n && j <= k + 3; j++)
        if (strcmp(QY_PTERM(pt, j), "percent") == 0 &&
            (j == k + 1 || (pt->v[j].flags & TX_JOINED)))
            return 1;
    return 0;
}

/* Whether claim word w is the percent of a figure ("0.3 percent") the
 * passage gives only in percentage points ("0.3 percentage points"), or
 * the percentage of "percentage points" the passage gives only as a
 * percent: the two are not one measure, and a rate that rose "by 0.3
 * percent" is not one that rose by 0.3 points, though the passage holds
 * the word by another figure (5.1 percent). */
static int percent_for_points(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const char *t = plan->words[w].term;
    int want = strcmp(t, "percent") == 0 ? 1 : strcmp(t, "percentage") == 0 ? 2 : 0;
    if (!want || w == 0 || !(plan->words[w - 1].has_amount || plan->words[w - 1].number))
        return 0;
    int other = 0;
    for (size_t k = 0; k + 1 < pt->n; k++) {
        if (!(pt->v[k].flags & TX_NUMBER) || (pt->v[k].flags & TX_JOINED) ||
            !word_at(plan, w - 1, pt, k))
            continue;
        int kind = percent_kind_after(pt, k);
        if (kind == want)
            return 0;
        other |= kind != 0;
    }
    return other;
}

/* How many words back a negation may stand from the word it negates for a
 * claim's negation: the auxiliaries and adverbs of "have not yet been able
 * to identify" for "could not identify". */
#define QY_NEGATION_REACH 5

/* Whether a negation stands within QY_NEGATION_REACH words before passage
 * word k (one that limits aside: not just). */
static int negation_before(const qy_ptoks *pt, size_t k)
{
    for (size_t back = 0, j = k; j > 0 && back < QY_NEGATION_REACH;) {
        j--;
        if (pt->v[j].flags & TX_JOINED)
            continue;
        const char *term = QY_PTERM(pt, j);
        if (tx_is_negation(term, strlen(term)) &&
            !(j + 1 < pt->n && limits_negation(QY_PTERM(pt, j + 1))))
            return 1;
        back++;
    }
    return 0;
}

/* Whether claim word w is a negation (not, never, didn't) of a word the
 * passage holds but nowhere negates: "Kessler did not concede defeat"
 * against "Kessler conceded defeat ... He did not rule out running
 * again", whose "not" is another verb's.  (Not a negation that limits,
 * "not just"; nor one the passage says by the prefix un-, or by its own
 * negation of a claim word near it: negation_agrees_at, or of a later
 * one; the passage's negation may stand a few words before the word:
 * negation_before.) */
static int negation_elsewhere(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const char *t = plan->words[w].term;
    if (!tx_is_negation(t, strlen(t)) || w + 1 >= plan->nwords)
        return 0;
    const char *next = plan->words[w + 1].term;
    if (tx_is_negation(next, strlen(next)) || limits_negation(next) ||
        un_negated_at(plan, w, pt) || negation_agrees_at(plan, w, pt))
        return 0;
    int held = 0;
    for (size_t k = 0; k < pt->n; k++) {
        /* (An irregular verb in any form: "did not fall" against "fell
         * sharply ... did not comment".) */
        if (!word_or_verb_at(plan, w + 1, pt, k))
            continue;
        if (negated_in_passage(pt, k) || negation_before(pt, k))
            return 0;
        held = 1;
    }
    /* Nor when the passage negates a later word of the claim, up to its
     * next negation: a claim negates its subject ("Not all residents of
     * the northern districts have received the payments", "No charges
     * against the driver were filed") where the passage negates the verb
     * ("Most residents ... have not received", "were not filed"). */
    for (size_t o = w + 2; held && o < plan->nwords; o++) {
        const char *ot = plan->words[o].term;
        if (tx_is_negation(ot, strlen(ot)))
            break;
        for (size_t k = 0; k < pt->n; k++)
            if (word_or_verb_at(plan, o, pt, k) &&
                (negated_in_passage(pt, k) || negation_before(pt, k)))
                return 0;
    }
    return held;
}

/* Whether claim word w, which the passage holds, is held there amiss: a
 * scale by another number (scale_elsewhere), a percent in points
 * (percent_for_points), a negation of another word (negation_elsewhere). */
static int held_amiss(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    return scale_elsewhere(plan, w, pt) || percent_for_points(plan, w, pt) ||
           negation_elsewhere(plan, w, pt);
}

/* Whether the passage holds claim word w as the query writes it (not
 * one of its respellings). */
static int word_at_as_written(const qy_plan *plan, size_t w, const qy_ptoks *pt)
{
    const qy_word *qw = &plan->words[w];
    for (size_t k = 0; k < pt->n; k++)
        if (written_at(qw, pt, k) || acronym_written_at(qw, pt, k))
            return 1;
    return 0;
}

/* Appends a copy of `word` to the list *v of *n words (a result's
 * negated or unsupported ones). */
static cs_status list_add(char ***v, size_t *n, const char *word)
{
    char **grown = realloc(*v, (*n + 1) * sizeof *grown);
    if (!grown)
        return CS_NOMEM;
    *v = grown;
    if (!(grown[*n] = strdup(word)))
        return CS_NOMEM;
    (*n)++;
    return CS_OK;
}

/* Words a denial reaches after it, at most ("denied that Tehran was
 * behind the attack on Albanian government websites"). */
#define QY_DENIAL_REACH 15

/* Whether a passage word is deny, denies, denied or denying (its stem is
 * not read: a passage's words are stemmed only where a claim's may meet
 * them). */
static int denial(const char *term)
{
    static const char *const forms[] = {"denied", "denies", "deny", "denying"};
    return QY_ONE_OF(term, forms);
}

/* Whether a passage word rejects what a report says, when a report's
 * noun and "that" follow it ("rejected claims that", "dismissed reports
 * that"): reject, dismiss, refute or dispute, in any form. */
static int rejection(const char *term)
{
    static const char *const verbs[] = {
        "dismiss",  "dismissed", "dismisses", "dismissing", "dispute",
        "disputed", "disputes",  "disputing", "refute",     "refuted",
        "refutes",  "refuting",  "reject",    "rejected",   "rejecting",
        "rejects"};
    return QY_ONE_OF(term, verbs);
}

/* Whether passage word k reports what a correction says was wrong: a
 * report of speech said in error ("wrongly reported", "incorrectly
 * stated that") or by an earlier version of the text ("An earlier
 * version of this article said that waiting lists had fallen"), which
 * news prints with what was in fact so.  A claim that repeats the error
 * finds its words there, as in a denial.  The version is the report's
 * subject: "version of" or "version said", in its sentence and clause
 * (not "Critics panned the original version.  Its director said", nor
 * "The previous version was slow, and its maker said").  `text` (`len`
 * bytes) is what pt's words were read from; NULL to look at the words
 * alone (whether a passage may hold a correction at all). */
static int corrected_report(const qy_ptoks *pt, size_t k, const char *text, size_t len)
{
    static const char *const reports[] = {"claimed", "reported", "said", "stated", "suggested",
                                          "wrote"};
    static const char *const in_error[] = {"erroneously", "falsely", "incorrectly",
                                           "mistakenly", "wrongly"};
    static const char *const earlier[] = {"earlier", "original", "previous"};
    static const char *const conjunctions[] = {"although", "and", "but", "though",
                                               "whereas", "while", "yet"};
    if (!QY_ONE_OF(QY_PTERM(pt, k), reports))
        return 0;
    /* Up to eight words back: "An earlier version of this story on the
     * budget said". */
    for (size_t back = 0, j = k, after = k; j > 0 && back < 8;) {
        j--;
        if (pt->v[j].flags & TX_JOINED)
            continue;
        if (text)
            for (size_t p = pt->v[j].rend; p < pt->v[after].rstart && p < len; p++)
                if (strchr(".;!?", text[p]) && text[p] && !tx_acronym_point(text, len, p))
                    return 0;
        const char *term = QY_PTERM(pt, j);
        if (back < 2 && QY_ONE_OF(term, in_error))
            return 1;
        if (QY_ONE_OF(term, conjunctions))
            return 0;
        if (j > 0 && strcmp(term, "version") == 0 && QY_ONE_OF(QY_PTERM(pt, j - 1), earlier)) {
            const char *next = QY_PTERM(pt, j + 1);
            return strcmp(next, "of") == 0 || QY_ONE_OF(next, reports) ||
                   QY_ONE_OF(next, in_error);
        }
        after = j;
        back++;
    }
    return 0;
}

/* Where the words a denial at passage word k governs start: after deny
 * (k + 1), after "that" of a rejection's report ("rejected the claims
 * that ..."); 0 when word k denies nothing. */
static size_t denied_from(const qy_ptoks *pt, size_t k)
{
    static const char *const reports[] = {
        "accusation", "accusations", "allegation", "allegations", "assertion",
        "assertions", "charge",      "charges",    "claim",       "claims",
        "report",     "reports",     "rumor",      "rumors",      "rumour",
        "rumours",    "speculation", "suggestion", "suggestions"};
    static const char *const determiners[] = {"all", "any", "the", "these", "those"};
    const char *term = QY_PTERM(pt, k);
    if (denial(term))
        return k + 1;
    if (!rejection(term))
        return 0;
    size_t j = k + 1;
    while (j < pt->n && (pt->v[j].flags & TX_JOINED))
        j++;
    if (j < pt->n && QY_ONE_OF(QY_PTERM(pt, j), determiners))
        j++;
    if (j + 1 < pt->n && QY_ONE_OF(QY_PTERM(pt, j), reports) &&
        strcmp(QY_PTERM(pt, j + 1), "that") == 0)
        return j + 1;
    return 0;
}

/* Whether text[p] ends the clause a denial governs: a point (not an
 * acronym's: tx_acronym_point), comma, semicolon, colon, question or
 * exclamation mark. */
static int clause_mark(const char *text, size_t len, size_t p)
{
    return text[p] && strchr(".,;:!?", text[p]) && !tx_acronym_point(text, len, p);
}

/* Whether passage word k follows a form of "to be" ("the right is denied",
 * "access was denied"): a thing refused, not a statement denied. */
static int passive_at(const qy_ptoks *pt, size_t k)
{
    static const char *const be[] = {"are", "be", "been", "being", "is", "was", "were"};
    while (k > 0 && (pt->v[k - 1].flags & TX_JOINED))
        k--;
    return k > 0 && QY_ONE_OF(QY_PTERM(pt, k - 1), be);
}

/* Whether a word ends the clause a denial governs: another clause's
 * conjunction or its report of speech ("denied ... and said that"). */
static int ends_denied_clause(const char *term)
{
    static const char *const ends[] = {"although", "but", "though", "whereas",
                                       "while", "yet"};
    return QY_ONE_OF(term, ends) || speech_verb(term);
}

/* Marks denied[k] for each passage word a denial governs: the words after
 * deny, denies, denied or denying ("Iran's foreign ministry denied that
 * Tehran was behind the attack", "denied any involvement in"), or after
 * "that" of a report rejected ("dismissed reports that", denied_from),
 * to the end of its clause (clause_mark between two words: "denied the
 * data was theirs, insisting that"; or ends_denied_clause),
 * QY_DENIAL_REACH words at most; not after a denial that is itself
 * negated ("did not deny") or passive_at.  With `corrections`, the words
 * after a report a correction says was wrong instead (corrected_report).
 * `text` (`len` bytes) is what pt's words were read from.  Returns how
 * many. */
static size_t mark_denied(const char *text, size_t len, const qy_ptoks *pt,
                          int corrections, unsigned char *denied)
{
    size_t n = 0;
    for (size_t k = 0; k < pt->n; k++) {
        size_t first;
        if (pt->v[k].flags & TX_JOINED)
            continue;
        if (corrections)
            first = corrected_report(pt, k, text, len) ? k + 1 : 0;
        else
            first = denied_from(pt, k);
        if (!first || negated_in_passage(pt, k) || passive_at(pt, k))
            continue;
        size_t last = pt->v[first - 1].rend;
        for (size_t j = first, reach = 0; j < pt->n && reach < QY_DENIAL_REACH; j++) {
            if (pt->v[j].flags & TX_JOINED)
                continue;
            size_t from = last, to = pt->v[j].rstart;
            while (from < to && !clause_mark(text, len, from))
                from++;
            if (from < to)
                break;
            if (ends_denied_clause(QY_PTERM(pt, j)))
                break;
            n += !denied[j];
            denied[j] = 1;
            last = pt->v[j].rend;
            reach++;
        }
    }
    return n;
}

/* Whether what a denial governs (denied[k]) is the claim itself: it
 * starts with a claim word and holds two thirds of the claim's words
 * ("Iran denied that Tehran was behind the cyberattack" for "Tehran was
 * behind the cyberattack"), not merely some that it mentions ("...
 * behind the attack on Albanian government websites" for "Albanian
 * government websites were attacked"; "the MEK denied there was a troll
 * farm" for "Facebook accused the MEK of operating a troll farm", which
 * the denial does not contradict); of a claim of three words or more. */
static int denies_claim(const qy_plan *plan, const qy_ptoks *pt,
                        const unsigned char *denied)
{
    /* What is denied is the claim's when the claim holds its first word
     * (after stop words: "denied that [Tehran] was behind the attack"),
     * and not "Albanian government websites were attacked". */
    int subject = 0;
    for (size_t k = 0; k < pt->n && !subject; k++) {
        if (!denied[k] || (k > 0 && denied[k - 1]))
            continue;
        size_t j = k;
        while (j < pt->n && denied[j] && (pt->v[j].flags & (TX_STOP | TX_JOINED)))
            j++;
        for (size_t w = 0; j < pt->n && denied[j] && w < plan->nwords && !subject; w++)
            subject = word_at(plan, w, pt, j);
    }
    if (!subject)
        return 0;
    size_t held = 0;
    for (size_t w = 0; w < plan->nwords; w++)
        for (size_t k = 0; k < pt->n; k++)
            if (denied[k] && word_at(plan, w, pt, k)) {
                held++;
                break;
            }
    return plan->nwords >= 3 && held >= 2 && 3 * held >= 2 * plan->nwords;
}

/* Whether a claim word the passage holds is held only outside the words
 * `denied` marks: the claim says what the passage says otherwise than
 * in them ("In fact they rose by 12 percent" for a claim that waiting
 * lists rose, after "An earlier version said that waiting lists had
 * fallen by 12 percent"). */
static int held_outside(const qy_plan *plan, const qy_ptoks *pt, const unsigned char *denied)
{
    for (size_t w = 0; w < plan->nwords; w++) {
        int in = 0, out = 0;
        for (size_t k = 0; k < pt->n && !in; k++)
            if (word_at(plan, w, pt, k))
                *(denied[k] ? &in : &out) = 1;
        if (out && !in)
            return 1;
    }
    return 0;
}

/* Sets *denied (malloc'd, one flag a passage word; NULL when none) to the
 * words of the passage that deny the claim itself (mark_denied,
 * denies_claim), or that a correction says were wrong and the claim
 * repeats (its words held there, none only outside).  CS_NOMEM when out
 * of memory. */
static cs_status mark_denials(const qy_plan *plan, qy_result *r, const qy_ptoks *pt,
                              unsigned char **denied)
{
    unsigned char *d = calloc(pt->n, 1), *c = calloc(pt->n, 1);
    if (!d || !c) {
        free(d);
        free(c);
        return CS_NOMEM;
    }
    size_t len;
    const char *text = qy_readable_text(r, &pt->words, &len);
    int any = mark_denied(text, len, pt, 0, d) > 0 && denies_claim(plan, pt, d);
    if (!any)
        memset(d, 0, pt->n);
    if (mark_denied(text, len, pt, 1, c) > 0 && denies_claim(plan, pt, c) &&
        !held_outside(plan, pt, c)) {
        for (size_t k = 0; k < pt->n; k++)
            d[k] |= c[k];
        any = 1;
    }
    free(c);
    if (!any) {
        free(d);
        d = NULL;
    }
    *denied = d;
    return CS_OK;
}

/* The words of a claim that negates nothing that the passage negates:
 * every place the passage holds the word, a negation stands just before it
 * ("did not originate" for the claim's "originated").  A finding for a
 * checker: the words are all there, the source says the opposite.  (A
 * claim that negates or denies anything is left alone: "police denied
 * that the data was affected" agrees with "has not been affected".)  And
 * the claim words it holds only with the prefix un- (affected:
 * "unaffected"). */
static cs_status mark_negated(const qy_plan *plan, qy_result *r, const qy_ptoks *pt)
{
    cs_status rc;
    /* Most passages negate and deny nothing: one look at their words. */
    size_t negations = 0, denials = 0;
    for (size_t k = 0; k < pt->n && !plan->negative && (negations == 0 || denials == 0); k++) {
        negations += tx_is_negation(QY_PTERM(pt, k), strlen(QY_PTERM(pt, k)));
        denials += denial(QY_PTERM(pt, k)) || rejection(QY_PTERM(pt, k)) ||
                   corrected_report(pt, k, NULL, 0);
    }
    unsigned char *denied = NULL;
    if (denials > 0) {
        if ((rc = mark_denials(plan, r, pt, &denied)))
            return rc;
    }
    for (size_t w = 0; w < plan->nwords && (negations > 0 || denied); w++) {
        const qy_word *qw = &plan->words[w];
        size_t found = 0, negated = 0;
        /* (An irregular verb in another form too: "fell" is negated by
         * "did not fall", as "originated" by "did not originate".) */
        for (size_t k = 0; k < pt->n; k++)
            if (word_or_verb_at(plan, w, pt, k)) {
                found++;
                negated += negated_in_passage(pt, k) || (denied && denied[k]);
            }
        if (found == 0 || negated < found)
            continue;
        if ((rc = list_add(&r->negated, &r->nnegated, qw->text))) {
            free(denied);
            return rc;
        }
    }
    free(denied);
    /* A word the passage holds only with the prefix un- ("affected":
     * "were unaffected") says the opposite too. */
    for (size_t w = 0; w < plan->nwords && !plan->negative; w++) {
        const qy_word *qw = &plan->words[w];
        int un = 0;
        for (size_t k = 0; k < pt->n && !un; k++)
            un = un_form(qw, pt, k);
        if (!un || word_at(plan, w, pt, SIZE_MAX))
            continue;
        if ((rc = list_add(&r->negated, &r->nnegated, qw->text)))
            return rc;
    }
    return CS_OK;
}

/* Appends {query, source} to the list *v of *n pairs (a result's respelt
 * words or figures), source the passage's words [from, to) as a reader
 * reads them (qy_readable_slice): their bytes as written, or what they
 * stand for when the passage is decoded to be read (HTML,
 * quoted-printable, a charset): "73,344,573.27", not the normalized
 * words. */
static cs_status pair_add(qy_respelling **v, size_t *n, const char *query,
                          const qy_result *r, const qy_ptoks *pt, size_t from, size_t to)
{
    qy_respelling *grown = realloc(*v, (*n + 1) * sizeof *grown);
    if (!grown)
        return CS_NOMEM;
    *v = grown;
    char *src = qy_readable_slice(r, &pt->words, pt->v[from].start, pt->v[to - 1].end);
    qy_respelling *p = &grown[*n];
    p->query = strdup(query);
    p->source = src;
    if (!p->query || !p->source) {
        free(p->query);
        free(p->source);
        return CS_NOMEM;
    }
    (*n)++;
    return CS_OK;
}

/* The claim words the passage holds only in another spelling of the
 * index's (a name no passage writes as the query does): each with the
 * passage's spelling (pair_add). */
static cs_status mark_respelt(const qy_plan *plan, qy_result *r,
                              const qy_ptoks *pt)
{
    for (size_t w = 0; w < plan->nwords; w++) {
        const qy_word *qw = &plan->words[w];
        if ((qw->alts.n == 0 && !qw->initials) || word_at_as_written(plan, w, pt))
            continue;
        const qy_prun *run = qw->initials ? spelled_at(qw, pt, SIZE_MAX) : NULL;
        if (run) {
            /* The acronym spelled out: from the run's first word to its
             * last. */
            size_t i = 0, j;
            while (i < pt->n && pt->v[i].start < run->start)
                i++;
            for (j = i; j < pt->n && pt->v[j].end <= run->end; j++)
                ;
            if (j > i) {
                cs_status rc = pair_add(&r->respelt, &r->nrespelt, qw->text, r, pt, i, j);
                if (rc != CS_OK)
                    return rc;
            }
            continue;
        }
        for (size_t i = 0; i < pt->n; i++) {
            const char *stem = QY_PSTEM(pt, i);
            if (!qy_strv_has(&qw->alts, stem, strlen(stem)))
                continue;
            cs_status rc = pair_add(&r->respelt, &r->nrespelt, qw->text, r, pt, i, i + 1);
            if (rc != CS_OK)
                return rc;
            break;
        }
    }
    return CS_OK;
}

/* The claim's figures the passage gives otherwise (figure_at), each with
 * the passage's figure (pair_add: a number, and maybe its scale or
 * percent word, or a share in words). */
static cs_status mark_figures(const qy_plan *plan, qy_result *r, const qy_ptoks *pt)
{
    for (size_t w = 0; w < plan->nwords; w++) {
        const qy_word *qw = &plan->words[w];
        size_t from, to;
        if (!qw->figure_text || word_at(plan, w, pt, SIZE_MAX) ||
            (qw->has_amount && amount_at(qw, pt)) ||
            !figure_at(qw, pt, &from, &to))
            continue;
        cs_status rc = pair_add(&r->figures, &r->nfigures, qw->figure_text, r, pt, from, to);
        if (rc != CS_OK)
            return rc;
    }
    return CS_OK;
}

/* Whether the passage's words [from, last] give each number of the
 * quotation that has a currency sign ($3) with no other currency's sign
 * (not €3): one of its kind there that is by no sign, or by the same. */
static int currencies_at(const qy_plan *plan, const qy_ptoks *pt, size_t from,
                         size_t last)
{
    for (size_t i = plan->ncontext; i < plan->quote_terms.n; i++) {
        uint32_t want = plan->quote_currency[i];
        if (!want)
            continue;
        int other = 0, same = 0;
        for (size_t k = from; k <= last; k++) {
            if (!(pt->v[k].flags & TX_NUMBER) || (pt->v[k].flags & TX_JOINED) ||
                strcmp(QY_PTERM(pt, k), plan->quote_terms.v[i]) != 0)
                continue;
            if (pt->v[k].currency && !(pt->v[k].currency & want))
                other = 1;
            else
                same = 1;
        }
        if (other && !same)
            return 0;
    }
    return 1;
}

/* Whether a quotation of one part stands in the passage verbatim with
 * its currencies: "$3 million" is not quoted by "€3 million", though the
 * words, the signs aside, are the same (a sign is no word: tx_units.c). */
static int verbatim_with_currencies(const qy_plan *plan, const qy_ptoks *pt)
{
    int any = 0;
    for (size_t i = plan->ncontext; plan->quote_currency && i < plan->quote_terms.n; i++)
        any |= plan->quote_currency[i] != 0;
    if (!any)
        return 1;
    for (size_t p = 0; p < plan->nphrases; p++) {
        const qy_phrase_plan *pp = &plan->phrases[p];
        if (pp->mod == QY_EXCLUDED)
            continue;
        for (size_t v = 0; v < pp->nvariants; v++)
            for (size_t i = 0, last; i < pt->n; i++)
                if (sequence_at(pt, &pp->variants[v], i, &last) &&
                    currencies_at(plan, pt, i, last))
                    return 1;
        return 0; /* (one part: the caller asks only then) */
    }
    return 1;
}

/* Adds to hl the passage's words the query asks for: their stems, the
 * spellings of them as other words, and acronyms and the names that spell
 * them. */
static void words_asked(const qy_plan *plan, const qy_ptoks *pt, spans *hl)
{
    for (size_t i = 0; i < pt->n; i++)
        if ((!(pt->v[i].flags & TX_STOP) || plan->stop_stems) &&
            qy_strv_has(&plan->stems, QY_PSTEM(pt, i), strlen(QY_PSTEM(pt, i))))
            spans_add(hl, pt->v[i].start, pt->v[i].end);
    for (size_t i = 0; i < plan->nspellings; i++)
        find_sequence(pt, &plan->spellings[i], hl);
    /* An acronym spelled out: the run of names that spells it; and
     * names spelled out: the acronym they spell. */
    for (size_t w = 0; w < plan->nwords; w++) {
        for (size_t k = 0; plan->words[w].initials && k < pt->nruns; k++)
            if (strcmp(pt->runs[k].letters, plan->words[w].term) == 0)
                spans_add(hl, pt->runs[k].start, pt->runs[k].end);
        for (size_t k = 0; plan->words[w].acronym && k < pt->n; k++)
            if (acronym_written_at(&plan->words[w], pt, k))
                spans_add(hl, pt->v[k].start, pt->v[k].end);
    }
}

/* Makes hl's spans (in bytes of the passage) r's highlights (in bytes of
 * the file), sorted and merged; r takes hl's array.  CS_NOMEM when hl ran
 * out of memory (r then has those it holds). */
static cs_status set_highlights(qy_result *r, spans *hl)
{
    spans_normalize(hl);
    for (size_t i = 0; i < hl->n; i++) {
        hl->v[i].start += r->byte_start;
        hl->v[i].end += r->byte_start;
    }
    r->highlights = hl->v;
    r->nhighlights = hl->n;
    return hl->nomem ? CS_NOMEM : CS_OK;
}

cs_status qy_mark_words(const qy_plan *plan, qy_cand *c)
{
    spans hl = {0};
    words_asked(plan, &c->pt, &hl);
    free(c->r.highlights);
    return set_highlights(&c->r, &hl);
}

cs_status qy_mark_terms(const qy_plan *plan, qy_cand *c)
{
    qy_result *r = &c->r;
    const qy_ptoks *pt = &c->pt;
    cs_status rc = CS_OK;
    spans hl = {0};
    size_t phrases_wanted = 0, phrases_found = 0;
    for (size_t p = 0; p < plan->nphrases; p++) {
        const qy_phrase_plan *pp = &plan->phrases[p];
        if (pp->mod == QY_EXCLUDED)
            continue;
        phrases_wanted++;
        size_t found = 0;
        for (size_t v = 0; v < pp->nvariants; v++)
            found += find_sequence(pt, &pp->variants[v], &hl);
        phrases_found += found > 0;
    }
    /* Its words verbatim but a number by another currency's sign: no
     * verbatim quote, aligned as a near one, whose diff says $3 -> €3. */
    if (plan->quote && phrases_wanted == 1 && phrases_found == 1 &&
        !verbatim_with_currencies(plan, pt)) {
        free(hl.v);
        cs_status rc2 = qy_near_align(plan, c);
        return rc2 == CS_OK ? qy_mark_near(plan, c) : rc2;
    }
    r->match = phrases_wanted > 0 && phrases_found == phrases_wanted &&
                       (!plan->quote || phrases_wanted < 2 || parts_in_order(plan, pt))
                   ? QY_MATCH_EXACT
                   : QY_MATCH_TERMS;
    /* A verbatim quote is highlighted alone, so its first highlight is
     * where the quotation starts. */
    if (!(plan->quote && r->match == QY_MATCH_EXACT))
        words_asked(plan, pt, &hl);
    if (set_highlights(r, &hl) != CS_OK)
        rc = CS_NOMEM;

    /* Claim words the passage does not contain. */
    if (rc == CS_OK && !plan->quote && plan->nwords > 0) {
        r->unsupported = calloc(plan->nwords, sizeof *r->unsupported);
        if (!r->unsupported)
            rc = CS_NOMEM;
        for (size_t w = 0; rc == CS_OK && w < plan->nwords; w++) {
            if ((word_at(plan, w, pt, SIZE_MAX) || said_otherwise(plan, w, pt)) &&
                !held_amiss(plan, w, pt))
                continue;
            if (!(r->unsupported[r->nunsupported] = strdup(plan->words[w].text)))
                rc = CS_NOMEM;
            else
                r->nunsupported++;
        }
    }
    if (rc == CS_OK && plan->claim)
        rc = mark_negated(plan, r, pt);
    if (rc == CS_OK && !plan->quote)
        rc = mark_respelt(plan, r, pt);
    if (rc == CS_OK && !plan->quote)
        rc = mark_figures(plan, r, pt);
    return rc;
}

/* How much of a claim word's weight a passage that gives another value
 * of its kind counts for (other_value_at). */
#define QY_OTHER_VALUE_SHARE 0.5

/* Whether the passage gives another value of the kind claim word qw is:
 * a year for a year, another number for a number, a month for a month, a
 * weekday for a weekday. */
static int other_value_at(const qy_word *qw, const qy_ptoks *pt)
{
    if (qw->number || qw->has_amount) {
        int year = qy_year_word(qw->text);
        for (size_t k = 0; k < pt->n; k++)
            if ((pt->v[k].flags & TX_NUMBER) && qy_year_word(QY_PTERM(pt, k)) == year)
                return 1;
        return 0;
    }
    int day = claim_date(qw);
    if (day < 0)
        return 0;
    for (size_t k = 0; k < pt->n; k++) {
        int other = passage_date(pt, k);
        if (other >= 0 && (other < 12) == (day < 12))
            return 1;
    }
    return 0;
}

void qy_claim_measure(const qy_plan *plan, const double *weights, qy_cand *c)
{
    const qy_ptoks *pt = &c->pt;
    size_t nw = plan->nwords;
    double total = 0, have = 0;
    c->held = 0;
    /* Which claim word each passage word supports (-1: none). */
    int *of = malloc((pt->n + 1) * sizeof *of);
    int *count = calloc(nw + 1, sizeof *count);
    if (!of || !count) {
        free(of);
        free(count);
        return;
    }
    for (size_t i = 0; i < pt->n; i++) {
        of[i] = -1;
        for (size_t w = 0; w < nw; w++)
            if (word_at(plan, w, pt, i)) {
                of[i] = (int)w;
                break;
            }
    }
    size_t distinct = 0;
    for (size_t w = 0; w < nw; w++) {
        total += weights[w];
        int found = 0;
        for (size_t i = 0; i < pt->n && !found; i++)
            found = of[i] == (int)w;
        /* (42 million is not held by "42 billion" and "1.8 million", nor
         * 0.3 percent by "0.3 percentage points" and "5.1 percent", nor
         * "did not concede" by "conceded ... did not rule out".) */
        int misplaced = held_amiss(plan, w, pt);
        for (size_t i = 0; misplaced && found && i < pt->n; i++)
            if (of[i] == (int)w)
                of[i] = -1; /* nor where the claim stands together */
        found = found && !misplaced;
        int supported = !misplaced && (found || said_otherwise(plan, w, pt));
        if (supported && w < 64)
            c->held |= UINT64_C(1) << w;
        if (found) {
            have += weights[w];
            distinct++;
        } else if (supported) {
            /* Said in other words (Albanian for Albania, 1.5 million for
             * 1,500,000, Sept. for September): supported, as the report
             * says, though at no one place for the proximity. */
            have += weights[w];
        } else if (other_value_at(&plan->words[w], pt)) {
            /* Another value of its kind (1965 for 1956, September for
             * August): unsupported, but this may be the passage that
             * settles the claim, against ones that give no year at all. */
            have += QY_OTHER_VALUE_SHARE * weights[w];
        }
    }
    c->coverage = total > 0 ? have / total : 0;

    /* The shortest run of passage words holding every supported claim
     * word once: the closer together, the better the passage states it. */
    size_t best = SIZE_MAX, inside = 0, lo = 0;
    c->windowed = 0;
    for (size_t hi = 0; hi < pt->n && distinct > 1; hi++) {
        if (of[hi] < 0)
            continue;
        if (count[of[hi]]++ == 0)
            inside++;
        while (inside == distinct) {
            if (of[lo] >= 0) {
                if (hi - lo + 1 < best) {
                    best = hi - lo + 1;
                    c->windowed = 1;
                    c->window_from = lo;
                    c->window_to = hi;
                }
                if (--count[of[lo]] == 0)
                    inside--;
            }
            lo++;
        }
    }
    c->proximity = distinct <= 1 ? 0.0
                                 : (double)(distinct - 1) / (double)(best - 1);
    free(of);
    free(count);
}

/* What a passage's article says it is and whose it is: its title, its
 * source and its file's name without folders or extension, underscores
 * read as spaces ("2015_barack_obama" names Obama, whose address holds
 * no "Obama"), as one text; malloc'd, NULL when out of memory. */
static char *about_text(const qy_result *r)
{
    const char *title = r->title ? r->title : "", *source = r->source ? r->source : "";
    const char *path = r->path ? r->path : "", *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t blen = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    size_t tlen = strlen(title), slen = strlen(source);
    char *s = malloc(tlen + slen + blen + 3);
    if (!s)
        return NULL;
    memcpy(s, title, tlen);
    s[tlen] = '\n';
    memcpy(s + tlen + 1, source, slen);
    s[tlen + 1 + slen] = '\n';
    char *b = s + tlen + slen + 2;
    for (size_t i = 0; i < blen; i++)
        b[i] = base[i] == '_' ? ' ' : base[i];
    b[blen] = '\0';
    return s;
}

/* Takes off c's unsupported list each of plan words [0, n) that
 * held(plan, w, arg) says is held elsewhere; returns how many. */
static size_t unlist(const qy_plan *plan, size_t n, qy_cand *c,
                     int (*held)(const qy_plan *plan, size_t w, const void *arg),
                     const void *arg)
{
    qy_result *r = &c->r;
    size_t kept = 0, taken = 0;
    for (size_t u = 0; u < r->nunsupported; u++) {
        /* The first word written so; a later one is the same word. */
        size_t w = qy_wordmap_first(&plan->words_by_text, r->unsupported[u]);
        if (w < n && held(plan, w, arg)) {
            free(r->unsupported[u]);
            taken++;
        } else {
            r->unsupported[kept++] = r->unsupported[u];
        }
    }
    r->nunsupported = kept;
    return taken;
}

/* A text's words, and whether only names count as held in them. */
struct held_in {
    const qy_ptoks *pt;
    int names;
};

static int held_in_text(const qy_plan *plan, size_t w, const void *arg)
{
    const struct held_in *h = arg;
    return (!h->names || plan->words[w].name) &&
           (word_at(plan, w, h->pt, SIZE_MAX) || said_otherwise(plan, w, h->pt));
}

/* Takes off c's unsupported list the words of plan words [0, n) (only
 * names, when `names`) that the text `other` holds; *taken says how
 * many. */
static cs_status unlist_held(tx_analyzer *a, const qy_plan *plan, size_t n, int names,
                             qy_cand *c, const qy_result *other, size_t *taken, char **msg)
{
    *taken = 0;
    qy_ptoks pt;
    cs_status rc = qy_ptoks_analyze(a, other, &pt, msg);
    if (rc != CS_OK)
        return rc;
    struct held_in h = {&pt, names};
    *taken = unlist(plan, n, c, held_in_text, &h);
    qy_ptoks_clear(&pt);
    return CS_OK;
}

cs_status qy_context_mark(tx_analyzer *a, const qy_plan *plan, qy_cand *c,
                          char **msg)
{
    size_t n = plan->ncontext, listed = 0;
    c->context = 0;
    if (n == 0)
        return CS_OK;
    for (size_t w = 0; w < n; w++)
        if (!word_at(plan, w, &c->pt, SIZE_MAX) && !said_otherwise(plan, w, &c->pt)) {
            cs_status rc = list_add(&c->r.unsupported, &c->r.nunsupported,
                                    plan->words[w].text);
            if (rc != CS_OK)
                return rc;
            listed++;
        }
    /* A speaker is as often named by the article as by the passage. */
    size_t taken = 0;
    cs_status rc = CS_OK;
    if (listed) {
        char *about = about_text(&c->r);
        if (!about)
            return CS_NOMEM;
        qy_result r = {.text = about, .text_len = strlen(about)};
        rc = unlist_held(a, plan, n, 0, c, &r, &taken, msg);
        free(about);
    }
    c->context = (double)(n - listed + taken) / (double)n;
    return rc;
}

cs_status qy_context_before(tx_analyzer *a, const qy_plan *plan, qy_cand *c,
                            const qy_result *before, char **msg)
{
    size_t taken;
    cs_status rc = unlist_held(a, plan, plan->ncontext, 0, c, before, &taken, msg);
    c->context += (double)taken / (double)plan->ncontext;
    return rc;
}

int qy_claim_names_missing(const qy_plan *plan, const qy_cand *c)
{
    /* (Names written with a capital: in a query without any, as keyword
     * queries are, every word counts as a name for its spellings, and
     * none says whose the words are.) */
    for (size_t u = 0; u < c->r.nunsupported; u++)
        if (qy_wordmap_first(&plan->names_by_text, c->r.unsupported[u]) != SIZE_MAX)
            return 1;
    return 0;
}

cs_status qy_claim_names_before(tx_analyzer *a, const qy_plan *plan, qy_cand *c,
                                const qy_result *before, char **msg)
{
    size_t taken;
    return unlist_held(a, plan, plan->nwords, 1, c, before, &taken, msg);
}

/* Whether claim word w is a name the candidate's article holds
 * (qy_claim_about: about_held). */
static int held_about(const qy_plan *plan, size_t w, const void *arg)
{
    const qy_cand *c = arg;
    return w < 64 && plan->words[w].name && (c->about_held & (UINT64_C(1) << w));
}

void qy_claim_names_about(const qy_plan *plan, qy_cand *c)
{
    unlist(plan, plan->nwords, c, held_about, c);
}

double qy_claim_names_share(const qy_plan *plan, const double *weights,
                            const qy_cand *c)
{
    double total = 0, have = 0;
    for (size_t w = 0; w < plan->nwords; w++) {
        total += weights[w];
        if (held_about(plan, w, c) && !(c->held & (UINT64_C(1) << w)))
            have += weights[w];
    }
    return total > 0 ? have / total : 0;
}

cs_status qy_claim_about(tx_analyzer *a, const qy_plan *plan,
                         const double *weights, qy_cand *c, char **msg)
{
    c->about_coverage = 0;
    char *about = about_text(&c->r);
    if (!about)
        return CS_NOMEM;
    qy_result title = {.text = about, .text_len = strlen(about)};
    qy_ptoks pt;
    cs_status rc = qy_ptoks_analyze(a, &title, &pt, msg);
    free(about);
    if (rc != CS_OK)
        return rc;
    double total = 0, have = 0;
    c->about_held = 0;
    for (size_t w = 0; w < plan->nwords; w++) {
        total += weights[w];
        /* (A name may be its place's people: Albanian for a title's
         * Albania.) */
        if (word_at(plan, w, &pt, SIZE_MAX) ||
            (plan->words[w].name && said_otherwise(plan, w, &pt))) {
            have += weights[w];
            if (w < 64)
                c->about_held |= UINT64_C(1) << w;
        }
    }
    qy_ptoks_clear(&pt);
    c->about_coverage = total > 0 ? have / total : 0;
    return CS_OK;
}
