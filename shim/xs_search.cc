/*
 * xs_search.cc - running a query (Xapian::Enquire with BM25 and optional
 * collapsing) and reading the match set, for xs.h.
 *
 * The match set copies the docids and scores out of the Xapian::MSet, so
 * the accessors cannot fail; document data is read lazily, since callers
 * usually show only some of the results.
 */
#include "xs_internal.h"

#include <memory>

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

static Xapian::MSet run(Xapian::Database &db, const Xapian::Query &q,
                        const xs_search_opts &o)
{
    Xapian::Enquire enq(db);
    enq.set_query(q);
    enq.set_weighting_scheme(Xapian::BM25Weight(
        o.bm25_k1, o.bm25_k2, o.bm25_k3, o.bm25_b, o.bm25_min_normlen));
    if (o.tiebreak_slot >= 0)
        enq.set_sort_by_relevance_then_value(
            static_cast<Xapian::valueno>(o.tiebreak_slot), false);
    if (o.collapse_slot >= 0)
        enq.set_collapse_key(static_cast<Xapian::valueno>(o.collapse_slot),
                             o.collapse_max);
    return enq.get_mset(o.offset, o.limit, o.check_at_least);
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
        Xapian::MSet ms;
        try {
            ms = run(db->db, q->q, *opts);
        } catch (const Xapian::DatabaseModifiedError &) {
            /* An indexer committed twice while we read: the revision we
             * had is gone.  Move to the latest one and try once more. */
            db->db.reopen();
            ms = run(db->db, q->q, *opts);
        }
        auto m = std::make_unique<xs_mset>();
        m->db = db->db;
        m->ids.reserve(ms.size());
        m->scores.reserve(ms.size());
        for (auto it = ms.begin(); it != ms.end(); ++it) {
            m->ids.push_back(*it);
            m->scores.push_back(it.get_weight());
        }
        m->data.resize(m->ids.size());
        m->estimated = ms.get_matches_estimated();
        *out = m.release();
        return CS_OK;
    } catch (const Xapian::NetworkError &e) {
        /* Xapian's message names the connection; say which shard of the
         * stub it was, so the user knows which server to check. */
        const xs_db *lost = xs_shard_of_error(db, e);
        if (lost)
            return xs_fail_current(msg, "cannot search: lost shard",
                                   lost->path.c_str());
        return xs_fail_current(msg, "cannot search", db->path.c_str());
    } catch (...) {
        return xs_fail_current(msg, "cannot search", db->path.c_str());
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
    if (!m || i >= m->ids.size())
        return nullptr;
    std::optional<std::string> &slot = m->data[i];
    if (!slot) {
        try {
            /* The docid comes from the match set: Xapian need not look
             * it up first to check that it exists (a lookup per result). */
            slot = m->db.get_document(m->ids[i], Xapian::DOC_ASSUME_VALID)
                       .get_data();
        } catch (...) {
            /* A remote shard lost, the document deleted by a later commit,
             * out of memory: the caller shows the result without data. */
            return nullptr;
        }
    }
    if (len)
        *len = slot->size();
    return slot->c_str();
}

void xs_mset_free(xs_mset *m)
{
    delete m;
}
