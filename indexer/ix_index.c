/* ix_index.c - an index run: walk, compare, analyze, write, commit
 * (see ix_index.h). */
#include "ix_index.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ix_doc.h"
#include "ix_location.h"
#include "ix_manifest.h"
#include "ix_shards.h"
#include "ix_walk.h"
#include "schema.h"
#include "tx.h"
#include "xs.h"

/* Text per transaction: large enough that commits are rare, small enough
 * that Xapian's in-memory changes stay well under a few hundred MB. */
#define IX_DEFAULT_BATCH_BYTES (32u << 20)
/* Bytes looked at for NUL to tell a binary file. */
#define IX_BINARY_PROBE 8192
/* Longest title taken from a file's first line.  A file that is one long
 * line (a speech, a dump) would otherwise make its whole text the title,
 * and every passage would carry it as title terms. */
#define IX_MAX_TITLE 100

/* The per-file record kept as metadata: what tells a changed file. */
typedef struct file_record {
    uint64_t size;
    int64_t mtime_ns;
    uint64_t hash;
    unsigned passages;
} file_record;

static int record_parse(const char *s, file_record *r)
{
    return sscanf(s, "%" SCNu64 " %" SCNd64 " %" SCNx64 " %u", &r->size,
                  &r->mtime_ns, &r->hash, &r->passages) == 4
               ? 0
               : -1;
}

static cs_status record_write(xs_wdb *db, const char *rel, const file_record *r,
                              char **msg)
{
    char key[PATH_MAX + 16], val[96];
    snprintf(key, sizeof key, "%s%s", CS_META_FILE, rel);
    int n = snprintf(val, sizeof val, "%" PRIu64 " %" PRId64 " %016" PRIx64 " %u",
                     r->size, r->mtime_ns, r->hash, r->passages);
    return xs_wdb_set_metadata(db, key, val, (size_t)n, msg);
}

/* Xapian metadata keys are limited in length like terms. */
static int record_key_fits(const char *rel)
{
    return strlen(CS_META_FILE) + strlen(rel) <= CS_MAX_TERM;
}

/* A malloc'd copy of `s` with every invalid UTF-8 sequence replaced by
 * U+FFFD, for metadata that goes into JSON. */
static char *utf8_sanitized(const char *s, size_t len)
{
    char *out = malloc(len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    while (len > 0) {
        size_t ok = tx_utf8_check(s, len);
        memcpy(o, s, ok);
        o += ok;
        if (ok == len)
            break;
        memcpy(o, "\xEF\xBF\xBD", 3);
        o += 3;
        s += ok + 1;
        len -= ok + 1;
    }
    *o = '\0';
    return out;
}

/* The first non-empty line of the text, trimmed, as a fallback title. */
static char *first_line_title(const char *text, size_t len)
{
    size_t i = 0;
    for (;;) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
                           text[i] == '\n'))
            i++;
        if (i >= len)
            return strdup("");
        size_t end = i;
        while (end < len && text[end] != '\n' && text[end] != '\r')
            end++;
        size_t stop = end;
        while (stop > i && (text[stop - 1] == ' ' || text[stop - 1] == '\t'))
            stop--;
        if (stop > i) {
            size_t n = stop - i;
            if (n > IX_MAX_TITLE) {
                n = IX_MAX_TITLE;
                while (n > 0 && ((unsigned char)text[i + n] & 0xC0) == 0x80)
                    n--; /* do not cut a UTF-8 sequence */
                /* nor a word, when a space comes late enough */
                size_t sp = n;
                while (sp > IX_MAX_TITLE / 2 && text[i + sp] != ' ')
                    sp--;
                if (sp > IX_MAX_TITLE / 2)
                    n = sp;
            }
            return utf8_sanitized(text + i, n);
        }
        i = end;
    }
}

static cs_status read_file(const char *path, char **buf, size_t *len,
                           char **msg)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return cs_fail(msg, CS_IO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0) {
        fclose(f);
        return cs_fail(msg, CS_IO, "%s: %s", path, strerror(errno));
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *b = malloc(cap);
    if (!b) {
        fclose(f);
        return cs_fail(msg, CS_NOMEM, "%s: no memory for %zu bytes", path, cap);
    }
    /* Read to the end even if the file grew since fstat. */
    for (;;) {
        n += fread(b + n, 1, cap - 1 - n, f);
        if (ferror(f)) {
            int err = errno;
            free(b);
            fclose(f);
            return cs_fail(msg, CS_IO, "%s: %s", path, strerror(err));
        }
        if (feof(f))
            break;
        if (n == cap - 1) {
            char *grown = realloc(b, cap * 2);
            if (!grown) {
                free(b);
                fclose(f);
                return CS_NOMEM;
            }
            b = grown;
            cap *= 2;
        }
    }
    fclose(f);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return CS_OK;
}

/* State shared by the passage callback while one file is written. */
typedef struct file_ctx {
    tx_analyzer *an;
    xs_wdb *db;
    const ix_article *art;
    const char *text;
    unsigned ordinal;
    cs_status st;
    char **msg;
} file_ctx;

static int on_passage(void *ctx, const tx_passage *p)
{
    file_ctx *f = ctx;
    xs_doc *doc = NULL;
    f->st = ix_doc_build(f->an, f->art, f->text, p, f->ordinal + 1, &doc, f->msg);
    if (f->st == CS_OK)
        f->st = xs_wdb_add(f->db, doc, NULL, f->msg);
    xs_doc_free(doc);
    if (f->st == CS_OK)
        f->ordinal++;
    return f->st != CS_OK;
}

/* The run's state. */
typedef struct run {
    const ix_options *opts;
    ix_shards shards;      /* a file's passages and record go to its shard */
    tx_analyzer *an;
    ix_manifest *manifest;
    ix_summary *sum;
    char **msg;
    size_t pending_bytes;
    int progress;          /* a progress line is shown */
    struct timespec t0;
} run;

static void progress(run *r, size_t done, size_t total)
{
    if (!r->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double s = (double)(now.tv_sec - r->t0.tv_sec) +
               (double)(now.tv_nsec - r->t0.tv_nsec) / 1e9;
    double mb = (double)r->sum->bytes / 1e6;
    fprintf(r->opts->log, "\rindexing: %zu/%zu files, %.1f MB, %.1f MB/s   ",
            done, total, mb, s > 0 ? mb / s : 0.0);
    fflush(r->opts->log);
}

/* Drops a file's passages and record from `db`, the shard holding them. */
static cs_status remove_file(run *r, xs_wdb *db, const char *rel)
{
    char pterm[CS_MAX_TERM + 1], key[PATH_MAX + 16];
    ix_path_term(rel, pterm);
    cs_status rc = xs_wdb_delete_by_term(db, pterm, r->msg);
    snprintf(key, sizeof key, "%s%s", CS_META_FILE, rel);
    if (rc == CS_OK)
        rc = xs_wdb_set_metadata(db, key, "", 0, r->msg);
    return rc;
}

static cs_status index_file(run *r, const ix_file *file)
{
    FILE *log = r->opts->log;
    if (!record_key_fits(file->rel)) {
        fprintf(log, "citesearch: %s: path too long to index (skipped)\n",
                file->abs);
        r->sum->skipped++;
        return CS_OK;
    }
    xs_wdb *db = ix_shard_for(&r->shards, file->rel);
    char key[PATH_MAX + 16];
    snprintf(key, sizeof key, "%s%s", CS_META_FILE, file->rel);
    char *val = NULL;
    cs_status rc = xs_wdb_get_metadata(db, key, &val, NULL, r->msg);
    if (rc != CS_OK)
        return rc;
    file_record old = {0};
    int have_old = *val && record_parse(val, &old) == 0;
    free(val);
    if (have_old && old.size == file->size && old.mtime_ns == file->mtime_ns) {
        r->sum->unchanged++;
        return CS_OK;
    }

    char *text = NULL;
    size_t len = 0;
    char *err = NULL;
    if (read_file(file->abs, &text, &len, &err) != CS_OK) {
        fprintf(log, "citesearch: %s (skipped)\n", err);
        free(err);
        r->sum->skipped++;
        return CS_OK;
    }
    r->sum->read++;
    r->sum->bytes += len;
    r->pending_bytes += len;
    file_record now = {.size = len, .mtime_ns = file->mtime_ns,
                       .hash = ix_hash(text, len)};

    if (memchr(text, '\0', len < IX_BINARY_PROBE ? len : IX_BINARY_PROBE)) {
        fprintf(log, "citesearch: %s: binary file (skipped)\n", file->abs);
        r->sum->skipped++;
        free(text);
        return have_old ? remove_file(r, db, file->rel) : CS_OK;
    }
    if (have_old && old.hash == now.hash && old.size == now.size) {
        /* Touched, not changed: remember the new mtime only. */
        now.passages = old.passages;
        r->sum->unchanged++;
        free(text);
        return record_write(db, file->rel, &now, r->msg);
    }
    size_t bad = tx_utf8_check(text, len);
    if (bad < len)
        fprintf(log,
                "citesearch: %s: invalid UTF-8 at byte %zu (indexed; the bad "
                "bytes are not words)\n",
                file->abs, bad);

    if (have_old && (rc = remove_file(r, db, file->rel)) != CS_OK) {
        free(text);
        return rc;
    }

    const ix_meta *meta = ix_manifest_find(r->manifest, file->rel);
    char *title = NULL;
    if (meta && *meta->title)
        title = utf8_sanitized(meta->title, strlen(meta->title));
    else
        title = first_line_title(text, len);
    char *source = utf8_sanitized(meta ? meta->source : "", meta ? strlen(meta->source) : 0);
    char *url = utf8_sanitized(meta ? meta->url : "", meta ? strlen(meta->url) : 0);
    char *lang = utf8_sanitized(meta ? meta->lang : "", meta ? strlen(meta->lang) : 0);
    if (!title || !source || !url || !lang) {
        rc = CS_NOMEM;
    } else {
        ix_article art;
        rc = ix_article_init(&art, r->an, file->rel, title, source,
                             meta ? meta->date : "", url, lang, r->msg);
        if (rc == CS_OK) {
            file_ctx f = {.an = r->an, .db = db, .art = &art, .text = text,
                          .msg = r->msg, .st = CS_OK};
            rc = tx_passages(r->an, text, len, CS_PASSAGE_MAX_WORDS, on_passage,
                             &f, r->msg);
            if (rc == CS_OK)
                rc = f.st;
            now.passages = f.ordinal;
            r->sum->passages += f.ordinal;
            ix_article_clear(&art);
        }
    }
    if (rc == CS_OK)
        rc = record_write(db, file->rel, &now, r->msg);
    if (rc == CS_OK) {
        r->sum->indexed++;
        if (r->opts->verbose)
            fprintf(log, "indexed %s (%u passages)\n", file->rel, now.passages);
    }
    free(title);
    free(source);
    free(url);
    free(lang);
    free(text);
    return rc;
}

/* Collects the recorded files under one argument's scope that the walk did
 * not find. */
typedef struct vanish_ctx {
    const char *scope;   /* root-relative argument, "." for the root */
    char **found;        /* sorted rel paths of the files found */
    size_t nfound;
    char **gone;
    size_t ngone, cap;
    int nomem;
} vanish_ctx;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int in_scope(const char *scope, const char *rel)
{
    if (strcmp(scope, ".") == 0)
        return 1;
    size_t n = strlen(scope);
    return strncmp(rel, scope, n) == 0 && (rel[n] == '\0' || rel[n] == '/');
}

static int on_record(void *ctx, const char *key, const char *val, size_t len)
{
    vanish_ctx *v = ctx;
    (void)val;
    (void)len;
    const char *rel = key + strlen(CS_META_FILE);
    if (!in_scope(v->scope, rel))
        return 0;
    if (bsearch(&rel, v->found, v->nfound, sizeof *v->found, cmp_str))
        return 0;
    if (v->ngone == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        char **g = realloc(v->gone, cap * sizeof *g);
        if (!g) {
            v->nomem = 1;
            return 1;
        }
        v->gone = g;
        v->cap = cap;
    }
    if (!(v->gone[v->ngone] = strdup(rel))) {
        v->nomem = 1;
        return 1;
    }
    v->ngone++;
    return 0;
}

static cs_status remove_vanished(run *r, const ix_filelist *files,
                                 char **scopes, size_t nscopes)
{
    char **found = malloc((files->n + 1) * sizeof *found);
    if (!found)
        return CS_NOMEM;
    for (size_t i = 0; i < files->n; i++)
        found[i] = files->items[i].rel;
    qsort(found, files->n, sizeof *found, cmp_str);

    cs_status rc = CS_OK;
    /* Each shard lists the records it holds, and loses them itself. */
    for (size_t s = 0; s < nscopes && rc == CS_OK; s++) {
        for (unsigned k = 0; scopes[s] && rc == CS_OK && k < r->shards.n; k++) {
            xs_wdb *db = r->shards.db[k];
            vanish_ctx v = {.scope = scopes[s], .found = found,
                            .nfound = files->n};
            char prefix[PATH_MAX + 16];
            snprintf(prefix, sizeof prefix, "%s%s", CS_META_FILE,
                     strcmp(scopes[s], ".") ? scopes[s] : "");
            rc = xs_wdb_metadata_each(db, prefix, on_record, &v, r->msg);
            if (rc == CS_OK && v.nomem)
                rc = CS_NOMEM;
            for (size_t i = 0; i < v.ngone; i++) {
                if (rc == CS_OK &&
                    (rc = remove_file(r, db, v.gone[i])) == CS_OK) {
                    r->sum->removed++;
                    if (r->opts->verbose)
                        fprintf(r->opts->log, "removed %s\n", v.gone[i]);
                }
                free(v.gone[i]);
            }
            free(v.gone);
        }
    }
    free(found);
    return rc;
}

typedef struct scope_ctx {
    const char *scope;
    int found;
} scope_ctx;

static int on_scope_record(void *ctx, const char *key, const char *val,
                           size_t len)
{
    scope_ctx *c = ctx;
    (void)val;
    (void)len;
    c->found = in_scope(c->scope, key + strlen(CS_META_FILE));
    return c->found;
}

/* Non-zero when some recorded file, in any shard, lies under `scope`. */
static int scope_has_records(const ix_shards *shards, const char *scope)
{
    char prefix[PATH_MAX + 16];
    snprintf(prefix, sizeof prefix, "%s%s", CS_META_FILE,
             strcmp(scope, ".") ? scope : "");
    scope_ctx c = {.scope = scope};
    for (unsigned k = 0; !c.found && k < shards->n; k++)
        xs_wdb_metadata_each(shards->db[k], prefix, on_scope_record, &c, NULL);
    return c.found;
}

/* Reads or records the index root and checks the schema, in every shard.
 * A shard without them (a new index, or a shard that missed the first
 * commit) gets the index's: the root recorded elsewhere, else the current
 * directory. */
static cs_status prepare_index(run *r, char **root_abs)
{
    char *root = NULL;
    cs_status rc = CS_OK;
    for (unsigned k = 0; rc == CS_OK && k < r->shards.n; k++) {
        char *schema = NULL, *stored = NULL;
        rc = xs_wdb_get_metadata(r->shards.db[k], CS_META_SCHEMA, &schema,
                                 NULL, r->msg);
        if (rc == CS_OK)
            rc = xs_wdb_get_metadata(r->shards.db[k], CS_META_ROOT, &stored,
                                     NULL, r->msg);
        if (rc == CS_OK && *schema && strcmp(schema, CS_SCHEMA_VERSION) != 0)
            rc = cs_fail(r->msg, CS_CORRUPT,
                         "%s: index format %s, this citesearch writes format "
                         "%s: remove the index and index again",
                         r->opts->db_path, schema, CS_SCHEMA_VERSION);
        if (rc == CS_OK && *schema && !root) {
            root = stored;
            stored = NULL;
        }
        free(schema);
        free(stored);
    }
    if (rc == CS_OK && !root)
        rc = ix_relative_path(r->opts->db_path, ".", &root, r->msg);
    for (unsigned k = 0; rc == CS_OK && k < r->shards.n; k++) {
        char *schema = NULL;
        rc = xs_wdb_get_metadata(r->shards.db[k], CS_META_SCHEMA, &schema,
                                 NULL, r->msg);
        if (rc == CS_OK && !*schema)
            rc = xs_wdb_set_metadata(r->shards.db[k], CS_META_SCHEMA,
                                     CS_SCHEMA_VERSION,
                                     strlen(CS_SCHEMA_VERSION), r->msg);
        if (rc == CS_OK && !*schema)
            rc = xs_wdb_set_metadata(r->shards.db[k], CS_META_ROOT, root,
                                     strlen(root), r->msg);
        free(schema);
    }
    if (rc == CS_OK)
        rc = ix_root_path(r->opts->db_path, root, root_abs, r->msg);
    free(root);
    return rc;
}

cs_status ix_run(const ix_options *opts, char *const *paths, size_t npaths,
                 ix_summary *sum, char **msg)
{
    memset(sum, 0, sizeof *sum);
    run r = {.opts = opts, .sum = sum, .msg = msg};
    clock_gettime(CLOCK_MONOTONIC, &r.t0);
    r.progress = !opts->quiet && isatty(fileno(opts->log));

    cs_status rc = ix_shards_open(opts->db_path, opts->shards, &r.shards, msg);
    if (rc != CS_OK)
        return rc;
    sum->shards = r.shards.n;
    char *root = NULL, *manifest_dir = NULL;
    char **scopes = calloc(npaths + 1, sizeof *scopes);
    ix_filelist files = {0};
    r.manifest = ix_manifest_new();
    if (!scopes || !r.manifest)
        rc = CS_NOMEM;
    if (rc == CS_OK)
        rc = ix_shards_begin(&r.shards, msg);
    if (rc == CS_OK)
        rc = prepare_index(&r, &root);
    if (rc == CS_OK)
        rc = tx_analyzer_new(&r.an, msg);

    /* Walk every argument first: the manifests found on the way apply to
     * every file, wherever it was listed. */
    for (size_t i = 0; rc == CS_OK && i < npaths; i++) {
        char *walk_msg = NULL;
        cs_status w = ix_walk(root, paths[i], r.manifest, &files, &scopes[i],
                              opts->log, &walk_msg);
        if (w == CS_NOT_FOUND) {
            /* Gone: its recorded files are removed below; a path that was
             * never indexed is an error. */
            int known = scopes[i] && scope_has_records(&r.shards, scopes[i]);
            if (!known) {
                rc = cs_fail(msg, CS_NOT_FOUND, "%s", walk_msg);
            }
            free(walk_msg);
        } else if (w != CS_OK) {
            rc = w;
            if (msg && !*msg)
                *msg = walk_msg;
            else
                free(walk_msg);
        }
    }
    if (rc == CS_OK && opts->manifest_path) {
        char *dir = strdup(opts->manifest_path);
        if (!dir) {
            rc = CS_NOMEM;
        } else {
            char *slash = strrchr(dir, '/');
            const char *d = slash ? (slash == dir ? "/" : dir) : ".";
            if (slash && slash != dir)
                *slash = '\0';
            rc = ix_relative_path(root, d, &manifest_dir, msg);
            if (rc == CS_OK)
                rc = ix_manifest_load(r.manifest, opts->manifest_path,
                                      manifest_dir, msg);
            free(dir);
        }
    }
    sum->files = (unsigned)files.n;
    sum->skipped = files.skipped + files.errors;

    if (rc == CS_OK)
        rc = remove_vanished(&r, &files, scopes, npaths);
    for (size_t i = 0; rc == CS_OK && i < files.n; i++) {
        if (opts->stop && *opts->stop) {
            rc = cs_fail(msg, CS_INTERRUPTED,
                         "interrupted: the index holds the last commit");
            break;
        }
        rc = index_file(&r, &files.items[i]);
        if (rc == CS_OK && r.pending_bytes >= (opts->batch_bytes
                                                   ? opts->batch_bytes
                                                   : IX_DEFAULT_BATCH_BYTES)) {
            rc = ix_shards_commit(&r.shards, msg);
            if (rc == CS_OK)
                rc = ix_shards_begin(&r.shards, msg);
            r.pending_bytes = 0;
        }
        if ((i & 63) == 0 || i + 1 == files.n)
            progress(&r, i + 1, files.n);
    }
    if (r.progress)
        fputc('\n', opts->log);
    if (rc == CS_OK)
        rc = ix_shards_commit(&r.shards, msg);
    /* Closing without a commit discards the unfinished batch. */
    ix_shards_close(&r.shards);
    tx_analyzer_free(r.an);
    ix_manifest_free(r.manifest);
    ix_filelist_clear(&files);
    for (size_t i = 0; scopes && i < npaths; i++)
        free(scopes[i]);
    free(scopes);
    free(root);
    free(manifest_dir);
    return rc;
}
