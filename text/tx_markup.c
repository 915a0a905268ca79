/* tx_markup.c - HTML read for its words (see tx.h): markup masked with
 * spaces in a copy of the same length. */
#include "tx.h"

#include <string.h>
#include <strings.h>

/* A tag longer than this is none: its '<' is text.  Bounds the work a
 * stray '<' or an unclosed quote can cause. */
#define TX_MAX_TAG 4096

/* Blanks out[from, to): spaces, but for the line breaks. */
static void blank(const char *text, char *out, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        out[i] = text[i] == '\n' || text[i] == '\r' ? text[i] : ' ';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* Where `needle` (case aside) next starts in text[from, len), or len. */
static size_t find_ci(const char *text, size_t from, size_t len,
                      const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= len; i++)
        if (strncasecmp(text + i, needle, n) == 0)
            return i;
    return len;
}

/* The end (one past) of the character reference at text[i] ('&'), or i
 * when it is none: &name; &#123; &#x1F;. */
static size_t reference_end(const char *text, size_t i, size_t len)
{
    size_t j = i + 1;
    if (j < len && text[j] == '#') {
        j++;
        if (j < len && (text[j] == 'x' || text[j] == 'X'))
            j++;
    }
    size_t start = j;
    while (j < len && j - start < 32 && is_alnum(text[j]))
        j++;
    return j > start && j < len && text[j] == ';' ? j + 1 : i;
}

/* The end (one past) of the tag, comment or declaration opening at
 * text[i] ('<'), or i when the '<' opens none. */
static size_t tag_end(const char *text, size_t i, size_t len)
{
    if (i + 1 >= len)
        return i;
    char c = text[i + 1];
    if (c == '!' && i + 3 < len && text[i + 2] == '-' && text[i + 3] == '-') {
        size_t close = find_ci(text, i + 4, len, "-->");
        return close < len ? close + 3 : len; /* a comment left open */
    }
    if (!(is_alpha(c) || c == '/' || c == '!' || c == '?'))
        return i;
    /* To the '>' outside quoted attribute values. */
    char quote = 0;
    size_t stop = len - i > TX_MAX_TAG ? i + TX_MAX_TAG : len;
    for (size_t j = i + 1; j < stop; j++) {
        if (quote) {
            if (text[j] == quote)
                quote = 0;
        } else if (text[j] == '"' || text[j] == '\'') {
            quote = text[j];
        } else if (text[j] == '>') {
            return j + 1;
        } else if (text[j] == '<') {
            return i; /* another tag opens first: this '<' is text */
        }
    }
    return i;
}

/* Whether the tag at text[i] opens the element `name`. */
static int opens(const char *text, size_t i, size_t end, const char *name)
{
    size_t n = strlen(name);
    return end - i > n + 1 && strncasecmp(text + i + 1, name, n) == 0 &&
           !is_alnum(text[i + 1 + n]);
}

void tx_mask_html(const char *text, size_t len, char *out)
{
    memcpy(out, text, len);
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        if (text[i] == '<') {
            end = tag_end(text, i, len);
            /* A style sheet or a script is not text either, to its end
             * tag. */
            if (end > i && (opens(text, i, end, "style") ||
                            opens(text, i, end, "script"))) {
                const char *close = opens(text, i, end, "style") ? "</style"
                                                                 : "</script";
                size_t at = find_ci(text, end, len, close);
                size_t stop = at < len ? tag_end(text, at, len) : len;
                end = stop > at ? stop : len;
            }
        } else if (text[i] == '&') {
            end = reference_end(text, i, len);
        }
        if (end > i) {
            blank(text, out, i, end);
            i = end;
        } else {
            i++;
        }
    }
}
