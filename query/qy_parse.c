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
        "\xE3\x80\x8C" /* 「 */, "\xE3\x80\x8D" /* 」 */};
    for (size_t i = 0; i < sizeof quotes / sizeof *quotes; i++) {
        size_t n = strlen(quotes[i]);
        if (strncmp(s, quotes[i], n) == 0)
            return n;
    }
    return 0;
}

static int is_space(const char *s)
{
    return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
           (s[0] == '\xC2' && s[1] == '\xA0');
}

static size_t space_len(const char *s)
{
    return s[0] == '\xC2' ? 2 : 1;
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

int qy_date_range(const char *value, char lo[9], char hi[10])
{
    const char *dots = strstr(value, "..");
    char a[16] = "", b[16] = "";
    lo[0] = hi[0] = '\0';
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
    if (*a && ix_date_normalize(a, lo) != 0)
        return -1;
    if (*b) {
        char d[9];
        if (ix_date_normalize(b, d) != 0)
            return -1;
        /* Everything that starts with the upper bound is inside it. */
        snprintf(hi, 10, "%s\xFF", d);
    }
    return 0;
}

static cs_status check_filter(const char *field, const char *value, char **msg)
{
    if (strcmp(field, "date") == 0) {
        char lo[9], hi[10];
        if (qy_date_range(value, lo, hi) != 0)
            return cs_fail(msg, CS_BAD_INPUT,
                           "date:%s: expected YYYY[-MM[-DD]] or FROM..TO", value);
    }
    if (!*value)
        return cs_fail(msg, CS_BAD_INPUT, "%s: needs a value", field);
    return CS_OK;
}

cs_status qy_parse_add_filter(qy_parsed *p, const char *filter, char **msg)
{
    const char *colon = strchr(filter, ':');
    for (size_t f = 0; colon && f < sizeof fields / sizeof *fields; f++) {
        size_t n = strlen(fields[f]);
        if ((size_t)(colon - filter) == n && strncmp(filter, fields[f], n) == 0) {
            cs_status rc = check_filter(fields[f], colon + 1, msg);
            if (rc != CS_OK)
                return rc;
            return add_clause(p, QY_FILTER, QY_REQUIRED, fields[f], colon + 1,
                              strlen(colon + 1));
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
    while (*len > 0 && is_space(*s)) {
        size_t n = space_len(*s);
        *s += n;
        *len -= n;
    }
    while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\n' ||
                        (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'))
        (*len)--;
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
            rc = check_filter(field, value, msg);
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
            while (*e && !is_space(e) && !quote_len(e))
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
 * a quotation in single curly marks, ‘...’, as British papers print one:
 * an opening ‘ and a closing ’ that ends it.  (A ’ inside is an
 * apostrophe, Rama’s.)  Not straight apostrophes, which end a word of
 * its own as often ('tis, the Kanans'). */
static int single_quoted(const char *s, size_t len)
{
    static const char open[] = "\xE2\x80\x98", close[] = "\xE2\x80\x99";
    return len > 6 && memcmp(s, open, 3) == 0 && memcmp(s + len - 3, close, 3) == 0 &&
           !memchr(s + 3, '"', len - 6);
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
