/*
 * xs_query.cc - the query constructors of xs.h, each wrapping one
 * Xapian::Query.
 *
 * These functions have no message out-parameter: NULL means out of memory,
 * or an argument Xapian rejects (such as a negative scale factor).
 */
#include "xs_internal.h"

#include <unordered_map>

using Q = Xapian::Query;

/* Wraps a built query in a new handle; NULL on any exception. */
template <class Build>
static xs_query *make(Build build)
{
    try {
        return new xs_query{build()};
    } catch (...) {
        return nullptr;
    }
}

xs_query *xs_query_term(const char *term, size_t len, unsigned wqf,
                        unsigned pos)
{
    if (!term)
        return nullptr;
    return make([&] { return Q(std::string(term, len), wqf, pos); });
}

static Q::op xapian_op(xs_op op)
{
    switch (op) {
    case XS_OP_AND: return Q::OP_AND;
    case XS_OP_OR: return Q::OP_OR;
    case XS_OP_AND_NOT: return Q::OP_AND_NOT;
    case XS_OP_AND_MAYBE: return Q::OP_AND_MAYBE;
    case XS_OP_FILTER: return Q::OP_FILTER;
    case XS_OP_PHRASE: return Q::OP_PHRASE;
    case XS_OP_NEAR: return Q::OP_NEAR;
    case XS_OP_SYNONYM: return Q::OP_SYNONYM;
    case XS_OP_ELITE_SET: return Q::OP_ELITE_SET;
    }
    throw Xapian::InvalidArgumentError("unknown xs_op");
}

/* The subqueries of an OR with each repeated one kept once, its weight
 * scaled by its number of copies: an OR adds its subqueries' weights, so
 * matches and weights stay the same, but Xapian's cost for an OR of
 * copies grows with the square of their number (a claim repeating one
 * word 20,000 times took 20 s to answer; now milliseconds). */
static std::vector<Q> merge_copies(std::vector<Q> v)
{
    std::unordered_map<std::string, size_t> seen;
    std::vector<Q> out;
    std::vector<unsigned> copies;
    for (const Q &q : v) {
        auto found = seen.emplace(q.get_description(), out.size());
        if (found.second) {
            out.push_back(q);
            copies.push_back(1);
        } else {
            copies[found.first->second]++;
        }
    }
    if (out.size() == v.size())
        return v;
    for (size_t i = 0; i < out.size(); i++)
        if (copies[i] > 1)
            out[i] = Q(Q::OP_SCALE_WEIGHT, out[i], copies[i]);
    return out;
}

xs_query *xs_query_combine(xs_op op, xs_query *const *subs, size_t n,
                           unsigned window)
{
    if (n && !subs)
        return nullptr;
    return make([&] {
        if (n == 0)
            return Q(); /* matches nothing, whatever the operator */
        std::vector<Q> v;
        v.reserve(n);
        for (size_t i = 0; i < n; i++)
            v.push_back(subs[i] ? subs[i]->q : Q());
        /* For PHRASE and NEAR, Xapian reads window 0 as "the number of
         * subqueries", i.e. an exact phrase; say so explicitly.  For
         * ELITE_SET it is the set size, 0 giving Xapian's default of 10. */
        if ((op == XS_OP_PHRASE || op == XS_OP_NEAR) && window == 0)
            window = static_cast<unsigned>(n);
        if (op == XS_OP_OR && n > 1)
            v = merge_copies(std::move(v));
        return Q(xapian_op(op), v.begin(), v.end(), window);
    });
}

xs_query *xs_query_scale(const xs_query *q, double factor)
{
    if (!q)
        return nullptr;
    return make([&] { return Q(Q::OP_SCALE_WEIGHT, q->q, factor); });
}

xs_query *xs_query_value_range(unsigned slot, const char *lo, const char *hi)
{
    return make([&] {
        if (lo && hi)
            return Q(Q::OP_VALUE_RANGE, slot, lo, hi);
        if (lo)
            return Q(Q::OP_VALUE_GE, slot, lo);
        if (hi)
            return Q(Q::OP_VALUE_LE, slot, hi);
        return Q(Q::MatchAll);
    });
}

xs_query *xs_query_prefix(const char *prefix)
{
    if (!prefix)
        return nullptr;
    return make([&] {
        /* An empty prefix would expand to every term of the database. */
        Q any = *prefix ? Q(Q::OP_WILDCARD, prefix, 0 /* no expansion
                                                       * limit */,
                            Q::WILDCARD_LIMIT_ERROR, Q::OP_OR)
                        : Q(Q::MatchAll);
        /* Scaled by 0 the terms are boolean wherever the query is used,
         * not only on the right of OP_FILTER (where it works as is). */
        return Q(Q::OP_SCALE_WEIGHT, any, 0.0);
    });
}

xs_query *xs_query_match_all(void)
{
    return make([] { return Q(Q::MatchAll); });
}

xs_query *xs_query_match_nothing(void)
{
    return make([] { return Q(Q::MatchNothing); });
}

int xs_query_is_empty(const xs_query *q)
{
    return !q || q->q.empty();
}

char *xs_query_describe(const xs_query *q)
{
    if (!q)
        return nullptr;
    try {
        return xs_dup(q->q.get_description());
    } catch (...) {
        return nullptr;
    }
}

void xs_query_free(xs_query *q)
{
    delete q;
}
