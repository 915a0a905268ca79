/* qy_engine.c - answering one query (see qy_engine.h). */
#include "qy_engine.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_location.h"
#include "ix_docdata.h"
#include "qy_cand.h"
#include "qy_plan.h"
#include "qy_readable.h"
#include "qy_said.h"
#include "schema.h"
#include "tx.h"
#include "xs.h"

/*
 * BM25 over passages, without length normalization (b 0).  Passages are
 * paragraphs cut into windows of at most ~120 words, so their lengths vary
 * far less than whole documents' do, and normalizing costs more than it
 * brings: Xapian must then look up the length of every document that
 * matches a word, which was half of all the time a keyword query took
 * (bench/README.md); b 0.5 and b 0 rank the development sets alike
 * (bench/quality).  k1 1.2 lets a repeated word count a little more than
 * once.
 */
#define QY_BM25_K1 1.2
#define QY_BM25_B 0

/* A quotation not found verbatim: this many passages that share its words
 * and pairs of words are aligned with it, and the best aligned come first.
 * Enough that the right passage is among them when the quote is
 * misremembered (100 found no more of the development sets' misquotes
 * than 50), few enough that a query stays within milliseconds. */
#define QY_NEAR_CANDIDATES 50
/* A claim: this many BM25 candidates are re-ranked by how much of the
 * claim they support and how closely (see rank_claims).  Reading and
 * analyzing each is most of a claim's time; on three sets of 500 claims
 * made from the medium corpus, 10, 14 and 20 ranked the same at rank 1,
 * and 20 found 0.2% more within the top 10 than 14 (0.8% more than 10),
 * for 0.2 ms a claim more (bench/README.md). */
#define QY_CLAIM_CANDIDATES 14

/* An engine that answers many queries keeps the order of equal scores
 * in memory after this many searches that broke ties (xs.h: tie_ranks):
 * a batch of a few queries on a large index does not pay for the table
 * (16 ms for the medium benchmark corpus), a longer one saves a fifth of
 * a keyword query on every query after (bench/README.md). */
#define QY_TIE_RANKS_AFTER 16

struct qy_engine {
    char *db_path;
    char *root;
    char *schema; /* the index's format, as recorded */
    xs_db *db;
    xs_open_opts opts; /* how db was opened, to open it again */
    tx_analyzer *an;
    unsigned tie_ranks; /* xs_search_opts.tie_ranks */
};

const char *qy_match_name(qy_match m)
{
    switch (m) {
    case QY_MATCH_EXACT: return "exact";
    case QY_MATCH_NEAR: return "near";
    default: return "terms";
    }
}

cs_status qy_engine_open(const char *db_path, qy_engine **out, char **msg)
{
    return qy_engine_open_with(db_path, NULL, out, msg);
}

cs_status qy_engine_open_with(const char *db_path,
                              const struct xs_open_opts *opts,
                              qy_engine **out, char **msg)
{
    *out = NULL;
    qy_engine *e = calloc(1, sizeof *e);
    if (!e || !(e->db_path = strdup(db_path))) {
        free(e);
        return CS_NOMEM;
    }
    if (opts)
        e->opts = *opts;
    cs_status rc = xs_db_open_with(db_path, &e->opts, &e->db, msg);
    char *root = NULL, *schema = NULL;
    if (rc == CS_OK)
        rc = xs_db_get_metadata(e->db, CS_META_SCHEMA, &schema, NULL, msg);
    /* A first index run that stopped before its first commit leaves a
     * database with nothing in it, not even the format. */
    if (rc == CS_OK && !*schema && xs_db_doccount(e->db) == 0)
        rc = cs_fail(msg, CS_NOT_FOUND,
                     "%s: an empty index: no index run has committed to it "
                     "yet (was the first one interrupted?): run citesearch "
                     "index again",
                     db_path);
    else if (rc == CS_OK && strcmp(schema, CS_SCHEMA_VERSION) != 0 &&
             strcmp(schema, CS_SCHEMA_FORMER) != 0)
        rc = cs_fail(msg, CS_CORRUPT,
                     "%s: not a citesearch index of format %s (found '%s'): "
                     "remove it and index again",
                     db_path, CS_SCHEMA_VERSION, schema);
    if (rc == CS_OK)
        rc = xs_db_get_metadata(e->db, CS_META_ROOT, &root, NULL, msg);
    /* Shards served from another machine may come without their files:
     * results carry their text, and show says when a file is missing. */
    if (rc == CS_OK)
        rc = ix_root_path_for_reading(db_path, root, &e->root, NULL, msg);
    if (rc == CS_OK)
        rc = tx_analyzer_new(&e->an, msg);
    free(root);
    e->schema = schema;
    if (rc != CS_OK) {
        qy_engine_close(e);
        return rc;
    }
    *out = e;
    return CS_OK;
}

void qy_engine_close(qy_engine *e)
{
    if (!e)
        return;
    xs_db_close(e->db);
    tx_analyzer_free(e->an);
    free(e->db_path);
    free(e->root);
    free(e->schema);
    free(e);
}

const char *qy_engine_root(const qy_engine *e) { return e->root; }
const char *qy_engine_schema(const qy_engine *e) { return e->schema; }
const char *qy_engine_db_path(const qy_engine *e) { return e->db_path; }
struct xs_db *qy_engine_db(qy_engine *e) { return e->db; }
struct tx_analyzer *qy_engine_analyzer(qy_engine *e) { return e->an; }

/* ---- Results ---- */

/* Reads a passage's document data (ix_docdata.h) into `r`. */
static cs_status read_result(const char *data, size_t len, qy_result *r,
                             char **msg)
{
    ix_docdata rec;
    cs_status rc = ix_docdata_decode(data, len, &rec, msg);
    if (rc != CS_OK)
        return rc;
    r->path = strdup(rec.path);
    r->title = strdup(rec.title);
    r->source = strdup(rec.source);
    r->date = strdup(rec.date);
    r->url = strdup(rec.url);
    r->lang = strdup(rec.lang);
    r->paragraph = rec.paragraph;
    r->part = rec.part;
    r->line_start = rec.line_start;
    r->line_end = rec.line_end;
    r->byte_start = rec.byte_start;
    r->byte_end = rec.byte_end;
    /* How its words were read (ix_docdata.h). */
    r->form = tx_form_of(rec.markup);
    r->charset = *rec.charset ? strdup(rec.charset) : NULL;
    int nomem = *rec.charset && !r->charset;
    r->text_len = rec.text_len;
    r->text = malloc(r->text_len + 1);
    if (r->text) {
        memcpy(r->text, rec.text, r->text_len);
        r->text[r->text_len] = '\0';
    }
    ix_docdata_release(&rec);
    int n = r->line_end > r->line_start
                ? asprintf(&r->cite, "%s:%u-%u", r->path ? r->path : "",
                           r->line_start, r->line_end)
                : asprintf(&r->cite, "%s:%u", r->path ? r->path : "",
                           r->line_start);
    if (n < 0)
        r->cite = NULL;
    if (!r->path || !r->title || !r->source || !r->date || !r->url ||
        !r->lang || !r->text || !r->cite || nomem)
        return CS_NOMEM;
    return CS_OK;
}

void qy_result_clear(qy_result *r)
{
    free(r->path);
    free(r->title);
    free(r->source);
    free(r->date);
    free(r->url);
    free(r->lang);
    free(r->charset);
    free(r->cite);
    free(r->text);
    free(r->highlights);
    for (size_t i = 0; i < r->ndiff; i++) {
        free(r->diff[i].query);
        free(r->diff[i].source);
    }
    free(r->diff);
    for (size_t i = 0; i < r->nunsupported; i++)
        free(r->unsupported[i]);
    free(r->unsupported);
    for (size_t i = 0; i < r->nnegated; i++)
        free(r->negated[i]);
    free(r->negated);
    for (size_t i = 0; i < r->nrespelt; i++) {
        free(r->respelt[i].query);
        free(r->respelt[i].source);
    }
    free(r->respelt);
    for (size_t i = 0; i < r->nfigures; i++) {
        free(r->figures[i].query);
        free(r->figures[i].source);
    }
    free(r->figures);
    free(r->said_by.name);
    free(r->said_by.cite);
}

void qy_answer_clear(qy_answer *a)
{
    for (size_t i = 0; i < a->n; i++)
        qy_result_clear(&a->results[i]);
    free(a->results);
    memset(a, 0, sizeof *a);
}

static cs_status run_search(qy_engine *e, const xs_query *q, unsigned limit,
                            const qy_request *req, xs_mset **mset, char **msg)
{
    xs_search_opts o;
    xs_search_opts_init(&o, limit ? limit : 10);
    o.bm25_k1 = QY_BM25_K1;
    o.bm25_b = QY_BM25_B;
    /* Equal scores in file order, so one index and its shards agree. */
    o.tiebreak_slot = CS_SLOT_PATH;
    o.tie_ranks = e->tie_ranks;
    if (req->per_doc > 0) {
        o.collapse_slot = CS_SLOT_PATH;
        o.collapse_max = req->per_doc;
    }
    return xs_search(e->db, q, &o, mset, msg);
}

void qy_engine_expect_many(qy_engine *e)
{
    e->tie_ranks = QY_TIE_RANKS_AFTER;
}

cs_status qy_cand_read(qy_engine *e, xs_mset *mset, unsigned i, qy_result *r,
                       char **msg)
{
    size_t len = 0;
    const char *data = xs_mset_data(mset, i, &len);
    if (!data)
        return cs_fail(msg, CS_IO, "%s: cannot read result %u", e->db_path,
                       i + 1);
    r->score = xs_mset_score(mset, i);
    cs_status rc = read_result(data, len, r, msg);
    if (rc == CS_CORRUPT && msg) {
        char *why = *msg;
        *msg = NULL;
        rc = cs_fail(msg, CS_CORRUPT,
                     "%s: document %u is damaged (%s): remove the index and "
                     "index again",
                     e->db_path, (unsigned)xs_mset_docid(mset, i),
                     why ? why : "unreadable");
        free(why);
    }
    return rc;
}

cs_status qy_doc_read(qy_engine *e, xs_docid docid, qy_result *r, char **msg)
{
    char *data = NULL;
    size_t len = 0;
    cs_status rc = xs_db_get_data(e->db, docid, &data, &len, msg);
    if (rc == CS_OK)
        rc = read_result(data, len, r, msg);
    free(data);
    return rc;
}

xs_docid qy_docid_beside(qy_engine *e, xs_docid d, int before)
{
    xs_docid step = (xs_docid)xs_db_shard_count(e->db);
    return d == 0 || (before && d <= step) ? 0 : before ? d - step : d + step;
}

int qy_result_within(const qy_result *r, const qy_result *span)
{
    return strcmp(r->path, span->path) == 0 && r->byte_start >= span->byte_start &&
           r->byte_end <= span->byte_end;
}

size_t qy_cand_word_from(const qy_cand *c, size_t byte)
{
    size_t k = 0;
    while (k < c->pt.n && c->r.byte_start + c->pt.v[k].start < byte)
        k++;
    return k;
}

void qy_cand_clear(qy_cand *c)
{
    qy_result_clear(&c->r);
    qy_ptoks_clear(&c->pt);
    qy_alignment_clear(&c->al);
}

/*
 * Whether a passage only quotes another message: every line that is not
 * blank quotes it (qy_reply_depth), as a reply quotes what it answers.  Among
 * passages that match alike, the one that says it first comes before the
 * replies that quote it, whatever their paths.  Candidate c's lines are
 * read as its words were (base64 decoded: a reply's '>' is in there).
 */
static int quotes_only(const qy_cand *c)
{
    size_t n;
    const char *s = qy_readable_text(&c->r, &c->pt.words, &n);
    int lines = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i < n && s[i] != '\n' && s[i] != '\r') {
            if (qy_reply_depth(s, n, i) == 0)
                return 0;
            lines++;
        }
        while (i < n && s[i] != '\n')
            i++;
        i++;
    }
    return lines > 0;
}

/* Whether the line of candidate c that holds its first highlight quotes
 * another message (qy_reply_depth), read as its words were. */
static int match_in_reply(const qy_cand *c)
{
    const qy_result *r = &c->r;
    if (r->nhighlights == 0)
        return 0;
    size_t k = qy_cand_word_from(c, r->highlights[0].start), n;
    const char *s = qy_readable_text(r, &c->pt.words, &n);
    if (k == c->pt.n || c->pt.v[k].rstart > n)
        return 0;
    return qy_reply_depth(s, n, c->pt.v[k].rstart) > 0;
}

/* Results in the match set's order (equal scores by path): in each run of
 * equal scores, those that only quote another message moved after the
 * others, in their order (cmp_tie's rule); ranks numbered again. */
static cs_status quoted_last(qy_answer *out)
{
    qy_result *tmp = out->n ? malloc(out->n * sizeof *tmp) : NULL;
    if (out->n && !tmp)
        return CS_NOMEM;
    for (size_t i = 0; i < out->n;) {
        size_t j = i + 1;
        while (j < out->n && xs_score_key(out->results[j].score) ==
                                 xs_score_key(out->results[i].score))
            j++;
        size_t k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t m = i; m < j; m++)
                if (out->results[m].quoted == pass)
                    tmp[k++] = out->results[m];
        memcpy(out->results + i, tmp, (j - i) * sizeof *tmp);
        i = j;
    }
    for (size_t i = 0; i < out->n; i++)
        out->results[i].rank = (unsigned)i + 1;
    free(tmp);
    return CS_OK;
}

/* Equal ranks and scores: a passage that only quotes another message
 * after one that does not, then in the match set's order for them (path,
 * then docid), whichever way qsort, which is not stable, moves them. */
static int cmp_tie(const qy_cand *a, const qy_cand *b)
{
    if (a->r.quoted != b->r.quoted)
        return a->r.quoted - b->r.quoted;
    int d = strcmp(a->r.path ? a->r.path : "", b->r.path ? b->r.path : "");
    if (d != 0)
        return d;
    return a->docid < b->docid ? -1 : a->docid > b->docid;
}

static void flag_firsts(const qy_strv *v, unsigned char first[256])
{
    for (size_t i = 0; i < v->n; i++)
        first[(unsigned char)v->v[i][0]] = 1;
}

/* The first bytes of every stem a candidate's words are compared with
 * (highlights, claim coverage, alignment): the analyzer need not stem a
 * word that starts otherwise (tx_analyzer_stem_only). */
static void stem_firsts(const qy_plan *plan, unsigned char first[256])
{
    memset(first, 0, 256);
    flag_firsts(&plan->stems, first);
    flag_firsts(&plan->quote_stems, first);
    for (size_t w = 0; w < plan->nwords; w++) {
        first[(unsigned char)plan->words[w].stem[0]] = 1;
        if (plan->words[w].joined_stem)
            first[(unsigned char)plan->words[w].joined_stem[0]] = 1;
        if (plan->words[w].split_tail)
            first[(unsigned char)plan->words[w].split_tail[0]] = 1;
        flag_firsts(&plan->words[w].alts, first);
    }
}

/* By rank, then score, then cmp_tie; ranks and scores that differ in
 * their last bits only are equal (xs_score_key), so one passage in an
 * index and in its shards sorts alike. */
static int cmp_rank(const void *x, const void *y)
{
    const qy_cand *a = x, *b = y;
    double ra = xs_score_key(a->rank), rb = xs_score_key(b->rank);
    if (ra != rb)
        return ra > rb ? -1 : 1;
    double sa = xs_score_key(a->r.score), sb = xs_score_key(b->r.score);
    if (sa != sb)
        return sa > sb ? -1 : 1;
    return cmp_tie(a, b);
}

/*
 * Claims: BM25 finds passages that share the claim's words; a passage that
 * states the claim also holds most of them (coverage, weighted by rarity,
 * names and numbers counting most) close together (proximity), and an
 * article whose title says what the claim is about is more likely the one
 * (the share of its words the title holds).  The rank adds these to the
 * BM25 score normalized by the best one, so BM25 still orders passages
 * that cover a claim alike.
 */
#define QY_CLAIM_COVERAGE_WEIGHT 0.6
#define QY_CLAIM_PROXIMITY_WEIGHT 0.2

/* What each claim word weighs in the coverage (malloc'd; NULL when out
 * of memory): rarer words more, names and numbers most. */
static double *claim_weights(qy_engine *e, const qy_plan *plan, const xs_mset *mset)
{
    double *weights = calloc(plan->nwords + 1, sizeof *weights);
    if (!weights)
        return NULL;
    double docs = (double)xs_db_doccount(e->db) + 1;
    for (size_t w = 0; w < plan->nwords; w++) {
        /* The search counted it already: the claim asks for its stem. */
        char term[CS_MAX_TERM + 8];
        int len = snprintf(term, sizeof term, "%s%s", CS_PREFIX_STEM,
                           plan->words[w].stem);
        unsigned tf = len > 0 && (size_t)len < sizeof term
                          ? xs_mset_termfreq(mset, term, (size_t)len)
                          : 0;
        weights[w] = log(docs / (tf + 1.0)) + 1.0;
        /* A name or a number is what a claim is usually about. */
        unsigned char first = (unsigned char)plan->words[w].text[0];
        if (qy_word_capital(&plan->words[w]) || (first >= '0' && first <= '9'))
            weights[w] *= 1.5;
    }
    return weights;
}

/* A claim candidate's rank, `top` the best BM25 score among them. */
static double claim_rank(const qy_cand *c, double top)
{
    /* The title (which a claim's search does not ask for: qy_plan.h),
     * source and file name, at the weight a title match has elsewhere. */
    return (top > 0 ? c->r.score / top : 0) +
           QY_CLAIM_COVERAGE_WEIGHT * c->coverage +
           QY_CLAIM_PROXIMITY_WEIGHT * c->proximity +
           CS_TITLE_WEIGHT * c->about_coverage;
}

/* Measures and ranks the n candidates of a claim; *top is the best BM25
 * score among them. */
static cs_status rank_claims(qy_engine *e, const qy_plan *plan,
                             const double *weights, qy_cand *c, unsigned n,
                             double *top_out)
{
    double top = 0;
    for (unsigned i = 0; i < n; i++)
        if (c[i].r.score > top)
            top = c[i].r.score;
    *top_out = top;
    cs_status rc = CS_OK;
    for (unsigned i = 0; rc == CS_OK && i < n; i++) {
        qy_claim_measure(plan, weights, &c[i]);
        /* Passages of one file share its title, source and name:
         * analyzed once. */
        unsigned same = 0;
        while (same < i && !(c[i].r.path && c[same].r.path &&
                             strcmp(c[same].r.path, c[i].r.path) == 0))
            same++;
        if (same < i) {
            c[i].about_coverage = c[same].about_coverage;
            c[i].about_held = c[same].about_held;
        }
        else
            rc = qy_claim_about(e->an, plan, weights, &c[i], NULL);
        c[i].coverage += qy_claim_names_share(plan, weights, &c[i]);
        c[i].rank = claim_rank(&c[i], top);
    }
    return rc;
}

/* Of a claim's best results, this many are looked at for a window to
 * join (join_windows); and the longest span so joined, in bytes: one a
 * reader checks at a glance. */
#define QY_CLAIM_JOIN_TOP 3
#define QY_CLAIM_JOIN_MAX 1536

/* Whether passages a and b are two windows of one paragraph that overlap,
 * neither holding the other. */
static int windows_of_one(const qy_result *a, const qy_result *b)
{
    return a->path && b->path && strcmp(a->path, b->path) == 0 &&
           a->paragraph == b->paragraph &&
           a->byte_start < b->byte_end && b->byte_start < a->byte_end &&
           a->byte_start != b->byte_start && a->byte_end != b->byte_end &&
           (a->byte_start < b->byte_start) == (a->byte_end < b->byte_end);
}

/*
 * A claim may be told over two windows of a long paragraph (a speech's
 * "North Korea ... Iran ... Iraq ... an axis of evil", the windows
 * parting between Iran and Iraq): each holds part of it, and neither is
 * the passage that settles it.  A best result and another candidate
 * that each hold claim words the other lacks, the two windows of one
 * paragraph that overlap, are answered with the span of both when that
 * ranks above both (its BM25 score the better of the two, which
 * understates it), read from the file as a quotation's across windows
 * is.  The other window, which the span holds, is then left out as shown
 * above.  *joined when one is.
 */
static cs_status join_windows(qy_engine *e, const qy_plan *plan,
                              const double *weights, double top, qy_cand *c,
                              unsigned n, int *joined)
{
    uint64_t all = plan->nwords >= 64 ? UINT64_MAX
                                      : (UINT64_C(1) << plan->nwords) - 1;
    cs_status rc = CS_OK;
    *joined = 0;
    for (unsigned i = 0; rc == CS_OK && i < n && i < QY_CLAIM_JOIN_TOP; i++) {
        qy_cand *a = &c[i];
        for (unsigned k = 0; rc == CS_OK && k < n && (a->held & all) != all; k++) {
            const qy_cand *b = &c[k];
            if (k == i || !(b->held & ~a->held & all) || !(a->held & ~b->held & all) ||
                !windows_of_one(&a->r, &b->r))
                continue;
            const qy_cand *head = a->r.byte_start < b->r.byte_start ? a : b;
            const qy_cand *tail = head == a ? b : a;
            if (tail->r.byte_end - head->r.byte_start > QY_CLAIM_JOIN_MAX)
                continue;
            qy_cand j;
            double score = a->r.score > b->r.score ? a->r.score : b->r.score;
            int got = qy_join_passages(e, &head->r, &tail->r, 0, score, &j);
            if (got < 0)
                rc = CS_NOMEM;
            if (got <= 0)
                continue;
            /* A span that cannot be read as its windows were is not
             * joined; the query goes on without it. */
            char *why = NULL;
            cs_status an = qy_ptoks_analyze(e->an, &j.r, &j.pt, &why);
            free(why);
            if (an == CS_NOMEM)
                rc = an;
            if (an == CS_OK) {
                j.r.quoted = quotes_only(&j);
                qy_claim_measure(plan, weights, &j);
                j.about_coverage = a->about_coverage;
                j.about_held = a->about_held;
                j.coverage += qy_claim_names_share(plan, weights, &j);
                j.rank = claim_rank(&j, top);
                j.docid = head->docid; /* the passage before it is head's */
            }
            if (an == CS_OK && j.rank > a->rank && j.rank > b->rank) {
                qy_cand_clear(a);
                *a = j;
                *joined = 1;
            } else {
                qy_cand_clear(&j);
            }
        }
    }
    return rc;
}

/*
 * A quotation not found verbatim may run across a paragraph break: the best
 * aligned candidates that leave out words at an end are tried for that
 * (qy_across.c), each in turn until QY_ACROSS_TRIES of them join nothing
 * or `limit` spans are joined, so
 * that every copy of an article (a wire story in several papers) is
 * answered whole, not only the first.
 * Spans that hold the quotation so verbatim come first, in their order,
 * in place of the passages they join; one that holds it nearly takes the
 * place its similarity gives it.
 */
#define QY_ACROSS_TRIES 3

/* What the words beside a quotation (its speaker) add to a candidate's
 * rank when the passage or its article holds them all: less than an
 * exact match's letter case and accents (rank_as_written: 1), and than
 * most differences of alignment. */
#define QY_CONTEXT_WEIGHT 0.05

/* Reads passage d into *before when it starts before candidate c's in
 * c's file (a window of the same paragraph overlaps c's): 1 when so, 0
 * when not (d 0, another file, after c), -1 when out of memory. */
static int passage_above(qy_engine *e, const qy_cand *c, xs_docid d, qy_result *before)
{
    if (d == 0)
        return 0;
    cs_status read = qy_doc_read(e, d, before, NULL);
    if (read == CS_NOMEM)
        return -1;
    return read == CS_OK && before->path && c->r.path &&
           strcmp(before->path, c->r.path) == 0 && before->byte_start < c->r.byte_start;
}

/* Reads the passage before candidate c's in its file into *before:
 * 1 when there is one (ending before c starts), 0 when not, -1 when out
 * of memory. */
static int passage_before(qy_engine *e, const qy_cand *c, qy_result *before)
{
    int got = passage_above(e, c, qy_docid_beside(e, c->docid, 1), before);
    return got > 0 && before->byte_end > c->r.byte_start ? 0 : got;
}

/* The words beside a quotation that candidate c's passage, its article's
 * title, source and name, or the passage before it in its file hold
 * (qy_context_mark). */
static cs_status context_of(qy_engine *e, const qy_plan *plan, qy_cand *c, char **msg)
{
    cs_status rc = qy_context_mark(e->an, plan, c, msg);
    if (rc != CS_OK || c->context >= 1)
        return rc;
    qy_result before = {0};
    int got = passage_before(e, c, &before);
    if (got < 0)
        rc = CS_NOMEM;
    else if (got)
        rc = qy_context_before(e->an, plan, c, &before, msg);
    qy_result_clear(&before);
    return rc;
}

/* A claim's names its result's article, or the passage before, gives are
 * no unsupported words: the passage need not name its speaker. */
static cs_status names_of(qy_engine *e, const qy_plan *plan, qy_cand *c, char **msg)
{
    qy_claim_names_about(plan, c);
    if (!qy_claim_names_missing(plan, c))
        return CS_OK;
    qy_result before = {0};
    int got = passage_before(e, c, &before);
    cs_status rc = got < 0 ? CS_NOMEM
                   : got   ? qy_claim_names_before(e->an, plan, c, &before, msg)
                           : CS_OK;
    qy_result_clear(&before);
    return rc;
}

/* How many passages before a result's are read for the full name of a
 * speaker it calls by a title and a surname (Dr. Chamie), by a surname
 * alone (Rama) or describes (the ministry): news names him in full a few
 * paragraphs before. */
#define QY_FULLER_PASSAGES 6

/* Calls step with each passage above docid d in c's file, nearest first,
 * up to n of them, while it asks for more (its *more; arg is its own):
 * the look-backs of who said it. */
typedef cs_status (*above_step)(qy_engine *e, qy_cand *c, const qy_result *above, int arg,
                                int *more);
static cs_status walk_above(qy_engine *e, qy_cand *c, xs_docid d, int n, above_step step,
                            int arg)
{
    cs_status rc = CS_OK;
    for (int i = 0, more = 1; rc == CS_OK && more && i < n; i++) {
        qy_result above = {0};
        /* (The window before, of a long paragraph, overlaps the result's:
         * its names before the short one count all the same.) */
        d = qy_docid_beside(e, d, 1);
        int got = passage_above(e, c, d, &above);
        if (got < 0)
            rc = CS_NOMEM;
        else if (got)
            rc = step(e, c, &above, arg, &more);
        else
            more = 0;
        qy_result_clear(&above);
    }
    return rc;
}

/* walk_above's step for a full name: on while none is found. */
static cs_status fuller_step(qy_engine *e, qy_cand *c, const qy_result *above, int arg,
                             int *more)
{
    (void)arg;
    int found = 0;
    cs_status rc = qy_said_fuller(e->an, c, above, &found);
    *more = !found;
    return rc;
}

/* The name of a speaker said_by calls by a title and a surname, a
 * surname alone or a description, as the passage, or one of the passages
 * before it in its file, last gives it (qy_said_fuller). */
static cs_status fuller_speaker(qy_engine *e, qy_cand *c)
{
    if (!c->r.said_by.name || !qy_said_short(c->r.said_by.name))
        return CS_OK;
    int found = 0;
    cs_status rc = qy_said_fuller(e->an, c, &c->r, &found);
    return rc == CS_OK && !found
               ? walk_above(e, c, c->docid, QY_FULLER_PASSAGES, fuller_step, 0)
               : rc;
}

/* How many passages a reply's quoted block may run to, read up for the
 * line that names its writer. */
#define QY_WRITER_PASSAGES 8

/* walk_above's step for a reply's writer: on while the passage above
 * leaves him to the one above it (qy_said_mark_before's *further). */
static cs_status writer_step(qy_engine *e, qy_cand *c, const qy_result *above, int need,
                             int *more)
{
    return qy_said_mark_before(e->an, c, above, need, more);
}

/* Who said the words a result matched: the speaker its passage names,
 * or for "he said" the one the passage before names (qy_said.h), by his
 * name where it calls him Dr. or Mr., or the ministry. */
static cs_status speaker_of(qy_engine *e, qy_cand *c)
{
    int need_before, further = 0;
    cs_status rc = qy_said_mark(c, &need_before);
    if (rc == CS_OK && need_before) {
        qy_result before = {0};
        int got = passage_before(e, c, &before);
        if (got < 0)
            rc = CS_NOMEM;
        else if (got)
            rc = qy_said_mark_before(e->an, c, &before, need_before, &further);
        qy_result_clear(&before);
        /* A reply's quoted block in several paragraphs: its writer's line
         * stands above the first. */
        if (rc == CS_OK && further)
            rc = walk_above(e, c, qy_docid_beside(e, c->docid, 1), QY_WRITER_PASSAGES - 1,
                            writer_step, need_before);
    }
    return rc == CS_OK ? fuller_speaker(e, c) : rc;
}

/* What became of a candidate in find_across. */
enum { ACROSS_UNTRIED, ACROSS_JOINED, ACROSS_IN_VAIN };

/* Whether candidate i's passage lies within a span joined among the
 * first n candidates (state: ACROSS_*, one a candidate). */
static int within_joined(const qy_cand *c, const unsigned char *state,
                         unsigned n, unsigned i)
{
    for (unsigned k = 0; k < n; k++)
        if (k != i && state[k] == ACROSS_JOINED && qy_result_within(&c[i].r, &c[k].r))
            return 1;
    return 0;
}

/* Whether candidate i's passage was tried in vain already, as candidate
 * i or as a copy of it (the same text) before it. */
static int tried_in_vain(const qy_cand *c, const unsigned char *state,
                         unsigned i)
{
    for (unsigned k = 0; k < i; k++)
        if (state[k] == ACROSS_IN_VAIN && c[k].r.text_len == c[i].r.text_len &&
            memcmp(c[k].r.text, c[i].r.text, c[i].r.text_len) == 0)
            return 1;
    return 0;
}

static cs_status find_across(qy_engine *e, const qy_plan *plan, qy_cand *c,
                             unsigned *n, unsigned limit)
{
    unsigned char *state = calloc(*n + 1, 1);
    if (!state)
        return CS_NOMEM;
    unsigned misses = 0, njoined = 0;
    int near = 0;
    for (unsigned i = 0; i < *n && misses < QY_ACROSS_TRIES && njoined < limit;
         i++) {
        if (within_joined(c, state, i, i))
            continue;
        /* A candidate whose alignment leaves out no word at its start or
         * its end has none to find beside it: no try, and no miss (six
         * files that each hold the quotation nearly, in a paragraph of
         * their own, kept the try from the file that holds it verbatim
         * across two paragraphs). */
        size_t head, tail;
        qy_alignment_end_drops(&c[i].al, &head, &tail);
        if (head + tail == 0 || head + tail >= plan->quote_terms.n)
            continue;
        int found = 0;
        cs_status rc = qy_across_try(e, plan, &c[i], &found, NULL);
        if (rc == CS_NOMEM) {
            free(state);
            return rc;
        }
        if (found) {
            state[i] = ACROSS_JOINED;
            njoined++;
            near |= c[i].r.match != QY_MATCH_EXACT;
        } else {
            /* An I/O error of this try only loses the try.  A copy of a
             * passage tried already is no new miss: the copies of an
             * article come in turns. */
            misses += !tried_in_vain(c, state, i);
            state[i] = ACROSS_IN_VAIN;
        }
    }
    qy_cand *order = njoined ? malloc(*n * sizeof *order) : NULL;
    if (njoined && !order) {
        free(state);
        return CS_NOMEM;
    }
    if (njoined) {
        /* The verbatim spans first, then the others in their order, less
         * the passages a span holds. */
        unsigned kept = 0, verbatim = 0;
        for (int pass = 0; pass < 2; pass++)
            for (unsigned i = 0; i < *n; i++) {
                int first = state[i] == ACROSS_JOINED &&
                            c[i].r.match == QY_MATCH_EXACT;
                if (first != (pass == 0))
                    continue;
                verbatim += first;
                if (state[i] != ACROSS_JOINED && within_joined(c, state, *n, i))
                    qy_cand_clear(&c[i]);
                else
                    order[kept++] = c[i];
            }
        memcpy(c, order, kept * sizeof *c);
        *n = kept;
        if (near) /* a near span among the others, by similarity */
            qsort(c + verbatim, *n - verbatim, sizeof *c, cmp_rank);
    }
    free(order);
    free(state);
    return CS_OK;
}

/*
 * A quotation with an ellipsis whose parts no one passage holds: the spans
 * that hold them all (qy_across_elided) come first, as verbatim answers,
 * in place of the passages they hold; *found when there are any.
 */
static cs_status add_elided(qy_engine *e, const qy_plan *plan, qy_cand **c,
                            unsigned *n, unsigned limit, int *found)
{
    qy_cand *spans = NULL;
    unsigned ns = 0;
    *found = 0;
    cs_status rc = qy_across_elided(e, plan, limit, &spans, &ns, NULL);
    if (rc != CS_OK || ns == 0)
        return rc == CS_NOMEM ? rc : CS_OK; /* an I/O error loses the try */
    qy_cand *all = calloc(ns + *n + 1, sizeof *all);
    if (!all) {
        for (unsigned s = 0; s < ns; s++)
            qy_cand_clear(&spans[s]);
        free(spans);
        return CS_NOMEM;
    }
    memcpy(all, spans, ns * sizeof *all);
    unsigned kept = ns;
    for (unsigned i = 0; i < *n; i++) {
        int within = 0;
        for (unsigned s = 0; s < ns && !within; s++)
            within = qy_result_within(&(*c)[i].r, &spans[s].r);
        if (within)
            qy_cand_clear(&(*c)[i]);
        else
            all[kept++] = (*c)[i];
    }
    free(spans);
    free(*c);
    *c = all;
    *n = kept;
    *found = 1;
    return CS_OK;
}

/*
 * A quotation found verbatim (after normalization) in several passages:
 * those that have it as written, letter case and accents included, come
 * first ("quarter. The" before "quarter, the" for a quotation that says
 * "quarter The"), as one pastes a quotation from the source one read.
 * Punctuation and spacing are not compared: a quotation seldom keeps
 * them.  Marks each candidate (its highlights are the quotation) and
 * sets its rank to 1 when its highlighted words are the quotation's as
 * written, else 0; equal ones keep their order by score.
 */
static cs_status rank_as_written(const qy_plan *plan, const char *quotation,
                                 qy_cand *c, unsigned n)
{
    size_t qlen = strlen(quotation);
    char *want = malloc(qlen + 1);
    if (!want)
        return CS_NOMEM;
    size_t wlen = tx_letters(quotation, qlen, want);
    cs_status rc = CS_OK;
    for (unsigned i = 0; rc == CS_OK && i < n; i++) {
        rc = qy_mark_terms(plan, &c[i]);
        c[i].marked = 1;
        /* The letters of its highlights as read (the text its words were
         * read from), while they match the quotation's. */
        const qy_result *r = &c[i].r;
        size_t glen = 0;
        int same = 1;
        for (size_t h = 0; rc == CS_OK && same && h < r->nhighlights; h++) {
            char *words = qy_readable_slice(r, &c[i].pt.words,
                                            r->highlights[h].start - r->byte_start,
                                            r->highlights[h].end - r->byte_start);
            if (!words) {
                rc = CS_NOMEM;
                break;
            }
            size_t wn = strlen(words);
            char *letters = malloc(wn + 1);
            size_t ln = letters ? tx_letters(words, wn, letters) : 0;
            if (!letters)
                rc = CS_NOMEM;
            same = letters && glen + ln <= wlen && memcmp(letters, want + glen, ln) == 0;
            glen += ln;
            free(letters);
            free(words);
        }
        c[i].rank = rc == CS_OK && same && glen == wlen;
        /* The message that says it before the replies that quote it, of
         * passages alike in that. */
        if (rc == CS_OK && match_in_reply(&c[i]))
            c[i].rank -= 0.5;
    }
    free(want);
    return rc;
}

/* How many candidates to read for `limit` results: `pool` (re-ranking
 * reads them all) when that leaves some to spare, else a few more than
 * asked for, since some may be left out (shown_above). */
static unsigned with_spare(unsigned limit, unsigned pool)
{
    return limit < pool ? pool : limit + limit / 2 + 2;
}

/* Reads candidate i of the match set, analyzes its words and, for a
 * quotation not found verbatim, aligns it (its rank: the similarity). */
static cs_status load_cand(qy_engine *e, const qy_plan *plan, xs_mset *mset,
                           unsigned i, int near, qy_cand *c, char **msg)
{
    c->docid = xs_mset_docid(mset, i);
    c->rank = (double)(xs_mset_size(mset) - i); /* the match set's order */
    cs_status rc = qy_cand_read(e, mset, i, &c->r, msg);
    if (rc == CS_OK)
        rc = qy_ptoks_analyze(e->an, &c->r, &c->pt, msg);
    if (rc == CS_OK)
        c->r.quoted = quotes_only(c);
    if (rc == CS_OK && near) {
        rc = qy_near_align(plan, c);
        c->rank = c->al.similarity;
    }
    return rc;
}

/*
 * Long paragraphs are indexed as windows that share 15-25 words, so a
 * match in the shared words is found in two passages.  The second shows
 * nothing the first does not (its highlights all lie within the first's
 * bytes), and listing one quotation twice hides another place it stands:
 * such a passage is left out.  One without highlights is kept, unless it
 * is the very passage above: a stub whose shards hold the same file (two
 * indexes of one folder listed together) finds each passage once in each.
 */
static int shown_above(const qy_answer *out, const qy_result *r)
{
    for (size_t k = 0; k < out->n; k++) {
        const qy_result *a = &out->results[k];
        if (strcmp(a->path, r->path) != 0)
            continue;
        if (a->byte_start == r->byte_start && a->byte_end == r->byte_end)
            return 1;
        if (r->nhighlights == 0)
            continue;
        size_t h = 0;
        while (h < r->nhighlights && r->highlights[h].start >= a->byte_start &&
               r->highlights[h].end <= a->byte_end)
            h++;
        if (h == r->nhighlights)
            return 1;
    }
    return 0;
}

/* An index directory exchanged for a new one (an index run with several
 * writers, a compaction: ix_swap.h) is opened again: the old handle would
 * read the new files of the tables it had not opened yet at its old
 * revision, and mix the two databases.  A removed index fails here,
 * naming it. */
cs_status qy_engine_refresh(qy_engine *e, char **msg)
{
    if (!xs_db_replaced(e->db))
        return xs_db_reopen(e->db, msg);
    xs_db *db = NULL;
    cs_status rc = xs_db_open_with(e->db_path, &e->opts, &db, msg);
    if (rc != CS_OK)
        return rc;
    xs_db_close(e->db);
    e->db = db;
    return CS_OK;
}

static cs_status query_once(qy_engine *e, const qy_request *req,
                            qy_answer *out, char **msg);

cs_status qy_engine_query(qy_engine *e, const qy_request *req, qy_answer *out,
                          char **msg)
{
    cs_status rc = query_once(e, req, out, msg);
    /* Replaced while the query ran: what failed may be the mix. */
    if (rc != CS_OK && xs_db_replaced(e->db) && qy_engine_refresh(e, NULL) == CS_OK) {
        if (msg) {
            free(*msg);
            *msg = NULL;
        }
        rc = query_once(e, req, out, msg);
    }
    return rc;
}

static cs_status query_once(qy_engine *e, const qy_request *req,
                            qy_answer *out, char **msg)
{
    memset(out, 0, sizeof *out);
    qy_parsed parsed;
    cs_status rc = qy_parse(req->query, req->mode, &parsed, msg);
    if (rc != CS_OK)
        return rc;
    for (size_t i = 0; rc == CS_OK && i < req->nfilters; i++)
        rc = qy_parse_add_filter(&parsed, req->filters[i], msg);
    qy_plan plan;
    if (rc == CS_OK)
        rc = qy_plan_build(e, &parsed, &plan, msg);
    qy_parsed_clear(&parsed);
    if (rc != CS_OK) {
        xs_db_take_failure(e->db, NULL);
        return rc;
    }
    /* The plan read the frequencies of its words: a shard lost meanwhile
     * made them 0 (xs_db_termfreq), a plan that is not the index's. */
    rc = xs_db_take_failure(e->db, msg);
    if (rc != CS_OK) {
        qy_plan_clear(&plan);
        return rc;
    }
    out->quote = plan.quote;
    unsigned limit = req->limit ? req->limit : 10;
    if (getenv("CITESEARCH_DEBUG_QUERY")) {
        /* For developers: the Xapian query a request became. */
        char *d = xs_query_describe(plan.query);
        fprintf(stderr, "query: %s\n", d ? d : "?");
        free(d);
        if (plan.loose) {
            d = xs_query_describe(plan.loose);
            fprintf(stderr, "loose: %s\n", d ? d : "?");
            free(d);
        }
    }

    /* Which candidates, and how they are re-ranked.  A few more than the
     * results asked for: a passage whose matches a better one of the same
     * file already shows is left out (see shown_above). */
    int claim = plan.claim;
    unsigned want = with_spare(limit, claim ? QY_CLAIM_CANDIDATES : 0);
    xs_mset *mset = NULL;
    rc = run_search(e, plan.query, want, req, &mset, msg);
    int near = 0;
    if (rc == CS_OK && xs_mset_size(mset) == 0 && plan.loose &&
        plan.quote_terms.n > 0) {
        /* No verbatim match: align the passages that share its words. */
        xs_mset_free(mset);
        mset = NULL;
        near = 1;
        want = with_spare(limit, QY_NEAR_CANDIDATES);
        rc = qy_plan_quote_unknown(e, &plan);
        if (rc == CS_OK)
            rc = xs_db_take_failure(e->db, msg);
        if (rc == CS_OK)
            rc = run_search(e, plan.loose, want, req, &mset, msg);
    }
    unsigned n = rc == CS_OK ? xs_mset_size(mset) : 0;
    qy_cand *c = calloc(n + 1, sizeof *c);
    if (!c)
        rc = CS_NOMEM;
    unsigned char first[256];
    stem_firsts(&plan, first);
    tx_analyzer_stem_only(e->an, first);
    /* Re-ranking needs every candidate read first; otherwise each is read
     * when its turn comes, so the spare ones cost nothing unless used. */
    unsigned got = c ? n : 0;
    int verbatim = plan.quote && !near;
    int rerank = near || claim || verbatim;
    for (unsigned i = 0; rc == CS_OK && i < n && rerank; i++)
        rc = load_cand(e, &plan, mset, i, near, &c[i], msg);
    double *weights = NULL, top = 0;
    if (rc == CS_OK && claim && !(weights = claim_weights(e, &plan, mset)))
        rc = CS_NOMEM;
    if (rc == CS_OK && claim)
        rc = rank_claims(e, &plan, weights, c, got, &top);
    if (rc == CS_OK && verbatim)
        rc = rank_as_written(&plan, req->query, c, got);
    for (unsigned i = 0; rc == CS_OK && plan.ncontext && i < got; i++) {
        /* Who said it: of copies of a quotation, the speaker's first. */
        rc = context_of(e, &plan, &c[i], msg);
        c[i].rank += QY_CONTEXT_WEIGHT * c[i].context;
    }
    if (rc == CS_OK && rerank)
        qsort(c, got, sizeof *c, cmp_rank);
    int joined = 0;
    if (rc == CS_OK && claim)
        rc = join_windows(e, &plan, weights, top, c, got, &joined);
    if (rc == CS_OK && joined)
        qsort(c, got, sizeof *c, cmp_rank);
    free(weights);
    int elided = 0;
    if (rc == CS_OK && near)
        rc = add_elided(e, &plan, &c, &got, limit, &elided);
    if (rc == CS_OK && near && !elided)
        rc = find_across(e, &plan, c, &got, limit);
    for (unsigned i = 0; rc == CS_OK && near && plan.ncontext && i < got; i++)
        if (c[i].docid == 0) /* a span joined across passages: its words beside anew */
            rc = qy_context_mark(e->an, &plan, &c[i], msg);

    unsigned room = got < limit ? got : limit;
    if (rc == CS_OK && room > 0) {
        out->results = calloc(room, sizeof *out->results);
        if (!out->results)
            rc = CS_NOMEM;
    }
    for (unsigned i = 0; rc == CS_OK && i < got && out->n < limit; i++) {
        if (!rerank) /* the match set's order: c[i] is result i */
            rc = load_cand(e, &plan, mset, i, near, &c[i], msg);
        if (rc == CS_OK && !c[i].marked)
            rc = near ? qy_mark_near(&plan, &c[i]) : qy_mark_terms(&plan, &c[i]);
        if (rc == CS_OK && claim)
            rc = names_of(e, &plan, &c[i], msg);
        if (rc != CS_OK || shown_above(out, &c[i].r))
            continue;
        rc = speaker_of(e, &c[i]);
        if (rc != CS_OK)
            continue;
        c[i].r.rank = (unsigned)out->n + 1;
        out->results[out->n++] = c[i].r;
        memset(&c[i].r, 0, sizeof c[i].r);
    }
    if (rc == CS_OK && !rerank)
        rc = quoted_last(out);
    tx_analyzer_stem_only(e->an, NULL);
    for (unsigned i = 0; i < got; i++)
        qy_cand_clear(&c[i]);
    free(c);
    if (mset)
        out->estimated = xs_mset_estimated(mset);
    xs_mset_free(mset);
    qy_plan_clear(&plan);
    if (rc != CS_OK)
        qy_answer_clear(out);
    return rc;
}
