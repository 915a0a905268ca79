/* qy_show.c - showing cited passages and index statistics (see qy_show.h). */
#include "qy_show.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ix_doc.h"
#include "qy_output.h"
#include "schema.h"
#include "xs.h"

typedef struct passage_ref {
    unsigned line_start, line_end;
    size_t byte_start, byte_end;
    char *data;          /* the document data (schema.h) */
    size_t len;
} passage_ref;

static int parse_cite(const char *cite, char **path, unsigned *l1, unsigned *l2)
{
    const char *colon = strrchr(cite, ':');
    if (!colon || colon == cite)
        return -1;
    char *end;
    errno = 0;
    unsigned long a = strtoul(colon + 1, &end, 10), b = a;
    if (errno || end == colon + 1 || a == 0)
        return -1;
    if (*end == '-') {
        const char *s = end + 1;
        b = strtoul(s, &end, 10);
        if (errno || end == s || b < a)
            return -1;
    }
    if (*end)
        return -1;
    *path = strndup(cite, (size_t)(colon - cite));
    *l1 = (unsigned)a;
    *l2 = (unsigned)b;
    return *path ? 0 : -1;
}

/* Reads the file's current bytes; NULL when it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 65536 > cap) {
            char *g = realloc(buf, cap = cap ? cap * 2 : 131072);
            if (!g) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = g;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

cs_status qy_show(qy_engine *e, const char *cite, unsigned context, FILE *out,
                  char **msg)
{
    char *path = NULL;
    unsigned l1, l2;
    if (parse_cite(cite, &path, &l1, &l2) != 0)
        return cs_fail(msg, CS_BAD_INPUT,
                       "'%s' is not a citation (PATH:LINE or PATH:LINE-LINE)",
                       cite);
    while (strncmp(path, "./", 2) == 0)
        memmove(path, path + 2, strlen(path + 2) + 1);

    /* Every passage of the file, in file order (docids grow with it). */
    char term[CS_MAX_TERM + 1];
    ix_path_term(path, term);
    xs_query *all = xs_query_match_all();
    xs_query *pt = xs_query_term(term, strlen(term), 1, 1);
    xs_query *two[2] = {all, pt};
    xs_query *q = all && pt ? xs_query_combine(XS_OP_FILTER, two, 2, 0) : NULL;
    xs_query_free(all);
    xs_query_free(pt);
    if (!q) {
        free(path);
        return CS_NOMEM;
    }
    xs_search_opts o;
    xs_search_opts_init(&o, 1000000);
    xs_mset *m = NULL;
    cs_status rc = xs_search(qy_engine_db(e), q, &o, &m, msg);
    xs_query_free(q);
    unsigned n = rc == CS_OK ? xs_mset_size(m) : 0;
    passage_ref *ps = n ? calloc(n, sizeof *ps) : NULL;
    if (n && !ps)
        rc = CS_NOMEM;
    for (unsigned i = 0; rc == CS_OK && i < n; i++) {
        size_t len = 0;
        const char *data = xs_mset_data(m, i, &len);
        const char *nl = data ? memchr(data, '\n', len) : NULL;
        json_t *j = nl ? json_loadb(data, (size_t)(nl - data), 0, NULL) : NULL;
        if (!j) {
            rc = cs_fail(msg, CS_CORRUPT, "%s: passage %u of %s is unreadable",
                         qy_engine_db_path(e), i + 1, path);
            break;
        }
        ps[i].line_start = (unsigned)json_integer_value(json_object_get(j, "line_start"));
        ps[i].line_end = (unsigned)json_integer_value(json_object_get(j, "line_end"));
        ps[i].byte_start = (size_t)json_integer_value(json_object_get(j, "byte_start"));
        ps[i].byte_end = (size_t)json_integer_value(json_object_get(j, "byte_end"));
        ps[i].data = (char *)nl + 1;
        ps[i].len = len - (size_t)(nl + 1 - data);
        json_decref(j);
    }
    /* The cited passages: those whose lines meet [l1, l2]. */
    unsigned first = n, last = 0;
    for (unsigned i = 0; rc == CS_OK && i < n; i++)
        if (ps[i].line_start <= l2 && ps[i].line_end >= l1) {
            if (first == n)
                first = i;
            last = i;
        }
    if (rc == CS_OK && first == n)
        rc = cs_fail(msg, CS_NOT_FOUND, "%s: no indexed passage at %s%s", cite,
                     path, n ? "" : " (the file is not in the index)");

    char *file = NULL;
    size_t flen = 0;
    int changed = 0;
    if (rc == CS_OK) {
        char full[PATH_MAX * 2];
        snprintf(full, sizeof full, "%s/%s", qy_engine_root(e), path);
        file = read_all(full, &flen);
        char key[PATH_MAX + 16], *rec = NULL;
        snprintf(key, sizeof key, "%s%s", CS_META_FILE, path);
        uint64_t size = 0, hash = 0;
        int64_t mtime = 0;
        if (xs_db_get_metadata(qy_engine_db(e), key, &rec, NULL, NULL) == CS_OK &&
            sscanf(rec, "%" SCNu64 " %" SCNd64 " %" SCNx64, &size, &mtime,
                   &hash) == 3)
            changed = !file || flen != size || ix_hash(file, flen) != hash;
        else
            changed = !file;
        free(rec);
        if (changed)
            fprintf(out, "warning: %s %s since it was indexed; showing the "
                         "indexed text\n",
                    path, file ? "changed" : "is missing");
    }
    unsigned from = rc == CS_OK ? (first > context ? first - context : 0) : 0;
    unsigned to = rc == CS_OK ? (last + context < n ? last + context : n - 1) : 0;
    for (unsigned i = from; rc == CS_OK && i <= to; i++) {
        const passage_ref *p = &ps[i];
        int cited = i >= first && i <= last;
        if (p->line_end > p->line_start)
            fprintf(out, "%s %s:%u-%u\n", cited ? ">" : " ", path,
                    p->line_start, p->line_end);
        else
            fprintf(out, "%s %s:%u\n", cited ? ">" : " ", path, p->line_start);
        const char *text = changed ? p->data : file + p->byte_start;
        size_t tlen = changed ? p->len : p->byte_end - p->byte_start;
        fputs(cited ? "> " : "  ", out);
        for (size_t k = 0; k < tlen; k++) {
            fputc(text[k], out);
            if (text[k] == '\n')
                fputs(cited ? "> " : "  ", out);
        }
        fputs("\n\n", out);
    }
    free(file);
    free(ps);
    xs_mset_free(m);
    free(path);
    return rc;
}

typedef struct stats_ctx {
    unsigned long files;
    unsigned long long bytes;
} stats_ctx;

static int on_file_record(void *ctx, const char *key, const char *val,
                          size_t len)
{
    stats_ctx *s = ctx;
    (void)key;
    (void)len;
    unsigned long long size = 0;
    if (sscanf(val, "%llu", &size) == 1) {
        s->files++;
        s->bytes += size;
    }
    return 0;
}

cs_status qy_stats(qy_engine *e, int json, FILE *out, char **msg)
{
    xs_db *db = qy_engine_db(e);
    stats_ctx s = {0};
    cs_status rc = xs_db_metadata_each(db, CS_META_FILE, on_file_record, &s, msg);
    if (rc != CS_OK)
        return rc;
    unsigned docs = xs_db_doccount(db);
    if (json) {
        json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I}", "db",
                              qy_engine_db_path(e), "root", qy_engine_root(e),
                              "schema", CS_SCHEMA_VERSION, "files",
                              (json_int_t)s.files, "passages", (json_int_t)docs,
                              "bytes", (json_int_t)s.bytes);
        if (!o)
            return CS_NOMEM;
        json_dumpf(o, out, JSON_INDENT(2));
        fputc('\n', out);
        json_decref(o);
    } else {
        fprintf(out, "index:    %s\nroot:     %s\nfiles:    %lu\npassages: %u\n"
                     "text:     %llu bytes\n",
                qy_engine_db_path(e), qy_engine_root(e), s.files, docs,
                s.bytes);
    }
    return CS_OK;
}
