/*
 * tx_ascii.c - word segmentation of pure-ASCII runs, identical to ICU's.
 *
 * ICU's rule-based word iterator costs about as much as the rest of the
 * analysis together.  Most of English text is ASCII words between ASCII
 * spaces, and there ICU's word rules (UAX #29 as tailored by ICU 72: '@'
 * is a letter, ':' is not MidLetter) reduce to a few character classes.
 * This file applies them; tx_analyze.c uses it only for a run of ASCII
 * bytes bounded by ASCII white space, where no neighbouring character can
 * change the outcome, and gives everything else to ICU.  The unit tests
 * compare both ways on random strings, so an ICU whose rules drift is
 * caught.
 */
#include "tx_internal.h"

enum {
    C_OTHER = 0, /* breaks on both sides, not a word */
    C_LETTER,    /* ALetter: A-Z a-z @ */
    C_DIGIT,     /* Numeric */
    C_EXTEND,    /* ExtendNumLet: _ */
    C_MIDNUMLET, /* MidNumLet and Single_Quote: . ' */
    C_MIDNUM     /* MidNum: , ; */
};

static const unsigned char cls[128] = {
    ['A' ... 'Z'] = C_LETTER, ['a' ... 'z'] = C_LETTER, ['@'] = C_LETTER,
    ['0' ... '9'] = C_DIGIT,  ['_'] = C_EXTEND,
    ['.'] = C_MIDNUMLET,      ['\''] = C_MIDNUMLET,
    [','] = C_MIDNUM,         [';'] = C_MIDNUM,
};

static int wordish(int c)
{
    return c == C_LETTER || c == C_DIGIT || c == C_EXTEND;
}

size_t tx_ascii_word(const char *t, size_t i, size_t end, size_t *start,
                     int *status)
{
    const unsigned char *u = (const unsigned char *)t;
    for (; i < end; i++) {
        if (!wordish(cls[u[i]]))
            continue;
        *start = i;
        /* ICU's status is the tag of the last rule of its chain: the
         * last character's own class ("a1" is a number, "1a" a word), or
         * for a final '_' the pair it ends ("1_" number, "a_" and "1__"
         * words); a lone '_' is no word. */
        int last = cls[u[i]], prev = C_OTHER;
        i++;
        while (i < end) {
            int c = cls[u[i]];
            if (wordish(c)) {
                i++;
            } else if (i + 1 < end && wordish(cls[u[i + 1]]) &&
                       ((c == C_MIDNUMLET && last == C_LETTER &&
                         cls[u[i + 1]] == C_LETTER) ||
                        ((c == C_MIDNUMLET || c == C_MIDNUM) &&
                         last == C_DIGIT && cls[u[i + 1]] == C_DIGIT))) {
                /* WB6/7 (a.b, a'b) and WB11/12 (1.5, 2,500, 1'000) */
                i++;
                c = cls[u[i]];
                i++;
            } else {
                break;
            }
            prev = last;
            last = c;
        }
        int kind = last == C_EXTEND ? prev : last;
        if (kind == C_DIGIT)
            *status = UBRK_WORD_NUMBER;
        else if (kind != C_OTHER)
            *status = UBRK_WORD_LETTER;
        else
            *status = UBRK_WORD_NONE;
        return i;
    }
    *start = end;
    return end;
}
