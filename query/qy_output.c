/* qy_output.c - the printer interface and the JSON back ends
 * (see qy_output.h). */
#include "qy_output.h"
#include "qy_readable.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tx.h"

extern const qy_printer_ops qy_text_ops;
extern const qy_printer_ops qy_csv_ops;

cs_status qy_format_parse(const char *name, qy_format *out, char **msg)
{
    if (strcmp(name, "text") == 0)
        *out = QY_FORMAT_TEXT;
    else if (strcmp(name, "jsonl") == 0)
        *out = QY_FORMAT_JSONL;
    else if (strcmp(name, "json") == 0)
        *out = QY_FORMAT_JSON;
    else if (strcmp(name, "csv") == 0)
        *out = QY_FORMAT_CSV;
    else if (strcmp(name, "tsv") == 0)
        *out = QY_FORMAT_TSV;
    else
        return cs_fail(msg, CS_USAGE,
                       "unknown --format '%s' (text, jsonl, json, csv or tsv)",
                       name);
    return CS_OK;
}

json_t *qy_json_bytes(const char *s, size_t len)
{
    /* Checked here, so jansson need not check again. */
    if (tx_utf8_check(s, len) == len)
        return json_stringn_nocheck(s, len);
    size_t n = 0;
    char *clean = tx_utf8_sanitize(s, len, &n);
    json_t *j = clean ? json_stringn_nocheck(clean, n) : NULL;
    free(clean);
    return j;
}

int qy_json_set_raw(json_t *o, const char *key, const char *s, size_t len)
{
    if (tx_utf8_check(s, len) == len)
        return 0;
    size_t n = 0;
    char *u = tx_utf8_latin1(s, len, &n);
    if (!u)
        return -1;
    json_t *j = json_stringn(u, n);
    free(u);
    return j ? json_object_set_new(o, key, j) : -1;
}

static json_t *json_id(const qy_request *req)
{
    return req->id ? qy_json_bytes(req->id, strlen(req->id)) : json_null();
}

json_t *qy_spans_json(const qy_span *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_pack("[I,I]", (json_int_t)v[i].start,
                                           (json_int_t)v[i].end));
    return a;
}

/* For an e-mail's part in HTML, quoted-printable or a charset, "shown":
 * the text a person reads (qy_readable) and its highlights, as
 * {"text", "highlights", and "raw_bytes" as a result has it}: `text`
 * stays the cited bytes (SPEC), which for such a part are markup or
 * escapes.  0, or -1 when out of memory. */
json_t *qy_readable_json(const qy_readable *rd, int highlights)
{
    json_t *shown = json_object();
    if (!shown ||
        json_object_set_new(shown, "text", qy_json_bytes(rd->text, rd->len)) ||
        (highlights &&
         json_object_set_new(shown, "highlights",
                             qy_spans_json(rd->highlights, rd->nhighlights))) ||
        qy_json_set_raw(shown, "raw_bytes", rd->text, rd->len)) {
        json_decref(shown);
        return NULL;
    }
    return shown;
}

static int set_shown(json_t *o, const qy_result *r)
{
    qy_readable rd;
    if (!(r->form || r->charset))
        return 0;
    if (qy_readable_of(r, &rd) != CS_OK)
        return -1;
    json_t *shown = qy_readable_json(&rd, 1);
    qy_readable_clear(&rd);
    return shown ? json_object_set_new(o, "shown", shown) : -1;
}

/* Sets o's `key` to the claim words `words` as an array, when there are
 * any. */
static void set_words(json_t *o, const char *key, char *const *words, size_t n)
{
    if (n == 0)
        return;
    json_t *u = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(u, qy_json_bytes(words[i], strlen(words[i])));
    json_object_set_new(o, key, u);
}

/* Claim words the passage says otherwise as o's `key`: [{"query",
 * "source"}, ...]; nothing when there are none. */
static void set_pairs(json_t *o, const char *key, const qy_respelling *pairs,
                      size_t n)
{
    if (n == 0)
        return;
    json_t *u = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(
            u, json_pack("{s:o, s:o}", "query",
                         qy_json_bytes(pairs[i].query, strlen(pairs[i].query)),
                         "source",
                         qy_json_bytes(pairs[i].source, strlen(pairs[i].source))));
    json_object_set_new(o, key, u);
}

json_t *qy_result_json(const qy_request *req, const qy_answer *a,
                       const qy_result *r)
{
    (void)a;
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "query_id", json_id(req));
    json_object_set_new(o, "query", qy_json_bytes(req->query, strlen(req->query)));
    json_object_set_new(o, "rank", json_integer(r->rank));
    json_object_set_new(o, "score", json_real(r->score));
    json_object_set_new(o, "match", json_string(qy_match_name(r->match)));
    json_object_set_new(o, "cite", qy_json_bytes(r->cite, strlen(r->cite)));
    json_object_set_new(o, "path", qy_json_bytes(r->path, strlen(r->path)));
    qy_json_set_raw(o, "raw_path", r->path, strlen(r->path));
    json_object_set_new(o, "title", qy_json_bytes(r->title, strlen(r->title)));
    json_object_set_new(o, "source", qy_json_bytes(r->source, strlen(r->source)));
    json_object_set_new(o, "date", qy_json_bytes(r->date, strlen(r->date)));
    /* Where a web page was, when its file or the manifest says: for a
     * page, that is what a citation names. */
    if (r->url && *r->url)
        json_object_set_new(o, "url", qy_json_bytes(r->url, strlen(r->url)));
    json_object_set_new(o, "paragraph", json_integer(r->paragraph));
    json_object_set_new(o, "line_start", json_integer(r->line_start));
    json_object_set_new(o, "line_end", json_integer(r->line_end));
    json_object_set_new(o, "byte_start", json_integer((json_int_t)r->byte_start));
    json_object_set_new(o, "byte_end", json_integer((json_int_t)r->byte_end));
    json_object_set_new(o, "text", qy_json_bytes(r->text, r->text_len));
    qy_json_set_raw(o, "raw_bytes", r->text, r->text_len);
    json_object_set_new(o, "highlights",
                        qy_spans_json(r->highlights, r->nhighlights));
    set_shown(o, r); /* out of memory: the result without it */
    if (r->match == QY_MATCH_NEAR) {
        json_t *diff = json_array();
        for (size_t i = 0; i < r->ndiff; i++) {
            json_t *op = json_pack("{s:s#, s:s, s:s}", "op", &r->diff[i].op,
                                   (size_t)1, "query", r->diff[i].query,
                                   "source", r->diff[i].source);
            /* Only when there is something to say, so a plain op keeps
             * the three fields the SPEC lists. */
            const char *kind = qy_diff_kind_name(r->diff[i].kind);
            if (op && kind)
                json_object_set_new(op, "kind", json_string(kind));
            json_array_append_new(diff, op);
        }
        json_object_set_new(o, "diff", diff);
    }
    set_words(o, "unsupported", r->unsupported, r->nunsupported);
    set_words(o, "negated", r->negated, r->nnegated);
    set_pairs(o, "respelt", r->respelt, r->nrespelt);
    set_pairs(o, "figures", r->figures, r->nfigures);
    if (r->said_by.name)
        json_object_set_new(
            o, "said_by",
            json_pack("{s:o, s:o, s:I, s:I}", "name",
                      qy_json_bytes(r->said_by.name, strlen(r->said_by.name)),
                      "cite", qy_json_bytes(r->said_by.cite, strlen(r->said_by.cite)),
                      "byte_start", (json_int_t)r->said_by.byte_start, "byte_end",
                      (json_int_t)r->said_by.byte_end));
    return o;
}

/* Writes `o` to `out` through a buffer of its own: jansson's json_dumpf
 * writes each piece of the text (a key, a quote, a run of characters)
 * with its own fwrite, which made a ninth of writing a keyword query's
 * answer. */
typedef struct staged {
    FILE *out;
    size_t n;
    char buf[16384];
} staged;

static int stage(const char *s, size_t n, void *ctx)
{
    staged *st = ctx;
    if (st->n + n > sizeof st->buf) {
        fwrite(st->buf, 1, st->n, st->out);
        st->n = 0;
        if (n > sizeof st->buf)
            return fwrite(s, 1, n, st->out) == n ? 0 : -1;
    }
    memcpy(st->buf + st->n, s, n);
    st->n += n;
    return 0;
}

static void dump_json(FILE *out, json_t *o, size_t flags)
{
    staged st;
    st.out = out;
    st.n = 0;
    json_dump_callback(o, stage, &st, flags);
    fwrite(st.buf, 1, st.n, out);
}

static void dump_line(FILE *out, json_t *o)
{
    if (o) {
        dump_json(out, o, JSON_COMPACT);
        fputc('\n', out);
    }
}

static void jsonl_answer(qy_printer *p, const qy_request *req,
                         const qy_answer *a)
{
    for (size_t i = 0; i < a->n; i++) {
        json_t *o = qy_result_json(req, a, &a->results[i]);
        dump_line(p->out, o);
        json_decref(o);
    }
}

static json_t *error_json(const qy_request *req, const char *message)
{
    json_t *o = json_object();
    json_object_set_new(o, "query_id", json_id(req));
    json_object_set_new(o, "error", qy_json_bytes(message, strlen(message)));
    return o;
}

static void jsonl_error(qy_printer *p, const qy_request *req,
                        const char *message)
{
    json_t *o = error_json(req, message);
    dump_line(p->out, o);
    json_decref(o);
}

static void jsonl_finish(qy_printer *p)
{
    (void)p;
}

static const qy_printer_ops jsonl_ops = {NULL, jsonl_answer, jsonl_error,
                                         jsonl_finish};

/* json: one query's results as one array; in a batch, one object per
 * query and line: {"query_id":..., "query":..., "results":[...]}. */
static void json_answer(qy_printer *p, const qy_request *req,
                        const qy_answer *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < a->n; i++)
        json_array_append_new(arr, qy_result_json(req, a, &a->results[i]));
    if (p->batch) {
        json_t *o = json_object();
        json_object_set_new(o, "query_id", json_id(req));
        json_object_set_new(o, "query", qy_json_bytes(req->query, strlen(req->query)));
        json_object_set_new(o, "results", arr);
        dump_line(p->out, o);
        json_decref(o);
    } else {
        dump_json(p->out, arr, JSON_INDENT(2));
        fputc('\n', p->out);
        json_decref(arr);
    }
}

static void json_error(qy_printer *p, const qy_request *req,
                       const char *message)
{
    json_t *o = error_json(req, message);
    if (p->batch)
        dump_line(p->out, o);
    else {
        dump_json(p->out, o, JSON_INDENT(2));
        fputc('\n', p->out);
    }
    json_decref(o);
}

static const qy_printer_ops json_ops = {NULL, json_answer, json_error,
                                        jsonl_finish};

qy_printer *qy_printer_new(qy_format fmt, FILE *out, int color, int batch)
{
    qy_printer *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    switch (fmt) {
    case QY_FORMAT_TEXT: p->ops = &qy_text_ops; break;
    case QY_FORMAT_JSON: p->ops = &json_ops; break;
    case QY_FORMAT_CSV:
    case QY_FORMAT_TSV: p->ops = &qy_csv_ops; break;
    default: p->ops = &jsonl_ops; break;
    }
    p->separator = fmt == QY_FORMAT_TSV ? '\t' : ',';
    p->out = out;
    p->color = color;
    p->batch = batch;
    return p;
}

/* Flushes the output, keeping the errno of the first write that failed
 * since `errno` was cleared before the writing began (a write stdio made
 * for a long string fails there, and shows in ferror only). */
static int flush(qy_printer *p)
{
    if ((fflush(p->out) != 0 || ferror(p->out)) && !p->write_errno)
        p->write_errno = errno ? errno : EIO;
    return p->write_errno;
}

/* Readies the output for an answer: errno cleared for flush. */
static void begin(qy_printer *p)
{
    errno = 0;
    if (p->count == 0 && p->ops->begin)
        p->ops->begin(p);
}

void qy_printer_set_guard(qy_printer *p, void (*guard)(int writing))
{
    p->guard = guard;
}

static void guard(const qy_printer *p, int writing)
{
    if (p->guard)
        p->guard(writing);
}

void qy_printer_answer(qy_printer *p, const qy_request *req, const qy_answer *a)
{
    guard(p, 1);
    begin(p);
    p->ops->answer(p, req, a);
    p->count++;
    /* Each answer is complete when written: a pipe reader sees it now. */
    flush(p);
    guard(p, 0);
}

void qy_printer_error(qy_printer *p, const qy_request *req, const char *message)
{
    guard(p, 1);
    begin(p);
    p->ops->error(p, req, message);
    p->count++;
    flush(p);
    guard(p, 0);
}

char *qy_printer_render(const qy_printer *p, const qy_request *req,
                        const qy_answer *a, const char *error, size_t *len)
{
    char *buf = NULL;
    *len = 0;
    FILE *m = open_memstream(&buf, len);
    if (!m)
        return NULL;
    /* A printer like p that writes to the buffer and has begun already.
     * Only fields fixed at creation are read: the printing thread changes
     * p->count meanwhile. */
    qy_printer copy = {.ops = p->ops, .out = m, .color = p->color,
                       .batch = p->batch, .count = 1,
                       .separator = p->separator};
    if (error)
        copy.ops->error(&copy, req, error);
    else
        copy.ops->answer(&copy, req, a);
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

int qy_printer_write(qy_printer *p, const char *buf, size_t len)
{
    guard(p, 1);
    begin(p);
    fwrite(buf, 1, len, p->out);
    p->count++;
    int err = flush(p);
    guard(p, 0);
    return err;
}

int qy_printer_free(qy_printer *p)
{
    if (!p)
        return 0;
    begin(p);
    p->ops->finish(p);
    int err = flush(p);
    free(p);
    return err;
}

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

/* The length of the control character at s[0, n) that a terminal would
 * act on (C0 but tab, LF and CR; DEL; C1 as UTF-8), or 0. */
static size_t control_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
        return 1;
    if (c == 0xc2 && n > 1 && (unsigned char)s[1] >= 0x80 &&
        (unsigned char)s[1] <= 0x9f)
        return 2;
    return 0;
}

void qy_put_text(FILE *out, const char *s, size_t n, char after,
                 const char *indent)
{
    char *readable = tx_utf8_check(s, n) < n ? tx_utf8_legacy(s, n, &n) : NULL;
    if (readable)
        s = readable;
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (c == '\r' && (k + 1 < n ? s[k + 1] : after) == '\n')
            continue; /* CR LF: the LF ends the line */
        size_t ctl = control_len(s + k, n - k);
        if (ctl) {
            fputs(REPLACEMENT, out);
            k += ctl - 1;
            continue;
        }
        fputc(c == '\r' ? '\n' : c, out);
        if (c == '\n' || c == '\r')
            fputs(indent, out);
    }
    free(readable);
}

void qy_put_field(FILE *out, const char *s)
{
    size_t n = strlen(s);
    for (size_t k = 0; k < n; k++) {
        size_t c = control_len(s + k, n - k);
        if (c || s[k] == '\n' || s[k] == '\r') {
            fputs(REPLACEMENT, out);
            k += c ? c - 1 : 0;
        } else {
            fputc(s[k], out);
        }
    }
}
