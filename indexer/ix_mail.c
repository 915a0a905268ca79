/* ix_mail.c - e-mail header blocks (see ix_mail.h). */
#include "ix_mail.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ix_manifest.h"
#include "tx.h"

/* A header block longer than this is not taken for one. */
#define IX_MAIL_MAX_HEAD (256 * 1024)

/* The length of the line at `p` (up to `end`) without its line break;
 * *next receives where the next line starts. */
static size_t line_at(const char *p, const char *end, const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    *next = nl ? nl + 1 : end;
    size_t n = (size_t)(stop - p);
    if (n > 0 && p[n - 1] == '\r')
        n--;
    return n;
}

/* The length of a field name ending in ':' at the start of a line
 * (RFC 5322: printable ASCII but ':'), or 0 when the line is not a
 * field. */
static size_t field_name(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && p[i] != ':' && p[i] > ' ' && p[i] < 127)
        i++;
    return i > 0 && i < n && p[i] == ':' ? i : 0;
}

static int named(const char *p, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(p, name, n) == 0;
}

/* Date: "Sat, 05 Oct 2002 08:00:31 -0000" (the day name optional) as
 * YYYYMMDD; "" when it is not such a date. */
static void read_date(ix_span v, char out[9])
{
    out[0] = '\0';
    char buf[128];
    if (!v.text || v.len >= sizeof buf)
        return;
    memcpy(buf, v.text, v.len);
    buf[v.len] = '\0';
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *s = buf + strspn(buf, " \t");
    if (!strptime(s, "%a, %d %b %Y", &tm)) {
        memset(&tm, 0, sizeof tm);
        if (!strptime(s, "%d %b %Y", &tm))
            return;
    }
    int year = tm.tm_year + 1900;
    if (year < 1000 || year > 9999)
        return;
    if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31)
        return;
    /* Through the manifest's check, so a day the month lacks is none. */
    char iso[32];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, tm.tm_mon + 1,
             tm.tm_mday);
    if (ix_date_normalize(iso, out) != 0)
        out[0] = '\0';
}

/* Where a header field's value goes: given the field's name and value,
 * returns where it keeps the value (a folded line then extends it there),
 * or NULL for a field it does not keep. */
typedef ix_span *(*field_fn)(void *ctx, const char *name, size_t n,
                             ix_span value);

/*
 * Reads the header block at p (to `end`): each field to `field`, up to
 * the blank line (white space only counts) that ends it.  Returns 1 with
 * *body where the lines after that blank line start and *lines the lines
 * read, that one included; 0 when a line is not a field, when there is no
 * blank line, or (`no_fold_first`) when the first line is a folded one.
 */
static int header_block(const char *p, const char *end, int no_fold_first,
                        field_fn field, void *ctx, const char **body,
                        unsigned *lines)
{
    ix_span *value = NULL; /* the field a folded line extends */
    int fields = 0;
    const char *next;
    for (*lines = 0; p < end; p = next) {
        size_t n = line_at(p, end, &next);
        ++*lines;
        size_t ws = 0;
        while (ws < n && (p[ws] == ' ' || p[ws] == '\t'))
            ws++;
        if (ws == n) {
            *body = next;
            return 1;
        }
        if (ws > 0) { /* a folded field continues */
            if (fields == 0 && no_fold_first)
                return 0;
            if (value)
                value->len = (size_t)(p + n - value->text);
            continue;
        }
        size_t name = field_name(p, n);
        if (name == 0)
            return 0;
        fields++;
        const char *v = p + name + 1;
        value = field(ctx, p, name, (ix_span){v, (size_t)(p + n - v)});
    }
    return 0;
}

/* An e-mail's head being read: the fields it keeps, and how many of
 * those only an e-mail has. */
typedef struct mail_fields {
    ix_mail_head *head;
    int mail_fields;
    int snapshot_location; /* location is a Snapshot-Content-Location */
} mail_fields;

static ix_span *mail_field(void *ctx, const char *p, size_t name, ix_span span)
{
    mail_fields *m = ctx;
    ix_mail_head *out = m->head;
    if (named(p, name, "From")) {
        out->from = span;
        return &out->from;
    }
    if (named(p, name, "Subject")) {
        out->subject = span;
        m->mail_fields++;
        return &out->subject;
    }
    if (named(p, name, "Date")) {
        read_date(span, out->date);
        m->mail_fields++;
        return NULL;
    }
    if (named(p, name, "To")) {
        out->to = span;
        m->mail_fields++;
        return &out->to;
    }
    if (named(p, name, "Cc")) {
        out->cc = span;
        return &out->cc;
    }
    if (named(p, name, "Message-ID") || named(p, name, "Received")) {
        m->mail_fields++;
        return NULL;
    }
    if (named(p, name, "Content-Type")) {
        out->content_type = span;
        return &out->content_type;
    }
    if (named(p, name, "Content-Transfer-Encoding")) {
        out->encoding = span;
        return &out->encoding;
    }
    if (named(p, name, "Snapshot-Content-Location") ||
        (named(p, name, "Content-Location") && !m->snapshot_location)) {
        m->snapshot_location |= named(p, name, "Snapshot-Content-Location");
        out->location = span;
        return &out->location;
    }
    return NULL;
}

/* The header block at the top of text (after an mbox "From " line): 1
 * with out's fields, body_off and body_line filled, 0 when there is none;
 * m counts the fields only an e-mail has. */
static int read_head(const char *text, size_t len, ix_mail_head *out,
                     mail_fields *m, int *mbox)
{
    memset(out, 0, sizeof *out);
    *m = (mail_fields){.head = out};
    const char *p = text, *end = text + len, *next, *body;
    if (len > IX_MAIL_MAX_HEAD)
        end = text + IX_MAIL_MAX_HEAD;
    unsigned lines = 0, block;
    *mbox = len >= 5 && memcmp(p, "From ", 5) == 0;
    if (*mbox) { /* the separator line of a mailbox */
        line_at(p, end, &next);
        p = next;
        lines++;
    }
    if (!header_block(p, end, 1, mail_field, m, &body, &block))
        return 0; /* no blank line (no body), or no header block */
    out->body_off = (size_t)(body - text);
    out->body_line = lines + block;
    return 1;
}

int ix_mail_parse(const char *text, size_t len, ix_mail_head *out)
{
    mail_fields m;
    int mbox;
    if (!read_head(text, len, out, &m, &mbox))
        return 0;
    /* It takes a From: naming an address, or any From: (bounces have
     * "<>") after a mailbox's "From " line. */
    if (!out->from.text || !m.mail_fields ||
        (!mbox && !memchr(out->from.text, '@', out->from.len))) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    return 1;
}

int ix_mail_parse_snapshot(const char *text, size_t len, ix_mail_head *out)
{
    mail_fields m;
    int mbox;
    if (read_head(text, len, out, &m, &mbox) && !mbox && out->content_type.text)
        return 1;
    memset(out, 0, sizeof *out);
    return 0;
}

size_t ix_mail_next(const char *text, size_t len, const ix_mail_head *head)
{
    if (!head || len < 5 || memcmp(text, "From ", 5) != 0)
        return len; /* not a mailbox: one message at most */
    const char *p = text, *end = text + len, *next;
    int blank = 0;
    line_at(p, end, &next); /* this message's own "From " line */
    for (p = next; p < end; p = next) {
        size_t n = line_at(p, end, &next);
        if (blank && n >= 5 && memcmp(p, "From ", 5) == 0) {
            ix_mail_head h;
            if (ix_mail_parse(p, (size_t)(end - p), &h))
                return (size_t)(p - text);
        }
        blank = n == 0;
    }
    return len;
}

/* ---- Field values ---- */

/* The bytes an encoded word's text stands for, into out (room for n):
 * Q ('_' a space, "=XX" a byte) or B (base64).  -1 when malformed. */
static long decode_text(char enc, const char *s, size_t n, char *out)
{
    size_t o = 0;
    if (enc == 'Q' || enc == 'q') {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '_') {
                out[o++] = ' ';
            } else if (s[i] == '=') {
                int byte = tx_qp_escape(s, n, i);
                if (byte < 0)
                    return -1;
                out[o++] = (char)byte;
                i += 2;
            } else {
                out[o++] = s[i];
            }
        }
        return (long)o;
    }
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n && s[i] != '='; i++) {
        int v = tx_b64_value(s[i]);
        if (v < 0)
            return -1;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (char)((acc >> bits) & 0xFF);
        }
    }
    return (long)o;
}

/* The encoded word (RFC 2047: =?charset?Q|B?text?=) at s, decoded into
 * *out (malloc'd UTF-8); returns its length, or 0 when s starts none or
 * one that cannot be decoded (an unknown charset, malformed text). */
static size_t encoded_word(const char *s, size_t n, char **out, size_t *out_len)
{
    if (n < 8 || s[0] != '=' || s[1] != '?')
        return 0;
    size_t cs = 2, ce = cs;
    while (ce < n && ce - cs < 64 && s[ce] != '?' && s[ce] > ' ')
        ce++;
    if (ce == cs || ce + 3 >= n || s[ce] != '?' || s[ce + 2] != '?')
        return 0;
    char enc = s[ce + 1];
    if (!strchr("QqBb", enc))
        return 0;
    size_t ts = ce + 3, te = ts;
    while (te + 1 < n && !(s[te] == '?' && s[te + 1] == '=') && s[te] > ' ')
        te++;
    if (te + 1 >= n || s[te] != '?')
        return 0;
    char charset[65];
    size_t clen = ce - cs;
    memcpy(charset, s + cs, clen);
    charset[clen] = '\0';
    char *star = strchr(charset, '*'); /* RFC 2231: =?charset*lang?... */
    if (star)
        *star = '\0';
    char *bytes = malloc(te - ts + 1);
    if (!bytes)
        return 0;
    long blen = decode_text(enc, s + ts, te - ts, bytes);
    *out = blen >= 0 ? tx_charset_to_utf8(charset, bytes, (size_t)blen, out_len)
                     : NULL;
    free(bytes);
    return *out ? te + 2 : 0;
}

/* Appends n bytes to the growing string *buf (length *len, room *cap). */
static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap * 2 > *len + n + 1 ? *cap * 2 : *len + n + 1;
        char *b = realloc(*buf, c);
        if (!b)
            return -1;
        *buf = b;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

char *ix_mail_value(ix_span v, const char *charset)
{
    /* Encoded words and white space are ASCII, which every charset
     * tx_charset_readable accepts reads as ASCII: they are found after.
     * ISO-2022-JP is 7 bits: read in it when it switches charsets (a
     * field is read whole, from its first state). */
    char *read = NULL;
    size_t rlen = 0;
    if (((tx_charset_readable(charset) && tx_utf8_check(v.text, v.len) < v.len) ||
         (tx_charset_iso2022(charset) && v.len && memchr(v.text, '\x1B', v.len))) &&
        (read = tx_charset_to_utf8(charset, v.text, v.len, &rlen)) != NULL) {
        v.text = read;
        v.len = rlen;
    }
    size_t cap = v.len + 1, n = 0;
    char *out = malloc(cap);
    int failed = !out;
    if (out)
        out[0] = '\0';
    int space = 0;
    size_t after_word = SIZE_MAX; /* where output stood after an encoded word */
    for (size_t i = 0; !failed && i < v.len; i++) {
        char c = v.text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = n > 0;
            continue;
        }
        char *word = NULL;
        size_t wlen = 0, used = encoded_word(v.text + i, v.len - i, &word, &wlen);
        if (used > 0) {
            /* White space between two encoded words is not text. */
            failed = (space && after_word != n &&
                      append(&out, &n, &cap, " ", 1) != 0) ||
                     append(&out, &n, &cap, word, wlen) != 0;
            free(word);
            after_word = n;
            space = 0;
            i += used - 1;
            continue;
        }
        failed = (space && append(&out, &n, &cap, " ", 1) != 0) ||
                 append(&out, &n, &cap, &c, 1) != 0;
        space = 0;
    }
    free(read);
    if (failed) {
        free(out);
        return NULL;
    }
    return out;
}

/* ---- The body's MIME parts ---- */

/* Deeper nesting than this is read as it is written. */
#define IX_MIME_MAX_DEPTH 8
/* RFC 2046: a boundary is at most 70 characters. */
#define IX_MIME_MAX_BOUNDARY 70

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether a Content-Type value's media type (before any ';', case aside)
 * is `type`, or starts with it when it ends in '/'. */
static int media_is(ix_span v, const char *type)
{
    size_t i = 0, n = strlen(type);
    while (i < v.len && is_space(v.text[i]))
        i++;
    size_t m = 0;
    while (i + m < v.len && v.text[i + m] != ';' && !is_space(v.text[i + m]))
        m++;
    if (type[n - 1] == '/')
        return m > n && strncasecmp(v.text + i, type, n) == 0;
    return m == n && strncasecmp(v.text + i, type, n) == 0;
}

/* The value of parameter `key` ("boundary=") of a Content-Type value,
 * quoted or not; 0 when there is none, or one longer than `max`. */
static size_t param_of(ix_span v, const char *key, size_t max,
                       const char **out)
{
    const size_t klen = strlen(key);
    for (size_t i = 0; i + klen <= v.len; i++) {
        if (strncasecmp(v.text + i, key, klen) != 0 ||
            (i > 0 && !is_space(v.text[i - 1]) && v.text[i - 1] != ';'))
            continue;
        const char *b = v.text + i + klen, *end = v.text + v.len;
        size_t n = 0;
        if (b < end && *b == '"') {
            b++;
            while (b + n < end && b[n] != '"' && b[n] != '\n')
                n++;
        } else {
            while (b + n < end && b[n] != ';' && !is_space(b[n]))
                n++;
        }
        if (n == 0 || n > max)
            return 0;
        *out = b;
        return n;
    }
    return 0;
}

/* The charset parameter of a Content-Type value into out
 * (IX_MAIL_MAX_CHARSET + 1 bytes), "" when none. */
static void charset_of(ix_span type, char *out)
{
    const char *cs;
    size_t n = type.text ? param_of(type, "charset=", IX_MAIL_MAX_CHARSET, &cs) : 0;
    memcpy(out, n ? cs : "", n);
    out[n] = '\0';
}

/* A MIME part's head being read: the two fields a part is read by. */
typedef struct part_fields {
    ix_span *type, *encoding;
} part_fields;

static ix_span *part_field(void *ctx, const char *p, size_t name, ix_span span)
{
    part_fields *f = ctx;
    ix_span *keep = named(p, name, "Content-Type")                ? f->type
                    : named(p, name, "Content-Transfer-Encoding") ? f->encoding
                                                                  : NULL;
    if (keep)
        *keep = span;
    return keep;
}

/* A part's own header fields: Content-Type and Content-Transfer-Encoding
 * from the lines before its first blank line; *body receives where its
 * body starts.  0 when those lines are not header fields. */
static int part_head(const char *p, const char *end, ix_span *type,
                     ix_span *encoding, const char **body)
{
    *type = (ix_span){0};
    *encoding = (ix_span){0};
    part_fields f = {type, encoding};
    unsigned lines;
    return header_block(p, end, 0, part_field, &f, body, &lines);
}

typedef struct mime_walk {
    const char *text;
    ix_mail_text_fn fn;
    void *ctx;
    int stop;
    int weighing; /* a walk that weighs parts: it looks for no stub (each
                     level would weigh its parts again: 2^depth walks) */
} mime_walk;

static void walk_part(mime_walk *w, const char *start, const char *end,
                      ix_span type, ix_span encoding, int depth);

/* The delimiter line "--BOUNDARY" at p: 1, or 2 for the closing one
 * ("--BOUNDARY--"); 0 for any other line. */
static int delimiter(const char *p, size_t n, const char *b, size_t blen)
{
    if (n < blen + 2 || p[0] != '-' || p[1] != '-' ||
        memcmp(p + 2, b, blen) != 0)
        return 0;
    size_t i = blen + 2;
    int closing = i + 2 <= n && p[i] == '-' && p[i + 1] == '-';
    if (closing)
        i += 2;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return i < n ? 0 : 1 + closing;
}

/* ---- Which alternative says the most ----
 *
 * Many newsletters send a plain text part that is only a stub ("This
 * message is best viewed in HTML: view it in your browser"), the article
 * being in the HTML alone: that HTML is read instead.  A part's weight is
 * the bytes of its text that are not white space nor an address (a
 * stub's one long tracking link would outweigh a short article), so
 * that text without spaces between its words (Chinese, Japanese) weighs
 * as much in either part. */

/* Whether the word s[0, n) is a link's address, not text. */
static int address_word(const char *s, size_t n)
{
    return tx_find_nocase(s, 0, n, "://") < n ||
           tx_find_nocase(s, 0, n, "www.") < n ||
           tx_find_nocase(s, 0, n, "mailto:") < n;
}

/* The bytes of text[0, n) in words that are not addresses. */
static size_t text_weight(const char *text, size_t n)
{
    size_t weight = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (is_space(text[i]) || text[i] == '\f'))
            i++;
        size_t start = i;
        while (i < n && !is_space(text[i]) && text[i] != '\f')
            i++;
        if (!address_word(text + start, i - start))
            weight += i - start;
    }
    return weight;
}

/* A part being weighed: its runs' weight (of HTML ones only, `html`);
 * `failed` when one could not be read (out of memory). */
typedef struct weighing {
    const char *text;
    int html, failed;
    size_t weight;
} weighing;

static int weigh_run(void *ctx, size_t off, size_t len, unsigned form,
                     const char *charset)
{
    (void)charset; /* white space is ASCII in any charset a part uses */
    weighing *g = ctx;
    if (g->html && !(form & TX_FORM_HTML))
        return 0;
    tx_read r;
    if (form && tx_read_form(g->text + off, len, form, NULL, &r) != CS_OK) {
        g->failed = 1;
        return 1;
    }
    g->weight += form ? text_weight(r.text, r.n) : text_weight(g->text + off, len);
    if (form)
        tx_read_clear(&r);
    return 0;
}

/* The weight of the text part text[start, end) (`type`, `encoding`) gives,
 * of its HTML only when `html`; SIZE_MAX when it cannot be read. */
static size_t part_weight(const mime_walk *w, const char *start, const char *end,
                          ix_span type, ix_span encoding, int html, int depth)
{
    weighing g = {.text = w->text, .html = html};
    mime_walk m = {.text = w->text, .fn = weigh_run, .ctx = &g, .weighing = 1};
    walk_part(&m, start, end, type, encoding, depth);
    return g.failed ? SIZE_MAX : g.weight;
}

/* A plain text alternative this much lighter than an HTML one is a stub:
 * it lacks more than half of what the HTML says.  (Reading the HTML of a
 * plain part that was real loses nothing: it says the same, and more;
 * keeping a stub loses the article.) */
#define IX_MAIL_STUB_RATIO 2

/*
 * Of an alternative's parts (nparts, their bodies, types and encodings;
 * ok and is_plain as walk_multipart found them), the one whose HTML is to
 * be read rather than its plain text parts, which are a stub beside it;
 * nparts when the plain text is what to read.
 */
static size_t stub_alternative(const mime_walk *w, size_t nparts,
                               const char *const *bodies, const char *const *to,
                               const ix_span *types, const ix_span *encodings,
                               const int *ok, const int *is_plain, int depth)
{
    size_t plain = 0, rich = 0, best = nparts;
    for (size_t i = 0; i < nparts; i++) {
        if (!ok[i])
            continue;
        size_t g = part_weight(w, bodies[i], to[i], types[i], encodings[i],
                               !is_plain[i], depth + 1);
        if (g == SIZE_MAX)
            return nparts; /* as the sender's plain text says */
        if (is_plain[i]) {
            plain += g;
        } else if (g > rich) {
            rich = g;
            best = i;
        }
    }
    return rich / IX_MAIL_STUB_RATIO > plain ? best : nparts;
}

/* The parts of a multipart body, each walked in turn; the preamble and
 * epilogue (text for readers without MIME) are left out.  In an
 * alternative, HTML is left out when a plain text part says the same,
 * and read instead of it when that part is a stub (stub_alternative).
 * 0 when no delimiter line is found: the body is then read as text. */
static int walk_multipart(mime_walk *w, const char *start, const char *end,
                          ix_span type, int depth)
{
    const char *b;
    size_t blen = param_of(type, "boundary=", IX_MIME_MAX_BOUNDARY, &b);
    if (blen == 0)
        return 0;
    enum { MAX_PARTS = 256 }; /* the last one runs to the end */
    const char *from[MAX_PARTS], *to[MAX_PARTS];
    size_t nparts = 0;
    const char *p, *next, *open = NULL;
    int found = 0;
    for (p = start; p < end && nparts < MAX_PARTS - 1; p = next) {
        size_t n = line_at(p, end, &next);
        int d = delimiter(p, n, b, blen);
        if (!d)
            continue;
        found = 1;
        if (open) {
            from[nparts] = open;
            to[nparts++] = p;
        }
        open = d == 1 ? next : NULL;
        if (d == 2)
            break;
    }
    if (!found)
        return 0;
    if (open && nparts < MAX_PARTS) { /* no closing line: to the end */
        from[nparts] = open;
        to[nparts++] = end;
    }
    ix_span types[MAX_PARTS], encodings[MAX_PARTS];
    const char *bodies[MAX_PARTS];
    int plain = 0, ok[MAX_PARTS], is_plain[MAX_PARTS];
    /* A digest's parts are messages unless they say otherwise (RFC 2046
     * 5.1.5): a mailing list's digest, whose messages' header blocks
     * (Received: hops, ids) would otherwise be read as text. */
    static const char rfc822[] = "message/rfc822";
    int digest = media_is(type, "multipart/digest");
    for (size_t i = 0; i < nparts; i++) {
        ok[i] = part_head(from[i], to[i], &types[i], &encodings[i], &bodies[i]);
        if (ok[i] && digest && !types[i].text)
            types[i] = (ix_span){rfc822, sizeof rfc822 - 1};
        /* A plain text part, which is read (in base64 too). */
        is_plain[i] = ok[i] && (!types[i].text || media_is(types[i], "text/plain"));
        plain |= is_plain[i];
    }
    int alternative = media_is(type, "multipart/alternative");
    size_t rich = alternative && plain && !w->weighing
                      ? stub_alternative(w, nparts, bodies, to, types, encodings,
                                         ok, is_plain, depth)
                      : nparts;
    for (size_t i = 0; i < nparts && !w->stop; i++) {
        if (rich < nparts && i != rich)
            continue; /* a stub, or another form of the same */
        if (!ok[i]) { /* no header block: the part is read as text */
            walk_part(w, from[i], to[i], (ix_span){0}, (ix_span){0}, depth + 1);
            continue;
        }
        /* The other forms of what a plain text alternative says are not
         * read again: its HTML, also when it comes with its images
         * (multipart/related) or attachments, Apple's text/watch-html, a
         * meeting's text/calendar. */
        if (alternative && plain && !is_plain[i] && rich == nparts)
            continue;
        walk_part(w, bodies[i], to[i], types[i], encodings[i], depth + 1);
    }
    return 1;
}

static void walk_part(mime_walk *w, const char *start, const char *end,
                      ix_span type, ix_span encoding, int depth)
{
    if (type.text && media_is(type, "multipart/") && depth < IX_MIME_MAX_DEPTH &&
        walk_multipart(w, start, end, type, depth))
        return;
    /* A message in a message (a forwarded one): its header block is no
     * text to cite (Received: hops, ids), its body is read as a part. */
    ix_span inner_type, inner_encoding;
    const char *inner_body;
    if (type.text && media_is(type, "message/rfc822") && depth < IX_MIME_MAX_DEPTH &&
        part_head(start, end, &inner_type, &inner_encoding, &inner_body)) {
        walk_part(w, inner_body, end, inner_type, inner_encoding, depth + 1);
        return;
    }
    /* Text is read, decoded when encoded (its passages cite the bytes
     * that encode them), attached text too (a CSV, a log: cited by its
     * lines); other media (images, attachments) are not text, nor are
     * the text types that are data or code: a meeting's iCalendar, a
     * signature's vCard (BEGIN:VCARD would be a passage of every mail
     * that sender writes), an HTML part's style sheet or script. */
    if (type.text && !media_is(type, "text/") && !media_is(type, "multipart/") &&
        !media_is(type, "message/"))
        return;
    static const char *const data[] = {"text/calendar", "text/vcard",
                                       "text/x-vcard", "text/directory",
                                       "text/css", "text/javascript",
                                       "text/ecmascript"};
    for (size_t k = 0; type.text && k < sizeof data / sizeof data[0]; k++)
        if (media_is(type, data[k]))
            return;
    unsigned form = 0;
    if (type.text && media_is(type, "text/html"))
        form |= TX_FORM_HTML;
    if (encoding.text && media_is(encoding, "quoted-printable"))
        form |= TX_FORM_QP;
    if (encoding.text && media_is(encoding, "base64"))
        form |= TX_FORM_B64;
    char charset[IX_MAIL_MAX_CHARSET + 1];
    charset_of(type, charset);
    if (end > start && w->fn(w->ctx, (size_t)(start - w->text),
                             (size_t)(end - start), form, charset) != 0)
        w->stop = 1;
}

int ix_mail_texts(const char *text, size_t len, const ix_mail_head *head,
                  ix_mail_text_fn fn, void *ctx)
{
    mime_walk w = {.text = text, .fn = fn, .ctx = ctx};
    walk_part(&w, text + head->body_off, text + len, head->content_type,
              head->encoding, 0);
    return w.stop;
}

/* The first text part's declared charset, the walk stopping there. */
static int first_charset(void *ctx, size_t off, size_t len, unsigned form,
                         const char *charset)
{
    (void)off;
    (void)len;
    (void)form;
    if (!*charset)
        return 0;
    strcpy(ctx, charset);
    return 1;
}

void ix_mail_charset(const char *text, size_t len, const ix_mail_head *head,
                     char *out)
{
    charset_of(head->content_type, out);
    if (!*out)
        ix_mail_texts(text, len, head, first_charset, out);
}
