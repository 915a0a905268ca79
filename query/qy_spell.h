/*
 * qy_spell.h - other spellings of a query word the index does not know.
 *
 * Names reach fact-checkers spelt many ways (Mujahedin, Mojahedin,
 * Mujahideen).  A name (a capitalized word) of QY_SPELL_MIN_LEN bytes or
 * more that no passage holds, in any form, is looked up among the index's
 * words that begin with the same letter, within a small edit distance (1,
 * or 2 from QY_SPELL_LONG bytes on; from that length on also a word of the
 * same consonants, as transliterations differ in vowels and doubled
 * letters: Mujaheddin and Mujahideen, three edits apart), and the
 * closest, most frequent ones are searched for in its stead.  Words the index knows are left alone, so
 * this costs nothing unless a word would find nothing (then a walk of
 * the words of one letter: a few milliseconds in 6,400 files).
 *
 * Ownership: each qy_spelling's word is malloc'd; qy_spelling_clear frees
 * them.
 */
#ifndef CITESEARCH_QY_SPELL_H
#define CITESEARCH_QY_SPELL_H

#include <stddef.h>

struct xs_db;

/* Shorter words are not respelt: too many words are a letter apart
 * (Biden is not Baden). */
#define QY_SPELL_MIN_LEN 6
/* From this length on, two edits are allowed. */
#define QY_SPELL_LONG 8
/* Longer words are not looked for. */
#define QY_SPELL_MAX_LEN 40

typedef struct qy_spelling {
    char *word;        /* a normalized word of the index */
    unsigned distance; /* edits from the query word, >= 1 */
    unsigned freq;     /* passages that hold it */
} qy_spelling;

/* Up to `max` spellings of the normalized `word` in `db`, closest first,
 * then most frequent; returns how many (0 also when out of memory). */
size_t qy_spell_variants(struct xs_db *db, const char *word,
                         qy_spelling *out, size_t max);
void qy_spelling_clear(qy_spelling *v, size_t n);

#endif
