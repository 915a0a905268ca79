/* qy_serve.c - the HTTP handlers of `citesearch serve` (see qy_serve.h). */
#include "qy_serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "qy_batch.h"
#include "qy_engine.h"
#include "qy_output.h"
#include "qy_show.h"
#include "tx.h"
#include "xs.h"

/* The page, embedded at build time from query/serve_page.html (a
 * NUL-terminated copy of the file's bytes). */
extern const unsigned char qy_serve_page[];
extern const size_t qy_serve_page_len;

/* Where the page names its per-response CSP nonce. */
#define NONCE_MARK "CS_NONCE"

/* Filters one request may carry (filter=..., repeated). */
#define MAX_FILTERS 16

/* A URL may be three times as long as its decoded q (%XX) plus headers;
 * libmicrohttpd answers 414 itself only beyond this. */
#define CONNECTION_MEMORY (512u * 1024)

struct qy_server {
    struct MHD_Daemon *daemon;
    char *db_path;
    xs_open_opts open;   /* how every request opens the shards */
    char *host;          /* the numeric address listened on */
    char *url;
    unsigned jobs;
    int loopback;
};

/* A request in progress: the body of a POST as it arrives. */
typedef struct request {
    char *body;
    size_t len, cap;
    int too_big;
} request;

/* ---- Responses ---- */

static void add_headers(struct MHD_Response *r, const char *type)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
}

/* Sends `o` (stolen) as the JSON body of a `code` response, with an Allow
 * header when `allow` is not NULL. */
static enum MHD_Result send_json_allow(struct MHD_Connection *c, unsigned code,
                                       json_t *o, const char *allow)
{
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!text) {
        text = strdup("{\"error\":\"out of memory\"}");
        code = MHD_HTTP_INTERNAL_SERVER_ERROR;
        if (!text)
            return MHD_NO;
    }
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(text);
        return MHD_NO;
    }
    add_headers(r, "application/json; charset=utf-8");
    if (allow)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
    enum MHD_Result ret = MHD_queue_response(c, code, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned code,
                                 json_t *o)
{
    return send_json_allow(c, code, o, NULL);
}

/* Sends {"error": MESSAGE} with status `code`. */
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned code,
                                  const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned code,
                                  const char *fmt, ...)
{
    char *message = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&message, fmt, ap) < 0)
        message = NULL;
    va_end(ap);
    json_t *o = message ? json_pack("{s:o}", "error",
                                    qy_json_bytes(message, strlen(message)))
                        : NULL;
    free(message);
    return send_json(c, code, o);
}

/* The HTTP status of a failed engine call. */
static unsigned http_status(cs_status st)
{
    switch (st) {
    case CS_BAD_INPUT:
    case CS_USAGE: return MHD_HTTP_BAD_REQUEST;
    case CS_NOT_FOUND: return MHD_HTTP_NOT_FOUND;
    default: return MHD_HTTP_INTERNAL_SERVER_ERROR;
    }
}

static enum MHD_Result send_status(struct MHD_Connection *c, cs_status st,
                                   char *msg)
{
    enum MHD_Result ret = send_error(c, http_status(st), "%s",
                                     msg && *msg ? msg : cs_status_to_string(st));
    free(msg);
    return ret;
}

/* Opens an engine for one request; on failure answers 503 itself. */
static qy_engine *open_engine(const qy_server *s, struct MHD_Connection *c,
                              enum MHD_Result *ret)
{
    qy_engine *e = NULL;
    char *msg = NULL;
    cs_status rc = qy_engine_open_with(s->db_path, &s->open, &e, &msg);
    if (rc != CS_OK) {
        *ret = send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE,
                          "the index cannot be opened: %s",
                          msg ? msg : cs_status_to_string(rc));
        free(msg);
        return NULL;
    }
    return e;
}

/* ---- The page ---- */

/* The page with a fresh nonce in place of every NONCE_MARK, so that only
 * its own inline script and style run (Content-Security-Policy). */
static enum MHD_Result send_page(struct MHD_Connection *c)
{
    unsigned char raw[16];
    char nonce[2 * sizeof raw + 1];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
        return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
                          "no random bytes for the page");
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(nonce + 2 * i, 3, "%02x", raw[i]);

    const char *page = (const char *)qy_serve_page, *end = page + qy_serve_page_len;
    size_t marks = 0, ml = strlen(NONCE_MARK), nl = strlen(nonce);
    for (const char *p = page; (p = memmem(p, (size_t)(end - p), NONCE_MARK, ml));
         p += ml)
        marks++;
    char *out = malloc(qy_serve_page_len + marks * nl + 1), *o = out;
    if (!out)
        return MHD_NO;
    for (const char *p = page, *m; p < end; p = m + ml) {
        m = memmem(p, (size_t)(end - p), NONCE_MARK, ml);
        if (!m)
            m = end;
        memcpy(o, p, (size_t)(m - p));
        o += m - p;
        if (m == end)
            break;
        memcpy(o, nonce, nl);
        o += nl;
    }
    struct MHD_Response *r = MHD_create_response_from_buffer(
        (size_t)(o - out), out, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(out);
        return MHD_NO;
    }
    char csp[512];
    snprintf(csp, sizeof csp,
             "default-src 'none'; script-src 'nonce-%s'; style-src 'nonce-%s'; "
             "connect-src 'self'; img-src data:; base-uri 'none'; "
             "form-action 'none'; frame-ancestors 'none'",
             nonce, nonce);
    add_headers(r, "text/html; charset=utf-8");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* ---- Arguments ---- */

typedef struct args {
    const char *q, *mode, *n, *per_doc, *cite, *context;
    size_t q_len, cite_len;
    const char *filters[MAX_FILTERS];
    size_t nfilters;
    const char *bad;     /* why the arguments cannot be used, or NULL */
} args;

static int valid_utf8(const char *s, size_t len)
{
    return tx_utf8_check(s, len) == len;
}

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind,
                              const char *key, size_t key_len,
                              const char *value, size_t len)
{
    args *a = cls;
    (void)kind;
    (void)key_len;
    if (!value) {
        value = "";
        len = 0;
    }
    if (strlen(value) != len) {
        a->bad = "an argument holds a NUL byte";
        return MHD_NO;
    }
    /* The first of each name counts, except filter, which adds up. */
    if (strcmp(key, "q") == 0 && !a->q) {
        a->q = value;
        a->q_len = len;
    } else if (strcmp(key, "cite") == 0 && !a->cite) {
        a->cite = value;
        a->cite_len = len;
    } else if (strcmp(key, "mode") == 0 && !a->mode) {
        a->mode = value;
    } else if (strcmp(key, "n") == 0 && !a->n) {
        a->n = value;
    } else if (strcmp(key, "per_doc") == 0 && !a->per_doc) {
        a->per_doc = value;
    } else if (strcmp(key, "context") == 0 && !a->context) {
        a->context = value;
    } else if (strcmp(key, "filter") == 0 && len > 0) {
        if (a->nfilters == MAX_FILTERS) {
            a->bad = "too many filters (at most 16)";
            return MHD_NO;
        }
        if (len > 1024 || !valid_utf8(value, len)) {
            a->bad = "a filter is over 1024 bytes or not UTF-8";
            return MHD_NO;
        }
        a->filters[a->nfilters++] = value;
    }
    return MHD_YES;
}

static void get_args(struct MHD_Connection *c, args *a)
{
    memset(a, 0, sizeof *a);
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_arg, a);
}

/* Parses a whole decimal number in [lo, hi]; -1 when it is not one. */
static int parse_num(const char *s, long lo, long hi, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || errno || *end || v < lo || v > hi)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* Fills mode, limit, per-doc and filters of `req` from the arguments;
 * the reason when one is bad. */
static const char *request_options(const args *a, qy_request *req)
{
    *req = (qy_request){.mode = QY_MODE_AUTO, .limit = 10,
                        .filters = a->filters, .nfilters = a->nfilters};
    if (a->mode && *a->mode) {
        if (strcmp(a->mode, "auto") == 0)
            req->mode = QY_MODE_AUTO;
        else if (strcmp(a->mode, "claim") == 0)
            req->mode = QY_MODE_CLAIM;
        else if (strcmp(a->mode, "quote") == 0)
            req->mode = QY_MODE_QUOTE;
        else
            return "mode must be auto, claim or quote";
    }
    if (a->n && *a->n && parse_num(a->n, 1, QY_SERVE_MAX_RESULTS, &req->limit) != 0)
        return "n must be a number from 1 to 100";
    if (a->per_doc && *a->per_doc &&
        parse_num(a->per_doc, 0, QY_SERVE_MAX_RESULTS, &req->per_doc) != 0)
        return "per_doc must be a number from 0 to 100";
    return NULL;
}

/* Checks a required text argument (`q`, `cite`): present, bounded, valid
 * UTF-8.  Returns 0 when it is fine; else sends the 4xx and returns 1 with
 * the response's result in *ret. */
static int bad_text_arg(struct MHD_Connection *c, const char *name,
                        const char *hint, const char *val, size_t len,
                        int utf8, enum MHD_Result *ret)
{
    if (!val || len == 0)
        *ret = send_error(c, MHD_HTTP_BAD_REQUEST, "no %s: %s", name, hint);
    else if (len > QY_SERVE_MAX_QUERY)
        *ret = send_error(c, MHD_HTTP_URI_TOO_LONG, "%s is over %u bytes", name,
                          QY_SERVE_MAX_QUERY);
    else if (utf8 && !valid_utf8(val, len))
        *ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                          "%s is not valid UTF-8 (byte %zu)", name,
                          tx_utf8_check(val, len));
    else
        return 0;
    return 1;
}

/* ---- GET /api/query ---- */

static enum MHD_Result api_query(qy_server *s, struct MHD_Connection *c)
{
    args a;
    get_args(c, &a);
    if (a.bad)
        return send_error(c, MHD_HTTP_BAD_REQUEST, "%s", a.bad);
    enum MHD_Result ret = MHD_NO;
    if (bad_text_arg(c, "q", "/api/query?q=...", a.q, a.q_len, 1, &ret))
        return ret;
    qy_request req;
    const char *bad = request_options(&a, &req);
    if (bad)
        return send_error(c, MHD_HTTP_BAD_REQUEST, "%s", bad);
    req.query = a.q;

    qy_engine *e = open_engine(s, c, &ret);
    if (!e)
        return ret;
    qy_answer ans;
    char *msg = NULL;
    cs_status rc = qy_engine_query(e, &req, &ans, &msg);
    if (rc != CS_OK) {
        qy_engine_close(e);
        return send_status(c, rc, msg);
    }
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < ans.n; i++)
        if (json_array_append_new(arr, qy_result_json(&req, &ans, &ans.results[i])) != 0) {
            json_decref(arr);
            arr = NULL;
        }
    qy_answer_clear(&ans);
    qy_engine_close(e);
    return send_json(c, MHD_HTTP_OK, arr);
}

/* ---- GET /api/show, /api/stats ---- */

static enum MHD_Result api_show(qy_server *s, struct MHD_Connection *c)
{
    args a;
    get_args(c, &a);
    if (a.bad)
        return send_error(c, MHD_HTTP_BAD_REQUEST, "%s", a.bad);
    enum MHD_Result text_ret;
    /* A cite's path is bytes, as the file's name is: one that is not
     * UTF-8 (a Latin-1 name, given by its raw_path) is looked up as it is. */
    if (bad_text_arg(c, "cite", "/api/show?cite=PATH:LINE", a.cite, a.cite_len,
                     0, &text_ret))
        return text_ret;
    unsigned context = 0;
    if (a.context && *a.context &&
        parse_num(a.context, 0, QY_SERVE_MAX_CONTEXT, &context) != 0)
        return send_error(c, MHD_HTTP_BAD_REQUEST,
                          "context must be a number from 0 to %d",
                          QY_SERVE_MAX_CONTEXT);
    enum MHD_Result ret = MHD_NO;
    qy_engine *e = open_engine(s, c, &ret);
    if (!e)
        return ret;
    json_t *o = NULL;
    char *msg = NULL;
    cs_status rc = qy_show_json(e, a.cite, context, &o, &msg);
    qy_engine_close(e);
    return rc == CS_OK ? send_json(c, MHD_HTTP_OK, o) : send_status(c, rc, msg);
}

static enum MHD_Result api_stats(qy_server *s, struct MHD_Connection *c)
{
    enum MHD_Result ret = MHD_NO;
    qy_engine *e = open_engine(s, c, &ret);
    if (!e)
        return ret;
    json_t *o = NULL;
    char *msg = NULL;
    cs_status rc = qy_stats_json(e, &o, &msg);
    qy_engine_close(e);
    return rc == CS_OK ? send_json(c, MHD_HTTP_OK, o) : send_status(c, rc, msg);
}

/* ---- POST /api/batch ----
 *
 * A producer thread runs qy_batch_run over the body with a jsonl printer
 * writing into a pipe; the response reads the pipe as the lines come, so a
 * long batch streams.  The handler waits for the first bytes before it
 * answers: a batch refused as a whole (no id or query column) then gets a
 * 400, not a 200 with an error inside.  When the client goes away the
 * response's end cancels the input, so no new row is started. */

typedef struct stream {
    const qy_server *s;
    char *body;
    size_t len, pos;
    qy_request defaults;
    char *filters[MAX_FILTERS];
    int fds[2];          /* the pipe: producer writes [1], response reads [0] */
    pthread_t thread;
    int started, joined;
    atomic_int cancel;
    cs_status rc;        /* the batch's status, once joined */
    int open_failed;     /* the index did not open (rc, msg say why) */
    char *msg;
    char first[4096];    /* the bytes read before answering */
    size_t first_len, first_pos;
} stream;

static ssize_t body_read(void *cookie, char *buf, size_t size)
{
    stream *st = cookie;
    if (atomic_load(&st->cancel))
        return 0;
    size_t n = st->len - st->pos < size ? st->len - st->pos : size;
    if (n == 0)
        return 0;
    memcpy(buf, st->body + st->pos, n);
    st->pos += n;
    return (ssize_t)n;
}

static void *stream_main(void *arg)
{
    stream *st = arg;
    /* A client that went away closes the pipe: writes then fail with
     * EPIPE instead of killing the process. */
    sigset_t pipe_set;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, NULL);

    unsigned jobs = st->s->jobs;
    qy_engine **engines = calloc(jobs, sizeof *engines);
    cs_status rc = engines ? CS_OK : CS_NOMEM;
    for (unsigned i = 0; rc == CS_OK && i < jobs; i++) {
        rc = qy_engine_open_with(st->s->db_path, &st->s->open, &engines[i], &st->msg);
        if (rc == CS_OK)
            qy_engine_expect_many(engines[i]);
        else
            st->open_failed = 1;
    }
    cookie_io_functions_t io = {.read = body_read};
    FILE *in = rc == CS_OK ? fopencookie(st, "r", io) : NULL;
    FILE *out = in ? fdopen(st->fds[1], "w") : NULL;
    qy_printer *p = out ? qy_printer_new(QY_FORMAT_JSONL, out, 0, 1) : NULL;
    if (rc == CS_OK && !p)
        rc = CS_NOMEM;
    if (rc == CS_OK) {
        qy_batch_stats stats;
        rc = qy_batch_run(engines, jobs, in, "batch", &st->defaults, p, &stats,
                          &st->msg);
        /* Failing after answers were sent, the batch says so last. */
        if (rc != CS_OK && p->count > 0) {
            const char *m = st->msg ? st->msg : cs_status_to_string(rc);
            json_t *o = json_pack("{s:n, s:o}", "query_id", "error",
                                  qy_json_bytes(m, strlen(m)));
            if (o)
                json_dumpf(o, out, JSON_COMPACT);
            fputc('\n', out);
            json_decref(o);
        }
    }
    qy_printer_free(p);
    if (out)
        fclose(out);
    else
        close(st->fds[1]);
    if (in)
        fclose(in);
    for (unsigned i = 0; engines && i < jobs; i++)
        qy_engine_close(engines[i]);
    free(engines);
    st->rc = rc;
    return NULL;
}

static void stream_free(void *cls)
{
    stream *st = cls;
    atomic_store(&st->cancel, 1);
    if (st->fds[0] >= 0)
        close(st->fds[0]);
    if (st->started && !st->joined)
        pthread_join(st->thread, NULL);
    for (size_t i = 0; i < MAX_FILTERS; i++)
        free(st->filters[i]);
    free(st->msg);
    free(st->body);
    free(st);
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream *st = cls;
    (void)pos;
    if (st->first_pos < st->first_len) {
        size_t n = st->first_len - st->first_pos < max ? st->first_len - st->first_pos
                                                      : max;
        memcpy(buf, st->first + st->first_pos, n);
        st->first_pos += n;
        return (ssize_t)n;
    }
    for (;;) {
        ssize_t n = read(st->fds[0], buf, max);
        if (n > 0)
            return n;
        if (n == 0)
            return MHD_CONTENT_READER_END_OF_STREAM;
        if (errno != EINTR)
            return MHD_CONTENT_READER_END_WITH_ERROR;
    }
}

static enum MHD_Result api_batch(qy_server *s, struct MHD_Connection *c,
                                 request *rq)
{
    if (rq->too_big)
        return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE,
                          "the batch is over %u bytes", QY_SERVE_MAX_BODY);
    args a;
    get_args(c, &a);
    if (a.bad)
        return send_error(c, MHD_HTTP_BAD_REQUEST, "%s", a.bad);
    stream *st = calloc(1, sizeof *st);
    if (!st)
        return MHD_NO;
    st->s = s;
    st->fds[0] = st->fds[1] = -1;
    const char *bad = request_options(&a, &st->defaults);
    if (bad) {
        stream_free(st);
        return send_error(c, MHD_HTTP_BAD_REQUEST, "%s", bad);
    }
    /* The arguments live as long as the request; the producer may
     * outlive its last callback, so it gets copies. */
    for (size_t i = 0; i < a.nfilters; i++)
        if (!(st->filters[i] = strdup(a.filters[i]))) {
            stream_free(st);
            return MHD_NO;
        }
    st->defaults.filters = (const char *const *)st->filters;
    st->body = rq->body;
    st->len = rq->len;
    rq->body = NULL;
    if (pipe2(st->fds, O_CLOEXEC) != 0) {
        st->fds[0] = -1;
        stream_free(st);
        return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "no pipe: %s",
                          strerror(errno));
    }
    if (pthread_create(&st->thread, NULL, stream_main, st) != 0) {
        close(st->fds[1]);
        stream_free(st);
        return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "no thread for the batch");
    }
    st->started = 1;

    ssize_t n;
    do
        n = read(st->fds[0], st->first, sizeof st->first);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
        /* Nothing came: the batch is over, answered with nothing or
         * refused as a whole. */
        close(st->fds[0]);
        st->fds[0] = -1;
        pthread_join(st->thread, NULL);
        st->joined = 1;
        enum MHD_Result ret;
        if (st->open_failed) {
            /* As the other requests answer it: the index, not the
             * request, is at fault. */
            ret = send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE,
                             "the index cannot be opened: %s",
                             st->msg ? st->msg : cs_status_to_string(st->rc));
        } else if (st->rc != CS_OK) {
            ret = send_status(c, st->rc, st->msg);
            st->msg = NULL;
        } else {
            struct MHD_Response *r =
                MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
            ret = MHD_NO;
            if (r) {
                add_headers(r, "application/x-ndjson; charset=utf-8");
                ret = MHD_queue_response(c, MHD_HTTP_OK, r);
                MHD_destroy_response(r);
            }
        }
        stream_free(st);
        return ret;
    }
    st->first_len = (size_t)n;
    struct MHD_Response *r = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 16 * 1024, stream_read, st, stream_free);
    if (!r) {
        stream_free(st);
        return MHD_NO;
    }
    add_headers(r, "application/x-ndjson; charset=utf-8");
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* ---- Dispatch ---- */

/* The host part of a Host header value (without ":port"). */
static size_t host_name_len(const char *host)
{
    if (host[0] == '[') {
        const char *close = strchr(host, ']');
        return close ? (size_t)(close - host) + 1 : strlen(host);
    }
    return strcspn(host, ":");
}

/* On loopback, only requests that name a loopback host: a page of another
 * site whose name was rebound to 127.0.0.1 names its own. */
static int host_allowed(const qy_server *s, struct MHD_Connection *c)
{
    if (!s->loopback)
        return 1;
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_HOST);
    if (!host)
        return 1; /* an HTTP/1.0 client, not a browser */
    size_t n = host_name_len(host);
    static const char *const names[] = {"localhost", "127.0.0.1", "[::1]"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && strncasecmp(host, names[i], n) == 0)
            return 1;
    return strlen(s->host) == n && strncasecmp(host, s->host, n) == 0;
}

/* A browser names the page that sent a request in Origin; only this
 * server's own page may. */
static int origin_allowed(struct MHD_Connection *c)
{
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (!origin)
        return 1;
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_HOST);
    return host && strncmp(origin, "http://", 7) == 0 &&
           strcasecmp(origin + 7, host) == 0;
}

static enum MHD_Result wrong_method(struct MHD_Connection *c, const char *allow)
{
    return send_json_allow(c, MHD_HTTP_METHOD_NOT_ALLOWED,
                           json_pack("{s:s}", "error", "method not allowed"),
                           allow);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
    qy_server *s = cls;
    request *rq = *con_cls;
    (void)version;
    int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 ||
              strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    int post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
    int batch = strcmp(url, "/api/batch") == 0;

    if (!rq) {
        if (!(rq = calloc(1, sizeof *rq)))
            return MHD_NO;
        *con_cls = rq;
        if (!host_allowed(s, c))
            return send_error(c, MHD_HTTP_FORBIDDEN,
                              "this server answers to localhost, 127.0.0.1 "
                              "and [::1] only");
        if (!origin_allowed(c))
            return send_error(c, MHD_HTTP_FORBIDDEN, "requests from other "
                                                     "sites are refused");
        if (post && batch) {
            const char *cl = MHD_lookup_connection_value(
                c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (cl && strtoull(cl, NULL, 10) > QY_SERVE_MAX_BODY)
                return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE,
                                  "the batch is over %u bytes", QY_SERVE_MAX_BODY);
            return MHD_YES; /* the body comes in the next calls */
        }
    } else if (*upload_data_size > 0) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (rq->too_big || n > QY_SERVE_MAX_BODY - rq->len) {
            /* Read on and drop, then refuse at the end. */
            rq->too_big = 1;
            free(rq->body);
            rq->body = NULL;
            rq->len = rq->cap = 0;
            return MHD_YES;
        }
        if (rq->len + n + 1 > rq->cap) {
            size_t cap = rq->cap ? rq->cap : 65536;
            while (cap < rq->len + n + 1)
                cap *= 2;
            char *g = realloc(rq->body, cap);
            if (!g)
                return MHD_NO;
            rq->body = g;
            rq->cap = cap;
        }
        memcpy(rq->body + rq->len, upload_data, n);
        rq->len += n;
        return MHD_YES;
    }

    if (batch)
        return post ? api_batch(s, c, rq) : wrong_method(c, "POST");
    int page = strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0;
    int query = strcmp(url, "/api/query") == 0;
    int show = strcmp(url, "/api/show") == 0;
    int stats = strcmp(url, "/api/stats") == 0;
    if (!page && !query && !show && !stats)
        return send_error(c, MHD_HTTP_NOT_FOUND, "not found");
    if (!get)
        return wrong_method(c, "GET, HEAD");
    if (page)
        return send_page(c);
    if (query)
        return api_query(s, c);
    if (show)
        return api_show(s, c);
    return api_stats(s, c);
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    request *rq = *con_cls;
    (void)cls;
    (void)c;
    (void)toe;
    if (rq) {
        free(rq->body);
        free(rq);
        *con_cls = NULL;
    }
}

/* Decodes %XX and, as forms and URLSearchParams encode a space, '+';
 * returns the new length (libmicrohttpd's own leaves '+' alone). */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    char *o = s;
    for (const char *p = s; *p; p++) {
        if (*p == '+') {
            *o++ = ' ';
        } else if (*p == '%' && p[1] && p[2] && strchr("0123456789abcdefABCDEF", p[1]) &&
                   strchr("0123456789abcdefABCDEF", p[2])) {
            char hex[3] = {p[1], p[2], 0};
            *o++ = (char)strtol(hex, NULL, 16);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return (size_t)(o - s);
}

/* ---- Start and stop ---- */

/* Splits "HOST:PORT", "[V6]:PORT" or "PORT" (on 127.0.0.1). */
static cs_status split_listen(const char *listen, char **host, char **port,
                              char **msg)
{
    *host = *port = NULL;
    const char *colon;
    if (listen[strspn(listen, "0123456789")] == '\0') {
        *host = strdup("127.0.0.1");
        *port = strdup(listen);
    } else if (listen[0] == '[') {
        const char *close = strchr(listen, ']');
        if (!close || close[1] != ':')
            return cs_fail(msg, CS_USAGE, "--listen '%s': use [ADDRESS]:PORT",
                           listen);
        *host = strndup(listen + 1, (size_t)(close - listen - 1));
        *port = strdup(close + 2);
    } else if ((colon = strrchr(listen, ':')) && colon > listen &&
               !memchr(listen, ':', (size_t)(colon - listen))) {
        *host = strndup(listen, (size_t)(colon - listen));
        *port = strdup(colon + 1);
    } else {
        return cs_fail(msg, CS_USAGE, "--listen '%s': use HOST:PORT", listen);
    }
    if (!*host || !*port) {
        free(*host);
        free(*port);
        *host = *port = NULL;
        return CS_NOMEM;
    }
    unsigned p;
    if (parse_num(*port, 0, 65535, &p) != 0) {
        free(*host);
        free(*port);
        *host = *port = NULL;
        return cs_fail(msg, CS_USAGE, "--listen '%s': the port is not a number "
                                      "from 0 to 65535", listen);
    }
    return CS_OK;
}

/* Binds and listens on `listen`; the socket, or -1 with *msg set. */
static int open_socket(const char *addr, qy_server *s, cs_status *rc, char **msg)
{
    char *host = NULL, *port = NULL;
    if ((*rc = split_listen(addr, &host, &port, msg)) != CS_OK)
        return -1;
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_NUMERICSERV | AI_PASSIVE}, *ai = NULL;
    int gai = getaddrinfo(host, port, &hints, &ai);
    int fd = -1;
    if (gai != 0) {
        *rc = cs_fail(msg, CS_USAGE, "--listen '%s': %s", addr, gai_strerror(gai));
    } else if ((fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                            ai->ai_protocol)) < 0) {
        *rc = cs_fail(msg, CS_IO, "--listen '%s': %s", addr, strerror(errno));
    } else {
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 64) != 0) {
            *rc = cs_fail(msg, CS_IO, "cannot listen on %s: %s", addr,
                          strerror(errno));
            close(fd);
            fd = -1;
        }
    }
    if (fd >= 0) {
        struct sockaddr_storage sa;
        socklen_t len = sizeof sa;
        char numeric[NI_MAXHOST], service[NI_MAXSERV];
        if (getsockname(fd, (struct sockaddr *)&sa, &len) != 0 ||
            getnameinfo((struct sockaddr *)&sa, len, numeric, sizeof numeric,
                        service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
            *rc = cs_fail(msg, CS_IO, "cannot listen on %s", addr);
            close(fd);
            fd = -1;
        } else {
            int v6 = sa.ss_family == AF_INET6;
            s->loopback =
                v6 ? IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&sa)->sin6_addr)
                   : (ntohl(((struct sockaddr_in *)&sa)->sin_addr.s_addr) >> 24) == 127;
            s->host = v6 ? NULL : strdup(numeric);
            if (v6 && asprintf(&s->host, "[%s]", numeric) < 0)
                s->host = NULL;
            if (!s->host || asprintf(&s->url, "http://%s:%s/", s->host, service) < 0) {
                s->url = NULL;
                *rc = CS_NOMEM;
                close(fd);
                fd = -1;
            }
        }
    }
    if (ai)
        freeaddrinfo(ai);
    free(host);
    free(port);
    return fd;
}

cs_status qy_serve_start(const qy_serve_opts *opts, qy_server **out, char **msg)
{
    *out = NULL;
    qy_server *s = calloc(1, sizeof *s);
    if (!s || !(s->db_path = strdup(opts->db_path))) {
        free(s);
        return CS_NOMEM;
    }
    s->jobs = opts->jobs;
    s->open = (xs_open_opts){.allow_partial = opts->allow_partial,
                             .timeout_ms = opts->timeout_ms};
    if (s->jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        s->jobs = cores < 1 ? 1 : cores > 4 ? 4 : (unsigned)cores;
    }
    /* The index must open now, not at the first request. */
    qy_engine *e = NULL;
    cs_status rc = qy_engine_open_with(s->db_path, &s->open, &e, msg);
    qy_engine_close(e);
    int fd = rc == CS_OK ? open_socket(opts->listen, s, &rc, msg) : -1;
    if (rc == CS_OK) {
        s->daemon = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                MHD_USE_POLL,
            0, NULL, NULL, handle, s, MHD_OPTION_LISTEN_SOCKET, fd,
            MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL,
            MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
            MHD_OPTION_CONNECTION_LIMIT, 64u, MHD_OPTION_CONNECTION_TIMEOUT, 120u,
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
            MHD_OPTION_END);
        if (!s->daemon) {
            close(fd);
            rc = cs_fail(msg, CS_INTERNAL, "cannot start the HTTP server on %s",
                         s->url);
        }
    }
    if (rc != CS_OK) {
        qy_serve_stop(s);
        return rc;
    }
    *out = s;
    return CS_OK;
}

const char *qy_serve_url(const qy_server *s)
{
    return s->url;
}

int qy_serve_loopback(const qy_server *s)
{
    return s->loopback;
}

void qy_serve_stop(qy_server *s)
{
    if (!s)
        return;
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    free(s->db_path);
    free(s->host);
    free(s->url);
    free(s);
}
