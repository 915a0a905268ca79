/* qy_diffkind.c - what each changed word of a quote diff is: a number or
 * a date replaced, a word moved (see qy_engine.h; a contraction the
 * alignment marks itself).
 *
 * Worked out once where the diff is made, so that every output says the
 * same: the text line ("7th -> 9th (number)"), the JSON "kind" and the
 * web page.  The diff's words are compared as written, not as analyzed:
 * a number written out ("fifteen") is no number to the analyzer. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "qy_engine.h"

/* A number written out in English (fifteen, third, million). */
static int is_number_word(const char *w)
{
    static const char *const names[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion", "trillion", "dozen",
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "half", "twice"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strcasecmp(w, names[k]) == 0)
            return 1;
    return 0;
}

/* A number written out with a hyphen: twenty-four, thirty-first. */
static int is_number_compound(const char *w)
{
    const char *dash = strchr(w, '-');
    if (!dash || dash == w || strchr(dash + 1, '-'))
        return 0;
    char first[32];
    size_t n = (size_t)(dash - w);
    if (n >= sizeof first)
        return 0;
    memcpy(first, w, n);
    first[n] = '\0';
    return is_number_word(first) && is_number_word(dash + 1);
}

/* A word that reads as a number: digits, with , or . between them and
 * maybe an ordinal ending (1,500  2.5  7th  21st), or one written out
 * (fifteen, twenty-four). */
static int is_number(const char *w)
{
    if (is_number_word(w) || is_number_compound(w))
        return 1;
    size_t i = 0, digits = 0;
    while (w[i] >= '0' && w[i] <= '9') {
        while (w[i] >= '0' && w[i] <= '9') {
            i++;
            digits++;
        }
        if ((w[i] == ',' || w[i] == '.') && w[i + 1] >= '0' && w[i + 1] <= '9')
            i++;
    }
    if (digits == 0)
        return 0;
    static const char *const ordinal[] = {"", "st", "nd", "rd", "th"};
    for (size_t k = 0; k < sizeof ordinal / sizeof *ordinal; k++)
        if (strcasecmp(w + i, ordinal[k]) == 0)
            return 1;
    return 0;
}

/* A month or a day of the week, written out or cut short (Sept., Mon). */
static int is_date_word(const char *w)
{
    static const char *const names[] = {
        "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    size_t len = strlen(w);
    if (len > 0 && w[len - 1] == '.')
        len--;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (len >= 3 && len <= strlen(names[k]) && strncasecmp(w, names[k], len) == 0)
            return 1;
    return 0;
}

/* The op that moves op i's word, or n: a word only in the query and the
 * same word only in the source, elsewhere (case aside), not paired yet. */
static size_t moved_partner(const qy_diff_op *ops, size_t n, size_t i)
{
    const qy_diff_op *a = &ops[i];
    if ((a->op != '-' && a->op != '+') || a->kind == QY_DIFF_MOVED)
        return n;
    const char *word = a->op == '-' ? a->query : a->source;
    for (size_t k = 0; k < n; k++) {
        const qy_diff_op *b = &ops[k];
        if (k != i && b->kind != QY_DIFF_MOVED &&
            b->op == (a->op == '-' ? '+' : '-') &&
            strcasecmp(word, b->op == '-' ? b->query : b->source) == 0)
            return k;
    }
    return n;
}

void qy_diff_kinds(qy_diff_op *ops, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ops[i].kind != QY_DIFF_CONTRACTION)
            ops[i].kind = QY_DIFF_PLAIN;
    for (size_t i = 0; i < n; i++) {
        qy_diff_op *o = &ops[i];
        if (o->kind == QY_DIFF_CONTRACTION)
            continue;
        if (o->op == '~') {
            if (is_number(o->query) && is_number(o->source))
                o->kind = QY_DIFF_NUMBER;
            else if (is_date_word(o->query) && is_date_word(o->source))
                o->kind = QY_DIFF_DATE;
            continue;
        }
        size_t k = moved_partner(ops, n, i);
        if (k < n) {
            o->kind = ops[k].kind = QY_DIFF_MOVED;
            o->partner = k;
            ops[k].partner = i;
        }
    }
}

const char *qy_diff_kind_name(qy_diff_kind k)
{
    switch (k) {
    case QY_DIFF_NUMBER: return "number";
    case QY_DIFF_DATE: return "date";
    case QY_DIFF_MOVED: return "moved";
    case QY_DIFF_CONTRACTION: return "contraction";
    default: return NULL;
    }
}
