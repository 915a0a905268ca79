/*
 * ix_shards.h - the databases one index run writes: one, or N shards.
 *
 * An index directory holds either one Xapian database (the default) or,
 * after `index --shards N`, the databases shard-0 ... shard-(N-1) and a stub
 * file IX_STUB_NAME listing them (`auto shard-K`, relative to the
 * directory), which Xapian, xapian-delve and the query side open as one
 * index.  The stub also records N: a later run keeps it and refuses
 * another --shards.  A file's passages and its record (metadata
 * CS_META_FILE PATH) live in shard ix_shard_of(PATH, N), so re-indexing a
 * file touches that shard only; every shard carries the schema and root
 * metadata.  Remote shards are read-only to citesearch: a stub naming one is
 * for querying, never written through.
 *
 * Each shard has its own transaction.  ix_shards_commit commits them one
 * after the other, which is not atomic across shards: a crash between two
 * commits leaves every shard consistent by itself, some with the new batch
 * and some with the previous one.  The next run completes it: the files
 * of a shard that missed the commit still have their old records there,
 * so they are read and indexed again.
 *
 * Ownership: ix_shards_open fills an ix_shards that ix_shards_close frees.
 */
#ifndef CITESEARCH_IX_SHARDS_H
#define CITESEARCH_IX_SHARDS_H

#include "status.h"
#include "xs.h"

/* The stub file of a sharded index directory: Xapian's name for a "stub
 * directory", so that Xapian opens the directory as the index. */
#define IX_STUB_NAME "XAPIANDB"
/* Shard K of a sharded index is IX_SHARD_PREFIX K in the index directory. */
#define IX_SHARD_PREFIX "shard-"
/* More shards than this is a typo, not a plan. */
#define IX_MAX_SHARDS 1024

typedef struct ix_shards {
    xs_wdb **db;   /* db[k] is shard k; one database: db[0] */
    unsigned n;    /* 1 for an index that is one database */
    int sharded;   /* the index directory holds shards and a stub */
} ix_shards;

/*
 * Opens the index at `db_path` for writing, creating it when missing.
 * `want` is --shards: 0 when not given (keep the existing layout; one
 * database for a new index), 1 for one database, N > 1 for N shards.
 * CS_USAGE (message says why and what to do) when `want` differs from the
 * existing index or `db_path` is a stub file; CS_LOCKED when another
 * indexer holds a shard; CS_CORRUPT when the stub is not one citesearch
 * wrote.
 */
cs_status ix_shards_open(const char *db_path, unsigned want, ix_shards *out,
                         char **msg);
/* Closes every shard, discarding what was not committed. */
void ix_shards_close(ix_shards *s);

/* Begins a transaction on every shard. */
cs_status ix_shards_begin(ix_shards *s, char **msg);
/* Commits every shard, in order (see above for what a crash between two
 * commits leaves).  A shard with no change is left at its revision. */
cs_status ix_shards_commit(ix_shards *s, char **msg);

/* The shard of a root-relative path among n: a stable hash of the path,
 * the same on every machine and every run. */
unsigned ix_shard_of(const char *rel, unsigned n);
/* The database that holds `rel`. */
xs_wdb *ix_shard_for(const ix_shards *s, const char *rel);

#endif
