/* qy_readable.c - a passage as a person reads it (see qy_output.h): the
 * text output and the web page show e-mail parts so. */
#include <stdlib.h>
#include <string.h>

#include "qy_output.h"
#include "tx.h"

/* Where the passage's byte `off` falls in its decoded text: the first
 * decoded byte whose encoding starts at or after it (start: tx_read_form's
 * map of n bytes; NULL when the text keeps the bytes' offsets). */
static size_t decoded_at(const size_t *start, size_t n, size_t off)
{
    if (!start)
        return off;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (start[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The markup of an HTML text, as tx_html_markup finds it. */
typedef struct markup {
    struct piece {
        size_t start, end;
        unsigned kind;
    } *v;
    size_t n, cap;
    int nomem;
} markup;

static int add_piece(void *ctx, size_t start, size_t end, unsigned kind)
{
    markup *m = ctx;
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        struct piece *v = realloc(m->v, cap * sizeof *v);
        if (!v) {
            m->nomem = 1;
            return 1;
        }
        m->v = v;
        m->cap = cap;
    }
    m->v[m->n++] = (struct piece){start, end, kind};
    return 0;
}

/* What a character reference stands for, as UTF-8 into out (room for 4
 * bytes): a numeric one, or one of the five XML itself defines and the
 * no-break space; 0 for any other (it is then shown as written). */
static size_t reference_char(const char *s, size_t n, char *out)
{
    static const struct {
        const char *name;
        const char *utf8;
    } named[] = {{"&amp;", "&"},  {"&lt;", "<"},     {"&gt;", ">"},
                 {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}};
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
        if (n == strlen(named[k].name) && strncmp(s, named[k].name, n) == 0) {
            memcpy(out, named[k].utf8, strlen(named[k].utf8));
            return strlen(named[k].utf8);
        }
    if (n < 4 || s[1] != '#')
        return 0;
    int hex = s[2] == 'x' || s[2] == 'X';
    unsigned long cp = 0;
    for (size_t i = hex ? 3 : 2; i + 1 < n; i++) {
        int d = hex ? tx_hex_digit(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
        if (d < 0 || cp > 0x10FFFF)
            return 0;
        cp = cp * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * HTML as a browser shows it, written over `text` (n bytes; what it
 * shows is never longer): tags within a line of text left out, other
 * markup and each run of white space one space, character references
 * the character.  at[k] receives where text[k] went (n + 1 entries).
 * The new length, or (size_t)-1 when out of memory.
 */
static size_t show_html(char *text, size_t n, size_t *at)
{
    markup m = {0};
    tx_html_markup(text, n, add_piece, &m);
    if (m.nomem) {
        free(m.v);
        return (size_t)-1;
    }
    size_t len = 0, p = 0;
    int after_blank = 0;
    for (size_t k = 0; k < n;) {
        if (p < m.n && m.v[p].start == k) {
            const struct piece *pc = &m.v[p++];
            char ch[4];
            size_t chlen = pc->kind == TX_MARKUP_REFERENCE
                               ? reference_char(text + k, pc->end - k, ch)
                               : 0;
            for (size_t j = k; j < pc->end; j++)
                at[j] = len;
            if (pc->kind == TX_MARKUP_BLOCK ||
                (chlen == 1 && ch[0] == ' ')) {
                if (!after_blank)
                    text[len++] = ' ';
                after_blank = 1;
            } else if (pc->kind == TX_MARKUP_REFERENCE) {
                if (chlen == 0) { /* shown as written */
                    memmove(text + len, text + k, pc->end - k);
                    chlen = pc->end - k;
                } else {
                    memcpy(text + len, ch, chlen);
                }
                len += chlen;
                after_blank = 0;
            }
            k = pc->end;
            continue;
        }
        at[k] = len;
        int blank = is_blank(text[k]);
        if (!(blank && after_blank))
            text[len++] = blank ? ' ' : text[k];
        after_blank = blank;
        k++;
    }
    at[n] = len;
    text[len] = '\0';
    free(m.v);
    return len;
}

cs_status qy_readable_of(const qy_result *r, qy_readable *out)
{
    memset(out, 0, sizeof *out);
    tx_read rd = {0};
    cs_status rc = CS_OK;
    /* HTML is read here for a person, not masked for the analyzer. */
    unsigned form = r->form & ~TX_FORM_HTML;
    if (form || r->charset) {
        rc = tx_read_form(r->text, r->text_len, form, r->charset, &rd);
    } else if ((rd.text = malloc(r->text_len + 1)) != NULL) {
        memcpy(rd.text, r->text, r->text_len);
        rd.n = r->text_len;
        rd.text[rd.n] = '\0';
    } else {
        rc = CS_NOMEM;
    }
    size_t *at = NULL;
    if (rc == CS_OK && (r->form & TX_FORM_HTML) &&
        !(at = malloc((rd.n + 1) * sizeof *at)))
        rc = CS_NOMEM;
    if (rc == CS_OK && r->nhighlights &&
        !(out->highlights = malloc(r->nhighlights * sizeof *out->highlights)))
        rc = CS_NOMEM;
    out->len = rd.n;
    if (rc == CS_OK && at && (out->len = show_html(rd.text, rd.n, at)) == (size_t)-1)
        rc = CS_NOMEM;
    if (rc != CS_OK) {
        tx_read_clear(&rd);
        free(at);
        qy_readable_clear(out);
        return rc;
    }
    for (size_t i = 0; i < r->nhighlights; i++) {
        size_t s = decoded_at(rd.start, rd.n, r->highlights[i].start - r->byte_start);
        size_t e = decoded_at(rd.start, rd.n, r->highlights[i].end - r->byte_start);
        out->highlights[i].start = at ? at[s] : s;
        out->highlights[i].end = at ? at[e] : e;
    }
    out->nhighlights = r->nhighlights;
    free(at);
    out->text = rd.text;
    rd.text = NULL;
    tx_read_clear(&rd);
    return CS_OK;
}

void qy_readable_clear(qy_readable *rd)
{
    free(rd->text);
    free(rd->highlights);
    memset(rd, 0, sizeof *rd);
}
