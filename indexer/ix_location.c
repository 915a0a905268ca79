/* ix_location.c - finding the database and the index root (see ix_location.h). */
#include "ix_location.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ix_manifest.h"

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

cs_status ix_find_db(const char *db_opt, int for_create, char **db_path,
                     char **msg)
{
    *db_path = NULL;
    if (!db_opt || !*db_opt)
        db_opt = getenv("CITESEARCH_DB");
    if (db_opt && *db_opt) {
        if (!(*db_path = strdup(db_opt)))
            return CS_NOMEM;
        return CS_OK;
    }

    /* Walk up from the current directory looking for .citesearch/. */
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return cs_fail(msg, CS_IO, "cannot get the current directory: %s",
                       strerror(errno));
    for (;;) {
        char candidate[PATH_MAX + sizeof IX_DEFAULT_DB + 1];
        snprintf(candidate, sizeof candidate, "%s/%s",
                 strcmp(dir, "/") ? dir : "", IX_DEFAULT_DB);
        if (is_dir(candidate)) {
            if (!(*db_path = strdup(candidate)))
                return CS_NOMEM;
            return CS_OK;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
    }
    {
        char candidate[sizeof "/" IX_DEFAULT_DB];
        snprintf(candidate, sizeof candidate, "/%s", IX_DEFAULT_DB);
        if (is_dir(candidate)) {
            if (!(*db_path = strdup(candidate)))
                return CS_NOMEM;
            return CS_OK;
        }
    }
    if (for_create) {
        if (!(*db_path = strdup(IX_DEFAULT_DB)))
            return CS_NOMEM;
        return CS_OK;
    }
    return cs_fail(msg, CS_NOT_FOUND,
                   "no index found: no --db, no $CITESEARCH_DB and no %s/ in "
                   "this directory or a parent (run 'citesearch index PATH' "
                   "first)",
                   IX_DEFAULT_DB);
}

cs_status ix_relative_path(const char *base, const char *target, char **out,
                           char **msg)
{
    char rb[PATH_MAX + 1], rt[PATH_MAX + 1];
    *out = NULL;
    if (!realpath(base, rb))
        return cs_fail(msg, CS_IO, "%s: %s", base, strerror(errno));
    if (!realpath(target, rt))
        return cs_fail(msg, CS_IO, "%s: %s", target, strerror(errno));
    /* Compare with a trailing slash so "/a/b" is not taken as a prefix of
     * "/a/bc"; common ends just after the last shared '/'. */
    strcat(rb, "/");
    strcat(rt, "/");
    size_t common = 0;
    for (size_t i = 0; rb[i] && rb[i] == rt[i]; i++)
        if (rb[i] == '/')
            common = i + 1;

    size_t ups = 0;
    for (const char *p = rb + common; *p; p++)
        ups += *p == '/';
    const char *rest = rt + common;

    char *s = malloc(ups * 3 + strlen(rest) + 2);
    if (!s)
        return CS_NOMEM;
    s[0] = '\0';
    for (size_t k = 0; k < ups; k++)
        strcat(s, "../");
    strcat(s, rest);
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '/')
        s[--n] = '\0';
    if (n == 0)
        strcpy(s, ".");
    *out = s;
    return CS_OK;
}

cs_status ix_root_path(const char *db_path, const char *stored_root,
                       char **out, char **msg)
{
    *out = NULL;
    char joined[2 * PATH_MAX + 2];
    if (stored_root[0] == '/')
        snprintf(joined, sizeof joined, "%s", stored_root);
    else
        snprintf(joined, sizeof joined, "%s/%s", db_path, stored_root);
    char real[PATH_MAX];
    if (!realpath(joined, real))
        return cs_fail(msg, CS_NOT_FOUND,
                       "index root %s (recorded in %s) is missing: %s",
                       joined, db_path, strerror(errno));
    if (!(*out = strdup(real)))
        return CS_NOMEM;
    return CS_OK;
}

cs_status ix_root_path_for_reading(const char *db_path, const char *stored_root,
                                   char **out, int *found, char **msg)
{
    *out = NULL;
    if (found)
        *found = 0;
    /* The directory the root is relative to: the index directory (a
     * database or a stub directory), or the directory of a stub file. */
    char base[PATH_MAX];
    snprintf(base, sizeof base, "%s", db_path);
    if (!is_dir(base)) {
        char *slash = strrchr(base, '/');
        if (!slash)
            strcpy(base, ".");
        else if (slash == base)
            base[1] = '\0';
        else
            *slash = '\0';
    }
    if (ix_root_path(base, stored_root, out, NULL) == CS_OK) {
        if (found)
            *found = 1;
        return CS_OK;
    }
    char joined[2 * PATH_MAX + 2];
    if (stored_root[0] == '/')
        snprintf(joined, sizeof joined, "%s", stored_root);
    else
        snprintf(joined, sizeof joined, "%s/%s", base, stored_root);
    if (!(*out = strdup(joined)))
        return cs_fail(msg, CS_NOMEM, "out of memory");
    return CS_OK;
}

cs_status ix_relative_file(const char *base, const char *path, char **out,
                           char **msg)
{
    *out = NULL;
    char *dir = strdup(path), *dir_rel = NULL;
    if (!dir)
        return CS_NOMEM;
    char *slash = strrchr(dir, '/');
    const char *name = slash ? path + (slash - dir) + 1 : path;
    if (slash && slash != dir)
        *slash = '\0';
    cs_status rc = ix_relative_path(base, slash ? (slash == dir ? "/" : dir) : ".",
                                    &dir_rel, msg);
    if (rc == CS_OK && !(*out = ix_path_join(dir_rel, name)))
        rc = CS_NOMEM;
    free(dir);
    free(dir_rel);
    return rc;
}
