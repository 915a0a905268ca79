/* qy_diffkind.c - what each changed word of a quote diff is: a number or
 * a date replaced, a number written otherwise, a word moved (see
 * qy_engine.h; a contraction the alignment marks itself).
 *
 * Worked out once where the diff is made, so that every output says the
 * same: the text line ("7th -> 9th (number)"), the JSON "kind" and the
 * web page.  The diff's words are compared as written, not as analyzed:
 * a number written out ("fifteen") is no number to the analyzer. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qy_engine.h"
#include "tx.h"

/* Numbers written out in English (fifteen, third, million), with their
 * values; "half", "twice" and the like are numbers of no one value. */
static const struct {
    const char *name;
    long value; /* -1: none */
} number_words[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},         {"three", 3},
    {"four", 4},      {"five", 5},       {"six", 6},         {"seven", 7},
    {"eight", 8},     {"nine", 9},       {"ten", 10},        {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14},   {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},   {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},      {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},     {"ninety", 90},
    {"hundred", 100}, {"thousand", 1000}, {"million", 1000000},
    {"billion", 1000000000}, {"trillion", -1}, {"dozen", 12},
    {"first", 1},     {"second", 2},     {"third", 3},       {"fourth", 4},
    {"fifth", 5},     {"sixth", 6},      {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},     {"tenth", 10},     {"eleventh", 11},   {"twelfth", 12},
    {"half", -1},     {"twice", -1}};

/* Whether the `len` bytes at w are a number written out; *value its
 * value, or -1. */
static int number_word(const char *w, size_t len, long *value)
{
    /* (The shortest is "one", the longest "seventeen"; a word of a
     * passage is asked when a quotation holds a number.) */
    if (len < 3 || len > 9)
        return 0;
    for (size_t k = 0; k < sizeof number_words / sizeof *number_words; k++)
        if (number_words[k].name[0] == (w[0] | 0x20) &&
            strlen(number_words[k].name) == len &&
            strncasecmp(w, number_words[k].name, len) == 0) {
            *value = number_words[k].value;
            return 1;
        }
    return 0;
}

/* A number written out, alone or two with a hyphen (twenty-four,
 * thirty-first: their sum when they are tens and units). */
static int number_written_out(const char *w, long *value)
{
    /* Most words part at their first letter: a number word begins with
     * one of these (this is asked of every word of many passages). */
    if (!w[0] || !strchr("zotfsenhmbdZOTFSENHMBD", w[0]))
        return 0;
    const char *dash = strchr(w, '-');
    if (!dash)
        return number_word(w, strlen(w), value);
    long tens, units;
    if (dash == w || strchr(dash + 1, '-') ||
        !number_word(w, (size_t)(dash - w), &tens) ||
        !number_word(dash + 1, strlen(dash + 1), &units))
        return 0;
    *value = tens >= 20 && tens <= 90 && tens % 10 == 0 && units >= 1 && units <= 9
                 ? tens + units
                 : -1;
    return 1;
}

/* How many digits follow w[i], up to w[len] (SIZE_MAX: up to the NUL). */
static size_t digits_after(const char *w, size_t i, size_t len)
{
    size_t n = 0;
    while (i + 1 + n < len && w[i + 1 + n] >= '0' && w[i + 1 + n] <= '9')
        n++;
    return n;
}

/* Whether a comma at w[i] groups digits: three digits follow it, and no
 * more ("1,500"; "2,5" is a decimal comma, "1,2345" neither). */
static int digit_group_at(const char *w, size_t i, size_t len)
{
    return w[i] == ',' && digits_after(w, i, len) == 3;
}

int qy_number_of(const char *w, long *value)
{
    if (number_written_out(w, value))
        return 1;
    size_t i = 0, digits = 0;
    long v = 0;
    int whole = 1;
    while (w[i] >= '0' && w[i] <= '9') {
        while (w[i] >= '0' && w[i] <= '9') {
            if (whole && v < 100000000000L)
                v = v * 10 + (w[i] - '0');
            else
                whole = 0;
            i++;
            digits++;
        }
        if ((w[i] == ',' || w[i] == '.') && w[i + 1] >= '0' && w[i + 1] <= '9') {
            if (!digit_group_at(w, i, SIZE_MAX))
                whole = 0; /* 2.5, 2,5: compared as written */
            i++;
        }
    }
    if (digits == 0)
        return 0;
    *value = whole ? v : -1;
    static const char *const ordinal[] = {"", "st", "nd", "rd", "th"};
    for (size_t k = 0; k < sizeof ordinal / sizeof *ordinal; k++)
        if (strcasecmp(w + i, ordinal[k]) == 0)
            return 1;
    return 0;
}

/* Whether a number is an ordinal: 7th, 21st; third, twelfth,
 * thirty-first. */
static int ordinal(const char *w)
{
    size_t n = strlen(w);
    if (w[0] >= '0' && w[0] <= '9')
        return (w[n - 1] | 0x20) >= 'a' && (w[n - 1] | 0x20) <= 'z';
    return (n > 2 && strcasecmp(w + n - 2, "th") == 0) ||
           (n >= 5 && strcasecmp(w + n - 5, "first") == 0) ||
           (n >= 6 && strcasecmp(w + n - 6, "second") == 0) ||
           (n >= 5 && strcasecmp(w + n - 5, "third") == 0);
}

/* A number in digits with a decimal point as one value is written:
 * without its digit groups, leading zeros and the fraction's trailing
 * zeros (2.50 and 2.5, 1,500.0 and 1500, 07.5 and 7.5).  0 when w is not
 * such a number (an ordinal ending, two points: 1.2.3) or too long. */
static int decimal_form(const char *w, char out[64])
{
    size_t n = 0, point = 0;
    int seen_point = 0;
    for (const char *c = w; *c; c++) {
        if (*c >= '0' && *c <= '9') {
            if (n == 0 && *c == '0' && !seen_point && c[1] >= '0' && c[1] <= '9')
                continue; /* a leading zero */
            if (n == 63)
                return 0;
            out[n++] = *c;
        } else if (*c == '.' && !seen_point && n > 0 && c[1] >= '0' && c[1] <= '9') {
            if (n == 63)
                return 0;
            seen_point = 1;
            point = n;
            out[n++] = '.';
        } else if (!(n > 0 && !seen_point && digit_group_at(c, 0, SIZE_MAX))) {
            return 0;
        }
    }
    if (n == 0 || !seen_point)
        return 0;
    while (n > point + 1 && out[n - 1] == '0')
        n--;
    if (n == point + 1)
        n = point; /* 1500.0: the whole number */
    out[n] = '\0';
    return 1;
}

int qy_same_number(const char *a, const char *b, long *value)
{
    long va, vb;
    if (!qy_number_of(a, &va) || !qy_number_of(b, &vb))
        return 0;
    if (va < 0 || vb < 0) {
        /* A decimal: one value written two ways (2.5, 2.50), or a whole
         * one with a point (1500.0, 1,500). */
        char fa[64], fb[64];
        if (!(decimal_form(a, fa) || (va >= 0 && snprintf(fa, sizeof fa, "%ld", va) > 0)) ||
            !(decimal_form(b, fb) || (vb >= 0 && snprintf(fb, sizeof fb, "%ld", vb) > 0)) ||
            strcmp(fa, fb) != 0)
            return 0;
        *value = strchr(fa, '.') ? -1 : strtol(fa, NULL, 10);
        return 1;
    }
    if (va != vb)
        return 0;
    /* In digits both, 15th and 15 are one date's day; otherwise both are
     * ordinals or neither (a second attack is not two attacks). */
    int digits = a[0] >= '0' && a[0] <= '9' && b[0] >= '0' && b[0] <= '9';
    if (!digits && ordinal(a) != ordinal(b))
        return 0;
    *value = va;
    return 1;
}

/* Words that scale the number before them: 1.5 million, two thousand. */
static const struct {
    const char *name;
    double scale;
} scale_words[] = {{"hundred", 1e2},  {"thousand", 1e3}, {"million", 1e6},
                   {"billion", 1e9},  {"trillion", 1e12}};

int qy_scale_of(const char *w, size_t len, double *scale)
{
    for (size_t k = 0; k < sizeof scale_words / sizeof *scale_words; k++)
        if (strlen(scale_words[k].name) == len &&
            strncasecmp(w, scale_words[k].name, len) == 0) {
            *scale = scale_words[k].scale;
            return 1;
        }
    return 0;
}

int qy_amount_of(const char *w, size_t len, double *amount)
{
    int digits = len > 0 && w[0] >= '0' && w[0] <= '9';
    /* (No number word is longer than "seventeen" but two joined by a
     * hyphen; this runs on every word of the passages a quotation with a
     * number is aligned with.) */
    if (len == 0 || len > 40 || (!digits && len > 9 && !memchr(w, '-', len)))
        return 0;
    if (!digits) {
        char word[48];
        memcpy(word, w, len);
        word[len] = '\0';
        double scale;
        long value;
        if (qy_scale_of(word, len, &scale) || !number_written_out(word, &value) ||
            value < 0 || ordinal(word))
            return 0;
        *amount = (double)value;
        return 1;
    }
    /* Digits with their groups and one decimal point, and nothing after
     * but a scale cut short, as news writes money (2.3bn, 500k, 1.5m):
     * at most 15 digits, which a double holds exactly. */
    static const struct {
        const char *suffix;
        double scale;
    } short_scales[] = {{"k", 1e3}, {"m", 1e6}, {"mn", 1e6}, {"bn", 1e9}, {"tn", 1e12}};
    double scale = 1;
    for (size_t k = 0; k < sizeof short_scales / sizeof *short_scales; k++) {
        size_t sl = strlen(short_scales[k].suffix);
        if (len > sl && w[len - sl - 1] >= '0' && w[len - sl - 1] <= '9' &&
            strncasecmp(w + len - sl, short_scales[k].suffix, sl) == 0) {
            scale = short_scales[k].scale;
            len -= sl;
            break;
        }
    }
    char plain[48];
    size_t n = 0, ndigits = 0;
    int point = 0;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        int next_digit = i + 1 < len && w[i + 1] >= '0' && w[i + 1] <= '9';
        /* Groups of three after a comma (1,500,000); a comma before one
         * or two digits that end the number is a decimal comma (2,5). */
        int group = digit_group_at(w, i, len);
        size_t after = c == ',' ? digits_after(w, i, len) : 0;
        int decimal_comma = (after == 1 || after == 2) && i + 1 + after == len &&
                            !memchr(w, '.', len);
        if (c >= '0' && c <= '9') {
            plain[n++] = c;
            ndigits++;
        } else if ((c == '.' || decimal_comma) && !point && n > 0 && next_digit) {
            plain[n++] = '.';
            point = 1;
        } else if (!(group && n > 0 && !point)) {
            return 0;
        }
    }
    if (ndigits > 15)
        return 0;
    plain[n] = '\0';
    *amount = strtod(plain, NULL) * scale;
    return 1;
}

/* The words of an amount written in several (at most AMOUNT_WORDS). */
#define AMOUNT_WORDS 8

/* Whether word w[0, len) is `lit`, any case. */
static int word_is(const char *w, size_t len, const char *lit)
{
    return strlen(lit) == len && strncasecmp(w, lit, len) == 0;
}

/*
 * A cardinal written out in several words, as English says it: "three
 * hundred and twelve", "two thousand five hundred", "twenty-five
 * thousand", "one million two hundred thousand".  Words under a hundred
 * (a tens word may be followed by a unit: "twenty five"), "hundred" after
 * one of them, the larger scale words each after a smaller group and in
 * falling order, "and" only after a scale word and before more.  Words
 * w[0, n); 0 when they are no such number.
 */
static int cardinal_in_words(const char *const *w, const size_t *len, size_t n,
                             double *amount)
{
    double total = 0, group = 0, last_scale = 0;
    long last_small = -1; /* the word before, when a number under 100 */
    int after_scale = 0, words = 0;
    for (size_t i = 0; i < n; i++) {
        double scale;
        if (word_is(w[i], len[i], "and")) {
            if (!after_scale || i + 1 == n)
                return 0;
            after_scale = 0;
            last_small = -1;
            continue;
        }
        if (qy_scale_of(w[i], len[i], &scale)) {
            if (scale == 100) {
                if (group <= 0 || group >= 100 || (long)group % 100 == 0)
                    return 0;
                group *= 100;
            } else {
                if (group <= 0 || (last_scale > 0 && scale >= last_scale))
                    return 0;
                total += group * scale;
                group = 0;
                last_scale = scale;
            }
            after_scale = 1;
            last_small = -1;
            words++;
            continue;
        }
        char word[48];
        long value;
        if (len[i] >= sizeof word)
            return 0;
        memcpy(word, w[i], len[i]);
        word[len[i]] = '\0';
        if (!number_written_out(word, &value) || value <= 0 || value >= 100 ||
            ordinal(word) || word_is(w[i], len[i], "dozen"))
            return 0;
        if (last_small >= 0 ? !(last_small >= 20 && last_small % 10 == 0 && value < 10)
                            : (long)group % 100 != 0)
            return 0;
        group += (double)value;
        last_small = value;
        after_scale = 0;
        words++;
    }
    if (words < 2)
        return 0;
    *amount = total + group;
    return 1;
}

int qy_amount_of_words(const char *text, double *amount)
{
    /* Split at white space, and at the hyphen before a scale word
     * ("two-million"). */
    const char *w[AMOUNT_WORDS];
    size_t len[AMOUNT_WORDS], n = 0;
    for (const char *s = text; *s;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (!*s)
            break;
        if (n == AMOUNT_WORDS)
            return 0;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
            e++;
        const char *dash = memchr(s, '-', (size_t)(e - s));
        double scale;
        while (dash && dash + 1 < e && !qy_scale_of(dash + 1, (size_t)(e - dash - 1), &scale))
            dash = memchr(dash + 1, '-', (size_t)(e - dash - 1));
        if (dash && dash > s && dash + 1 < e && n + 1 < AMOUNT_WORDS) {
            w[n] = s, len[n++] = (size_t)(dash - s);
            s = dash + 1;
        }
        w[n] = s, len[n++] = (size_t)(e - s);
        s = e;
    }
    if (n == 0)
        return 0;
    if (n >= 2 && cardinal_in_words(w, len, n, amount))
        return 1;
    /* The scale word that ends it, if any: 1.5 million. */
    double scale = 1, value;
    if (n > 1 && qy_scale_of(w[n - 1], len[n - 1], &scale))
        n--;
    if (n == 1 && scale > 1 && word_is(w[0], len[0], "a")) {
        value = 1; /* a million */
    } else if (n == 2 && word_is(w[0], len[0], "half") && word_is(w[1], len[1], "a")) {
        value = 0.5; /* half a million; "half a" before a scale word both
                      * sides share */
    } else if (!qy_amount_of(w[0], len[0], &value)) {
        return 0;
    } else if (n == 4 && word_is(w[1], len[1], "and") && word_is(w[2], len[2], "a") &&
               word_is(w[3], len[3], "half")) {
        value += 0.5; /* one and a half (million) */
    } else if (n >= 3 && word_is(w[1], len[1], "point") && value == (double)(long)value) {
        /* one point five (million): its digits one word each */
        double place = 0.1;
        for (size_t i = 2; i < n; i++, place /= 10) {
            double digit;
            if (!qy_amount_of(w[i], len[i], &digit) || digit > 9 ||
                digit != (double)(long)digit)
                return 0;
            value += digit * place;
        }
    } else if (n != 1) {
        return 0;
    }
    *amount = value * scale;
    return 1;
}

int qy_same_amount(double a, double b)
{
    double d = a > b ? a - b : b - a, m = a > b ? a : b;
    return d <= m * 1e-12;
}

double qy_number_unit(const char *w, size_t len)
{
    size_t digits = 0, point = len, zeros = 0;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        if (c >= '0' && c <= '9') {
            digits++;
            zeros = c == '0' ? zeros + 1 : 0;
        } else if (c == '.' && point == len && i > 0) {
            point = i;
        } else if (c != ',' || i == 0) {
            return 0;
        }
    }
    if (digits == 0 || point == len - 1)
        return 0;
    double unit = 1;
    if (point < len) {
        for (size_t i = point + 1; i < len; i++)
            unit /= 10;
    } else {
        for (size_t i = 0; i < zeros && i + 1 < digits; i++)
            unit *= 10;
    }
    return unit;
}

int qy_rounds_to(double rounded, double unit, double exact)
{
    if (unit <= 0 || rounded <= 0 || exact <= 0 || qy_same_amount(rounded, exact))
        return 0;
    double d = rounded > exact ? rounded - exact : exact - rounded;
    if (d > QY_ROUNDED_MAX_ERROR * exact || d > unit / 2 * (1 + 1e-9))
        return 0;
    return 1;
}

qy_bound qy_bound_of(const char *before2, const char *before1, int *nwords)
{
    static const struct {
        const char *first, *second; /* second "" for one word */
        qy_bound bound;
    } bounds[] = {
        {"more", "than", QY_BOUND_MORE},     {"greater", "than", QY_BOUND_MORE},
        {"over", "", QY_BOUND_MORE},         {"above", "", QY_BOUND_MORE},
        {"exceeding", "", QY_BOUND_MORE},    {"at", "least", QY_BOUND_AT_LEAST},
        {"less", "than", QY_BOUND_LESS},     {"fewer", "than", QY_BOUND_LESS},
        {"under", "", QY_BOUND_LESS},        {"below", "", QY_BOUND_LESS},
        {"at", "most", QY_BOUND_AT_MOST},    {"up", "to", QY_BOUND_AT_MOST},
        {"about", "", QY_BOUND_ABOUT},       {"around", "", QY_BOUND_ABOUT},
        {"roughly", "", QY_BOUND_ABOUT},     {"approximately", "", QY_BOUND_ABOUT},
        {"some", "", QY_BOUND_ABOUT},        {"close", "to", QY_BOUND_ABOUT},
        {"nearly", "", QY_BOUND_NEARLY},     {"almost", "", QY_BOUND_NEARLY},
        {"just", "under", QY_BOUND_NEARLY}};
    /* Two words first: "just under" is nearly, not under. */
    for (int two = 1; two >= 0; two--)
        for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++) {
            if ((bounds[i].second[0] != '\0') != two)
                continue;
            if (two ? strcmp(before2, bounds[i].first) == 0 &&
                          strcmp(before1, bounds[i].second) == 0
                    : strcmp(before1, bounds[i].first) == 0) {
                *nwords = two ? 2 : 1;
                return bounds[i].bound;
            }
        }
    *nwords = 0;
    return QY_BOUND_NONE;
}

int qy_figure_holds(qy_bound b, double claimed, double unit, double exact)
{
    if (b == QY_BOUND_SHARE)
        return (exact > claimed ? exact - claimed : claimed - exact) <= QY_SHARE_MAX_POINTS;
    if (claimed <= 0 || exact <= 0 || qy_same_amount(claimed, exact))
        return 0;
    switch (b) {
    case QY_BOUND_NONE:
        return qy_rounds_to(claimed, unit, exact);
    case QY_BOUND_MORE:
    case QY_BOUND_AT_LEAST:
        return exact > claimed && exact <= 2 * claimed;
    case QY_BOUND_LESS:
    case QY_BOUND_AT_MOST:
        return exact < claimed && exact * 2 >= claimed;
    case QY_BOUND_ABOUT:
        return (exact > claimed ? exact - claimed : claimed - exact) <= claimed / 10;
    case QY_BOUND_NEARLY:
        return exact < claimed && claimed - exact <= claimed / 10;
    case QY_BOUND_SHARE:
        break; /* above */
    }
    return 0;
}

int qy_share_of(const char *num, const char *word, double *percent, int *with_num)
{
    static const struct {
        const char *word;
        double share; /* of one part */
        int plural;   /* thirds: two thirds, not a thirds */
    } parts[] = {{"half", 1.0 / 2, 0},    {"third", 1.0 / 3, 0}, {"thirds", 1.0 / 3, 1},
                 {"quarter", 1.0 / 4, 0}, {"quarters", 1.0 / 4, 1},
                 {"fifth", 1.0 / 5, 0},   {"fifths", 1.0 / 5, 1}};
    static const char *const counts[] = {"two", "three", "four"};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (strcmp(word, parts[i].word) != 0)
            continue;
        int n = 0, one = strcmp(num, "a") == 0 || strcmp(num, "one") == 0;
        if (!parts[i].plural && (one || i == 0))
            n = 1; /* half after any word, a half, a third, one quarter */
        for (int k = 0; parts[i].plural && k < 3; k++)
            if (strcmp(num, counts[k]) == 0)
                n = k + 2;
        if (n == 0 || n * parts[i].share >= 1)
            return 0;
        *percent = 100 * n * parts[i].share;
        *with_num = one || n > 1;
        return 1;
    }
    return 0;
}

int qy_year_word(const char *w)
{
    return (w[0] == '1' || w[0] == '2') && w[1] >= '0' && w[1] <= '9' && w[2] >= '0' &&
           w[2] <= '9' && w[3] >= '0' && w[3] <= '9' && w[4] == '\0';
}

static const char *const date_names[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int qy_date_word(const char *w)
{
    size_t len = strlen(w);
    if (len > 0 && w[len - 1] == '.')
        len--;
    for (size_t k = 0; k < sizeof date_names / sizeof *date_names; k++)
        if (len >= 3 && len <= strlen(date_names[k]) && strncasecmp(w, date_names[k], len) == 0)
            return (int)k;
    return -1;
}

int qy_is_date_word(const char *w)
{
    return qy_date_word(w) >= 0;
}

int qy_date_word_whole(const char *w)
{
    int k = qy_date_word(w);
    return k >= 0 && strcmp(w, date_names[k]) == 0;
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

/* Whether a replaced word of kind k may be one of two swapped: one
 * that another word replaces, not one written otherwise. */
static int swappable(qy_diff_kind k)
{
    return k == QY_DIFF_PLAIN || k == QY_DIFF_NUMBER || k == QY_DIFF_DATE ||
           k == QY_DIFF_NEGATION;
}

/* The op after op i that swaps words with it, or n: op i replaces x by
 * y and that one y by x, elsewhere ("the attackers ... the government"
 * of "the government ... the attackers"), neither paired yet nor said to
 * be one number, unit or word written otherwise. */
static size_t swapped_partner(const qy_diff_op *ops, size_t n, size_t i)
{
    const qy_diff_op *a = &ops[i];
    /* (A half of a date, paired, is said with its other half.) */
    if (a->op != '~' || !swappable(a->kind) || a->partner != i)
        return n;
    for (size_t k = i + 1; k < n; k++) {
        const qy_diff_op *b = &ops[k];
        if (b->op == '~' && swappable(b->kind) && b->partner == k &&
            strcasecmp(a->query, b->source) == 0 && strcasecmp(a->source, b->query) == 0)
            return k;
    }
    return n;
}

/* Whether a written word is the indefinite article, a or an. */
static int article(const char *w)
{
    return strcasecmp(w, "a") == 0 || strcasecmp(w, "an") == 0;
}

/* The currency whose sign begins written word w (tx_currency_by), and in
 * *len the sign's bytes; 0 when none. */
static uint32_t leading_sign(const char *w, size_t *len)
{
    size_t n = strlen(w);
    /* A sign that ends at byte k and begins at the first (signs are one
     * to three bytes). */
    for (size_t k = 1; k <= 3 && k <= n; k++) {
        uint32_t c = tx_currency_by(w, k, k, k);
        if (c && !(k > 1 && tx_currency_by(w + 1, k - 1, k - 1, k - 1))) {
            *len = k;
            return c;
        }
    }
    return 0;
}

/* The kind of a '~' op between a currency and another, or QY_DIFF_PLAIN:
 * a currency's name against a sign alone (euros -> $: the name after a
 * number, the sign by it) or another name, two signs alone, or one
 * number by two
 * currencies' signs ($3 -> €3); QY_DIFF_CURRENCY when the two are
 * other currencies, QY_DIFF_SAME_UNIT for a name against its own sign
 * (dollars -> $).  Another number by another sign is QY_DIFF_NUMBER. */
static qy_diff_kind currency_kind(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    uint32_t ca = leading_sign(a, &la), cb = leading_sign(b, &lb);
    if (ca && cb && (a[la] || b[lb])) {
        long x, y;
        if (ca & cb)
            return QY_DIFF_PLAIN;
        if (qy_same_number(a + la, b + lb, &x))
            return QY_DIFF_CURRENCY;
        return qy_number_of(a + la, &x) && qy_number_of(b + lb, &y) ? QY_DIFF_NUMBER
                                                                    : QY_DIFF_PLAIN;
    }
    /* A sign alone or a currency's name against either.  (Two names of
     * one currency are the same unit, said below.) */
    if ((ca && a[la]) || (cb && b[lb]))
        return QY_DIFF_PLAIN;
    int names = !ca && !cb;
    if (!ca)
        ca = tx_unit_groups(a, strlen(a));
    if (!cb)
        cb = tx_unit_groups(b, strlen(b));
    /* (A name's groups may hold a unit besides: pounds.) */
    if (!tx_currency_sign(ca)[0] || !tx_currency_sign(cb)[0])
        return QY_DIFF_PLAIN;
    return !(ca & cb) ? QY_DIFF_CURRENCY : names ? QY_DIFF_PLAIN : QY_DIFF_SAME_UNIT;
}

/* Whether a written word is a day of a month in digits: 1 to 31, maybe
 * an ordinal (15th). */
static int day_word(const char *w)
{
    long v;
    return w[0] >= '0' && w[0] <= '9' && qy_number_of(w, &v) && v >= 1 && v <= 31;
}

/* A month's number, 1 to 12, when a written word names one with a
 * capital (March, Sept.: not the verb may, nor mar), else 0. */
static int month_of(const char *w)
{
    int k = qy_date_word(w);
    return k >= 0 && k < 12 && isupper((unsigned char)w[0]) ? k + 1 : 0;
}

/* A month's number, 1 to 12, when a written word is one in digits (03,
 * 12), else 0. */
static int month_in_digits(const char *w)
{
    long v;
    size_t len = strlen(w);
    if (len == 0 || len > 2 || !isdigit((unsigned char)w[0]) ||
        !isdigit((unsigned char)w[len - 1]) || !qy_number_of(w, &v) || v < 1 || v > 12)
        return 0;
    return (int)v;
}

/* Whether three written words are a date in digits: year, month, day
 * (2022-07-15, which reads 2022 07 15) or day, month, year (15/07/2022). */
static int digit_date(const char *a, const char *b, const char *c)
{
    return month_in_digits(b) &&
           ((qy_year_word(a) && day_word(c)) || (day_word(a) && qy_year_word(c)));
}

/* Whether op i, a number each side, is a part of a date in digits whose
 * other two parts stand by it, aligned or replaced, and are one on both
 * sides (2022-07-16 of 2022-07-15: its day; 15/08/2022 of 15/07/2022:
 * its month).  Such a number is a date's, which "16 -> 15 (number)"
 * did not say. */
static int in_digit_date(const qy_diff_op *ops, size_t n, size_t i)
{
    for (size_t s = i >= 2 ? i - 2 : 0; s <= i && s + 2 < n; s++) {
        const char *q[3], *p[3];
        int aligned = 1;
        for (size_t k = 0; k < 3; k++) {
            const qy_diff_op *o = &ops[s + k];
            aligned &= o->op == '=' || o->op == '~';
            q[k] = o->query;
            p[k] = o->source;
        }
        if (aligned && digit_date(q[0], q[1], q[2]) && digit_date(p[0], p[1], p[2]))
            return 1;
    }
    return 0;
}

/* Whether op i is a month in digits against one named (03 -> March),
 * by a number on either side (14/03/2020, read 14 03 2020, against 14
 * March 2020), and if so in *same whether they are one month. */
static int month_named_otherwise(const qy_diff_op *ops, size_t n, size_t i, int *same)
{
    const qy_diff_op *o = &ops[i];
    int digits = month_in_digits(o->query), named = month_of(o->source);
    if (!digits) {
        digits = month_in_digits(o->source);
        named = month_of(o->query);
    }
    if (!digits || !named)
        return 0;
    /* The date is the same when the numbers by it are. */
    int by_number = 0, changed = 0;
    for (size_t k = i > 0 ? i - 1 : i + 1; k <= i + 1 && k < n; k += 2) {
        int number = isdigit((unsigned char)ops[k].query[0]) ||
                     isdigit((unsigned char)ops[k].source[0]);
        by_number |= number;
        changed |= number && ops[k].op != '=';
    }
    *same = digits == named && !changed;
    return by_number;
}

/* Whether written words w1 w2 are a day and a named month, either way
 * round (15 March, March 15th): *day and *month (1 to 12). */
static int day_and_month_named(const char *w1, const char *w2, long *day, int *month)
{
    int m = month_of(w1);
    const char *d = w2;
    if (!m) {
        m = month_of(w2);
        d = w1;
    }
    if (!m || !day_word(d) || !qy_number_of(d, day))
        return 0;
    *month = m;
    return 1;
}

/* Whether written words w1 w2 are a day and a month in digits, either
 * way round (14 03 of 14/03, 03 15 of 03/15), and whether one of the ways
 * they read is day `day` of month `month`: *same. */
static int day_and_month_digits(const char *w1, const char *w2, long day, int month,
                                int *same)
{
    long a, b;
    if (!day_word(w1) || !day_word(w2) || !qy_number_of(w1, &a) || !qy_number_of(w2, &b))
        return 0;
    int day_first = b <= 12, month_first = a <= 12;
    if (!day_first && !month_first)
        return 0;
    *same = (day_first && a == day && b == month) || (month_first && b == day && a == month);
    return 1;
}

/* Whether ops i and i + 1 replace a day and a month in digits by a day
 * and a named month, or the reverse, word against word crossed (14/03
 * against March 15): one date each side, and *same whether one. */
static int crossed_date(const qy_diff_op *ops, size_t n, size_t i, int *same)
{
    if (i + 1 >= n)
        return 0;
    const qy_diff_op *a = &ops[i], *b = &ops[i + 1];
    if (a->op != '~' || b->op != '~' || a->kind == QY_DIFF_CONTRACTION ||
        b->kind == QY_DIFF_CONTRACTION)
        return 0;
    long day;
    int month;
    if (day_and_month_named(a->source, b->source, &day, &month))
        return day_and_month_digits(a->query, b->query, day, month, same);
    if (day_and_month_named(a->query, b->query, &day, &month))
        return day_and_month_digits(a->source, b->source, day, month, same);
    return 0;
}

/* The word of a '-' or '+' op: its side's. */
static const char *dropped_or_added(const qy_diff_op *o)
{
    return o->op == '-' ? o->query : o->source;
}

/* Whether a written word is a month named (March, Sept.). */
static int month_named(const char *w)
{
    return month_of(w) > 0;
}

/* Whether a written word may be part of a date: a day, a month named or
 * in digits, a year. */
static int date_part(const char *w)
{
    return day_word(w) || month_named(w) || qy_year_word(w);
}

/* The most ops between two halves of a changed date ("+14 +February =2022
 * -02 -15": three). */
#define DATE_OPS_BETWEEN 3

/* Whether op i replaces a day by a day next to a month aligned (16 July
 * of 15 July, July 16 of July 15).  Not after a month that has a day
 * before it: "3 May 12 servers" counts servers. */
static int day_by_month(const qy_diff_op *ops, size_t n, size_t i)
{
    if (!day_word(ops[i].query) || !day_word(ops[i].source))
        return 0;
    if (i > 0 && ops[i - 1].op == '=' && month_named(ops[i - 1].query) &&
        !(i > 1 && day_word(ops[i - 2].op == '+' ? ops[i - 2].source : ops[i - 2].query)))
        return 1;
    return i + 1 < n && ops[i + 1].op == '=' && month_named(ops[i + 1].query);
}

/* The op after op i that is the other half of a date's part op i drops
 * or adds, quoted in another order or form, or n; *kind what they say.
 * Op j adds what op i drops (or the reverse), neither is paired yet, and
 * the ops between are parts of the date, one of them aligned: for
 * `months`, a month in digits against one named ("15/03" of "March 15",
 * "2022-02-14" of "14 February 2022"), QY_DIFF_SAME_DATE when they are
 * one month and the date's other numbers there are aligned or moved,
 * QY_DIFF_DATE when not; else a day each side of a month ("14 March" of
 * "March 15"), QY_DIFF_DATE, or QY_DIFF_SAME_DATE for one day written
 * otherwise (9 and 9th). */
static size_t date_partner(const qy_diff_op *ops, size_t n, size_t i, int months,
                           qy_diff_kind *kind)
{
    const qy_diff_op *a = &ops[i];
    if ((a->op != '-' && a->op != '+') || a->kind != QY_DIFF_PLAIN)
        return n;
    const char *x = dropped_or_added(a);
    if (months ? !month_in_digits(x) && !month_named(x) : !day_word(x))
        return n;
    int aligned = 0, month_between = 0;
    for (size_t j = i + 1; j < n && j <= i + DATE_OPS_BETWEEN + 1; j++) {
        const qy_diff_op *b = &ops[j];
        const char *y = b->op == '+' ? b->source : b->query;
        if (b->op == (a->op == '-' ? '+' : '-') && b->kind == QY_DIFF_PLAIN) {
            long dx, dy;
            if (months && aligned &&
                ((month_in_digits(x) && month_named(y)) ||
                 (month_named(x) && month_in_digits(y)))) {
                int digits = month_in_digits(x) ? month_in_digits(x) : month_in_digits(y);
                int named = month_of(month_named(x) ? x : y);
                int changed = 0;
                /* The date's other numbers, between and by the two. */
                for (size_t k = i > 0 ? i - 1 : i; k <= j + 1 && k < n; k++)
                    if (k != i && k != j && ops[k].op != '=' && ops[k].kind != QY_DIFF_MOVED &&
                        (day_word(ops[k].query) || day_word(ops[k].source) ||
                         qy_year_word(ops[k].query) || qy_year_word(ops[k].source)))
                        changed = 1;
                *kind = digits == named && !changed ? QY_DIFF_SAME_DATE : QY_DIFF_DATE;
                return j;
            }
            if (!months && aligned && month_between && day_word(y) && !month_named(y)) {
                *kind = qy_number_of(x, &dx) && qy_number_of(y, &dy) && dx == dy
                            ? QY_DIFF_SAME_DATE
                            : QY_DIFF_DATE;
                return j;
            }
        }
        if (!date_part(y))
            return n;
        aligned |= b->op == '=';
        month_between |= month_named(y) || month_in_digits(y);
    }
    return n;
}

/* Whether two written words are one in its British and American
 * spellings (Organisation, organization), case aside. */
static int spelled_otherwise(const char *a, const char *b)
{
    char la[TX_SPELLING_MAX], lb[TX_SPELLING_MAX], ua[TX_SPELLING_MAX], ub[TX_SPELLING_MAX];
    size_t na = strlen(a), nb = strlen(b);
    if (na < 4 || nb < 4 || na >= TX_SPELLING_MAX || nb >= TX_SPELLING_MAX)
        return 0;
    for (size_t i = 0; i <= na; i++)
        la[i] = (char)tolower((unsigned char)a[i]);
    for (size_t i = 0; i <= nb; i++)
        lb[i] = (char)tolower((unsigned char)b[i]);
    if (strcmp(la, lb) == 0)
        return 0;
    size_t ma = tx_us_spelling(la, na, ua), mb = tx_us_spelling(lb, nb, ub);
    return ma == mb && memcmp(ua, ub, ma) == 0;
}

/* The endings that inflect an English word, after what the two forms
 * share: attack|s, attack|ed, carr|y carr|ied, aggressor|s, general|ly.
 * Not -er, -ers, -est: pension and pensioner, hon and honest are two
 * words. */
static const char *const endings[] = {
    "", "s", "es", "'s", "s'", "ed", "ing", "e", "y", "ies", "ied",
    "ying", "ly", NULL};

/* Whether `tail` (lower case) is an inflecting ending after a stem whose
 * last letter is `last`: one of the endings, -d after an e (use|d), or a
 * doubled consonant and -ed or -ing (stop|ped). */
static int inflecting(const char *tail, char last)
{
    for (size_t i = 0; endings[i]; i++)
        if (strcmp(tail, endings[i]) == 0)
            return 1;
    if (strcmp(tail, "d") == 0)
        return last == 'e';
    return tail[0] == last && isalpha((unsigned char)last) && !strchr("aeiou", last) &&
           (strcmp(tail + 1, "ed") == 0 || strcmp(tail + 1, "ing") == 0);
}

/* The ending `w` in small letters into out[size], its apostrophe (’ or
 * ') as '; 0 when it does not fit. */
static int lower_ending(const char *w, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; w[i]; n++) {
        if (n + 1 >= size)
            return 0;
        if (w[i] == '\xE2' && w[i + 1] == '\x80' && w[i + 2] == '\x99') {
            out[n] = '\'';
            i += 3;
        } else {
            out[n] = (char)tolower((unsigned char)w[i++]);
        }
    }
    out[n] = '\0';
    return 1;
}

/* Whether written word w is a number in digits alone (10, not 5G). */
static int digits_only(const char *w)
{
    return w[0] && w[strspn(w, "0123456789")] == '\0';
}

/* Whether written words w (one or more, apart by spaces) hold one that
 * negates (tx_is_negation: not, never, isn't, didn’t), case aside; the
 * word `next` follows them.  "No" before a number is the number's (No
 * 10 Downing Street, the No 1 priority), not a negation. */
static int negates(const char *w, const char *next)
{
    while (*w) {
        size_t len = strcspn(w, " ");
        size_t gap = strspn(w + len, " ");
        char word[32], after[32];
        if (len > 0 && len < sizeof word) {
            memcpy(word, w, len);
            word[len] = '\0';
            const char *following = next;
            if (w[len + gap]) {
                size_t alen = strcspn(w + len + gap, " ");
                snprintf(after, sizeof after, "%.*s", (int)alen, w + len + gap);
                following = after;
            }
            char low[32];
            if (lower_ending(word, low, sizeof low) && tx_is_negation(low, strlen(low)) &&
                !(strcmp(low, "no") == 0 && digits_only(following)))
                return 1;
        }
        w += len + gap;
    }
    return 0;
}

/* The word after op i on the quotation's side, or the source's: "" at
 * the end. */
static const char *word_after(const qy_diff_op *ops, size_t n, size_t i, int source)
{
    for (size_t k = i + 1; k < n; k++)
        if (ops[k].op != (source ? '-' : '+'))
            return source ? ops[k].source : ops[k].query;
    return "";
}

int qy_inflected(const char *a, const char *b)
{
    size_t k = 0;
    while (a[k] && b[k] && tolower((unsigned char)a[k]) == tolower((unsigned char)b[k]))
        k++;
    if (k < 3 || (a[k] == '\0' && b[k] == '\0'))
        return 0;
    char ta[8], tb[8];
    if (!lower_ending(a + k, ta, sizeof ta) || !lower_ending(b + k, tb, sizeof tb))
        return 0;
    char last = (char)tolower((unsigned char)a[k - 1]);
    return inflecting(ta, last) && inflecting(tb, last);
}

/* A word's characters, each its bytes (a UTF-8 sequence: a curly
 * apostrophe is one character, as it is to a reader, not three). */
typedef struct chars {
    const char *at[64];
    unsigned char len[64];
    size_t n;
} chars;

/* Splits word w into *c; 0 when it has more characters than c holds. */
static int split_chars(const char *w, chars *c)
{
    c->n = 0;
    for (size_t i = 0; w[i];) {
        size_t k = 1;
        while (w[i + k] && ((unsigned char)w[i + k] & 0xC0) == 0x80)
            k++;
        if (c->n == sizeof c->at / sizeof c->at[0])
            return 0;
        c->at[c->n] = w + i;
        c->len[c->n++] = (unsigned char)k;
        i += k;
    }
    return 1;
}

/* Whether character i of a is character j of b (ASCII letters in either
 * case). */
static int same_char(const chars *a, size_t i, const chars *b, size_t j)
{
    if (a->len[i] != b->len[j])
        return 0;
    if (a->len[i] == 1)
        return tolower((unsigned char)a->at[i][0]) == tolower((unsigned char)b->at[j][0]);
    return memcmp(a->at[i], b->at[j], a->len[i]) == 0;
}

/* Whether a[i...] and b[j...] are the same characters. */
static int same_rest(const chars *a, size_t i, const chars *b, size_t j)
{
    if (a->n - i != b->n - j)
        return 0;
    for (; i < a->n; i++, j++)
        if (!same_char(a, i, b, j))
            return 0;
    return 1;
}

int qy_one_edit(const char *a, const char *b)
{
    chars ca, cb;
    if (!split_chars(a, &ca) || !split_chars(b, &cb))
        return 0;
    size_t na = ca.n, nb = cb.n;
    if (na < 5 || nb < 5 || (na > nb ? na - nb : nb - na) > 1)
        return 0;
    size_t i = 0;
    while (i < na && i < nb && same_char(&ca, i, &cb, i))
        i++;
    if (i == na && i == nb)
        return 0; /* the same word */
    /* What follows the first difference, past the edit, must agree. */
    if (na == nb) {
        if (i + 1 < na && same_char(&ca, i, &cb, i + 1) &&
            same_char(&ca, i + 1, &cb, i) && same_rest(&ca, i + 2, &cb, i + 2))
            return 1; /* two swapped */
        return same_rest(&ca, i + 1, &cb, i + 1); /* one replaced */
    }
    return na > nb ? same_rest(&ca, i + 1, &cb, i) /* one dropped from b */
                   : same_rest(&ca, i, &cb, i + 1);
}

void qy_diff_kinds(qy_diff_op *ops, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ops[i].partner = i; /* none */
    for (size_t i = 0; i < n; i++)
        if (ops[i].kind != QY_DIFF_CONTRACTION &&
            !(ops[i].kind == QY_DIFF_FORM && ops[i].op == '~' &&
              qy_inflected(ops[i].query, ops[i].source)))
            ops[i].kind = QY_DIFF_PLAIN;
    for (size_t i = 0; i < n; i++) {
        qy_diff_op *o = &ops[i];
        if (o->kind == QY_DIFF_CONTRACTION || o->kind == QY_DIFF_FORM)
            continue;
        if (o->op == '~') {
            long a, b;
            double x, y;
            /* (Amounts first: a side may be a number and a scale word,
             * 1,500,000 -> 1.5 million, two-million -> 2,000,000.) */
            int amounts = qy_amount_of_words(o->query, &x) &&
                          qy_amount_of_words(o->source, &y);
            int same_month;
            qy_diff_kind currency = currency_kind(o->query, o->source);
            if (article(o->query) && article(o->source))
                o->kind = QY_DIFF_FORM; /* a, an: agreeing with the next word */
            else if (currency != QY_DIFF_PLAIN)
                o->kind = currency;
            else if (month_named_otherwise(ops, n, i, &same_month))
                o->kind = same_month ? QY_DIFF_SAME_DATE : QY_DIFF_DATE;
            else if (amounts && qy_same_amount(x, y))
                o->kind = QY_DIFF_SAME_NUMBER;
            else if (qy_number_of(o->query, &a) && qy_number_of(o->source, &b))
                o->kind = qy_same_number(o->query, o->source, &a) ? QY_DIFF_SAME_NUMBER
                          : day_by_month(ops, n, i) || in_digit_date(ops, n, i)
                              ? QY_DIFF_DATE
                              : QY_DIFF_NUMBER;
            else if (qy_is_date_word(o->query) && qy_is_date_word(o->source))
                o->kind = QY_DIFF_DATE;
            else if (tx_unit_groups(o->query, strlen(o->query)) &
                     tx_unit_groups(o->source, strlen(o->source)))
                o->kind = QY_DIFF_SAME_UNIT;
            else if (spelled_otherwise(o->query, o->source))
                o->kind = QY_DIFF_SPELLING;
            else if (amounts)
                o->kind = QY_DIFF_NUMBER;
            continue;
        }
        size_t k = moved_partner(ops, n, i);
        if (k < n) {
            o->kind = ops[k].kind = QY_DIFF_MOVED;
            o->partner = k;
            ops[k].partner = i;
        }
    }
    /* A date in digits against one whose month is named, the two words
     * each side crossed. */
    for (size_t i = 0; i + 1 < n; i++) {
        int same;
        if (crossed_date(ops, n, i, &same)) {
            ops[i].kind = ops[i + 1].kind = same ? QY_DIFF_SAME_DATE : QY_DIFF_DATE;
            ops[i].partner = i + 1;
            ops[i + 1].partner = i;
            i++;
        }
    }
    /* A date quoted in another order or form, a part of it on either
     * side of one that aligns: its months first, which a day's number may
     * be. */
    for (int months = 1; months >= 0; months--)
        for (size_t i = 0; i < n; i++) {
            qy_diff_kind kind;
            size_t k = date_partner(ops, n, i, months, &kind);
            if (k < n) {
                ops[i].kind = ops[k].kind = kind;
                ops[i].partner = k;
                ops[k].partner = i;
            }
        }
    /* A negation dropped, added, or replaced by a word that does not
     * negate: the quotation says the opposite (of what is left unpaired
     * above; two not swapped are moved, below). */
    for (size_t i = 0; i < n; i++) {
        qy_diff_op *o = &ops[i];
        const char *qnext = word_after(ops, n, i, 0), *snext = word_after(ops, n, i, 1);
        if (o->kind == QY_DIFF_PLAIN &&
            (o->op == '~' ? negates(o->query, qnext) != negates(o->source, snext)
                          : o->op != '=' && (o->op == '-' ? negates(o->query, qnext)
                                                          : negates(o->source, snext))))
            o->kind = QY_DIFF_NEGATION;
    }
    /* Two words that changed places with words between them are each the
     * other's replacement: moved both, once each kind above is known. */
    for (size_t i = 0; i < n; i++) {
        size_t k = swapped_partner(ops, n, i);
        if (k < n) {
            ops[i].kind = ops[k].kind = QY_DIFF_MOVED;
            ops[i].partner = k;
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
    case QY_DIFF_SAME_NUMBER: return "same number";
    case QY_DIFF_SAME_UNIT: return "same unit";
    case QY_DIFF_SPELLING: return "spelling";
    case QY_DIFF_FORM: return "form";
    case QY_DIFF_TYPO: return "typo";
    case QY_DIFF_SAME_DATE: return "same date";
    case QY_DIFF_CURRENCY: return "currency";
    case QY_DIFF_NEGATION: return "negation";
    default: return NULL;
    }
}
