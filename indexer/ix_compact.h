/*
 * ix_compact.h - `citesearch compact`: rewrites an index's databases
 * compactly, in place.
 *
 * One-writer index runs update the index's B-trees in place, and as
 * files change those fill with half-empty blocks: an index grown by many
 * incremental runs is larger and slower to read than it needs to be.
 * Compaction rewrites each database with full blocks (xs_compact) into a
 * new directory and exchanges it with the old one (ix_swap.h): readers
 * see the old index or the compacted one, and an interrupted compaction
 * leaves the old one, whole.  Documents and their order, records and
 * answers do not change.  A parallel index run ends with a compaction
 * anyway (ix_parallel.h), so its index needs none.
 */
#ifndef CITESEARCH_IX_COMPACT_H
#define CITESEARCH_IX_COMPACT_H

#include <stdint.h>

#include "status.h"

/*
 * Compacts the index at `db_path`: its database, or each shard of a
 * sharded index in turn (each shard is replaced atomically by itself).
 * *before and *after (may be NULL) receive the bytes the index directory
 * took before and after.  CS_NOT_FOUND when there is no index there,
 * CS_LOCKED when an indexer holds it, CS_USAGE when its file system
 * cannot replace a directory atomically.
 */
cs_status ix_compact(const char *db_path, uint64_t *before, uint64_t *after,
                     char **msg);

/* Bytes of the regular files under `path` (0 when it does not exist). */
uint64_t ix_dir_bytes(const char *path);

#endif
