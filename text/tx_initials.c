/*
 * tx_initials.c - the acronyms a run of capitalized words spells.
 *
 * An article writes "the National Council for Resistance in Iran" where a
 * checker types NCRI, or "Mujahedin-e Khalq" for MEK.  The indexer adds
 * what each run of names spells (ix_doc.c), and the query reads a
 * passage's runs again to say where it spells a claim's acronym
 * (qy_mark.c): the rules below serve both, so they cannot disagree.
 */
#include <string.h>

#include "tx.h"

/* Lower-case stop words between two capitalized words ("of", "for",
 * "in", "and", "the") at most this many in a row: "Bank of the West". */
#define RUN_MAX_STOPS 2

void tx_initials_init(tx_initials *s, size_t min)
{
    memset(s, 0, sizeof *s);
    s->min = min < 2 ? 2 : min;
}

/* Non-zero when text[from, to) is the space between two words of one
 * name: blanks (a no-break space too), at most one line break. */
static int blank_gap(const char *text, size_t from, size_t to)
{
    int breaks = 0;
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            breaks++;
        else if (c == 0xC2 && i + 1 < to && (unsigned char)text[i + 1] == 0xA0)
            i++;
        else if (c != ' ' && c != '\t' && c != '\r')
            return 0;
    }
    return breaks <= 1;
}

/* Reports every stretch of the run, from one of its words to a later
 * one, that spells s->min to TX_INITIALS_MAX letters: "The Albanian
 * National Security Council" is ANSC, and NSC, and ANS... (a writer's
 * acronym may leave a run's first or last words out). */
static void run_end(tx_initials *s, tx_initials_fn fn, void *ctx)
{
    size_t n = s->n;
    s->n = 0;
    s->stops = 0;
    s->in_compound = 0;
    if (n < s->min || n > TX_INITIALS_RUN)
        return;
    for (size_t i = 0; i + s->min <= n; i++)
        for (size_t j = i + s->min; j <= n && j - i <= TX_INITIALS_MAX; j++) {
            char letters[TX_INITIALS_MAX + 1];
            memcpy(letters, s->letters + i, j - i);
            letters[j - i] = '\0';
            fn(ctx, letters, j - i, s->starts[i], s->ends[j - 1]);
        }
}

/* Whether a word of term `term` and flags `flags` begins a name's word
 * with a letter a-z (after folding: Ëndërr is e). */
static int initial_of(const char *term, unsigned flags)
{
    return !(flags & (TX_NUMBER | TX_IDEO)) && term[0] >= 'a' && term[0] <= 'z';
}

/* Adds a word of the run, its initial `letter`. */
static void add_word(tx_initials *s, char letter, size_t start, size_t end)
{
    if (s->n < TX_INITIALS_RUN) { /* a longer run is reported not at all */
        s->letters[s->n] = letter;
        s->starts[s->n] = start;
        s->ends[s->n] = end;
    }
    s->n++;
    s->last_end = end;
}

void tx_initials_word(tx_initials *s, const char *text, const char *term,
                      unsigned flags, size_t start, size_t end,
                      tx_initials_fn fn, void *ctx)
{
    if (flags & TX_JOINED) /* its parts came before it */
        return;
    int later_part = (flags & TX_PART) && s->in_compound && s->n > 0 &&
                     s->stops == 0 && start > s->last_end &&
                     start - s->last_end <= 3; /* a hyphen: - or U+2010 */
    if (!later_part)
        s->in_compound = 0;
    /* A compound's later parts count whatever their case: the "e" of
     * Mujahedin-e Khalq is the E of MEK. */
    if (later_part && initial_of(term, flags)) {
        add_word(s, term[0], start, end);
        return;
    }
    int joins = s->n > 0 && blank_gap(text, s->last_end, start);
    if ((flags & TX_STOP) && joins && s->stops < RUN_MAX_STOPS) {
        /* of, for, in: the run may go on after it. */
        s->stops++;
        s->last_end = end;
        return;
    }
    if (!(flags & TX_CAPITAL) || (flags & TX_STOP) || !initial_of(term, flags)) {
        run_end(s, fn, ctx);
        return;
    }
    if (!joins)
        run_end(s, fn, ctx);
    add_word(s, term[0], start, end);
    s->stops = 0;
    s->in_compound = (flags & TX_PART) != 0;
}

void tx_initials_end(tx_initials *s, tx_initials_fn fn, void *ctx)
{
    run_end(s, fn, ctx);
}

int tx_acronym_written(const char *w, size_t len, size_t min, size_t max)
{
    if (len < min || len > max)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return 0;
    return 1;
}
