/*
 * qy_wordmap.h - which word of a list a text is: the first place of the
 * list that holds a word written so.
 *
 * A claim's report lists its words by their text (unsupported: the words
 * as the user wrote them), and the report is then revised word by word
 * against the claim's words (a name its article gives is taken off the
 * list).  Finding each listed word by a scan of the claim's words made a
 * claim of thousands of words cost the square of its length (20,000 CJK
 * characters, a word each: 14 s).  The map is the list's texts sorted
 * once, each lookup a binary search (bsearch).
 *
 * Ownership: a qy_wordmap owns its array, not the texts, which are the
 * caller's and must outlive it; qy_wordmap_clear frees the array.
 */
#ifndef CITESEARCH_QY_WORDMAP_H
#define CITESEARCH_QY_WORDMAP_H

#include <stddef.h>

#include "status.h"

typedef struct qy_wordmap_entry {
    const char *text;
    size_t at; /* its place in the caller's list */
} qy_wordmap_entry;

typedef struct qy_wordmap {
    qy_wordmap_entry *v; /* once sorted: by text, one entry a text */
    size_t n, cap;
} qy_wordmap;

/* Adds `text` as the word at place `at` of the caller's list.  A text may
 * be added at several places.  CS_NOMEM or CS_OK. */
cs_status qy_wordmap_add(qy_wordmap *m, const char *text, size_t at);
/* Sorts the map, after the last qy_wordmap_add and before the first
 * qy_wordmap_first, keeping each text's first place only. */
void qy_wordmap_sort(qy_wordmap *m);
/* The first place (the smallest `at`) that `text` was added at, or
 * SIZE_MAX when it was never added.  Bytes compared, as strcmp does. */
size_t qy_wordmap_first(const qy_wordmap *m, const char *text);
void qy_wordmap_clear(qy_wordmap *m);

#endif
