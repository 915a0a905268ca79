/*
 * qy_cand.h - candidate passages of one query, inside the query module.
 *
 * The engine reads the best-ranked passages of the index as candidates,
 * analyzes each once (qy_ptoks: its words with byte offsets), may re-rank
 * them (quotation alignment, claim coverage and proximity) and then marks
 * the ones it answers with: highlights, match kind, diff, unsupported
 * words.
 *
 * Ownership: a qy_cand owns its result, tokens and alignment until the
 * engine moves the result into the answer; qy_cand_clear frees the rest.
 */
#ifndef CITESEARCH_QY_CAND_H
#define CITESEARCH_QY_CAND_H

#include <stddef.h>
#include <stdint.h>

#include "qy_align.h"
#include "qy_engine.h"
#include "qy_plan.h"
#include "tx.h"

/* ---- Passage tokens (qy_ptoks.c) ---- */

typedef struct qy_ptok {
    size_t start, end;         /* relative to the passage */
    size_t rstart, rend;       /* in the text the word was read from
                                  (words.text when the passage is read
                                  decoded, else as start and end) */
    unsigned flags;            /* TX_*, and QY_PT_CAPITALS */
    uint32_t currency;         /* a number's: the currency its sign names
                                  (tx_currency_by), 0 none */
    size_t term_off, stem_off; /* into the arena, which may still move */
} qy_ptok;

/* A stretch of a passage's names that spells an acronym (tx_initials.h):
 * its letters and its bytes, relative to the passage. */
typedef struct qy_prun {
    char letters[TX_INITIALS_MAX + 1];
    size_t start, end;
} qy_prun;

typedef struct qy_ptoks {
    qy_ptok *v;
    size_t n, cap;
    qy_prun *runs; /* the acronyms its runs of names spell, in text order */
    size_t nruns, runs_cap;
    char *arena;
    size_t alen, acap;
    int nomem;
    /* The text the words were read from, when it is not the result's
     * bytes (tx_read_form: HTML, quoted-printable, base64, a charset),
     * kept with its maps for what else reads it (a misquotation's diff,
     * whether it quotes a message); words.text NULL otherwise. */
    tx_read words;
} qy_ptoks;

/* A word written as an acronym is (tx_acronym_written: PMOI). */
#define QY_PT_CAPITALS 0x10000u
/* A word of two capital letters (US, UK): shorter than the acronyms the
 * index marks, told apart from a sentence's "Us" by it. */
#define QY_PT_TWO_CAPITALS 0x20000u

#define QY_PTERM(pt, i) ((pt)->arena + (pt)->v[i].term_off)
#define QY_PSTEM(pt, i) ((pt)->arena + (pt)->v[i].stem_off)

/* Whether word `t` is one of the n words of `list`; QY_ONE_OF for a list
 * that is an array. */
int qy_one_of(const char *t, const char *const *list, size_t n);
#define QY_ONE_OF(t, list) qy_one_of((t), (list), sizeof(list) / sizeof *(list))

/* The words of a result's text, read as the indexer read them (HTML for
 * its text, quoted-printable, base64 and a charset decoded: tx_read_form),
 * their offsets in its bytes; out->words what they were read from. */
cs_status qy_ptoks_analyze(tx_analyzer *a, const qy_result *r, qy_ptoks *out,
                           char **msg);
void qy_ptoks_clear(qy_ptoks *p);

/* ---- Candidates ---- */

typedef struct qy_cand {
    qy_result r;
    qy_ptoks pt;
    qy_alignment al;     /* quote mode without a verbatim match */
    double coverage;     /* claim: weighted share of its words supported */
    double proximity;    /* claim: how close together they stand, 0..1 */
    double about_coverage; /* claim: weighted share of its words the
                            article's title, source and file name hold */
    uint64_t about_held; /* claim: which of its first 64 words they hold */
    uint64_t held;       /* claim: which of its first 64 words the passage
                            supports (qy_claim_measure) */
    int windowed;        /* claim: the passage holds two of its words or
                            more, words [window_from, window_to] of pt the
                            shortest run that holds each once (its first,
                            when several are as short): where the passage
                            states it, whose speaker qy_said_mark reads */
    size_t window_from, window_to;
    double context;      /* quote mode: share of the words beside the
                            quotation the passage or its article holds */
    double rank;         /* the score the answer is sorted by */
    xs_docid docid;      /* in the searched index: the last tie-break */
    int marked;          /* highlights and match kind are set already */
} qy_cand;

/* Reads result i of the match set into r (owned by r: qy_result_clear). */
cs_status qy_cand_read(qy_engine *e, struct xs_mset *mset, unsigned i,
                       qy_result *r, char **msg);
/* Reads document `docid` of the index into r, as qy_cand_read does a
 * result (CS_NOT_FOUND when there is none). */
cs_status qy_doc_read(qy_engine *e, xs_docid docid, qy_result *r, char **msg);
/* The docid of the passage indexed just before docid d (`before`) or just
 * after it: a file's passages are indexed in order, and with shards a
 * shard's documents are every shard_count-th docid.  0 when there is
 * none before (or d is 0); one after may not exist. */
xs_docid qy_docid_beside(qy_engine *e, xs_docid d, int before);
void qy_result_clear(qy_result *r);
void qy_cand_clear(qy_cand *c);
/* Whether r's bytes lie within span's, in the same file. */
int qy_result_within(const qy_result *r, const qy_result *span);
/* The first of candidate c's words (c->pt) that starts at file byte
 * `byte` or after it; c->pt.n for none. */
size_t qy_cand_word_from(const qy_cand *c, size_t byte);

/* ---- Marking (qy_mark.c) ---- */

/* Highlights (phrases found verbatim, words asked for), the match kind
 * (exact when every phrase was found) and the unsupported claim words. */
cs_status qy_mark_terms(const qy_plan *plan, qy_cand *c);

/* Replaces c->r's highlights by the passage's words the query asks for,
 * as qy_mark_terms highlights them: for a quotation's candidate that only
 * shares words with it, whose aligned span is mostly other words. */
cs_status qy_mark_words(const qy_plan *plan, qy_cand *c);

/* Quote mode with words beside the quotation (who said it: Rama "we are
 * talking about ..."): the share of them the passage holds, or its
 * article's title, source and file name (c->context), and the others
 * listed unsupported in c->r. */
cs_status qy_context_mark(tx_analyzer *a, const qy_plan *plan, qy_cand *c,
                          char **msg);
/* The same for the words qy_context_mark listed unsupported, in the
 * passage before the candidate's (the speaker named before what he
 * said: "X said ...", then his words): those it holds are taken off the
 * list, and c->context grows. */
cs_status qy_context_before(tx_analyzer *a, const qy_plan *plan, qy_cand *c,
                            const qy_result *before, char **msg);

/* A claim's names its article says whose or about whom it is (title,
 * source, file name: "Bush said ..." in 2003_george_w_bush.txt; read by
 * qy_claim_about: c->about_held) are taken off the candidate's
 * unsupported list: the passage need not name its own speaker. */
void qy_claim_names_about(const qy_plan *plan, qy_cand *c);
/* The weighted share of a claim's words that are names its article holds
 * (qy_claim_about) and the passage does not (qy_claim_measure): words the
 * report does not list unsupported, so the coverage counts them too
 * ("Obama proposed ..." against a passage of 2015_barack_obama.txt). */
double qy_claim_names_share(const qy_plan *plan, const double *weights,
                            const qy_cand *c);
/* Whether a name of the claim written with a capital is still on the
 * candidate's unsupported list; qy_claim_names_before takes off it the
 * names the passage before holds (the speaker named, then his words:
 * "Et'hemaj said ...", then "We are talking about ...," he told
 * Euronews). */
int qy_claim_names_missing(const qy_plan *plan, const qy_cand *c);
cs_status qy_claim_names_before(tx_analyzer *a, const qy_plan *plan, qy_cand *c,
                                const qy_result *before, char **msg);

/* Coverage and proximity of a claim's words in the candidate; `weights`
 * gives each plan word's weight (rarer words, names and numbers count
 * more). */
void qy_claim_measure(const qy_plan *plan, const double *weights, qy_cand *c);

/* The weighted share of a claim's words the candidate's article says it
 * is about or whose it is (its about_coverage): its title, its source
 * and its file's name (underscores as spaces), read as the passages
 * are. */
cs_status qy_claim_about(tx_analyzer *a, const qy_plan *plan,
                         const double *weights, qy_cand *c, char **msg);

/* ---- Near quotations (qy_near.c) ---- */

/* From this similarity on (1 is verbatim) an aligned passage is a near
 * match, with a diff; below it, it only shares words. */
#define QY_NEAR_MIN_SIMILARITY 0.5

/* Aligns the candidate with the plan's quotation (c->al, in bytes of the
 * passage). */
cs_status qy_near_align(const qy_plan *plan, qy_cand *c);

/* ---- Quotations across a paragraph break (qy_across.c) ---- */

/* When the aligned candidate `c` lacks quoted words at an end and the
 * paragraph before or after it in the file holds them (only a break
 * between the two), or the window before or after it of its paragraph
 * (the two overlapping), joins the two, and again (at most
 * QY_ACROSS_STEPS passages in all) while quoted words are left over.
 * When the span holds the quotation verbatim, it replaces `c`, marked as
 * an exact match, and sets *found.  When it holds it only nearly but
 * aligns with it better than `c` did, it replaces `c` marked as a near
 * match (its rank its similarity). */
cs_status qy_across_try(qy_engine *e, const qy_plan *plan, qy_cand *c,
                        int *found, char **msg);
/* The passages `head` and `tail`, one break apart in the file or two
 * windows of one paragraph that overlap, as one candidate `out` scored
 * `score`, its text read from the file (qy_across.c); for a quotation
 * with an ellipsis (`elided`), any text may lie between them, which the
 * ellipsis leaves out.  Returns 1 and out holds a result (qy_cand_clear)
 * with neither words nor marks yet; 0 when the file does not hold them
 * so (changed since it was indexed, or gone); -1 when out of memory (out
 * holds nothing). */
int qy_join_passages(qy_engine *e, const qy_result *head, const qy_result *tail,
                     int elided, double score, qy_cand *out);

/* For a quotation with an ellipsis that no passage holds whole: up to
 * `limit` spans that hold every part verbatim, in order, each from a
 * passage holding its first part to the nearest after it holding the
 * next, and so on (qy_across.c), marked as exact matches, in the order
 * of their first passages' scores.  *out (malloc'd, *nout of them, each
 * to be cleared with qy_cand_clear) is NULL when there are none. */
cs_status qy_across_elided(qy_engine *e, const qy_plan *plan, unsigned limit,
                           qy_cand **out, unsigned *nout, char **msg);
/* The aligned span as the highlight, the match kind and the diff. */
cs_status qy_mark_near(const qy_plan *plan, qy_cand *c);

#endif
