/* qy_said.c - who a passage says spoke its words (see qy_said.h). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_readable.h"
#include "qy_said.h"
#include "qy_said_text.h"

/* How far from a quotation the words that say whose it is may stand:
 * "...," Albanian Prime Minister Edi Rama wrote (after it), Rama wrote on
 * Twitter on Saturday: "..." (before it). */
#define AFTER_QUOTE_WORDS 8
#define BEFORE_QUOTE_WORDS 12
/* How long an apposition between a speaker and the verb may be (Mark
 * Attanasio, a managing director at Trust Company of the West, which has
 * invested with Texas Pacific, said). */
#define APPOSITION_WORDS 24

/* Words between a speaker and the verb: Rama also said. */
static const char *const between[] = {"also",     "again",    "earlier",    "further",
                                      "has",      "had",      "have",       "later",
                                      "once",     "publicly", "recently",   "reportedly",
                                      "strongly", "then"};

/* Whether a speech verb with its speaker right before it (a name, "the"
 * and a noun, he or she) stands in the four words before word k: a text
 * named after it is that speaker's (Rama said in a statement from
 * Tirana). */
static int speaker_verb_before(const said_text *st, size_t k)
{
    for (size_t i = k; i-- > 1 && k - i <= 4;) {
        size_t f;
        if (st->verb[i] && !(st->verb[i] & (VERB_DOCUMENT | VERB_PARTICIPLE)) &&
            qy_said_spaced(st, i) &&
            (qy_name_pronoun(term(st, i - 1)) || qy_name_back(st, i - 1, &f) ||
             qy_name_phrase(st, i - 1, i, &f)))
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
        if (qy_said_gap_has(st, i, 0))
            return 1;
        if (i < k && qy_said_sentence_ends(st, i + 1, gap_from(st, i + 1)))
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
    if (k + 2 >= st->nw || !qy_said_spaced(st, k + 1) || !qy_said_spaced(st, k + 2) ||
        (strcmp(term(st, k + 1), "from") != 0 && strcmp(term(st, k + 1), "by") != 0) ||
        speaker_verb_before(st, k))
        return NONE;
    return qy_name_fwd(st, k + 2, 1, a, b) ? NAMED : NONE;
}

/* Whether word i is a noun for a text (statement, message, ...; or
 * "source" after "same": according to the same source) after an
 * article, spaced: the article's word in *head. */
static int text_noun(const said_text *st, size_t i, size_t *head)
{
    size_t h = i;
    if (st->verb[i] & VERB_DOCUMENT)
        h = i - (i > 0);
    else if (strcmp(term(st, i), "source") == 0 && i > 1 && strcmp(term(st, i - 1), "same") == 0 &&
             qy_said_spaced(st, i))
        h = i - 2;
    if (h == i || !qy_said_spaced(st, h + 1) || !qy_name_article(term(st, h)))
        return 0;
    *head = h;
    return 1;
}

/* A text as the subject of the verb after word `last`: "it" or "they"
 * next to a quotation ("...," it read; "...," they wrote), or an article
 * and a noun for a text, maybe a preposition's few words after it, that
 * start a sentence or follow a comma, a colon or a quotation (a statement
 * on Twitter reads; the statement said).  NAMED when the text says whose
 * it is (a statement from the ministry said; a Pentagon statement said),
 * else PRONOUN (its speaker is the one named before): the words in
 * [*a, *b]; NONE for any other subject. */
static int document_subject(const said_text *st, size_t last, size_t *a, size_t *b)
{
    if (strcmp(term(st, last), "it") == 0 || strcmp(term(st, last), "they") == 0) {
        if (!near_quotation(st, last))
            return NONE;
        *a = *b = last;
        return PRONOUN;
    }
    /* A name between the article and the noun: a Pentagon statement. */
    size_t f;
    if ((st->verb[last] & VERB_DOCUMENT) && last > 1 && qy_said_spaced(st, last) &&
        qy_name_back(st, last - 1, &f) && f > 0 && qy_said_spaced(st, f) &&
        qy_name_article(term(st, f - 1)) && qy_said_clause_start(st, f - 1)) {
        *a = f;
        *b = last - 1;
        return NAMED;
    }
    for (size_t i = last + 1; i-- > 0 && last - i < 4;) {
        if (qy_said_in_quote(st, wstart(st, i)) || (i < last && !qy_said_spaced(st, i + 1)))
            return NONE;
        size_t head;
        if (!text_noun(st, i, &head))
            continue;
        if ((i < last && !qy_name_preposition(term(st, i + 1))) ||
            !qy_said_clause_start(st, head))
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
    if (!qy_said_gap_has(st, k, ','))
        return NONE;
    size_t start = qy_said_sentence_start(st, k), f = start;
    if (f + 1 >= k || qy_said_in_quote(st, wstart(st, f)))
        return NONE;
    if (strcmp(term(st, f), "the") == 0 && (flags(st, f + 1) & TX_CAPITAL) &&
        qy_name_joins(st, f + 1))
        f++;
    int pronoun = qy_name_pronoun(term(st, f));
    if (!pronoun && (!(flags(st, f) & TX_CAPITAL) || (flags(st, f) & TX_STOP) ||
                     qy_name_no_one(term(st, f)) || qy_name_date(term(st, f))))
        return NONE;
    size_t l = f;
    while (!pronoun && l + 1 < k && l - f + 1 < NAME_WORDS && (flags(st, l + 1) & TX_CAPITAL) &&
           qy_name_joins(st, l + 1))
        l++;
    /* Its verb after the name, or after an apposition between commas
     * (Target Wireless, a small New Jersey-based wireless media company,
     * had asked the FEC ..., saying). */
    size_t v_at = l + 1;
    if (!pronoun && v_at < k && qy_said_gap_has(st, v_at, ',') && !(flags(st, v_at) & TX_CAPITAL))
        while (v_at < k && v_at - l <= APPOSITION_WORDS &&
               !(v_at > l + 1 && qy_said_gap_has(st, v_at, ',')))
            v_at++;
    else if (v_at < k && !qy_said_spaced(st, v_at))
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

/* Words of a passive between its subject and "quoted": was, has been. */
static const char *const passives[] = {"also", "been", "had", "has", "have",
                                       "is",   "was",  "were", "widely"};

/* The speaker of a participle after "quoted as", the passive's subject
 * (Rama was quoted as saying; he was quoted as saying): NAMED or
 * PRONOUN with the words in [*a, *b], or NONE. */
static int quoted_as(const said_text *st, size_t k, size_t *a, size_t *b)
{
    if (k < 4 || strcmp(term(st, k - 1), "as") != 0 || strcmp(term(st, k - 2), "quoted") != 0 ||
        !qy_said_spaced(st, k) || !qy_said_spaced(st, k - 1))
        return NONE;
    size_t j = k - 2;
    while (j > 0 && qy_said_spaced(st, j) && QY_ONE_OF(term(st, j - 1), passives))
        j--;
    if (j == k - 2 || j == 0 || !qy_said_spaced(st, j))
        return NONE;
    if (qy_name_pronoun(term(st, j - 1))) {
        *a = *b = j - 1;
        return PRONOUN;
    }
    if (!qy_name_back(st, j - 1, a))
        return NONE;
    *b = j - 1;
    return NAMED;
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
    if (w == 0 || !qy_said_space_only(st->text, wend(st, w - 1), o))
        return 0;
    *writer = w - 1;
    return 1;
}

/* A writer's name in quotation marks before the verb at word k and a
 * colon, as mailers write it ("George J. Jahchan" wrote:; "Craig
 * R.Hughes" said:): words with capitals on one line, the whole
 * quotation; their first in *a, their last in *b. */
static int quoted_writer(const said_text *st, size_t k, size_t *a, size_t *b)
{
    if (k == 0 || wend(st, k) >= st->len || st->text[wend(st, k)] != ':' ||
        !qy_said_gap_has(st, k, 0))
        return 0;
    for (size_t p = wend(st, k - 1); p < wstart(st, k); p++)
        if (st->text[p] != ' ' && st->text[p] != '"' && st->text[p] != '\'' &&
            !(st->text[p] & 0x80))
            return 0;
    const qy_span *q = NULL;
    for (size_t i = 0; i < st->nquotes && !q; i++)
        if (st->quotes[i].end == wend(st, k - 1))
            q = &st->quotes[i];
    if (!q || memchr(st->text + q->start, '\n', q->end - q->start))
        return 0;
    size_t f = k - 1;
    while (f > 0 && k - f < NAME_WORDS && wstart(st, f - 1) >= q->start)
        f--;
    if (wstart(st, f) != q->start)
        return 0;
    for (size_t i = f; i < k; i++)
        if (!(flags(st, i) & TX_CAPITAL) || (flags(st, i) & TX_STOP) || qy_name_no_one(term(st, i)))
            return 0;
    *a = f;
    *b = k - 1;
    return 1;
}

/* Who speaks by the verb at word k: NAMED with the name's words
 * [*a, *b], PRONOUN (he, she: word *a), or NONE. */
static int subject_of(const said_text *st, size_t k, size_t *a, size_t *b)
{
    const char *v = term(st, k);
    if (!st->verb[k] || qy_said_in_quote(st, wstart(st, k)))
        return NONE;
    if (st->verb[k] & VERB_DOCUMENT)
        return near_quotation(st, k) ? document_source(st, k, a, b) : NONE;
    if (st->verb[k] & VERB_PARTICIPLE) {
        /* A name right before it, no comma between, is the object that
         * speaks: Dahl recalled Sandberg saying 'nobody will look';
         * the witness remembered Hallström telling him; Reuters quoted
         * Berg saying (not a name after a preposition:
         * a letter to Rama saying; nor a date: a statement Monday
         * saying). */
        if (k > 1 && qy_said_spaced(st, k) && (flags(st, k - 1) & TX_CAPITAL) &&
            !qy_name_possessive(st, k - 1) && !qy_said_in_quote(st, wstart(st, k - 1)) &&
            qy_name_back(st, k - 1, a) && *a > 0 && qy_said_spaced(st, *a) &&
            !(st->verb[*a - 1] & VERB_DOCUMENT)) {
            *b = k - 1;
            return NAMED;
        }
        int passive = quoted_as(st, k, a, b);
        return passive != NONE ? passive : sentence_subject(st, k, a, b);
    }
    if (st->verb[k] & VERB_OBJECT)
        return k + 1 < st->nw && qy_said_spaced(st, k + 1) && qy_name_fwd(st, k + 1, 0, a, b) &&
                       *b + 1 < st->nw &&
                       (qy_said_gap_has(st, *b + 1, ':') ||
                        (*b + 2 < st->nw && strcmp(term(st, *b + 1), "as") == 0 &&
                         strcmp(term(st, *b + 2), "saying") == 0))
                   ? NAMED
                   : NONE;
    if (strcmp(v, "according") == 0) {
        if (k + 2 >= st->nw || strcmp(term(st, k + 1), "to") != 0 || !qy_said_spaced(st, k + 1) ||
            !qy_said_spaced(st, k + 2))
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
        return qy_name_fwd(st, k + 2, 0, a, b) ? NAMED : NONE;
    }
    /* A writer and his address before the verb, as mail quotes him:
     * Chris Weyl <cweyl@mindspring.com> wrote:; Matthias Saou
     * (matthias@rpmforge.net) wrote. */
    size_t writer;
    if (address_before(st, k, &writer) && qy_name_back(st, writer, a)) {
        *b = writer;
        return NAMED;
    }
    if (quoted_writer(st, k, a, b))
        return NAMED;
    /* Before the verb: Rama said; he told; Safavi also criticized. */
    size_t j = k;
    /* (And an adverb, after a name: Bishop Galloway has finely said; not
     * the system has fully answered the expectations.) */
    int adverb = 0;
    for (int skipped = 0; j > 0 && skipped < 2 && qy_said_spaced(st, j); skipped++) {
        if (!QY_ONE_OF(term(st, j - 1), between) &&
            (!qy_name_adverb(term(st, j - 1)) || (flags(st, j - 1) & TX_CAPITAL)))
            break;
        adverb |= !QY_ONE_OF(term(st, j - 1), between);
        j--;
    }
    if (qy_said_spaced(st, j)) {
        int text = document_subject(st, j - 1, a, b);
        if (text != NONE || (st->verb[k] & VERB_READS))
            return text;
        if (qy_name_pronoun(term(st, j - 1))) {
            *a = *b = j - 1;
            return PRONOUN;
        }
        if (qy_name_back(st, j - 1, a) || (!adverb && qy_name_phrase(st, j - 1, k, a)) ||
            qy_name_titled(st, j - 1, a)) {
            *b = j - 1;
            return NAMED;
        }
        /* A person's full name and "who", wherever it stands: the
         * example of Andrew Jackson who said (not: a single mom in Texas
         * who wrote). */
        if (j > 1 && strcmp(term(st, j - 1), "who") == 0 && qy_said_spaced(st, j - 1) &&
            (flags(st, j - 2) & TX_CAPITAL) && !qy_said_in_quote(st, wstart(st, j - 2)) &&
            (*a = qy_name_mention(st, j - 2)) < j - 2 && !qy_name_no_one(term(st, j - 2))) {
            *b = j - 2;
            return NAMED;
        }
        /* A name and where the speaker works: Robert Frederking of
         * Carnegie Mellon University told the BBC; the CEO of Master Lock
         * told me. */
        size_t r = j - 1;
        while (r > 0 && (flags(st, r) & TX_CAPITAL) && qy_name_joins(st, r))
            r--;
        if (r + 1 < j && r > 0 && (flags(st, r + 1) & TX_CAPITAL) &&
            strcmp(term(st, r), "of") == 0 && qy_said_spaced(st, r) && qy_said_spaced(st, r + 1) &&
            qy_name_back(st, r - 1, a)) {
            *b = j - 1;
            return NAMED;
        }
    }
    if (st->verb[k] & VERB_READS)
        return NONE;
    /* A name set off by commas right before the verb, after what he is:
     * an ancient Chinese philosopher, Lao-tzu, said; my predecessor,
     * President McKinley, said. */
    if (k > 1 && qy_said_gap_has(st, k, ',') && !qy_said_gap_has(st, k, 0) &&
        qy_name_back(st, k - 1, a) &&
        *a > 0 && qy_said_gap_has(st, *a, ',') && !(flags(st, *a - 1) & TX_CAPITAL)) {
        *b = k - 1;
        return NAMED;
    }
    /* Inverted at a sentence's start: Says Pillai: "...". */
    if (k + 1 < st->nw && (st->verb[k] & VERB_INVERTS) && (flags(st, k) & TX_CAPITAL) &&
        (k == 0 || qy_said_sentence_ends(st, k, gap_from(st, k))) && qy_said_spaced(st, k + 1) &&
        qy_name_fwd(st, k + 1, 0, a, b))
        return NAMED;
    /* Inverted, after a quotation or a comma: "...," said Rama; "...,"
     * added the ministry. */
    int after_quote = qy_said_gap_has(st, k, 0);
    /* (Not "told": the name after it is whom it told: "...," Jose
     * Sandoval, author of "Mother Aged 5," told Reuters.) */
    if (k + 1 < st->nw && strcmp(term(st, k), "told") != 0 &&
        (after_quote || (qy_said_gap_has(st, k, ',') && (st->verb[k] & VERB_INVERTS))) &&
        qy_said_spaced(st, k + 1)) {
        if (qy_name_pronoun(term(st, k + 1))) {
            *a = *b = k + 1;
            return PRONOUN;
        }
        /* (After a comma only a name: "..., said the attack was ..." is
         * no speaker's.) */
        if (qy_name_fwd(st, k + 1, after_quote, a, b))
            return NAMED;
    }
    /* In apposition: Ali Safavi, a spokesman for the MEK, said; Angela
     * Tilby, vice-principal of Westcott House, Cambridge, accused.  The
     * apposition starts with a small letter or a name's possessive
     * (Steven Teplitz, AOL's associate general counsel, wrote), and may
     * stand before the words between a speaker and the verb (Bishop
     * Galloway, of Mississippi, has finely said). */
    if (j > 1 && qy_said_gap_has(st, j, ',') && !after_quote)
        for (size_t i = j - 1; i > 0 && j - i < APPOSITION_WORDS; i--) {
            if (qy_said_sentence_ends(st, i, gap_from(st, i)) ||
                qy_said_in_quote(st, wstart(st, i)))
                break;
            if (qy_said_gap_has(st, i, ',') &&
                (!(flags(st, i) & TX_CAPITAL) || qy_name_possessive(st, i)) &&
                (j - i < BEFORE_QUOTE_WORDS || qy_name_apposition(st, i)) &&
                qy_name_back(st, i - 1, a)) {
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
        if (qy_name_pronoun(term(st, i)))
            return 1;
        if (qy_said_sentence_ends(st, i, gap_from(st, i)))
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
            qy_name_title(term(st, l)) || qy_name_possessive(st, l) ||
            (l + 1 < st->nw && (flags(st, l + 1) & TX_CAPITAL) && qy_name_joins(st, l + 1)) ||
            !qy_name_back(st, l, &f) || pronoun_before(st, f))
            continue;
        /* The title in the name, or just before it in small letters. */
        for (size_t i = f > 0 && qy_said_spaced(st, f) ? f - 1 : f; i < l; i++)
            if (qy_name_title(term(st, i))) {
                *a = f;
                *b = l;
                return 1;
            }
    }
    return 0;
}

/* The name a description speaker [a, b] ("the group", "the hacker
 * group": "the", a noun for a body of people, maybe a word before it)
 * stands for, said before it in the passage (qy_name_described). */
static int described_before(const said_text *st, size_t a, size_t b, size_t *na,
                            size_t *nb)
{
    if (b < a + 1 || b > a + 2 || strcmp(term(st, a), "the") != 0 ||
        (flags(st, b) & TX_CAPITAL) || !qy_name_body(term(st, b)))
        return 0;
    return qy_name_described(st, term(st, b), a, na, nb);
}

/* Words after a name that show a person is a sentence's subject, besides
 * a verb's past form in -ed: what a story tells one doing (Michaels stood
 * up; Orth is trying), which a plural ("Officials") hardly does. */
static const char *const doings[] = {"frowned", "grinned", "has",    "is",     "laughed",
                                     "leaned",  "looked",  "nodded", "paused", "rose",
                                     "sat",     "shook",   "shrugged", "sighed", "smiled",
                                     "stood",   "turned",  "was"};

/* Words that open a clause and are no name's (Although Judy recovered). */
static const char *const conjunctions[] = {"although", "because", "though", "unless",
                                           "until",    "when",    "whereas", "while"};

/* Past forms that do not end in -ed, which a person's doing takes. */
static const char *const past_forms[] = {"began", "came", "felt", "found", "got", "held", "kept",
                                         "knew", "left", "made", "saw", "thought", "took",
                                         "went"};

/* How many sentences before a pronoun's last_subject reads, and how
 * many at most over sentences that speak of the same he or she. */
#define SUBJECT_SENTENCES 3
#define SUBJECT_SENTENCES_MOST 8

/* Words that join a clause whose subject a name may be (Judy recovered
 * and Richard went back to work). */
static const char *const coordinators[] = {"and", "but"};

/* Whether the sentence that starts at word s holds the he or she that
 * word p is (she'd, her: the same person spoken of). */
static int speaks_of(const said_text *st, size_t s, size_t p)
{
    const char *who = term(st, p);
    int she = strcmp(who, "she") == 0;
    for (size_t i = s; i < p && (i == s || !qy_said_sentence_ends(st, i, gap_from(st, i))); i++) {
        const char *t = term(st, i);
        if (strcmp(t, who) == 0 || strncmp(t, she ? "she'" : "he'", she ? 4 : 3) == 0 ||
            strcmp(t, she ? "her" : "his") == 0 || (!she && strcmp(t, "him") == 0))
            return 1;
    }
    return 0;
}

/* The person a sentence before word p, in the SUBJECT_SENTENCES before
 * p's or in p's own, has as its subject by a name at a clause's start
 * and a verb after it, the last such, its words in [*a, *b] (Michaels
 * stood up. "...," he said; for example, Orth is trying ... "...," she
 * says): for a he or she, of a quotation, that no speaker named by a
 * verb before stands nearer to.  (Not for words outside quotation marks: a story's "he told
 * them" or "she denies" tells what a person, a country or a ship did as
 * often as what one said.) */
static int last_subject(const said_text *st, size_t p, size_t *a, size_t *b)
{
    /* Further back, over sentences that speak of the same he or she
     * (Misty DeMars is a mother of two young boys. She'd been steadily
     * employed ... she sat down and wrote me a letter. "...," she
     * wrote). */
    size_t from = qy_said_sentence_start(st, p);
    for (int back = 0; from > 0 && back < SUBJECT_SENTENCES_MOST &&
                       (back < SUBJECT_SENTENCES || speaks_of(st, from, p));
         back++)
        from = qy_said_sentence_start(st, from - 1);
    for (size_t l = p - 1; l-- > from;) {
        if (!(flags(st, l) & TX_CAPITAL) || (flags(st, l + 1) & TX_CAPITAL))
            continue;
        size_t f;
        const char *v = term(st, l + 1);
        size_t nv = strlen(v);
        int did = QY_ONE_OF(v, doings) || QY_ONE_OF(v, subject_verbs) ||
                  QY_ONE_OF(v, past_forms) || (nv > 3 && strcmp(v + nv - 2, "ed") == 0);
        if (!did || !qy_said_spaced(st, l + 1) || qy_name_title(term(st, l)) ||
            qy_name_possessive(st, l) || !qy_name_back(st, l, &f) ||
            !(qy_said_clause_start(st, f) ||
              (f > 0 && qy_said_spaced(st, f) && QY_ONE_OF(term(st, f - 1), coordinators))) ||
            qy_name_adverb(term(st, f)) || QY_ONE_OF(term(st, f), conjunctions))
            continue;
        /* A sentence's first word alone is a person only if it looks
         * like one, and one in -s only with what one person does
         * (Michaels stood up; not Officials declined). */
        size_t n = strlen(term(st, f));
        if (f == l && qy_said_sentence_start(st, f) == f &&
            (n < 3 || (term(st, f)[n - 1] == 's' && !QY_ONE_OF(v, doings))))
            continue;
        *a = f;
        *b = l;
        return 1;
    }
    return 0;
}

/* The speaker by word k's verb, a pronoun read as the last speaker named
 * before it, or for he or she of a quotation (`quoted`) the last person a
 * sentence before has as its subject when nearer (last_subject), or
 * failing both the last person named with a title. */
static int speaker_at(const said_text *st, size_t k, int quoted, qy_said_at *out)
{
    size_t a, b, na, nb, sa, sb;
    int s = subject_of(st, k, &a, &b);
    int person = s == PRONOUN && qy_name_pronoun(term(st, a));
    int named = s == PRONOUN && last_named(st, wstart(st, a), &na, &nb);
    if (person && quoted && a > 1 && last_subject(st, a, &sa, &sb) && (!named || sb > nb)) {
        named = 1;
        na = sa;
        nb = sb;
    }
    if (named || (person && last_titled(st, wstart(st, a), &na, &nb))) {
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
        if (i >= st->nw || qy_said_sentence_ends(st, i, gap_from(st, i)))
            return 1;
    size_t i = k + 1;
    if (strcmp(term(st, k), "told") == 0)
        i += i < st->nw && strcmp(term(st, i), "the") == 0 ? 2 : 1;
    if (i >= st->nw || !qy_said_spaced(st, i) || !QY_ONE_OF(term(st, i), circumstances))
        return 0;
    /* (Only that: not the United States announced on Friday new
     * sanctions against Tehran.) */
    for (size_t e = i + 1; e <= i + CIRCUMSTANCE_WORDS; e++)
        if (e >= st->nw || qy_said_sentence_ends(st, e, gap_from(st, e)))
            return 1;
    return 0;
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

/* The writer whom the lines above byte `end` of the text name for words
 * quoted `depth` deep: the first line above quoted less deep, when it
 * ends in a verb of speech and a colon (On Tue, Panu Matilainen wrote:),
 * the lines between quoted as deep or deeper (the quoted block).  1 with
 * the writer in *out; 0 when that line names none (the replier's own
 * words come between), 3 when it ends in a colon all the same (Here is
 * what I said:); 2 when the text has no such line above (the passage
 * before may).  Word k starts at `end` or after it (or is st->nw). */
static int writer_above(const said_text *st, size_t end, size_t k, size_t depth,
                        qy_said_at *out)
{
    for (;;) {
        size_t from = line_start(st, end);
        while (k > 0 && wstart(st, k - 1) >= end)
            k--;
        /* (Word k - 1, the last before `end`, on the line [from, end).) */
        if (k > 0 && wstart(st, k - 1) >= from &&
            qy_reply_depth(st->text, st->len, from) < depth) {
            size_t w = k - 1, a, b;
            int colon = memchr(st->text + wend(st, w), ':', end - wend(st, w)) != NULL;
            if (!st->verb[w] || !colon || subject_of(st, w, &a, &b) != NAMED)
                return colon ? 3 : 0;
            out->found = NAMED;
            out->start = wstart(st, a);
            out->end = wend(st, b);
            return 1;
        }
        if (from == 0)
            return 2;
        end = from - 1; /* the line break ending the line above */
    }
}

/* Words on reply-quoted lines ("> ..."), with no speaker of their own:
 * the writer whom the line that introduces the quoted block names
 * (writer_above), in the passage or, failing a line there, in the
 * passage before (out->reply_depth set for it). */
static int reply_writer(const said_text *st, size_t first, qy_said_at *out)
{
    size_t from = line_start(st, wstart(st, first));
    size_t depth = qy_reply_depth(st->text, st->len, from);
    if (depth == 0)
        return 0;
    int got = from > 0 ? writer_above(st, from - 1, first, depth, out) : 2;
    if (got == 2)
        out->reply_depth = depth;
    return got == 1;
}

/* Whether the words at byte `at`, inside the quotation q, stand in a
 * quotation in apostrophes within it that a verb of speech inside q
 * introduces: words its speaker quotes someone else as saying ("I told
 * him," Dahl said. "He said 'this is how politics works'"). */
static int quoted_inside(const said_text *st, const qy_span *q, size_t at)
{
    const unsigned char *t = (const unsigned char *)st->text;
    size_t open = NO_WORD;
    for (size_t p = q->start; p < at && p < st->len; p++) {
        int left = t[p] == '\'' || (t[p] == 0xE2 && p + 2 < st->len && t[p + 1] == 0x80 &&
                                     t[p + 2] == 0x98);
        int right = t[p] == '\'' || (t[p] == 0xE2 && p + 2 < st->len && t[p + 1] == 0x80 &&
                                      t[p + 2] == 0x99);
        if (!left && !right)
            continue;
        size_t w = t[p] == '\'' ? 1 : 3;
        unsigned char next = p + w < st->len ? t[p + w] : ' ';
        int next_word = next >= 0x80 || isalnum(next);
        int after_space = p == q->start || strchr(" \t\n(\"", t[p - 1]) ||
                          (p >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 && t[p - 1] == 0x9C);
        if (left && after_space && next_word)
            open = p;
        else if (right && !after_space && !next_word)
            open = NO_WORD;
        p += w - 1;
    }
    if (open == NO_WORD)
        return 0;
    size_t j = 0;
    while (j < st->nw && wstart(st, j) < open)
        j++;
    for (size_t k = j; k-- > 0 && j - k <= 3 && wstart(st, k) >= q->start;) {
        if (st->verb[k] && !(st->verb[k] & VERB_DOCUMENT))
            return 1;
        if (qy_said_sentence_ends(st, k + 1, gap_from(st, k + 1)))
            break;
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
    /* (Words its speaker quotes another as saying are not his: their
     * speaker is the one he names, which is not read inside quotation
     * marks.) */
    if (q && quoted_inside(st, q, wstart(st, first)))
        return;
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
        if (qy_said_signed_after(st, q, after, &a, &b)) {
            out->found = NAMED;
            out->start = wstart(st, a);
            out->end = wend(st, b);
            return;
        }
        int ended = after < st->nw && qy_said_sentence_ends(st, after, q->end > 0 ? q->end - 1 : 0);
        for (size_t k = after; k < st->nw && k < after + APPOSITION_WORDS; k++) {
            if (k > after && qy_said_sentence_ends(st, k, gap_from(st, k)))
                break;
            if (k == after && qy_said_sentence_ends(st, k, q->end))
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
                speaker_at(st, k, 1, &at) &&
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
            if (qy_said_in_quote(st, wstart(st, k)) ||
                (k + 1 < before && qy_said_sentence_ends(st, k + 1, gap_from(st, k + 1))))
                break;
            if (speaker_at(st, k, 1, out))
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
    size_t from = qy_said_sentence_start(st, first), best = NO_WORD;
    qy_said_at found = {0};
    for (size_t k = from; k < st->nw; k++) {
        if (k > first && qy_said_sentence_ends(st, k, gap_from(st, k)))
            break;
        /* (The name after "quoted" speaks the words after it only.) */
        if (!st->verb[k] || ((st->verb[k] & VERB_OBJECT) && k >= first))
            continue;
        size_t dist = k > first ? k - first : first - k;
        qy_said_at at = {0};
        if ((best == NO_WORD || dist < best) && speaker_at(st, k, q != NULL, &at) &&
            (k <= first || last >= k || at.start > wstart(st, k) ||
             ends_soon(st, k))) {
            best = dist;
            found = at;
        }
    }
    if (best != NO_WORD)
        *out = found;
    size_t sa, sb;
    if (!out->found && reply_writer(st, first, out))
        return;
    if (!out->found && qy_said_signed_last(st, first, &sa, &sb)) {
        out->found = NAMED;
        out->start = wstart(st, sa);
        out->end = wend(st, sb);
        return;
    }
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
        if ((w0 > 0 && !qy_said_sentence_ends(st, w0, gap_from(st, w0))) ||
            (after < st->nw && !qy_said_sentence_ends(st, after, q->end > 0 ? q->end - 1 : 0)))
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

/* Reads the text for its speakers into *st (said_text_clear), out
 * cleared: 1; 0 when none of its words reports speech and it holds no
 * quotation (nothing read); -1 when out of memory. */
static int said_open(const char *text, size_t len, const qy_ptoks *pt, int always,
                     said_text *st, qy_said_at *out)
{
    memset(out, 0, sizeof *out);
    if (!always && !qy_said_any_verb(pt, len) && !qy_said_any_quote_mark(text, len) &&
        !qy_said_signature_possible(text, len))
        return 0;
    return qy_said_text_read(text, len, pt, st) == CS_OK ? 1 : -1;
}

cs_status qy_said_find(const char *text, size_t len, const qy_ptoks *pt,
                       size_t start, size_t end, qy_said_at *out)
{
    said_text st;
    /* (A passage whose words start on a reply-quoted line is read for
     * its writer, verb or none.) */
    int got = said_open(text, len, pt, start < len && qy_reply_depth(text, len, start) > 0, &st,
                        out);
    if (got <= 0)
        return got < 0 ? CS_NOMEM : CS_OK;
    find_speaker(&st, start, end, out);
    qy_said_text_clear(&st);
    return CS_OK;
}

cs_status qy_said_last(const char *text, size_t len, const qy_ptoks *pt, int need,
                       qy_said_at *out)
{
    said_text st;
    int person = need == 2;
    int got = said_open(text, len, pt, need >= 2, &st, out);
    if (got <= 0)
        return got < 0 ? CS_NOMEM : CS_OK;
    size_t a, b;
    if (need > 2) {
        /* (All its lines quoted as deep or deeper: the passage above it
         * may name him, reply_depth says.) */
        int got = writer_above(&st, len, st.nw, (size_t)need - 2, out);
        out->reply_depth = got == 0 || got == 2 ? (size_t)need - 2 : 0;
    } else if (last_named(&st, len, &a, &b) || (person && last_titled(&st, len, &a, &b))) {
        out->found = NAMED;
        out->start = wstart(&st, a);
        out->end = wend(&st, b);
    }
    qy_said_text_clear(&st);
    return CS_OK;
}

cs_status qy_said_set_speaker(qy_result *r, const qy_result *src, const qy_ptoks *pt,
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
     * a highlight holds.  A claim's words are read where the passage
     * states them together, not where the first stands alone ("Dubois
     * called the law ... Haddad said the law was the most ambitious" for
     * a claim that the law was the most ambitious). */
    size_t k, l;
    if (c->windowed && c->window_to < c->pt.n) {
        k = c->window_from;
        l = c->window_to;
    } else {
        size_t hl = r->highlights[0].start;
        k = qy_cand_word_from(c, hl);
        if (hl < r->byte_start || k == c->pt.n)
            return CS_OK;
        size_t hl_end = r->highlights[r->nhighlights - 1].end;
        l = k;
        while (l + 1 < c->pt.n && r->byte_start + c->pt.v[l + 1].start < hl_end)
            l++;
    }
    size_t len;
    const char *read = qy_readable_text(r, &c->pt.words, &len);
    qy_said_at at;
    cs_status rc = qy_said_find(read, len, &c->pt, c->pt.v[k].rstart,
                                c->pt.v[l].rstart > c->pt.v[k].rstart ? c->pt.v[l].rstart
                                                                     : c->pt.v[k].rstart,
                                &at);
    if (rc != CS_OK)
        return rc;
    *need_before = at.found == PRONOUN ? (at.person ? 2 : 1)
                   : at.found == NONE && at.reply_depth ? 2 + (int)at.reply_depth
                                                        : 0;
    return at.found == NAMED ? qy_said_set_speaker(r, r, &c->pt, read, &at) : CS_OK;
}

cs_status qy_said_mark_before(tx_analyzer *a, qy_cand *c, const qy_result *before,
                              int need_before, int *further)
{
    *further = 0;
    if (!before->text)
        return CS_OK;
    /* A passage without a colon names no writer for a reply's lines (On
     * Sunday, X wrote:), nor stops the look up: it is not analyzed. */
    if (need_before > 2 && !memchr(before->text, ':', before->text_len)) {
        *further = 1;
        return CS_OK;
    }
    qy_ptoks pt;
    cs_status rc = qy_ptoks_analyze(a, before, &pt, NULL);
    qy_said_at at = {0};
    size_t len;
    const char *read = qy_readable_text(before, &pt.words, &len);
    if (rc == CS_OK)
        rc = qy_said_last(read, len, &pt, need_before, &at);
    if (rc == CS_OK && at.found == NAMED)
        rc = qy_said_set_speaker(&c->r, before, &pt, read, &at);
    *further = rc == CS_OK && at.found != NAMED && at.reply_depth > 0;
    qy_ptoks_clear(&pt);
    /* (A passage before that cannot be read only leaves "he" unnamed.) */
    return rc == CS_NOMEM ? rc : CS_OK;
}
