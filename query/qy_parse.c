/* qy_parse.c - parsing the query language (see qy_parse.h). */
#include "qy_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_manifest.h"
#include "tx.h"

static const char *const fields[] = {"title", "source", "to",  "path",
                                     "lang",  "date"};

/* Byte length of an opening quote at s, or 0.  Closing quotes are any of
 * the same set: people mix them (“...", «...»). */
static size_t quote_len(const char *s)
{
    static const char *const quotes[] = {
        "\"", "\xE2\x80\x9C" /* “ */, "\xE2\x80\x9D" /* ” */,
        "\xE2\x80\x9E" /* „ */, "\xE2\x80\x9F" /* ‟ */, "\xC2\xAB" /* « */,
        "\xC2\xBB" /* » */, "\xE2\x80\xB9" /* ‹ */, "\xE2\x80\xBA" /* › */,
        "\xE3\x80\x8C" /* 「 */, "\xE3\x80\x8D" /* 」 */,
        "\xE3\x80\x8E" /* 『 */, "\xE3\x80\x8F" /* 』 */,
        "\xEF\xBC\x82" /* ＂, as a CJK input method types " */};
    for (size_t i = 0; i < sizeof quotes / sizeof *quotes; i++) {
        size_t n = strlen(quotes[i]);
        if (strncmp(s, quotes[i], n) == 0)
            return n;
    }
    return 0;
}

/* The length of the white space character that starts NUL-terminated s,
 * or 0: white space as passages read it (tx_space_at), so that words
 * typed apart by the ideographic space of a CJK input method, a thin
 * space or a pasted NBSP are apart, and a filter or an operator after
 * one is read as such (Rama\u3000-Iran excludes Iran). */
static size_t space_len(const char *s)
{
    return tx_space_at(s, strnlen(s, 4), 0);
}

static int is_space(const char *s)
{
    return space_len(s) > 0;
}

/* Whether the white space at s, inside a word that starts at `word`, is a
 * space French and SI typography put between digit groups (a no-break,
 * thin or narrow no-break space: 2 500, 10 000), after a digit and before
 * a group of three: the analyzer reads such a number as one (2500,
 * tx_analyze.c), so a +2 500 or -10 000 asks for or leaves out that
 * number, not its first group. */
static int group_space(const char *word, const char *s)
{
    size_t n = tx_group_space_at(s, strnlen(s, 3), 0);
    if (!n || s == word || s[-1] < '0' || s[-1] > '9')
        return 0;
    const char *g = s + n;
    for (int k = 0; k < 3; k++)
        if (g[k] < '0' || g[k] > '9')
            return 0;
    return g[3] < '0' || g[3] > '9';
}

static cs_status add_clause(qy_parsed *p, qy_kind kind, qy_modifier mod,
                            const char *field, const char *text, size_t len)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8;
        qy_clause *items = realloc(p->items, cap * sizeof *items);
        if (!items)
            return CS_NOMEM;
        p->items = items;
        p->cap = cap;
    }
    qy_clause c = {.kind = kind, .mod = mod};
    c.text = strndup(text, len);
    c.field = field ? strdup(field) : NULL;
    if (!c.text || (field && !c.field)) {
        free(c.text);
        free(c.field);
        return CS_NOMEM;
    }
    p->items[p->n++] = c;
    return CS_OK;
}

/* The day a normalized index date (YYYY, YYYYMM, YYYYMMDD) starts on, or
 * with `last` the day it ends on, as YYYYMMDD. */
static void period_end(const char *d, int last, char out[9])
{
    int y = 0, m = last ? 12 : 1, day = 0;
    if (sscanf(d, "%4d%2d%2d", &y, &m, &day) < 3)
        day = last ? ix_month_days(y, m) : 1;
    snprintf(out, 9, "%04d%02d%02d", y, m, day);
}

int qy_date_range(const char *value, char first[9], char last[9])
{
    const char *dots = strstr(value, "..");
    char a[16] = "", b[16] = "", d[9];
    first[0] = last[0] = '\0';
    if (dots) {
        size_t alen = (size_t)(dots - value);
        if (alen >= sizeof a || strlen(dots + 2) >= sizeof b)
            return -1;
        memcpy(a, value, alen);
        a[alen] = '\0';
        strcpy(b, dots + 2);
        if (!*a && !*b)
            return -1;
    } else {
        if (strlen(value) >= sizeof a || !*value)
            return -1;
        strcpy(a, value);
        strcpy(b, value);
    }
    if (*a) {
        if (ix_date_normalize(a, d) != 0)
            return -1;
        period_end(d, 0, first);
    }
    if (*b) {
        if (ix_date_normalize(b, d) != 0)
            return -1;
        period_end(d, 1, last);
    }
    return *first && *last && strcmp(first, last) > 0 ? -2 : 0;
}

/* Appends the span lo..hi to out[*n]: `hi` ends in \xFF when it stands
 * for everything that starts with it (a year's or a month's dates). */
static void add_span(qy_date_span *out, size_t *n, const char *lo, const char *hi)
{
    snprintf(out[*n].lo, sizeof out[*n].lo, "%s", lo);
    snprintf(out[*n].hi, sizeof out[*n].hi, "%s", hi);
    (*n)++;
}

/* Appends the months y-m0 .. y-m1 (one year) with their days. */
static void add_months(qy_date_span *out, size_t *n, int y, int m0, int m1)
{
    char lo[7], hi[8];
    /* (Years are 0000-9999 and months 1-12 here; the modulos tell the
     * compiler so.) */
    snprintf(lo, sizeof lo, "%04u%02u", (unsigned)y % 10000u, (unsigned)m0 % 100u);
    snprintf(hi, sizeof hi, "%04u%02u\xFF", (unsigned)y % 10000u, (unsigned)m1 % 100u);
    add_span(out, n, lo, hi);
}

/* Appends the days y-m-d0 .. y-m-d1 (one month), days only. */
static void add_days(qy_date_span *out, size_t *n, int y, int m, int d0, int d1)
{
    char lo[9], hi[9];
    snprintf(lo, sizeof lo, "%04u%02u%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d0 % 100u);
    snprintf(hi, sizeof hi, "%04u%02u%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d1 % 100u);
    add_span(out, n, lo, hi);
}

/*
 * The index holds a date at the precision it was written with, and string
 * order puts "2021" before "20210101" and "202106" before "20210601": one
 * value range, as date: filters once were ("20210101".."20211231\xFF"),
 * misses the years and months that lie wholly inside it (2021 there) and
 * takes in those that only start in it (2021 and 2021-06 in
 * "".."20210620\xFF").  So the range is cut where string order and the
 * calendar agree: the days of a month it holds in part ("20210615" ..
 * "20210630" holds no shorter string), the months of a year it holds in
 * part ("202107".."202112\xFF" holds their days but not "2021"), and the
 * whole years ("2022".."2023\xFF" holds every date they start).  An open
 * end reaches year 0000 or 9999, and stays open in the span of whole
 * years that reaches it: the index holds nothing beyond them.
 */
size_t qy_date_spans(const char *first, const char *last, qy_date_span out[QY_DATE_SPANS])
{
    int fy = 0, fm = 1, fd = 1, ly = 9999, lm = 12, ld = 31;
    if (*first)
        sscanf(first, "%4d%2d%2d", &fy, &fm, &fd);
    if (*last)
        sscanf(last, "%4d%2d%2d", &ly, &lm, &ld);
    size_t n = 0;

    /* Both ends in one month, not the whole of it: days only. */
    if (fy == ly && fm == lm && (fd > 1 || ld < ix_month_days(ly, lm))) {
        add_days(out, &n, fy, fm, fd, ld);
        return n;
    }
    /* The days before the first whole month, and the whole months as a
     * count of months from year 0 (y * 12 + m - 1). */
    int m0 = fy * 12 + fm - 1, m1 = ly * 12 + lm - 1;
    if (fd > 1) {
        add_days(out, &n, fy, fm, fd, ix_month_days(fy, fm));
        m0++;
    }
    int trailing = ld < ix_month_days(ly, lm);
    if (trailing)
        m1--;
    if (m0 <= m1) {
        int y0 = m0 / 12, y1 = m1 / 12;
        /* The whole years among the whole months. */
        int wy0 = m0 % 12 == 0 ? y0 : y0 + 1, wy1 = m1 % 12 == 11 ? y1 : y1 - 1;
        if (wy0 > wy1) {
            /* No whole year: the months of one year, or of two in a row
             * (each year's apart, so that neither year matches). */
            add_months(out, &n, y0, m0 % 12 + 1, y0 == y1 ? m1 % 12 + 1 : 12);
            if (y1 != y0)
                add_months(out, &n, y1, 1, m1 % 12 + 1);
        } else {
            if (wy0 != y0)
                add_months(out, &n, y0, m0 % 12 + 1, 12);
            char lo[16] = "", hi[16] = "";
            if (*first)
                snprintf(lo, sizeof lo, "%04d", wy0);
            if (*last)
                snprintf(hi, sizeof hi, "%04d\xFF", wy1);
            add_span(out, &n, lo, hi);
            if (wy1 != y1)
                add_months(out, &n, y1, 1, m1 % 12 + 1);
        }
    }
    if (trailing)
        add_days(out, &n, ly, lm, 1, ld);
    return n;
}

cs_status qy_date_filter(const char *value, qy_date_span out[QY_DATE_SPANS], size_t *n,
                         char **msg)
{
    char first[9], last[9];
    *n = 0;
    switch (qy_date_range(value, first, last)) {
    case 0:
        *n = qy_date_spans(first, last, out);
        return CS_OK;
    case -2:
        return cs_fail(msg, CS_BAD_INPUT, "date:%s: the range ends before it starts", value);
    default:
        return cs_fail(msg, CS_BAD_INPUT, "date:%s: expected YYYY[-MM[-DD]] or FROM..TO",
                       value);
    }
}

static cs_status check_filter(const char *field, const char *value, char **msg)
{
    if (strcmp(field, "date") == 0) {
        qy_date_span spans[QY_DATE_SPANS];
        size_t n;
        cs_status rc = qy_date_filter(value, spans, &n, msg);
        if (rc != CS_OK)
            return rc;
    }
    if (!*value)
        return cs_fail(msg, CS_BAD_INPUT, "%s: needs a value", field);
    return CS_OK;
}

static void strip_outer_quotes(const char **s, size_t *len);

cs_status qy_parse_add_filter(qy_parsed *p, const char *filter, char **msg)
{
    /* Written as in the query: a leading - excludes (+ changes nothing),
     * and the value may be quoted (path:"my notes/"). */
    qy_modifier mod = *filter == '-' ? QY_EXCLUDED : QY_REQUIRED;
    const char *spec = filter + (*filter == '-' || *filter == '+');
    const char *colon = strchr(spec, ':');
    for (size_t f = 0; colon && f < sizeof fields / sizeof *fields; f++) {
        size_t n = strlen(fields[f]);
        if ((size_t)(colon - spec) == n && strncmp(spec, fields[f], n) == 0) {
            const char *v = colon + 1;
            size_t vlen = strlen(v);
            strip_outer_quotes(&v, &vlen);
            char *value = strndup(v, vlen);
            if (!value)
                return CS_NOMEM;
            cs_status rc = check_filter(fields[f], value, msg);
            if (rc == CS_OK)
                rc = add_clause(p, QY_FILTER, mod, fields[f], value, vlen);
            free(value);
            return rc;
        }
    }
    return cs_fail(msg, CS_BAD_INPUT,
                   "filter '%s': expected FIELD:VALUE with FIELD one of title, "
                   "source, to, path, lang, date",
                   filter);
}

/* The filter field at s ("date:" ...), or NULL; *len is its length. */
static const char *field_at(const char *s, size_t *len)
{
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
        size_t n = strlen(fields[f]);
        if (strncmp(s, fields[f], n) == 0 && s[n] == ':' && s[n + 1] &&
            !is_space(s + n + 1)) {
            *len = n;
            return fields[f];
        }
    }
    return NULL;
}

/* Drops the white space around `s`. */
static void trim_space(const char **s, size_t *len)
{
    for (size_t n; *len > 0 && (n = tx_space_at(*s, *len, 0)) > 0;) {
        *s += n;
        *len -= n;
    }
    for (int more = 1; more && *len > 0;) {
        more = 0;
        for (size_t k = 1; k <= 4 && k <= *len && !more; k++)
            if (tx_space_at(*s, *len, *len - k) == k) {
                *len -= k;
                more = 1;
            }
    }
}

/* Drops one pair of outer quotes and white space around `s`: the text of
 * a whole-input quotation. */
static void strip_outer_quotes(const char **s, size_t *len)
{
    trim_space(s, len);
    size_t q = quote_len(*s);
    if (q && q < *len) {
        *s += q;
        *len -= q;
        /* The last character, if it is a closing quote. */
        for (size_t back = 1; back <= 3 && back <= *len; back++)
            if (quote_len(*s + *len - back) == back) {
                *len -= back;
                break;
            }
    }
}

/* Says where in the query a bad filter stands: the message of `rc` as
 * "query: byte N: ...", N its first byte (from 0, as the UTF-8 check
 * counts), so that one of several filters, or a filter in a batch's long
 * query, is found. */
static cs_status at_byte(cs_status rc, size_t byte, char **msg)
{
    if (rc != CS_BAD_INPUT || !msg || !*msg)
        return rc;
    char *inner = *msg;
    *msg = NULL;
    rc = cs_fail(msg, rc, "query: byte %zu: %s", byte, inner);
    free(inner);
    return rc;
}

static cs_status parse_language(const char *q, qy_parsed *p, char **msg)
{
    const char *s = q;
    cs_status rc = CS_OK;
    const char *words = NULL; /* start of a run of bare words */
    while (*s && rc == CS_OK) {
        if (is_space(s)) {
            s += space_len(s);
            continue;
        }
        qy_modifier mod = QY_OPTIONAL;
        const char *start = s;
        if ((*s == '+' || *s == '-') && s[1] && !is_space(s + 1)) {
            mod = *s == '+' ? QY_REQUIRED : QY_EXCLUDED;
            s++;
        }
        size_t flen = 0, ql;
        const char *field = field_at(s, &flen);
        if (field) {
            s += flen + 1;
            const char *v = s;
            size_t vlen;
            if ((ql = quote_len(s))) {
                v = s + ql;
                const char *e = v;
                while (*e && !quote_len(e))
                    e++;
                vlen = (size_t)(e - v);
                s = *e ? e + quote_len(e) : e;
            } else {
                while (*s && !is_space(s))
                    s++;
                vlen = (size_t)(s - v);
            }
            char *value = strndup(v, vlen);
            if (!value)
                return CS_NOMEM;
            rc = at_byte(check_filter(field, value, msg), (size_t)(start - q), msg);
            if (rc == CS_OK)
                rc = add_clause(p, QY_FILTER,
                                mod == QY_EXCLUDED ? QY_EXCLUDED : QY_REQUIRED,
                                field, value, vlen);
            free(value);
        } else if ((ql = quote_len(s))) {
            const char *v = s + ql, *e = v;
            while (*e && !quote_len(e))
                e++;
            rc = add_clause(p, QY_PHRASE, mod, NULL, v, (size_t)(e - v));
            s = *e ? e + quote_len(e) : e;
        } else {
            const char *e = s;
            while (*e && (!is_space(e) || group_space(s, e)) && !quote_len(e))
                e++;
            if (mod == QY_OPTIONAL) {
                /* Consecutive optional words form one clause, so the
                 * analyzer sees them together (compounds, pairs). */
                if (p->n > 0 && words && p->items[p->n - 1].kind == QY_WORDS &&
                    p->items[p->n - 1].mod == QY_OPTIONAL) {
                    qy_clause *c = &p->items[p->n - 1];
                    size_t len = (size_t)(e - words);
                    char *t = strndup(words, len);
                    if (!t)
                        return CS_NOMEM;
                    free(c->text);
                    c->text = t;
                } else {
                    words = start;
                    rc = add_clause(p, QY_WORDS, mod, NULL, s, (size_t)(e - s));
                }
                s = e;
                continue;
            }
            rc = add_clause(p, QY_WORDS, mod, NULL, s, (size_t)(e - s));
            s = e;
        }
        words = NULL;
    }
    return rc;
}

/* Words separated by white space in s. */
static size_t count_words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s;) {
        int space = is_space(s);
        n += !space && !in;
        in = !space;
        s += space ? space_len(s) : 1;
    }
    return n;
}

/* Whether `s` (len bytes, white space around it trimmed: trim_space) is
 * a quotation in single curly marks, ‘...’, as British papers print one,
 * or ‚...‘ as German ones do: an opening mark and the closing one that
 * ends it.  (A ’ inside is an apostrophe, Rama’s.)  Not straight
 * apostrophes, which end a word of its own as often ('tis, the
 * Kanans'). */
static int single_quoted(const char *s, size_t len)
{
    static const char *const pairs[][2] = {
        {"\xE2\x80\x98", "\xE2\x80\x99"}, /* ‘ ’ */
        {"\xE2\x80\x9A", "\xE2\x80\x98"}, /* ‚ ‘ */
    };
    if (len <= 6 || memchr(s + 3, '"', len - 6))
        return 0;
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (memcmp(s, pairs[i][0], 3) == 0 && memcmp(s + len - 3, pairs[i][1], 3) == 0)
            return 1;
    return 0;
}

/* Whether the parsed query is a quotation: one optional phrase, maybe
 * with filters, and when it has QY_QUOTE_MIN_WORDS words or more, fewer
 * optional bare words than it has beside it (*context then says there
 * are words).  A phrase of a name ("Edi Rama" attacked) stays a
 * phrase. */
static int quotation(const qy_parsed *p, int *context)
{
    size_t phrases = 0, words = 0, phrase_words = 0;
    for (size_t i = 0; i < p->n; i++) {
        const qy_clause *c = &p->items[i];
        if (c->kind == QY_FILTER)
            continue;
        if (c->mod != QY_OPTIONAL)
            return 0;
        if (c->kind == QY_PHRASE) {
            phrases++;
            phrase_words = count_words(c->text);
        } else {
            words += count_words(c->text);
        }
    }
    *context = words > 0;
    return phrases == 1 &&
           (words == 0 || (phrase_words >= QY_QUOTE_MIN_WORDS && words < phrase_words));
}

cs_status qy_parse(const char *query, qy_mode mode, qy_parsed *out, char **msg)
{
    memset(out, 0, sizeof *out);
    size_t len = strlen(query);
    size_t bad = tx_utf8_check(query, len);
    if (bad < len)
        return cs_fail(msg, CS_BAD_INPUT, "query: invalid UTF-8 at byte %zu",
                       bad);
    const char *s = query;
    size_t n = len;
    cs_status rc = CS_OK;
    switch (mode) {
    case QY_MODE_CLAIM:
        rc = add_clause(out, QY_WORDS, QY_OPTIONAL, NULL, query, len);
        break;
    case QY_MODE_QUOTE:
        strip_outer_quotes(&s, &n);
        rc = add_clause(out, QY_PHRASE, QY_OPTIONAL, NULL, s, n);
        out->quote = 1;
        break;
    default:
        trim_space(&s, &n);
        if (single_quoted(s, n)) {
            /* As --mode quote reads it, its marks dropped. */
            rc = add_clause(out, QY_PHRASE, QY_OPTIONAL, NULL, s + 3, n - 6);
            out->quote = 1;
            break;
        }
        rc = parse_language(query, out, msg);
        /* One optional phrase and nothing else: a quotation as a whole;
         * with bare words beside it, whose it is. */
        out->quote = rc == CS_OK && quotation(out, &out->context);
        if (!out->quote)
            out->context = 0;
        break;
    }
    if (rc != CS_OK)
        qy_parsed_clear(out);
    return rc;
}

void qy_parsed_clear(qy_parsed *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i].text);
        free(p->items[i].field);
    }
    free(p->items);
    memset(p, 0, sizeof *p);
}
