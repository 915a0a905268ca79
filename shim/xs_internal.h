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
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <sys/types.h>
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

/* A shard that xs_db_open_with left out (allow_partial), and why. */
struct xs_missing_shard {
    std::string name;
    std::string why;
};

struct xs_db {
    /* Every shard together: what searches and documents go through. */
    Xapian::Database db;
    /* The path given to xs_db_open, or the shard's name (xs_db_name). */
    std::string path;
    /* The shards, each a handle of its own sharing its Xapian internals
     * (and so its remote connection) with `db`; empty in a shard itself.
     * A database directory has one: a copy of itself. */
    std::vector<std::unique_ptr<xs_db>> shards;
    /* Shards left out by allow_partial. */
    std::vector<xs_missing_shard> missing;
    /* A local database: its directory as it was when opened (st_dev,
     * st_ino), to tell when another has taken its place (xs_db_replaced).
     * `dir_known` false for a remote shard and for the whole. */
    bool dir_known = false;
    dev_t dir_dev = 0;
    ino_t dir_ino = 0;
    /* A remote shard: how Xapian's errors on its connection begin their
     * context ("remote:tcp(HOST:PORT)", "remote:prog(PROGRAM ...").
     * Some errors (a connection closed under a search) have no context:
     * `reconnect` then opens a fresh connection to tell whether this
     * shard is the one gone.  Empty for a local shard. */
    std::string remote_context;
    std::function<Xapian::Database()> reconnect;
    /* Each document's place in the order of value slot `rank_slot`, then
     * docid (ranks[docid]), as of revision `rank_revision` (xs_search.cc:
     * ranks); empty until `tiebroken` searches asked for it. */
    std::vector<uint32_t> ranks;
    Xapian::valueno rank_slot = 0;
    Xapian::rev rank_revision = 0;
    unsigned tiebroken = 0;
    /* The first failure of a read that returns no status (xs_db_termfreq),
     * until xs_db_take_failure: a query's plan asks for many terms'
     * frequencies, and a remote shard that stopped answering would make
     * each wait the whole timeout; after one failure the others answer 0
     * at once and the caller, told by xs_db_take_failure, fails. */
    cs_status failed = CS_OK;
    std::string failed_msg;
};

/* Whether `db` or one of its shards is reached over the network. */
inline bool xs_has_remote(const xs_db &db)
{
    if (db.reconnect)
        return true;
    for (const auto &s : db.shards)
        if (s->reconnect)
            return true;
    return false;
}

struct xs_query {
    Xapian::Query q;
};

struct xs_mset {
    std::vector<Xapian::docid> ids;
    std::vector<double> scores;
    /* Each result's document data, read with the search (xs_search.cc);
     * never changed after, so the pointers handed out by xs_mset_data stay
     * valid until xs_mset_free. */
    std::vector<std::string> data;
    unsigned estimated = 0;
    /* The search's match set, for what it counted of the query's terms
     * (xs_mset_termfreq). */
    Xapian::MSet counted;
};

/* The remote shard of `db` that a NetworkError came from, or NULL:
 * Xapian names the connection in the error's context, the user wants the
 * stub's line.  An error without context (the server closed the
 * connection under a search) names no connection: then each remote shard
 * is reconnected to, and the first that cannot be is the one.  Never
 * throws (xs_shards.cc). */
const xs_db *xs_shard_of_error(const xs_db *db, const Xapian::Error &e) noexcept;

/* Must be called from inside a catch block: rethrows the exception being
 * handled, sets *msg to "ACTION 'PATH': explanation: Type: message" and
 * returns the matching status (CS_LOCKED, CS_NOT_FOUND, CS_CORRUPT,
 * CS_NETWORK, CS_XAPIAN, CS_NOMEM, CS_INTERNAL, ...).  Never throws; takes
 * a C string so that the caller's catch block builds no std::string. */
cs_status xs_fail_current(char **msg, const char *action,
                          const char *path) noexcept;

/* xs_fail_current for `action` on `db`, from inside a catch block, naming
 * the remote shard whose connection failed when the error is a
 * NetworkError of one ("ACTION: lost shard 'remote HOST:PORT'"), else the
 * index.  Never throws (xs_shards.cc). */
cs_status xs_fail_in(const xs_db *db, char **msg, const char *action) noexcept;

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
