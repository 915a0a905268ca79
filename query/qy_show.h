/*
 * qy_show.h - `citesearch show` and `citesearch stats`.
 *
 * show prints a cited passage from its source file, with passages of
 * context around it, and says when the file changed since it was indexed
 * (then the indexed text is shown, so the citation can still be checked).
 * stats describes the index.
 */
#ifndef CITESEARCH_QY_SHOW_H
#define CITESEARCH_QY_SHOW_H

#include <stdio.h>

#include "qy_engine.h"

/*
 * Prints the passage(s) that `cite` (PATH:LINE or PATH:LINE-LINE) names,
 * with `context` passages before and after, to `out`; the cited passages
 * are marked with '>' in the margin.  CS_NOT_FOUND (message names the
 * cite) when no indexed passage is there; CS_BAD_INPUT when `cite` is not
 * a citation.
 */
cs_status qy_show(qy_engine *e, const char *cite, unsigned context, FILE *out,
                  char **msg);

/* Prints the index statistics as text or (json != 0) one JSON object. */
cs_status qy_stats(qy_engine *e, int json, FILE *out, char **msg);

#endif
