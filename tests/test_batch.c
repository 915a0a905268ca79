/* test_batch.c - unit tests of CSV batches (qy_batch): bad rows, csv output
 * parsed back with libcsv against jsonl, inert formulas, jobs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <csv.h>
#include <jansson.h>

#include "ix_index.h"
#include "qy_batch.h"
#include "qy_engine.h"
#include "qy_output.h"
#include "tx.h"

typedef struct fixture {
    char dir[64];
    char *db;
    qy_engine *engines[2];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/cs-batch-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    assert_true(asprintf(&f->db, "%s/db", f->dir) > 0);
    char *cmd = NULL;
    assert_true(asprintf(&cmd, "cp -r '%s/corpus' '%s/corpus'", CS_SOURCE_DIR,
                         f->dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(f->dir), 0);
    FILE *log = fopen("/dev/null", "w");
    ix_options o = {.db_path = f->db, .log = log, .quiet = 1};
    ix_summary sum;
    char *paths[] = {"corpus"};
    char *msg = NULL;
    assert_int_equal(ix_run(&o, paths, 1, &sum, &msg), CS_OK);
    fclose(log);
    for (int i = 0; i < 2; i++)
        assert_int_equal(qy_engine_open(f->db, &f->engines[i], &msg), CS_OK);
    assert_int_equal(chdir(cwd), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    for (int i = 0; i < 2; i++)
        qy_engine_close(f->engines[i]);
    char *cmd = NULL;
    assert_true(asprintf(&cmd, "rm -rf '%s'", f->dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    free(f->db);
    free(f);
    return 0;
}

/* Runs a batch over `csv` and returns the printed output (malloc'd). */
static char *run_batch(fixture *f, const char *csv, qy_format fmt,
                       unsigned jobs, qy_batch_stats *stats, cs_status *rc)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    char *out = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&out, &len);
    qy_printer *p = qy_printer_new(fmt, o, 0, 1);
    qy_request defaults = {.limit = 3, .mode = QY_MODE_AUTO};
    char *msg = NULL;
    *rc = qy_batch_run(f->engines, jobs, in, "test.csv", &defaults, p, stats, &msg);
    qy_printer_free(p);
    fclose(o);
    fclose(in);
    free(msg);
    return out;
}

static void test_bad_rows_name_their_line(void **state)
{
    fixture *f = *state;
    char big[140000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    char *csv = NULL;
    assert_true(asprintf(&csv,
                         "\xEF\xBB\xBFquery,extra,id,mode\r\n"
                         "Kreshnik Spahiu,x,a1,\r\n"       /* line 2: fine */
                         "no id,x,,\r\n"                   /* 3: no id */
                         ",x,a3,\r\n"                      /* 4: empty query */
                         "\"bad \xC3( utf8\",x,a4,\r\n"    /* 5: invalid UTF-8 */
                         "MEMEX,x,a5,sideways\r\n"         /* 6: unknown mode */
                         "\"%s\",x,a6,\r\n"                /* 7: over 128 KB */
                         "\"multi\nline MEK\",x,a7,claim\r\n" /* 8-9: fine */
                         "Rama,x,a8,quote\r\n",            /* 10: fine */
                         big) > 0);
    qy_batch_stats st;
    cs_status rc;
    char *out = run_batch(f, csv, QY_FORMAT_JSONL, 2, &st, &rc);
    assert_int_equal(rc, CS_OK);
    assert_int_equal(st.rows, 8);
    assert_int_equal(st.failed, 5);
    const char *want[][2] = {{"a1", NULL},     {NULL, "line 3: no id"},
                             {"a3", "line 4: empty query"},
                             {"a4", "line 5: the query is not valid UTF-8"},
                             {"a5", "line 6: unknown mode 'sideways'"},
                             {"a6", "line 7: the query cell is over"},
                             {"a7", NULL},     {"a8", NULL}};
    size_t w = 0;
    char *save = NULL;
    char last_id[64] = "";
    for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        json_t *j = json_loads(line, 0, NULL);
        assert_non_null(j);
        const char *id = json_string_value(json_object_get(j, "query_id"));
        const char *err = json_string_value(json_object_get(j, "error"));
        /* Results of one row come together; count each row once. */
        if (err || !id || strcmp(id, last_id) != 0) {
            assert_true(w < sizeof want / sizeof *want);
            if (want[w][0])
                assert_string_equal(id, want[w][0]);
            else
                assert_null(id);
            if (want[w][1]) {
                assert_non_null(err);
                assert_non_null(strstr(err, want[w][1]));
                assert_non_null(strstr(err, "test.csv"));
            } else {
                assert_null(err);
            }
            w++;
        }
        snprintf(last_id, sizeof last_id, "%s", id ? id : "");
        json_decref(j);
    }
    assert_int_equal(w, sizeof want / sizeof *want);
    free(out);
    free(csv);
}

static void test_header_needs_id_and_query(void **state)
{
    fixture *f = *state;
    qy_batch_stats st;
    cs_status rc;
    free(run_batch(f, "id,text\n1,x\n", QY_FORMAT_JSONL, 1, &st, &rc));
    assert_int_equal(rc, CS_BAD_INPUT);
    free(run_batch(f, "", QY_FORMAT_JSONL, 1, &st, &rc));
    assert_int_equal(rc, CS_BAD_INPUT);
    /* A malformed header has no row to fail: the batch is refused. */
    free(run_batch(f, "id,query,\"x\" y\n1,x\n", QY_FORMAT_JSONL, 1, &st, &rc));
    assert_int_equal(rc, CS_BAD_INPUT);
    free(run_batch(f, "id,query,\"x\n1,y\n", QY_FORMAT_JSONL, 1, &st, &rc));
    assert_int_equal(rc, CS_BAD_INPUT);
}

/* A byte order mark before a quoted header ("id","query", as Python's
 * utf-8-sig with QUOTE_ALL or a spreadsheet quoting every cell writes
 * it) is no part of the first name: the batch is answered. */
static void test_bom_before_quoted_header(void **state)
{
    fixture *f = *state;
    qy_batch_stats st;
    cs_status rc;
    char *out = run_batch(f, "\xEF\xBB\xBF\"id\",\"query\"\r\n\"q1\",\"Kreshnik Spahiu\"\r\n",
                          QY_FORMAT_JSONL, 1, &st, &rc);
    assert_int_equal(rc, CS_OK);
    assert_int_equal(st.rows, 1);
    assert_int_equal(st.failed, 0);
    assert_non_null(strstr(out, "\"q1\""));
    free(out);
}

/* The error records of a jsonl batch output, in order, as "id|error" (id
 * "-" when null), and the ids of the rows answered without one, each once,
 * joined by spaces. */
static void split_output(char *out, char *errors, size_t errlen, char *ids,
                         size_t idlen)
{
    errors[0] = ids[0] = '\0';
    char *save = NULL;
    for (char *line = strtok_r(out, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        json_t *j = json_loads(line, 0, NULL);
        assert_non_null(j);
        const char *id = json_string_value(json_object_get(j, "query_id"));
        const char *err = json_string_value(json_object_get(j, "error"));
        char item[512];
        if (err) {
            snprintf(item, sizeof item, "%s|%s\n", id ? id : "-", err);
            strncat(errors, item, errlen - strlen(errors) - 1);
        } else {
            snprintf(item, sizeof item, " %s ", id);
            char have[1024];
            snprintf(have, sizeof have, " %s ", ids);
            if (!strstr(have, item)) {
                if (*ids)
                    strncat(ids, " ", idlen - strlen(ids) - 1);
                strncat(ids, id, idlen - strlen(ids) - 1);
            }
        }
        json_decref(j);
    }
}

/* A quoted cell whose closing quote is followed by text fails its row
 * only: libcsv's lenient mode read it as a cell running to the end of the
 * input, so the rows after it were never answered. */
static void test_loose_quote_fails_its_row_only(void **state)
{
    fixture *f = *state;
    const char *csv = "id,query\r\n"
                      "a1,\"Kreshnik Spahiu\" said\r\n"     /* 2: loose quote */
                      "a2,Rama\r\n"                         /* 3 */
                      "a3,\"MEMEX \"\"system\"\", as\" x\n"   /* 4: after "" */
                      "a4,\"Kreshnik, \"\"Spahiu\"\"\"\n"   /* 5: commas, "" */
                      "a5,\"multi\nline MEK\"\n"            /* 6-7 */
                      "a6,\"multi\nline\" MEK\n"            /* 8-9: loose */
                      "a7,Kreshnik \"Spahiu\"\n"            /* 10: literal */
                      "a8,MEMEX system";                    /* 11, no LF */
    for (unsigned jobs = 1; jobs <= 2; jobs++) {
        qy_batch_stats st;
        cs_status rc;
        char *out = run_batch(f, csv, QY_FORMAT_JSONL, jobs, &st, &rc);
        assert_int_equal(rc, CS_OK);
        assert_int_equal(st.rows, 8);
        assert_int_equal(st.failed, 3);
        char errors[4096], ids[1024];
        split_output(out, errors, sizeof errors, ids, sizeof ids);
        assert_string_equal(ids, "a2 a4 a5 a7 a8");
        char *a1 = strstr(errors, "a1|test.csv: line 2: text after the closing "
                                  "quote of a quoted cell (column 22;");
        char *a3 = strstr(errors, "a3|test.csv: line 4: text after the closing "
                                  "quote of a quoted cell (column 27;");
        char *a6 = strstr(errors, "a6|test.csv: line 8: text after the closing "
                                  "quote of a quoted cell (line 9, column 7;");
        assert_non_null(a1);
        assert_non_null(a3);
        assert_non_null(a6);
        assert_true(a1 < a3 && a3 < a6);
        free(out);
    }
}

/* A quote left open at the end of the input fails its row: libcsv's
 * lenient mode answered the rest of the input as its cell.  The lines
 * after the row's first are then read again as rows: they are the rows
 * the file was meant to have, not one cell. */
static void test_open_quote_at_end_fails_its_row(void **state)
{
    fixture *f = *state;
    const char *csvs[] = {"id,query\nb1,Rama\nb2,\"Kreshnik Spahiu",
                          "id,query\nb1,Rama\nb2,\"Kreshnik Spahiu\r\n",
                          "id,query\nb1,Rama\nb2,\"Kreshnik Spahiu\nb3,MEMEX\n"};
    const char *want[] = {"b2|test.csv: line 3: a quoted cell is never closed "
                          "(it runs to the end of the input, line 3)\n",
                          "b2|test.csv: line 3: a quoted cell is never closed "
                          "(it runs to the end of the input, line 3)\n",
                          "b2|test.csv: line 3: a quoted cell is never closed "
                          "(it runs to the end of the input, line 4)\n"};
    const char *want_ids[] = {"b1", "b1", "b1 b3"};
    for (size_t i = 0; i < sizeof csvs / sizeof *csvs; i++) {
        qy_batch_stats st;
        cs_status rc;
        char *out = run_batch(f, csvs[i], QY_FORMAT_JSONL, 1, &st, &rc);
        assert_int_equal(rc, CS_OK);
        assert_int_equal(st.rows, i == 2 ? 3 : 2);
        assert_int_equal(st.failed, 1);
        char errors[4096], ids[1024];
        split_output(out, errors, sizeof errors, ids, sizeof ids);
        assert_string_equal(ids, want_ids[i]);
        assert_string_equal(errors, want[i]);
        free(out);
    }
}

/* A quote that opens a cell and is not closed on its line ('c1,"We will
 * win') is closed by the next quote of the input, one that opens another
 * row's cell: that row fails, naming both lines, and the lines after its
 * first are read again as rows, so that one unbalanced quote loses no
 * other row; a quote left open to the end so too, however many. */
static void test_unbalanced_quote_loses_no_rows(void **state)
{
    fixture *f = *state;
    const char *csv = "id,query\n"
                      "c1,\"We will win\n"          /* 2: never closed */
                      "c2,Rama\n"                   /* 3 */
                      "c3, \"MEMEX\" system\n"       /* 4: closes c1's */
                      "c4,Kreshnik Spahiu\n"        /* 5 */
                      "c5,\"open\n"                  /* 6: closed by 7 */
                      "c6,\"open too\n"              /* 7: to the end */
                      "\n"
                      "c7,Rama\n";                  /* 9 */
    for (unsigned jobs = 1; jobs <= 2; jobs++) {
        qy_batch_stats st;
        cs_status rc;
        char *out = run_batch(f, csv, QY_FORMAT_JSONL, jobs, &st, &rc);
        assert_int_equal(rc, CS_OK);
        assert_int_equal(st.rows, 7);
        assert_int_equal(st.failed, 4);
        char errors[4096], ids[1024];
        split_output(out, errors, sizeof errors, ids, sizeof ids);
        assert_string_equal(ids, "c2 c4 c7");
        assert_string_equal(
            errors,
            "c1|test.csv: line 2: a quoted cell is not closed on its line (its "
            "quote runs on to line 4, column 5; a quote inside a quoted cell is "
            "written \"\")\n"
            "c3|test.csv: line 4: text after the closing quote of a quoted cell "
            "(column 13; a quote inside a quoted cell is written \"\")\n"
            "c5|test.csv: line 6: a quoted cell is not closed on its line (its "
            "quote runs on to line 7, column 4; a quote inside a quoted cell is "
            "written \"\")\n"
            "c6|test.csv: line 7: a quoted cell is never closed (it runs to the "
            "end of the input, line 9)\n");
        free(out);
    }
}

/* Lines that each close a quoted cell and open another ('a",b,"c') are
 * one row, as CSV reads them, up to the line where its cell left open
 * began: only the lines after that one are read again.  Read again from
 * the row's second line, each such line was a row running to the end of
 * the input in turn, read again after it: n lines n * n / 2 times. */
static void test_cells_reopened_on_each_line_are_one_row(void **state)
{
    fixture *f = *state;
    const char *csv = "id,query\n"
                      "d1,a\",b,\"c\n"   /* 2: opens a cell */
                      "d2,a\",b,\"c\n"   /* 3: closes it, opens one */
                      "d3,a\",b,\"c\n"   /* 4: so too: never closed */
                      "d4,Rama\n";       /* 5: read again */
    for (unsigned jobs = 1; jobs <= 2; jobs++) {
        qy_batch_stats st;
        cs_status rc;
        char *out = run_batch(f, csv, QY_FORMAT_JSONL, jobs, &st, &rc);
        assert_int_equal(rc, CS_OK);
        assert_int_equal(st.rows, 2);
        assert_int_equal(st.failed, 1);
        char errors[4096], ids[1024];
        split_output(out, errors, sizeof errors, ids, sizeof ids);
        assert_string_equal(ids, "d4");
        assert_string_equal(errors, "d1|test.csv: line 2: a quoted cell is never "
                                    "closed (it runs to the end of the input, "
                                    "line 5)\n");
        free(out);
    }
}

/* A file whose lines end in CR alone (as Excel for the Mac wrote "CSV
 * (Macintosh)") names the lines of its bad rows as one whose lines end in
 * LF, and a malformed row skips the rest of its line only, not of the
 * file: each CR is a line end, there as libcsv reads it. */
static void test_lines_ending_in_cr_are_counted(void **state)
{
    fixture *f = *state;
    for (unsigned jobs = 1; jobs <= 2; jobs++) {
        qy_batch_stats st;
        cs_status rc;
        char *out = run_batch(f, "\xEF\xBB\xBFid,query\rc1,Kreshnik Spahiu\rc2,\r\r"
                              "c3,\"MEMEX\rsystem\"\rc4,Rama,mode\r,Rama\r"
                              "c5,\"Rama\" x\rc6,Rama\r",
                              QY_FORMAT_JSONL, jobs, &st, &rc);
        assert_int_equal(rc, CS_OK);
        assert_int_equal(st.rows, 7);
        char errors[4096], ids[1024];
        split_output(out, errors, sizeof errors, ids, sizeof ids);
        assert_string_equal(ids, "c1 c3 c4 c6");
        assert_string_equal(errors, "c2|test.csv: line 3: empty query\n"
                                    "-|test.csv: line 8: no id\n"
                                    "c5|test.csv: line 9: text after the closing "
                                    "quote of a quoted cell (column 11; a quote "
                                    "inside a quoted cell is written \"\")\n");
        free(out);
    }
}

/* The error rows of a csv or tsv output are UTF-8, as the rest is: an id,
 * mode, limit or filter that is not (a Latin-1 cell) is written with
 * U+FFFD for its bad bytes, as the jsonl's error records have it, so a
 * reader decoding the whole output as UTF-8 does not fail on it. */
static void test_csv_error_rows_are_utf8(void **state)
{
    fixture *f = *state;
    const char *csv = "id,query,mode,limit,filter\n"
                      "caf\xE9,Rama,,,\n"
                      "e2,Rama,\xFF,,\n"
                      "e3,Rama,,\xE9,\n"
                      "e4,Rama,,,to:\xE9\n";
    for (qy_format fmt = QY_FORMAT_CSV; fmt <= QY_FORMAT_TSV; fmt++) {
        qy_batch_stats st;
        cs_status rc;
        char *out = run_batch(f, csv, fmt, 1, &st, &rc);
        assert_int_equal(rc, CS_OK);
        assert_int_equal(st.rows, 4);
        assert_int_equal(tx_utf8_check(out, strlen(out)), strlen(out));
        assert_non_null(strstr(out, "caf\xEF\xBF\xBD"));
        assert_non_null(strstr(out, "unknown mode '\xEF\xBF\xBD'"));
        free(out);
    }
}

/* libcsv reader collecting cells into rows. */
typedef struct table {
    char *cells[64][16];
    int rows, col;
} table;

static void cell_cb(void *s, size_t len, void *data)
{
    table *t = data;
    if (t->rows < 64 && t->col < 16)
        t->cells[t->rows][t->col] = strndup(s ? s : "", len);
    t->col++;
}

static void row_cb(int c, void *data)
{
    (void)c;
    table *t = data;
    t->rows++;
    t->col = 0;
}

static void test_csv_equals_jsonl(void **state)
{
    fixture *f = *state;
    const char *csv = "id,query\nq1,Albanian government digital services attacked\n"
                      "q2,\"\"\"did not originate from Albanian IP addresses\"\"\"\n";
    qy_batch_stats st;
    cs_status rc;
    char *jsonl = run_batch(f, csv, QY_FORMAT_JSONL, 1, &st, &rc);
    assert_int_equal(rc, CS_OK);
    char *out = run_batch(f, csv, QY_FORMAT_CSV, 1, &st, &rc);
    assert_int_equal(rc, CS_OK);

    table t = {0};
    struct csv_parser p;
    assert_int_equal(csv_init(&p, CSV_STRICT), 0);
    assert_int_equal(csv_parse(&p, out, strlen(out), cell_cb, row_cb, &t), strlen(out));
    csv_fini(&p, cell_cb, row_cb, &t);
    csv_free(&p);
    assert_string_equal(t.cells[0][0], "query_id");
    assert_string_equal(t.cells[0][11], "text");

    int row = 1;
    char *save = NULL;
    for (char *line = strtok_r(jsonl, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save), row++) {
        json_t *j = json_loads(line, 0, NULL);
        assert_non_null(j);
        assert_true(row < t.rows);
        assert_string_equal(t.cells[row][0], json_string_value(json_object_get(j, "query_id")));
        assert_int_equal(atoi(t.cells[row][1]), json_integer_value(json_object_get(j, "rank")));
        assert_string_equal(t.cells[row][3], json_string_value(json_object_get(j, "match")));
        assert_string_equal(t.cells[row][4], json_string_value(json_object_get(j, "cite")));
        assert_int_equal(atoi(t.cells[row][8]), json_integer_value(json_object_get(j, "byte_start")));
        assert_int_equal(atoi(t.cells[row][9]), json_integer_value(json_object_get(j, "byte_end")));
        assert_string_equal(t.cells[row][10], json_string_value(json_object_get(j, "title")));
        assert_string_equal(t.cells[row][11], json_string_value(json_object_get(j, "text")));
        json_decref(j);
    }
    assert_int_equal(row, t.rows);
    assert_true(row > 2);
    for (int r = 0; r < 64; r++)
        for (int c = 0; c < 16; c++)
            free(t.cells[r][c]);
    free(out);
    free(jsonl);
}

static void test_formula_cells_are_inert(void **state)
{
    fixture *f = *state;
    qy_batch_stats st;
    cs_status rc;
    /* An id that a spreadsheet would run, echoed into the output. */
    char *out = run_batch(f, "id,query\n=HYPERLINK(1),Rama\n@SUM(1),xylophonequartet date:1999\n",
                          QY_FORMAT_CSV, 1, &st, &rc);
    assert_int_equal(rc, CS_OK);
    assert_non_null(strstr(out, "\n\"'=HYPERLINK(1)\","));
    assert_null(strstr(out, "\n=HYPERLINK"));
    assert_null(strstr(out, "\n@SUM"));
    free(out);
}

static void test_jobs_give_the_same_output(void **state)
{
    fixture *f = *state;
    char *csv = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&csv, &len);
    fputs("id,query,limit\n", m);
    const char *qs[] = {"Rama", "MEK Albania", "\"cyber attack\"", "Iran sanctions",
                        "parliament", "Homeland Justice", "TIMS system"};
    for (int i = 0; i < 70; i++)
        fprintf(m, "r%d,%s,%d\n", i, qs[i % 7], 1 + i % 4);
    fclose(m);
    qy_batch_stats s1, s2;
    cs_status rc1, rc2;
    char *one = run_batch(f, csv, QY_FORMAT_JSONL, 1, &s1, &rc1);
    char *two = run_batch(f, csv, QY_FORMAT_JSONL, 2, &s2, &rc2);
    assert_int_equal(rc1, CS_OK);
    assert_int_equal(rc2, CS_OK);
    assert_int_equal(s1.rows, 70);
    assert_string_equal(one, two);
    free(one);
    free(two);
    free(csv);
}

/* In text, each row's heading ("== id: query") is one line, and a CSV's
 * control characters do not reach the terminal: a query quoted over two
 * lines, an id holding an escape sequence, an error's id. */
static void test_text_headings_are_one_line(void **state)
{
    fixture *f = *state;
    const char *csv = "id,query\n"
                      "\x1b[31mr1,\"Kreshnik\nSpahiu\"\n"
                      "r2\x07,\n";
    qy_batch_stats st;
    cs_status rc;
    char *out = run_batch(f, csv, QY_FORMAT_TEXT, 1, &st, &rc);
    assert_int_equal(rc, CS_OK);
    assert_int_equal(st.rows, 2);
    assert_non_null(strstr(out, "== \xEF\xBF\xBD[31mr1: Kreshnik\xEF\xBF\xBDSpahiu\n"));
    assert_non_null(strstr(out, "== r2\xEF\xBF\xBD: error: test.csv: line 4: empty query\n"));
    assert_null(strchr(out, '\x1b'));
    assert_null(strchr(out, '\x07'));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_rows_name_their_line),
        cmocka_unit_test(test_header_needs_id_and_query),
        cmocka_unit_test(test_bom_before_quoted_header),
        cmocka_unit_test(test_lines_ending_in_cr_are_counted),
        cmocka_unit_test(test_loose_quote_fails_its_row_only),
        cmocka_unit_test(test_open_quote_at_end_fails_its_row),
        cmocka_unit_test(test_unbalanced_quote_loses_no_rows),
        cmocka_unit_test(test_cells_reopened_on_each_line_are_one_row),
        cmocka_unit_test(test_csv_equals_jsonl),
        cmocka_unit_test(test_formula_cells_are_inert),
        cmocka_unit_test(test_jobs_give_the_same_output),
        cmocka_unit_test(test_text_headings_are_one_line),
        cmocka_unit_test(test_csv_error_rows_are_utf8),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
