/* qy_engine.c - answering one query (see qy_engine.h). */
#include "qy_engine.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_location.h"
#include "qy_align.h"
#include "qy_plan.h"
#include "schema.h"
#include "tx.h"
#include "xs.h"

/*
 * BM25 over passages.  Passages are short and of similar length, so length
 * normalization matters less than for whole documents (b 0.5 rather than
 * 0.75); k1 1.2 lets a repeated word count a little more than once.
 */
#define QY_BM25_K1 1.2
#define QY_BM25_B 0.5

/* A quotation not found verbatim: this many passages that share its words
 * are aligned with it, and the best aligned come first.  Enough that the
 * right passage is among them when the quote is misremembered, few
 * enough that a query stays within milliseconds. */
#define QY_NEAR_CANDIDATES 100
/* From this similarity on (1 is verbatim) an aligned passage is a near
 * match, with a diff; below it, it only shares words. */
#define QY_NEAR_MIN_SIMILARITY 0.5

struct qy_engine {
    char *db_path;
    char *root;
    xs_db *db;
    tx_analyzer *an;
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
    *out = NULL;
    qy_engine *e = calloc(1, sizeof *e);
    if (!e || !(e->db_path = strdup(db_path))) {
        free(e);
        return CS_NOMEM;
    }
    cs_status rc = xs_db_open(db_path, &e->db, msg);
    char *root = NULL, *schema = NULL;
    if (rc == CS_OK)
        rc = xs_db_get_metadata(e->db, CS_META_SCHEMA, &schema, NULL, msg);
    if (rc == CS_OK && strcmp(schema, CS_SCHEMA_VERSION) != 0)
        rc = cs_fail(msg, CS_CORRUPT,
                     "%s: not a citesearch index of format %s (found '%s')",
                     db_path, CS_SCHEMA_VERSION, schema);
    if (rc == CS_OK)
        rc = xs_db_get_metadata(e->db, CS_META_ROOT, &root, NULL, msg);
    if (rc == CS_OK)
        rc = ix_root_path(db_path, root, &e->root, msg);
    if (rc == CS_OK)
        rc = tx_analyzer_new(&e->an, msg);
    free(root);
    free(schema);
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
    free(e);
}

const char *qy_engine_root(const qy_engine *e) { return e->root; }
const char *qy_engine_db_path(const qy_engine *e) { return e->db_path; }
struct xs_db *qy_engine_db(qy_engine *e) { return e->db; }
struct tx_analyzer *qy_engine_analyzer(qy_engine *e) { return e->an; }

/* ---- Passage tokens, for highlights and coverage ---- */

typedef struct ptok {
    size_t start, end;     /* relative to the passage */
    unsigned flags;
    size_t term_off, stem_off; /* into the arena, which may still move */
} ptok;

typedef struct ptoks {
    ptok *v;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
    int nomem;
} ptoks;

#define PTERM(pt, i) ((pt)->arena + (pt)->v[i].term_off)
#define PSTEM(pt, i) ((pt)->arena + (pt)->v[i].stem_off)

/* Copies s into the arena; returns 0 when out of memory, else its offset
 * plus one through *off. */
static int arena_copy(ptoks *p, const char *s, size_t len, size_t *off)
{
    if (p->alen + len + 1 > p->acap) {
        size_t cap = p->acap ? p->acap * 2 : 4096;
        while (cap < p->alen + len + 1)
            cap *= 2;
        char *a = realloc(p->arena, cap);
        if (!a)
            return 0;
        p->arena = a;
        p->acap = cap;
    }
    *off = p->alen;
    memcpy(p->arena + *off, s, len);
    p->arena[*off + len] = '\0';
    p->alen += len + 1;
    return 1;
}

static int on_ptok(void *ctx, const tx_token *t)
{
    ptoks *p = ctx;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        ptok *v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            p->nomem = 1;
            return 1;
        }
        p->v = v;
        p->cap = cap;
    }
    ptok k = {.start = t->start, .end = t->end, .flags = t->flags};
    if (!arena_copy(p, t->term, t->term_len, &k.term_off) ||
        !arena_copy(p, t->stem, t->stem_len, &k.stem_off)) {
        p->nomem = 1;
        return 1;
    }
    p->v[p->n++] = k;
    return 0;
}

static cs_status passage_tokens(qy_engine *e, const char *text, size_t len,
                                ptoks *out, char **msg)
{
    memset(out, 0, sizeof *out);
    cs_status rc = tx_analyze(e->an, text, len, 1, on_ptok, out, msg);
    if (rc == CS_OK && out->nomem)
        rc = CS_NOMEM;
    return rc;
}

static void ptoks_clear(ptoks *p)
{
    free(p->v);
    free(p->arena);
    memset(p, 0, sizeof *p);
}

/* ---- Highlights ---- */

typedef struct spans {
    qy_span *v;
    size_t n, cap;
    int nomem;
} spans;

static void spans_add(spans *s, size_t start, size_t end)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        qy_span *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            s->nomem = 1;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = (qy_span){start, end};
}

static int cmp_span(const void *a, const void *b)
{
    const qy_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Sorts and merges overlapping spans. */
static void spans_normalize(spans *s)
{
    if (s->n == 0)
        return;
    qsort(s->v, s->n, sizeof *s->v, cmp_span);
    size_t out = 0;
    for (size_t i = 1; i < s->n; i++) {
        if (s->v[i].start < s->v[out].end) {
            if (s->v[i].end > s->v[out].end)
                s->v[out].end = s->v[i].end;
        } else {
            s->v[++out] = s->v[i];
        }
    }
    s->n = out + 1;
}

/* Finds the occurrences of one phrase variant among the positional
 * tokens; returns how many were added to `out`. */
static size_t find_sequence(const ptoks *pt, const qy_strv *seq, spans *out)
{
    size_t found = 0;
    if (seq->n == 0)
        return 0;
    for (size_t i = 0; i < pt->n; i++) {
        size_t j = i, k = 0;
        while (j < pt->n && k < seq->n) {
            if (pt->v[j].flags & TX_JOINED) {
                j++;
                continue;
            }
            if (strcmp(PTERM(pt, j), seq->v[k]) != 0)
                break;
            j++;
            k++;
        }
        if (k == seq->n) {
            size_t last = j - 1;
            while (pt->v[last].flags & TX_JOINED)
                last--;
            spans_add(out, pt->v[i].start, pt->v[last].end);
            found++;
        }
    }
    return found;
}

static int stem_in(const ptoks *pt, const char *stem)
{
    for (size_t i = 0; i < pt->n; i++)
        if (strcmp(PSTEM(pt, i), stem) == 0)
            return 1;
    return 0;
}

/* Fills the highlights, match kind and unsupported words of `r`. */
static cs_status mark_result(qy_engine *e, const qy_plan *plan, qy_result *r,
                             char **msg)
{
    ptoks pt;
    cs_status rc = passage_tokens(e, r->text, r->text_len, &pt, msg);
    if (rc != CS_OK) {
        ptoks_clear(&pt);
        return rc;
    }
    spans hl = {0};
    size_t phrases_wanted = 0, phrases_found = 0;
    for (size_t p = 0; p < plan->nphrases; p++) {
        const qy_phrase_plan *pp = &plan->phrases[p];
        if (pp->mod == QY_EXCLUDED)
            continue;
        phrases_wanted++;
        size_t found = 0;
        for (size_t v = 0; v < pp->nvariants; v++)
            found += find_sequence(&pt, &pp->variants[v], &hl);
        phrases_found += found > 0;
    }
    r->match = phrases_wanted > 0 && phrases_found == phrases_wanted
                   ? QY_MATCH_EXACT
                   : QY_MATCH_TERMS;
    /* A verbatim quote is highlighted alone, so its first highlight is
     * where the quotation starts. */
    if (!(plan->quote && r->match == QY_MATCH_EXACT))
        for (size_t i = 0; i < pt.n; i++)
            if (!(pt.v[i].flags & TX_STOP) &&
                qy_strv_has(&plan->stems, PSTEM(&pt, i), strlen(PSTEM(&pt, i))))
                spans_add(&hl, pt.v[i].start, pt.v[i].end);
    spans_normalize(&hl);
    if (hl.nomem)
        rc = CS_NOMEM;
    for (size_t i = 0; i < hl.n; i++) {
        hl.v[i].start += r->byte_start;
        hl.v[i].end += r->byte_start;
    }
    r->highlights = hl.v;
    r->nhighlights = hl.n;

    /* Claim words the passage does not contain. */
    if (rc == CS_OK && !plan->quote && plan->nwords > 0) {
        r->unsupported = calloc(plan->nwords, sizeof *r->unsupported);
        if (!r->unsupported)
            rc = CS_NOMEM;
        for (size_t w = 0; rc == CS_OK && w < plan->nwords; w++) {
            const qy_word *qw = &plan->words[w];
            if (stem_in(&pt, qw->stem) ||
                (qw->joined_stem && stem_in(&pt, qw->joined_stem)))
                continue;
            if (!(r->unsupported[r->nunsupported] = strdup(qw->text)))
                rc = CS_NOMEM;
            else
                r->nunsupported++;
        }
    }
    ptoks_clear(&pt);
    return rc;
}

/* ---- Near matches of a quotation ---- */

/* The alignment of one candidate with the quotation. */
typedef struct near_cand {
    qy_result r;
    qy_alignment al;
    ptoks pt;
} near_cand;

static cs_status align_candidate(qy_engine *e, const qy_plan *plan,
                                 near_cand *c, char **msg)
{
    cs_status rc = passage_tokens(e, c->r.text, c->r.text_len, &c->pt, msg);
    if (rc != CS_OK)
        return rc;
    size_t nq = plan->quote_terms.n, np = 0;
    qy_align_tok *q = calloc(nq + 1, sizeof *q);
    qy_align_tok *p = calloc(c->pt.n + 1, sizeof *p);
    if (!q || !p)
        rc = CS_NOMEM;
    for (size_t i = 0; rc == CS_OK && i < nq; i++)
        q[i] = (qy_align_tok){plan->quote_terms.v[i], plan->quote_stems.v[i], 0, 0};
    for (size_t i = 0; rc == CS_OK && i < c->pt.n; i++) {
        if (c->pt.v[i].flags & TX_JOINED)
            continue;
        p[np++] = (qy_align_tok){PTERM(&c->pt, i), PSTEM(&c->pt, i),
                                 c->pt.v[i].start, c->pt.v[i].end};
    }
    if (rc == CS_OK)
        rc = qy_align(q, nq, p, np, &c->al);
    /* Map aligned passage tokens back to bytes now, while p is here. */
    if (rc == CS_OK) {
        for (size_t k = 0; k < c->al.nops; k++) {
            qy_align_op *o = &c->al.ops[k];
            if (o->pn > 0) {
                size_t first = (size_t)o->p, last = (size_t)(o->p + o->pn - 1);
                o->p = (int)p[first].start;
                o->pn = (int)(p[last].end - p[first].start);
            }
        }
        if (c->al.first >= 0) {
            size_t a = p[c->al.first].start, b = p[c->al.last].end;
            c->al.first = (int)a;
            c->al.last = (int)b;
        }
    }
    free(q);
    free(p);
    return rc;
}

static int cmp_near(const void *x, const void *y)
{
    const near_cand *a = x, *b = y;
    if (a->al.similarity != b->al.similarity)
        return a->al.similarity > b->al.similarity ? -1 : 1;
    return a->r.score > b->r.score ? -1 : a->r.score < b->r.score;
}

/* Joins the words [from, from + n) of a strv with spaces (malloc'd). */
static char *join_words(const qy_strv *v, int from, int n)
{
    size_t len = 1;
    for (int i = from; i < from + n; i++)
        len += strlen(v->v[i]) + 1;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = from; i < from + n; i++) {
        if (i > from)
            strcat(s, " ");
        strcat(s, v->v[i]);
    }
    return s;
}

/* Fills a near result: the aligned span as its highlight, and the diff. */
static cs_status mark_near(const qy_plan *plan, near_cand *c)
{
    qy_result *r = &c->r;
    r->match = c->al.similarity >= QY_NEAR_MIN_SIMILARITY ? QY_MATCH_NEAR
                                                          : QY_MATCH_TERMS;
    if (c->al.first >= 0) {
        r->highlights = malloc(sizeof *r->highlights);
        if (!r->highlights)
            return CS_NOMEM;
        r->highlights[0] = (qy_span){r->byte_start + (size_t)c->al.first,
                                     r->byte_start + (size_t)c->al.last};
        r->nhighlights = 1;
    }
    if (r->match != QY_MATCH_NEAR)
        return CS_OK;
    r->diff = calloc(c->al.nops + 1, sizeof *r->diff);
    if (!r->diff)
        return CS_NOMEM;
    for (size_t k = 0; k < c->al.nops; k++) {
        const qy_align_op *o = &c->al.ops[k];
        qy_diff_op *d = &r->diff[r->ndiff++];
        d->op = o->op;
        d->query = o->qn ? join_words(&plan->quote_texts, o->q, o->qn) : strdup("");
        d->source = o->pn ? strndup(r->text + o->p, (size_t)o->pn) : strdup("");
        if (!d->query || !d->source)
            return CS_NOMEM;
    }
    return CS_OK;
}

/* ---- Results ---- */

static char *json_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return strdup(s ? s : "");
}

static unsigned json_uint(json_t *o, const char *key)
{
    return (unsigned)json_integer_value(json_object_get(o, key));
}

/* Reads a passage's document data (schema.h) into `r`. */
static cs_status read_result(const char *data, size_t len, qy_result *r,
                             char **msg)
{
    const char *nl = memchr(data, '\n', len);
    if (!nl)
        return cs_fail(msg, CS_CORRUPT, "passage data without text");
    json_error_t err;
    json_t *o = json_loadb(data, (size_t)(nl - data), 0, &err);
    if (!o)
        return cs_fail(msg, CS_CORRUPT, "passage data: %s", err.text);
    r->path = json_str(o, "path");
    r->title = json_str(o, "title");
    r->source = json_str(o, "source");
    r->date = json_str(o, "date");
    r->url = json_str(o, "url");
    r->lang = json_str(o, "lang");
    r->paragraph = json_uint(o, "paragraph");
    r->part = json_uint(o, "part");
    r->line_start = json_uint(o, "line_start");
    r->line_end = json_uint(o, "line_end");
    r->byte_start = (size_t)json_integer_value(json_object_get(o, "byte_start"));
    r->byte_end = (size_t)json_integer_value(json_object_get(o, "byte_end"));
    json_decref(o);
    r->text_len = len - (size_t)(nl + 1 - data);
    r->text = malloc(r->text_len + 1);
    if (r->text) {
        memcpy(r->text, nl + 1, r->text_len);
        r->text[r->text_len] = '\0';
    }
    int n = r->line_end > r->line_start
                ? asprintf(&r->cite, "%s:%u-%u", r->path ? r->path : "",
                           r->line_start, r->line_end)
                : asprintf(&r->cite, "%s:%u", r->path ? r->path : "",
                           r->line_start);
    if (n < 0)
        r->cite = NULL;
    if (!r->path || !r->title || !r->source || !r->date || !r->url ||
        !r->lang || !r->text || !r->cite)
        return CS_NOMEM;
    return CS_OK;
}

static void result_clear(qy_result *r)
{
    free(r->path);
    free(r->title);
    free(r->source);
    free(r->date);
    free(r->url);
    free(r->lang);
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
}

void qy_answer_clear(qy_answer *a)
{
    for (size_t i = 0; i < a->n; i++)
        result_clear(&a->results[i]);
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
    if (req->per_doc > 0) {
        o.collapse_slot = CS_SLOT_PATH;
        o.collapse_max = req->per_doc;
    }
    return xs_search(e->db, q, &o, mset, msg);
}

/* Reads result i of the match set into r. */
static cs_status read_hit(qy_engine *e, xs_mset *mset, unsigned i,
                          qy_result *r, char **msg)
{
    size_t len = 0;
    const char *data = xs_mset_data(mset, i, &len);
    if (!data)
        return cs_fail(msg, CS_IO, "%s: cannot read result %u", e->db_path,
                       i + 1);
    r->score = xs_mset_score(mset, i);
    return read_result(data, len, r, msg);
}

/* Quote mode without a verbatim match: aligns the n candidates with the
 * quotation and answers the best req->limit, best aligned first. */
static cs_status answer_near(qy_engine *e, const qy_plan *plan,
                             const qy_request *req, xs_mset *mset, unsigned n,
                             qy_answer *out, char **msg)
{
    near_cand *c = calloc(n + 1, sizeof *c);
    if (!c)
        return CS_NOMEM;
    cs_status rc = CS_OK;
    unsigned got = 0;
    for (unsigned i = 0; rc == CS_OK && i < n; i++, got++) {
        rc = read_hit(e, mset, i, &c[i].r, msg);
        if (rc == CS_OK)
            rc = align_candidate(e, plan, &c[i], msg);
    }
    if (rc == CS_OK)
        qsort(c, got, sizeof *c, cmp_near);
    unsigned keep = got < req->limit ? got : req->limit;
    if (rc == CS_OK && keep > 0) {
        out->results = calloc(keep, sizeof *out->results);
        if (!out->results)
            rc = CS_NOMEM;
    }
    for (unsigned i = 0; rc == CS_OK && i < keep; i++) {
        rc = mark_near(plan, &c[i]);
        c[i].r.rank = i + 1;
        out->results[out->n++] = c[i].r;
        memset(&c[i].r, 0, sizeof c[i].r);
    }
    for (unsigned i = 0; i < got; i++) {
        result_clear(&c[i].r);
        qy_alignment_clear(&c[i].al);
        ptoks_clear(&c[i].pt);
    }
    free(c);
    return rc;
}

cs_status qy_engine_query(qy_engine *e, const qy_request *req, qy_answer *out,
                          char **msg)
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
    if (rc != CS_OK)
        return rc;
    out->quote = plan.quote;

    xs_mset *mset = NULL;
    rc = run_search(e, plan.query, req->limit, req, &mset, msg);
    int near = 0;
    if (rc == CS_OK && xs_mset_size(mset) == 0 && plan.loose &&
        plan.quote_terms.n > 0) {
        /* No verbatim match: align the passages that share its words. */
        xs_mset_free(mset);
        mset = NULL;
        near = 1;
        unsigned k = req->limit > QY_NEAR_CANDIDATES ? req->limit : QY_NEAR_CANDIDATES;
        rc = run_search(e, plan.loose, k, req, &mset, msg);
    }
    unsigned n = rc == CS_OK ? xs_mset_size(mset) : 0;
    if (near) {
        rc = answer_near(e, &plan, req, mset, n, out, msg);
        n = 0;
    }
    if (n > 0) {
        out->results = calloc(n, sizeof *out->results);
        if (!out->results)
            rc = CS_NOMEM;
    }
    for (unsigned i = 0; rc == CS_OK && i < n; i++) {
        qy_result *r = &out->results[out->n++];
        r->rank = i + 1;
        rc = read_hit(e, mset, i, r, msg);
        if (rc == CS_OK)
            rc = mark_result(e, &plan, r, msg);
    }
    if (mset)
        out->estimated = xs_mset_estimated(mset);
    xs_mset_free(mset);
    qy_plan_clear(&plan);
    if (rc != CS_OK)
        qy_answer_clear(out);
    return rc;
}
