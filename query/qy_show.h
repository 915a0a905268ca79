/*
 * qy_show.h - `citesearch show` and `citesearch stats`.
 *
 * show prints a cited passage from its source file, with passages of
 * context around it, and says when the file changed since it was indexed
 * (then the indexed text is shown, so the citation can still be checked).
 * stats describes the index.  Each has a text form (printed) and a JSON
 * form (returned), which the web API serves; both share one lookup.
 *
 * Ownership: the json_t objects returned are new references (json_decref).
 */
#ifndef CITESEARCH_QY_SHOW_H
#define CITESEARCH_QY_SHOW_H

#include <stdio.h>

#include "qy_engine.h"

struct json_t;

/*
 * Prints the passage(s) that `cite` (PATH:LINE or PATH:LINE-LINE) names,
 * its PATH from the index root or, when no file is indexed so, as written
 * from the current directory (an absolute path, or one from a subfolder),
 * with `context` passages before and after, to `out`; the cited passages
 * are marked with '>' in the margin.  CS_NOT_FOUND (message names the
 * cite) when no indexed passage is there; CS_BAD_INPUT when `cite` is not
 * a citation.
 */
cs_status qy_show(qy_engine *e, const char *cite, unsigned context, FILE *out,
                  char **msg);

/*
 * The same lookup as qy_show, as one JSON object in *out:
 *   {"cite", "path", "title", "source", "date", "url",
 *    "changed": true when the file differs from the indexed one or is gone
 *               (the texts are then the indexed ones),
 *    "missing": true when the file cannot be read,
 *    "passages": [{"cite", "cited" (bool: named by `cite`, not context),
 *                  "paragraph", "line_start", "line_end", "byte_start",
 *                  "byte_end", "text", and for an e-mail's part in HTML,
 *                  quoted-printable or a charset "shown": {"text"}, what a
 *                  reader sees (qy_readable) of the bytes the passage adds
 *                  to those listed before it}, ...]}   in file order.
 * Only files in the index are read: the path of `cite` is looked up there
 * first.  Long paragraphs are indexed as overlapping windows, so
 * neighbouring passages may share bytes.  Same errors as qy_show; *out is
 * NULL on error.
 */
cs_status qy_show_json(qy_engine *e, const char *cite, unsigned context,
                       struct json_t **out, char **msg);

/* Prints the index statistics as text or (json != 0) one JSON object. */
cs_status qy_stats(qy_engine *e, int json, FILE *out, char **msg);

/* The index statistics as one JSON object in *out: {"db", "root",
 * "schema", "files", "passages", "bytes", "shards": [{"shard": local path
 * or "remote HOST:PORT", "files", "passages"} or, for a shard left out by
 * --allow-partial, {"shard", "missing": why}, ...]}; a plain database is
 * its own only shard. */
cs_status qy_stats_json(qy_engine *e, struct json_t **out, char **msg);

#endif
