/*
 * qy_align.h - word-level alignment of a quotation with a passage.
 *
 * When a quotation is not found verbatim, the passages that share its words
 * are compared with it word by word: an edit distance over normalized
 * tokens in the spirit of Smith-Waterman, global on the quotation (every
 * quoted word is accounted for) and local on the passage (the quote may
 * stand anywhere in it).  The alignment says where the quotation stands
 * (the byte span of the passage words it covers) and what differs: words
 * the quotation has and the source has not, the reverse, and words
 * replaced (`7th -> 9th`).
 *
 * The ops' currencies are set by the caller, who has the signs
 * (qy_near.c).
 *
 * Ownership: qy_alignment owns its ops; qy_alignment_clear frees them.
 * The tokens are the caller's and must outlive the call.
 */
#ifndef CITESEARCH_QY_ALIGN_H
#define CITESEARCH_QY_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

typedef struct qy_align_tok {
    const char *term;  /* normalized word (tx_token term) */
    const char *stem;  /* its stem */
    size_t start, end; /* bytes of the word in its text */
    int stop;          /* a stop word (the, by, of: TX_STOP) */
    uint32_t currency; /* a number's currency sign (tx_currency_by), or 0:
                          the same number by another currency's is
                          another word */
} qy_align_tok;

/* One step of the alignment, in order. */
typedef struct qy_align_op {
    char op;       /* '=' same, '~' replaced, '-' only in the quotation,
                      '+' only in the source */
    int q, qn;     /* quotation tokens [q, q + qn) (qn 0 for '+') */
    int p, pn;     /* passage tokens [p, p + pn) (pn 0 for '-') */
    int contracted;/* '~': one side's word is the other's two contracted
                      (didn't: "did not") */
    int same_stem; /* '~': one word each side, of one stem (aggressor,
                      aggressors) */
    uint32_t qcurrency, pcurrency; /* '~': one number each side, by two
                                      currencies' signs ($3, €3) */
    uint32_t qsign, psign; /* '=' or '~': one number each side, by a
                              sign one side only: its currency (0 the
                              other side) */
} qy_align_op;

typedef struct qy_alignment {
    double score;      /* raw alignment score */
    double similarity; /* score over a perfect match's score: 1 is verbatim */
    int first, last;   /* passage tokens covered, inclusive; -1 when none */
    qy_align_op *ops;
    size_t nops;
} qy_alignment;

/* Scores of the alignment.  A word equal after normalization gains
 * QY_ALIGN_MATCH; the same stem in another form (aggressor/aggressors)
 * QY_ALIGN_STEM, as does one number written otherwise (2 / two, and
 * 1,500,000 / 1.5 million: one word of one side against a number and a
 * scale word of the other, replaced as one, and as a replaced word when
 * the values differ); a replaced word or a gap
 * costs QY_ALIGN_MISMATCH or QY_ALIGN_GAP.  Two words of one side that
 * join into one word of the other (cyber attack / cyberattack) count as
 * a match. */
#define QY_ALIGN_MATCH 2.0
#define QY_ALIGN_STEM 1.0
#define QY_ALIGN_MISMATCH -1.0
#define QY_ALIGN_GAP -1.0
/* What a replaced word costs more when one of the two is a stop word and
 * the other not: enough to choose between alignments that score alike,
 * too little to choose another passage. */
#define QY_ALIGN_KIND 0.01
/* Two adjacent words swapped ("the way only" for "the only way") are one
 * edit, as a replaced or a dropped word is: both words match, less what
 * one such edit loses (3).  Told apart from a word dropped here and
 * added there, a swapped quotation aligns best with its source rather
 * than with another passage that differs in two words.  The diff shows
 * it as a word added and the same word dropped (a move). */
#define QY_ALIGN_SWAP -3.0

/* Non-zero when normalized word `one` is the words x then y contracted:
 * didn't of "did not", won't of "will not", we're of "we are", it's of
 * "it is" or "it has", let's of "let us" (apostrophes unified, lower
 * case, as the analyzer writes them). */
int qy_contracts(const char *one, const char *x, const char *y);
/* Aligns quotation q[0, nq) with passage p[0, np).  CS_NOMEM or CS_OK. */
cs_status qy_align(const qy_align_tok *q, size_t nq, const qy_align_tok *p,
                   size_t np, qy_alignment *out);
void qy_alignment_clear(qy_alignment *a);

/* The quoted words the alignment leaves out before the first passage word
 * it covers (*head) and after the last (*tail): the runs of '-' ops at
 * either end, one word each.  With no passage word covered, all are in
 * *head. */
void qy_alignment_end_drops(const qy_alignment *a, size_t *head,
                            size_t *tail);

#endif
