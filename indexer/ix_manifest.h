/*
 * ix_manifest.h - article metadata from manifest CSV files.
 *
 * A manifest is CSV with a header naming `path,title,source,date,url,lang`
 * in any order (only `path` is mandatory; other columns are ignored).  Paths
 * in it are relative to the manifest's own directory; the table stores them
 * relative to the index root, as every stored path is.
 *
 * Ownership: an ix_manifest owns all its strings; entries returned by
 * ix_manifest_find point into it and live until ix_manifest_free.
 */
#ifndef CITESEARCH_IX_MANIFEST_H
#define CITESEARCH_IX_MANIFEST_H

#include <stddef.h>
#include <stdio.h>

#include "status.h"

typedef struct ix_meta {
    char *path;   /* relative to the index root */
    char *title, *source, *date, *url, *lang; /* "" when not given; date
                                                 normalized, see below */
    unsigned long seq; /* load order: a later entry of a path wins */
} ix_meta;

typedef struct ix_manifest ix_manifest;

ix_manifest *ix_manifest_new(void);
void ix_manifest_free(ix_manifest *m);

/*
 * Reads the manifest at `csv_path` into `m`; `dir_rel` is the manifest's
 * directory relative to the index root ("." for the root itself).  Later
 * entries for the same path replace earlier ones.  A malformed manifest
 * (no `path` column, bad CSV) is CS_BAD_INPUT with a message naming the
 * file and line.  A row that cannot be used (an empty path, a bad date) is
 * skipped, counted (ix_manifest_bad_rows) and said on the log, naming the
 * file and the line the row starts on.
 */
cs_status ix_manifest_load(ix_manifest *m, const char *csv_path,
                           const char *dir_rel, char **msg);

/*
 * The index root's absolute path (copied; CS_NOMEM).  With it, a row
 * whose path, joined to its manifest's folder, leads out of the root
 * ("../proj/a.txt" in a manifest kept beside the corpus, given with
 * --manifest) is found through the file system, so that it names the
 * file as the walk does ("a.txt"); without it such a path is kept as
 * joined, and names no indexed file under the root.
 */
cs_status ix_manifest_set_root(ix_manifest *m, const char *root);

/* Where a skipped row is said (NULL: nowhere, the default). */
void ix_manifest_set_log(ix_manifest *m, FILE *log);
/* The rows skipped so far, of every manifest loaded into `m`. */
unsigned ix_manifest_bad_rows(const ix_manifest *m);

/* The entry for a root-relative path, or NULL. */
const ix_meta *ix_manifest_find(ix_manifest *m, const char *path);

/*
 * Normalizes a date written YYYY, YYYY-MM or YYYY-MM-DD into the digits of
 * the index (YYYY, YYYYMM, YYYYMMDD) in `out` (at least 9 bytes).  Returns
 * 0 on success, -1 when `in` is not such a date (four-digit year, month
 * 1-12, a day the month has: 2023-02-29 is not a date, 2024-02-29 is).
 */
int ix_date_normalize(const char *in, char out[9]);

/* How many days month m (1-12) of year y has (leap years by the
 * Gregorian rule). */
int ix_month_days(int y, int m);

/* Lexically joins a relative directory and a relative path, dropping "./"
 * and resolving "dir/.." pairs: malloc'd, or NULL when out of memory. */
char *ix_path_join(const char *dir, const char *path);

#endif
