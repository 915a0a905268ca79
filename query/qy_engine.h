/*
 * qy_engine.h - answering one query: retrieval, highlights, citations.
 *
 * An engine holds an open index (read-only), its root and one analyzer; it
 * answers requests one at a time (one engine per thread).  A request is a
 * query string with its options; the answer is a ranked list of passages,
 * each with its citation, its exact text and its highlights as byte ranges
 * into the cited file.
 *
 * Ownership: qy_engine_open's engine is freed by qy_engine_close.  A
 * qy_answer owns everything in it and is released with qy_answer_clear.
 */
#ifndef CITESEARCH_QY_ENGINE_H
#define CITESEARCH_QY_ENGINE_H

#include <stddef.h>

#include "qy_parse.h"
#include "status.h"

typedef struct qy_engine qy_engine;

/* Opens the index at `db_path` (a directory or a stub of shards). */
cs_status qy_engine_open(const char *db_path, qy_engine **out, char **msg);
/* The same with how to open the shards (xs.h: allow_partial, remote
 * timeout); `opts` may be NULL.  Missing shards are listed by
 * xs_db_missing(qy_engine_db(e), ...). */
struct xs_open_opts;
cs_status qy_engine_open_with(const char *db_path,
                              const struct xs_open_opts *opts,
                              qy_engine **out, char **msg);
void qy_engine_close(qy_engine *e);

/* Says the engine will answer many queries (a batch, a server): it may
 * then keep tables of the index in memory that cost more to build than
 * one query takes and save time on every one after (xs.h: tie_ranks). */
void qy_engine_expect_many(qy_engine *e);

/* The index root (stored paths are relative to it): absolute, or as
 * recorded when it is not on this machine (shards served from elsewhere). */
const char *qy_engine_root(const qy_engine *e);
/* The format of the index, as it records it (CS_SCHEMA_VERSION, or
 * CS_SCHEMA_FORMER for an index no run of this citesearch wrote to). */
const char *qy_engine_schema(const qy_engine *e);
/* The database path given to qy_engine_open. */
const char *qy_engine_db_path(const qy_engine *e);
struct xs_db *qy_engine_db(qy_engine *e);
struct tx_analyzer *qy_engine_analyzer(qy_engine *e);

typedef struct qy_request {
    const char *id;        /* batch id, or NULL */
    const char *query;     /* the query text */
    qy_mode mode;
    unsigned limit;        /* results wanted (-n), >= 1 */
    unsigned per_doc;      /* at most this many per file; 0: no limit */
    const char *const *filters; /* FIELD:VALUE strings (--filter) */
    size_t nfilters;
} qy_request;

/* How a passage matched (SPEC: match). */
typedef enum qy_match { QY_MATCH_TERMS, QY_MATCH_EXACT, QY_MATCH_NEAR } qy_match;
const char *qy_match_name(qy_match m);

typedef struct qy_span {
    size_t start, end;     /* [start, end) in the cited file */
} qy_span;

/* What a changed word of a quote diff is, for a checker (qy_diff_kinds). */
typedef enum qy_diff_kind {
    QY_DIFF_PLAIN = 0,
    QY_DIFF_NUMBER,        /* '~': a number replaced by another */
    QY_DIFF_SAME_NUMBER,   /* '~': a number written otherwise (twenty-four
                              -> 24, 1,500 -> 1500, 15th -> 15) */
    QY_DIFF_DATE,          /* '~': a month or weekday replaced by another
                              (two, partners, of a date whose day and
                              month are crossed, as QY_DIFF_SAME_DATE's);
                              '-' and '+': a day dropped and another added
                              on either side of one month (a date quoted
                              in the other order: 14 March, March 15),
                              each the other's `partner` */
    QY_DIFF_MOVED,         /* '-' or '+': the same word stands elsewhere on
                              the other side (its op is `partner`); '~':
                              two words swapped with words between them,
                              each op replacing its word by the other's
                              (`partner`) */
    QY_DIFF_CONTRACTION,   /* '~': the same words, one side contracting
                              them (didn't -> did not); set by the
                              alignment, which knows */
    QY_DIFF_SAME_UNIT,     /* '~': a unit or currency named otherwise
                              (kilometres -> km, USD -> dollars) */
    QY_DIFF_SPELLING,      /* '~': one word in its British and American
                              spellings (organization -> organisation) */
    QY_DIFF_FORM,          /* '~': one word in another form, an ending
                              added or changed (aggressor -> aggressors,
                              attack -> attacked); the alignment, which
                              has the stems, proposes it */
    QY_DIFF_TYPO,          /* '~': a quoted word misspelt: one letter
                              added, dropped or replaced, or two swapped,
                              and no word of the index (completly ->
                              completely); set where the diff is made */
    QY_DIFF_SAME_DATE,     /* '~': a month in digits and its name, by a
                              number (14/03/2020 against 14 March 2020:
                              03 -> March), or two '~' ops, partners,
                              of a day and a month each side crossed
                              (03/15 against 15 March); another date is
                              QY_DIFF_DATE */
    QY_DIFF_CURRENCY,      /* '~': one number by two currencies' signs
                              ($3 -> €3), or a currency's name against
                              another's sign (euros -> $: "5 million
                              euros" of "$5 million"; its own sign is
                              QY_DIFF_SAME_UNIT) */
    QY_DIFF_NEGATION       /* '-' or '+': a word that negates (not,
                              never, isn't) dropped or added; '~': one
                              side's words negate and the other's not
                              (isn't -> is, always -> never) */
} qy_diff_kind;

/* One word of a quote diff (SPEC: diff). */
typedef struct qy_diff_op {
    char op;               /* '=' same, '-' only in the query, '+' only in
                              the source, '~' replaced */
    char *query, *source;  /* the words on each side ("" when none), as
                              UTF-8 (source bytes that are not UTF-8 read
                              as Windows-1252) */
    qy_diff_kind kind;
    size_t partner;        /* The index of the op this one is said with:
                              QY_DIFF_MOVED's other op; QY_DIFF_DATE's
                              or QY_DIFF_SAME_DATE's other half of a
                              date.  Its own index when none */
} qy_diff_op;

/* Sets the kind of each op of a diff: replaced numbers and dates, units
 * named otherwise (tx_unit_groups), and words moved (a word only in the
 * query paired with the same word, case aside, only in the source; each
 * op pairs once; or two replacements each of the other's word, swapped).
 * Lexical: a number is
 * digits (1,500  2.5  7th) or written out (fifteen, third), and two of
 * one value are the same number (qy_same_number).  An op whose kind is
 * QY_DIFF_CONTRACTION keeps it; one proposed QY_DIFF_FORM keeps it when
 * the words differ by an ending (qy_inflected), and is looked at as any
 * other op when not. */
void qy_diff_kinds(qy_diff_op *ops, size_t n);
const char *qy_diff_kind_name(qy_diff_kind k); /* NULL for QY_DIFF_PLAIN */
/* Whether words a and b (case aside) are one word with endings that
 * inflect it: attack, attacks, attacked, attacking; stop, stopped; carry,
 * carried; aggressor, aggressors.  Not universe and university. */
int qy_inflected(const char *a, const char *b);
/* Whether words a and b (case aside, five bytes or more each) are one
 * edit apart: a letter added, dropped or replaced, or two adjacent ones
 * swapped. */
int qy_one_edit(const char *a, const char *b);
/* Whether a word, as written or normalized, reads as a number: digits,
 * with , or . between them and maybe an ordinal ending (1,500  2.5  7th
 * 21st), or one written out (fifteen, twenty-four).  *value is its value
 * when that is a whole number (1,500: 1500; 7th: 7; twenty-four: 24),
 * else -1. */
int qy_number_of(const char *w, long *value);
/* Whether two words, as written or normalized, are one number written
 * otherwise: the same whole value (twenty-four and 24, 1,500 and 1500),
 * each in digits (15th and 15: a date's day) or both ordinals or neither
 * (second and 2nd, not second and 2); or one decimal written two ways
 * (2.5 and 2.50, 1500.0 and 1,500).  *value is the value, -1 when it is
 * not whole. */
int qy_same_number(const char *a, const char *b, long *value);
/* Amounts, for a number written with a scale word: "1.5 million" is
 * 1,500,000, "two thousand" 2000.  qy_amount_of: whether the `len`
 * bytes at w, as written or normalized, are a cardinal number (digits
 * with their groups and a decimal point: 1,500  2.5; with a scale cut
 * short: 500k 1.5m 2.3bn; or written out: two, twenty-four), not an
 * ordinal nor a scale word; *amount its value.
 * qy_scale_of: whether they are a scale word (hundred, thousand, million,
 * billion, trillion); *scale its value.  qy_amount_of_words: a number
 * as qy_amount_of, or one followed by a space or hyphen and a scale word
 * ("1.5 million", "two-million"), or written in words ("one and a half
 * million", "half a million", "one point five million", "a million"). */
int qy_amount_of(const char *w, size_t len, double *amount);
int qy_scale_of(const char *w, size_t len, double *scale);
int qy_amount_of_words(const char *text, double *amount);
/* Whether two amounts are one value (up to a double's rounding of
 * 2.3 x 1e9). */
int qy_same_amount(double a, double b);
/* The place a number written in digits (normalized: 1500, 73.3) is
 * given to: 0.1 for 73.3, 1 for 1466, 100 for 1500 (a whole number's
 * trailing zeros are taken as rounding), 1000 for 1000; 0 for what is
 * not digits with groups and one decimal point. */
double qy_number_unit(const char *w, size_t len);
/* How close a rounded figure must be to the one it stands for. */
#define QY_ROUNDED_MAX_ERROR 0.025
/* Whether amount `rounded`, given to `unit` (qy_number_unit times its
 * scale), is amount `exact` rounded so, and within QY_ROUNDED_MAX_ERROR
 * of it: 73.3 million (to 100,000) of 73,344,573.27, 1,500 (to 100) of
 * 1,466, 2.5 million of 2.47 million; not 10 of 12 (too far), nor a
 * value of itself. */
int qy_rounds_to(double rounded, double unit, double exact);
/* What a claim says of a figure by the words before it: nothing (the
 * figure, maybe rounded), more than (more than, over, above), at least,
 * less than (less than, fewer than, under, below), at most (at most, up
 * to), about (about, around, roughly, approximately, some, close to), or
 * nearly (nearly, almost, just under). */
typedef enum qy_bound {
    QY_BOUND_NONE = 0,
    QY_BOUND_MORE,
    QY_BOUND_AT_LEAST,
    QY_BOUND_LESS,
    QY_BOUND_AT_MOST,
    QY_BOUND_ABOUT,
    QY_BOUND_NEARLY,
    QY_BOUND_SHARE /* a share in words ("a third of"), as a percentage */
} qy_bound;
/* The bound the normalized words `before2` `before1` (the two words just
 * before a figure, "" when none) put on it, and in *nwords how many of
 * them say it (1 or 2); QY_BOUND_NONE and 0 when they say none. */
qy_bound qy_bound_of(const char *before2, const char *before1, int *nwords);
/* Whether a passage's figure `exact` is what a claim's figure `claimed`
 * says under bound b: rounded to `unit` (QY_BOUND_NONE: qy_rounds_to);
 * above, at least, below or at most the claim's (within twice or half
 * of it: "more than 10" is no 5,000); within a tenth of it (about); or
 * within a tenth of it and not above (nearly).  Not the same figure, which
 * needs no bound; but a share (QY_BOUND_SHARE: `claimed` a percentage)
 * holds for a percentage within QY_SHARE_MAX_POINTS of it, its own too. */
int qy_figure_holds(qy_bound b, double claimed, double unit, double exact);
/* How close a percentage must be to a share in words to be it ("half" of
 * 48 percent, not of 45), in points. */
#define QY_SHARE_MAX_POINTS 2.5
/* Whether normalized words `num` `word` are a share in words: half (after
 * any word), a third, two thirds, a quarter, three quarters, a fifth, two
 * to four fifths; *percent its percentage (33.33 for a third), and
 * *with_num whether `num` is part of it (a half, two thirds; not "than"
 * of "more than half"). */
int qy_share_of(const char *num, const char *word, double *percent, int *with_num);
/* Whether a word (written or normalized) is a year: four digits, 1000 to
 * 2999. */
int qy_year_word(const char *w);
/* Whether a word is a month or a day of the week, written out or cut
 * short (Sept., Mon), any case. */
int qy_is_date_word(const char *w);
/* Which month or weekday a date word is (0 January ... 11 December, 12
 * Monday ... 18 Sunday; Sept. and September alike), or -1. */
int qy_date_word(const char *w);
/* Whether a normalized word is a month's or a weekday's whole name, in
 * small letters (september; not sept, Sept. or September). */
int qy_date_word_whole(const char *w);

/* A claim word the passage holds spelt otherwise (qy_result.respelt). */
typedef struct qy_respelling {
    char *query;   /* as the query wrote it */
    char *source;  /* as the passage writes it */
} qy_respelling;

/* Who a passage says spoke the words a result matched (qy_said.h). */
typedef struct qy_speaker {
    char *name;            /* as the file writes it, spaces between its
                              words as one; NULL when the passage says of
                              no one */
    char *cite;            /* PATH:LINE where the name stands: in the
                              passage, or for "he said" in the passage
                              before it */
    size_t byte_start, byte_end; /* the name in the cited file */
} qy_speaker;

typedef struct qy_result {
    unsigned rank;         /* 1-based */
    double score;
    qy_match match;
    char *path, *title, *source, *date, *url, *lang;
    char *cite;            /* PATH:LINE or PATH:LINE-LINE */
    unsigned paragraph, part, line_start, line_end;
    size_t byte_start, byte_end;
    char *text;            /* exactly the file's bytes [byte_start, byte_end) */
    size_t text_len;
    unsigned form;         /* how the text is written (TX_FORM_*: an
                              e-mail's HTML, quoted-printable): its words
                              are read through tx_read_form */
    char *charset;         /* and in what charset, when not as any text
                              (NULL: UTF-8, or else Windows-1252) */
    int quoted;            /* its lines all quote another message ("> "):
                              it comes after results that match alike */
    qy_span *highlights;   /* sorted, disjoint */
    size_t nhighlights;
    qy_diff_op *diff;      /* QY_MATCH_NEAR only */
    size_t ndiff;
    char **unsupported;    /* claim words the passage does not contain */
    size_t nunsupported;
    char **negated;        /* claim words the passage negates where the
                              claim does not ("did not originate" for
                              "originated") */
    size_t nnegated;
    qy_respelling *respelt; /* claim words no passage holds as written,
                              which this one holds in another spelling of
                              the index's (qy_spell.h): said, not taken
                              silently for the same word */
    size_t nrespelt;
    qy_respelling *figures; /* claim figures the passage gives otherwise: more
                              exactly (query "73.3 million", source
                              "73,344,573.27": qy_rounds_to), or within the
                              claim's bound ("more than 2,000", "2,466":
                              qy_figure_holds) */
    size_t nfigures;
    qy_speaker said_by;    /* who said the words it matched, when the
                              passage says so ("...," he told Euronews,
                              the passage before naming him) */
} qy_result;

typedef struct qy_answer {
    qy_result *results;
    size_t n;
    unsigned estimated;    /* estimated number of matching passages */
    int quote;             /* answered in quote mode */
} qy_answer;

/* Moves the engine to the index's last commit, as a batch outlives index
 * runs: its next query then sees the index as it is (an index replaced
 * by a new folder is opened again).  A just opened engine is there
 * already: asking would only cost a round trip per remote shard. */
cs_status qy_engine_refresh(qy_engine *e, char **msg);

/* Answers `req`.  CS_BAD_INPUT for a bad query (message says why); an
 * empty answer is CS_OK with n == 0.  When the index was replaced while
 * the query ran and it failed, it is asked again of the new index. */
cs_status qy_engine_query(qy_engine *e, const qy_request *req, qy_answer *out,
                          char **msg);
void qy_answer_clear(qy_answer *a);

#endif
