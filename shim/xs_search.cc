/*
 * xs_search.cc - running a query (Xapian::Enquire with BM25 and optional
 * collapsing) and reading the match set, for xs.h.
 *
 * The match set copies the docids, scores and document data out of the
 * Xapian::MSet, so the accessors cannot fail.  The data is read with the
 * search, from the revision searched: read later, an indexer that has
 * committed twice since may have reused its blocks, and a result found
 * could no longer be read.
 */
#include "xs_internal.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <iterator>
#include <limits>
#include <memory>
#include <utility>

void xs_search_opts_init(xs_search_opts *opts, unsigned limit)
{
    if (!opts)
        return;
    *opts = xs_search_opts{};
    opts->limit = limit;
    /* The defaults of Xapian::BM25Weight(). */
    opts->bm25_k1 = 1;
    opts->bm25_k2 = 0;
    opts->bm25_k3 = 1;
    opts->bm25_b = 0.5;
    opts->bm25_min_normlen = 0.5;
    opts->collapse_slot = -1;
    opts->collapse_max = 1;
    opts->tiebreak_slot = -1;
}

static Xapian::Enquire enquire(Xapian::Database &db, const Xapian::Query &q,
                               const xs_search_opts &o)
{
    Xapian::Enquire enq(db);
    enq.set_query(q);
    enq.set_weighting_scheme(Xapian::BM25Weight(
        o.bm25_k1, o.bm25_k2, o.bm25_k3, o.bm25_b, o.bm25_min_normlen));
    if (o.collapse_slot >= 0)
        enq.set_collapse_key(static_cast<Xapian::valueno>(o.collapse_slot),
                             o.collapse_max);
    return enq;
}

static void take(xs_mset &m, const Xapian::MSet &ms, unsigned n)
{
    m.ids.clear();
    m.scores.clear();
    for (auto it = ms.begin(); it != ms.end() && m.ids.size() < n; ++it) {
        m.ids.push_back(*it);
        m.scores.push_back(it.get_weight());
    }
}

/* Equal scores in the order of a value.  Xapian's own sort reads the
 * value of every document that competes for a place, and with BM25
 * without length normalization (xs_search_opts) scores are often equal:
 * reading the values cost more than the search.  So, two steps: search in
 * docid order for one more result than wanted.  When the last wanted and
 * the next score alike, equal scores straddle the cut: search again,
 * sorted by the value, among the documents scoring at least that much (a
 * few).  Else the results are the right ones and only runs of equal
 * scores among them are put in value order.  Either way the answer is
 * Xapian's sorted one (unit test).
 *
 * Collapsing keeps the first of each key in the order searched, so with
 * it, and past the first page, Xapian sorts.  So it does for a costly
 * search (costly()), which the two steps may run twice. */

/* A search is costly to run twice when it is a phrase, a query of more
 * than `two_step_max_terms` terms, or a short query of words so common
 * that reading their postings is most of the work ("the", "of the"; the
 * value reads are a small part of it there).  Measured on the keyword and
 * claim sets of bench/speed, against Xapian's sort: queries of up to 8
 * words, 16 terms, 10-35% faster in two steps; longer ones, phrases and
 * common words up to 25% slower (twice as slow for "of the of").  Remote
 * shards always sort: there a second search is a round trip, the value
 * reads are not. */
static const unsigned two_step_max_terms = 16;
static const unsigned common_max_terms = 6;
static const double common_postings = 40000;

static bool positional(const Xapian::Query &q)
{
    const Xapian::Query::op op = q.get_type();
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR)
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (positional(q.get_subquery(i)))
            return true;
    return false;
}

static bool costly(const Xapian::Database &db, bool remote,
                   const Xapian::Query &q)
{
    if (remote)
        return true;
    const auto nterms = static_cast<unsigned>(
        std::distance(q.get_terms_begin(), q.get_terms_end()));
    if (nterms > two_step_max_terms || positional(q))
        return true;
    if (nterms > common_max_terms)
        return false;
    double postings = 0;
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
        postings += db.get_termfreq(*t);
    return postings > common_postings;
}

/*
 * Scores that differ in their last bits only are one score.  Xapian sums a
 * document's term weights in an order that depends on the statistics of
 * the database or shard it is in, so one passage can score a few units in
 * the last place apart from one index to its shards, which would order
 * equal passages by rounding noise instead of by path.  Scores are
 * compared on a grid of about 1e-9 of their size.
 */
double xs_score_key(double s)
{
    if (s == 0 || !std::isfinite(s))
        return s;
    int e;
    std::frexp(s, &e);
    const double unit = std::ldexp(1.0, e - 30);
    return std::round(s / unit) * unit;
}

/* Runs of equal scores (xs_score_key) among m's results put in the order of
 * key(docid) (a value, then the docid: Xapian's order for equal values;
 * or a rank); m holds at most `limit` after. */
template <class Key>
static void order_ties(xs_mset &m, size_t limit, Key key)
{
    for (size_t i = 0; i < m.ids.size() && i < limit;) {
        size_t j = i + 1;
        while (j < m.ids.size() &&
               xs_score_key(m.scores[j]) == xs_score_key(m.scores[i]))
            ++j;
        if (j - i > 1) {
            std::vector<std::pair<decltype(key(0)), Xapian::docid>> run;
            for (size_t k = i; k < j; ++k)
                run.emplace_back(key(m.ids[k]), m.ids[k]);
            std::sort(run.begin(), run.end());
            for (size_t k = i; k < j; ++k)
                m.ids[k] = run[k - i].second;
        }
        i = j;
    }
    if (m.ids.size() > limit) {
        m.ids.resize(limit);
        m.scores.resize(limit);
    }
}

static void order_ties(xs_mset &m, Xapian::Database &db, Xapian::valueno slot,
                       size_t limit)
{
    order_ties(m, limit, [&](Xapian::docid id) {
        return db.get_document(id, Xapian::DOC_ASSUME_VALID).get_value(slot);
    });
}

/*
 * Ranks.  A handle that answers many queries (a batch, a server) does
 * better than both steps: it reads the tie-break value of every document
 * once, into each one's place in (value, docid) order, and searches once,
 * sorted by relevance then that place, which a KeyMaker gives without
 * reading a value.  On the 1,000 keyword queries of bench/batch (medium
 * corpus), three of four need the second step, and one job answers them
 * in 0.74-0.80 s instead of 0.90-1.01 (the same answers).  The table
 * costs 4 bytes a docid and a read of the whole value stream (16 ms for
 * the medium corpus's 100,000 passages), so a handle builds it only
 * after `tie_ranks` tie-broken searches, only for one local database of
 * at most rank_max_docs docids (see ranks_for), and again when it has
 * moved to a newer revision.
 */
static const Xapian::docid rank_max_docs = 1u << 22;

/* A document's rank as a key for Xapian's sort: four bytes, big-endian. */
class RankKey : public Xapian::KeyMaker {
    const std::vector<uint32_t> &ranks_;

  public:
    explicit RankKey(const std::vector<uint32_t> &ranks) : ranks_(ranks) {}
    std::string operator()(const Xapian::Document &doc) const override
    {
        const Xapian::docid id = doc.get_docid();
        const uint32_t r = id < ranks_.size() ? ranks_[id] : UINT32_MAX;
        const char b[4] = {static_cast<char>(r >> 24), static_cast<char>(r >> 16),
                           static_cast<char>(r >> 8), static_cast<char>(r)};
        return std::string(b, 4);
    }
};

/* db.ranks for `slot`: documents without the value first, as Xapian sorts
 * an empty value first, in docid order; then the others by value, then
 * docid.  A file's passages are consecutive docids with one value, so
 * runs of them are sorted, not each document. */
static void build_ranks(xs_db &db, Xapian::valueno slot)
{
    struct run {
        std::string value;
        Xapian::docid first, n;
    };
    std::vector<run> runs;
    for (auto it = db.db.valuestream_begin(slot); it != db.db.valuestream_end(slot);
         ++it) {
        const Xapian::docid id = it.get_docid();
        std::string value = *it;
        if (!runs.empty() && runs.back().first + runs.back().n == id &&
            runs.back().value == value) {
            runs.back().n++;
            continue;
        }
        runs.push_back({std::move(value), id, 1});
    }
    /* Stable: runs of one value stay in docid order. */
    std::stable_sort(runs.begin(), runs.end(),
                     [](const run &a, const run &b) { return a.value < b.value; });
    const Xapian::docid last = db.db.get_lastdocid();
    std::vector<uint32_t> ranks(static_cast<size_t>(last) + 1);
    for (Xapian::docid id = 0; id <= last; ++id)
        ranks[id] = id;
    uint32_t next = last + 1;
    for (const run &r : runs)
        for (Xapian::docid k = 0; k < r.n; ++k)
            ranks[r.first + k] = next++;
    db.ranks.swap(ranks);
    db.rank_slot = slot;
}

/* Whether `db` has ranks for `slot` to search with, built now when it is
 * time (see above).  One local database only: Xapian sums a document's
 * term weights in an order each shard sets, so in shards equal scores
 * can differ by rounding, and the one a unit higher would take a place
 * that the order of the value gives another (the second step's margin is
 * for that); and a remote shard's values would all cross the network. */
static bool ranks_for(xs_db &db, const xs_search_opts &o, Xapian::valueno slot)
{
    if (o.tie_ranks == 0 || db.shards.size() != 1 || db.shards[0]->reconnect)
        return false;
    const Xapian::rev revision = db.db.get_revision();
    if (!db.ranks.empty() && db.rank_slot == slot && db.rank_revision == revision)
        return true;
    std::vector<uint32_t>().swap(db.ranks); /* stale: not kept */
    if (++db.tiebroken < o.tie_ranks || db.db.get_lastdocid() > rank_max_docs)
        return false;
    build_ranks(db, slot);
    db.rank_revision = revision;
    return true;
}

/* One search, sorted by relevance then rank; runs of scores that differ
 * by noise alone put in rank order too. */
static void run_ranked(xs_mset &m, xs_db &db, const Xapian::Query &q,
                       const xs_search_opts &o)
{
    Xapian::Enquire enq = enquire(db.db, q, o);
    enq.set_sort_by_relevance_then_key((new RankKey(db.ranks))->release(), false);
    Xapian::MSet ms = enq.get_mset(o.offset, o.limit, o.check_at_least);
    m.estimated = ms.get_matches_estimated();
    m.counted = ms;
    take(m, ms, o.limit);
    order_ties(m, o.limit, [&](Xapian::docid id) { return db.ranks[id]; });
}

static void run_tiebroken(xs_mset &m, Xapian::Database &db, bool remote,
                          const Xapian::Query &q, const xs_search_opts &o)
{
    const auto slot = static_cast<Xapian::valueno>(o.tiebreak_slot);
    Xapian::Enquire enq = enquire(db, q, o);
    if (o.collapse_slot >= 0 || o.offset > 0 || o.limit == 0 ||
        o.limit == std::numeric_limits<unsigned>::max() ||
        costly(db, remote, q)) {
        enq.set_sort_by_relevance_then_value(slot, false);
        Xapian::MSet ms = enq.get_mset(o.offset, o.limit, o.check_at_least);
        m.estimated = ms.get_matches_estimated();
        m.counted = ms;
        take(m, ms, o.limit);
        /* Xapian's sort splits a run that noise split; put together again
         * here, where a value is no round trip to a server. */
        if (!remote)
            order_ties(m, db, slot, o.limit);
        return;
    }
    Xapian::MSet ms = enq.get_mset(0, o.limit + 1, o.check_at_least);
    m.estimated = ms.get_matches_estimated();
    m.counted = ms;
    take(m, ms, o.limit + 1);
    const double cut = ms.size() > o.limit ? xs_score_key(m.scores[o.limit - 1]) : 0;
    if (ms.size() > o.limit && xs_score_key(m.scores[o.limit]) == cut) {
        /* Equal scores straddle the cut.  Those above it are all in m;
         * the equal ones are searched again in value order, among the
         * documents scoring at least that much, less a margin that holds
         * the ones noise put just below it. */
        std::vector<Xapian::docid> above_ids;
        std::vector<double> above_scores;
        for (size_t i = 0; i < m.ids.size(); ++i)
            if (xs_score_key(m.scores[i]) > cut) {
                above_ids.push_back(m.ids[i]);
                above_scores.push_back(m.scores[i]);
            }
        const double low = m.scores[o.limit - 1];
        enq.set_sort_by_value(slot, false);
        enq.set_cutoff(0, low - std::abs(low) * 1e-8);
        const unsigned want = o.limit + static_cast<unsigned>(above_ids.size());
        Xapian::MSet tied = enq.get_mset(0, want + o.limit);
        m.ids = above_ids;
        m.scores = above_scores;
        for (auto it = tied.begin(); it != tied.end() && m.ids.size() < o.limit; ++it)
            if (xs_score_key(it.get_weight()) == cut) {
                m.ids.push_back(*it);
                m.scores.push_back(it.get_weight());
            }
        /* The ones above, in score order already: their own ties. */
        order_ties(m, db, slot, o.limit);
        return;
    }
    order_ties(m, db, slot, o.limit);
}

static void run(xs_mset &m, xs_db &db, const Xapian::Query &q,
                const xs_search_opts &o)
{
    if (o.tiebreak_slot >= 0 &&
        ranks_for(db, o, static_cast<Xapian::valueno>(o.tiebreak_slot))) {
        run_ranked(m, db, q, o);
        return;
    }
    if (o.tiebreak_slot >= 0) {
        run_tiebroken(m, db.db, xs_has_remote(db), q, o);
        return;
    }
    Xapian::MSet ms = enquire(db.db, q, o).get_mset(o.offset, o.limit,
                                                 o.check_at_least);
    m.estimated = ms.get_matches_estimated();
    m.counted = ms;
    take(m, ms, o.limit);
}

/* Times a search starts again on the latest revision when an indexer's
 * commits overwrote the one it read; each start needs two commits during
 * one search to fail, so a few always suffice but under a pathological
 * stream of commits. */
#define XS_SEARCH_ATTEMPTS 5

/* Reads every result's data into m, from the revision searched. */
static void read_data(xs_mset &m, Xapian::Database &db)
{
    m.data.clear();
    m.data.reserve(m.ids.size());
    /* The docids come from the match set: Xapian need not look each up
     * first to check that it exists. */
    for (Xapian::docid id : m.ids)
        m.data.push_back(db.get_document(id, Xapian::DOC_ASSUME_VALID).get_data());
}

cs_status xs_search(xs_db *db, const xs_query *q, const xs_search_opts *opts,
                    xs_mset **out, char **msg)
{
    if (!out)
        return cs_fail(msg, CS_USAGE, "xs_search: NULL argument");
    *out = nullptr;
    if (!db || !q || !opts)
        return cs_fail(msg, CS_USAGE, "xs_search: NULL argument");
    try {
        std::unique_ptr<xs_mset> m;
        for (int attempt = 1;; attempt++) {
            try {
                m = std::make_unique<xs_mset>();
                run(*m, *db, q->q, *opts);
                read_data(*m, db->db);
                break;
            } catch (const Xapian::DatabaseModifiedError &) {
                /* An indexer committed twice while we read: the revision
                 * we had is gone.  Move to the latest one and start
                 * again. */
                if (attempt == XS_SEARCH_ATTEMPTS)
                    throw;
                db->db.reopen();
            }
        }
        *out = m.release();
        return CS_OK;
    } catch (...) {
        /* Xapian's message names the connection; say which shard of the
         * stub it was, so the user knows which server to check. */
        return xs_fail_in(db, msg, "cannot search");
    }
}

unsigned xs_mset_size(const xs_mset *m)
{
    return m ? static_cast<unsigned>(m->ids.size()) : 0;
}

unsigned xs_mset_estimated(const xs_mset *m)
{
    return m ? m->estimated : 0;
}

xs_docid xs_mset_docid(const xs_mset *m, unsigned i)
{
    return m && i < m->ids.size() ? m->ids[i] : 0;
}

double xs_mset_score(const xs_mset *m, unsigned i)
{
    return m && i < m->scores.size() ? m->scores[i] : 0.0;
}

const char *xs_mset_data(xs_mset *m, unsigned i, size_t *len)
{
    if (!m || i >= m->data.size())
        return nullptr;
    if (len)
        *len = m->data[i].size();
    return m->data[i].c_str();
}

unsigned xs_mset_termfreq(const xs_mset *m, const char *term, size_t len)
{
    if (!m || !term)
        return 0;
    /* Counted during the search for a query term; else Xapian looks it
     * up in the database. */
    try {
        return m->counted.get_termfreq(std::string(term, len));
    } catch (...) {
        return 0;
    }
}

void xs_mset_free(xs_mset *m)
{
    delete m;
}
