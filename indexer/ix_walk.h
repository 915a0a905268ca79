/*
 * ix_walk.h - the files an index run looks at.
 *
 * Walks the paths given on the command line: plain-text files (.txt, .md)
 * are collected; a directory's `manifest.csv` is loaded into the manifest,
 * and so are those of the folders above a path, up to the index root;
 * other files are counted as skipped (and named when given explicitly).
 * Hidden entries (a name starting with '.') are not entered, so the index
 * itself and version-control folders are never walked.  Directory loops
 * through symbolic links are detected and broken.
 *
 * Ownership: the list owns its strings; ix_filelist_clear frees them.
 */
#ifndef CITESEARCH_IX_WALK_H
#define CITESEARCH_IX_WALK_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "ix_manifest.h"
#include "status.h"

typedef struct ix_file {
    char *abs;          /* path to open (as reached from the argument) */
    char *rel;          /* path relative to the index root: stored, cited */
    uint64_t size;
    int64_t mtime_ns;
    int64_t ctime_ns;   /* its status change time, which a write sets
                           however its mtime is put back */
    dev_t dev;          /* the file itself, however it was reached */
    ino_t ino;
    int alias;          /* another path (a symbolic or hard link) to a file
                           the walk found under a path sorting first: not
                           indexed under this one (set by ix_index.c) */
} ix_file;

typedef struct ix_filelist {
    ix_file *items;
    size_t n, cap;
    unsigned skipped;   /* files that are not .txt/.md */
    unsigned errors;    /* entries that could not be read */
    char **unread;      /* those of them that exist (a folder that cannot
                           be listed, an entry that cannot be looked at:
                           EACCES, EIO), paths relative to the root: what
                           the index holds under them is kept, as of a
                           file that cannot be read, not removed as if it
                           had vanished */
    size_t nunread;
} ix_filelist;

void ix_filelist_clear(ix_filelist *l);

/*
 * Adds the files under `arg` to `out`, paths relative to `root` (an
 * absolute, resolved directory).  *arg_rel receives `arg` relative to the
 * root (malloc'd), which bounds the files a run may find vanished.
 * Unreadable entries are reported on `log` and counted, not fatal; a
 * file of another type is named there when given as `arg`, or with
 * `verbose` wherever the walk finds it, and counted.
 * CS_NOT_FOUND when `arg` does not exist (*arg_rel is still set when it
 * can be computed lexically).
 */
cs_status ix_walk(const char *root, const char *arg, ix_manifest *manifest,
                  ix_filelist *out, char **arg_rel, FILE *log, int verbose,
                  char **msg);

/* Non-zero when `name` ends in an indexed extension (.txt, .md, .eml,
 * .mbox, .html, .htm). */
int ix_is_text_file(const char *name);

#endif
