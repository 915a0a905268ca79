/* qy_across.c - a quotation that runs from the end of one paragraph into
 * the next (see qy_cand.h).
 *
 * Passages stop at paragraph breaks, so such a quotation is in no passage
 * verbatim; aligned with the passage that holds most of it, it leaves
 * quoted words over at one end.  Those words are looked for in the same
 * file, in the paragraph before or after, and when the two passages with
 * the break between them hold the quotation verbatim, the answer is that
 * span: one citation, its text read from the file (the blank lines between
 * paragraphs are not stored), the quotation highlighted whole; in an
 * e-mail's part that is decoded to be read (HTML, quoted-printable,
 * base64), the break is looked for in the text it decodes to.  A
 * quotation that is also misremembered is answered so too when the two
 * paragraphs align with it better than the one did, and its aligned span
 * reaches into both: a near match over the break, with its diff.  When
 * the words over are the ones misremembered, no passage holds them as
 * quoted, and the passage indexed next to the one is tried (a file's
 * passages are indexed in order).  A file that is missing or changed
 * since indexing gives no such answer.
 *
 * A long paragraph is stored as windows that share 15-25 words, so a
 * quotation longer than that (a speech's paragraph quoted whole) is in no
 * window verbatim either: the window after or before is joined the same
 * way, the two overlapping in the file, and a quotation over several
 * windows or paragraphs grows one step at a time (QY_ACROSS_STEPS). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ix_doc.h"
#include "qy_cand.h"
#include "schema.h"
#include "xs.h"

/* Passages of the file holding the leftover words that are looked at. */
#define QY_ACROSS_NEIGHBOURS 20
/* Longest break between the two paragraphs (blank lines, spaces). */
#define QY_ACROSS_MAX_GAP 4096
/* Passages joined to one, at most: a quotation of ten windows or more
 * (about 700 words) is cited in parts. */
#define QY_ACROSS_STEPS 8
/* Of the words over at an end, those next to the passage are looked for
 * (a phrase of them): more may lie beyond the next passage. */
#define QY_ACROSS_PROBE 8
/* Longest text a quotation's ellipsis may leave out between two passages
 * it joins (about 600 words). */
#define QY_ACROSS_MAX_ELIDED 4096

/* Up to QY_ACROSS_NEIGHBOURS passages matching `q` (which this frees; NULL
 * when out of memory) that the plan's filters let through, in `path` only
 * unless it is NULL. */
static cs_status search_in(qy_engine *e, const qy_plan *plan, xs_query *q,
                           const char *path, xs_mset **out, char **msg)
{
    if (q && plan->scope) {
        xs_query *two[2] = {q, plan->scope};
        xs_query *in = xs_query_combine(XS_OP_FILTER, two, 2, 0);
        xs_query_free(q);
        q = in;
    }
    if (q && path) {
        char pt[CS_MAX_TERM + 1];
        ix_path_term(path, pt);
        xs_query *two[2] = {q, xs_query_term(pt, strlen(pt), 1, 1)};
        q = two[1] ? xs_query_combine(XS_OP_FILTER, two, 2, 0) : NULL;
        xs_query_free(two[0]);
        xs_query_free(two[1]);
    }
    if (!q)
        return CS_NOMEM;
    xs_search_opts o;
    xs_search_opts_init(&o, QY_ACROSS_NEIGHBOURS);
    cs_status rc = xs_search(qy_engine_db(e), q, &o, out, msg);
    xs_query_free(q);
    return rc;
}

/* Passages of `path` holding the words [from, from + n) of the quotation
 * as a phrase. */
static cs_status neighbours(qy_engine *e, const qy_plan *plan,
                            const char *path, size_t from, size_t n,
                            xs_mset **out, char **msg)
{
    return search_in(e, plan, qy_phrase_query(plan->quote_terms.v + from, n), path,
                     out, msg);
}

/* The file's bytes [start, end) (malloc'd, NUL-terminated), or NULL when
 * they cannot be read whole. */
static char *read_span(const char *root, const char *path, size_t start,
                       size_t end)
{
    char *full = NULL;
    if (asprintf(&full, "%s/%s", root, path) < 0)
        return NULL;
    int fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    free(full);
    if (fd < 0)
        return NULL;
    size_t len = end - start, got = 0;
    char *buf = malloc(len + 1);
    while (buf && got < len) {
        ssize_t n = pread(fd, buf + got, len - got, (off_t)(start + got));
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (!buf || got < len) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

/* Whether `span` (len bytes from the start of `head`'s to the end of
 * `tail`'s, both of which it holds), written in `form`, reads as head's
 * text, a break, and tail's text: nothing with words lies between the
 * two, as a reader sees them (HTML's markup blanked, base64 and
 * quoted-printable decoded). */
static int read_apart_by_a_break(const char *span, size_t len, unsigned form,
                                 const qy_result *head, const qy_result *tail)
{
    tx_read s, h, t;
    int ok = tx_read_form(span, len, form, head->charset, &s) == CS_OK;
    ok &= tx_read_form(head->text, head->text_len, head->form, head->charset,
                       &h) == CS_OK;
    ok &= tx_read_form(tail->text, tail->text_len, tail->form, tail->charset,
                       &t) == CS_OK;
    ok = ok && s.n >= h.n + t.n && memcmp(s.text, h.text, h.n) == 0 &&
         memcmp(s.text + s.n - t.n, t.text, t.n) == 0 &&
         tx_wordless(s.text + h.n, s.n - h.n - t.n);
    tx_read_clear(&s);
    tx_read_clear(&h);
    tx_read_clear(&t);
    return ok;
}

int qy_join_passages(qy_engine *e, const qy_result *head, const qy_result *tail,
                     int elided, double score, qy_cand *out)
{
    /* (Passages of base64 are whole groups of four characters, which a
     * break of two bytes or more keeps apart.) */
    int overlap = tail->byte_start < head->byte_end;
    if (tail->byte_start <= head->byte_start || tail->byte_end <= head->byte_end ||
        (!overlap && tail->byte_start - head->byte_end >
                         (elided ? QY_ACROSS_MAX_ELIDED : QY_ACROSS_MAX_GAP)))
        return 0;
    /* Only a break lies between the two, so they are of one e-mail part,
     * written alike; should they say otherwise, they stay apart. */
    if ((head->charset || tail->charset) &&
        (!head->charset || !tail->charset ||
         strcmp(head->charset, tail->charset) != 0))
        return 0;
    if ((head->form & ~TX_FORM_CUT_BITS) != (tail->form & ~TX_FORM_CUT_BITS))
        return 0;
    char *text = read_span(qy_engine_root(e), head->path, head->byte_start,
                           tail->byte_end);
    if (!text)
        return 0;
    /* The file still says what the index does (so two windows agree where
     * they overlap), and only a break lies between two paragraphs: blank
     * bytes, or for a part that is decoded to be read, blank text (unless
     * an ellipsis leaves out what lies between). */
    size_t len = tail->byte_end - head->byte_start;
    unsigned form = (head->form & ~TX_FORM_CUT_BITS) |
                    TX_FORM_CUT(TX_FORM_LEAD(head->form), TX_FORM_TRAIL(tail->form));
    int apart = memcmp(text, head->text, head->text_len) == 0 &&
                memcmp(text + len - tail->text_len, tail->text,
                       tail->text_len) == 0 &&
                (overlap || elided ||
                 (head->form || head->charset
                      ? read_apart_by_a_break(text, len, form, head, tail)
                      : tx_wordless(text + head->text_len,
                              tail->byte_start - head->byte_end)));
    if (!apart) {
        free(text);
        return 0;
    }
    qy_result *r = &out->r;
    memset(out, 0, sizeof *out);
    r->score = score;
    r->path = strdup(head->path);
    r->title = strdup(head->title);
    r->source = strdup(head->source);
    r->date = strdup(head->date);
    r->url = strdup(head->url);
    r->lang = strdup(head->lang);
    r->paragraph = head->paragraph;
    r->part = head->part;
    r->line_start = head->line_start;
    r->line_end = tail->line_end;
    r->byte_start = head->byte_start;
    r->byte_end = tail->byte_end;
    r->text = text;
    r->text_len = len;
    r->form = form;
    r->charset = head->charset ? strdup(head->charset) : NULL;
    int n = r->line_start == r->line_end
                ? asprintf(&r->cite, "%s:%u", r->path, r->line_start)
                : asprintf(&r->cite, "%s:%u-%u", r->path, r->line_start,
                           r->line_end);
    if (n < 0)
        r->cite = NULL;
    if (!r->path || !r->title || !r->source || !r->date || !r->url || !r->lang ||
        !r->cite || (head->charset && !r->charset)) {
        qy_cand_clear(out);
        return -1;
    }
    return 1;
}

/* The joined span `j`, not verbatim: marked as a near match when it aligns
 * with the quotation better than `c` alone did, and is left marked as
 * sharing terms otherwise.  Its rank is its similarity, as c's was. */
static cs_status better_near(const qy_plan *plan, const qy_cand *c,
                             qy_cand *j)
{
    /* A near match shows the aligned span, not the words' highlights
     * qy_mark_terms gave it. */
    free(j->r.highlights);
    j->r.highlights = NULL;
    j->r.nhighlights = 0;
    j->r.match = QY_MATCH_TERMS;
    cs_status rc = qy_near_align(plan, j);
    if (rc != CS_OK || j->al.similarity <= c->al.similarity)
        return rc;
    j->rank = j->al.similarity;
    return qy_mark_near(plan, j); /* near, or terms below its threshold */
}

/* Whether `o` continues `c` in the file after it (or before it, `before`):
 * a window of its paragraph that overlaps it, or a passage beyond it. */
static int next_to(const qy_result *c, const qy_result *o, int before)
{
    if (strcmp(o->path, c->path) != 0)
        return 0;
    return before ? o->byte_start < c->byte_start && o->byte_end < c->byte_end
                  : o->byte_start > c->byte_start && o->byte_end > c->byte_end;
}

/* Joins `cur` with `other` when it lies next to it in the file (before
 * it, `before`), and the two hold the quotation verbatim or align with it
 * better than `cur` does: *got, and the span in *out. */
static cs_status try_join(qy_engine *e, const qy_plan *plan, const qy_cand *cur,
                          const qy_result *other, int before, qy_cand *out,
                          int *got, char **msg)
{
    /* A quotation with an ellipsis is one phrase plan a part. */
    int elided = plan->nphrases > 1;
    qy_cand joined;
    int j = next_to(&cur->r, other, before)
                ? qy_join_passages(e, before ? other : &cur->r, before ? &cur->r : other,
                                   elided, cur->r.score, &joined)
                : 0;
    if (j <= 0)
        return j < 0 ? CS_NOMEM : CS_OK;
    cs_status rc = qy_ptoks_analyze(qy_engine_analyzer(e), &joined.r, &joined.pt, msg);
    if (rc == CS_OK)
        rc = qy_mark_terms(plan, &joined);
    if (rc == CS_OK && joined.r.match != QY_MATCH_EXACT)
        rc = better_near(plan, cur, &joined);
    /* A near match is the joined span's only when it needs both: a
     * window that holds the quotation as well alone is its answer. */
    const qy_result *head = before ? other : &cur->r, *tail = before ? &cur->r : other;
    int both = joined.al.first >= 0 &&
               joined.r.byte_start + (size_t)joined.al.first < tail->byte_start &&
               joined.r.byte_start + (size_t)joined.al.last > head->byte_end;
    if (rc == CS_OK && (joined.r.match == QY_MATCH_EXACT ||
                        (joined.al.similarity > cur->al.similarity && both))) {
        *out = joined;
        *got = 1;
    } else {
        qy_cand_clear(&joined);
    }
    return rc;
}

/* Joins `cur` with the passage before or after it that holds the quoted
 * words it lacks at that end, when the two hold the quotation verbatim or
 * align with it better than `cur` does: *got, and the span in *out.
 * Those words are looked for as a phrase; when the quotation changed one
 * of them, no passage holds it so, and the passage indexed just before or
 * after `cur` (a file's passages are indexed in order) is tried. */
static cs_status grow(qy_engine *e, const qy_plan *plan, const qy_cand *cur,
                      xs_docid ends[2], qy_cand *out, int *got, char **msg)
{
    *got = 0;
    size_t head = 0, tail = 0, nq = plan->quote_terms.n;
    qy_alignment_end_drops(&cur->al, &head, &tail);
    if (head + tail == 0 || head + tail >= nq)
        return CS_OK;
    cs_status rc = CS_OK;
    for (int before = head > 0 ? 1 : 0; rc == CS_OK && !*got && before >= 0;
         before--) {
        size_t over = before ? head : tail;
        if (over == 0)
            continue;
        size_t probe = over < QY_ACROSS_PROBE ? over : QY_ACROSS_PROBE;
        /* The passage indexed next to cur's first or last. */
        xs_docid next = qy_docid_beside(e, ends[before ? 0 : 1], before), joined = 0;
        xs_mset *m = NULL;
        rc = neighbours(e, plan, cur->r.path, before ? head - probe : nq - tail,
                        probe, &m, msg);
        unsigned n = rc == CS_OK ? xs_mset_size(m) : 0;
        for (unsigned i = 0; rc == CS_OK && !*got && i < n; i++) {
            xs_docid d = xs_mset_docid(m, i);
            if (d == next)
                next = 0; /* tried here */
            qy_result other = {0};
            rc = qy_cand_read(e, m, i, &other, msg);
            if (rc == CS_OK)
                rc = try_join(e, plan, cur, &other, before, out, got, msg);
            qy_result_clear(&other);
            if (*got)
                joined = d;
        }
        xs_mset_free(m);
        if (rc == CS_OK && !*got && next > 0) {
            qy_result other = {0};
            cs_status read = qy_doc_read(e, next, &other, NULL);
            if (read == CS_NOMEM)
                rc = read;
            else if (read == CS_OK)
                rc = try_join(e, plan, cur, &other, before, out, got, msg);
            qy_result_clear(&other);
            if (*got)
                joined = next;
        }
        if (*got)
            ends[before ? 0 : 1] = joined;
    }
    return rc;
}

cs_status qy_across_try(qy_engine *e, const qy_plan *plan, qy_cand *c,
                        int *found, char **msg)
{
    *found = 0;
    /* The span grown so far: c itself until a step joins another. */
    qy_cand cur = *c;
    /* The passages the span starts and ends in: a span of several
     * paragraphs (a heading, a one-word line) grows on from them. */
    xs_docid ends[2] = {c->docid, c->docid};
    int grown = 0;
    cs_status rc = CS_OK;
    for (unsigned step = 0; rc == CS_OK && step < QY_ACROSS_STEPS; step++) {
        qy_cand joined;
        int got = 0;
        rc = grow(e, plan, &cur, ends, &joined, &got, msg);
        if (rc != CS_OK || !got)
            break;
        if (grown)
            qy_cand_clear(&cur);
        cur = joined;
        grown = 1;
        if (cur.r.match == QY_MATCH_EXACT)
            break;
    }
    /* A span that still aligns too little to be a near match is not the
     * answer: c stays as it was. */
    if (grown && rc == CS_OK && cur.r.match != QY_MATCH_TERMS) {
        qy_cand_clear(c);
        *c = cur;
        c->marked = 1;
        *found = 1;
    } else if (grown) {
        qy_cand_clear(&cur);
    }
    return rc;
}

/*
 * A quotation with an ellipsis ("we will respond ... at a time of our
 * choosing") whose parts no one passage holds: in a long paragraph its
 * parts may lie in windows apart (a long part across two), and its words,
 * aligned as one run, do not say where each part is.  So each part is
 * looked for by its first and its last QY_ACROSS_PROBE words (fewer than
 * two windows share, so each probe is whole in some passage), in order:
 * the passages holding the first probe are each joined, in their file,
 * with the nearest passage after them that holds the next probe
 * (QY_ACROSS_MAX_ELIDED bytes apart at most), and so on; a span that then
 * holds every part verbatim is the answer.
 */

/* One probe: words [from, from + n) of part k. */
typedef struct probe {
    size_t k, from, n;
} probe;

/* Passages holding probe p (in any of its part's spellings) as a phrase:
 * in `path` only, unless it is NULL. */
static cs_status probe_passages(qy_engine *e, const qy_plan *plan, probe p,
                                const char *path, xs_mset **out, char **msg)
{
    const qy_phrase_plan *pp = &plan->phrases[p.k];
    xs_query **alt = calloc(pp->nvariants + 1, sizeof *alt);
    if (!alt)
        return CS_NOMEM;
    size_t n = 0;
    for (size_t v = 0; v < pp->nvariants; v++) {
        const qy_strv *w = &pp->variants[v];
        if (p.from >= w->n)
            continue; /* a spelling with fewer words */
        size_t len = p.from + p.n <= w->n ? p.n : w->n - p.from;
        if ((alt[n] = qy_phrase_query(w->v + p.from, len)))
            n++;
    }
    xs_query *q = n > 0 ? xs_query_combine(XS_OP_OR, alt, n, 0) : NULL;
    for (size_t i = 0; i < n; i++)
        xs_query_free(alt[i]);
    free(alt);
    return search_in(e, plan, q, path, out, msg);
}

/* Extends `cur` over probe p: the nearest passage after it in its file
 * holding the probe, joined to it; cur unchanged when a passage within it
 * holds the probe.  *ok 0 when neither. */
static cs_status extend_to_probe(qy_engine *e, const qy_plan *plan, probe p,
                                 qy_cand *cur, int *ok, char **msg)
{
    *ok = 0;
    xs_mset *m = NULL;
    cs_status rc = probe_passages(e, plan, p, cur->r.path, &m, msg);
    unsigned n = rc == CS_OK ? xs_mset_size(m) : 0;
    qy_result best = {0};
    int have = 0;
    for (unsigned i = 0; rc == CS_OK && i < n; i++) {
        qy_result o = {0};
        rc = qy_cand_read(e, m, i, &o, msg);
        if (rc == CS_OK && qy_result_within(&o, &cur->r))
            *ok = 1; /* within the span already */
        int after = rc == CS_OK && next_to(&cur->r, &o, 0) &&
                    (o.byte_start <= cur->r.byte_end ||
                     o.byte_start - cur->r.byte_end <= QY_ACROSS_MAX_ELIDED);
        if (after && (!have || o.byte_start < best.byte_start)) {
            qy_result_clear(&best);
            best = o;
            have = 1;
        } else {
            qy_result_clear(&o);
        }
    }
    xs_mset_free(m);
    if (rc == CS_OK && !*ok && have) {
        qy_cand joined;
        int got = qy_join_passages(e, &cur->r, &best, 1, cur->r.score, &joined);
        if (got < 0)
            rc = CS_NOMEM;
        if (got > 0) {
            qy_cand_clear(cur);
            *cur = joined;
            *ok = 1;
        }
    }
    qy_result_clear(&best);
    return rc;
}

cs_status qy_across_elided(qy_engine *e, const qy_plan *plan, unsigned limit,
                           qy_cand **out, unsigned *nout, char **msg)
{
    *out = NULL;
    *nout = 0;
    if (!plan->quote || plan->nphrases < 2)
        return CS_OK;
    /* Each part's first and last words (one probe when it is short). */
    probe *probes = calloc(2 * plan->nphrases, sizeof *probes);
    qy_cand *spans = calloc(limit + 1, sizeof *spans);
    if (!probes || !spans) {
        free(probes);
        free(spans);
        return CS_NOMEM;
    }
    size_t np = 0;
    for (size_t k = 0; k < plan->nphrases; k++) {
        size_t len = plan->phrases[k].nvariants ? plan->phrases[k].variants[0].n : 0;
        if (len == 0)
            continue;
        size_t n = len < QY_ACROSS_PROBE ? len : QY_ACROSS_PROBE;
        probes[np++] = (probe){k, 0, n};
        if (len > n)
            probes[np++] = (probe){k, len - n, n};
    }
    xs_mset *m = NULL;
    cs_status rc = np ? probe_passages(e, plan, probes[0], NULL, &m, msg) : CS_OK;
    unsigned n = rc == CS_OK ? xs_mset_size(m) : 0, found = 0;
    for (unsigned i = 0; rc == CS_OK && i < n && found < limit; i++) {
        qy_cand cur;
        memset(&cur, 0, sizeof cur);
        rc = qy_cand_read(e, m, i, &cur.r, msg);
        int ok = rc == CS_OK;
        /* A passage of a span found already starts no other. */
        for (unsigned s = 0; ok && s < found; s++)
            ok = !(strcmp(spans[s].r.path, cur.r.path) == 0 &&
                   cur.r.byte_start >= spans[s].r.byte_start &&
                   cur.r.byte_start < spans[s].r.byte_end);
        for (size_t j = 1; rc == CS_OK && ok && j < np; j++)
            rc = extend_to_probe(e, plan, probes[j], &cur, &ok, msg);
        if (rc == CS_OK && ok)
            rc = qy_ptoks_analyze(qy_engine_analyzer(e), &cur.r, &cur.pt, msg);
        if (rc == CS_OK && ok)
            rc = qy_mark_terms(plan, &cur);
        if (rc == CS_OK && ok && cur.r.match == QY_MATCH_EXACT) {
            cur.marked = 1;
            spans[found++] = cur;
        } else {
            qy_cand_clear(&cur);
        }
    }
    xs_mset_free(m);
    free(probes);
    if (rc != CS_OK || found == 0) {
        for (unsigned s = 0; s < found; s++)
            qy_cand_clear(&spans[s]);
        free(spans);
        return rc;
    }
    *out = spans;
    *nout = found;
    return CS_OK;
}
