/* ix_manifest.c - loading manifest CSV files with libcsv (see ix_manifest.h). */
#include "ix_manifest.h"
#include "ix_location.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ix_manifest {
    ix_meta *items;
    size_t n, cap;
    unsigned long next_seq;
    int sorted;
    char *root;         /* the index root's absolute path, or NULL */
    FILE *log;          /* where a skipped row is said, or NULL */
    unsigned bad_rows;  /* rows skipped: an empty path, a bad date */
};

enum { COL_PATH, COL_TITLE, COL_SOURCE, COL_DATE, COL_URL, COL_LANG, NCOLS };
static const char *const column_names[NCOLS] = {"path", "title", "source",
                                                "date", "url", "lang"};

ix_manifest *ix_manifest_new(void)
{
    return calloc(1, sizeof(ix_manifest));
}

void ix_manifest_set_log(ix_manifest *m, FILE *log) { m->log = log; }

cs_status ix_manifest_set_root(ix_manifest *m, const char *root)
{
    char *copy = strdup(root);
    if (!copy)
        return CS_NOMEM;
    free(m->root);
    m->root = copy;
    return CS_OK;
}
unsigned ix_manifest_bad_rows(const ix_manifest *m) { return m->bad_rows; }

static void meta_clear(ix_meta *e)
{
    free(e->path);
    free(e->title);
    free(e->source);
    free(e->date);
    free(e->url);
    free(e->lang);
}

void ix_manifest_free(ix_manifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        meta_clear(&m->items[i]);
    free(m->items);
    free(m->root);
    free(m);
}

/* The number written by the n digits at s, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int ix_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

int ix_date_normalize(const char *in, char out[9])
{
    size_t n = strlen(in);
    if (n != 4 && n != 7 && n != 10)
        return -1;
    int y = digits(in, 4), mo = 1, d = 1;
    if (y < 0)
        return -1;
    if (n >= 7 && (in[4] != '-' || (mo = digits(in + 5, 2)) < 1 || mo > 12))
        return -1;
    if (n == 10 &&
        (in[7] != '-' || (d = digits(in + 8, 2)) < 1 || d > ix_month_days(y, mo)))
        return -1;
    /* The digits as written, without the dashes. */
    memcpy(out, in, 4);
    if (n >= 7)
        memcpy(out + 4, in + 5, 2);
    if (n == 10)
        memcpy(out + 6, in + 8, 2);
    out[n == 4 ? 4 : n == 7 ? 6 : 8] = '\0';
    return 0;
}

char *ix_path_join(const char *dir, const char *path)
{
    size_t cap = strlen(dir) + strlen(path) + 3;
    char *buf = malloc(cap), *out = malloc(cap);
    if (!buf || !out) {
        free(buf);
        free(out);
        return NULL;
    }
    snprintf(buf, cap, "%s/%s", dir, path);
    /* Copy component by component, dropping "." and folding "x/..". */
    size_t len = 0;
    char *save = NULL;
    for (char *c = strtok_r(buf, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (strcmp(c, ".") == 0)
            continue;
        if (strcmp(c, "..") == 0 && len > 0) {
            char *last = memrchr(out, '/', len);
            const char *comp = last ? last + 1 : out;
            size_t complen = out + len - comp;
            if (!(complen == 2 && comp[0] == '.' && comp[1] == '.')) {
                len = last ? (size_t)(last - out) : 0;
                continue;
            }
        }
        if (len > 0)
            out[len++] = '/';
        memcpy(out + len, c, strlen(c));
        len += strlen(c);
    }
    out[len] = '\0';
    if (len == 0)
        strcpy(out, ".");
    free(buf);
    return out;
}

/* The state of one manifest parse, fed by libcsv's callbacks. */
typedef struct load_state {
    ix_manifest *m;
    const char *csv_path, *dir_rel;
    int col_of[NCOLS];      /* column index of each known field, or -1 */
    char *cells[NCOLS];     /* the current row's known cells */
    size_t field, row;      /* position in the CSV */
    size_t line, row_line;  /* the file's line read, and where the row began */
    cs_status st;
    char **msg;
} load_state;

static void on_field(void *data, size_t len, void *ctx)
{
    load_state *s = ctx;
    const char *text = data ? data : "";
    if (s->st != CS_OK)
        return;
    if (s->row == 0) {
        /* Header (its byte order mark is gone: ix_manifest_load). */
        for (int c = 0; c < NCOLS; c++)
            if (strlen(column_names[c]) == len &&
                strncasecmp(text, column_names[c], len) == 0)
                s->col_of[c] = (int)s->field;
    } else {
        for (int c = 0; c < NCOLS; c++)
            if (s->col_of[c] == (int)s->field) {
                free(s->cells[c]);
                s->cells[c] = strndup(text, len);
                if (!s->cells[c])
                    s->st = CS_NOMEM;
            }
    }
    s->field++;
}

/* The folder of the manifest, as the run reached it: malloc'd. */
static char *csv_folder(const load_state *s)
{
    char *dir = strdup(s->csv_path);
    if (!dir)
        return NULL;
    char *slash = strrchr(dir, '/');
    if (!slash)
        strcpy(dir, ".");
    else
        slash[slash == dir] = '\0';
    return dir;
}

/* Whether a root-relative path leads out of the root. */
static int escapes_root(const char *rel)
{
    return strcmp(rel, "..") == 0 || strncmp(rel, "../", 3) == 0;
}

/*
 * A manifest's path as the index stores it: a relative one joined to the
 * folder of the manifest (`dir_rel`, from the index root), an absolute
 * one (a list made by `find "$PWD"` or a script) made relative to that
 * folder first, through its own folder's real path (the file's name kept,
 * a symbolic link's too).  Joined as it was, an absolute path named no
 * indexed file, and its row was silently of no use.  A path so joined
 * that leads out of the root, as every row of a manifest kept outside it
 * does ("../proj/a.txt" from "../meta"), is found through the file
 * system when the root is known: lexically, ".." cannot climb back into
 * the root by its name, and the row named no indexed file.
 */
static char *entry_path(const load_state *s, const char *path)
{
    char *csv_dir = csv_folder(s), *in_dir = NULL, *out = NULL, *full = NULL;
    if (!csv_dir)
        return NULL;
    int is_dir = path[strlen(path) - 1] == '/';
    if (path[0] != '/')
        out = ix_path_join(s->dir_rel, path);
    else if (!is_dir && ix_relative_file(csv_dir, path, &in_dir, NULL) == CS_OK)
        out = ix_path_join(s->dir_rel, in_dir);
    else
        out = strdup(path); /* its folder does not exist: no file */
    if (out && !is_dir && s->m->root && escapes_root(out)) {
        char *found = NULL;
        if (path[0] != '/' && asprintf(&full, "%s/%s", csv_dir, path) < 0)
            full = NULL;
        if ((path[0] == '/' || full) &&
            ix_relative_file(s->m->root, full ? full : path, &found, NULL) ==
                CS_OK) {
            free(out);
            out = found;
        }
    }
    free(full);
    free(in_dir);
    free(csv_dir);
    return out;
}

/* A row that cannot be used is skipped, said on the log, and counted:
 * one mistyped date among thousands of rows does not hold back the run
 * (its file is indexed without the row's metadata, and again once the
 * row is corrected); the run ends in an error after the work. */
static cs_status skip_row(load_state *s, const char *why, const char *value)
{
    s->m->bad_rows++;
    if (s->m->log)
        fprintf(s->m->log, "%s: line %zu: %s%s%s%s: the row is skipped\n",
                s->csv_path, s->row_line, why, value ? " '" : "",
                value ? value : "", value ? "'" : "");
    return CS_OK;
}

static cs_status add_entry(load_state *s)
{
    ix_manifest *m = s->m;
    const char *path = s->cells[COL_PATH];
    if (!path || !*path)
        return skip_row(s, "empty path", NULL);
    char date[9] = "";
    const char *d = s->cells[COL_DATE];
    if (d && *d && ix_date_normalize(d, date) != 0)
        return skip_row(s, "the date is not YYYY, YYYY-MM or YYYY-MM-DD:", d);
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        ix_meta *items = realloc(m->items, cap * sizeof *items);
        if (!items)
            return CS_NOMEM;
        m->items = items;
        m->cap = cap;
    }
    ix_meta e = {0};
    e.path = entry_path(s, path);
#define CELL(c) strdup(s->cells[c] ? s->cells[c] : "")
    e.title = CELL(COL_TITLE);
    e.source = CELL(COL_SOURCE);
    e.url = CELL(COL_URL);
    e.lang = CELL(COL_LANG);
#undef CELL
    e.date = strdup(date);
    if (!e.path || !e.title || !e.source || !e.url || !e.lang || !e.date) {
        meta_clear(&e);
        return CS_NOMEM;
    }
    e.seq = m->next_seq++;
    m->items[m->n++] = e;
    m->sorted = 0;
    return CS_OK;
}

static void on_row(int terminator, void *ctx)
{
    load_state *s = ctx;
    (void)terminator;
    if (s->st == CS_OK) {
        if (s->row == 0 && s->col_of[COL_PATH] < 0)
            s->st = cs_fail(s->msg, CS_BAD_INPUT,
                            "%s: the header has no 'path' column "
                            "(expected path,title,source,date,url,lang)",
                            s->csv_path);
        else if (s->row > 0 && s->field > 0)
            s->st = add_entry(s);
    }
    for (int c = 0; c < NCOLS; c++) {
        free(s->cells[c]);
        s->cells[c] = NULL;
    }
    s->field = 0;
    s->row++;
    s->row_line = 0;
}

cs_status ix_manifest_load(ix_manifest *m, const char *csv_path,
                           const char *dir_rel, char **msg)
{
    FILE *f = fopen(csv_path, "rb");
    if (!f)
        return cs_fail(msg, CS_IO, "%s: %s", csv_path, strerror(errno));
    struct csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
        fclose(f);
        return CS_NOMEM;
    }
    load_state s = {.m = m, .csv_path = csv_path, .dir_rel = dir_rel,
                    .msg = msg, .st = CS_OK};
    for (int c = 0; c < NCOLS; c++)
        s.col_of[c] = -1;

    /* Line by line, so that a message names the line a row starts on, as
     * an editor numbers it (a cell may hold line breaks, and libcsv skips
     * blank lines: a row's number is not its line's), as the batch
     * reader does. */
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    while (s.st == CS_OK && (got = getline(&buf, &cap, f)) > 0) {
        size_t n = (size_t)got;
        /* A UTF-8 byte order mark (Excel's "CSV UTF-8", Python's
         * utf-8-sig) is no part of the header: left to libcsv, it would
         * stand before a quoted first name ("path"), which would then not
         * be read as quoted. */
        const char *p = buf;
        if (s.line == 0 && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            n -= 3;
        }
        s.line++;
        if (s.row_line == 0 && strspn(p, " \t\r\n") < n)
            s.row_line = s.line;
        if (csv_parse(&parser, p, n, on_field, on_row, &s) != n &&
            s.st == CS_OK)
            s.st = cs_fail(msg, CS_BAD_INPUT, "%s: line %zu: %s", csv_path,
                           s.line, csv_strerror(csv_error(&parser)));
    }
    free(buf);
    if (s.st == CS_OK && ferror(f))
        s.st = cs_fail(msg, CS_IO, "%s: read error", csv_path);
    if (s.st == CS_OK)
        csv_fini(&parser, on_field, on_row, &s);
    csv_free(&parser);
    fclose(f);
    for (int c = 0; c < NCOLS; c++)
        free(s.cells[c]);
    if (s.st == CS_OK && s.row == 0)
        s.st = cs_fail(msg, CS_BAD_INPUT, "%s: empty manifest (a header "
                       "path,title,source,date,url,lang is required)", csv_path);
    return s.st;
}

static int cmp_meta(const void *a, const void *b)
{
    const ix_meta *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(((const ix_meta *)a)->path, ((const ix_meta *)b)->path);
}

const ix_meta *ix_manifest_find(ix_manifest *m, const char *path)
{
    if (!m || m->n == 0)
        return NULL;
    if (!m->sorted) {
        /* Sort by path then load order, and keep the last of each path:
         * a later manifest (or row) overrides an earlier one. */
        qsort(m->items, m->n, sizeof *m->items, cmp_meta);
        size_t out = 0;
        for (size_t i = 0; i < m->n; i++) {
            if (i + 1 < m->n && strcmp(m->items[i].path, m->items[i + 1].path) == 0) {
                meta_clear(&m->items[i]);
                continue;
            }
            m->items[out++] = m->items[i];
        }
        m->n = out;
        m->sorted = 1;
    }
    ix_meta key = {.path = (char *)path};
    return bsearch(&key, m->items, m->n, sizeof *m->items, cmp_path);
}
