/*
 * qy_readable.h - a passage as a person reads it.
 *
 * Ownership: a qy_readable's text and highlights are the caller's,
 * released by qy_readable_clear.
 */
#ifndef CITESEARCH_QY_READABLE_H
#define CITESEARCH_QY_READABLE_H

#include <stddef.h>

#include "qy_engine.h"
#include "status.h"
#include "tx.h"

/*
 * A passage as a browser or a mail reader shows it: for an e-mail's part
 * in HTML, quoted-printable or a charset (r->form, r->charset), the UTF-8
 * text it stands for, an HTML part's markup left out and its runs of
 * white space one space; its highlights moved onto that text (byte
 * offsets into it).  The text output prints it, and the web page shows
 * it in place of the bytes (which the JSON `text` keeps: citations are
 * bytes).  For any other passage, its bytes and highlights as they are
 * (offsets from its start).
 */
typedef struct qy_readable {
    char *text;            /* NUL-terminated, len bytes */
    size_t len;
    qy_span *highlights;
    size_t nhighlights;
} qy_readable;

cs_status qy_readable_of(const qy_result *r, qy_readable *out);
void qy_readable_clear(qy_readable *rd);

/*
 * The text the passage's bytes [from, to) (offsets from its start) stand
 * for, as UTF-8: read through `words`, tx_read_form's reading of the
 * passage when it has a form or charset (r->form, r->charset), else
 * words->text NULL and the bytes themselves, those that are not UTF-8 read
 * as Windows-1252 as the analyzer reads them.  For words of the source
 * said apart from the passage (a misquotation's diff).  malloc'd, the
 * caller's; NULL when out of memory.
 */
char *qy_readable_slice(const qy_result *r, const tx_read *words, size_t from,
                        size_t to);

/* The text the passage's words are read from: `words`, tx_read_form's
 * reading of it, when words->text is set, else its bytes (not a copy);
 * its length in *len unless len is NULL. */
const char *qy_readable_text(const qy_result *r, const tx_read *words, size_t *len);

/* How many messages deep the line of `text` (len bytes) that holds byte
 * `at` quotes, as a reply quotes what it answers: its '>' marks after any
 * indentation, each maybe after a writer's initials ("> > ", "ALB> ").
 * 0 for a line of the writer's own. */
size_t qy_reply_depth(const char *text, size_t len, size_t at);

/* Where the passage's byte `off` falls in `words` (as above): the first
 * byte of words->text whose encoding starts at or after it; `off` itself
 * when words->text is NULL or keeps the bytes' offsets. */
size_t qy_readable_at(const tx_read *words, size_t off);
/* And where a span of its bytes ending at `off` ends in words->text: past
 * the last byte whose encoding ends at or before it. */
size_t qy_readable_end(const tx_read *words, size_t off);

#endif
