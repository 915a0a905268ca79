/* ix_docdata.c - a passage's document data (see ix_docdata.h). */
#include "ix_docdata.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECORD_MARK '\x01'

/* The fields between the mark and the text, in their order. */
enum { NSTRINGS = 8, NNUMBERS = 6, NFIELDS = NSTRINGS + NNUMBERS };

static const char *or_empty(const char *s) { return s ? s : ""; }

size_t ix_docdata_encode(const ix_docdata *r, char **buf, size_t *cap)
{
    const char *strings[NSTRINGS] = {
        or_empty(r->path), or_empty(r->title),  or_empty(r->source),
        or_empty(r->date), or_empty(r->url),    or_empty(r->lang),
        or_empty(r->markup), or_empty(r->charset)};
    char numbers[NNUMBERS * 21];
    int nlen = snprintf(numbers, sizeof numbers, "%u%c%u%c%u%c%u%c%zu%c%zu",
                        r->paragraph, '\0', r->part, '\0', r->line_start,
                        '\0', r->line_end, '\0', r->byte_start, '\0',
                        r->byte_end);
    if (nlen < 0 || (size_t)nlen >= sizeof numbers)
        return 0;
    size_t need = 1 + (size_t)nlen + 1 + r->text_len + 1;
    for (size_t i = 0; i < NSTRINGS; i++)
        need += strlen(strings[i]) + 1;
    if (need > *cap) {
        size_t n = *cap ? *cap : 4096;
        while (n < need)
            n *= 2;
        char *b = realloc(*buf, n);
        if (!b)
            return 0;
        *buf = b;
        *cap = n;
    }
    char *o = *buf;
    *o++ = RECORD_MARK;
    for (size_t i = 0; i < NSTRINGS; i++) {
        size_t l = strlen(strings[i]) + 1;
        memcpy(o, strings[i], l);
        o += l;
    }
    memcpy(o, numbers, (size_t)nlen + 1);
    o += nlen + 1;
    if (r->text_len)
        memcpy(o, r->text, r->text_len);
    o[r->text_len] = '\0';
    return (size_t)(o - *buf) + r->text_len;
}

/* Where r's strings go, in the order of the format. */
static void string_fields(ix_docdata *r, const char **out[NSTRINGS])
{
    const char **at[NSTRINGS] = {&r->path,   &r->title, &r->source,
                                 &r->date,   &r->url,   &r->lang,
                                 &r->markup, &r->charset};
    memcpy(out, at, sizeof at);
}

/* A decimal number of at most 18 digits at s (NUL-terminated: no file
 * is that long, and 19 nines would not fit); -1 when it is not one. */
static int64_t decimal(const char *s)
{
    int64_t v = 0;
    size_t n = 0;
    for (; s[n] >= '0' && s[n] <= '9'; n++) {
        if (n == 18)
            return -1;
        v = v * 10 + (s[n] - '0');
    }
    return n == 0 || s[n] ? -1 : v;
}

/* A record of the first format: `{...JSON...}` '\n' TEXT. */
static cs_status decode_json(const char *data, size_t len, ix_docdata *r,
                             char **msg)
{
    const char *nl = memchr(data, '\n', len);
    if (!nl)
        return cs_fail(msg, CS_CORRUPT, "passage data without text");
    json_error_t err;
    json_t *o = json_loadb(data, (size_t)(nl - data), 0, &err);
    if (!o)
        return cs_fail(msg, CS_CORRUPT, "passage data: %s", err.text);
    r->parsed = o;
    const char **strings[NSTRINGS];
    string_fields(r, strings);
    static const char *const string_keys[NSTRINGS] = {
        "path", "title", "source", "date", "url", "lang", "markup", "charset"};
    for (size_t i = 0; i < NSTRINGS; i++)
        *strings[i] = or_empty(
            json_string_value(json_object_get(o, string_keys[i])));
    r->paragraph = (unsigned)json_integer_value(json_object_get(o, "paragraph"));
    r->part = (unsigned)json_integer_value(json_object_get(o, "part"));
    r->line_start = (unsigned)json_integer_value(json_object_get(o, "line_start"));
    r->line_end = (unsigned)json_integer_value(json_object_get(o, "line_end"));
    r->byte_start = (size_t)json_integer_value(json_object_get(o, "byte_start"));
    r->byte_end = (size_t)json_integer_value(json_object_get(o, "byte_end"));
    r->text = nl + 1;
    r->text_len = len - (size_t)(nl + 1 - data);
    return CS_OK;
}

cs_status ix_docdata_decode(const char *data, size_t len, ix_docdata *r,
                           char **msg)
{
    memset(r, 0, sizeof *r);
    if (len > 0 && data[0] == '{')
        return decode_json(data, len, r, msg);
    if (len == 0 || data[0] != RECORD_MARK)
        return cs_fail(msg, CS_CORRUPT, "passage data of an unknown format");
    const char *fields[NFIELDS];
    const char *p = data + 1, *end = data + len;
    for (size_t i = 0; i < NFIELDS; i++) {
        const char *nul = memchr(p, '\0', (size_t)(end - p));
        if (!nul)
            return cs_fail(msg, CS_CORRUPT,
                           "passage data cut short (field %zu of %d)", i + 1,
                           NFIELDS);
        fields[i] = p;
        p = nul + 1;
    }
    const char **strings[NSTRINGS];
    string_fields(r, strings);
    for (size_t i = 0; i < NSTRINGS; i++)
        *strings[i] = fields[i];
    int64_t v[NNUMBERS];
    for (size_t i = 0; i < NNUMBERS; i++)
        if ((v[i] = decimal(fields[NSTRINGS + i])) < 0 ||
            (i < 4 && v[i] > UINT32_MAX))
            return cs_fail(msg, CS_CORRUPT,
                           "passage data: field %zu is not a number",
                           NSTRINGS + i + 1);
    r->paragraph = (unsigned)v[0];
    r->part = (unsigned)v[1];
    r->line_start = (unsigned)v[2];
    r->line_end = (unsigned)v[3];
    r->byte_start = (size_t)v[4];
    r->byte_end = (size_t)v[5];
    r->text = p;
    r->text_len = (size_t)(end - p);
    if (r->byte_end < r->byte_start ||
        r->byte_end - r->byte_start != r->text_len)
        return cs_fail(msg, CS_CORRUPT,
                       "passage data: %zu bytes of text for bytes %zu-%zu",
                       r->text_len, r->byte_start, r->byte_end);
    return CS_OK;
}

void ix_docdata_release(ix_docdata *r)
{
    if (!r)
        return;
    json_decref(r->parsed);
    r->parsed = NULL;
}
