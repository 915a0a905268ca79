/*
 * test_shim.c - tests of the Xapian shim (shim/xs.h) on real databases,
 * each in its own temporary directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xs.h"

/* ------------------------------------------------------------------ */
/* Fixture: a temporary directory, removed afterwards                   */
/* ------------------------------------------------------------------ */

typedef struct fixture {
    char dir[64];
    char db[128]; /* dir/db: where the tests put their database */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/cs_test_shim_XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->db, sizeof f->db, "%s/db", f->dir);
    *state = f;
    return 0;
}

static int rm_entry(const char *path, const struct stat *sb, int type,
                    struct FTW *ftw)
{
    (void)sb;
    (void)type;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    fixture *f = *state;
    int rc = nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/* A document as the indexer makes them: positional words, a "P" path term,
 * a "Q" unique ID term, the date in slot 0, the path in slot 1, data. */
static xs_doc *make_doc(const char *text, const char *path, const char *id,
                        const char *date, const char *data)
{
    xs_doc *doc = xs_doc_new();
    assert_non_null(doc);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    unsigned pos = 1;
    for (char *save, *w = strtok_r(buf, " ", &save); w;
         w = strtok_r(NULL, " ", &save))
        assert_int_equal(xs_doc_add_posting(doc, w, strlen(w), pos++, 1),
                         CS_OK);
    char term[128];
    snprintf(term, sizeof term, "P%s", path);
    assert_int_equal(xs_doc_add_boolean_term(doc, term, strlen(term)), CS_OK);
    snprintf(term, sizeof term, "Q%s", id);
    assert_int_equal(xs_doc_add_boolean_term(doc, term, strlen(term)), CS_OK);
    assert_int_equal(xs_doc_set_value(doc, 0, date, strlen(date)), CS_OK);
    assert_int_equal(xs_doc_set_value(doc, 1, path, strlen(path)), CS_OK);
    assert_int_equal(xs_doc_set_data(doc, data, strlen(data)), CS_OK);
    return doc;
}

static void add_doc(xs_wdb *w, const char *text, const char *path,
                    const char *id, const char *date, const char *data,
                    xs_docid expect_id)
{
    xs_doc *doc = make_doc(text, path, id, date, data);
    xs_docid got = 0;
    char *msg = NULL;
    assert_int_equal(xs_wdb_add(w, doc, &got, &msg), CS_OK);
    assert_null(msg);
    if (expect_id) /* 0: any */
        assert_int_equal(got, expect_id);
    xs_doc_free(doc);
}

/* The corpus of most tests; docids 1..4 in this order. */
static void build_corpus(const char *path)
{
    xs_wdb *w = NULL;
    char *msg = NULL;
    assert_int_equal(xs_wdb_open(path, 1, &w, &msg), CS_OK);
    assert_non_null(w);
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    add_doc(w, "the quick brown fox", "corpus/a.txt", "corpus/a.txt#1",
            "20200101", "a1", 1);
    add_doc(w, "brown quick dog", "corpus/a.txt", "corpus/a.txt#2",
            "20210615", "a2", 2);
    add_doc(w, "lazy fox sleeps", "corpus/b.txt", "corpus/b.txt#1", "2019",
            "b1", 3);
    add_doc(w, "quick lazy cat", "other/c.txt", "other/c.txt#1", "20230301",
            "c1", 4);
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);
    assert_null(msg);
    xs_wdb_close(w);
}

/* A loopback port that refuses connections: bound, so nobody else takes
 * it, but not listening.  *fd is closed by the caller. */
static unsigned refusing_port(int *fd)
{
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    *fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(*fd >= 0);
    assert_int_equal(bind(*fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(*fd, (struct sockaddr *)&a, &len), 0);
    return ntohs(a.sin_port);
}

static xs_db *open_db(const char *path)
{
    xs_db *db = NULL;
    char *msg = NULL;
    assert_int_equal(xs_db_open(path, &db, &msg), CS_OK);
    assert_null(msg);
    assert_non_null(db);
    return db;
}

static xs_query *term(const char *t)
{
    xs_query *q = xs_query_term(t, strlen(t), 1, 1);
    assert_non_null(q);
    return q;
}

/* Combines two queries and frees them. */
static xs_query *combine2(xs_op op, xs_query *a, xs_query *b, unsigned window)
{
    xs_query *subs[2] = {a, b};
    xs_query *q = xs_query_combine(op, subs, 2, window);
    assert_non_null(q);
    xs_query_free(a);
    xs_query_free(b);
    return q;
}

static xs_mset *search(xs_db *db, const xs_query *q, unsigned limit)
{
    xs_search_opts opts;
    xs_search_opts_init(&opts, limit);
    xs_mset *m = NULL;
    char *msg = NULL;
    assert_int_equal(xs_search(db, q, &opts, &m, &msg), CS_OK);
    assert_null(msg);
    assert_non_null(m);
    return m;
}

/* The matching docids as a bit set (bit d for docid d); frees q. */
static unsigned matches(xs_db *db, xs_query *q)
{
    xs_mset *m = search(db, q, 100);
    unsigned bits = 0;
    for (unsigned i = 0; i < xs_mset_size(m); i++) {
        xs_docid id = xs_mset_docid(m, i);
        assert_true(id >= 1 && id < 32);
        assert_false(bits & (1u << id)); /* each document once */
        bits |= 1u << id;
    }
    xs_mset_free(m);
    xs_query_free(q);
    return bits;
}

#define D(n) (1u << (n))

/* The score of docid `id` for `q` (which stays the caller's), -1 if absent. */
static double score_of(xs_db *db, const xs_query *q, xs_docid id)
{
    xs_mset *m = search(db, q, 100);
    double s = -1;
    for (unsigned i = 0; i < xs_mset_size(m); i++)
        if (xs_mset_docid(m, i) == id)
            s = xs_mset_score(m, i);
    xs_mset_free(m);
    return s;
}

static unsigned doccount_at(const char *path)
{
    xs_db *db = open_db(path);
    unsigned n = xs_db_doccount(db);
    xs_db_close(db);
    return n;
}

/* ------------------------------------------------------------------ */
/* Tests                                                                */
/* ------------------------------------------------------------------ */

static void test_search_basic(void **state)
{
    fixture *f = *state;
    build_corpus(f->db);
    xs_db *db = open_db(f->db);

    assert_int_equal(xs_db_doccount(db), 4);
    assert_int_equal(xs_db_termfreq(db, "quick", 5), 3);
    assert_int_equal(xs_db_termfreq(db, "Pcorpus/a.txt", 13), 2);
    assert_int_equal(xs_db_termfreq(db, "nothing", 7), 0);
    /* 4 + 3 + 3 + 3 words; boolean terms have wdf 0 and add nothing. */
    assert_int_equal(xs_db_total_length(db), 13);

    /* A term query: ranked, with the data of each result. */
    xs_query *fox = term("fox");
    xs_mset *m = search(db, fox, 10);
    assert_int_equal(xs_mset_size(m), 2);
    assert_int_equal(xs_mset_estimated(m), 2);
    assert_true(xs_mset_score(m, 0) > 0);
    assert_true(xs_mset_score(m, 0) >= xs_mset_score(m, 1));
    for (unsigned i = 0; i < 2; i++) {
        size_t len = 0;
        const char *data = xs_mset_data(m, i, &len);
        assert_non_null(data);
        assert_int_equal(len, 2);
        assert_string_equal(data, xs_mset_docid(m, i) == 1 ? "a1" : "b1");
        /* Cached: the same pointer again. */
        assert_ptr_equal(xs_mset_data(m, i, NULL), data);
    }
    assert_null(xs_mset_data(m, 2, NULL));
    assert_int_equal(xs_mset_docid(m, 2), 0);
    xs_mset_free(m);
    xs_query_free(fox);

    assert_int_equal(matches(db, term("quick")), D(1) | D(2) | D(4));
    assert_int_equal(matches(db, combine2(XS_OP_OR, term("dog"), term("cat"),
                                          0)),
                     D(2) | D(4));
    assert_int_equal(matches(db, combine2(XS_OP_AND, term("quick"),
                                          term("lazy"), 0)),
                     D(4));
    assert_int_equal(matches(db, combine2(XS_OP_AND_NOT, term("quick"),
                                          term("lazy"), 0)),
                     D(1) | D(2));
    assert_int_equal(matches(db, combine2(XS_OP_AND_MAYBE, term("fox"),
                                          term("quick"), 0)),
                     D(1) | D(3));
    assert_int_equal(matches(db, combine2(XS_OP_SYNONYM, term("dog"),
                                          term("fox"), 0)),
                     D(1) | D(2) | D(3));

    /* A missing document and the data of an existing one. */
    char *data = NULL, *msg = NULL;
    size_t len = 0;
    assert_int_equal(xs_db_get_data(db, 3, &data, &len, &msg), CS_OK);
    assert_string_equal(data, "b1");
    assert_int_equal(len, 2);
    free(data);
    assert_int_equal(xs_db_get_data(db, 99, &data, &len, &msg), CS_NOT_FOUND);
    assert_null(data);
    assert_non_null(msg);
    assert_non_null(strstr(msg, f->db));
    free(msg);

    xs_db_close(db);
}

static void test_filter_phrase_near(void **state)
{
    fixture *f = *state;
    build_corpus(f->db);
    xs_db *db = open_db(f->db);

    /* FILTER on a boolean term: restricts, adds no weight. */
    xs_query *quick = term("quick");
    xs_query *path = term("Pcorpus/a.txt");
    xs_query *subs[2] = {quick, path};
    xs_query *filtered = xs_query_combine(XS_OP_FILTER, subs, 2, 0);
    assert_non_null(filtered);
    double plain = score_of(db, quick, 1);
    assert_true(plain > 0);
    assert_true(score_of(db, filtered, 1) == plain);
    assert_true(score_of(db, filtered, 4) < 0);
    xs_query_free(path);
    xs_query_free(quick);
    assert_int_equal(matches(db, filtered), D(1) | D(2));

    /* PHRASE: in order and adjacent; doc 2 has "brown quick". */
    assert_int_equal(matches(db, combine2(XS_OP_PHRASE, term("quick"),
                                          term("brown"), 0)),
                     D(1));
    assert_int_equal(matches(db, combine2(XS_OP_PHRASE, term("brown"),
                                          term("quick"), 0)),
                     D(2));
    assert_int_equal(matches(db, combine2(XS_OP_PHRASE, term("the"),
                                          term("brown"), 0)),
                     0);
    /* A wider phrase window allows one word between. */
    assert_int_equal(matches(db, combine2(XS_OP_PHRASE, term("the"),
                                          term("brown"), 3)),
                     D(1));
    /* NEAR: any order. */
    assert_int_equal(matches(db, combine2(XS_OP_NEAR, term("quick"),
                                          term("brown"), 2)),
                     D(1) | D(2));
    assert_int_equal(matches(db, combine2(XS_OP_NEAR, term("fox"),
                                          term("quick"), 2)),
                     0);
    assert_int_equal(matches(db, combine2(XS_OP_NEAR, term("fox"),
                                          term("quick"), 3)),
                     D(1));

    /* Window 0 means an exact phrase over all subqueries. */
    xs_query *ph = combine2(XS_OP_PHRASE, term("a"), term("b"), 0);
    char *desc = xs_query_describe(ph);
    assert_non_null(desc);
    assert_non_null(strstr(desc, "PHRASE 2"));
    free(desc);
    xs_query_free(ph);

    xs_db_close(db);
}

static void test_value_range(void **state)
{
    fixture *f = *state;
    build_corpus(f->db);
    xs_db *db = open_db(f->db);

    /* Dates 20200101, 20210615, 2019, 20230301 in docs 1..4. */
    assert_int_equal(matches(db, xs_query_value_range(0, "2020", "20211231")),
                     D(1) | D(2));
    assert_int_equal(matches(db, xs_query_value_range(0, "2021", NULL)),
                     D(2) | D(4));
    assert_int_equal(matches(db, xs_query_value_range(0, NULL, "20191231")),
                     D(3));
    assert_int_equal(matches(db, xs_query_value_range(0, NULL, NULL)),
                     D(1) | D(2) | D(3) | D(4));
    assert_int_equal(matches(db, xs_query_value_range(0, "2030", "2040")), 0);

    /* As a filter of a ranked query. */
    xs_query *subs[2] = {term("quick"),
                         xs_query_value_range(0, "2021", NULL)};
    xs_query *q = xs_query_combine(XS_OP_FILTER, subs, 2, 0);
    xs_query_free(subs[0]);
    xs_query_free(subs[1]);
    assert_int_equal(matches(db, q), D(2) | D(4));

    xs_db_close(db);
}

static void test_prefix_filter(void **state)
{
    fixture *f = *state;
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, NULL), CS_OK);
    add_doc(w, "alpha beta", "corpus/a.txt", "a#1", "2020", "a", 1);
    add_doc(w, "alpha gamma", "corpus/b.txt", "b#1", "2020", "b", 2);
    add_doc(w, "alpha delta", "other/c.txt", "c#1", "2020", "c", 3);
    /* A path that only shares a prefix with the directory name. */
    add_doc(w, "alpha", "corpusx/d.txt", "d#1", "2020", "d", 4);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    xs_db *db = open_db(f->db);

    xs_query *alpha = term("alpha");
    xs_query *prefix = xs_query_prefix("Pcorpus/");
    assert_non_null(prefix);
    xs_query *subs[2] = {alpha, prefix};
    xs_query *q = xs_query_combine(XS_OP_FILTER, subs, 2, 0);
    /* Boolean: the filter leaves the scores alone. */
    assert_true(score_of(db, q, 1) > 0);
    assert_true(score_of(db, q, 1) == score_of(db, alpha, 1));
    assert_int_equal(matches(db, q), D(1) | D(2));

    /* On its own it matches too, with no weight. */
    xs_mset *m = search(db, prefix, 10);
    assert_int_equal(xs_mset_size(m), 2);
    assert_true(xs_mset_score(m, 0) == 0.0);
    xs_mset_free(m);

    /* Boolean even over terms with a wdf, which would otherwise rank. */
    xs_query *words = xs_query_prefix("alp");
    m = search(db, words, 10);
    assert_int_equal(xs_mset_size(m), 4);
    for (unsigned i = 0; i < 4; i++)
        assert_true(xs_mset_score(m, i) == 0.0);
    xs_mset_free(m);
    xs_query_free(words);

    assert_int_equal(matches(db, xs_query_prefix("Pother/")), D(3));
    assert_int_equal(matches(db, xs_query_prefix("Pnone/")), 0);
    assert_int_equal(matches(db, xs_query_prefix("P")),
                     D(1) | D(2) | D(3) | D(4));
    xs_query_free(alpha);
    xs_query_free(prefix);
    xs_db_close(db);
}

static void test_replace_and_delete(void **state)
{
    fixture *f = *state;
    build_corpus(f->db);

    xs_wdb *w = NULL;
    char *msg = NULL;
    assert_int_equal(xs_wdb_open(f->db, 0, &w, &msg), CS_OK);
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    xs_doc *doc = make_doc("slow green turtle", "corpus/a.txt",
                           "corpus/a.txt#1", "20200101", "a1-new");
    assert_int_equal(xs_wdb_replace_by_term(w, "Qcorpus/a.txt#1", doc, &msg),
                     CS_OK);
    xs_doc_free(doc);
    /* An ID no document has: the document is added. */
    doc = make_doc("new words", "corpus/e.txt", "corpus/e.txt#1", "2024",
                   "e1");
    assert_int_equal(xs_wdb_replace_by_term(w, "Qcorpus/e.txt#1", doc, &msg),
                     CS_OK);
    xs_doc_free(doc);
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);
    assert_int_equal(xs_wdb_doccount(w), 5);
    xs_wdb_close(w);

    xs_db *db = open_db(f->db);
    assert_int_equal(xs_db_doccount(db), 5);
    /* The old words of document 1 are gone; its ID stays. */
    assert_int_equal(matches(db, term("fox")), D(3));
    assert_int_equal(matches(db, term("turtle")), D(1));
    assert_int_equal(xs_db_termfreq(db, "Qcorpus/a.txt#1", 15), 1);
    char *data = NULL;
    assert_int_equal(xs_db_get_data(db, 1, &data, NULL, &msg), CS_OK);
    assert_string_equal(data, "a1-new");
    free(data);
    xs_db_close(db);

    /* Delete by the path term: both passages of corpus/a.txt go. */
    assert_int_equal(xs_wdb_open(f->db, 0, &w, &msg), CS_OK);
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    assert_int_equal(xs_wdb_delete_by_term(w, "Pcorpus/a.txt", &msg), CS_OK);
    assert_int_equal(xs_wdb_delete_by_term(w, "Pno/such.txt", &msg), CS_OK);
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);
    assert_null(msg);
    xs_wdb_close(w);

    db = open_db(f->db);
    assert_int_equal(xs_db_doccount(db), 3);
    assert_int_equal(xs_db_termfreq(db, "Pcorpus/a.txt", 13), 0);
    assert_int_equal(matches(db, term("quick")), D(4));
    xs_db_close(db);
}

typedef struct collected {
    int n;
    int stop_after; /* 0: never stop */
    char keys[8][32];
    char vals[8][32];
} collected;

static int collect_meta(void *ctx, const char *key, const char *val,
                        size_t len)
{
    collected *c = ctx;
    assert_true(c->n < 8);
    assert_int_equal(strlen(val), len);
    snprintf(c->keys[c->n], sizeof c->keys[0], "%s", key);
    snprintf(c->vals[c->n], sizeof c->vals[0], "%s", val);
    c->n++;
    return c->stop_after && c->n >= c->stop_after;
}

static int collect_term(void *ctx, const char *t, size_t len,
                        unsigned termfreq)
{
    collected *c = ctx;
    assert_true(c->n < 8);
    snprintf(c->keys[c->n], sizeof c->keys[0], "%.*s", (int)len, t);
    snprintf(c->vals[c->n], sizeof c->vals[0], "%u", termfreq);
    c->n++;
    return 0;
}

static void test_metadata(void **state)
{
    fixture *f = *state;
    xs_wdb *w = NULL;
    char *msg = NULL, *val = NULL;
    size_t len = 99;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, &msg), CS_OK);
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "file:b", "3 4", 3, &msg), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "file:a", "1 2", 3, &msg), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "root", "..", 2, &msg), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "file:gone", "x", 1, &msg),
                     CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "file:gone", "", 0, &msg), CS_OK);
    /* The writer sees its own uncommitted metadata. */
    assert_int_equal(xs_wdb_get_metadata(w, "root", &val, &len, &msg), CS_OK);
    assert_string_equal(val, "..");
    assert_int_equal(len, 2);
    free(val);
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);

    collected c = {0};
    assert_int_equal(xs_wdb_metadata_each(w, "file:", collect_meta, &c, &msg),
                     CS_OK);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.keys[0], "file:a");
    assert_string_equal(c.vals[0], "1 2");
    assert_string_equal(c.keys[1], "file:b");
    xs_wdb_close(w);

    xs_db *db = open_db(f->db);
    assert_int_equal(xs_db_get_metadata(db, "file:b", &val, &len, &msg),
                     CS_OK);
    assert_string_equal(val, "3 4");
    free(val);
    /* Unset and deleted keys read as "". */
    assert_int_equal(xs_db_get_metadata(db, "nope", &val, &len, &msg), CS_OK);
    assert_string_equal(val, "");
    assert_int_equal(len, 0);
    free(val);
    assert_int_equal(xs_db_get_metadata(db, "file:gone", &val, NULL, &msg),
                     CS_OK);
    assert_string_equal(val, "");
    free(val);

    memset(&c, 0, sizeof c);
    assert_int_equal(xs_db_metadata_each(db, "", collect_meta, &c, &msg),
                     CS_OK);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.keys[2], "root");
    assert_string_equal(c.vals[2], "..");
    /* A non-zero return stops the walk. */
    memset(&c, 0, sizeof c);
    c.stop_after = 1;
    assert_int_equal(xs_db_metadata_each(db, "file:", collect_meta, &c, &msg),
                     CS_OK);
    assert_int_equal(c.n, 1);
    assert_null(msg);
    xs_db_close(db);
}

static void test_terms_each(void **state)
{
    fixture *f = *state;
    build_corpus(f->db);
    xs_db *db = open_db(f->db);
    collected c = {0};
    char *msg = NULL;
    assert_int_equal(xs_db_terms_each(db, "P", collect_term, &c, &msg), CS_OK);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.keys[0], "Pcorpus/a.txt");
    assert_string_equal(c.vals[0], "2");
    assert_string_equal(c.keys[1], "Pcorpus/b.txt");
    assert_string_equal(c.vals[1], "1");
    assert_string_equal(c.keys[2], "Pother/c.txt");
    xs_db_close(db);
}

static void test_transactions(void **state)
{
    fixture *f = *state;
    xs_wdb *w = NULL;
    char *msg = NULL, *val = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, &msg), CS_OK);
    add_doc(w, "kept", "k.txt", "k#1", "2020", "k", 1);
    assert_int_equal(xs_wdb_set_metadata(w, "root", ".", 1, &msg), CS_OK);
    /* Changes made before begin join the transaction and commit with it. */
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    assert_int_equal(xs_wdb_begin(w, &msg), CS_USAGE); /* no nesting */
    assert_non_null(msg);
    free(msg);
    msg = NULL;
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);
    assert_int_equal(doccount_at(f->db), 1);

    /* Cancelled: documents and metadata are dropped. */
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    add_doc(w, "dropped", "d.txt", "d#1", "2020", "d", 2);
    assert_int_equal(xs_wdb_set_metadata(w, "root", "..", 2, &msg), CS_OK);
    assert_int_equal(xs_wdb_delete_by_term(w, "Qk#1", &msg), CS_OK);
    assert_int_equal(xs_wdb_doccount(w), 1);
    assert_int_equal(xs_wdb_cancel(w, &msg), CS_OK);
    assert_int_equal(xs_wdb_doccount(w), 1);
    assert_int_equal(xs_wdb_get_metadata(w, "root", &val, NULL, &msg), CS_OK);
    assert_string_equal(val, ".");
    free(val);
    /* Commit and cancel with nothing pending are harmless. */
    assert_int_equal(xs_wdb_cancel(w, &msg), CS_OK);
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);

    /* Closed inside a transaction: nothing is written. */
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    add_doc(w, "lost", "l.txt", "l#1", "2020", "l", 0);
    xs_wdb_close(w);
    assert_int_equal(doccount_at(f->db), 1);

    /* Closed after changes without any begin: nothing is written either. */
    assert_int_equal(xs_wdb_open(f->db, 0, &w, &msg), CS_OK);
    add_doc(w, "lost too", "m.txt", "m#1", "2020", "m", 0);
    assert_int_equal(xs_wdb_set_metadata(w, "root", "lost", 4, &msg), CS_OK);
    xs_wdb_close(w);
    assert_null(msg);

    xs_db *db = open_db(f->db);
    assert_int_equal(xs_db_doccount(db), 1);
    assert_int_equal(xs_db_termfreq(db, "kept", 4), 1);
    assert_int_equal(xs_db_termfreq(db, "lost", 4), 0);
    assert_int_equal(xs_db_get_metadata(db, "root", &val, NULL, &msg), CS_OK);
    assert_string_equal(val, ".");
    free(val);
    xs_db_close(db);
}

/* Writes `n` documents all holding "quick", with data "ROUND:I" and
 * padding (enough blocks that a reader cannot keep them all cached), and
 * commits. */
static void write_round(xs_wdb *w, unsigned n, unsigned round)
{
    char *msg = NULL;
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    for (unsigned i = 0; i < n; i++) {
        char id[32], qid[40], data[400];
        snprintf(id, sizeof id, "r/%u.txt#1", i);
        snprintf(qid, sizeof qid, "Q%s", id);
        int len = snprintf(data, sizeof data, "%u:%u:", round, i);
        memset(data + len, 'x', sizeof data - len - 1);
        data[sizeof data - 1] = '\0';
        xs_doc *doc = make_doc("quick words", id, id, "2024", data);
        assert_int_equal(xs_wdb_replace_by_term(w, qid, doc, &msg), CS_OK);
        xs_doc_free(doc);
    }
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);
    assert_null(msg);
}

/* An indexer that commits twice or more while a search's results are
 * read: the revision searched is overwritten, yet the results read are
 * still those the search found, as they were (never a missing result). */
static void test_data_after_commits(void **state)
{
    fixture *f = *state;
    enum { N = 2000 };
    xs_wdb *w = NULL;
    char *msg = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, &msg), CS_OK);
    write_round(w, N, 0);
    xs_db *db = open_db(f->db);
    xs_query *q = term("quick");
    xs_mset *m = search(db, q, N);
    xs_query_free(q);
    assert_int_equal(xs_mset_size(m), N);
    for (unsigned round = 1; round <= 3; round++)
        write_round(w, N, round);
    xs_wdb_close(w);

    for (unsigned i = 0; i < N; i++) {
        const char *data = xs_mset_data(m, i, NULL);
        assert_non_null(data);
        char want[32];
        snprintf(want, sizeof want, "0:%u:", xs_mset_docid(m, i) - 1);
        assert_memory_equal(data, want, strlen(want));
    }
    xs_mset_free(m);
    xs_db_close(db);
}

static void test_locked(void **state)
{
    fixture *f = *state;
    xs_wdb *w1 = NULL, *w2 = (xs_wdb *)&w1;
    char *msg = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w1, &msg), CS_OK);
    assert_int_equal(xs_wdb_open(f->db, 1, &w2, &msg), CS_LOCKED);
    assert_null(w2);
    assert_non_null(msg);
    assert_non_null(strstr(msg, "locked by another indexer"));
    assert_non_null(strstr(msg, f->db));
    free(msg);
    msg = NULL;
    /* Readers are not blocked by the writer. */
    assert_int_equal(doccount_at(f->db), 0);
    /* Closing releases the lock. */
    xs_wdb_close(w1);
    assert_int_equal(xs_wdb_open(f->db, 0, &w2, &msg), CS_OK);
    xs_wdb_close(w2);

    /* A lock that cannot be taken at all (a read-only file system, no
     * permission; here the lock file is a directory, as even root cannot
     * write one) is no other indexer's: an input/output error. */
    char lock[192];
    snprintf(lock, sizeof lock, "%s/flintlock", f->db);
    assert_int_equal(unlink(lock), 0);
    assert_int_equal(mkdir(lock, 0755), 0);
    assert_int_equal(xs_wdb_open(f->db, 0, &w2, &msg), CS_IO);
    assert_null(w2);
    assert_non_null(msg);
    assert_null(strstr(msg, "locked by another indexer"));
    assert_non_null(strstr(msg, f->db));
    assert_non_null(strstr(msg, "Is a directory"));
    free(msg);
    assert_int_equal(rmdir(lock), 0);
}

static void expect_open_failure(const char *path, cs_status want,
                                const char *in_msg)
{
    xs_db *db = (xs_db *)&db;
    char *msg = NULL;
    assert_int_equal(xs_db_open(path, &db, &msg), want);
    assert_null(db);
    assert_non_null(msg);
    assert_true(strlen(msg) > 0);
    assert_non_null(strstr(msg, in_msg));
    free(msg);
}

static void test_open_errors(void **state)
{
    fixture *f = *state;
    char path[256];

    /* Missing: both kinds of open, naming the path. */
    snprintf(path, sizeof path, "%s/missing", f->dir);
    expect_open_failure(path, CS_NOT_FOUND, path);
    xs_wdb *w = (xs_wdb *)&w;
    char *msg = NULL;
    assert_int_equal(xs_wdb_open(path, 0, &w, &msg), CS_NOT_FOUND);
    assert_null(w);
    assert_non_null(msg);
    assert_non_null(strstr(msg, path));
    free(msg);
    msg = NULL;
    assert_int_equal(access(path, F_OK), -1); /* and not created */

    /* A directory without a database counts as missing. */
    expect_open_failure(f->dir, CS_NOT_FOUND, f->dir);

    /* Creating under a missing directory fails as I/O. */
    snprintf(path, sizeof path, "%s/no/such/db", f->dir);
    assert_int_equal(xs_wdb_open(path, 1, &w, &msg), CS_IO);
    assert_non_null(strstr(msg, path));
    free(msg);
    msg = NULL;

    /* A file that is no stub. */
    snprintf(path, sizeof path, "%s/garbage", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("this is not a stub file\n", fp);
    fclose(fp);
    expect_open_failure(path, CS_CORRUPT, path);

    /* A stub naming a remote shard nobody serves. */
    int sock;
    char remote[64];
    snprintf(remote, sizeof remote, "127.0.0.1:%u", refusing_port(&sock));
    snprintf(path, sizeof path, "%s/stub", f->dir);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fprintf(fp, "remote %s\n", remote);
    fclose(fp);
    expect_open_failure(path, CS_NETWORK, remote);
    close(sock);

    /* A stub naming a local shard works like the shard itself. */
    build_corpus(f->db);
    fp = fopen(path, "w");
    assert_non_null(fp);
    fprintf(fp, "auto %s\n", f->db);
    fclose(fp);
    assert_int_equal(doccount_at(path), 4);

    /* NULL arguments are usage errors, not crashes. */
    assert_int_equal(xs_db_open(NULL, NULL, NULL), CS_USAGE);
}

/* Half of build_corpus's documents each, with the metadata the indexer
 * gives shards: every shard the root, each file's record in its own. */
static void build_shard(const char *path, int which)
{
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(path, 1, &w, NULL), CS_OK);
    assert_int_equal(xs_wdb_begin(w, NULL), CS_OK);
    if (which == 0) {
        add_doc(w, "the quick brown fox", "corpus/a.txt", "corpus/a.txt#1",
                "20200101", "a1", 0);
        add_doc(w, "brown quick dog", "corpus/a.txt", "corpus/a.txt#2",
                "20210615", "a2", 0);
        assert_int_equal(xs_wdb_set_metadata(w, "file:a", "1", 1, NULL), CS_OK);
    } else {
        add_doc(w, "lazy fox sleeps", "corpus/b.txt", "corpus/b.txt#1", "2019",
                "b1", 0);
        add_doc(w, "quick lazy cat", "other/c.txt", "other/c.txt#1",
                "20230301", "c1", 0);
        assert_int_equal(xs_wdb_set_metadata(w, "file:b", "2", 1, NULL), CS_OK);
        assert_int_equal(xs_wdb_set_metadata(w, "file:c", "3", 1, NULL), CS_OK);
    }
    assert_int_equal(xs_wdb_set_metadata(w, "root", "..", 2, NULL), CS_OK);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* The ranking of `q` as "DATA SCORE" lines, to compare databases whose
 * docids differ. */
static void ranking(xs_db *db, const xs_query *q, char *out, size_t size)
{
    xs_mset *m = search(db, q, 10);
    size_t used = 0;
    out[0] = '\0';
    for (unsigned i = 0; i < xs_mset_size(m); i++)
        used += (size_t)snprintf(out + used, size - used, "%s %.12f\n",
                                 xs_mset_data(m, i, NULL), xs_mset_score(m, i));
    xs_mset_free(m);
}

static void test_shards(void **state)
{
    fixture *f = *state;
    char a[160], b[160], stub[160], path[160];
    snprintf(a, sizeof a, "%s/a", f->dir);
    snprintf(b, sizeof b, "%s/b", f->dir);
    build_shard(a, 0);
    build_shard(b, 1);
    build_corpus(f->db);

    /* Comments, blank lines, both local forms, paths relative to the stub. */
    snprintf(stub, sizeof stub, "%s/stub", f->dir);
    write_text(stub, "# two shards\n\nauto a\nglass b\n");
    xs_db *db = open_db(stub), *one = open_db(f->db);
    assert_int_equal(xs_db_shard_count(db), 2);
    assert_string_equal(xs_db_name(xs_db_shard(db, 0)), a);
    assert_string_equal(xs_db_name(xs_db_shard(db, 1)), b);
    assert_null(xs_db_shard(db, 2));
    assert_int_equal(xs_db_doccount(db), 4);
    assert_int_equal(xs_db_doccount(xs_db_shard(db, 1)), 2);
    assert_int_equal(xs_db_missing_count(db), 0);

    /* Xapian merges the statistics: the ranking of one database. */
    const char *words[] = {"quick", "fox", "lazy"};
    for (size_t i = 0; i < 3; i++) {
        char r1[512], r2[512];
        xs_query *q = term(words[i]);
        ranking(one, q, r1, sizeof r1);
        ranking(db, q, r2, sizeof r2);
        assert_string_equal(r1, r2);
        xs_query_free(q);
    }

    /* Equal scores: in docid order by default, which differs between
     * one database and shards; a tie-break on a value does not. */
    char one_path[160], s0[160], s1[160];
    snprintf(one_path, sizeof one_path, "%s/ties", f->dir);
    snprintf(s0, sizeof s0, "%s/ties0", f->dir);
    snprintf(s1, sizeof s1, "%s/ties1", f->dir);
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(one_path, 1, &w, NULL), CS_OK);
    add_doc(w, "same words", "b.txt", "b#1", "2020", "b", 1);
    add_doc(w, "same words", "a.txt", "a#1", "2020", "a", 2);
    add_doc(w, "same words", "c.txt", "c#1", "2020", "c", 3);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    assert_int_equal(xs_wdb_open(s0, 1, &w, NULL), CS_OK);
    add_doc(w, "same words", "a.txt", "a#1", "2020", "a", 1);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    assert_int_equal(xs_wdb_open(s1, 1, &w, NULL), CS_OK);
    add_doc(w, "same words", "b.txt", "b#1", "2020", "b", 1);
    add_doc(w, "same words", "c.txt", "c#1", "2020", "c", 2);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    snprintf(path, sizeof path, "%s/ties.stub", f->dir);
    write_text(path, "auto ties0\nauto ties1\n");
    xs_db *tied = open_db(one_path), *tied_shards = open_db(path);
    xs_query *q = term("same");
    char order[3][4];
    for (int k = 0; k < 3; k++) {
        xs_search_opts o;
        xs_search_opts_init(&o, 10);
        o.tiebreak_slot = k == 2 ? 1 : -1;
        xs_mset *m = NULL;
        assert_int_equal(xs_search(k == 1 ? tied_shards : tied, q, &o, &m, NULL),
                         CS_OK);
        assert_int_equal(xs_mset_size(m), 3);
        for (unsigned i = 0; i < 3; i++)
            order[k][i] = xs_mset_data(m, i, NULL)[0];
        order[k][3] = '\0';
        if (k == 1) { /* and the same ranking with the tie-break */
            xs_mset_free(m);
            o.tiebreak_slot = 1;
            assert_int_equal(xs_search(tied_shards, q, &o, &m, NULL), CS_OK);
            char again[4] = {0};
            for (unsigned i = 0; i < 3; i++)
                again[i] = xs_mset_data(m, i, NULL)[0];
            assert_string_equal(again, "abc");
        }
        xs_mset_free(m);
    }
    assert_string_equal(order[0], "bac");  /* one database: docids */
    assert_string_not_equal(order[1], order[0]); /* shards: interleaved */
    assert_string_equal(order[2], "abc");  /* by path, then docid */
    xs_query_free(q);
    xs_db_close(tied);
    xs_db_close(tied_shards);

    /* Metadata: the first shard that has a key; keys merged, each once. */
    char *val = NULL;
    assert_int_equal(xs_db_get_metadata(db, "file:c", &val, NULL, NULL), CS_OK);
    assert_string_equal(val, "3");
    free(val);
    assert_int_equal(xs_db_get_metadata(db, "root", &val, NULL, NULL), CS_OK);
    assert_string_equal(val, "..");
    free(val);
    collected c = {0};
    assert_int_equal(xs_db_metadata_each(db, "", collect_meta, &c, NULL), CS_OK);
    assert_int_equal(c.n, 4);
    assert_string_equal(c.keys[0], "file:a");
    assert_string_equal(c.keys[1], "file:b");
    assert_string_equal(c.keys[2], "file:c");
    assert_string_equal(c.keys[3], "root");
    memset(&c, 0, sizeof c);
    assert_int_equal(xs_db_metadata_each(xs_db_shard(db, 1), "file:",
                                         collect_meta, &c, NULL),
                     CS_OK);
    assert_int_equal(c.n, 2);
    xs_db_close(db);

    /* A plain database is its own only shard. */
    assert_int_equal(xs_db_shard_count(one), 1);
    assert_string_equal(xs_db_name(xs_db_shard(one, 0)), f->db);
    assert_int_equal(xs_db_doccount(xs_db_shard(one, 0)), 4);
    assert_null(xs_db_shard(one, 1));
    xs_db_close(one);

    /* A stub directory: XAPIANDB in a directory holding no database. */
    snprintf(path, sizeof path, "%s/idx", f->dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/idx/XAPIANDB", f->dir);
    write_text(path, "auto ../a\nauto ../b\n");
    snprintf(path, sizeof path, "%s/idx", f->dir);
    db = open_db(path);
    assert_int_equal(xs_db_shard_count(db), 2);
    assert_int_equal(xs_db_doccount(db), 4);
    xs_db_close(db);

    /* A missing shard fails the open, naming its line ... */
    int sock;
    char text[128], remote[64];
    snprintf(remote, sizeof remote, "remote 127.0.0.1:%u", refusing_port(&sock));
    snprintf(text, sizeof text, "auto a\nauto gone\n%s\n", remote);
    write_text(stub, text);
    char *msg = NULL;
    db = (xs_db *)&db;
    assert_int_equal(xs_db_open(stub, &db, &msg), CS_NOT_FOUND);
    assert_null(db);
    assert_non_null(strstr(msg, "line 2"));
    assert_non_null(strstr(msg, "gone"));
    free(msg);
    msg = NULL;
    /* ... unless allow_partial, which lists it and opens the others. */
    xs_open_opts opts = {.allow_partial = 1};
    assert_int_equal(xs_db_open_with(stub, &opts, &db, &msg), CS_OK);
    assert_null(msg);
    assert_int_equal(xs_db_shard_count(db), 1);
    assert_int_equal(xs_db_doccount(db), 2);
    assert_int_equal(xs_db_missing_count(db), 2);
    const char *why = NULL;
    snprintf(path, sizeof path, "%s/gone", f->dir);
    assert_string_equal(xs_db_missing(db, 0, &why), path);
    assert_non_null(why);
    assert_string_equal(xs_db_missing(db, 1, &why), remote);
    assert_non_null(strstr(why, "Connection refused"));
    assert_null(xs_db_missing(db, 2, &why));
    assert_null(why);
    xs_db_close(db);

    /* No shard at all is an error even so, and so is an empty stub. */
    snprintf(text, sizeof text, "%s\n", remote);
    write_text(stub, text);
    assert_int_equal(xs_db_open_with(stub, &opts, &db, &msg), CS_NETWORK);
    assert_non_null(strstr(msg, "no shard could be opened"));
    free(msg);
    msg = NULL;
    close(sock);
    write_text(stub, "# nothing yet\n");
    assert_int_equal(xs_db_open(stub, &db, &msg), CS_CORRUPT);
    assert_non_null(strstr(msg, "lists no database"));
    free(msg);
}

static void test_collapse(void **state)
{
    fixture *f = *state;
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, NULL), CS_OK);
    /* Three passages of a.txt, two of b.txt, one of c.txt. */
    add_doc(w, "word", "a.txt", "a#1", "2020", "a", 1);
    add_doc(w, "word word", "a.txt", "a#2", "2020", "a", 2);
    add_doc(w, "word word word", "a.txt", "a#3", "2020", "a", 3);
    add_doc(w, "word", "b.txt", "b#1", "2020", "b", 4);
    add_doc(w, "word word", "b.txt", "b#2", "2020", "b", 5);
    add_doc(w, "word", "c.txt", "c#1", "2020", "c", 6);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    xs_db *db = open_db(f->db);
    xs_query *q = term("word");

    static const unsigned want_size[] = {0, 3, 5, 6};
    for (unsigned max = 1; max <= 3; max++) {
        xs_search_opts opts;
        xs_search_opts_init(&opts, 10);
        opts.collapse_slot = 1;
        opts.collapse_max = max;
        xs_mset *m = NULL;
        assert_int_equal(xs_search(db, q, &opts, &m, NULL), CS_OK);
        assert_int_equal(xs_mset_size(m), want_size[max]);
        unsigned per_key[3] = {0, 0, 0};
        for (unsigned i = 0; i < xs_mset_size(m); i++) {
            const char *data = xs_mset_data(m, i, NULL);
            assert_non_null(data);
            per_key[data[0] - 'a']++;
        }
        for (int k = 0; k < 3; k++)
            assert_true(per_key[k] >= 1 && per_key[k] <= max);
        xs_mset_free(m);
    }

    /* Offset and limit page through the ranking. */
    xs_mset *all = search(db, q, 10);
    assert_int_equal(xs_mset_size(all), 6);
    xs_search_opts opts;
    xs_search_opts_init(&opts, 2);
    opts.offset = 1;
    xs_mset *page = NULL;
    assert_int_equal(xs_search(db, q, &opts, &page, NULL), CS_OK);
    assert_int_equal(xs_mset_size(page), 2);
    assert_int_equal(xs_mset_docid(page, 0), xs_mset_docid(all, 1));
    assert_int_equal(xs_mset_docid(page, 1), xs_mset_docid(all, 2));
    assert_int_equal(xs_mset_estimated(page), 6);
    xs_mset_free(page);

    /* The mset keeps the database: data still reads after closing it. */
    xs_db_close(db);
    assert_non_null(xs_mset_data(all, 5, NULL));
    xs_mset_free(all);
    xs_query_free(q);
}

/* Equal scores in value order, as Xapian's sort gives them, for every
 * cut: inside the results (only re-ordered) and across the last place
 * asked for (searched again); and alike from a handle that keeps the
 * order in memory (tie_ranks), collapsed too. */
static void test_tiebreak(void **state)
{
    fixture *f = *state;
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, NULL), CS_OK);
    /* Docids in another order than the paths: e c d a b, then another
     * passage of a.txt (A) and one without a path (n: an empty value,
     * which Xapian sorts first). */
    add_doc(w, "same y", "e.txt", "e#1", "2020", "e", 1);
    add_doc(w, "same y", "c.txt", "c#1", "2020", "c", 2);
    add_doc(w, "same same x", "d.txt", "d#1", "2020", "d", 3);
    add_doc(w, "same y", "a.txt", "a#1", "2020", "a", 4);
    add_doc(w, "same same x", "b.txt", "b#1", "2020", "b", 5);
    for (int i = 0; i < 6; i++)
        add_doc(w, "other words here", "z.txt", "z#1", "2020", "z", 0);
    add_doc(w, "same y", "a.txt", "a#2", "2020", "A", 12);
    add_doc(w, "same y", "", "n#1", "2020", "n", 13);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    xs_db *db = open_db(f->db);
    xs_query *q = term("same");

    static const char want[] = "bdnaAce"; /* two equal, then five equal */
    for (unsigned ranked = 0; ranked <= 1; ranked++)
        for (unsigned offset = 0; offset <= 1; offset++)
            for (unsigned limit = 1; limit <= 8; limit++) {
                xs_search_opts o;
                xs_search_opts_init(&o, limit);
                o.offset = offset;
                o.tiebreak_slot = 1;
                o.tie_ranks = ranked; /* kept from the first search */
                xs_mset *m = NULL;
                assert_int_equal(xs_search(db, q, &o, &m, NULL), CS_OK);
                unsigned n = limit < 7 - offset ? limit : 7 - offset;
                assert_int_equal(xs_mset_size(m), n);
                char got[8] = {0};
                for (unsigned i = 0; i < n; i++) {
                    got[i] = xs_mset_data(m, i, NULL)[0];
                    if (i > 0)
                        assert_true(xs_mset_score(m, i) <= xs_mset_score(m, i - 1));
                }
                assert_memory_equal(got, want + offset, n);
                assert_int_equal(xs_mset_estimated(m), 7);
                xs_mset_free(m);
            }
    /* Collapsed on the path: the first of a.txt's passages stands for it
     * (a document without the value is never collapsed). */
    for (unsigned ranked = 0; ranked <= 1; ranked++) {
        xs_search_opts o;
        xs_search_opts_init(&o, 10);
        o.tiebreak_slot = 1;
        o.tie_ranks = ranked;
        o.collapse_slot = 1;
        xs_mset *m = NULL;
        assert_int_equal(xs_search(db, q, &o, &m, NULL), CS_OK);
        char got[8] = {0};
        for (unsigned i = 0; i < xs_mset_size(m) && i < 7; i++)
            got[i] = xs_mset_data(m, i, NULL)[0];
        assert_string_equal(got, "bdnace");
        xs_mset_free(m);
    }
    xs_query_free(q);
    xs_db_close(db);
}

/* Scores a unit in the last place apart (one passage in an index and in
 * its shards) are one score; scores apart by more than noise are not. */
static void test_score_key(void **state)
{
    (void)state;
    const double s[] = {10.2459485230009, 0.3, 1234.5678, 1e-3};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
        assert_true(xs_score_key(s[i]) == xs_score_key(nextafter(s[i], 0)) ||
                    xs_score_key(s[i]) == xs_score_key(nextafter(s[i], 1e9)));
        assert_true(xs_score_key(s[i]) != xs_score_key(s[i] * (1 + 1e-7)));
        assert_true(fabs(xs_score_key(s[i]) - s[i]) <= s[i] * 1e-9);
    }
    /* The failing case of a sharded index: 10.2459485230009 and
     * 10.245948523000898 are the same score. */
    assert_true(xs_score_key(10.2459485230009) == xs_score_key(10.245948523000898));
    assert_true(xs_score_key(0) == 0);
}

/* Copies of one subquery in an OR count as one, scaled by their number:
 * the same matches and scores as the copies themselves. */
static void test_or_copies(void **state)
{
    fixture *f = *state;
    build_corpus(f->db);
    xs_db *db = open_db(f->db);

    enum { COPIES = 5000 };
    xs_query **subs = calloc(COPIES + 1, sizeof *subs);
    assert_non_null(subs);
    for (int i = 0; i < COPIES; i++)
        subs[i] = term(i % 2 ? "quick" : "fox");
    subs[COPIES] = term("lazy");
    xs_query *copies = xs_query_combine(XS_OP_OR, subs, COPIES + 1, 0);
    assert_non_null(copies);
    char *desc = xs_query_describe(copies);
    assert_non_null(strstr(desc, "2500 * fox"));
    assert_non_null(strstr(desc, "2500 * quick"));
    assert_null(strstr(desc, "* lazy"));
    free(desc);

    /* The same scores as 2500 * (fox) + 2500 * (quick) + lazy, built by
     * hand, and the same documents. */
    xs_query *fox = term("fox"), *quick = term("quick"), *lazy = term("lazy");
    xs_query *parts[3] = {xs_query_scale(fox, 2500),
                          xs_query_scale(quick, 2500), lazy};
    xs_query *by_hand = xs_query_combine(XS_OP_OR, parts, 3, 0);
    for (xs_docid id = 1; id <= 4; id++) {
        double a = score_of(db, copies, id), b = score_of(db, by_hand, id);
        assert_true(a == b || (a > 0 && b > 0 && a / b > 0.999999 && a / b < 1.000001));
    }
    assert_int_equal(matches(db, copies), D(1) | D(2) | D(3) | D(4));
    for (int i = 0; i <= COPIES; i++)
        xs_query_free(subs[i]);
    free(subs);
    for (int i = 0; i < 3; i++)
        xs_query_free(parts[i]);
    xs_query_free(fox);
    xs_query_free(quick);
    xs_query_free(by_hand);
    xs_db_close(db);
}

static void test_queries(void **state)
{
    (void)state;
    xs_search_opts o;
    xs_search_opts_init(&o, 7);
    assert_int_equal(o.limit, 7);
    assert_int_equal(o.offset, 0);
    assert_true(o.bm25_k1 == 1 && o.bm25_k2 == 0 && o.bm25_k3 == 1);
    assert_true(o.bm25_b == 0.5 && o.bm25_min_normlen == 0.5);
    assert_int_equal(o.collapse_slot, -1);
    assert_int_equal(o.collapse_max, 1);
    assert_int_equal(o.check_at_least, 0);
    assert_int_equal(o.tiebreak_slot, -1);

    xs_query *q = xs_query_combine(XS_OP_AND, NULL, 0, 0);
    assert_non_null(q);
    assert_true(xs_query_is_empty(q));
    xs_query_free(q);
    q = xs_query_match_nothing();
    assert_true(xs_query_is_empty(q));
    xs_query_free(q);
    q = xs_query_match_all();
    assert_false(xs_query_is_empty(q));
    xs_query_free(q);

    q = term("fox");
    assert_false(xs_query_is_empty(q));
    xs_query *s = xs_query_scale(q, 0.5);
    assert_non_null(s);
    char *desc = xs_query_describe(s);
    assert_non_null(desc);
    assert_non_null(strstr(desc, "0.5 * fox"));
    free(desc);
    xs_query_free(s);
    assert_null(xs_query_scale(q, -1)); /* Xapian rejects it */
    xs_query_free(q);

    xs_query *subs[3] = {term("a"), term("b"), term("c")};
    q = xs_query_combine(XS_OP_ELITE_SET, subs, 3, 2);
    desc = xs_query_describe(q);
    assert_non_null(strstr(desc, "ELITE_SET 2"));
    free(desc);
    xs_query_free(q);
    for (int i = 0; i < 3; i++)
        xs_query_free(subs[i]);

    q = xs_query_value_range(0, "a", "b");
    desc = xs_query_describe(q);
    assert_non_null(strstr(desc, "VALUE_RANGE 0 a b"));
    free(desc);
    xs_query_free(q);

    xs_query_free(NULL);
    xs_mset_free(NULL);
    xs_doc_free(NULL);
    xs_wdb_close(NULL);
    xs_db_close(NULL);
}

/* ------------------------------------------------------------------ */
/* Compaction                                                           */
/* ------------------------------------------------------------------ */

static void set_meta(xs_wdb *w, const char *key, const char *val)
{
    assert_int_equal(xs_wdb_set_metadata(w, key, val, strlen(val), NULL),
                     CS_OK);
}

/* The data of every document of `path`, in docid order, joined by ','. */
static void data_in_order(const char *path, char *out, size_t size)
{
    xs_db *db = open_db(path);
    xs_query *all = xs_query_match_all();
    xs_mset *m = search(db, all, 100);
    out[0] = '\0';
    xs_docid last = 0;
    for (unsigned i = 0; i < xs_mset_size(m); i++) {
        assert_true(xs_mset_docid(m, i) > last); /* equal weights: by docid */
        last = xs_mset_docid(m, i);
        const char *d = xs_mset_data(m, i, NULL);
        snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? "," : "",
                 d);
    }
    xs_mset_free(m);
    xs_query_free(all);
    xs_db_close(db);
}

/* The scores of a query's matches, sorted, as text. */
static void scores_of(const char *path, const char *t, char *out, size_t size)
{
    xs_db *db = open_db(path);
    xs_query *q = term(t);
    xs_mset *m = search(db, q, 100);
    double sc[100];
    unsigned n = xs_mset_size(m);
    for (unsigned i = 0; i < n; i++)
        sc[i] = xs_mset_score(m, i);
    out[0] = '\0';
    for (unsigned i = 0; i < n; i++)
        snprintf(out + strlen(out), size - strlen(out), "%.12f ", sc[i]);
    xs_mset_free(m);
    xs_query_free(q);
    xs_db_close(db);
}

static void test_compact(void **state)
{
    fixture *f = *state;
    char a[160], b[160], c[160], merged[160], one[160], multi[160], e1[160],
        e2[160];
    snprintf(a, sizeof a, "%s/a", f->dir);
    snprintf(b, sizeof b, "%s/b", f->dir);
    snprintf(c, sizeof c, "%s/c", f->dir);
    snprintf(merged, sizeof merged, "%s/merged", f->dir);
    snprintf(one, sizeof one, "%s/one", f->dir);
    snprintf(multi, sizeof multi, "%s/multi", f->dir);
    snprintf(e1, sizeof e1, "%s/e1", f->dir);
    snprintf(e2, sizeof e2, "%s/e2", f->dir);
    char *msg = NULL;

    /* a: the corpus (docids 1..4) and its records; b: a scratch database
     * with a new version of a.txt and a new file, like a parallel run's
     * part. */
    build_corpus(a);
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(a, 0, &w, NULL), CS_OK);
    set_meta(w, "schema", "1");
    set_meta(w, "file:corpus/a.txt", "old");
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    assert_int_equal(xs_wdb_open_scratch(b, &w, &msg), CS_OK);
    add_doc(w, "quick new fox", "corpus/a.txt", "corpus/a.txt#1", "2024",
            "a1new", 1);
    add_doc(w, "the brown dog", "corpus/d.txt", "corpus/d.txt#1", "2024",
            "d1", 2);
    set_meta(w, "schema", "1");
    set_meta(w, "file:corpus/d.txt", "new");
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);

    /* b's documents first, then a's, each in its order; every metadata
     * key kept, the one both hold once. */
    const char *srcs[] = {b, a};
    assert_int_equal(xs_compact(srcs, 2, merged, 0, &msg), CS_OK);
    assert_null(msg);
    char got[512];
    data_in_order(merged, got, sizeof got);
    assert_string_equal(got, "a1new,d1,a1,a2,b1,c1");
    xs_db *db = open_db(merged);
    char *val = NULL;
    const char *keys[][2] = {{"schema", "1"}, {"file:corpus/a.txt", "old"},
                             {"file:corpus/d.txt", "new"}};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(xs_db_get_metadata(db, keys[i][0], &val, NULL, NULL),
                         CS_OK);
        assert_string_equal(val, keys[i][1]);
        free(val);
    }
    xs_db_close(db);

    /* The same documents written into one database score the same. */
    assert_int_equal(xs_wdb_open(one, 1, &w, NULL), CS_OK);
    add_doc(w, "the quick brown fox", "corpus/a.txt", "corpus/a.txt#1",
            "20200101", "a1", 0);
    add_doc(w, "lazy fox sleeps", "corpus/b.txt", "corpus/b.txt#1", "2019",
            "b1", 0);
    add_doc(w, "quick new fox", "corpus/a.txt", "corpus/a.txt#1", "2024",
            "a1new", 0);
    add_doc(w, "brown quick dog", "corpus/a.txt", "corpus/a.txt#2",
            "20210615", "a2", 0);
    add_doc(w, "quick lazy cat", "other/c.txt", "other/c.txt#1", "20230301",
            "c1", 0);
    add_doc(w, "the brown dog", "corpus/d.txt", "corpus/d.txt#1", "2024",
            "d1", 0);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    const char *words[] = {"fox", "quick", "brown", "the"};
    for (size_t i = 0; i < 4; i++) {
        char s1[512], s2[512];
        scores_of(one, words[i], s1, sizeof s1);
        scores_of(merged, words[i], s2, sizeof s2);
        assert_string_equal(s1, s2);
    }

    /* The old version of a.txt is the documents above b's two. */
    assert_int_equal(xs_wdb_open(merged, 0, &w, NULL), CS_OK);
    assert_int_equal(xs_wdb_delete_by_term_from(w, "Pcorpus/a.txt", 3, &msg),
                     CS_OK);
    assert_int_equal(xs_wdb_delete_by_term_from(w, "Pnowhere", 1, &msg), CS_OK);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    db = open_db(merged);
    assert_int_equal(xs_db_doccount(db), 4);
    assert_int_equal(matches(db, term("Pcorpus/a.txt")), D(1));
    xs_db_close(db);

    /* More than three sources, in several passes; empty ones add none. */
    assert_int_equal(xs_wdb_open_scratch(e1, &w, NULL), CS_OK);
    xs_wdb_close(w);
    assert_int_equal(xs_wdb_open_scratch(e2, &w, NULL), CS_OK);
    xs_wdb_close(w);
    const char *four[] = {b, e1, a, e2};
    assert_int_equal(xs_compact(four, 4, multi, 1, &msg), CS_OK);
    data_in_order(multi, got, sizeof got);
    assert_string_equal(got, "a1new,d1,a1,a2,b1,c1");

    /* A scratch database is created anew over an old one. */
    assert_int_equal(xs_wdb_open_scratch(b, &w, NULL), CS_OK);
    assert_int_equal(xs_wdb_doccount(w), 0);
    xs_wdb_close(w);

    /* One key with two values is refused, naming the key. */
    assert_int_equal(xs_wdb_open_scratch(c, &w, NULL), CS_OK);
    set_meta(w, "file:corpus/a.txt", "other");
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    const char *clash[] = {a, c};
    snprintf(merged, sizeof merged, "%s/clash", f->dir);
    assert_int_equal(xs_compact(clash, 2, merged, 0, &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "file:corpus/a.txt"));
    free(msg);
    msg = NULL;

    /* A missing source is named; no source is a misuse. */
    const char *missing[] = {a, "/nonexistent/db"};
    snprintf(merged, sizeof merged, "%s/none", f->dir);
    assert_int_equal(xs_compact(missing, 2, merged, 0, &msg), CS_NOT_FOUND);
    assert_non_null(strstr(msg, "/nonexistent/db"));
    free(msg);
    msg = NULL;
    assert_int_equal(xs_compact(missing, 0, merged, 0, NULL), CS_USAGE);
    assert_int_equal(xs_compact(NULL, 1, merged, 0, NULL), CS_USAGE);
    assert_int_equal(xs_compact(missing, 1, NULL, 0, NULL), CS_USAGE);
    assert_int_equal(xs_wdb_open_scratch(NULL, &w, NULL), CS_USAGE);
    assert_int_equal(xs_wdb_delete_by_term_from(NULL, "P", 1, NULL), CS_USAGE);
}

/* Whether some document may hold a word k times: no when Xapian's bound
 * on its wdf says so, or when no document of its posting list holds it
 * that often (the bound is the index's largest wdf, "ha" five times
 * here); what a phrase repeating a word is first checked against. */
static void test_wdf_reaches(void **state)
{
    fixture *f = *state;
    xs_wdb *w = NULL;
    char *msg = NULL;
    assert_int_equal(xs_wdb_open(f->db, 1, &w, &msg), CS_OK);
    assert_int_equal(xs_wdb_begin(w, &msg), CS_OK);
    add_doc(w, "the cat saw the dog and the bird", "a.txt", "a.txt#1", "2020", "a1", 1);
    add_doc(w, "the fox", "a.txt", "a.txt#2", "2020", "a2", 2);
    add_doc(w, "ha ha ha ha ha", "b.txt", "b.txt#1", "2020", "b1", 3);
    assert_int_equal(xs_wdb_commit(w, &msg), CS_OK);
    xs_wdb_close(w);

    xs_db *db = open_db(f->db);
    assert_int_equal(xs_db_wdf_reaches(db, "the", 3, 1), 1);
    assert_int_equal(xs_db_wdf_reaches(db, "the", 3, 3), 1);
    assert_int_equal(xs_db_wdf_reaches(db, "the", 3, 4), 0); /* its postings */
    assert_int_equal(xs_db_wdf_reaches(db, "ha", 2, 5), 1);
    assert_int_equal(xs_db_wdf_reaches(db, "ha", 2, 6), 0);  /* the bound */
    assert_int_equal(xs_db_wdf_reaches(db, "cat", 3, 2), 0);
    assert_int_equal(xs_db_wdf_reaches(db, "zebra", 5, 1), 0);
    xs_db_close(db);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_search_basic),   T(test_filter_phrase_near),
        T(test_value_range),    T(test_prefix_filter),
        T(test_replace_and_delete), T(test_metadata),
        T(test_data_after_commits),
        T(test_terms_each),     T(test_transactions),
        T(test_locked),         T(test_open_errors),
        T(test_collapse),       T(test_shards),
        T(test_or_copies),      T(test_compact),
        T(test_tiebreak),
        T(test_score_key),
        T(test_wdf_reaches),
        cmocka_unit_test(test_queries),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
