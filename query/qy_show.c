/* qy_show.c - showing cited passages and index statistics (see qy_show.h). */
#include "qy_show.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ix_doc.h"
#include "ix_docdata.h"
#include "ix_location.h"
#include "qy_output.h"
#include "qy_readable.h"
#include "schema.h"
#include "tx.h"
#include "xs.h"

typedef struct passage_ref {
    unsigned paragraph, line_start, line_end;
    size_t byte_start, byte_end;
    const char *data;    /* the passage's bytes in its document data
                            (ix_docdata.h), `len` of them */
    size_t len;
    unsigned form;       /* how an e-mail's part is written (TX_FORM_*) */
    char *charset;       /* and its charset (NULL: none); malloc'd */
} passage_ref;

/* A line number at s: digits only, from 1 to UINT_MAX; *end receives
 * where it ends.  strtoul alone took white space and a sign ("-1" was
 * ULONG_MAX) and a number past UINT_MAX was cut to its low bits, so
 * "x.txt:4294967297" showed line 1.  -1 when there is none. */
static int parse_line(const char *s, char **end, unsigned *line)
{
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long n = strtoul(s, end, 10);
    if (errno || n == 0 || n > UINT_MAX)
        return -1;
    *line = (unsigned)n;
    return 0;
}

static int parse_cite(const char *cite, char **path, unsigned *l1, unsigned *l2)
{
    const char *colon = strrchr(cite, ':');
    if (!colon || colon == cite)
        return -1;
    char *end;
    unsigned a, b;
    if (parse_line(colon + 1, &end, &a) != 0)
        return -1;
    b = a;
    if (*end == '-' && (parse_line(end + 1, &end, &b) != 0 || b < a))
        return -1;
    if (*end)
        return -1;
    *path = strndup(cite, (size_t)(colon - cite));
    *l1 = a;
    *l2 = b;
    return *path ? 0 : -1;
}

/* Reads the file's current bytes; NULL when it cannot be read, or is no
 * longer a regular file (a FIFO put in its place would block open(2) and
 * read(2) for ever, a device such as /dev/zero never end: opened
 * non-blocking and checked first, as the indexer does). */
static char *read_all(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        return NULL;
    }
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

/* A cited passage and its context, looked up in the index: what show
 * prints as text and qy_show_json returns as JSON. */
typedef struct show_view {
    char *path;          /* root-relative, without a leading "./" */
    passage_ref *ps;     /* every passage of the file, in file order */
    unsigned n;
    unsigned first, last;/* the cited passages */
    unsigned from, to;   /* with the context, inclusive */
    char *file;          /* the file's current bytes, or NULL */
    size_t flen;
    int changed;         /* the file differs from the indexed one */
    ix_docdata meta;      /* the first cited passage's record (its
                            strings are the article's metadata) */
    int has_meta;
    xs_mset *m;          /* owns the passages' data */
} show_view;

static void show_view_clear(show_view *v)
{
    for (unsigned i = 0; v->ps && i < v->n; i++)
        free(v->ps[i].charset);
    free(v->file);
    free(v->ps);
    if (v->has_meta)
        ix_docdata_release(&v->meta);
    xs_mset_free(v->m);
    free(v->path);
    memset(v, 0, sizeof *v);
}

/* Whether the index has a record of the file `path` (root-relative): an
 * empty file, or one of blank lines, is indexed without a passage, and
 * stats counts it. */
static int file_recorded(qy_engine *e, const char *path)
{
    char key[PATH_MAX + 16], *rec = NULL;
    snprintf(key, sizeof key, "%s%s", CS_META_FILE, path);
    int found = xs_db_get_metadata(qy_engine_db(e), key, &rec, NULL, NULL) == CS_OK &&
                rec && *rec;
    free(rec);
    return found;
}

/* Looks up the passages `cite` names and their context in the index,
 * then reads the file; the index alone decides which file may be read. */
static cs_status show_lookup(qy_engine *e, const char *cite, unsigned context,
                             show_view *v, char **msg)
{
    memset(v, 0, sizeof *v);
    unsigned l1, l2;
    if (parse_cite(cite, &v->path, &l1, &l2) != 0)
        return cs_fail(msg, CS_BAD_INPUT,
                       "'%s' is not a citation (PATH:LINE or PATH:LINE-LINE)",
                       cite);
    char *path = v->path;
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
    if (!q)
        return CS_NOMEM;
    xs_search_opts o;
    xs_search_opts_init(&o, 1000000);
    cs_status rc = xs_search(qy_engine_db(e), q, &o, &v->m, msg);
    xs_query_free(q);
    unsigned n = v->n = rc == CS_OK ? xs_mset_size(v->m) : 0;
    passage_ref *ps = v->ps = n ? calloc(n, sizeof *ps) : NULL;
    if (n && !ps)
        rc = CS_NOMEM;
    for (unsigned i = 0; rc == CS_OK && i < n; i++) {
        size_t len = 0;
        const char *data = xs_mset_data(v->m, i, &len);
        ix_docdata rec;
        if (!data || ix_docdata_decode(data, len, &rec, NULL) != CS_OK) {
            rc = cs_fail(msg, CS_CORRUPT, "%s: passage %u of %s is unreadable",
                         qy_engine_db_path(e), i + 1, path);
            break;
        }
        ps[i].line_start = rec.line_start;
        ps[i].line_end = rec.line_end;
        ps[i].byte_start = rec.byte_start;
        ps[i].byte_end = rec.byte_end;
        ps[i].paragraph = rec.paragraph;
        ps[i].data = rec.text;
        ps[i].len = rec.text_len;
        ps[i].form = tx_form_of(rec.markup);
        if (*rec.charset && !(ps[i].charset = strdup(rec.charset)))
            rc = CS_NOMEM;
        /* The article's metadata, from the first cited passage: kept
         * with what its strings point into. */
        if (!v->has_meta && ps[i].line_start <= l2 && ps[i].line_end >= l1) {
            v->meta = rec;
            v->has_meta = 1;
        } else {
            ix_docdata_release(&rec);
        }
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
                     path, n                       ? ""
                           : file_recorded(e, path) ? " (the file holds no text)"
                                                    : " (the file is not in the index)");
    if (rc != CS_OK) {
        show_view_clear(v);
        return rc;
    }
    v->first = first;
    v->last = last;
    v->from = first > context ? first - context : 0;
    v->to = context < n - 1 - last ? last + context : n - 1;

    char full[PATH_MAX * 2];
    snprintf(full, sizeof full, "%s/%s", qy_engine_root(e), path);
    v->file = read_all(full, &v->flen);
    char key[PATH_MAX + 16], *rec = NULL;
    snprintf(key, sizeof key, "%s%s", CS_META_FILE, path);
    uint64_t size = 0, hash = 0;
    int64_t mtime = 0;
    if (xs_db_get_metadata(qy_engine_db(e), key, &rec, NULL, NULL) == CS_OK &&
        sscanf(rec, "%" SCNu64 " %" SCNd64 " %" SCNx64, &size, &mtime,
               &hash) == 3)
        v->changed = !v->file || v->flen != size || ix_hash(v->file, v->flen) != hash;
    else
        v->changed = !v->file;
    free(rec);
    return CS_OK;
}

/* Passage i's text: the file's bytes, or the indexed ones when the file
 * changed (so the citation can still be checked). */
static void show_text(const show_view *v, unsigned i, const char **text,
                      size_t *len)
{
    const passage_ref *p = &v->ps[i];
    if (v->changed) {
        *text = p->data;
        *len = p->len;
    } else {
        *text = v->file + p->byte_start;
        *len = p->byte_end - p->byte_start;
    }
}

/* Passage i's bytes text[from, len), written in `form` (the passage's,
 * or a cut of it), as a person reads them (qy_readable) into *rd: for an
 * e-mail's part in HTML, quoted-printable, base64 or a charset, the text
 * they stand for.  0 for any other passage (its bytes are shown), -1 when
 * out of memory. */
static int show_readable(const show_view *v, unsigned i, const char *text,
                         size_t from, size_t len, unsigned form,
                         qy_readable *rd)
{
    const passage_ref *p = &v->ps[i];
    if (!(p->form || p->charset))
        return 0;
    qy_result r = {.text = (char *)text + from, .text_len = len - from,
                   .byte_start = p->byte_start + from, .form = form,
                   .charset = p->charset};
    return qy_readable_of(&r, rd) == CS_OK ? 1 : -1;
}

/*
 * Where what a base64 passage adds to the ones before it starts in its
 * bytes `text`, those before `from` listed already.  The passage before
 * ended with a whole group of four characters, `prev_trail` of whose bytes
 * it did not show (they begin this one's new text): then the answer is
 * that group, and *lead the bytes of it shown already.
 */
static size_t b64_resume(const char *text, size_t from, unsigned prev_trail,
                         unsigned *lead)
{
    *lead = 0;
    size_t i = from;
    unsigned chars = 0;
    while (prev_trail && i > 0 && chars < 4 && text[i - 1] != '=')
        chars += tx_b64_value(text[--i]) >= 0;
    /* A group of n characters decodes to n - 1 bytes. */
    if (chars < 2 || chars - 1 <= prev_trail)
        return from;
    *lead = chars - 1 - prev_trail;
    return i;
}

/* Where passage i's new bytes start in its `text`: the windows of a long
 * paragraph overlap, and a reader is shown what each adds to the ones
 * before it, the bytes up to *cursor listed already.  *form is the
 * passage's form for text[from...] (a base64 passage resumes at a whole
 * group); *cursor and *trail (the bytes of base64 the last one did not
 * show) move past the passage. */
static size_t new_part(const show_view *v, unsigned i, const char *text,
                       size_t tlen, size_t *cursor, unsigned *trail,
                       unsigned *form)
{
    const passage_ref *p = &v->ps[i];
    size_t from = *cursor > p->byte_start ? *cursor - p->byte_start : 0;
    *form = p->form;
    if (from > 0 && (p->form & TX_FORM_B64)) {
        unsigned lead;
        from = b64_resume(text, from, *trail, &lead);
        *form = (p->form & ~TX_FORM_CUT_BITS) |
                TX_FORM_CUT(lead, TX_FORM_TRAIL(p->form));
    }
    if (p->byte_start + tlen > *cursor) {
        *cursor = p->byte_start + tlen;
        *trail = p->form & TX_FORM_B64 ? TX_FORM_TRAIL(p->form) : 0;
    }
    return from;
}

/* Writes passage i's citation into buf. */
static void show_cite(const show_view *v, unsigned i, char *buf, size_t size)
{
    const passage_ref *p = &v->ps[i];
    if (p->line_end > p->line_start)
        snprintf(buf, size, "%s:%u-%u", v->path, p->line_start, p->line_end);
    else
        snprintf(buf, size, "%s:%u", v->path, p->line_start);
}

/*
 * The citation `cite` with its path, as given from the current directory
 * (an absolute path, or one relative to a subfolder of the index root,
 * as a shell completes it), made relative to the index root as the index
 * stores it; NULL when it names no folder that exists, or is the same.
 * The file itself need not exist (show prints a vanished file's indexed
 * text), and a symbolic link keeps its name.
 */
static char *cite_from_cwd(const char *cite, const char *root)
{
    const char *colon = strrchr(cite, ':');
    if (!colon || colon == cite || colon[-1] == '/')
        return NULL;
    char *path = strndup(cite, (size_t)(colon - cite)), *rel = NULL, *out = NULL;
    if (path && ix_relative_file(root, path, &rel, NULL) == CS_OK &&
        asprintf(&out, "%s%s", rel, colon) < 0)
        out = NULL;
    if (out && strcmp(out, cite) == 0) {
        free(out);
        out = NULL;
    }
    free(rel);
    free(path);
    return out;
}

cs_status qy_show(qy_engine *e, const char *cite, unsigned context, FILE *out,
                  char **msg)
{
    show_view v;
    cs_status rc = show_lookup(e, cite, context, &v, msg);
    /* Not a path from the index root: perhaps one from here. */
    char *again = rc == CS_NOT_FOUND ? cite_from_cwd(cite, qy_engine_root(e)) : NULL;
    if (again) {
        char *msg2 = NULL;
        cs_status rc2 = show_lookup(e, again, context, &v, &msg2);
        if (rc2 == CS_OK || (rc2 == CS_NOT_FOUND && msg2 &&
                             !strstr(msg2, "not in the index"))) {
            /* Found so, or indexed so: its message says more. */
            if (msg) {
                free(*msg);
                *msg = msg2;
            } else {
                free(msg2);
            }
            rc = rc2;
        } else {
            free(msg2);
        }
        free(again);
    }
    if (rc != CS_OK)
        return rc;
    if (v.changed)
        fprintf(out, "warning: %s %s since it was indexed; showing the "
                     "indexed text\n",
                v.path, v.file ? "changed" : "is missing");
    char where[PATH_MAX + 32];
    size_t cursor = 0; /* the end of the bytes printed so far */
    unsigned trail = 0; /* bytes of base64 the last one did not show */
    for (unsigned i = v.from; i <= v.to; i++) {
        int cited = i >= v.first && i <= v.last;
        show_cite(&v, i, where, sizeof where);
        fprintf(out, "%s ", cited ? ">" : " ");
        qy_put_field(out, where);
        fputc('\n', out);
        const char *text;
        size_t tlen;
        show_text(&v, i, &text, &tlen);
        /* A window of a long paragraph: only what it adds to the ones
         * printed before it, after an ellipsis; nothing when it adds
         * nothing. */
        unsigned form;
        size_t from = new_part(&v, i, text, tlen, &cursor, &trail, &form);
        qy_readable rd = {0};
        if (from < tlen && show_readable(&v, i, text, from, tlen, form, &rd) > 0) {
            text = rd.text;
            tlen = rd.len;
        } else {
            rd.text = NULL; /* the bytes as they are */
            text += from < tlen ? from : tlen;
            tlen -= from < tlen ? from : tlen;
        }
        fputs(cited ? "> " : "  ", out);
        if (from > 0) {
            fputs("... ", out);
            while (tlen > 0 && (*text == ' ' || *text == '\t'))
                text++, tlen--;
        }
        qy_put_text(out, text, tlen, '\0', cited ? "> " : "  ");
        fputs("\n\n", out);
        if (rd.text)
            qy_readable_clear(&rd);
    }
    show_view_clear(&v);
    return CS_OK;
}

/* A metadata string of the cited passage ("" when absent, or when no
 * passage is cited), as JSON. */
static json_t *meta_string(const show_view *v, const char *s)
{
    s = v->has_meta ? s : "";
    return qy_json_bytes(s, strlen(s));
}

cs_status qy_show_json(qy_engine *e, const char *cite, unsigned context,
                       json_t **out, char **msg)
{
    *out = NULL;
    show_view v;
    cs_status rc = show_lookup(e, cite, context, &v, msg);
    if (rc != CS_OK)
        return rc;
    json_t *o = json_object(), *arr = json_array();
    int bad = !o || !arr;
    char where[PATH_MAX + 32];
    size_t cursor = 0; /* the end of the bytes listed so far */
    unsigned trail = 0; /* bytes of base64 the last one did not show */
    for (unsigned i = v.from; !bad && i <= v.to; i++) {
        const passage_ref *p = &v.ps[i];
        const char *text;
        size_t tlen;
        show_text(&v, i, &text, &tlen);
        /* What a reader sees of the bytes it adds to those before it. */
        unsigned form;
        size_t from = new_part(&v, i, text, tlen, &cursor, &trail, &form);
        qy_readable rd = {0};
        int readable = from < tlen ? show_readable(&v, i, text, from, tlen, form, &rd)
                                   : 0;
        show_cite(&v, i, where, sizeof where);
        json_t *pj = json_pack("{s:o, s:b, s:I, s:I, s:I, s:I, s:I, s:o}",
                               "cite", qy_json_bytes(where, strlen(where)),
                               "cited", i >= v.first && i <= v.last,
                               "paragraph", (json_int_t)p->paragraph,
                               "line_start", (json_int_t)p->line_start,
                               "line_end", (json_int_t)p->line_end,
                               "byte_start", (json_int_t)p->byte_start,
                               "byte_end", (json_int_t)p->byte_end,
                               "text", qy_json_bytes(text, tlen));
        bad = !pj || qy_json_set_raw(pj, "raw_bytes", text, tlen) != 0 || readable < 0;
        if (!bad && readable > 0) {
            json_t *shown = qy_readable_json(&rd, 0);
            bad = !shown || json_object_set_new(pj, "shown", shown) != 0;
        }
        qy_readable_clear(&rd);
        if (bad)
            json_decref(pj);
        else
            bad = json_array_append_new(arr, pj) != 0;
    }
    if (!bad) {
        bad |= json_object_set_new(o, "cite", qy_json_bytes(cite, strlen(cite)));
        bad |= json_object_set_new(o, "path", qy_json_bytes(v.path, strlen(v.path)));
        bad |= qy_json_set_raw(o, "raw_path", v.path, strlen(v.path)) != 0;
        bad |= json_object_set_new(o, "title", meta_string(&v, v.meta.title));
        bad |= json_object_set_new(o, "source", meta_string(&v, v.meta.source));
        bad |= json_object_set_new(o, "date", meta_string(&v, v.meta.date));
        bad |= json_object_set_new(o, "url", meta_string(&v, v.meta.url));
        bad |= json_object_set_new(o, "changed", json_boolean(v.changed));
        bad |= json_object_set_new(o, "missing", json_boolean(!v.file));
        bad |= json_object_set(o, "passages", arr);
    }
    json_decref(arr);
    show_view_clear(&v);
    if (bad) {
        json_decref(o);
        return CS_NOMEM;
    }
    *out = o;
    return CS_OK;
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

/* Each shard of the index: [{"shard": local path or "remote HOST:PORT",
 * "files", "passages"}, ...], then those left out by --allow-partial as
 * {"shard", "missing": why}.  A plain database is its own only shard. */
static cs_status shards_json(xs_db *db, json_t **out, char **msg)
{
    json_t *arr = *out = json_array();
    cs_status rc = arr ? CS_OK : CS_NOMEM;
    for (size_t i = 0; rc == CS_OK && i < xs_db_shard_count(db); i++) {
        xs_db *shard = xs_db_shard(db, i);
        stats_ctx s = {0};
        rc = xs_db_metadata_each(shard, CS_META_FILE, on_file_record, &s, msg);
        const char *name = xs_db_name(shard);
        if (rc == CS_OK &&
            json_array_append_new(arr, json_pack("{s:o, s:I, s:I}", "shard",
                                                 qy_json_bytes(name, strlen(name)),
                                                 "files",
                                                 (json_int_t)s.files, "passages",
                                                 (json_int_t)xs_db_doccount(shard))))
            rc = CS_NOMEM;
    }
    for (size_t i = 0; rc == CS_OK && i < xs_db_missing_count(db); i++) {
        const char *why = NULL, *name = xs_db_missing(db, i, &why);
        if (!why)
            why = "";
        if (json_array_append_new(arr, json_pack("{s:o, s:o}", "shard",
                                                 qy_json_bytes(name, strlen(name)),
                                                 "missing",
                                                 qy_json_bytes(why, strlen(why)))))
            rc = CS_NOMEM;
    }
    if (rc != CS_OK) {
        json_decref(arr);
        *out = NULL;
    }
    return rc;
}

cs_status qy_stats_json(qy_engine *e, json_t **out, char **msg)
{
    *out = NULL;
    xs_db *db = qy_engine_db(e);
    stats_ctx s = {0};
    json_t *shards = NULL;
    cs_status rc = xs_db_metadata_each(db, CS_META_FILE, on_file_record, &s, msg);
    if (rc == CS_OK)
        rc = shards_json(db, &shards, msg);
    if (rc != CS_OK)
        return rc;
    /* Paths are bytes: JSON holds only UTF-8, so one that is not (an
     * index in a folder named in Latin-1) gets U+FFFD for its bad bytes. */
    const char *db_path = qy_engine_db_path(e), *root = qy_engine_root(e);
    *out = json_pack("{s:o, s:o, s:s, s:I, s:I, s:I, s:o}", "db",
                     qy_json_bytes(db_path, strlen(db_path)), "root",
                     qy_json_bytes(root, strlen(root)), "schema", qy_engine_schema(e),
                     "files", (json_int_t)s.files, "passages",
                     (json_int_t)xs_db_doccount(db), "bytes", (json_int_t)s.bytes,
                     "shards", shards);
    return *out ? CS_OK : CS_NOMEM;
}

cs_status qy_stats(qy_engine *e, int json, FILE *out, char **msg)
{
    json_t *o = NULL;
    cs_status rc = qy_stats_json(e, &o, msg);
    if (rc != CS_OK)
        return rc;
    if (json) {
        json_dumpf(o, out, JSON_INDENT(2));
        fputc('\n', out);
    } else {
        fprintf(out, "index:    %s\nroot:     %s\nfiles:    %" JSON_INTEGER_FORMAT
                     "\npassages: %" JSON_INTEGER_FORMAT "\ntext:     %"
                     JSON_INTEGER_FORMAT " bytes\n",
                qy_engine_db_path(e), qy_engine_root(e),
                json_integer_value(json_object_get(o, "files")),
                json_integer_value(json_object_get(o, "passages")),
                json_integer_value(json_object_get(o, "bytes")));
        /* One line a shard, when there is more than the index itself. */
        json_t *shards = json_object_get(o, "shards"), *sh;
        size_t i;
        if (json_array_size(shards) > 1 ||
            json_object_get(json_array_get(shards, 0), "missing"))
            json_array_foreach(shards, i, sh) {
                /* The text gives names as they are, bytes and all: the
                 * shards in the order of the array, then the missing. */
                xs_db *db = qy_engine_db(e);
                size_t n = xs_db_shard_count(db);
                const char *why = NULL,
                           *name = i < n ? xs_db_name(xs_db_shard(db, i))
                                         : xs_db_missing(db, i - n, &why);
                if (!name)
                    name = json_string_value(json_object_get(sh, "shard"));
                if (json_object_get(sh, "missing"))
                    fprintf(out, "shard:    %s: missing (%s)\n", name,
                            why ? why : json_string_value(json_object_get(sh, "missing")));
                else
                    fprintf(out, "shard:    %s: %" JSON_INTEGER_FORMAT
                                 " files, %" JSON_INTEGER_FORMAT " passages\n",
                            name, json_integer_value(json_object_get(sh, "files")),
                            json_integer_value(json_object_get(sh, "passages")));
            }
    }
    json_decref(o);
    return CS_OK;
}
