/*
 * xs_db.cc - documents, the writable database and the read-only database of
 * xs.h, over Xapian::Document, Xapian::WritableDatabase and
 * Xapian::Database.
 *
 * Transactions: xs.h promises that changes not committed by xs_wdb_commit
 * are discarded, never half-written.  Xapian alone does not give that:
 * outside a transaction it commits by itself every XAPIAN_FLUSH_THRESHOLD
 * documents and again in the WritableDatabase destructor.  So every change
 * happens inside a Xapian transaction: the one xs_wdb_begin opened, or, when
 * a caller changes the database without it, one opened implicitly by that
 * change (ensure_txn).  xs_wdb_commit commits either kind; xs_wdb_cancel and
 * xs_wdb_close drop it.
 */
#include "xs_internal.h"

#include <memory>

/* ------------------------------------------------------------------ */
/* Documents                                                            */
/* ------------------------------------------------------------------ */

xs_doc *xs_doc_new(void)
{
    try {
        return new xs_doc();
    } catch (...) {
        return nullptr;
    }
}

void xs_doc_free(xs_doc *doc)
{
    delete doc;
}

/* The term as the std::string Xapian takes, in a buffer each thread
 * reuses: a term longer than the short-string buffer would otherwise cost
 * an allocation per word indexed (Xapian copies it anyway). */
static const std::string &term_string(const char *term, size_t len)
{
    thread_local std::string buf;
    buf.assign(term, len);
    return buf;
}

/* The document functions have no message out-parameter: only the status. */
cs_status xs_doc_add_posting(xs_doc *doc, const char *term, size_t len,
                             unsigned pos, unsigned wdf_inc)
{
    if (!doc || !term)
        return CS_USAGE;
    try {
        doc->doc.add_posting(term_string(term, len), pos, wdf_inc);
        return CS_OK;
    } catch (...) {
        return xs_fail_current(nullptr, "add_posting", nullptr);
    }
}

cs_status xs_doc_add_term(xs_doc *doc, const char *term, size_t len,
                          unsigned wdf_inc)
{
    if (!doc || !term)
        return CS_USAGE;
    try {
        doc->doc.add_term(term_string(term, len), wdf_inc);
        return CS_OK;
    } catch (...) {
        return xs_fail_current(nullptr, "add_term", nullptr);
    }
}

cs_status xs_doc_add_boolean_term(xs_doc *doc, const char *term, size_t len)
{
    if (!doc || !term)
        return CS_USAGE;
    try {
        doc->doc.add_boolean_term(term_string(term, len));
        return CS_OK;
    } catch (...) {
        return xs_fail_current(nullptr, "add_boolean_term", nullptr);
    }
}

cs_status xs_doc_set_value(xs_doc *doc, unsigned slot, const char *val,
                           size_t len)
{
    if (!doc || (!val && len))
        return CS_USAGE;
    try {
        doc->doc.add_value(slot, val ? std::string(val, len) : std::string());
        return CS_OK;
    } catch (...) {
        return xs_fail_current(nullptr, "set_value", nullptr);
    }
}

cs_status xs_doc_set_data(xs_doc *doc, const char *data, size_t len)
{
    if (!doc || (!data && len))
        return CS_USAGE;
    try {
        doc->doc.set_data(data ? std::string(data, len) : std::string());
        return CS_OK;
    } catch (...) {
        return xs_fail_current(nullptr, "set_data", nullptr);
    }
}

/* ------------------------------------------------------------------ */
/* Shared by both kinds of database                                     */
/* ------------------------------------------------------------------ */

static cs_status get_metadata(const Xapian::Database &db, const char *key,
                              char **val, size_t *len)
{
    std::string v = db.get_metadata(key);
    *val = xs_dup(v);
    if (len)
        *len = v.size();
    return CS_OK;
}

static cs_status metadata_each(const Xapian::Database &db, const char *prefix,
                               xs_metadata_fn fn, void *ctx)
{
    const std::string p(prefix ? prefix : "");
    for (auto it = db.metadata_keys_begin(p); it != db.metadata_keys_end(p);
         ++it) {
        const std::string key = *it;
        const std::string val = db.get_metadata(key);
        if (fn(ctx, key.c_str(), val.c_str(), val.size()))
            break;
    }
    return CS_OK;
}

/* ------------------------------------------------------------------ */
/* Writable database                                                    */
/* ------------------------------------------------------------------ */

cs_status xs_wdb_open(const char *path, int create, xs_wdb **out, char **msg)
{
    if (!out)
        return cs_fail(msg, CS_USAGE, "xs_wdb_open: NULL argument");
    *out = nullptr;
    if (!path)
        return cs_fail(msg, CS_USAGE, "xs_wdb_open: NULL argument");
    try {
        auto db = std::make_unique<xs_wdb>();
        db->path = path;
        /* No DB_RETRY_LOCK: a held lock fails at once (DatabaseLockError).
         * Without create, a missing path is DatabaseNotFoundError. */
        db->db = Xapian::WritableDatabase(
            path, create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
        *out = db.release();
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot open", path);
    }
}

cs_status xs_wdb_open_scratch(const char *path, xs_wdb **out, char **msg)
{
    if (!out)
        return cs_fail(msg, CS_USAGE, "xs_wdb_open_scratch: NULL argument");
    *out = nullptr;
    if (!path)
        return cs_fail(msg, CS_USAGE, "xs_wdb_open_scratch: NULL argument");
    try {
        auto db = std::make_unique<xs_wdb>();
        db->path = path;
        db->db = Xapian::WritableDatabase(
            path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        *out = db.release();
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot create", path);
    }
}

void xs_wdb_close(xs_wdb *db)
{
    if (!db)
        return;
    try {
        /* Drop what was not committed.  Normally that is the open
         * transaction; if a failed commit left changes outside one,
         * cancelling an unflushed transaction discards those too (Xapian
         * documents this), where the destructor would commit them. */
        if (!db->in_txn)
            db->db.begin_transaction(false);
        db->db.cancel_transaction();
    } catch (...) {
        /* Nothing to report to: the destructor still releases the lock. */
    }
    delete db;
}

/* Opens the implicit transaction that a change outside xs_wdb_begin joins. */
static void ensure_txn(xs_wdb *db)
{
    if (db->in_txn)
        return;
    db->db.begin_transaction(true);
    db->in_txn = true;
    db->explicit_txn = false;
}

cs_status xs_wdb_begin(xs_wdb *db, char **msg)
{
    if (!db)
        return cs_fail(msg, CS_USAGE, "xs_wdb_begin: NULL database");
    if (db->explicit_txn)
        return cs_fail(msg, CS_USAGE,
                       "cannot begin a transaction on '%s': one is already "
                       "in progress", db->path.c_str());
    try {
        /* Changes already made since the last commit (an implicit
         * transaction) simply become part of this one. */
        ensure_txn(db);
        db->explicit_txn = true;
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot begin a transaction on",
                               db->path.c_str());
    }
}

cs_status xs_wdb_commit(xs_wdb *db, char **msg)
{
    if (!db)
        return cs_fail(msg, CS_USAGE, "xs_wdb_commit: NULL database");
    if (!db->in_txn)
        return CS_OK; /* nothing changed since the last commit */
    /* Xapian ends the transaction even when the commit fails. */
    db->in_txn = db->explicit_txn = false;
    try {
        db->db.commit_transaction();
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot commit to", db->path.c_str());
    }
}

cs_status xs_wdb_cancel(xs_wdb *db, char **msg)
{
    if (!db)
        return cs_fail(msg, CS_USAGE, "xs_wdb_cancel: NULL database");
    if (!db->in_txn)
        return CS_OK; /* nothing to drop */
    db->in_txn = db->explicit_txn = false;
    try {
        db->db.cancel_transaction();
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot cancel the transaction on",
                               db->path.c_str());
    }
}

cs_status xs_wdb_add(xs_wdb *db, const xs_doc *doc, xs_docid *docid,
                     char **msg)
{
    if (!db || !doc)
        return cs_fail(msg, CS_USAGE, "xs_wdb_add: NULL argument");
    try {
        ensure_txn(db);
        Xapian::docid id = db->db.add_document(doc->doc);
        if (docid)
            *docid = id;
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot add a document to",
                               db->path.c_str());
    }
}

cs_status xs_wdb_replace_by_term(xs_wdb *db, const char *term,
                                 const xs_doc *doc, char **msg)
{
    if (!db || !term || !doc)
        return cs_fail(msg, CS_USAGE, "xs_wdb_replace_by_term: NULL argument");
    try {
        ensure_txn(db);
        db->db.replace_document(term, doc->doc);
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot replace a document in",
                               db->path.c_str());
    }
}

cs_status xs_wdb_delete_by_term(xs_wdb *db, const char *term, char **msg)
{
    if (!db || !term)
        return cs_fail(msg, CS_USAGE, "xs_wdb_delete_by_term: NULL argument");
    try {
        ensure_txn(db);
        db->db.delete_document(term);
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot delete documents from",
                               db->path.c_str());
    }
}

cs_status xs_wdb_delete_by_term_from(xs_wdb *db, const char *term,
                                     xs_docid first, char **msg)
{
    if (!db || !term)
        return cs_fail(msg, CS_USAGE,
                       "xs_wdb_delete_by_term_from: NULL argument");
    try {
        ensure_txn(db);
        /* The docids first: deleting while walking a posting list is not
         * allowed. */
        std::vector<Xapian::docid> ids;
        Xapian::PostingIterator it = db->db.postlist_begin(term);
        const Xapian::PostingIterator end = db->db.postlist_end(term);
        if (it != end)
            it.skip_to(first);
        for (; it != end; ++it)
            ids.push_back(*it);
        for (Xapian::docid id : ids)
            db->db.delete_document(id);
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot delete documents from",
                               db->path.c_str());
    }
}

cs_status xs_wdb_set_metadata(xs_wdb *db, const char *key, const char *val,
                              size_t len, char **msg)
{
    if (!db || !key || (!val && len))
        return cs_fail(msg, CS_USAGE, "xs_wdb_set_metadata: NULL argument");
    try {
        ensure_txn(db);
        db->db.set_metadata(key, val ? std::string(val, len) : std::string());
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot set metadata in",
                               db->path.c_str());
    }
}

cs_status xs_wdb_get_metadata(xs_wdb *db, const char *key, char **val,
                              size_t *len, char **msg)
{
    if (!db || !key || !val)
        return cs_fail(msg, CS_USAGE, "xs_wdb_get_metadata: NULL argument");
    *val = nullptr;
    try {
        return get_metadata(db->db, key, val, len);
    } catch (...) {
        return xs_fail_current(msg, "cannot read metadata from",
                               db->path.c_str());
    }
}

cs_status xs_wdb_metadata_each(xs_wdb *db, const char *prefix,
                               xs_metadata_fn fn, void *ctx, char **msg)
{
    if (!db || !fn)
        return cs_fail(msg, CS_USAGE, "xs_wdb_metadata_each: NULL argument");
    try {
        return metadata_each(db->db, prefix, fn, ctx);
    } catch (...) {
        return xs_fail_current(msg, "cannot list metadata of",
                               db->path.c_str());
    }
}

unsigned xs_wdb_doccount(xs_wdb *db)
{
    if (!db)
        return 0;
    try {
        return db->db.get_doccount();
    } catch (...) {
        return 0;
    }
}

/* ------------------------------------------------------------------ */
/* Read-only database (opened in xs_shards.cc)                          */
/* ------------------------------------------------------------------ */

/* Over several shards, the first value that is set: each file's record is
 * in its own shard, and Xapian 1.4 would read the first shard only. */
static std::string shards_metadata(const xs_db &db, const std::string &key)
{
    if (db.shards.size() <= 1)
        return db.db.get_metadata(key);
    for (const auto &s : db.shards) {
        std::string v = s->db.get_metadata(key);
        if (!v.empty())
            return v;
    }
    return std::string();
}

/* Over several shards, a merge of their sorted key lists: each key once,
 * in order, with the value shards_metadata would give. */
static void shards_metadata_each(const xs_db &db, const char *prefix,
                                 xs_metadata_fn fn, void *ctx)
{
    if (db.shards.size() <= 1) {
        metadata_each(db.db, prefix, fn, ctx);
        return;
    }
    const std::string p(prefix ? prefix : "");
    const Xapian::TermIterator end;
    std::vector<Xapian::TermIterator> its;
    for (const auto &s : db.shards)
        its.push_back(s->db.metadata_keys_begin(p));
    for (;;) {
        size_t first = its.size();
        std::string key;
        for (size_t i = 0; i < its.size(); i++) {
            if (its[i] == end)
                continue;
            std::string k = *its[i];
            if (first == its.size() || k < key) {
                first = i;
                key = std::move(k);
            }
        }
        if (first == its.size())
            break;
        const std::string val = db.shards[first]->db.get_metadata(key);
        for (auto &it : its)
            while (it != end && *it == key)
                ++it;
        if (fn(ctx, key.c_str(), val.c_str(), val.size()))
            break;
    }
}

cs_status xs_db_reopen(xs_db *db, char **msg)
{
    if (!db)
        return cs_fail(msg, CS_USAGE, "xs_db_reopen: NULL argument");
    try {
        /* Every shard's handle shares its internals with db->db. */
        db->db.reopen();
        return CS_OK;
    } catch (...) {
        /* Said as a search says it (xs_search.cc): the reopen is a
         * search's first step, and the user wants the shard named. */
        return xs_fail_in(db, msg, "cannot search");
    }
}

unsigned xs_db_doccount(xs_db *db)
{
    if (!db)
        return 0;
    try {
        return db->db.get_doccount();
    } catch (...) {
        return 0;
    }
}

/* Called from a catch block: keeps the error for xs_db_take_failure,
 * naming the remote shard it came from when it is one. */
static void keep_failure(xs_db *db) noexcept
{
    char *why = nullptr;
    db->failed = xs_fail_in(db, &why, "cannot read the index");
    try {
        db->failed_msg = why ? why : cs_status_to_string(db->failed);
    } catch (...) {
        db->failed_msg.clear();
    }
    std::free(why);
}

unsigned xs_db_termfreq(xs_db *db, const char *term, size_t len)
{
    if (!db || !term || db->failed != CS_OK)
        return 0;
    try {
        return db->db.get_termfreq(std::string(term, len));
    } catch (...) {
        keep_failure(db);
        return 0;
    }
}

cs_status xs_db_take_failure(xs_db *db, char **msg)
{
    if (!db || db->failed == CS_OK)
        return CS_OK;
    const cs_status st = db->failed;
    db->failed = CS_OK;
    cs_fail(msg, st, "%s", db->failed_msg.c_str());
    db->failed_msg.clear();
    return st;
}

uint64_t xs_db_total_length(xs_db *db)
{
    if (!db)
        return 0;
    try {
        return db->db.get_total_length();
    } catch (...) {
        return 0;
    }
}

uint64_t xs_db_doclength_upper_bound(xs_db *db)
{
    if (!db)
        return UINT64_MAX;
    try {
        return db->db.get_doclength_upper_bound();
    } catch (...) {
        return UINT64_MAX;
    }
}

int xs_db_wdf_reaches(xs_db *db, const char *term, size_t len, unsigned k)
{
    if (!db || !term)
        return 1;
    try {
        std::string t(term, len);
        if (db->db.get_wdf_upper_bound(t) < k)
            return 0;
        if (xs_has_remote(*db))
            return 1;
        Xapian::PostingIterator end = db->db.postlist_end(t);
        for (Xapian::PostingIterator it = db->db.postlist_begin(t); it != end; ++it)
            if (it.get_wdf() >= k)
                return 1;
        return 0;
    } catch (...) {
        return 1; /* not known: the phrase is asked */
    }
}

cs_status xs_db_get_metadata(xs_db *db, const char *key, char **val,
                             size_t *len, char **msg)
{
    if (!db || !key || !val)
        return cs_fail(msg, CS_USAGE, "xs_db_get_metadata: NULL argument");
    *val = nullptr;
    try {
        std::string v = shards_metadata(*db, key);
        *val = xs_dup(v);
        if (len)
            *len = v.size();
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot read metadata from",
                               db->path.c_str());
    }
}

cs_status xs_db_metadata_each(xs_db *db, const char *prefix,
                              xs_metadata_fn fn, void *ctx, char **msg)
{
    if (!db || !fn)
        return cs_fail(msg, CS_USAGE, "xs_db_metadata_each: NULL argument");
    try {
        shards_metadata_each(*db, prefix, fn, ctx);
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot list metadata of",
                               db->path.c_str());
    }
}

cs_status xs_db_get_data(xs_db *db, xs_docid docid, char **data, size_t *len,
                         char **msg)
{
    if (!db || !data)
        return cs_fail(msg, CS_USAGE, "xs_db_get_data: NULL argument");
    *data = nullptr;
    try {
        std::string d = db->db.get_document(docid).get_data();
        *data = xs_dup(d);
        if (len)
            *len = d.size();
        return CS_OK;
    } catch (...) {
        /* DocNotFoundError ("Document N not found") becomes CS_NOT_FOUND. */
        return xs_fail_current(msg, "cannot read document data from",
                               db->path.c_str());
    }
}

cs_status xs_db_terms_each(xs_db *db, const char *prefix, xs_term_fn fn,
                           void *ctx, char **msg)
{
    if (!db || !fn)
        return cs_fail(msg, CS_USAGE, "xs_db_terms_each: NULL argument");
    try {
        const std::string p(prefix ? prefix : "");
        for (auto it = db->db.allterms_begin(p); it != db->db.allterms_end(p);
             ++it) {
            const std::string term = *it;
            if (fn(ctx, term.data(), term.size(), it.get_termfreq()))
                break;
        }
        return CS_OK;
    } catch (...) {
        return xs_fail_current(msg, "cannot list terms of", db->path.c_str());
    }
}
