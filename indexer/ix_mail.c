/* ix_mail.c - e-mail header blocks (see ix_mail.h). */
#include "ix_mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ix_manifest.h"

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

int ix_mail_parse(const char *text, size_t len, ix_mail_head *out)
{
    memset(out, 0, sizeof *out);
    const char *p = text, *end = text + len, *next;
    if (len > IX_MAIL_MAX_HEAD)
        end = text + IX_MAIL_MAX_HEAD;
    unsigned lines = 0;
    int mbox = len >= 5 && memcmp(p, "From ", 5) == 0;
    if (mbox) { /* the separator line of a mailbox */
        line_at(p, end, &next);
        p = next;
        lines++;
    }
    ix_span *value = NULL; /* the field a continuation line extends */
    int fields = 0, mail_fields = 0;
    while (p < end) {
        size_t n = line_at(p, end, &next);
        lines++;
        size_t ws = 0;
        while (ws < n && (p[ws] == ' ' || p[ws] == '\t'))
            ws++;
        if (ws == n) {
            /* The blank line (white space only counts) ending the block.
             * It takes a From: naming an address, or any From: (bounces
             * have "<>") after a mailbox's "From " line. */
            if (!out->from.text || !mail_fields ||
                (!mbox && !memchr(out->from.text, '@', out->from.len)))
                return 0;
            out->body_off = (size_t)(next - text);
            out->body_line = lines;
            return 1;
        }
        if (ws > 0) { /* a folded field continues */
            if (fields == 0)
                return 0;
            if (value)
                value->len = (size_t)(p + n - value->text);
            p = next;
            continue;
        }
        size_t name = field_name(p, n);
        if (name == 0)
            return 0;
        fields++;
        const char *v = p + name + 1;
        ix_span span = {v, (size_t)(p + n - v)};
        value = NULL;
        if (named(p, name, "From")) {
            out->from = span;
            value = &out->from;
        } else if (named(p, name, "Subject")) {
            out->subject = span;
            value = &out->subject;
            mail_fields++;
        } else if (named(p, name, "Date")) {
            read_date(span, out->date);
            mail_fields++;
        } else if (named(p, name, "To")) {
            out->to = span;
            value = &out->to;
            mail_fields++;
        } else if (named(p, name, "Cc")) {
            out->cc = span;
            value = &out->cc;
        } else if (named(p, name, "Message-ID") || named(p, name, "Received")) {
            mail_fields++;
        }
        p = next;
    }
    return 0; /* no blank line: no body, or not an e-mail */
}

size_t ix_mail_next(const char *text, size_t len)
{
    ix_mail_head first;
    if (len < 5 || memcmp(text, "From ", 5) != 0 ||
        !ix_mail_parse(text, len, &first))
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

char *ix_mail_value(ix_span v)
{
    char *out = malloc(v.len + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < v.len; i++) {
        char c = v.text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = 0;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}
