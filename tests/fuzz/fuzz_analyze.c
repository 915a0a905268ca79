/* fuzz_analyze.c - fuzz target: the text analyzer and the passage splitter
 * on arbitrary bytes.  Every token and passage must lie inside the input,
 * in order, and a passage's words must analyze alike on their own; the
 * UTF-8 sanitizer's output, and the Windows-1252 reading's, is valid and
 * keeps valid text as it is; HTML masking keeps every byte or makes it a
 * space, line breaks kept, and its passages lie inside the input too;
 * quoted-printable decoding maps every byte into the input, in order. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_readable.h"
#include "tx.h"

static tx_analyzer *analyzer;

typedef struct check {
    const char *text;
    size_t len, last_start;
    unsigned last_pos;
    tx_initials runs;
} check;

/* An acronym a run of names spells: 2 to TX_INITIALS_MAX letters a-z,
 * its bytes inside the text. */
static void on_run(void *ctx, const char *letters, size_t n, size_t start, size_t end)
{
    check *c = ctx;
    if (n < 2 || n > TX_INITIALS_MAX || strlen(letters) != n || start >= end ||
        end > c->len)
        abort();
    for (size_t i = 0; i < n; i++)
        if (letters[i] < 'a' || letters[i] > 'z')
            abort();
}

static int on_token(void *ctx, const tx_token *t)
{
    check *c = ctx;
    tx_initials_feed(&c->runs, c->text, t->term, t->flags, t->start, t->end, on_run, c);
    if (t->start >= t->end || t->end > c->len || t->term_len == 0 ||
        strlen(t->term) != t->term_len || strlen(t->stem) != t->stem_len)
        abort();
    if (!(t->flags & TX_JOINED)) {
        if (t->start < c->last_start || t->pos != c->last_pos + 1)
            abort();
        c->last_start = t->start;
        c->last_pos = t->pos;
    }
    return 0;
}

typedef struct pcheck {
    size_t len, last_start, last_end;
    unsigned last_para, last_line;
} pcheck;

static int on_passage(void *ctx, const tx_passage *p)
{
    pcheck *c = ctx;
    if (p->byte_start >= p->byte_end || p->byte_end > c->len ||
        p->line_start > p->line_end || p->line_start < c->last_line ||
        p->paragraph < c->last_para || p->byte_start < c->last_start ||
        (p->paragraph > c->last_para && p->byte_start < c->last_end))
        abort();
    c->last_start = p->byte_start;
    c->last_end = p->byte_end;
    c->last_para = p->paragraph;
    c->last_line = p->line_start;
    return 0;
}

/* text read in `form` and `charset`: valid UTF-8, each byte mapped in
 * order to bytes of the text, and the text analyzed into passages. */
static void check_read(const char *text, size_t size, unsigned form,
                       const char *charset)
{
    tx_read rd;
    if (tx_read_form(text, size, form, charset, &rd) != CS_OK ||
        tx_utf8_check(rd.text, rd.n) != rd.n || rd.start[rd.n] != size ||
        rd.end[rd.n] != size)
        abort();
    for (size_t i = 0; i < rd.n; i++)
        if (rd.start[i] >= rd.end[i] || rd.end[i] > size ||
            (i > 0 && (rd.start[i] < rd.start[i - 1] || rd.end[i] < rd.end[i - 1])))
            abort();
    pcheck p = {.len = rd.n};
    if (tx_passages(analyzer, rd.text, rd.n, 24, on_passage, &p, NULL) != CS_OK)
        abort();
    tx_read_clear(&rd);
}

/* Spans of the text read as base64, aligned to whole groups of four
 * (tx_b64_align) and read again with their cut: the same bytes. */
static void check_b64_spans(const char *text, size_t size)
{
    tx_read all;
    unsigned char *phase = malloc(size + 1);
    if (!phase || tx_read_form(text, size, TX_FORM_B64, NULL, &all) != CS_OK)
        abort();
    tx_b64_phases(text, size, phase);
    size_t step = all.n / 7 + 1;
    for (size_t from = 0; from < all.n; from += step)
        for (size_t to = from + 1; to <= all.n; to += step) {
            size_t start = all.start[from], end = all.end[to - 1];
            unsigned cut = tx_b64_align(text, size, phase, &start, &end);
            tx_read part;
            if (start > all.start[from] || end < all.end[to - 1] ||
                tx_read_form(text + start, end - start, TX_FORM_B64 | cut, NULL,
                             &part) != CS_OK ||
                part.n != to - from || memcmp(part.text, all.text + from, part.n) != 0)
                abort();
            tx_read_clear(&part);
        }
    tx_read_clear(&all);
    free(phase);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!analyzer && tx_analyzer_new(&analyzer, NULL) != CS_OK)
        abort();
    const char *text = (const char *)data;
    check c = {.text = text, .len = size};
    tx_initials_init(&c.runs, 2);
    if (tx_analyze(analyzer, text, size, 1, on_token, &c, NULL) != CS_OK)
        abort();
    tx_initials_end(&c.runs, on_run, &c);
    pcheck p = {.len = size};
    if (tx_passages(analyzer, text, size, 24, on_passage, &p, NULL) != CS_OK)
        abort();
    char *norm = NULL;
    size_t nlen = 0;
    if (tx_normalize(analyzer, text, size, &norm, &nlen, NULL) == CS_OK)
        free(norm);
    /* Sanitized text is valid UTF-8, and valid text comes back as it is. */
    size_t valid = tx_utf8_check(text, size), slen = 0;
    char *clean = tx_utf8_sanitize(text, size, &slen);
    if (!clean || tx_utf8_check(clean, slen) != slen || slen < valid ||
        memcmp(clean, text, valid) != 0 ||
        (valid == size && (slen != size || memcmp(clean, text, size) != 0)))
        abort();
    free(clean);
    /* So is the Windows-1252 reading of it. */
    clean = tx_utf8_legacy(text, size, &slen);
    if (!clean || tx_utf8_check(clean, slen) != slen || slen < valid ||
        memcmp(clean, text, valid) != 0 ||
        (valid == size && (slen != size || memcmp(clean, text, size) != 0)))
        abort();
    free(clean);
    /* HTML read for its text: no longer than the text, each byte mapped
     * in order to bytes of it, and the text analyzed. */
    tx_read html;
    if (tx_read_form(text, size, TX_FORM_HTML, NULL, &html) != CS_OK ||
        html.n > size || html.start[html.n] != size)
        abort();
    for (size_t i = 0; i < html.n; i++)
        if (html.start[i] >= html.end[i] || html.end[i] > size ||
            (i > 0 && html.start[i] < html.start[i - 1]))
            abort();
    p = (pcheck){.len = html.n};
    if (tx_passages(analyzer, html.text, html.n, 24, on_passage, &p, NULL) != CS_OK)
        abort();
    tx_read_clear(&html);
    char *decoded = malloc(size + 1);
    if (!decoded)
        abort();
    /* Quoted-printable decoding: no longer than the text, each byte mapped
     * in order to an encoding inside it. */
    size_t *start = malloc((size + 1) * sizeof *start);
    if (!start)
        abort();
    size_t n = tx_decode_qp(text, size, decoded, start);
    if (n > size || start[n] != size)
        abort();
    for (size_t i = 0; i < n; i++)
        if (start[i] >= size || (i > 0 && start[i] <= start[i - 1]) ||
            tx_qp_end(text, size, start[i]) > start[i + 1])
            abort();
    free(start);
    free(decoded);
    /* Read in a charset (the one it looks to be in, or one byte a letter,
     * or one or two) under quoted-printable and HTML: valid UTF-8, each
     * byte mapped in order to bytes of the text, and the text analyzed. */
    static const char *const charsets[] = {"koi8-r", "big5", "shift_jis"};
    char guess[48];
    const char *charset = tx_charset_detect(text, size, guess) ? guess
                                                               : charsets[size % 3];
    if (!tx_charset_readable(charset))
        abort();
    check_read(text, size, TX_FORM_QP | TX_FORM_HTML, charset);
    /* And as UTF-16, either way round, as a file with its mark is read;
     * and as base64, cut or not. */
    check_read(text, size, 0, "UTF-16LE");
    check_read(text, size, 0, "UTF-16BE");
    check_read(text, size, TX_FORM_B64 | TX_FORM_HTML, charset);
    check_read(text, size, TX_FORM_B64 | TX_FORM_CUT(size % 3, size / 3 % 3), charset);
    check_b64_spans(text, size);
    /* And as ISO-2022-JP from each state a passage can start in. */
    check_read(text, size, TX_FORM_SHIFT(size % 7), "ISO-2022-JP");
    /* The passage as a reader sees it, in each form, in that charset:
     * highlights moved onto its text stay in it, in order. */
    for (unsigned form = 0; form <= (TX_FORM_HTML | TX_FORM_QP); form++) {
        qy_span hl[2] = {{100 + size / 4, 100 + size / 3},
                         {100 + size / 2, 100 + size}};
        qy_result r = {.text = (char *)text, .text_len = size,
                       .byte_start = 100, .byte_end = 100 + size,
                       .form = form, .charset = form & 1 ? (char *)charset : NULL,
                       .highlights = hl, .nhighlights = 2};
        qy_readable shown;
        if (qy_readable_of(&r, &shown) != CS_OK)
            abort();
        for (size_t i = 0; i < shown.nhighlights; i++)
            if (shown.highlights[i].start > shown.highlights[i].end ||
                shown.highlights[i].end > shown.len ||
                (i > 0 && shown.highlights[i].start < shown.highlights[i - 1].end))
                abort();
        qy_readable_clear(&shown);
    }
    return 0;
}
