/* qy_spell.c - spellings the index knows of a word it does not (see
 * qy_spell.h). */
#include "qy_spell.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xs.h"

/* Edit distance of a and b (bytes), or limit + 1 when over `limit`.
 * Banded, so a long unrelated word costs little. */
static unsigned distance(const char *a, size_t na, const char *b, size_t nb,
                         unsigned limit)
{
    if ((na > nb ? na - nb : nb - na) > limit)
        return limit + 1;
    unsigned row[QY_SPELL_MAX_LEN + 1], prev[QY_SPELL_MAX_LEN + 1];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (unsigned)j;
    for (size_t i = 1; i <= na; i++) {
        row[0] = (unsigned)i;
        unsigned best = row[0];
        for (size_t j = 1; j <= nb; j++) {
            unsigned sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            unsigned del = prev[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            if (row[j] < best)
                best = row[j];
        }
        if (best > limit)
            return limit + 1;
        memcpy(prev, row, (nb + 1) * sizeof *row);
    }
    return prev[nb];
}

/* A word's consonants: its first letter, then its letters but vowels
 * (and y), a run of one letter once.  Names transliterated from scripts
 * that write few vowels differ in their vowels and doubled letters
 * (Mujaheddin, Mujahideen, Mojahedin: mjhdn), more than edits allow.
 * Returns its length (out holds QY_SPELL_MAX_LEN + 1 bytes). */
static size_t skeleton(const char *w, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (i > 0 && strchr("aeiouy", c) && c)
            continue;
        if (n > 0 && out[n - 1] == c)
            continue;
        out[n++] = c;
    }
    out[n] = '\0';
    return n;
}

typedef struct search {
    const char *word;
    size_t len;
    unsigned limit;
    qy_spelling *best;
    size_t n, max;
    /* The word's skeleton, for long words (else length 0). */
    char skel[QY_SPELL_MAX_LEN + 1];
    size_t skel_len;
} search;

/* Keeps the closest spellings, the more frequent first among equals;
 * a long word's spellings of the same consonants count as one edit more
 * than the limit allows. */
static int on_term(void *ctx, const char *term, size_t len, unsigned freq)
{
    search *s = ctx;
    if (len > QY_SPELL_MAX_LEN)
        return 0;
    unsigned d = distance(s->word, s->len, term, len, s->limit);
    if (d == 0)
        return 0;
    if (d > s->limit) {
        char skel[QY_SPELL_MAX_LEN + 1];
        if (s->skel_len == 0 || (len > s->len ? len - s->len : s->len - len) > 4 ||
            skeleton(term, len, skel) != s->skel_len || memcmp(skel, s->skel, s->skel_len) != 0)
            return 0;
        d = s->limit + 1;
    }
    size_t at = s->n;
    while (at > 0 && (s->best[at - 1].distance > d ||
                      (s->best[at - 1].distance == d &&
                       s->best[at - 1].freq < freq)))
        at--;
    if (at >= s->max)
        return 0;
    if (s->n == s->max) {
        free(s->best[s->n - 1].word);
        s->n--;
    }
    char *copy = strndup(term, len);
    if (!copy)
        return 1;
    memmove(s->best + at + 1, s->best + at, (s->n - at) * sizeof *s->best);
    s->best[at] = (qy_spelling){copy, d, freq};
    s->n++;
    return 0;
}

size_t qy_spell_variants(struct xs_db *db, const char *word,
                         qy_spelling *out, size_t max)
{
    size_t len = strlen(word);
    if (len < QY_SPELL_MIN_LEN || len > QY_SPELL_MAX_LEN || max == 0)
        return 0;
    /* Words of the index that begin as this one does: a misspelt or
     * otherwise transliterated name keeps its first letter far more often
     * than not (Mujahedin, Mojahedin), and this bounds the walk. */
    char first[2 + sizeof CS_PREFIX_WORD] = CS_PREFIX_WORD;
    size_t p = strlen(first);
    first[p] = word[0];
    first[p + 1] = '\0';
    search s = {word, len, len >= QY_SPELL_LONG ? 2 : 1, out, 0, max, "", 0};
    /* (Four consonants at least: a short skeleton is many words'.) */
    if (len >= QY_SPELL_LONG && skeleton(word, len, s.skel) < 4)
        s.skel_len = 0;
    else if (len >= QY_SPELL_LONG)
        s.skel_len = strlen(s.skel);
    if (xs_db_terms_each(db, first, on_term, &s, NULL) != CS_OK) {
        qy_spelling_clear(out, s.n);
        return 0;
    }
    return s.n;
}

void qy_spelling_clear(qy_spelling *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].word);
}
