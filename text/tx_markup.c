/* tx_markup.c - HTML and quoted-printable read for their words (see
 * tx.h): markup masked with spaces in a copy of the same length; escapes
 * decoded in a copy that maps each byte back to its encoding. */
#include "tx.h"
#include "tx_internal.h"

#include <stdlib.h>
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

/* Elements a browser runs on in the line of text around them (HTML's
 * phrasing content): their tags break no word and no line. */
static int inline_tag(const char *text, size_t i, size_t end)
{
    static const char *const names[] = {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data",
        "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small",
        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
        "wbr"};
    if (i + 1 < end && text[i + 1] == '/')
        i++; /* an end tag: "</b" as "<b" */
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (opens(text, i, end, names[k]))
            return 1;
    return 0;
}

void tx_html_markup(const char *text, size_t len, tx_markup_fn fn, void *ctx)
{
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        unsigned kind = TX_MARKUP_BLOCK;
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
            } else if (end > i && (inline_tag(text, i, end) ||
                                   (text[i + 1] == '!' && text[i + 2] == '-'))) {
                kind = TX_MARKUP_INLINE; /* a comment is no break either */
            }
        } else if (text[i] == '&') {
            end = reference_end(text, i, len);
            kind = TX_MARKUP_REFERENCE;
        }
        if (end > i) {
            if (fn(ctx, i, end, kind) != 0)
                return;
            i = end;
        } else {
            i++;
        }
    }
}

typedef struct masking {
    const char *text;
    char *out;
} masking;

static int mask(void *ctx, size_t start, size_t end, unsigned kind)
{
    masking *m = ctx;
    (void)kind;
    blank(m->text, m->out, start, end);
    return 0;
}

void tx_mask_html(const char *text, size_t len, char *out)
{
    if (out != text)
        memcpy(out, text, len);
    masking m = {text, out};
    tx_html_markup(text, len, mask, &m);
}

int tx_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* The length of the soft line break at text[i] ('='): "=", white space
 * mailers leave, then CR LF or LF; 0 when it is none. */
static size_t soft_break(const char *text, size_t i, size_t len)
{
    size_t j = i + 1;
    while (j < len && (text[j] == ' ' || text[j] == '\t'))
        j++;
    if (j < len && text[j] == '\r')
        j++;
    return j < len && text[j] == '\n' ? j + 1 - i : 0;
}

size_t tx_decode_qp(const char *text, size_t len, char *out, size_t *start)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == '=') {
            size_t soft = soft_break(text, i, len);
            if (soft) {
                i += soft;
                continue;
            }
            int hi = i + 2 < len ? tx_hex_digit(text[i + 1]) : -1;
            int lo = hi >= 0 ? tx_hex_digit(text[i + 2]) : -1;
            if (lo >= 0) {
                start[n] = i;
                out[n++] = (char)(hi * 16 + lo);
                i += 3;
                continue;
            }
        }
        start[n] = i;
        out[n++] = text[i++];
    }
    start[n] = len;
    return n;
}

size_t tx_qp_end(const char *text, size_t len, size_t at)
{
    if (at + 2 < len && text[at] == '=' && tx_hex_digit(text[at + 1]) >= 0 &&
        tx_hex_digit(text[at + 2]) >= 0)
        return at + 3;
    return at < len ? at + 1 : len;
}

void tx_read_clear(tx_read *r)
{
    free(r->text);
    free(r->start);
    free(r->end);
    memset(r, 0, sizeof *r);
}

/* Quoted-printable decoded into *out, each byte mapped to its escape. */
static cs_status read_qp(const char *text, size_t len, tx_read *out)
{
    out->text = malloc(len + 1);
    out->start = malloc((len + 1) * sizeof *out->start);
    out->end = malloc((len + 1) * sizeof *out->end);
    if (!out->text || !out->start || !out->end)
        return CS_NOMEM;
    out->n = tx_decode_qp(text, len, out->text, out->start);
    for (size_t i = 0; i < out->n; i++)
        out->end[i] = tx_qp_end(text, len, out->start[i]);
    out->end[out->n] = len;
    return CS_OK;
}

cs_status tx_read_form(const char *text, size_t len, unsigned form,
                       const char *charset, tx_read *out)
{
    memset(out, 0, sizeof *out);
    tx_read qp = {0};
    cs_status rc = CS_OK;
    if (form & TX_FORM_QP)
        rc = read_qp(text, len, &qp);
    if (rc == CS_OK && charset) {
        /* Converted from the decoded bytes, mapped back through them to
         * their escapes. */
        const char *in = qp.text ? qp.text : text;
        size_t inlen = qp.text ? qp.n : len;
        rc = tx_charset_read(charset, in, inlen, out);
        for (size_t i = 0; rc == CS_OK && qp.text && i <= out->n; i++) {
            size_t s = out->start[i], e = out->end[i];
            out->start[i] = qp.start[s];
            out->end[i] = e > s ? qp.end[e - 1] : qp.start[s];
        }
        tx_read_clear(&qp);
    } else if (rc == CS_OK && qp.text) {
        *out = qp;
    } else if (rc == CS_OK) {
        out->text = malloc(len + 1);
        if (out->text) {
            memcpy(out->text, text, len);
            out->n = len;
        } else {
            rc = CS_NOMEM;
        }
    } else {
        tx_read_clear(&qp);
    }
    if (rc != CS_OK) {
        tx_read_clear(out);
        return rc;
    }
    if (form & TX_FORM_HTML)
        tx_mask_html(out->text, out->n, out->text);
    out->text[out->n] = '\0';
    return CS_OK;
}

static const char *const form_names[] = {NULL, "html", "qp", "qp html"};

const char *tx_form_name(unsigned form)
{
    return form_names[form & (TX_FORM_HTML | TX_FORM_QP)];
}

unsigned tx_form_of(const char *name)
{
    for (unsigned f = 1; name && f < 4; f++)
        if (strcmp(name, form_names[f]) == 0)
            return f;
    return 0;
}
