/*
 * qy_parse.h - the query language of SPEC.md, parsed into clauses.
 *
 *   bare words            ranked, optional
 *   "a phrase"            straight, curly or guillemet quotes
 *   +word  +"phrase"      required
 *   -word  -"phrase"      excluded
 *   FIELD:VALUE           title: source: path: lang: date:, VALUE may be
 *                         quoted; date:YYYY[-MM[-DD]] or date:FROM..TO
 *
 * An unknown FIELD: is text ("Note: ..." stays words).  An unclosed quote
 * runs to the end of the input.
 *
 * Ownership: a qy_parsed owns its clauses' strings; qy_parsed_clear frees.
 */
#ifndef CITESEARCH_QY_PARSE_H
#define CITESEARCH_QY_PARSE_H

#include <stddef.h>

#include "status.h"

typedef enum qy_mode { QY_MODE_AUTO, QY_MODE_CLAIM, QY_MODE_QUOTE } qy_mode;

typedef enum qy_kind {
    QY_WORDS,  /* one or more bare words */
    QY_PHRASE, /* a quoted phrase */
    QY_FILTER  /* FIELD:VALUE */
} qy_kind;

typedef enum qy_modifier { QY_OPTIONAL, QY_REQUIRED, QY_EXCLUDED } qy_modifier;

typedef struct qy_clause {
    qy_kind kind;
    qy_modifier mod;
    char *field; /* QY_FILTER: "title", "source", "path", "lang", "date" */
    char *text;  /* words, phrase (without quotes) or filter value */
} qy_clause;

typedef struct qy_parsed {
    qy_clause *items;
    size_t n, cap;
    int quote;   /* the input is one quotation (quote mode), maybe with
                    bare words beside it */
    int context; /* quote mode: bare words beside the quotation say who
                    said it or where (Rama "we are talking about ..."):
                    they rank the copies of the quotation and are
                    reported unsupported, not searched for */
} qy_parsed;

/*
 * Parses `query` in `mode`: QY_MODE_CLAIM makes the whole input one
 * optional QY_WORDS clause, QY_MODE_QUOTE one QY_PHRASE (outer quotes
 * dropped), QY_MODE_AUTO applies the language and sets `quote` when the
 * input is one quotation, or one of QY_QUOTE_MIN_WORDS words or more with
 * filters and optional bare words beside it, fewer than it has (then
 * `context` too).  CS_BAD_INPUT for invalid UTF-8 or a bad filter
 * (e.g. a date that is not a date), with a message naming the byte.
 */
cs_status qy_parse(const char *query, qy_mode mode, qy_parsed *out, char **msg);
#define QY_QUOTE_MIN_WORDS 4

/* Appends one FIELD:VALUE filter (from --filter or a batch column),
 * written as in the query: a leading - excludes, the value may be quoted;
 * CS_BAD_INPUT when FIELD is unknown or the value bad. */
cs_status qy_parse_add_filter(qy_parsed *p, const char *filter, char **msg);

void qy_parsed_clear(qy_parsed *p);

/*
 * What a date: filter holds.  The index keeps each article's date at the
 * precision it was written with (schema.h CS_SLOT_DATE).  A filter holds
 * the full dates from its first day to its last, and the months and years
 * whose every day lies among them.  Of articles dated 2021, 2021-06 and
 * 2021-06-15:
 *
 *   date:2021  date:2021..2022  date:2021..  date:..2021     all three
 *   date:2021-01..2021-12  date:2021-01-01..2021-12-31
 *   date:2021-01-01..  date:..2021-12-31
 *   date:2021-06  date:2021-06..2021-08  date:2021-06..      2021-06 and
 *   date:..2021-06  date:2021-06-01..2021-06-30              2021-06-15
 *   date:2021-06-15  date:2021-06-10..2021-06-20             2021-06-15
 *   date:..2021-06-20  date:2021-06-01..2021-06-20
 *   date:2021-05-01..2021-06-10  date:2021-07..              none
 */

/* Parses a date: filter value (YYYY[-MM[-DD]] or FROM..TO, either end
 * open) into its first and last day, as YYYYMMDD, "" for an open end:
 * date:2021-06 is 20210601..20210630, date:2020..2020-02 is 20200101..
 * 20200229.  Returns 0; -1 when malformed; -2 when the range ends before
 * it starts (date:2023..2022). */
int qy_date_range(const char *value, char first[9], char last[9]);

/* The most value ranges one date: filter becomes: the days before its
 * first whole month, the months before its first whole year, the whole
 * years, the months after them and the days after those. */
#define QY_DATE_SPANS 5

/* An inclusive range of CS_SLOT_DATE values, for xs_query_value_range
 * ("" is an open end; a `hi` ending in \xFF takes in every date it
 * starts). */
typedef struct qy_date_span {
    char lo[10], hi[10];
} qy_date_span;

/* Fills out[] with the value ranges that together match exactly the
 * index dates the days first..last hold (as qy_date_range gives them,
 * first <= last, at most one of them ""), and returns how many, 1 to
 * QY_DATE_SPANS. */
size_t qy_date_spans(const char *first, const char *last,
                     qy_date_span out[QY_DATE_SPANS]);

/* qy_date_range then qy_date_spans: CS_OK with *n spans in out[], or
 * CS_BAD_INPUT with a message naming the filter (date:VALUE: ...). */
cs_status qy_date_filter(const char *value, qy_date_span out[QY_DATE_SPANS],
                         size_t *n, char **msg);

#endif
