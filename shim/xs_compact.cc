/*
 * xs_compact.cc - merging databases into a new, compact one (xs_compact),
 * over Xapian::Database::compact.
 */
#include "xs_internal.h"

namespace {

/* Xapian keeps the user metadata of every source and lets a Compactor
 * choose when several sources hold one key.  The values arrive in an order
 * that depends on the sources' docids, not on their order, so no rule like
 * "the last source wins" can be built on it.  xs.h promises instead that
 * equal values merge and different ones are an error: this notes the
 * first conflict, reported once compaction returns (an exception thrown
 * from inside Xapian's merge would leave its files half-written). */
class Merger : public Xapian::Compactor {
  public:
    std::string conflict;

    std::string resolve_duplicate_metadata(const std::string &key,
                                           size_t num_tags,
                                           const std::string tags[]) override
    {
        for (size_t i = 1; i < num_tags; i++)
            if (tags[i] != tags[0] && conflict.empty()) {
                /* Glass passes the key as it stores it, after a two-byte
                 * prefix ("\0\xc0") that marks user metadata. */
                bool stored = key.size() >= 2 && key[0] == '\0' &&
                              key[1] == '\xc0';
                conflict = stored ? key.substr(2) : key;
            }
        return tags[0];
    }
};

} // namespace

cs_status xs_compact(const char *const *sources, size_t n, const char *dest,
                     int multipass, char **msg)
{
    if (!sources || n == 0 || !dest)
        return cs_fail(msg, CS_USAGE, "xs_compact: no source or no destination");
    for (size_t i = 0; i < n; i++)
        if (!sources[i])
            return cs_fail(msg, CS_USAGE, "xs_compact: NULL source");
    Xapian::Database all;
    size_t i = 0;
    try {
        for (; i < n; i++)
            all.add_database(Xapian::Database(sources[i]));
    } catch (...) {
        return xs_fail_current(msg, "cannot open", sources[i]);
    }
    try {
        Merger merger;
        /* FULL (Xapian's default) packs blocks without the oversize items
         * of FULLER, so the result stays cheap to update incrementally. */
        unsigned flags = Xapian::Compactor::FULL;
        if (multipass)
            flags |= Xapian::DBCOMPACT_MULTIPASS;
        all.compact(dest, flags, 0, merger);
        if (!merger.conflict.empty())
            return cs_fail(msg, CS_BAD_INPUT,
                           "cannot merge into '%s': the sources hold "
                           "different values for metadata key '%s'",
                           dest, merger.conflict.c_str());
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot compact into", dest);
    }
}
