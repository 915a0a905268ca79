/*
 * xs_internal.h - what the shim's .cc files share: the definitions of the
 * opaque handles of xs.h and the exception-to-status translation.
 *
 * Private to shim/; C code only ever sees xs.h.
 */
#ifndef CITESEARCH_XS_INTERNAL_H
#define CITESEARCH_XS_INTERNAL_H

#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "xs.h"

struct xs_doc {
    Xapian::Document doc;
};

struct xs_wdb {
    Xapian::WritableDatabase db;
    std::string path;
    /* Every change is made inside a Xapian transaction (see xs_db.cc), so
     * that closing without xs_wdb_commit discards it.  `explicit_txn` tells
     * one opened by xs_wdb_begin from one opened implicitly by a change. */
    bool in_txn = false;
    bool explicit_txn = false;
};

struct xs_db {
    Xapian::Database db;
    std::string path;
};

struct xs_query {
    Xapian::Query q;
};

struct xs_mset {
    /* A handle sharing the searched database, so xs_mset_data still works
     * after xs_db_close. */
    Xapian::Database db;
    std::vector<Xapian::docid> ids;
    std::vector<double> scores;
    /* Document data, read on first use; sized once, so the pointers handed
     * out by xs_mset_data stay valid until xs_mset_free. */
    std::vector<std::optional<std::string>> data;
    unsigned estimated = 0;
};

/* Must be called from inside a catch block: rethrows the exception being
 * handled, sets *msg to "ACTION 'PATH': explanation: Type: message" and
 * returns the matching status (CS_LOCKED, CS_NOT_FOUND, CS_CORRUPT,
 * CS_NETWORK, CS_XAPIAN, CS_NOMEM, CS_INTERNAL, ...).  Never throws; takes
 * a C string so that the caller's catch block builds no std::string. */
cs_status xs_fail_current(char **msg, const char *action,
                          const char *path) noexcept;

/* A malloc'd, NUL-terminated copy of `s` for the C side (which frees it
 * with free()); throws std::bad_alloc so callers' catch blocks report it. */
inline char *xs_dup(const std::string &s)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p)
        throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

#endif
