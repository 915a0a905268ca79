/* test_indexer.c - unit tests of the indexer's helpers: manifests, dates,
 * paths and the incremental run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ix_doc.h"
#include "ix_index.h"
#include "ix_location.h"
#include "ix_manifest.h"

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

    /* A bad date names the file and row. */
    path = write_file(dir, "bad.csv", "path,date\nx.txt,2023-02\ny.txt,soon\n");
    m = ix_manifest_new();
    assert_int_equal(ix_manifest_load(m, path, ".", &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "bad.csv"));
    assert_non_null(strstr(msg, "row 3"));
    free(msg);
    msg = NULL;
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
    ix_passage_term(long1, 12, t);
    assert_true(strlen(t) <= CS_MAX_TERM);
    assert_non_null(strstr(t, "#12"));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_path_join),
        cmocka_unit_test(test_relative_path),
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_path_terms),
        cmocka_unit_test(test_missing_path_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
