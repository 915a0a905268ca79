/* fuzz_mail.c - fuzz target: e-mail and mailbox reading (ix_mail.h), a
 * page saved as one file (its header block and its parts, as an e-mail's),
 * and a web page's head (ix_html.h), on arbitrary bytes.  Messages must tile
 * the text, each parsed head must point inside its message, its text runs
 * must lie in order inside its body, each starting a line, a page's
 * metadata must be UTF-8, and nothing may crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ix_html.h"
#include "ix_mail.h"
#include "tx.h"

static void check_span(ix_span v, const char *text, size_t len)
{
    if (v.text && (v.text < text || v.text + v.len > text + len))
        abort();
    char *s = ix_mail_value(v, NULL);
    if (!s)
        abort();
    if (strlen(s) > 3 * v.len) /* encoded words decode to more at most so */
        abort();
    free(s);
    /* Read in a charset when not UTF-8: then UTF-8 (encoded words that
     * cannot be decoded are ASCII, kept). */
    s = ix_mail_value(v, "gb2312");
    if (!s || (v.text && tx_utf8_check(v.text, v.len) < v.len &&
               tx_utf8_check(s, strlen(s)) != strlen(s)))
        abort();
    free(s);
}

typedef struct runs {
    const char *text;
    size_t body, len, last;
} runs;

static int check_run(void *ctx, size_t off, size_t len, unsigned form,
                     const char *charset)
{
    runs *r = ctx;
    if ((form & ~(TX_FORM_HTML | TX_FORM_QP | TX_FORM_B64)) ||
        (form & (TX_FORM_QP | TX_FORM_B64)) == (TX_FORM_QP | TX_FORM_B64) ||
        strlen(charset) > 45)
        abort();
    if (len == 0 || off < r->last || off < r->body || off + len > r->len)
        abort();
    if (off > 0 && r->text[off - 1] != '\n')
        abort();
    r->last = off + len;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t start = 0;
    do {
        ix_mail_head first;
        int is_mail = ix_mail_parse(text + start, size - start, &first);
        size_t n = ix_mail_next(text + start, size - start,
                                is_mail ? &first : NULL);
        if (n > size - start || (n == 0 && size > start))
            abort(); /* no progress, or past the end */
        if (n < size - start && memcmp(text + start + n, "From ", 5) != 0)
            abort(); /* a message starts at a "From " line */
        ix_mail_head h;
        /* The head read before the message's end was known is the one
         * read within it (the indexer reads each head once). */
        if (ix_mail_parse(text + start, n, &h) != is_mail ||
            (is_mail && memcmp(&h, &first, sizeof h) != 0))
            abort();
        if (is_mail) {
            if (h.body_off > n || h.body_line < 1)
                abort();
            check_span(h.subject, text + start, n);
            check_span(h.from, text + start, n);
            check_span(h.to, text + start, n);
            check_span(h.cc, text + start, n);
            if (h.date[0] && strlen(h.date) != 8)
                abort();
            runs r = {.text = text + start, .body = h.body_off, .len = n};
            if (ix_mail_texts(text + start, n, &h, check_run, &r) != 0)
                abort();
        }
        start += n;
    } while (start < size);
    /* The same bytes as a page saved as one file: its head within them,
     * its address and title read, its text runs as an e-mail's are. */
    ix_mail_head snap;
    if (ix_mail_parse_snapshot(text, size, &snap)) {
        if (snap.body_off > size || snap.body_line < 1)
            abort();
        check_span(snap.location, text, size);
        check_span(snap.subject, text, size);
        runs r = {.text = text, .body = snap.body_off, .len = size};
        if (ix_mail_texts(text, size, &snap, check_run, &r) != 0)
            abort();
    }
    /* The same bytes as a saved web page's head: UTF-8 metadata, a date
     * of eight digits or none. */
    ix_html_meta m;
    if (ix_html_read_meta(text, size, &m) != 0)
        abort();
    if (tx_utf8_check(m.title, strlen(m.title)) != strlen(m.title) ||
        tx_utf8_check(m.source, strlen(m.source)) != strlen(m.source) ||
        (m.date[0] && strlen(m.date) != 8) || strlen(m.charset) > IX_HTML_MAX_CHARSET)
        abort();
    ix_html_meta_clear(&m);
    return 0;
}
