/*
 * tx_spelling.c - British and American spellings of one word.
 *
 * A claim written in American English checked against a British source
 * (or the other way round) meets "organisation" for "organization",
 * "defence" for "defense", "centre", "labour", "travelled", "programme",
 * "analyse": Snowball stems most of them apart.  tx_us_spelling writes a
 * word's American form by the regular patterns, and two words are one
 * spelled two ways when their forms are the same.  The patterns are only
 * ever used to compare two words, so a pattern that makes a non-word of
 * a word that is no British spelling ("promise" -> "promize") costs
 * nothing: no other word is spelled so.  Where a pattern would make
 * another word of one (four -> for, filled -> filed), it is held back by
 * length or by a list.
 */
#include "tx.h"

#include <string.h>

/* Whether w[0, n) ends with `end` (n counted before it: w has room). */
static int ends(const char *w, size_t n, const char *end)
{
    size_t e = strlen(end);
    return n >= e && memcmp(w + n - e, end, e) == 0;
}

static int consonant(char c)
{
    return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* Words that double their l before -ed, -ing, -er in British English
 * only (travelled, cancelling, modeller): the doubling of other words
 * (filled, called) is the word's own. */
static const char *const single_l[] = {
    "cancel", "channel", "counsel", "dial",   "duel",   "equal",  "fuel",
    "funnel", "gravel",  "jewel",   "label",  "level",  "libel",  "marshal",
    "marvel", "model",   "panel",   "parcel", "pedal",  "pencil", "quarrel",
    "revel",  "rival",   "shovel",  "signal", "spiral", "total",  "travel",
    "tunnel", "unravel"};

/* Whole words spelled otherwise. */
static const struct {
    const char *uk, *us;
} words[] = {
    {"aluminium", "aluminum"}, {"cheque", "check"},     {"cheques", "checks"},
    {"grey", "gray"},          {"judgement", "judgment"}, {"judgements", "judgments"},
    {"manoeuvre", "maneuver"}, {"manoeuvres", "maneuvers"}, {"plough", "plow"},
    {"programme", "program"},  {"programmes", "programs"}, {"sceptic", "skeptic"},
    {"sceptical", "skeptical"}, {"tyre", "tire"},       {"tyres", "tires"},
    {"ageing", "aging"},       {"mould", "mold"}};

/* British endings and their American ones, longest first within each
 * pattern; `before`: the fewest letters before the ending (colour and
 * honour, not four and hours); `consonant`: a consonant other than r must
 * stand before it (centre, fibre; not there, entire, acre's four letters
 * aside). */
static const struct ending {
    const char *uk, *us;
    unsigned char before, consonant;
} endings[] = {
    {"isational", "izational", 3, 0}, {"isations", "izations", 3, 0},
    {"isation", "ization", 3, 0},     {"ising", "izing", 3, 0},
    {"isers", "izers", 3, 0},         {"ised", "ized", 3, 0},
    {"ises", "izes", 3, 0},           {"iser", "izer", 3, 0},
    {"ise", "ize", 3, 0},             {"ysing", "yzing", 3, 0},
    {"ysed", "yzed", 3, 0},           {"yses", "yzes", 3, 0},
    {"yse", "yze", 3, 0},             {"ourites", "orites", 3, 0},
    {"ourite", "orite", 3, 0},        {"ourable", "orable", 3, 0},
    {"ouring", "oring", 3, 0},        {"oured", "ored", 3, 0},
    {"ours", "ors", 3, 0},            {"our", "or", 3, 0},
    {"logues", "logs", 3, 0},         {"logue", "log", 3, 0},
    {"fences", "fenses", 2, 0},       {"fence", "fense", 2, 0},
    {"licences", "licenses", 0, 0},   {"licence", "license", 0, 0},
    {"pretences", "pretenses", 0, 0}, {"pretence", "pretense", 0, 0},
    {"ring", "ering", 3, 1},          {"red", "ered", 3, 1},
    {"res", "ers", 3, 1},             {"re", "er", 3, 1},
};

size_t tx_us_spelling(const char *term, size_t len, char out[TX_SPELLING_MAX])
{
    size_t n = len < TX_SPELLING_MAX - 4 ? len : TX_SPELLING_MAX - 5;
    memcpy(out, term, n);
    out[n] = '\0';
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(out, words[k].uk) == 0) {
            n = strlen(words[k].us);
            memcpy(out, words[k].us, n + 1);
            return n;
        }
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
        const struct ending *e = &endings[k];
        size_t ul = strlen(e->uk);
        if (n < ul + e->before || !ends(out, n, e->uk))
            continue;
        size_t stem = n - ul;
        if (e->consonant && (stem == 0 || !consonant(out[stem - 1]) || out[stem - 1] == 'r'))
            continue;
        /* (-ring and -red need -re's consonant before them: centring.) */
        strcpy(out + stem, e->us);
        return stem + strlen(e->us);
    }
    /* travelled, cancelling, modeller(s) */
    static const char *const after_ll[] = {"ed", "ing", "ers", "er"};
    for (size_t s = 0; s < sizeof after_ll / sizeof *after_ll; s++) {
        size_t sl = strlen(after_ll[s]);
        if (n < sl + 4 || !ends(out, n, after_ll[s]) || out[n - sl - 1] != 'l' ||
            out[n - sl - 2] != 'l')
            continue;
        size_t stem = n - sl - 1; /* through the first l */
        for (size_t k = 0; k < sizeof single_l / sizeof *single_l; k++)
            if (strlen(single_l[k]) == stem && memcmp(out, single_l[k], stem) == 0) {
                memmove(out + stem, out + stem + 1, sl + 1);
                return n - 1;
            }
        break;
    }
    return n;
}
