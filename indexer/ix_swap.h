/*
 * ix_swap.h - replacing the database of an index directory by a new one,
 * in one atomic step.
 *
 * Xapian commits one database atomically, but a database made by
 * compaction (a parallel index run's merge, `citesearch compact`) is a new
 * set of files.  It is built beside the index directory DIR, in the hidden
 * sibling PARENT/.NAME.swap (NAME is DIR's name without leading dots), and
 * then exchanged with DIR by renameat2(RENAME_EXCHANGE): readers and the
 * next run see the old database or the new one, never a mix and never
 * none.  Scratch databases of the build live in DIR/IX_WORK_DIR.
 *
 * What a crash leaves, at each step:
 *  - while building: DIR holds its last commit, untouched; the sibling
 *    and DIR/IX_WORK_DIR hold partial databases;
 *  - after the exchange, before the old database is removed: DIR holds
 *    the new database, committed; the sibling holds the old one.
 * Either way DIR opens with a committed state, and the next run that
 * takes DIR's write lock removes the leftovers (ix_swap_cleanup) and does
 * what is missing again.
 *
 * Files of the user's kept in DIR (a stub, say) are hard-linked into the
 * new database's directory before the exchange, so they stay; anything
 * else in DIR that is not the database's makes ix_swap_prepare refuse.
 *
 * Locks: the exchange moves directories, and Xapian's write lock belongs
 * to the lock file of a directory, so the caller holds the write locks of
 * both databases across it (the old one, opened at DIR, and the new one,
 * opened at the sibling), with nothing left uncommitted in either: a
 * handle closed afterwards then writes nothing through its old path, and
 * no other indexer can open DIR before the old database is removed.
 *
 * Ownership: ix_swap_prepare fills an ix_swap that ix_swap_finish frees.
 */
#ifndef CITESEARCH_IX_SWAP_H
#define CITESEARCH_IX_SWAP_H

#include "status.h"
#include "xs.h"

/* Scratch space inside an index directory (a parallel run's parts). */
#define IX_WORK_DIR "build.tmp"

typedef struct ix_swap {
    char *dir;   /* the index directory, resolved (so a symbolic link to
                    it stays a link to the new one) */
    char *next;  /* the sibling the new database is built in */
    char *work;  /* dir/IX_WORK_DIR, created */
} ix_swap;

/* Removes what an interrupted run left beside and inside the database
 * directory `db_path` (no error when there is nothing).  Call only with
 * the database's write lock held. */
cs_status ix_swap_cleanup(const char *db_path, char **msg);

/*
 * Prepares to replace the database directory `db_path`: cleans leftovers,
 * creates the work directory, and checks that the file system can
 * exchange two directories atomically there.  CS_USAGE (with a message
 * saying why) when it cannot: a file system without RENAME_EXCHANGE, a
 * parent directory that is not writable, a directory in DIR that is not
 * the database's; the caller then writes the index in place.
 */
cs_status ix_swap_prepare(const char *db_path, ix_swap *s, char **msg);

/* Compacts the databases `sources` (one may be the index directory
 * itself) into s->next, see xs_compact, and opens it for writing: *out
 * holds its write lock. */
cs_status ix_swap_build(ix_swap *s, const char *const *sources, size_t n,
                        xs_wdb **out, char **msg);

/*
 * Commits `next` (from ix_swap_build), drops what `old` (the database
 * opened at the index directory) has not committed, exchanges the two
 * directories, and removes the old database.  Closes both handles,
 * whatever happens; on failure before the exchange the index directory
 * is as it was.
 */
cs_status ix_swap_commit(ix_swap *s, xs_wdb *old, xs_wdb *next, char **msg);

/* Removes the sibling and the work directory (whatever is left of a
 * build) and frees `s`. */
void ix_swap_finish(ix_swap *s);

/* Removes the directory tree `path` without following symbolic links;
 * no error when it does not exist. */
int ix_rmtree(const char *path);

#endif
