/*
 * xs.h - a small C API over Xapian 1.4 (the only C++ in citesearch).
 *
 * No Xapian type appears here: handles are opaque.  Every function catches
 * every exception (Xapian::Error, std::bad_alloc, ...) and returns a cs_status;
 * no exception ever crosses into C.
 *
 * Ownership: a function that creates a handle (`*_new`, `*_open`, xs_search,
 * xs_query_*) gives it to the caller, who releases it with the matching
 * `*_free`/`*_close`.  `*_free(NULL)` is a no-op.  Strings returned through
 * `char **` are malloc'd and freed by the caller with free().  Error messages
 * travel in `char **msg` (may be NULL), see status.h.
 */
#ifndef CITESEARCH_XS_H
#define CITESEARCH_XS_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t xs_docid;

/* ------------------------------------------------------------------ */
/* Documents                                                            */
/* ------------------------------------------------------------------ */

typedef struct xs_doc xs_doc;

/* A new empty document, or NULL when out of memory. */
xs_doc *xs_doc_new(void);
void xs_doc_free(xs_doc *doc);

/* Adds `term` at word position `pos` (>= 1), raising its wdf by `wdf_inc`. */
cs_status xs_doc_add_posting(xs_doc *doc, const char *term, size_t len,
                             unsigned pos, unsigned wdf_inc);
/* Adds `term` without a position, raising its wdf by `wdf_inc`. */
cs_status xs_doc_add_term(xs_doc *doc, const char *term, size_t len,
                          unsigned wdf_inc);
/* Adds a boolean term (wdf 0): for filters and unique IDs. */
cs_status xs_doc_add_boolean_term(xs_doc *doc, const char *term, size_t len);
cs_status xs_doc_set_value(xs_doc *doc, unsigned slot, const char *val,
                           size_t len);
cs_status xs_doc_set_data(xs_doc *doc, const char *data, size_t len);

/* ------------------------------------------------------------------ */
/* Writable database                                                    */
/* ------------------------------------------------------------------ */

typedef struct xs_wdb xs_wdb;

/* Opens the database at `path` for writing, creating it when `create` is
 * non-zero.  Takes Xapian's write lock: CS_LOCKED at once when another
 * writer holds it.  CS_NOT_FOUND when absent and !create. */
cs_status xs_wdb_open(const char *path, int create, xs_wdb **out, char **msg);
/* Creates a scratch database at `path` (replacing one there) whose
 * commits are not synced to disk: faster, and a crash may leave it
 * damaged, which is fine for a database that is rebuilt rather than
 * trusted after a crash (the parts of a parallel index run). */
cs_status xs_wdb_open_scratch(const char *path, xs_wdb **out, char **msg);
/* Closes the database.  Changes not committed by xs_wdb_commit are
 * discarded, never half-written. */
void xs_wdb_close(xs_wdb *db);

/* All changes between xs_wdb_begin and xs_wdb_commit become visible
 * together, or not at all (a Xapian transaction). */
cs_status xs_wdb_begin(xs_wdb *db, char **msg);
cs_status xs_wdb_commit(xs_wdb *db, char **msg);
/* Drops the changes since xs_wdb_begin. */
cs_status xs_wdb_cancel(xs_wdb *db, char **msg);

/* Adds `doc`; *docid (may be NULL) receives its ID. */
cs_status xs_wdb_add(xs_wdb *db, const xs_doc *doc, xs_docid *docid,
                     char **msg);
/* Replaces the documents indexed by `term` with `doc` (adds it when none). */
cs_status xs_wdb_replace_by_term(xs_wdb *db, const char *term,
                                 const xs_doc *doc, char **msg);
/* Deletes every document indexed by `term` (none is not an error). */
cs_status xs_wdb_delete_by_term(xs_wdb *db, const char *term, char **msg);
/* Deletes the documents indexed by `term` whose docid is `first` or more:
 * after xs_compact, the documents that came from the later sources. */
cs_status xs_wdb_delete_by_term_from(xs_wdb *db, const char *term,
                                     xs_docid first, char **msg);

/* User metadata, committed with the documents.  An empty value deletes. */
cs_status xs_wdb_set_metadata(xs_wdb *db, const char *key, const char *val,
                              size_t len, char **msg);
/* *val receives a malloc'd NUL-terminated copy ("" when unset). */
cs_status xs_wdb_get_metadata(xs_wdb *db, const char *key, char **val,
                              size_t *len, char **msg);

/* Calls fn for each metadata key starting with `prefix`, in sorted order,
 * with the key and its value; a non-zero return from fn stops the walk. */
typedef int (*xs_metadata_fn)(void *ctx, const char *key, const char *val,
                              size_t len);
cs_status xs_wdb_metadata_each(xs_wdb *db, const char *prefix,
                               xs_metadata_fn fn, void *ctx, char **msg);

/* Number of documents, or 0 on error. */
unsigned xs_wdb_doccount(xs_wdb *db);

/* ------------------------------------------------------------------ */
/* Compaction (xs_compact.cc)                                           */
/* ------------------------------------------------------------------ */

/*
 * Merges the `n` databases `sources` (directories or stubs, read at their
 * last commit, so a writer may hold them) into a new, compact database at
 * `dest`, which must not exist yet (or be an empty directory).  Blocks
 * are packed full, but not so full that later updates split every one.
 *
 * Documents are renumbered: those of sources[0] come first, then those
 * of sources[1], and so on, each source's in its own order; one source's
 * docids are all shifted by one offset, so a source whose documents are
 * numbered 1..N without a gap takes exactly the docids after those of
 * the sources before it, N of them.
 *
 * User metadata of every source is kept.  A key held by several sources
 * must have one value in all of them: different values are CS_BAD_INPUT
 * naming the key (Xapian would pick one, but not by the sources' order).
 *
 * `multipass` non-zero merges more than three sources in several passes:
 * faster, with more temporary disk space.  On failure `dest` may hold a
 * partial database, which the caller removes.
 */
cs_status xs_compact(const char *const *sources, size_t n, const char *dest,
                     int multipass, char **msg);

/* ------------------------------------------------------------------ */
/* Read-only database                                                   */
/* ------------------------------------------------------------------ */

typedef struct xs_db xs_db;

/*
 * A database opened for reading is one or more shards searched as one
 * (Xapian merges their statistics, so the ranking is that of a single
 * database holding every document).  `path` is one of:
 *   - a database directory: one shard;
 *   - a stub file, in Xapian 1.4's stub syntax, one shard a line:
 *       auto PATH | glass PATH | chert PATH   (a local database or stub;
 *                                              relative to the stub's
 *                                              directory)
 *       remote HOST:PORT | remote [IPV6]:PORT (xapian-tcpsrv)
 *       remote :PROGRAM ARGS                  (xapian-progsrv and the like)
 *     with '#' comment lines and blank lines ignored;
 *   - a directory holding a stub named XAPIANDB and no database (a stub
 *     directory, as `citesearch index --shards N` writes).
 * The shim reads stubs itself rather than leaving them to Xapian, to set
 * the remote timeouts, to name the shard that fails, and to open what it
 * can (allow_partial).
 */
typedef struct xs_open_opts {
    int allow_partial;   /* a shard that cannot be opened is left out (see
                            xs_db_missing) instead of failing the open; at
                            least one shard must open */
    unsigned timeout_ms; /* remote shards: longest wait to connect and for
                            each answer; 0: XS_REMOTE_TIMEOUT_MS */
} xs_open_opts;

/* Xapian's own default, which a stub's remote lines would get from it. */
#define XS_REMOTE_TIMEOUT_MS 10000

/* Opens `path` (above) for reading; `opts` may be NULL (every shard must
 * open, default timeout).  CS_NOT_FOUND when absent, CS_CORRUPT when
 * damaged or not a stub, CS_NETWORK when a remote shard is unreachable or
 * times out; a failing shard is named in the message with the stub line
 * that lists it. */
cs_status xs_db_open_with(const char *path, const xs_open_opts *opts,
                          xs_db **out, char **msg);
/* xs_db_open_with(path, NULL, out, msg). */
cs_status xs_db_open(const char *path, xs_db **out, char **msg);
void xs_db_close(xs_db *db);

/* Moves `db` to the last commit of its databases (one that an indexer
 * writes in place); cheap when nothing changed (a local database reads its
 * version file, a remote one asks its server). */
cs_status xs_db_reopen(xs_db *db, char **msg);
/* 1 when a local database directory `db` opened is no longer the one at
 * its path: an index run with several writers or a compaction exchanged
 * it for a new one (ix_swap.h), or it was removed.  The handle still reads
 * the files it has open, but a table it opens later would be the new
 * database's, read at the old revision: open the path again instead.
 * 0 otherwise (remote shards are not looked at). */
int xs_db_replaced(const xs_db *db);

/* Number of shards opened (1 for a database directory). */
size_t xs_db_shard_count(const xs_db *db);
/* Shard i (< xs_db_shard_count) as a handle of its own, for per-shard
 * statistics: borrowed, valid until xs_db_close(db), never closed by the
 * caller; NULL when i is out of range.  A database directory has one
 * shard: itself, under its path. */
xs_db *xs_db_shard(xs_db *db, size_t i);
/* The name of a handle: the path given to xs_db_open for the whole, and
 * for a shard its local path (as the stub resolves it) or "remote
 * HOST:PORT" / "remote :PROGRAM ARGS".  Borrowed, like the handle. */
const char *xs_db_name(const xs_db *db);
/* Shards that allow_partial left out: their number, and the name of
 * missing shard i with *why (may be NULL) set to the error that kept it
 * out.  Both strings are borrowed, valid until xs_db_close. */
size_t xs_db_missing_count(const xs_db *db);
const char *xs_db_missing(const xs_db *db, size_t i, const char **why);

unsigned xs_db_doccount(xs_db *db);
/* Number of documents indexed by `term` (0 on error).  An error (a remote
 * shard lost or silent) is kept for xs_db_take_failure, and until then
 * every call answers 0 without asking the shards again. */
unsigned xs_db_termfreq(xs_db *db, const char *term, size_t len);
/* The error that xs_db_termfreq kept since the last call, naming the shard,
 * or CS_OK; *msg malloc'd (the caller frees it).  Clears it, so the next
 * query asks the shards again. */
cs_status xs_db_take_failure(xs_db *db, char **msg);
/* Total number of terms (sum of document lengths). */
uint64_t xs_db_total_length(xs_db *db);
/* An upper bound on any document's length (its terms' wdf summed; every
 * positional term counts at least 1, so no phrase of more words than this
 * can match); UINT64_MAX when it cannot be read. */
uint64_t xs_db_doclength_upper_bound(xs_db *db);
/* Whether some document may hold `term` k times or more (its wdf: every
 * position counts 1, so no phrase that has the word more times can match
 * a document where this is 0).  0 when Xapian's upper bound on the term's
 * wdf is under k, or when no document of its posting list reaches k (read
 * until one does, at most the term's documents; not over a remote shard,
 * which would send the whole list: its bound alone).  1 when one may, or
 * when it cannot be read. */
int xs_db_wdf_reaches(xs_db *db, const char *term, size_t len, unsigned k);

/* User metadata.  Over several shards (where Xapian 1.4 would read the
 * first shard's only) the value is the first shard's that is not empty,
 * and metadata_each walks the union of the shards' keys in sorted order,
 * each key once: every shard keeps its own files' records. */
cs_status xs_db_get_metadata(xs_db *db, const char *key, char **val,
                             size_t *len, char **msg);
cs_status xs_db_metadata_each(xs_db *db, const char *prefix,
                              xs_metadata_fn fn, void *ctx, char **msg);
/* The data of document `docid`: *data malloc'd, NUL-terminated. */
cs_status xs_db_get_data(xs_db *db, xs_docid docid, char **data, size_t *len,
                         char **msg);

/* Calls fn for each term starting with `prefix` with its document freq. */
typedef int (*xs_term_fn)(void *ctx, const char *term, size_t len,
                          unsigned termfreq);
cs_status xs_db_terms_each(xs_db *db, const char *prefix, xs_term_fn fn,
                           void *ctx, char **msg);

/* ------------------------------------------------------------------ */
/* Queries                                                              */
/* ------------------------------------------------------------------ */

/* A query is an immutable value.  Constructors return NULL only when out
 * of memory; combining functions copy their subqueries, which the caller
 * still owns. */
typedef struct xs_query xs_query;

typedef enum xs_op {
    XS_OP_AND,       /* all subqueries match; weights add */
    XS_OP_OR,        /* any subquery matches; weights add */
    XS_OP_AND_NOT,   /* the first matches and none of the others */
    XS_OP_AND_MAYBE, /* the first matches; the others only add weight */
    XS_OP_FILTER,    /* the first matches and all others, which add no weight */
    XS_OP_PHRASE,    /* terms in order within `window` positions (0: exact) */
    XS_OP_NEAR,      /* terms in any order within `window` positions */
    XS_OP_SYNONYM,   /* any matches, weighted as one term */
    XS_OP_ELITE_SET  /* the `window` best-weighted subqueries, OR-ed */
} xs_op;

/* A term query; `wqf` is the within-query frequency, `pos` the position in
 * the query (both 1 when in doubt). */
xs_query *xs_query_term(const char *term, size_t len, unsigned wqf,
                        unsigned pos);
/* Combines `n` subqueries with `op`; `window` as described for xs_op.
 * Copies of one subquery in an OR become one, its weight scaled by their
 * number: the same matches and weights, at the cost of one. */
xs_query *xs_query_combine(xs_op op, xs_query *const *subs, size_t n,
                           unsigned window);
/* The query with its weights multiplied by `factor` (>= 0). */
xs_query *xs_query_scale(const xs_query *q, double factor);
/* Documents whose value in `slot` lies in [lo, hi] (string order); a NULL
 * bound is open. */
xs_query *xs_query_value_range(unsigned slot, const char *lo, const char *hi);
/* All terms starting with `prefix` OR-ed as boolean terms (path: filter). */
xs_query *xs_query_prefix(const char *prefix);
xs_query *xs_query_match_all(void);
xs_query *xs_query_match_nothing(void);
/* Non-zero when the query matches nothing by construction. */
int xs_query_is_empty(const xs_query *q);
/* A malloc'd description of the query, for tests and --debug. */
char *xs_query_describe(const xs_query *q);
void xs_query_free(xs_query *q);

/* ------------------------------------------------------------------ */
/* Searching                                                            */
/* ------------------------------------------------------------------ */

typedef struct xs_search_opts {
    unsigned offset;        /* results to skip */
    unsigned limit;         /* results wanted */
    double bm25_k1, bm25_k2, bm25_k3, bm25_b, bm25_min_normlen;
    int collapse_slot;      /* -1: no collapsing */
    unsigned collapse_max;  /* results kept per collapse key */
    unsigned check_at_least;/* for a better size estimate; 0 is fine */
    int tiebreak_slot;      /* -1: equal scores in docid order; else in
                               ascending order of this value slot, then
                               docid.  Docids depend on how documents are
                               spread over shards (Xapian interleaves
                               them), a value does not: with it, ties rank
                               alike in one database and in shards */
    unsigned tie_ranks;     /* 0, or: a handle that answers many queries
                               keeps every document's place in that order
                               in memory after this many tie-broken
                               searches (xs_search.cc: ranks), so equal
                               scores cost no value reads */
} xs_search_opts;

/* Xapian's BM25 defaults (k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5), no
 * collapsing, ties in docid order, no ranks kept. */
void xs_search_opts_init(xs_search_opts *opts, unsigned limit);

typedef struct xs_mset xs_mset;

/* Runs `q` on `db`; *out receives the ranked match set.  When a remote
 * shard stops answering, CS_NETWORK with a message naming it. */
cs_status xs_search(xs_db *db, const xs_query *q, const xs_search_opts *opts,
                    xs_mset **out, char **msg);
unsigned xs_mset_size(const xs_mset *m);
/* Estimated number of matching documents. */
unsigned xs_mset_estimated(const xs_mset *m);
xs_docid xs_mset_docid(const xs_mset *m, unsigned i);
double xs_mset_score(const xs_mset *m, unsigned i);
/* A score as ties are told (xs_search): scores that differ in their last
 * bits only, as one passage's may in an index and in its shards, give
 * the same key.  For comparing scores, or ranks made of them. */
double xs_score_key(double score);
/* How many documents hold `term`: as the search counted it when it is one
 * of the query's terms (no lookup), else from the database; 0 on error. */
unsigned xs_mset_termfreq(const xs_mset *m, const char *term, size_t len);
/* The data of result i, as of the revision searched (read with the search,
 * so an indexer's later commits do not change it); valid until
 * xs_mset_free, even after xs_db_close; *len may be NULL.  NULL when i is
 * out of range. */
const char *xs_mset_data(xs_mset *m, unsigned i, size_t *len);
void xs_mset_free(xs_mset *m);

/* ------------------------------------------------------------------ */
/* Version (xs_version.cc)                                              */
/* ------------------------------------------------------------------ */

/* The version of the Xapian library the program runs with ("1.4.22"), as
 * Xapian::version_string() reports it; a static string, never NULL. */
const char *xs_version(void);

#ifdef __cplusplus
}
#endif
#endif
