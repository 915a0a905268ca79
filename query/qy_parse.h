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

/* Appends one FIELD:VALUE filter (from --filter or a batch column);
 * CS_BAD_INPUT when FIELD is unknown or the value bad. */
cs_status qy_parse_add_filter(qy_parsed *p, const char *filter, char **msg);

void qy_parsed_clear(qy_parsed *p);

/* Parses a date: filter value into an inclusive range of index date
 * strings (schema.h CS_SLOT_DATE); an open end is "" (lo) or NULL-like ""
 * (hi).  Returns 0, or -1 when malformed. */
int qy_date_range(const char *value, char lo[9], char hi[10]);

#endif
