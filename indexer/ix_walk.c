/* ix_walk.c - collecting the files to index (see ix_walk.h). */
#include "ix_walk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ix_location.h"

void ix_filelist_clear(ix_filelist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].abs);
        free(l->items[i].rel);
    }
    free(l->items);
    for (size_t i = 0; i < l->nunread; i++)
        free(l->unread[i]);
    free(l->unread);
    memset(l, 0, sizeof *l);
}

/* Counts an entry that could not be read, and notes it when it exists
 * (any error but ENOENT: a vanished one is gone). */
static cs_status unread(ix_filelist *l, const char *rel, int err)
{
    l->errors++;
    if (err == ENOENT || err == ENOTDIR)
        return CS_OK;
    char **grown = realloc(l->unread, (l->nunread + 1) * sizeof *grown);
    if (!grown)
        return CS_NOMEM;
    l->unread = grown;
    if (!(l->unread[l->nunread] = strdup(rel)))
        return CS_NOMEM;
    l->nunread++;
    return CS_OK;
}

int ix_is_text_file(const char *name)
{
    /* Plain text: articles, notes, and saved e-mails and mailboxes, which
     * are text too (ix_mail.h reads their headers), and saved web pages
     * (read for their text, ix_html.h their metadata), also as one file
     * (MIME, read as an e-mail is: ix_mail_parse_snapshot). */
    static const char *const exts[] = {".txt",  ".md",  ".eml", ".mbox",
                                       ".html", ".htm", ".mhtml", ".mht"};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i]) == 0)
            return 1;
    return 0;
}

static cs_status add_file(ix_filelist *l, const char *abs, const char *rel,
                          const struct stat *st)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        ix_file *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return CS_NOMEM;
        l->items = items;
        l->cap = cap;
    }
    ix_file f = {.abs = strdup(abs), .rel = strdup(rel),
                 .size = (uint64_t)st->st_size,
                 .mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 +
                             st->st_mtim.tv_nsec,
                 .ctime_ns = (int64_t)st->st_ctim.tv_sec * 1000000000 +
                             st->st_ctim.tv_nsec,
                 .dev = st->st_dev, .ino = st->st_ino};
    if (!f.abs || !f.rel) {
        free(f.abs);
        free(f.rel);
        return CS_NOMEM;
    }
    l->items[l->n++] = f;
    return CS_OK;
}

/* Directories on the current descent, to break symbolic-link loops, and
 * how the walk reports what it skips. */
typedef struct dir_stack {
    dev_t dev[64];
    ino_t ino[64];
    int depth;
    int name_skipped; /* name every file skipped, not only one given */
} dir_stack;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static cs_status walk_dir(const char *abs, const char *rel, dir_stack *stack,
                          ix_manifest *manifest, ix_filelist *out, FILE *log,
                          char **msg);

static cs_status walk_entry(const char *abs, const char *rel, int explicit_arg,
                            dir_stack *stack, ix_manifest *manifest,
                            ix_filelist *out, FILE *log, char **msg)
{
    struct stat st;
    if (stat(abs, &st) != 0) {
        if (explicit_arg)
            return cs_fail(msg, errno == ENOENT ? CS_NOT_FOUND : CS_IO,
                           "%s: %s", abs, strerror(errno));
        int err = errno;
        fprintf(log, "citesearch: %s: %s (skipped)\n", abs, strerror(err));
        return unread(out, rel, err);
    }
    if (S_ISDIR(st.st_mode)) {
        for (int i = 0; i < stack->depth; i++)
            if (stack->dev[i] == st.st_dev && stack->ino[i] == st.st_ino) {
                fprintf(log, "citesearch: %s: directory loop (skipped)\n", abs);
                return CS_OK;
            }
        if (stack->depth == 64) {
            fprintf(log, "citesearch: %s: nested too deep (skipped)\n", abs);
            out->errors++;
            return CS_OK;
        }
        stack->dev[stack->depth] = st.st_dev;
        stack->ino[stack->depth] = st.st_ino;
        stack->depth++;
        cs_status rc = walk_dir(abs, rel, stack, manifest, out, log, msg);
        stack->depth--;
        return rc;
    }
    if (!S_ISREG(st.st_mode)) {
        if (explicit_arg || stack->name_skipped)
            fprintf(log, "citesearch: %s: not a regular file (skipped)\n", abs);
        out->skipped++;
        return CS_OK;
    }
    if (!ix_is_text_file(abs)) {
        if (explicit_arg || stack->name_skipped)
            fprintf(log,
                    "citesearch: %s: not a .txt, .md, .eml, .mbox, .html, "
                    ".htm, .mhtml or .mht file (skipped)\n",
                    abs);
        out->skipped++;
        return CS_OK;
    }
    return add_file(out, abs, rel, &st);
}

static cs_status walk_dir(const char *abs, const char *rel, dir_stack *stack,
                          ix_manifest *manifest, ix_filelist *out, FILE *log,
                          char **msg)
{
    DIR *d = opendir(abs);
    if (!d) {
        int err = errno;
        fprintf(log, "citesearch: %s: %s (skipped)\n", abs, strerror(err));
        return unread(out, rel, err);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    cs_status rc = CS_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                rc = CS_NOMEM;
                break;
            }
            names = grown;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = CS_NOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    /* Sorted, so runs and their reports are repeatable. */
    qsort(names, n, sizeof *names, cmp_names);

    /* The folder's manifest first, before its subfolders' (a later one
     * wins a path both name): the deeper folder's row wins, whatever the
     * subfolder's name, as in a run given the subfolder or a file in it,
     * which loads the manifests above it first (load_manifests_above). */
    /* Only a file of that name is one: a folder named so is walked as
     * any other (it stopped the run with a read error). */
    int has_manifest = 0;
    for (size_t i = 0; i < n && rc == CS_OK; i++)
        if (strcmp(names[i], "manifest.csv") == 0) {
            char *child_abs = NULL;
            struct stat st;
            if (asprintf(&child_abs, "%s/%s", abs, names[i]) < 0)
                rc = CS_NOMEM;
            else if (stat(child_abs, &st) == 0 && S_ISREG(st.st_mode)) {
                has_manifest = 1;
                rc = ix_manifest_load(manifest, child_abs, rel, msg);
            }
            free(child_abs);
        }
    for (size_t i = 0; i < n && rc == CS_OK; i++) {
        char *child_abs = NULL, *child_rel = NULL;
        if (has_manifest && strcmp(names[i], "manifest.csv") == 0)
            continue;
        if (asprintf(&child_abs, "%s/%s", abs, names[i]) < 0)
            child_abs = NULL;
        child_rel = ix_path_join(rel, names[i]);
        if (!child_abs || !child_rel) {
            rc = CS_NOMEM;
        } else {
            rc = walk_entry(child_abs, child_rel, 0, stack, manifest, out, log,
                            msg);
        }
        free(child_abs);
        free(child_rel);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* Loads the manifest.csv of folder `dir_rel` (relative to `root`; "."
 * for the root) when it has one. */
static cs_status load_manifest_of(const char *root, const char *dir_rel,
                                  ix_manifest *manifest, char **msg)
{
    char *path = NULL;
    int n = strcmp(dir_rel, ".") == 0
                ? asprintf(&path, "%s/manifest.csv", root)
                : asprintf(&path, "%s/%s/manifest.csv", root, dir_rel);
    if (n < 0)
        return CS_NOMEM;
    struct stat st;
    cs_status rc = CS_OK;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        rc = ix_manifest_load(manifest, path, dir_rel, msg);
    free(path);
    return rc;
}

/* Loads the manifests of the folders above `arg_rel`, from the index root
 * down (a folder argument's own is its walk's).  A run given a file or a
 * subfolder so reads the metadata a run given the whole folder does: an
 * unchanged file whose metadata seemed gone would be indexed again without
 * its title and source (ix_record_meta_changed). */
static cs_status load_manifests_above(const char *root, const char *arg_rel,
                                      ix_manifest *manifest, char **msg)
{
    if (strcmp(arg_rel, ".") == 0 || strncmp(arg_rel, "../", 3) == 0 ||
        strcmp(arg_rel, "..") == 0)
        return CS_OK;
    cs_status rc = load_manifest_of(root, ".", manifest, msg);
    for (const char *slash = strchr(arg_rel, '/'); rc == CS_OK && slash;
         slash = strchr(slash + 1, '/')) {
        char *dir = strndup(arg_rel, (size_t)(slash - arg_rel));
        if (!dir)
            return CS_NOMEM;
        rc = load_manifest_of(root, dir, manifest, msg);
        free(dir);
    }
    return rc;
}

cs_status ix_walk(const char *root, const char *arg, ix_manifest *manifest,
                  ix_filelist *out, char **arg_rel, FILE *log, int verbose,
                  char **msg)
{
    *arg_rel = NULL;
    struct stat st;
    if (stat(arg, &st) != 0) {
        /* A vanished argument: its path relative to the root can still be
         * computed from its parent, so its records can be removed. */
        int err = errno;
        char *copy = strdup(arg), *parent_rel = NULL;
        if (!copy)
            return CS_NOMEM;
        char *slash = strrchr(copy, '/');
        const char *base = slash ? slash + 1 : copy;
        const char *parent = slash ? (slash == copy ? "/" : copy) : ".";
        if (slash)
            *slash = '\0';
        if (ix_relative_path(root, parent, &parent_rel, NULL) == CS_OK)
            *arg_rel = ix_path_join(parent_rel, base);
        free(parent_rel);
        free(copy);
        return cs_fail(msg, err == ENOENT ? CS_NOT_FOUND : CS_IO, "%s: %s",
                       arg, strerror(err));
    }
    cs_status rc = ix_relative_path(root, arg, arg_rel, msg);
    if (rc == CS_OK)
        rc = load_manifests_above(root, *arg_rel, manifest, msg);
    if (rc != CS_OK)
        return rc;
    dir_stack stack = {.depth = 0, .name_skipped = verbose};
    return walk_entry(arg, *arg_rel, 1, &stack, manifest, out, log, msg);
}
