/*
 * qy_plan.h - from parsed clauses to a Xapian query and a matching plan.
 *
 * Words rank on their stems (body, and title at CS_TITLE_WEIGHT); phrases
 * match unstemmed positional words.  Compounds meet in every spelling: a
 * hyphenated query word also asks for its joined form; an unhyphenated word
 * that splits into two indexed words, and is not far more common than the
 * rarer of them, also asks for them as a phrase ("realtime" finds
 * "real-time" and "real time"; "government" does not ask for "govern
 * ment"); two adjacent query words
 * also ask for their joined form when the index has it.
 *
 * The plan keeps what the highlighter needs: the stems of the words asked
 * for and, for each phrase, its spelling variants as term sequences.
 *
 * Ownership: a qy_plan owns everything in it; qy_plan_clear frees.
 */
#ifndef CITESEARCH_QY_PLAN_H
#define CITESEARCH_QY_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "qy_engine.h"
#include "qy_parse.h"
#include "qy_wordmap.h"
#include "tx.h"
#include "xs.h"

typedef struct qy_strv {
    char **v;
    size_t n, cap;
} qy_strv;

cs_status qy_strv_add(qy_strv *s, const char *str, size_t len);
void qy_strv_clear(qy_strv *s);
int qy_strv_has(const qy_strv *s, const char *str, size_t len);

/* One quoted phrase: each variant is a sequence of normalized words. */
typedef struct qy_phrase_plan {
    qy_strv *variants;
    size_t nvariants;
    qy_modifier mod;
} qy_phrase_plan;

/* A content word of the query, for the coverage report. */
typedef struct qy_word {
    char *text;   /* as the user wrote it */
    char *term;   /* normalized, as the analyzer writes it (didn't) */
    char *stem;
    char *joined_stem; /* stem of its compound's joined form, or NULL */
    /* A solid word the index also has as two words (cyberattacks: "cyber
     * attacks"): the first word and the second's stem, or NULL. */
    char *split_head, *split_tail;
    qy_strv alts;      /* stems of the index's spellings of a word that no
                          passage holds as written (qy_spell.h) */
    /* An acronym written in capitals (NCRI) that runs of names in the
     * index spell out (tx_initials.h): a passage's run that spells it
     * supports it. */
    int initials;
    /* An acronym in capitals whose stem is another word (TIMS: tim): a
     * passage word of its stem supports it only written as it is. */
    int exact;
    /* Of a name in a run of names that spells an acronym the index holds
     * as a word (People's Mojahedin Organization of Iran: pmoi), that
     * acronym: a passage that writes it in capitals supports the name;
     * NULL when none. */
    char *acronym;
    /* A name's normalized word (albania), for the word of its people or
     * things a passage may say instead (Albanian): see qy_mark.c.  NULL
     * when the word is not written as a name, or is a month or weekday. */
    char *name;
    /* Written after a preposition of place or a verb of going (in, near,
     * outside, leave Tirana): the place, not its government, as a capital
     * may be (qy_mark.c). */
    int placed;
    /* A name that is a capital of qy_mark.c's table: its country
     * (tehran: "iran"); a country, its people or the US: its capital
     * (iranian: "tehran").  Static strings, set by qy_word_place; NULL
     * otherwise. */
    const char *country_of, *capital_of;
    /* Written as a number of two or more (15th, twenty-four, 1,500), which
     * a passage may write otherwise (qy_same_number). */
    int number;
    /* The value it stands for, when it is such a number or a scale word
     * (has_amount): a number and the scale word after it stand for their
     * product together ("1.5 million": each 1500000), which a passage may
     * write otherwise (1,500,000). */
    int has_amount;
    double amount;
    /* A figure a passage may give more exactly, which the claim rounds
     * (qy_rounds_to): the place it is given to (73.3 million: 100,000;
     * 1,500: 100; its scale word's the same), 0 when it is no such figure
     * (a year: four digits from 1000 to 2999 without a comma; a number in
     * words; an ordinal); and on its number's word,
     * the figure as the claim writes it ("73.3 million", malloc'd; NULL on
     * the scale word and when none). */
    double figure_unit;
    qy_bound figure_bound; /* what the words before it say of it */
    /* For a word that bounds a figure ("nearly" of "nearly 75 million"),
     * the index of the figure's number among the plan's words; else -1.
     * It is held where the figure is. */
    int bound_of;
    char *figure_text;
    /* What the figure counts, the word after it (percent, dollars,
     * complaints): its stem (malloc'd; NULL when the claim ends with the
     * figure or a stop word follows it) and the units or currencies it or
     * a sign by the figure ($) names; a passage's figure must count the
     * same (when either says what) to be the one it rounds or bounds. */
    char *figure_of;
    uint32_t figure_of_units;
    /* The units or currencies it names (tx_unit_groups: km, dollars,
     * USD), which a passage may name otherwise; 0 none. */
    uint32_t units;
    /* For a number, the currency a sign by it names ($3: tx_currency_by);
     * a passage's same number by another currency's sign (€3) does not
     * support it.  0 none. */
    uint32_t sign_currency;
    /* Its American spelling (tx_us_spelling), which a passage's British
     * one shares; "" under four letters. */
    char spelling[TX_SPELLING_MAX];
    /* The base of the irregular verb it is a form of (tx_verb_base,
     * static), NULL when none: looked up once, not per passage word. */
    const char *verb_base;
} qy_word;

#define QY_UNKNOWN_WORD 1
#define QY_UNKNOWN_STEM 2

/* Whether a query word as written starts with a capital: A-Z, or a lead
 * byte from 0xC0 (a letter beyond ASCII, as names begin: Çela, Ébène). */
int qy_word_capital(const qy_word *w);

/* Sets w->country_of or w->capital_of from its name and how it is
 * written, once per claim word, so that the coverage of each candidate
 * asks only a place's words about capitals (in qy_mark.c, beside the
 * table of capitals it reads). */
void qy_word_place(qy_word *w);

typedef struct qy_plan {
    xs_query *query;     /* the query to run */
    xs_query *loose;     /* quote mode: the words of the quotation OR-ed,
                            for when no verbatim match exists; else NULL */
    xs_query *scope;     /* quote mode: the passages the filters let
                            through (every passage, filtered, the excluded
                            left out), for the searches of a quotation's
                            parts (qy_across.c); NULL with no filter */
    qy_strv stems;       /* stems of optional and required words */
    qy_phrase_plan *phrases;
    size_t nphrases;
    /* Spellings of a query word as other words, highlighted only where
     * they stand together: the parts of T-Mobile in order (not a lone
     * "mobile"), "real time" for realtime, "cyberattack" for "cyber
     * attack".  Each is a sequence of normalized words. */
    qy_strv *spellings;
    size_t nspellings;
    qy_word *words;      /* content words (not stop words, not excluded) */
    size_t nwords;
    /* The words by their text as written (qy_wordmap.h), for which word a
     * word of a result's lists is; and of them, the names written with a
     * capital (qy_word_capital), which a claim's speaker may be
     * (qy_claim_names_missing).  Built last, with every word. */
    qy_wordmap words_by_text, names_by_text;
    int quote;
    size_t ncontext;     /* quote mode: the first ncontext words are the
                            bare words beside the quotation, saying whose
                            it is (qy_parsed.context), not its own */
    /* A claim: two content words or more, no phrase, not a quotation.
     * Its candidates are re-ranked (qy_engine.c), the share of its words
     * the title holds among what ranks them; so its query asks for the
     * words in the passages only, which spares a posting list a word
     * (claims 1.06-1.14 -> 0.96-0.98 ms p50, back to back; every
     * development set ranks its answers as before).  Other queries ask
     * for each optional word in the title too, at CS_TITLE_WEIGHT. */
    int claim;
    /* The query negates or denies something (not, never, didn't, denied):
     * a passage's negation may then agree with it, so none is reported
     * (qy_mark.c). */
    int negative;
    /* Some words asked for are stop words, as a clause of nothing else
     * asks for them ("to be or not to be", +the): their stems are in
     * `stems`, and the passage's stop words are highlighted by them. */
    int stop_stems;
    /* Quote mode: every word of the quotation, for the alignment of near
     * matches: normalized terms, stems, and the words as written; and for
     * each, the number of the hyphenated compound it is a part of (1, 2,
     * ...; 0 for a word of its own), so "twenty-four" is told as one. */
    qy_strv quote_terms, quote_stems, quote_texts;
    unsigned *quote_compound;
    /* For each, the currency a sign by it names when it is a number ($3:
     * tx_currency_by), else 0: a source's same number by another
     * currency's sign (€3) is no verbatim quote of it. */
    uint32_t *quote_currency;
    /* For a quotation not found verbatim (qy_plan_quote_unknown), what
     * the index knows of each of its words: QY_UNKNOWN_WORD when no
     * passage writes it (misspelt: "completly"), and QY_UNKNOWN_STEM too
     * when none writes a form of it either (cut short by the selection it
     * was copied with: "onal security" of "national security"; not
     * "aggressor" of "aggressors"; see qy_near.c).  NULL until then. */
    unsigned char *quote_unknown;
} qy_plan;

cs_status qy_plan_build(qy_engine *e, const qy_parsed *parsed, qy_plan *out,
                        char **msg);
/* The phrase of the `n` normalized words `terms` (one word: its term);
 * NULL when out of memory.  The caller frees it. */
xs_query *qy_phrase_query(char *const *terms, size_t n);
/* Passages whose body holds a word of stem `stem` (its CS_PREFIX_STEM
 * term). */
unsigned qy_stem_freq(qy_engine *e, const char *stem);
/* Fills p->quote_unknown: a lookup or two a word, made only when the
 * quotation is not found verbatim.  CS_NOMEM or CS_OK. */
cs_status qy_plan_quote_unknown(qy_engine *e, qy_plan *p);
void qy_plan_clear(qy_plan *p);

#endif
