/* test_indexer.c - unit tests of the indexer's helpers: manifests, dates,
 * paths and the incremental run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "ix_doc.h"
#include "ix_file.h"
#include "ix_index.h"
#include "ix_location.h"
#include "ix_html.h"
#include "ix_mail.h"
#include "ix_manifest.h"
#include "ix_docdata.h"
#include "ix_shards.h"
#include "schema.h"
#include "xs.h"

static char *write_file(const char *dir, const char *name, const char *text)
{
    char *path = NULL;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* A fresh folder `dir` (a mkdtemp template) with an index path and an
 * empty docs/ folder in it; *db and *docs are the caller's to free. */
static void make_workdir(char *dir, char **db, char **docs)
{
    assert_non_null(mkdtemp(dir));
    assert_true(asprintf(db, "%s/idx", dir) > 0);
    assert_true(asprintf(docs, "%s/docs", dir) > 0);
    assert_int_equal(mkdir(*docs, 0700), 0);
}

/* Indexes `dir`/docs into `db` as a run from `dir` would (paths docs/...),
 * the summary in *sum; the working directory is left as it was. */
static cs_status index_docs(const char *dir, const char *db, ix_summary *sum)
{
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    FILE *log = fopen("/dev/null", "w");
    assert_non_null(log);
    ix_options o = {.db_path = db, .log = log, .quiet = 1};
    char *msg = NULL;
    char *paths[] = {"docs"};
    cs_status rc = ix_run(&o, paths, 1, sum, &msg);
    free(msg);
    fclose(log);
    assert_int_equal(chdir(cwd), 0);
    return rc;
}

static void test_dates(void **state)
{
    (void)state;
    char d[9];
    assert_int_equal(ix_date_normalize("2023-12-29", d), 0);
    assert_string_equal(d, "20231229");
    assert_int_equal(ix_date_normalize("2023-12", d), 0);
    assert_string_equal(d, "202312");
    assert_int_equal(ix_date_normalize("2023", d), 0);
    assert_string_equal(d, "2023");
    assert_int_equal(ix_date_normalize("2023-00", d), -1);
    assert_int_equal(ix_date_normalize("29 December 2023", d), -1);
    assert_int_equal(ix_date_normalize("2023-1-2", d), -1);
    /* Days the month has, leap years included. */
    assert_int_equal(ix_date_normalize("2024-02-29", d), 0);
    assert_string_equal(d, "20240229");
    assert_int_equal(ix_date_normalize("2000-02-29", d), 0);
    assert_int_equal(ix_date_normalize("2023-02-29", d), -1);
    assert_int_equal(ix_date_normalize("1900-02-29", d), -1);
    assert_int_equal(ix_date_normalize("2023-04-31", d), -1);
    assert_int_equal(ix_date_normalize("2023-12-31", d), 0);
    assert_int_equal(ix_date_normalize("2023-13", d), -1);
    assert_int_equal(ix_date_normalize("-123", d), -1);
    assert_int_equal(ix_date_normalize("2023--1", d), -1);
    assert_int_equal(ix_date_normalize("2023-1-", d), -1);
    assert_int_equal(ix_date_normalize("20231", d), -1);
}

static void test_path_join(void **state)
{
    (void)state;
    char *p = ix_path_join("corpus", "./a.txt");
    assert_string_equal(p, "corpus/a.txt");
    free(p);
    p = ix_path_join("corpus/sub", "../b.txt");
    assert_string_equal(p, "corpus/b.txt");
    free(p);
    p = ix_path_join(".", "c.txt");
    assert_string_equal(p, "c.txt");
    free(p);
    p = ix_path_join("..", "x/../y.txt");
    assert_string_equal(p, "../y.txt");
    free(p);
}

static void test_relative_path(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-ix-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *a = NULL, *b = NULL, *rel = NULL;
    assert_true(asprintf(&a, "%s/a", dir) > 0);
    assert_true(asprintf(&b, "%s/ab/c", dir) > 0);
    assert_int_equal(mkdir(a, 0700), 0);
    char *ab = NULL;
    assert_true(asprintf(&ab, "%s/ab", dir) > 0);
    assert_int_equal(mkdir(ab, 0700), 0);
    assert_int_equal(mkdir(b, 0700), 0);
    assert_int_equal(ix_relative_path(a, b, &rel, NULL), CS_OK);
    assert_string_equal(rel, "../ab/c"); /* "a" is not a prefix of "ab" */
    free(rel);
    assert_int_equal(ix_relative_path(b, dir, &rel, NULL), CS_OK);
    assert_string_equal(rel, "../..");
    free(rel);
    assert_int_equal(ix_relative_path(a, a, &rel, NULL), CS_OK);
    assert_string_equal(rel, ".");
    free(rel);
    rmdir(b);
    rmdir(ab);
    rmdir(a);
    rmdir(dir);
    free(a);
    free(b);
    free(ab);
}

static void test_manifest(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-ix-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = write_file(dir, "manifest.csv",
                            "\xEF\xBB\xBFlang,path,title,extra,date\r\n"
                            "en,a.txt,\"Title, with comma\",x,2023-12-29\r\n"
                            "fr,sub/b.txt,\"Multi\nline \"\"quoted\"\"\",y,\r\n"
                            "de,a.txt,Later wins,z,2020\r\n");
    ix_manifest *m = ix_manifest_new();
    char *msg = NULL;
    assert_int_equal(ix_manifest_load(m, path, "corpus", &msg), CS_OK);
    const ix_meta *a = ix_manifest_find(m, "corpus/a.txt");
    assert_non_null(a);
    assert_string_equal(a->title, "Later wins");
    assert_string_equal(a->date, "2020");
    assert_string_equal(a->lang, "de");
    const ix_meta *b = ix_manifest_find(m, "corpus/sub/b.txt");
    assert_non_null(b);
    assert_string_equal(b->title, "Multi\nline \"quoted\"");
    assert_string_equal(b->source, "");
    assert_null(ix_manifest_find(m, "a.txt"));
    ix_manifest_free(m);
    unlink(path);
    free(path);

    /* A byte order mark before a quoted header (Python's utf-8-sig with
     * QUOTE_ALL, a spreadsheet that quotes every cell). */
    path = write_file(dir, "bomquoted.csv",
                      "\xEF\xBB\xBF\"path\",\"title\"\r\n"
                      "\"a.txt\",\"Quoted title\"\r\n");
    m = ix_manifest_new();
    assert_int_equal(ix_manifest_load(m, path, ".", &msg), CS_OK);
    a = ix_manifest_find(m, "a.txt");
    assert_non_null(a);
    assert_string_equal(a->title, "Quoted title");
    ix_manifest_free(m);
    unlink(path);
    free(path);

    /* An absolute path names the same file as a relative one: made
     * relative to the manifest's folder, then joined to dir_rel. */
    char *sub = NULL, *abs_csv = NULL;
    assert_true(asprintf(&sub, "%s/sub", dir) > 0);
    assert_int_equal(mkdir(sub, 0777), 0);
    assert_true(asprintf(&abs_csv, "path,title\n%s/sub/c.txt,Absolute\n"
                                   "/no/such/folder/d.txt,Nowhere\n",
                         dir) > 0);
    path = write_file(dir, "absolute.csv", abs_csv);
    m = ix_manifest_new();
    assert_int_equal(ix_manifest_load(m, path, "corpus", &msg), CS_OK);
    a = ix_manifest_find(m, "corpus/sub/c.txt");
    assert_non_null(a);
    assert_string_equal(a->title, "Absolute");
    ix_manifest_free(m);
    unlink(path);
    free(path);
    free(abs_csv);
    rmdir(sub);
    free(sub);

    /* A row with a bad date or no path is skipped, counted and said on
     * the log, naming the file and row; the other rows are read. */
    path = write_file(dir, "bad.csv",
                      "path,date\nx.txt,2023-02\ny.txt,soon\n,2021\nz.txt,2020\n");
    m = ix_manifest_new();
    char *said = NULL;
    size_t said_len = 0;
    FILE *log = open_memstream(&said, &said_len);
    ix_manifest_set_log(m, log);
    assert_int_equal(ix_manifest_load(m, path, ".", &msg), CS_OK);
    fclose(log);
    assert_int_equal(ix_manifest_bad_rows(m), 2);
    assert_non_null(ix_manifest_find(m, "x.txt"));
    assert_null(ix_manifest_find(m, "y.txt"));
    assert_non_null(ix_manifest_find(m, "z.txt"));
    assert_non_null(strstr(said, "bad.csv: line 3: the date is not YYYY, YYYY-MM "
                                 "or YYYY-MM-DD: 'soon': the row is skipped"));
    assert_non_null(strstr(said, "bad.csv: line 4: empty path"));
    free(said);
    ix_manifest_free(m);
    unlink(path);
    free(path);

    /* The line the row starts on, as an editor numbers it, past a blank
     * line and a cell that holds line breaks (it was "row 3": line 3 is
     * inside the title), CR LF or not. */
    path = write_file(dir, "lines.csv", "path,title,date\n\nx.txt,\"Two\nlines\","
                                        "2023\r\ny.txt,,soon\r\n\n,Y\n");
    m = ix_manifest_new();
    said = NULL;
    log = open_memstream(&said, &said_len);
    ix_manifest_set_log(m, log);
    assert_int_equal(ix_manifest_load(m, path, ".", &msg), CS_OK);
    fclose(log);
    assert_non_null(strstr(said, "lines.csv: line 5: the date is not"));
    assert_non_null(strstr(said, "lines.csv: line 7: empty path"));
    assert_int_equal(ix_manifest_bad_rows(m), 2);
    free(said);
    ix_manifest_free(m);
    unlink(path);
    free(path);

    /* No path column. */
    path = write_file(dir, "nopath.csv", "title\nx\n");
    m = ix_manifest_new();
    assert_int_equal(ix_manifest_load(m, path, ".", &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "path"));
    free(msg);
    ix_manifest_free(m);
    unlink(path);
    free(path);
    rmdir(dir);
}

static void test_path_terms(void **state)
{
    (void)state;
    char t[CS_MAX_TERM + 1], u[CS_MAX_TERM + 1];
    ix_path_term("corpus/a.txt", t);
    assert_string_equal(t, "Pcorpus/a.txt");
    /* Long paths stay unique and within Xapian's term limit. */
    char long1[600], long2[600];
    memset(long1, 'x', sizeof long1 - 1);
    long1[sizeof long1 - 1] = '\0';
    memcpy(long2, long1, sizeof long2);
    long2[590] = 'y';
    ix_path_term(long1, t);
    ix_path_term(long2, u);
    assert_true(strlen(t) <= CS_MAX_TERM);
    assert_string_not_equal(t, u);
}

static void rm_rf(const char *dir);

static int count_term(void *ctx, const char *term, size_t len, unsigned tf)
{
    (void)term;
    (void)len;
    (void)tf;
    ++*(unsigned *)ctx;
    return 0;
}

static void test_reading_version(void **state)
{
    (void)state;
    /* A file read the way of an older citesearch (its record without a
     * reading number, as such versions wrote it) is read again by the
     * next run though its size and mtime are unchanged, then not again. */
    char dir[] = "/tmp/cs-ix-XXXXXX";
    char *db = NULL, *docs = NULL;
    make_workdir(dir, &db, &docs);
    free(write_file(docs, "m.txt", "From: a@b.c\nSubject: Hello\n\nBody.\n"));
    free(write_file(docs, "n.txt", "Notes\n\nText.\n"));
    ix_summary sum;
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 2);

    xs_wdb *w = NULL;
    ix_record r;
    int found = 0;
    assert_int_equal(xs_wdb_open(db, 0, &w, NULL), CS_OK);
    assert_int_equal(ix_record_get(w, "docs/m.txt", &r, &found, NULL), CS_OK);
    assert_true(found);
    assert_int_equal(r.reading, CS_READING_VERSION);
    char old[128];
    int n = snprintf(old, sizeof old, "%llu %lld %016llx %u",
                     (unsigned long long)r.size, (long long)r.mtime_ns,
                     (unsigned long long)r.hash, r.passages);
    assert_int_equal(xs_wdb_set_metadata(w, "file:docs/m.txt", old, (size_t)n,
                                         NULL),
                     CS_OK);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    assert_int_equal(ix_record_get(w, "docs/m.txt", &r, &found, NULL), CS_OK);
    assert_int_equal(r.reading, 1);
    xs_wdb_close(w);

    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 1);
    assert_int_equal(sum.unchanged, 1);
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 0);
    assert_int_equal(sum.unchanged, 2);
    rm_rf(dir);
    free(db);
    free(docs);
}

/* Dates the file `dir`/`name` an hour back, as a file usually is when it
 * is indexed: a file read less than a second after it was written is read
 * again by the next run (ix_file.c), which a test that counts what a run
 * reads must not see. */
static void settle(const char *dir, const char *name)
{
    char *path = NULL;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    struct timespec t[2];
    assert_int_equal(clock_gettime(CLOCK_REALTIME, &t[0]), 0);
    t[0].tv_sec -= 3600;
    t[1] = t[0];
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
    free(path);
}

/* The title, source and date (each at most 63 bytes) of the passages of
 * `rel` in the index `db`, which must have some, all alike. */
typedef struct article_meta {
    char title[64], source[64], date[64];
} article_meta;

static article_meta meta_of(const char *db, const char *rel)
{
    article_meta m;
    memset(&m, 0, sizeof m);
    xs_db *x = NULL;
    assert_int_equal(xs_db_open(db, &x, NULL), CS_OK);
    unsigned docs = xs_db_doccount(x), seen = 0, found = 0;
    /* Docids of replaced passages are not reused: look until every
     * document was seen. */
    for (xs_docid id = 1; seen < docs; id++) {
        char *data = NULL;
        size_t len = 0;
        if (xs_db_get_data(x, id, &data, &len, NULL) != CS_OK)
            continue;
        seen++;
        ix_docdata d;
        assert_int_equal(ix_docdata_decode(data, len, &d, NULL), CS_OK);
        if (strcmp(d.path, rel) == 0) {
            article_meta n;
            memset(&n, 0, sizeof n);
            assert_true(strlen(d.title) < sizeof n.title &&
                        strlen(d.source) < sizeof n.source &&
                        strlen(d.date) < sizeof n.date);
            strcpy(n.title, d.title);
            strcpy(n.source, d.source);
            strcpy(n.date, d.date);
            if (found++)
                assert_memory_equal(&n, &m, sizeof m);
            m = n;
        }
        ix_docdata_release(&d);
        free(data);
    }
    xs_db_close(x);
    assert_true(found > 0);
    return m;
}

/* A manifest row changed, added or removed is applied to a file whose
 * bytes did not change (its passages written again); a manifest that did
 * not change costs no file a read. */
static void test_manifest_reindex(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-ix-XXXXXX";
    char *db = NULL, *docs = NULL;
    make_workdir(dir, &db, &docs);
    free(write_file(docs, "a.txt", "First line\n\nThe okapi was seen.\n"));
    free(write_file(docs, "b.txt", "Other notes\n\nNo row names this.\n"));
    free(write_file(docs, "manifest.csv", "path,title,source,date\n"
                                          "a.txt,Okapi report,Reuters,2022-07-15\n"));
    settle(docs, "a.txt");
    settle(docs, "b.txt");
    ix_summary sum;
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 2);
    article_meta m = meta_of(db, "docs/a.txt");
    assert_string_equal(m.title, "Okapi report");
    assert_string_equal(m.source, "Reuters");
    assert_string_equal(m.date, "2022-07-15");

    /* Unchanged files, unchanged manifest: nothing read. */
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.read, 0);
    assert_int_equal(sum.bytes, 0);
    assert_int_equal(sum.indexed, 0);
    assert_int_equal(sum.unchanged, 2);

    /* The row corrected: that file only is indexed again, with it. */
    free(write_file(docs, "manifest.csv",
                    "path,title,source,date\n"
                    "a.txt,Okapi report (corrected),AP,2023-01-02\n"));
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.read, 1);
    assert_int_equal(sum.indexed, 1);
    assert_int_equal(sum.unchanged, 1);
    m = meta_of(db, "docs/a.txt");
    assert_string_equal(m.title, "Okapi report (corrected)");
    assert_string_equal(m.source, "AP");
    assert_string_equal(m.date, "2023-01-02");
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.read, 0);
    assert_int_equal(sum.unchanged, 2);

    /* A row added for a file indexed without one. */
    free(write_file(docs, "manifest.csv",
                    "path,title,source,date\n"
                    "a.txt,Okapi report (corrected),AP,2023-01-02\n"
                    "b.txt,Notes,Desk,2021\n"));
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 1);
    m = meta_of(db, "docs/b.txt");
    assert_string_equal(m.title, "Notes");
    assert_string_equal(m.source, "Desk");

    /* The rows removed: the titles are the files' first lines again. */
    free(write_file(docs, "manifest.csv", "path,title,source,date\n"));
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 2);
    m = meta_of(db, "docs/a.txt");
    assert_string_equal(m.title, "First line");
    assert_string_equal(m.source, "");
    assert_string_equal(m.date, "");
    m = meta_of(db, "docs/b.txt");
    assert_string_equal(m.title, "Other notes");
    /* An empty manifest is the same as none. */
    char *manifest = NULL;
    assert_true(asprintf(&manifest, "%s/manifest.csv", docs) > 0);
    assert_int_equal(unlink(manifest), 0);
    free(manifest);
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.read, 0);
    assert_int_equal(sum.unchanged, 2);
    rm_rf(dir);
    free(db);
    free(docs);
}

/* A record written before the metadata's hash was kept (five fields): its
 * file is indexed again when it has manifest metadata now (which it may
 * never have been given), not when it has none. */
static void test_record_without_meta_hash(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-ix-XXXXXX";
    char *db = NULL, *docs = NULL;
    make_workdir(dir, &db, &docs);
    free(write_file(docs, "a.txt", "First line\n\nThe okapi was seen.\n"));
    free(write_file(docs, "b.txt", "Other notes\n\nNo row names this.\n"));
    free(write_file(docs, "manifest.csv", "path,title\na.txt,Okapi report\n"));
    settle(docs, "a.txt");
    settle(docs, "b.txt");
    ix_summary sum;
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.indexed, 2);

    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(db, 0, &w, NULL), CS_OK);
    const char *rels[] = {"docs/a.txt", "docs/b.txt"};
    for (int i = 0; i < 2; i++) {
        ix_record r;
        int found = 0;
        assert_int_equal(ix_record_get(w, rels[i], &r, &found, NULL), CS_OK);
        assert_true(found && r.meta_known);
        char key[64], old[128];
        snprintf(key, sizeof key, "file:%s", rels[i]);
        int n = snprintf(old, sizeof old, "%llu %lld %016llx %u %u",
                         (unsigned long long)r.size, (long long)r.mtime_ns,
                         (unsigned long long)r.hash, r.passages, r.reading);
        assert_int_equal(xs_wdb_set_metadata(w, key, old, (size_t)n, NULL),
                         CS_OK);
        assert_int_equal(ix_record_get(w, rels[i], &r, &found, NULL), CS_OK);
        assert_true(found && !r.meta_known);
        assert_int_equal(r.reading, CS_READING_VERSION);
    }
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);

    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.read, 1);
    assert_int_equal(sum.indexed, 1);
    assert_int_equal(sum.unchanged, 1);
    assert_string_equal(meta_of(db, "docs/a.txt").title, "Okapi report");
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);
    assert_int_equal(sum.read, 0);
    assert_int_equal(sum.unchanged, 2);
    rm_rf(dir);
    free(db);
    free(docs);
}

static void test_mail_head(void **state)
{
    (void)state;
    ix_mail_head h;
    /* An mbox line, a folded Subject, CR LF line ends. */
    const char *m = "From a@b.c  Sat Oct  5 10:37:21 2002\r\n"
                    "Received: from x\r\n\tby y\r\n"
                    "From: Ann <a@b.c>\r\n"
                    "Subject: Two\r\n  lines\r\n"
                    "Date: Sat, 05 Oct 2002 08:00:31 -0000\r\n"
                    "\r\n"
                    "Body.\r\n";
    assert_int_equal(ix_mail_parse(m, strlen(m), &h), 1);
    assert_int_equal(h.body_line, 8);
    assert_string_equal(m + h.body_off, "Body.\r\n");
    assert_string_equal(h.date, "20021005");
    char *v = ix_mail_value(h.subject, NULL);
    assert_string_equal(v, "Two lines");
    free(v);
    v = ix_mail_value(h.from, NULL);
    assert_string_equal(v, "Ann <a@b.c>");
    free(v);

    /* No mbox line; a date without its day name; no Subject. */
    const char *n = "From: x@y.z\nDate: 5 Oct 2002\n\nText\n";
    assert_int_equal(ix_mail_parse(n, strlen(n), &h), 1);
    assert_int_equal(h.body_line, 3);
    assert_string_equal(h.date, "20021005");
    v = ix_mail_value(h.subject, NULL);
    assert_string_equal(v, "");
    free(v);
    /* A bounce: no address in From:, but a mailbox's "From " line. */
    const char *bounce = "From MAILER-DAEMON  Tue Jun 26 13:05:04 2001\n"
                         "From: \"\" <>\nSubject: s\n\nText\n";
    assert_int_equal(ix_mail_parse(bounce, strlen(bounce), &h), 1);
    assert_int_equal(h.body_line, 4);
    /* A day the month does not have is no date. */
    const char *feb = "From: x@y.z\nDate: Sat, 31 Feb 2002 08:00:31 -0000\n\nT\n";
    assert_int_equal(ix_mail_parse(feb, strlen(feb), &h), 1);
    assert_string_equal(h.date, "");
    /* A Date that is not one is left out, the mail is still one. */
    const char *d = "From: x@y.z\nSubject: s\nDate: soon\n\nText\n";
    assert_int_equal(ix_mail_parse(d, strlen(d), &h), 1);
    assert_string_equal(h.date, "");

    /* Not e-mails: no address in From; From alone; a line that is not a
     * field; no blank line; a continuation first. */
    const char *no[] = {
        "From: Reuters\nDate: 5 Oct 2002\n\nText\n",
        "From: x@y.z\n\nText\n",
        "From: x@y.z\nSubject: s\nnot a field\n\nText\n",
        "From: x@y.z\nSubject: s\n",
        " From: x@y.z\nSubject: s\n\nText\n",
        "Title: Notes\nAuthor: A\n\nText\n",
        "",
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_int_equal(ix_mail_parse(no[i], strlen(no[i]), &h), 0);
}

/* A page saved as one file: its header block is a snapshot's, not an
 * e-mail's (the browser in From:), and its address is kept; a header
 * block that declares no MIME content, or a mailbox's, is none. */
static void test_snapshot_head(void **state)
{
    (void)state;
    ix_mail_head h;
    const char *blink = "From: <Saved by Blink>\r\n"
                        "Snapshot-Content-Location: https://example.org/a?x=1\r\n"
                        "Subject: =?utf-8?Q?Rama=20talks?=\r\n"
                        "Date: Thu, 8 Sep 2022 09:12:44 -0000\r\n"
                        "MIME-Version: 1.0\r\n"
                        "Content-Type: multipart/related;\r\n"
                        "\ttype=\"text/html\";\r\n\tboundary=\"--b--\"\r\n"
                        "Content-Location: https://example.org/other\r\n"
                        "\r\n\r\n----b--\r\n";
    assert_int_equal(ix_mail_parse(blink, strlen(blink), &h), 0);
    assert_int_equal(ix_mail_parse_snapshot(blink, strlen(blink), &h), 1);
    assert_int_equal(h.body_line, 10);
    char *v = ix_mail_value(h.location, NULL);
    assert_string_equal(v, "https://example.org/a?x=1"); /* the snapshot's wins */
    free(v);
    v = ix_mail_value(h.subject, NULL);
    assert_string_equal(v, "Rama talks");
    free(v);

    /* Internet Explorer's: a Content-Location only. */
    const char *ie = "From: \"Saved by Windows Internet Explorer 8\"\n"
                     "Content-Location: http://example.org/b\n"
                     "Content-Type: multipart/related; boundary=\"x\"\n\n--x\n";
    assert_int_equal(ix_mail_parse_snapshot(ie, strlen(ie), &h), 1);
    v = ix_mail_value(h.location, NULL);
    assert_string_equal(v, "http://example.org/b");
    free(v);

    const char *no[] = {
        "From: a@b.c\nSubject: s\n\nText\n",                     /* no MIME */
        ("From a@b.c  Sat Oct  5 10:37:21 2002\nFrom: a@b.c\n"
         "Content-Type: text/html\n\n<p>x</p>\n"),               /* a mailbox */
        "<html><body><p>x</p></body></html>\n",                  /* a page */
        "Content-Type: text/html\n",                             /* no body */
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_int_equal(ix_mail_parse_snapshot(no[i], strlen(no[i]), &h), 0);

    assert_true(ix_html_snapshot_path("saved/page.MHTML"));
    assert_true(ix_html_snapshot_path("page.mht"));
    assert_false(ix_html_snapshot_path("page.html"));
    assert_false(ix_html_path("page.mhtml"));
}

/* Collects the text runs ix_mail_texts gives, as strings. */
typedef struct runs {
    const char *text;
    char *got[8];
    unsigned form[8];
    char charset[8][48];
    size_t n;
} runs;

static int keep_run(void *ctx, size_t off, size_t len, unsigned form,
                    const char *charset)
{
    runs *r = ctx;
    assert_true(r->n < 8);
    assert_true(strlen(charset) < sizeof r->charset[0]);
    strcpy(r->charset[r->n], charset);
    r->form[r->n] = form;
    r->got[r->n++] = strndup(r->text + off, len);
    return 0;
}

static void texts_of(const char *m, runs *r)
{
    ix_mail_head h;
    memset(r, 0, sizeof *r);
    r->text = m;
    assert_int_equal(ix_mail_parse(m, strlen(m), &h), 1);
    assert_int_equal(ix_mail_texts(m, strlen(m), &h, keep_run, r), 0);
}

static void runs_clear(runs *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->got[i]);
}

/* The mail's body is one run, `want`, written in `form`. */
static void one_run(const char *mail, const char *want, unsigned form)
{
    runs r;
    texts_of(mail, &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.got[0], want);
    assert_int_equal(r.form[0], form);
    runs_clear(&r);
}

/* A saved web page's metadata, from its head: the title (else the first
 * heading), the site's name (else the author), the date, the address and
 * the charset, whichever way the page says them; a page that says none
 * has empty ones. */
static void test_html_meta(void **state)
{
    (void)state;
    ix_html_meta m;
    const char *page =
        "<!DOCTYPE html><html><head>"
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"
        "<TITLE>  Rama &amp; Iran\n  talks </TITLE>"
        "<meta name=author content=\"A. Writer\">"
        "<meta property=\"og:site_name\" content=\"\">"
        "<meta itemprop=\"datePublished\" content=\"2023-01-31\">"
        "<meta property=\"og:url\" content=\"https://example.org/og\">"
        "<link rel=canonical href=\"https://example.org/a\"></head><body><h1>Head</h1>";
    assert_int_equal(ix_html_read_meta(page, strlen(page), &m), 0);
    assert_string_equal(m.title, "Rama & Iran talks");
    assert_string_equal(m.source, "A. Writer"); /* an empty site name says nothing */
    assert_string_equal(m.date, "20230131");
    assert_string_equal(m.url, "https://example.org/a");
    assert_string_equal(m.charset, "ISO-8859-2");
    ix_html_meta_clear(&m);

    const char *bare = "<html><body><h1>Only a heading</h1><p>Text.</p></body></html>";
    assert_int_equal(ix_html_read_meta(bare, strlen(bare), &m), 0);
    assert_string_equal(m.title, "Only a heading");
    assert_string_equal(m.source, "");
    assert_string_equal(m.date, "");
    assert_string_equal(m.charset, "");
    ix_html_meta_clear(&m);

    /* The head says no title nor date: the body's heading and time, not
     * an icon's <title>. */
    const char *body = "<html><head><meta charset=utf-8></head><body>"
                       "<svg><title>Share icon</title></svg>"
                       "<h1>Border talks resume</h1>"
                       "<time datetime=\"2022-11-03T08:00\">3 Nov</time></body></html>";
    assert_int_equal(ix_html_read_meta(body, strlen(body), &m), 0);
    assert_string_equal(m.title, "Border talks resume");
    assert_string_equal(m.date, "20221103");
    ix_html_meta_clear(&m);

    /* Linked data: the article's date and publisher, not the web page's
     * date nor a breadcrumb's; the site's own name still first; a script
     * that is not JSON says nothing. */
    const char *linked =
        "<html><head><title>T</title>"
        "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\"}</script>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2020-01-01\"},"
        "{\"@type\":[\"NewsArticle\"],\"datePublished\":\"2023-05-04T08:00:00Z\","
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\" Balkan  Insight \"}}]}"
        "</script><meta name=author content=\"A. Writer\"></head><body></body></html>";
    assert_int_equal(ix_html_read_meta(linked, strlen(linked), &m), 0);
    assert_string_equal(m.date, "20230504");
    assert_string_equal(m.source, "Balkan Insight");
    ix_html_meta_clear(&m);
    const char *site =
        "<html><head><title>Rama in Tirana | Exit News</title>"
        "<meta property=\"og:site_name\" content=\"Exit News\">"
        "<meta property=\"og:title\" content=\"Rama in Tirana\">"
        "<script type=\"application/ld+json\">[{\"@type\":\"WebPage\","
        "\"datePublished\":\"2021-02-03\",\"publisher\":{\"name\":\"P\"}}]</script>"
        "</head></html>";
    assert_int_equal(ix_html_read_meta(site, strlen(site), &m), 0);
    assert_string_equal(m.source, "Exit News");
    assert_string_equal(m.date, "20210203"); /* no article: the item with a date */
    assert_string_equal(m.title, "Rama in Tirana"); /* og:title before <title> */
    ix_html_meta_clear(&m);
    const char *broken = "<html><head><script type=\"application/ld+json\">{\"datePublished\":"
                         "</script></head><body><time datetime=\"2019-09-09\"></time></body></html>";
    assert_int_equal(ix_html_read_meta(broken, strlen(broken), &m), 0);
    assert_string_equal(m.date, "20190909");
    assert_string_equal(m.source, "");
    ix_html_meta_clear(&m);

    assert_true(ix_html_path("a/b.HTML"));
    assert_true(ix_html_path("page.htm"));
    assert_false(ix_html_path("notes.txt"));
}

/* Of a MIME body only the text parts are cited (in base64 too): not the
 * parts' headers, delimiters, preamble or epilogue, not an image, not HTML
 * that a plain text alternative says the same as. */
static void test_mail_text_parts(void **state)
{
    (void)state;
    runs r;
    const char *mixed =
        "From: a@b.c\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed;\r\n\tboundary=\"=_outer\"\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n"
        "--=_outer\r\n"
        "Content-Type: multipart/alternative; boundary=inner\r\n\r\n"
        "--inner\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        "Plain words.\r\n"
        "--inner\r\nContent-Type: text/html\r\n\r\n<p>Plain words.</p>\r\n"
        "--inner--\r\n"
        "--=_outer\r\nContent-Type: image/gif; name=x.gif\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAIAAAP8AAP///yH5\r\n"
        "--=_outer\r\nContent-Type: text/plain\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nVGV4dCBpbiBiYXNlNjQ=\r\n"
        "--=_outer\r\n\r\nA part without fields.\r\n"
        "--=_outer--\r\nThe epilogue.\r\n";
    texts_of(mixed, &r);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.got[0], "Plain words.\r\n");
    assert_string_equal(r.got[1], "VGV4dCBpbiBiYXNlNjQ=\r\n");
    assert_string_equal(r.got[2], "A part without fields.\r\n");
    assert_false(r.form[0] || r.form[2]);
    assert_int_equal(r.form[1], TX_FORM_B64);
    assert_string_equal(r.charset[0], "us-ascii");
    assert_string_equal(r.charset[2], "");
    runs_clear(&r);

    /* HTML alone is kept (it is the only text there is); HTML whose
     * plain alternative is in base64 is not (that is read). */
    const char *html = "From: a@b.c\nSubject: s\n"
                       "Content-Type: multipart/alternative; boundary=b\n\n"
                       "--b\nContent-Type: text/html\n\n<p>Only here.</p>\n--b--\n";
    one_run(html, "<p>Only here.</p>\n", TX_FORM_HTML);
    const char *b64plain = "From: a@b.c\nSubject: s\n"
                           "Content-Type: multipart/alternative; boundary=b\n\n"
                           "--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
                           "T25seSBoZXJlLg==\n"
                           "--b\nContent-Type: text/html\n\n<p>Only here.</p>\n--b--\n";
    one_run(b64plain, "T25seSBoZXJlLg==\n", TX_FORM_B64);

    /* The form a run is written in. */
    const char *qp = "From: a@b.c\nSubject: s\nContent-Type: text/html\n"
                     "Content-Transfer-Encoding: Quoted-Printable\n\n<p>x=3Dy</p>\n";
    one_run(qp, "<p>x=3Dy</p>\n", TX_FORM_HTML | TX_FORM_QP);

    /* The charset a part declares, quoted or not, in any case, after
     * other parameters or before them; the whole body's when it is not
     * multipart. */
    const char *charsets =
        "From: a@b.c\nSubject: s\n"
        "Content-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Type: text/plain; CHARSET=\"KOI8-R\"\n\nOne.\n"
        "--b\nContent-Type: text/plain; format=flowed;\n charset=big5; delsp=yes\n\nTwo.\n"
        "--b\nContent-Type: text/plain; xcharset=koi8-r\n\nThree.\n--b--\n";
    texts_of(charsets, &r);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.charset[0], "KOI8-R");
    assert_string_equal(r.charset[1], "big5");
    assert_string_equal(r.charset[2], "");
    runs_clear(&r);
    texts_of("From: a@b.c\nSubject: s\nContent-Type: text/plain; charset=windows-1251\n\nx\n",
             &r);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.charset[0], "windows-1251");
    runs_clear(&r);

    /* A forwarded message (message/rfc822): its body, read by its own
     * fields, not its header block. */
    const char *fwd =
        "From: a@b.c\nSubject: s\nContent-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Type: text/plain\n\nSee below.\n"
        "--b\nContent-Type: message/rfc822\n\n"
        "Received: from relay by mx\nFrom: c@d.e\nSubject: inner\n"
        "Content-Type: text/html; charset=koi8-r\n\n<p>Inner body.</p>\n--b--\n";
    texts_of(fwd, &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.got[0], "See below.\n");
    assert_string_equal(r.got[1], "<p>Inner body.</p>\n");
    assert_int_equal(r.form[1], TX_FORM_HTML);
    assert_string_equal(r.charset[1], "koi8-r");
    runs_clear(&r);

    /* Not multipart: the body, unless not text; a multipart body without
     * its delimiter lines is read as text. */
    const char *plain = "From: a@b.c\nSubject: s\n\nBody.\n";
    one_run(plain, "Body.\n", 0);
    const char *b64 = "From: a@b.c\nSubject: s\nContent-Transfer-Encoding: Base64\n\nQm9keS4=\n";
    one_run(b64, "Qm9keS4=\n", TX_FORM_B64);
    const char *b64pdf = "From: a@b.c\nSubject: s\nContent-Type: application/pdf\n"
                         "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n";
    texts_of(b64pdf, &r);
    assert_int_equal(r.n, 0);
    const char *pdf = "From: a@b.c\nSubject: s\nContent-Type: application/pdf\n\n%PDF-1.4\n";
    texts_of(pdf, &r);
    assert_int_equal(r.n, 0);
    const char *lost = "From: a@b.c\nSubject: s\n"
                       "Content-Type: multipart/mixed; boundary=gone\n\nText.\n";
    one_run(lost, "Text.\n", 0);
}

/* A plain text alternative that is only a stub ("best viewed in HTML")
 * gives way to the HTML that has the article, also when that comes with
 * its images (multipart/related) in quoted-printable; its link's address
 * does not count as text.  A plain part that says what the HTML does,
 * less its footer, is still the one read. */
static void test_mail_stub_alternative(void **state)
{
    (void)state;
    runs r;
    const char *stub =
        "From: news@wire.example\nSubject: Digest\n"
        "Content-Type: multipart/alternative; boundary=alt\n\n"
        "--alt\nContent-Type: text/plain; charset=utf-8\n\n"
        "This newsletter is best viewed in HTML. View it in your browser:\n"
        "https://wire.example/t/c/eyJ1cmwiOiJodHRwczovL3dpcmUuZXhhbXBsZS9kaWdlc3QvMjAyMi0zNiJ9\n"
        "--alt\nContent-Type: multipart/related; boundary=rel\n\n"
        "--rel\nContent-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "<table><tr><td style=3D\"padding:0\"><h1>Albania cuts ties with Iran</h1>\n"
        "<p>Prime Minister Edi Rama announced that Albania was severing diplom=\n"
        "atic relations with Iran over a cyberattack in July that crippled gov=\n"
        "ernment services; Iranian diplomats were given 24 hours to leave.</p>\n"
        "</td></tr></table>\n"
        "--rel\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
        "iVBORw0KGgo=\n--rel--\n--alt--\n";
    texts_of(stub, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.form[0], TX_FORM_HTML | TX_FORM_QP);
    assert_non_null(strstr(r.got[0], "severing diplom="));
    runs_clear(&r);

    const char *real =
        "From: news@wire.example\nSubject: Digest\n"
        "Content-Type: multipart/alternative; boundary=alt\n\n"
        "--alt\nContent-Type: text/plain\n\n"
        "Albania cuts ties with Iran [https://wire.example/a/1]\n\n"
        "Prime Minister Edi Rama announced that Albania was severing\n"
        "diplomatic relations with Iran over a cyberattack in July.\n"
        "--alt\nContent-Type: text/html\n\n"
        "<h1><a href=\"https://wire.example/a/1\">Albania cuts ties with Iran</a></h1>"
        "<p>Prime Minister Edi Rama announced that Albania was severing "
        "diplomatic relations with Iran over a cyberattack in July.</p>"
        "<p>You receive this because you subscribed. Unsubscribe.</p>"
        "<p>Balkan Wire, 1 Main Street, Tirana.</p>\n--alt--\n";
    texts_of(real, &r);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.form[0], 0);
    runs_clear(&r);
}

/* Attached text is read (a CSV, a log); a vCard, an iCalendar invite, a
 * style sheet or a script attached beside the body is data or code, not
 * text to cite. */
static void test_mail_attached_text(void **state)
{
    (void)state;
    runs r;
    const char *mixed =
        "From: a@b.c\nSubject: s\nContent-Type: multipart/mixed; boundary=b\n\n"
        "--b\nContent-Type: text/plain\n\nSee attached.\n"
        "--b\nContent-Type: text/csv; name=o.csv\n\ndate,hours\n2022-09-09,72\n"
        "--b\nContent-Type: text/x-vcard; name=me.vcf\n\nBEGIN:VCARD\nEND:VCARD\n"
        "--b\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\n"
        "--b\nContent-Type: text/vcard\n\nBEGIN:VCARD\n"
        "--b\nContent-Type: multipart/related; boundary=r\n\n"
        "--r\nContent-Type: text/html\n\n<p>Page.</p>\n"
        "--r\nContent-Type: text/css\n\np { color: teal }\n--r--\n"
        "--b\nContent-Type: text/x-log\n\nwiper deleted 1200 files\n--b--\n";
    texts_of(mixed, &r);
    assert_int_equal(r.n, 4);
    assert_string_equal(r.got[0], "See attached.\n");
    assert_string_equal(r.got[1], "date,hours\n2022-09-09,72\n");
    assert_string_equal(r.got[2], "<p>Page.</p>\n");
    assert_string_equal(r.got[3], "wiper deleted 1200 files\n");
    runs_clear(&r);
}

/* A digest's parts are messages unless they say otherwise: a mailing
 * list's digest is read for its messages' bodies, not their header
 * blocks; a part that says it is text is text. */
static void test_mail_digest(void **state)
{
    (void)state;
    runs r;
    const char *digest =
        "From: list-request@l.example\nSubject: Digest\n"
        "Content-Type: multipart/digest; boundary=d\n\n"
        "--d\n\nReceived: from mx1 by relay7\nFrom: Jon <jon@o.example>\n"
        "Subject: wiper\n\nThe wiper deletes shadow copies.\n"
        "--d\nContent-Type: text/plain\n\nEnd of digest.\n--d--\n";
    texts_of(digest, &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.got[0], "The wiper deletes shadow copies.\n");
    assert_string_equal(r.got[1], "End of digest.\n");
    runs_clear(&r);
}

/* Encoded words (RFC 2047) in a field read as the text they stand for:
 * Q and B, any charset ICU knows, the space between two of them dropped,
 * one that cannot be decoded left as written. */
static void test_mail_encoded_words(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"=?UTF-8?Q?Sulmi_kibernetik_n=C3=AB_Shqip=C3=ABri?=",
         "Sulmi kibernetik n\xC3\xAB Shqip\xC3\xABri"},
        {"=?iso-8859-1?Q?R=E9union?= du =?iso-8859-1?b?Y29taXTp?=",
         "R\xC3\xA9union du comit\xC3\xA9"},
        {"=?utf-8?q?Two_?=\r\n =?utf-8?q?words?= <a@b.c>", "Two words <a@b.c>"},
        {"=?iso-8859-2*sq?Q?=B3?=", "\xC5\x82"},
        {"=?iso-8859-1?Q?Parhelia=99?=", "Parhelia\xE2\x84\xA2"}, /* as 1252 */
        {"=?x-no-such-charset?Q?abc?= plain", "=?x-no-such-charset?Q?abc?= plain"},
        {"=?utf-8?q?bad=G1?= =?utf-8?x?abc?=", "=?utf-8?q?bad=G1?= =?utf-8?x?abc?="},
        {"a =?utf-8?q?", "a =?utf-8?q?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ix_span v = {cases[i].in, strlen(cases[i].in)};
        char *got = ix_mail_value(v, NULL);
        assert_non_null(got);
        assert_string_equal(got, cases[i].want);
        free(got);
    }

    /* An unencoded field in the message's charset, encoded words beside
     * it; UTF-8 stays UTF-8 whatever the charset says; an unknown charset
     * leaves the bytes as they are. */
    const char *mixed = "=?utf-8?q?caf=C3=A9?= \xED\xC9\xD2";
    ix_span raw = {mixed, strlen(mixed)};
    char *got = ix_mail_value(raw, "koi8-r");
    assert_string_equal(got, "caf\xC3\xA9 \xD0\x9C\xD0\xB8\xD1\x80");
    free(got);
    ix_span utf8 = {"caf\xC3\xA9", 5};
    got = ix_mail_value(utf8, "koi8-r");
    assert_string_equal(got, "caf\xC3\xA9");
    free(got);
    got = ix_mail_value(raw, "x-no-such-charset");
    assert_string_equal(got, "caf\xC3\xA9 \xED\xC9\xD2");
    free(got);

    /* The message's charset: its Content-Type's, else its first text
     * part's that declares one. */
    char cs[IX_MAIL_MAX_CHARSET + 1];
    ix_mail_head h;
    const char *one = "From: a@b.c\nSubject: s\nContent-Type: text/plain; charset=koi8-r\n\nx\n";
    assert_int_equal(ix_mail_parse(one, strlen(one), &h), 1);
    ix_mail_charset(one, strlen(one), &h, cs);
    assert_string_equal(cs, "koi8-r");
    const char *parts = "From: a@b.c\nSubject: s\nContent-Type: multipart/mixed; boundary=b\n\n"
                        "--b\nContent-Type: text/plain\n\nx\n"
                        "--b\nContent-Type: text/html; charset=\"gb2312\"\n\ny\n--b--\n";
    assert_int_equal(ix_mail_parse(parts, strlen(parts), &h), 1);
    ix_mail_charset(parts, strlen(parts), &h, cs);
    assert_string_equal(cs, "gb2312");
    const char *none = "From: a@b.c\nSubject: s\n\nx\n";
    assert_int_equal(ix_mail_parse(none, strlen(none), &h), 1);
    ix_mail_charset(none, strlen(none), &h, cs);
    assert_string_equal(cs, "");
}

/* Where the message after text[0]'s starts, its head read first. */
static size_t next_message(const char *text, size_t len)
{
    ix_mail_head h;
    return ix_mail_next(text, len, ix_mail_parse(text, len, &h) ? &h : NULL);
}

static void test_mailbox_messages(void **state)
{
    (void)state;
    /* Messages of a mailbox start at "From " lines after a blank line and
     * followed by a header block; a body's "From " line does not. */
    const char *box = "From a@b.c Mon\nFrom: a@b.c\nSubject: one\n\n"
                      "Body one.\n\nFrom here on, words.\n\n"
                      "From b@b.c Tue\nFrom: b@b.c\nSubject: two\n\n"
                      "Body two.\n";
    size_t len = strlen(box);
    size_t second = next_message(box, len);
    assert_true(second < len);
    assert_memory_equal(box + second, "From b@b.c Tue\n", 15);
    assert_int_equal(second + next_message(box + second, len - second), len);
    /* Not a mailbox (no "From " line first): one message. */
    const char *one = "From: a@b.c\nSubject: s\n\nx\n\nFrom b@b.c Tue\n"
                      "From: b@b.c\nSubject: t\n\ny\n";
    assert_int_equal(next_message(one, strlen(one)), strlen(one));
    assert_int_equal(next_message("", 0), 0);
    /* Text that opens with "From " but is no e-mail is not split. */
    const char *memo = "From the desk of the editor\n\nWords.\n\n"
                       "From b@b.c Tue\nFrom: b@b.c\nSubject: t\n\ny\n";
    assert_int_equal(next_message(memo, strlen(memo)), strlen(memo));
}

static void test_passage_document(void **state)
{
    (void)state;
    /* What each passage holds beside its words: the title's stems (ranked
     * low, and what title: filters on), the path term, and data naming
     * only the metadata the file has.  Nothing repeated per passage that
     * no reader uses: no unique passage term, no unstemmed title words. */
    char dir[] = "/tmp/cs-ix-XXXXXX";
    char *db = NULL, *docs = NULL;
    make_workdir(dir, &db, &docs);
    free(write_file(docs, "a.txt", "Attacks on Parliament\n\nSome words to "
                                   "index.\n\nMore words here.\n"));
    ix_summary sum;
    assert_int_equal(index_docs(dir, db, &sum), CS_OK);

    xs_db *x = NULL;
    assert_int_equal(xs_db_open(db, &x, NULL), CS_OK);
    unsigned n = xs_db_doccount(x);
    assert_true(n >= 2);
    assert_int_equal(xs_db_termfreq(x, "ZSattack", 8), n);
    assert_int_equal(xs_db_termfreq(x, "ZSparliament", 12), n);
    assert_int_equal(xs_db_termfreq(x, "Pdocs/a.txt", 11), n);
    unsigned count = 0;
    assert_int_equal(xs_db_terms_each(x, "Q", count_term, &count, NULL), CS_OK);
    assert_int_equal(count, 0);
    assert_int_equal(xs_db_terms_each(x, "S", count_term, &count, NULL), CS_OK);
    assert_int_equal(count, 0);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(xs_db_get_data(x, 1, &data, &len, NULL), CS_OK);
    ix_docdata rec;
    assert_int_equal(ix_docdata_decode(data, len, &rec, NULL), CS_OK);
    assert_string_equal(rec.title, "Attacks on Parliament");
    assert_string_equal(rec.source, "");
    assert_string_equal(rec.url, "");
    ix_docdata_release(&rec);
    free(data);
    xs_db_close(x);
    rm_rf(dir);
    free(db);
    free(docs);
}

static void test_missing_path_is_an_error(void **state)
{
    (void)state;
    /* A path that does not exist and was never indexed is an error that
     * names it. */
    char dir[] = "/tmp/cs-ix-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *db = NULL, *missing = NULL;
    assert_true(asprintf(&db, "%s/db", dir) > 0);
    assert_true(asprintf(&missing, "%s/nothing-here", dir) > 0);
    FILE *log = fopen("/dev/null", "w");
    ix_options o = {.db_path = db, .log = log, .quiet = 1};
    ix_summary sum;
    char *msg = NULL;
    char *paths[] = {missing};
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_NOT_FOUND);
    assert_non_null(strstr(msg, "nothing-here"));
    free(msg);
    fclose(log);
    char *cmd = NULL;
    assert_true(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(db);
    free(missing);
}

static void rm_rf(const char *dir)
{
    char *cmd = NULL;
    assert_true(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

static void test_shard_routing(void **state)
{
    (void)state;
    /* The routing is part of the index format: these values must not
     * change, or a re-run would look for files in the wrong shard. */
    assert_int_equal(ix_shard_of("corpus/a.txt", 1), 0);
    assert_int_equal(ix_shard_of("corpus/a.txt", 2), 1);
    assert_int_equal(ix_shard_of("corpus/a.txt", 3), 2);
    /* Every shard gets files. */
    unsigned seen[4] = {0};
    for (int i = 0; i < 64; i++) {
        char rel[32];
        snprintf(rel, sizeof rel, "corpus/%03d.txt", i);
        unsigned k = ix_shard_of(rel, 4);
        assert_true(k < 4);
        seen[k]++;
    }
    for (int k = 0; k < 4; k++)
        assert_true(seen[k] > 0);
}

typedef struct record_ctx {
    const char *want;
    unsigned n;
    int found;
} record_ctx;

static int on_record(void *ctx, const char *key, const char *val, size_t len)
{
    record_ctx *c = ctx;
    (void)val;
    (void)len;
    c->n++;
    c->found |= strcmp(key + strlen("file:"), c->want) == 0;
    return 0;
}

/* Counts the "file:" records of database `path` into *n; non-zero when
 * `rel`'s record is among them. */
static int count_records(const char *path, const char *rel, unsigned *n)
{
    xs_db *db = NULL;
    assert_int_equal(xs_db_open(path, &db, NULL), CS_OK);
    record_ctx c = {.want = rel};
    assert_int_equal(xs_db_metadata_each(db, "file:", on_record, &c, NULL), CS_OK);
    xs_db_close(db);
    *n = c.n;
    return c.found;
}

static void test_sharded_run(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-ix-XXXXXX";
    char *db = NULL, *docs = NULL;
    make_workdir(dir, &db, &docs);
    const char *names[] = {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"};
    for (int i = 0; i < 6; i++)
        free(write_file(docs, names[i], "A title\n\nSome words to index.\n"));
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);

    FILE *log = fopen("/dev/null", "w");
    ix_options o = {.db_path = db, .log = log, .quiet = 1, .shards = 3};
    ix_summary sum;
    char *msg = NULL;
    char *paths[] = {"docs"};
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_OK);
    assert_int_equal(sum.shards, 3);
    assert_int_equal(sum.indexed, 6);

    /* Each file's record is in the shard its path routes to, and only
     * there; every shard has the root and schema. */
    unsigned total = 0;
    for (unsigned k = 0; k < 3; k++) {
        char *shard = NULL;
        assert_true(asprintf(&shard, "%s/shard-%u", db, k) > 0);
        unsigned n = 0;
        for (int i = 0; i < 6; i++) {
            char rel[32];
            snprintf(rel, sizeof rel, "docs/%s", names[i]);
            assert_int_equal(count_records(shard, rel, &n),
                             ix_shard_of(rel, 3) == k);
        }
        total += n;
        xs_db *s = NULL;
        char *root = NULL;
        assert_int_equal(xs_db_open(shard, &s, NULL), CS_OK);
        assert_int_equal(xs_db_get_metadata(s, "root", &root, NULL, NULL), CS_OK);
        assert_string_equal(root, "..");
        free(root);
        xs_db_close(s);
        free(shard);
    }
    assert_int_equal(total, 6);

    /* The count is kept: no --shards reuses it, another is refused. */
    o.shards = 0;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_OK);
    assert_int_equal(sum.shards, 3);
    assert_int_equal(sum.unchanged, 6);
    o.shards = 2;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_USAGE);
    assert_non_null(strstr(msg, "has 3 shards"));
    free(msg);
    msg = NULL;

    /* A stub naming a remote shard is not written through. */
    char *stub = NULL;
    assert_true(asprintf(&stub, "%s/" IX_STUB_NAME, db) > 0);
    FILE *f = fopen(stub, "w");
    assert_non_null(f);
    fputs("auto shard-0\nremote 127.0.0.1:7001\n", f);
    fclose(f);
    o.shards = 0;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_USAGE);
    assert_non_null(strstr(msg, "remote shard"));
    free(msg);
    msg = NULL;
    /* Nor is a stub file given as the index. */
    o.db_path = stub;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_USAGE);
    assert_non_null(strstr(msg, "stub file"));
    free(msg);
    msg = NULL;

    /* One database stays one: --shards 2 on it is refused, 1 is fine. */
    char *plain = NULL;
    assert_true(asprintf(&plain, "%s/plain", dir) > 0);
    o.db_path = plain;
    o.shards = 1;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_OK);
    assert_int_equal(sum.shards, 1);
    o.shards = 2;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_USAGE);
    assert_non_null(strstr(msg, "one database"));
    free(msg);

    assert_int_equal(chdir(cwd), 0);
    fclose(log);
    rm_rf(dir);
    free(stub);
    free(plain);
    free(db);
    free(docs);
}

static void test_root_for_reading(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-ix-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *sub = NULL, *stub = NULL, *root = NULL, *want = NULL;
    assert_true(asprintf(&sub, "%s/sub", dir) > 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    free(write_file(sub, "remote.stub", "remote 127.0.0.1:7001\n"));
    assert_true(asprintf(&stub, "%s/remote.stub", sub) > 0);
    int found = -1;

    /* A stub file: relative to its directory. */
    assert_int_equal(ix_root_path_for_reading(stub, "..", &root, &found, NULL),
                     CS_OK);
    assert_int_equal(found, 1);
    char real[4096];
    assert_non_null(realpath(dir, real));
    assert_string_equal(root, real);
    free(root);
    /* A directory: relative to itself, as for writing. */
    assert_int_equal(ix_root_path_for_reading(sub, ".", &root, &found, NULL),
                     CS_OK);
    assert_int_equal(found, 1);
    free(root);
    /* Not on this machine: the recorded path, and no error. */
    assert_int_equal(ix_root_path_for_reading(stub, "../elsewhere", &root,
                                              &found, NULL),
                     CS_OK);
    assert_int_equal(found, 0);
    assert_true(asprintf(&want, "%s/../elsewhere", sub) > 0);
    assert_string_equal(root, want);
    free(root);

    rm_rf(dir);
    free(want);
    free(sub);
    free(stub);
}


/* A passage's record reads back as written: any bytes of text (a NUL,
 * invalid UTF-8), a file name that is not UTF-8, absent strings as "". */
static void test_record_round_trip(void **state)
{
    (void)state;
    const char text[] = "caf\xe9 \0 and \xff words";
    ix_docdata w = {.path = "dir/caf\xe9.txt",
                   .title = "A title",
                   .date = "2023-12-29",
                   .lang = "en",
                   .charset = "windows-1252",
                   .paragraph = 7,
                   .part = 2,
                   .line_start = 40,
                   .line_end = 42,
                   .byte_start = 5000000000ULL,
                   .byte_end = 5000000000ULL + sizeof text - 1,
                   .text = text,
                   .text_len = sizeof text - 1};
    char *buf = NULL;
    size_t cap = 0, len = ix_docdata_encode(&w, &buf, &cap);
    assert_true(len > w.text_len);
    ix_docdata r;
    assert_int_equal(ix_docdata_decode(buf, len, &r, NULL), CS_OK);
    assert_string_equal(r.path, w.path);
    assert_string_equal(r.title, "A title");
    assert_string_equal(r.source, "");
    assert_string_equal(r.date, "2023-12-29");
    assert_string_equal(r.url, "");
    assert_string_equal(r.lang, "en");
    assert_string_equal(r.markup, "");
    assert_string_equal(r.charset, "windows-1252");
    assert_int_equal(r.paragraph, 7);
    assert_int_equal(r.part, 2);
    assert_int_equal(r.line_start, 40);
    assert_int_equal(r.line_end, 42);
    assert_true(r.byte_start == w.byte_start && r.byte_end == w.byte_end);
    assert_int_equal(r.text_len, w.text_len);
    assert_memory_equal(r.text, text, w.text_len);
    assert_null(r.parsed);
    ix_docdata_release(&r);

    /* The buffer is reused, and grown for a longer passage. */
    char big[10000];
    memset(big, 'x', sizeof big);
    w.text = big;
    w.text_len = sizeof big;
    w.byte_end = w.byte_start + sizeof big;
    len = ix_docdata_encode(&w, &buf, &cap);
    assert_true(cap >= len);
    assert_int_equal(ix_docdata_decode(buf, len, &r, NULL), CS_OK);
    assert_int_equal(r.text_len, sizeof big);
    assert_memory_equal(r.text, big, sizeof big);
    free(buf);
}

/* A record of the first format (a line of JSON, then the text) is read
 * alike; bytes that are not a record are refused, saying why. */
static void test_record_former_and_bad(void **state)
{
    (void)state;
    const char json[] = "{\"path\":\"a.txt\",\"title\":\"T\",\"paragraph\":3,"
                        "\"part\":1,\"line_start\":5,\"line_end\":6,"
                        "\"byte_start\":10,\"byte_end\":14,\"markup\":\"qp\"}"
                        "\nWord";
    ix_docdata r;
    assert_int_equal(ix_docdata_decode(json, sizeof json - 1, &r, NULL), CS_OK);
    assert_string_equal(r.path, "a.txt");
    assert_string_equal(r.title, "T");
    assert_string_equal(r.source, "");
    assert_string_equal(r.markup, "qp");
    assert_string_equal(r.charset, "");
    assert_int_equal(r.paragraph, 3);
    assert_int_equal(r.line_end, 6);
    assert_int_equal(r.byte_end, 14);
    assert_int_equal(r.text_len, 4);
    assert_memory_equal(r.text, "Word", 4);
    assert_non_null(r.parsed);
    ix_docdata_release(&r);
    assert_null(r.parsed);

    char *buf = NULL;
    size_t cap = 0;
    ix_docdata w = {.path = "a.txt", .line_start = 1, .line_end = 1,
                   .byte_start = 0, .byte_end = 4, .text = "Word",
                   .text_len = 4};
    size_t len = ix_docdata_encode(&w, &buf, &cap);
    assert_true(len > 0);
    struct {
        const char *data;
        size_t len;
        const char *says;
    } bad[] = {
        {"", 0, "unknown format"},
        {"<html>", 6, "unknown format"},
        {"{\"path\":", 8, "without text"},
        {"{\"path\":\n", 9, "passage data:"},
        {buf, 12, "cut short"},
        {"\x01p\0t\0s\0d\0u\0l\0m\0c\0" "1\0x\0" "1\0" "1\0" "0\0" "4\0Word",
         35, "field 10 is not a number"},
        {buf, len - 1, "3 bytes of text for bytes 0-4"},
        /* 19 nines: more than a number of bytes can be (and than fits). */
        {"\x01p\0t\0s\0d\0u\0l\0m\0c\0" "1\0" "1\0" "1\0" "1\0"
         "9999999999999999999\0" "4\0Word",
         51, "field 13 is not a number"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *msg = NULL;
        assert_int_equal(ix_docdata_decode(bad[i].data, bad[i].len, &r, &msg),
                         CS_CORRUPT);
        if (!strstr(msg, bad[i].says))
            fail_msg("case %zu: '%s' does not say '%s'", i, msg, bad[i].says);
        free(msg);
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_path_join),
        cmocka_unit_test(test_relative_path),
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_path_terms),
        cmocka_unit_test(test_passage_document),
        cmocka_unit_test(test_record_round_trip),
        cmocka_unit_test(test_record_former_and_bad),
        cmocka_unit_test(test_mail_head),
        cmocka_unit_test(test_mailbox_messages),
        cmocka_unit_test(test_html_meta),
        cmocka_unit_test(test_snapshot_head),
        cmocka_unit_test(test_mail_text_parts),
        cmocka_unit_test(test_mail_stub_alternative),
        cmocka_unit_test(test_mail_attached_text),
        cmocka_unit_test(test_mail_digest),
        cmocka_unit_test(test_mail_encoded_words),
        cmocka_unit_test(test_reading_version),
        cmocka_unit_test(test_manifest_reindex),
        cmocka_unit_test(test_record_without_meta_hash),
        cmocka_unit_test(test_missing_path_is_an_error),
        cmocka_unit_test(test_shard_routing),
        cmocka_unit_test(test_sharded_run),
        cmocka_unit_test(test_root_for_reading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
