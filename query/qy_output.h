/*
 * qy_output.h - one printer interface, several back ends.
 *
 * Every answer goes through a qy_printer: `text` for people, `jsonl`,
 * `json`, `csv` and `tsv` for programs (the objects are documented in SPEC.md and built by
 * qy_result_json, which the web API shares).  A printer is told of each
 * answer or error in input order and finishes once at the end.
 *
 * Ownership: qy_printer_new's printer is freed by qy_printer_free, which
 * finishes the output; the FILE stays the caller's.  qy_result_json
 * returns a new reference (json_decref).
 */
#ifndef CITESEARCH_QY_OUTPUT_H
#define CITESEARCH_QY_OUTPUT_H

#include <stdio.h>

#include "qy_engine.h"
#include "status.h"

typedef enum qy_format {
    QY_FORMAT_TEXT,
    QY_FORMAT_JSONL,
    QY_FORMAT_JSON,
    QY_FORMAT_CSV,
    QY_FORMAT_TSV
} qy_format;

/* Parses a --format name; CS_USAGE (with a message) when unknown. */
cs_status qy_format_parse(const char *name, qy_format *out, char **msg);

typedef struct qy_printer qy_printer;

typedef struct qy_printer_ops {
    void (*begin)(qy_printer *p); /* before the first output; may be NULL */
    void (*answer)(qy_printer *p, const qy_request *req, const qy_answer *a);
    void (*error)(qy_printer *p, const qy_request *req, const char *message);
    void (*finish)(qy_printer *p);
} qy_printer_ops;

struct qy_printer {
    const qy_printer_ops *ops;
    FILE *out;
    int color;     /* ANSI highlights (text on a terminal without NO_COLOR) */
    int batch;     /* answers of a batch, not of one query */
    unsigned count;/* answers and errors printed so far */
    char separator;/* csv ',' or tsv '\t' */
    int write_errno;/* errno of the first write to `out` that failed, or 0 */
    /* Called with 1 before an answer is written and with 0 once it is
     * whole and flushed (qy_printer_set_guard); NULL: none. */
    void (*guard)(int writing);
};

/* A printer for `fmt` on `out`; NULL when out of memory. */
qy_printer *qy_printer_new(qy_format fmt, FILE *out, int color, int batch);
void qy_printer_answer(qy_printer *p, const qy_request *req, const qy_answer *a);
void qy_printer_error(qy_printer *p, const qy_request *req, const char *message);
/*
 * Renders an answer (or, when `error` is not NULL, an error) exactly as
 * qy_printer_answer / qy_printer_error would print it, into a malloc'd
 * buffer (*len bytes; NULL when out of memory).  It only reads `p`, so
 * batch workers format in parallel; qy_printer_write then prints the
 * buffers in order.
 */
char *qy_printer_render(const qy_printer *p, const qy_request *req,
                        const qy_answer *a, const char *error, size_t *len);
/* Prints a rendered answer and flushes; 0, or the errno of the first
 * write that failed (then and ever after: a full disk, a closed pipe). */
int qy_printer_write(qy_printer *p, const char *buf, size_t len);

/* Has `guard` called around the writing of each answer, error row and
 * rendered buffer, so that a caller can hold back what would stop the
 * program (a signal) until the output is whole again. */
void qy_printer_set_guard(qy_printer *p, void (*guard)(int writing));

/* Finishes the output (closing a JSON array) and frees the printer; 0, or
 * the errno of the first write that failed, so that answers lost on the
 * way out are not taken for answers given. */
int qy_printer_free(qy_printer *p);

/* The SPEC jsonl object of one result (json_t *, a new reference). */
struct json_t *qy_result_json(const qy_request *req, const qy_answer *a,
                              const qy_result *r);

/* Byte ranges as JSON: [[start, end], ...] (json_t *, a new reference). */
struct json_t *qy_spans_json(const qy_span *v, size_t n);

/* A JSON string from bytes that may hold invalid UTF-8 (each bad byte
 * becomes U+FFFD). */
struct json_t *qy_json_bytes(const char *s, size_t len);

/* Sets o's `key` ("raw_bytes" for a text, "raw_path" for a file name) to
 * the bytes s[0, len), one character U+0000-U+00FF per byte, when they
 * are not valid UTF-8 (then the JSON string of them has U+FFFD in place
 * of some: its length no longer says where a byte offset falls, and a
 * file of that name cannot be opened); does nothing when they are valid.
 * 0, or -1 when out of memory. */
int qy_json_set_raw(struct json_t *o, const char *key, const char *s,
                    size_t len);

/* A passage as a person reads it (qy_readable) as JSON, the "shown" of a
 * result or of a passage `show` lists: {"text", "raw_bytes" when its
 * bytes are not UTF-8, and with `highlights` its "highlights"} (json_t *,
 * a new reference; NULL when out of memory). */
struct qy_readable;
struct json_t *qy_readable_json(const struct qy_readable *rd, int highlights);

/* ---- For a terminal ---- */

/* What a person reads on a terminal: a file is not to move the cursor,
 * retitle the window or recolor what follows, so its control characters
 * (C0 but tab and line ends, DEL, C1 as UTF-8) are written as U+FFFD. */

/* Writes text s[0, n) of a file: bytes that are not UTF-8 read as
 * Windows-1252 (as the analyzer reads them), each line end (LF, CR LF or
 * a lone CR) as LF followed by `indent`, control characters as U+FFFD.
 * `after` is the byte that follows s in the file ('\0' for none), so a CR
 * LF that a highlight cuts in two is still one line end. */
void qy_put_text(FILE *out, const char *s, size_t n, char after,
                 const char *indent);

/* Writes the NUL-terminated `s` with each control character (and each
 * line end) as U+FFFD: for one-line fields (titles, sources, words). */
void qy_put_field(FILE *out, const char *s);

#endif
