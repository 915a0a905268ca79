/* qy_said_signed.c - the names signatures give: after a dash, on the
 * line below a quotation, in brackets that end a passage (see
 * qy_said_text.h: qy_said_signed_after, qy_said_signed_last,
 * qy_said_signature_possible). */
#include <string.h>

#include "qy_said_text.h"

/* Whether text[from, to) holds a dash ("--", " - ", an em or en dash). */
static int dash_between(const said_text *st, size_t from, size_t to)
{
    for (size_t p = from; p < to; p++)
        if ((st->text[p] == '-' && p + 1 < to && st->text[p + 1] == '-') ||
            (st->text[p] == '-' && p > from && st->text[p - 1] == ' ' && p + 1 < to &&
             st->text[p + 1] == ' ') ||
            (p + 2 < to && memcmp(st->text + p, "\xE2\x80", 2) == 0 &&
             (st->text[p + 2] == '\x94' || st->text[p + 2] == '\x93')))
            return 1;
    return 0;
}

/* Whether the quotation q ends a sentence and its line, word `after`
 * starting the next line. */
static int signed_below(const said_text *st, const qy_span *q, size_t after)
{
    size_t e = q->end;
    while (e > q->start && (st->text[e - 1] == ' ' || st->text[e - 1] == '\n'))
        e--;
    if (e == q->start || !strchr(".!?", st->text[e - 1]))
        return 0;
    for (size_t p = q->end; p < wstart(st, after); p++)
        if (st->text[p] == '\n')
            return 1;
    return 0;
}

/* Whether a comma follows word b: one word on the line below a
 * quotation and a comma opens a sentence (Nevertheless, figures ...;
 * Yes, ok), not a signature. */
static int comma_after(const said_text *st, size_t b)
{
    return wend(st, b) < st->len && st->text[wend(st, b)] == ',';
}

/* Whether the name that ends at word b ends its line or the text, or a
 * parenthesis, a comma or a full stop follows it (Abraham Lincoln (Nov
 * 21, 1864); N.B., CEO). */
static int name_ends_line(const said_text *st, size_t b)
{
    size_t p = wend(st, b);
    while (p < st->len && st->text[p] == ' ')
        p++;
    return p == st->len || st->text[p] == '\n' || st->text[p] == '\r' || st->text[p] == '(' ||
           st->text[p] == ',' || st->text[p] == '.';
}

int qy_said_signed_after(const said_text *st, const qy_span *q, size_t after, size_t *a,
                         size_t *b)
{
    int dash = after < st->nw && dash_between(st, q->end, wstart(st, after));
    return after < st->nw && (dash || signed_below(st, q, after)) &&
           qy_name_fwd(st, after, 0, a, b) && name_ends_line(st, *b) &&
           (dash || *a < *b || !comma_after(st, *b));
}

/* Whether word k starts a line after a dash (" - George Bernard Shaw",
 * "-- Homer Simpson"). */
static int dash_line(const said_text *st, size_t k)
{
    size_t from = wend(st, k - 1), to = wstart(st, k), p = to;
    while (p > from && st->text[p - 1] != '\n')
        p--;
    return p > from && dash_between(st, p > 0 ? p - 1 : p, to);
}

/* The length of text (len bytes) without the white space that ends it. */
static size_t trimmed_len(const char *text, size_t len)
{
    while (len > 0 && strchr(" \t\r\n", text[len - 1]))
        len--;
    return len;
}

/* The most words of a signature's name. */
#define SIGNED_NAME_WORDS 4

/* The name in brackets that ends a passage, for the words before it:
 * [Martin Hayman] after a reader's question, [Ezra Pound, quoted by David
 * Crystal in the Guardian] after an epigraph; two words or more (not a
 * ticket's [TIX106448], an image's [Cleveland]). */
static int bracket_signed(const said_text *st, size_t first, size_t *a, size_t *b)
{
    size_t e = trimmed_len(st->text, st->len);
    if (e == 0 || st->text[e - 1] != ']')
        return 0;
    const char *open = NULL;
    for (const char *p = st->text + e - 1; p > st->text && !open; p--)
        if (p[-1] == '[')
            open = p;
    size_t k = first + 1;
    while (open && k < st->nw && wstart(st, k) < (size_t)(open - st->text))
        k++;
    if (!open || k >= st->nw || !qy_name_fwd(st, k, 0, a, b) || *a != k || *a == *b ||
        *b - *a >= SIGNED_NAME_WORDS || wend(st, *b) >= st->len ||
        (st->text[wend(st, *b)] != ']' && st->text[wend(st, *b)] != ','))
        return 0;
    for (const char *p = open; p < st->text + wstart(st, k); p++)
        if (!strchr(" \t\r\n", *p))
            return 0;
    return 1;
}

int qy_said_signed_last(const said_text *st, size_t first, size_t *a, size_t *b)
{
    size_t at = NO_WORD;
    for (size_t k = first + 1; k < st->nw; k++)
        if (dash_line(st, k)) {
            if (at != NO_WORD)
                return 0;
            at = k;
        }
    if (at == NO_WORD)
        return bracket_signed(st, first, a, b);
    return qy_name_fwd(st, at, 0, a, b) && *a == at && *b + 1 == st->nw &&
           *b - *a < SIGNED_NAME_WORDS && name_ends_line(st, *b);
}

int qy_said_signature_possible(const char *text, size_t len)
{
    size_t e = trimmed_len(text, len);
    if (e > 0 && text[e - 1] == ']')
        return 1;
    const char *end = text + len;
    for (const char *p = memchr(text, '\n', len); p; p = memchr(p, '\n', (size_t)(end - p))) {
        while (++p < end && (*p == ' ' || *p == '\t'))
            ;
        int dashes = 0;
        for (; p < end && (*p == '-' || (unsigned char)*p == 0xE2 || (unsigned char)*p == 0x80 ||
                           (unsigned char)*p == 0x93 || (unsigned char)*p == 0x94);
             p++)
            dashes = 1;
        while (dashes && p < end && *p == ' ')
            p++;
        /* (A dash, then a capital: - George Bernard Shaw, ---C Dickens.) */
        if (dashes && p < end && *p >= 'A' && *p <= 'Z')
            return 1;
    }
    return 0;
}
