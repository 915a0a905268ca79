/*
 * qy_serve.h - `citesearch serve`: a local web page and a JSON API over an
 * index (libmicrohttpd).
 *
 *   GET  /                 the search page (one HTML file, embedded)
 *   GET  /api/query?q=&mode=auto|claim|quote&n=&per_doc=&filter=...
 *                          the SPEC jsonl objects of one query, as one array
 *   POST /api/batch        a --batch CSV in the body; JSON lines back, one
 *                          per result or failed row, in row order, streamed
 *   GET  /api/show?cite=&context=N
 *                          the cited passage with context (qy_show_json)
 *   GET  /api/stats        the index statistics (qy_stats_json)
 *
 * A request that cannot be answered gets a 4xx (or 5xx for a broken
 * index) with {"error": "..."}.  Sizes are bounded: QY_SERVE_MAX_BODY for
 * a batch, QY_SERVE_MAX_QUERY for q.  On a loopback address only requests
 * naming a loopback host (Host header) are served, so that a web site
 * cannot reach the server through a DNS name rebound to 127.0.0.1; a
 * request from another origin (Origin header) is refused.
 *
 * Every connection has its own thread and every request its own engine
 * (opening one costs about a millisecond), so requests never share an
 * engine and each sees the index as last committed.
 *
 * Ownership: qy_serve_start's server is stopped and freed by
 * qy_serve_stop; the strings it returns belong to it.
 */
#ifndef CITESEARCH_QY_SERVE_H
#define CITESEARCH_QY_SERVE_H

#include "status.h"

/* The largest batch body accepted (413 beyond). */
#define QY_SERVE_MAX_BODY (8u * 1024 * 1024)
/* The longest q (and cite) accepted, in bytes (414 beyond). */
#define QY_SERVE_MAX_QUERY (64u * 1024)
/* The most results one /api/query returns (n). */
#define QY_SERVE_MAX_RESULTS 100
/* The most passages of context /api/show gives on each side. */
#define QY_SERVE_MAX_CONTEXT 50

typedef struct qy_server qy_server;

typedef struct qy_serve_opts {
    const char *db_path;   /* the index (as ix_find_db found it) */
    const char *listen;    /* "HOST:PORT", "[V6]:PORT" or "PORT"; port 0
                              picks a free one */
    unsigned jobs;         /* workers of one batch; 0: up to 4 cores */
    int allow_partial;     /* a sharded index answers from the shards that
                              open (xs.h: xs_open_opts) */
    unsigned timeout_ms;   /* remote shards' timeout; 0: Xapian's */
} qy_serve_opts;

/*
 * Checks that the index opens, binds the address and starts serving in
 * background threads.  CS_USAGE for a bad address, CS_IO when it cannot
 * be bound, the engine's status when the index does not open.  Writing to
 * a client that went away must not kill the process: the server blocks
 * SIGPIPE in the threads that write to pipes, and libmicrohttpd sends
 * without it.
 */
cs_status qy_serve_start(const qy_serve_opts *opts, qy_server **out,
                         char **msg);

/* The address served, as a URL: "http://127.0.0.1:8080/". */
const char *qy_serve_url(const qy_server *s);

/* Non-zero when the server listens on a loopback address only. */
int qy_serve_loopback(const qy_server *s);

/* Stops accepting, finishes the requests in progress and frees `s`. */
void qy_serve_stop(qy_server *s);

#endif
