/* qy_readable.c - a passage as a person reads it (see qy_readable.h): the
 * text output and the web page show e-mail parts so. */
#include <stdlib.h>
#include <string.h>

#include "qy_readable.h"
#include "tx.h"

/* Where the passage's byte `off` falls in its decoded text: the first
 * decoded byte whose encoding starts at or after it (map: tx_read_form's
 * start map of n bytes; NULL when the text keeps the bytes' offsets); or,
 * for the end of a span (map: the end map), the first byte whose encoding
 * ends after it.  Both are one for encodings apart (escapes, markup); a
 * byte of base64 shares a character with the next, so a span's end is
 * found by the ends. */
static size_t decoded_at(const size_t *map, size_t n, size_t off)
{
    if (!map)
        return off;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (map[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t decoded_end(const size_t *end, size_t n, size_t off)
{
    return end ? decoded_at(end, n, off + 1) : off;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* HTML as a browser shows it (tx_read_form read it for its text, the
 * markup that ends a line blanked): each run of white space one space,
 * written over `text` (n bytes).  at[k] receives where text[k] went
 * (n + 1 entries).  Returns the new length. */
static size_t collapse(char *text, size_t n, size_t *at)
{
    size_t len = 0;
    int after_blank = 0;
    for (size_t k = 0; k < n; k++) {
        at[k] = len;
        int blank = is_blank(text[k]);
        if (!(blank && after_blank))
            text[len++] = blank ? ' ' : text[k];
        after_blank = blank;
    }
    at[n] = len;
    text[len] = '\0';
    return len;
}

cs_status qy_readable_of(const qy_result *r, qy_readable *out)
{
    memset(out, 0, sizeof *out);
    tx_read rd = {0};
    cs_status rc = tx_read_form(r->text, r->text_len, r->form, r->charset, &rd);
    if (rc == CS_OK) /* bytes in no charset, as the analyzer reads them */
        rc = tx_read_legacy(&rd);
    size_t *at = NULL;
    if (rc == CS_OK && (r->form & TX_FORM_HTML) &&
        !(at = malloc((rd.n + 1) * sizeof *at)))
        rc = CS_NOMEM;
    if (rc == CS_OK && r->nhighlights &&
        !(out->highlights = malloc(r->nhighlights * sizeof *out->highlights)))
        rc = CS_NOMEM;
    if (rc != CS_OK) {
        tx_read_clear(&rd);
        free(at);
        qy_readable_clear(out);
        return rc;
    }
    out->len = at ? collapse(rd.text, rd.n, at) : rd.n;
    for (size_t i = 0; i < r->nhighlights; i++) {
        size_t s = decoded_at(rd.start, rd.n, r->highlights[i].start - r->byte_start);
        size_t e = decoded_end(rd.end, rd.n, r->highlights[i].end - r->byte_start);
        if (e < s) /* a span within one character's encoding */
            e = s;
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

size_t qy_readable_at(const tx_read *words, size_t off)
{
    return words->text ? decoded_at(words->start, words->n, off) : off;
}

size_t qy_readable_end(const tx_read *words, size_t off)
{
    return words->text ? decoded_end(words->end, words->n, off) : off;
}

size_t qy_reply_depth(const char *text, size_t len, size_t at)
{
    size_t i = at < len ? at : len, depth = 0;
    while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r')
        i--;
    for (;;) {
        while (i < len && (text[i] == ' ' || text[i] == '\t'))
            i++;
        size_t j = i;
        while (j < len && j - i < 5 &&
               ((text[j] >= 'A' && text[j] <= 'Z') || (text[j] >= 'a' && text[j] <= 'z')))
            j++;
        if (j >= len || text[j] != '>')
            return depth;
        depth++;
        i = j + 1;
    }
}

const char *qy_readable_text(const qy_result *r, const tx_read *words, size_t *len)
{
    if (len)
        *len = words->text ? words->n : r->text_len;
    return words->text ? words->text : r->text;
}

char *qy_readable_slice(const qy_result *r, const tx_read *words, size_t from,
                        size_t to)
{
    const char *text = qy_readable_text(r, words, NULL);
    size_t s = qy_readable_at(words, from), e = qy_readable_end(words, to);
    return tx_utf8_legacy(text + s, e > s ? e - s : 0, NULL);
}
