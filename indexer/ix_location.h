/*
 * ix_location.h - where the index is, and where its root is.
 *
 * The database is found as git finds .git: `--db DIR`, else $CITESEARCH_DB,
 * else the nearest `.citesearch/` in the current directory or a parent.
 * The index root is the directory stored paths are relative to; it is kept in
 * the index as a path relative to the database directory, so moving the
 * whole folder keeps every citation valid.
 *
 * Ownership: every char * returned through an out-parameter is malloc'd and
 * freed by the caller.
 */
#ifndef CITESEARCH_IX_LOCATION_H
#define CITESEARCH_IX_LOCATION_H

#include "status.h"

/* The name of the index directory created in the current directory. */
#define IX_DEFAULT_DB ".citesearch"

/*
 * Resolves the database directory.  `db_opt` is the --db value or NULL.
 * With `for_create` non-zero and nothing found, *db_path is ./.citesearch
 * (to be created).  Otherwise CS_NOT_FOUND with a message saying how to
 * create an index.
 */
cs_status ix_find_db(const char *db_opt, int for_create, char **db_path,
                     char **msg);

/* The path of `target` relative to directory `base` (both must exist);
 * "." when equal. */
cs_status ix_relative_path(const char *base, const char *target, char **out,
                           char **msg);

/* The path of the file `path` (from the current directory; it need not
 * exist, its folder must) relative to directory `base`: its folder's path
 * made relative (ix_relative_path), its own name kept as written, a
 * symbolic link's too.  *out is malloc'd. */
cs_status ix_relative_file(const char *base, const char *path, char **out,
                           char **msg);

/* Joins the database directory and the stored root into the absolute index
 * root. */
cs_status ix_root_path(const char *db_path, const char *stored_root,
                       char **out, char **msg);

/* The index root for reading, which may be elsewhere: `db_path` may be a
 * stub file (the stored root is then relative to the stub's directory),
 * and a root that does not exist here (shards indexed and served on
 * another machine) is no error: results carry their text, only `show`
 * needs the files, and it says when one is missing.  *out is the absolute
 * root, or the joined path as recorded when it is missing (*found, which
 * may be NULL, is then 0). */
cs_status ix_root_path_for_reading(const char *db_path, const char *stored_root,
                                   char **out, int *found, char **msg);

#endif
