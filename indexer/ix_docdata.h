/*
 * ix_docdata.h - a passage's document data: its citation, then its bytes.
 *
 * The indexer writes it (ix_doc.c) and query/ reads it (results, show):
 * this is the one place that knows its format.  The format is
 *
 *   '\x01' PATH '\0' TITLE '\0' SOURCE '\0' DATE '\0' URL '\0' LANG '\0'
 *   MARKUP '\0' CHARSET '\0' PARAGRAPH '\0' PART '\0' LINE_START '\0'
 *   LINE_END '\0' BYTE_START '\0' BYTE_END '\0' TEXT
 *
 * strings as they are ("" when absent; none holds a NUL, as each comes
 * from a C string), numbers in decimal, and TEXT the passage's bytes
 * [BYTE_START, BYTE_END) of the file, byte for byte (invalid UTF-8
 * included).  Reading it is a walk over fourteen NULs: an index of the
 * first format, whose citation was a line of JSON (`{"path":...}` '\n'
 * TEXT), took jansson's parser longer than the rest of reading a result
 * (a tenth of a keyword query's instructions), and could not hold a file
 * name that is not UTF-8.  Records of that format are still read, so an
 * index written before stays usable as it is (schema.h).
 *
 * What the fields mean: DATE is YYYY[-MM[-DD]] as people write it;
 * MARKUP is set only for an e-mail's text part written in HTML ("html":
 * its words read for its text, tx_read_form), in quoted-printable ("qp":
 * read decoded, tx_decode_qp), or both ("qp html"), as both sides read
 * it; CHARSET only for a text read in a charset (its bytes are not
 * UTF-8): the one an e-mail's part declares, named as it names it, or the
 * one a text that declares none looks to be in (tx_charset_detect).
 */
#ifndef CITESEARCH_IX_DOCDATA_H
#define CITESEARCH_IX_DOCDATA_H

#include <stddef.h>

#include "status.h"

typedef struct ix_docdata {
    /* Never NULL once decoded; "" when absent. */
    const char *path, *title, *source, *date, *url, *lang;
    const char *markup, *charset;
    unsigned paragraph, part, line_start, line_end;
    size_t byte_start, byte_end;
    const char *text; /* text_len bytes, not NUL-terminated */
    size_t text_len;
    void *parsed;     /* a record of the first format: its JSON, which
                         the strings point into (ix_docdata_release) */
} ix_docdata;

/* Writes `r` into *buf (of *cap bytes, grown with realloc when too
 * small; the caller owns it and frees it) and returns its length, or 0
 * when out of memory (*buf is then as it was).  NULL strings are taken
 * as "".  The data is NUL-terminated one byte past its length. */
size_t ix_docdata_encode(const ix_docdata *r, char **buf, size_t *cap);

/* Reads the `len` bytes of `data` into `r`, whose strings and text point
 * into `data` (which must outlive them), or, for a record of the first
 * format, into memory `r` holds until ix_docdata_release.  CS_CORRUPT
 * (message: what is wrong) for bytes that are not a record; CS_NOMEM. */
cs_status ix_docdata_decode(const char *data, size_t len, ix_docdata *r,
                           char **msg);

/* Frees what ix_docdata_decode held for `r` (nothing for the current
 * format); `r`'s pointers are then invalid.  NULL-safe. */
void ix_docdata_release(ix_docdata *r);

#endif
