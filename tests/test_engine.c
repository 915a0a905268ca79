/* test_engine.c - unit tests of the query engine (qy_engine) on the
 * shipped corpus: ranking, match kinds, highlights, the coverage report
 * and near quotations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "ix_index.h"
#include "qy_engine.h"
#include "qy_plan.h"
#include "qy_show.h"
#include "qy_wordmap.h"
#include "schema.h"
#include "xs.h"

typedef struct fixture {
    char dir[64];
    qy_engine *e;
} fixture;

/* Indexes `path` into `db` (the current directory is the root). */
static void index_into(const char *db, const char *path)
{
    FILE *log = fopen("/dev/null", "w");
    ix_options o = {.db_path = db, .log = log, .quiet = 1};
    ix_summary sum;
    char *paths[] = {(char *)path};
    assert_int_equal(ix_run(&o, paths, 1, &sum, NULL), CS_OK);
    fclose(log);
}

static void remove_tree(const char *dir)
{
    char *cmd = NULL;
    assert_true(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/cs-engine-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    char *cmd = NULL, *db = NULL;
    assert_true(asprintf(&cmd, "cp -r '%s/corpus' '%s/corpus'", CS_SOURCE_DIR, f->dir) > 0);
    assert_int_equal(system(cmd), 0);
    free(cmd);
    assert_true(asprintf(&db, "%s/db", f->dir) > 0);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(f->dir), 0);
    index_into(db, "corpus");
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(qy_engine_open(db, &f->e, NULL), CS_OK);
    free(db);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    qy_engine_close(f->e);
    remove_tree(f->dir);
    free(f);
    return 0;
}

static void ask(fixture *f, const char *q, qy_mode mode, unsigned n, qy_answer *a)
{
    qy_request req = {.query = q, .mode = mode, .limit = n};
    char *msg = NULL;
    assert_int_equal(qy_engine_query(f->e, &req, a, &msg), CS_OK);
    assert_null(msg);
}

static int has_word(const qy_result *r, const char *w)
{
    for (size_t i = 0; i < r->nunsupported; i++)
        if (strcmp(r->unsupported[i], w) == 0)
            return 1;
    return 0;
}

static void test_coverage_report(void **state)
{
    fixture *f = *state;
    qy_answer a;
    /* The passage says July and September, not August. */
    ask(f, "Albanian government digital services were attacked in August",
        QY_MODE_CLAIM, 3, &a);
    assert_true(a.n > 0);
    assert_string_equal(a.results[0].cite, "corpus/000_e2b09c51e93f98b0.txt:17");
    assert_true(has_word(&a.results[0], "August"));
    assert_false(has_word(&a.results[0], "attacked"));
    assert_false(has_word(&a.results[0], "Albanian"));
    /* Stop words are never reported. */
    assert_false(has_word(&a.results[0], "in"));
    qy_answer_clear(&a);
}

static void test_coverage_ranks_the_passage_that_states_the_claim(void **state)
{
    fixture *f = *state;
    qy_answer a;
    /* Each word alone is in many passages; together in one. */
    ask(f, "Iranian intelligence ministry spokesman blamed the US government",
        QY_MODE_CLAIM, 5, &a);
    assert_true(a.n > 1);
    assert_string_equal(a.results[0].cite, "corpus/001_ad6093775fdf0074.txt:26");
    assert_true(a.results[0].nunsupported <= a.results[1].nunsupported);
    qy_answer_clear(&a);
}

/* A claim with a wrong year: of the passages that hold its other words
 * alike ("found" shares the stem of "founded"), the one that gives
 * another year is the one that settles it, first; the year stays
 * unsupported. */
static void test_other_value_ranks_first(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "The MEK was founded in 1956", QY_MODE_CLAIM, 3, &a);
    assert_true(a.n > 0);
    assert_string_equal(a.results[0].cite, "corpus/004_ea823e42dca6d0bc.txt:25");
    assert_true(has_word(&a.results[0], "1956"));
    qy_answer_clear(&a);
}

/* The result citing `cite`, or NULL. */
static const qy_result *result_at(const qy_answer *a, const char *cite)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->results[i].cite, cite) == 0)
            return &a->results[i];
    return NULL;
}

/* Asks claim q for n results and gives its result citing `cite`, which
 * must be among them. */
static const qy_result *claim_at(fixture *f, const char *q, unsigned n,
                                 qy_answer *a, const char *cite)
{
    ask(f, q, QY_MODE_CLAIM, n, a);
    const qy_result *r = result_at(a, cite);
    assert_non_null(r);
    return r;
}

/* A compound supports a claim however either writes it: the passage's
 * "cyberattacks" the claim's "cyber attacks" (a plural: compared by the
 * joined form's stem), the passage's "cyber attacks" the claim's
 * "cyberattacks". */
static void test_coverage_of_compounds(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "The president convened the Security Council over the cyber attacks",
                 5, &a, "corpus/000_e2b09c51e93f98b0.txt:3");
    assert_true(strstr(r->text, "cyberattacks") != NULL);
    assert_false(has_word(r, "cyber"));
    assert_false(has_word(r, "attacks"));
    assert_true(has_word(r, "convened"));
    qy_answer_clear(&a);

    r = claim_at(f, "One Albania telecom cyberattacks",
                 3, &a, "corpus/002_2a02a01db59475ef.txt:3");
    assert_true(strstr(r->text, "cyber attacks") != NULL);
    assert_false(has_word(r, "cyberattacks"));
    assert_int_equal(r->nunsupported, 0);
    /* A passage without it still says so. */
    r = result_at(&a, "corpus/002_2a02a01db59475ef.txt:9");
    assert_non_null(r);
    assert_true(has_word(r, "cyberattacks"));
    qy_answer_clear(&a);

    /* A hyphenated claim word of two parts, by its parts written apart. */
    r = claim_at(f, "intrusions from Albanian IP-addresses", 3, &a,
                 "corpus/002_2a02a01db59475ef.txt:11");
    assert_true(strstr(r->text, "Albanian IP addresses") != NULL);
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
    /* ... its first part a stop word too ("under"). */
    r = claim_at(f, "Treasury Under-Secretary Brian Nelson said so in a statement", 3, &a,
                 "corpus/001_ad6093775fdf0074.txt:22");
    assert_true(strstr(r->text, "Treasury Under Secretary Brian Nelson") != NULL);
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
}

/* A claim word the passage negates is said so, when the claim negates
 * nothing: "originated" against "the intrusions did not originate";
 * "affected" against "has not been affected"; not a word past the
 * negation's reach ("from Albanian"), nor anything when the claim itself
 * negates or denies. */
static void test_negated_words(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "The intrusions originated from Albanian IP addresses", 3, &a,
                 "corpus/002_2a02a01db59475ef.txt:11");
    assert_true(strstr(r->text, "did not originate from Albanian IP addresses") != NULL);
    assert_int_equal(r->nunsupported, 0);
    assert_int_equal(r->nnegated, 1);
    assert_string_equal(r->negated[0], "originated");
    qy_answer_clear(&a);
    r = claim_at(f, "The intrusions did not originate from Albanian IP addresses", 3, &a,
                 "corpus/002_2a02a01db59475ef.txt:11");
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
    r = claim_at(f, "Sensitive police data was affected", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:15");
    assert_int_equal(r->nnegated, 1);
    assert_string_equal(r->negated[0], "affected");
    qy_answer_clear(&a);
    r = claim_at(f, "Sensitive police data was never affected", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:15");
    assert_int_equal(r->nnegated, 0);
    /* Its "never" is the passage's "has not been affected". */
    assert_false(has_word(r, "never"));
    qy_answer_clear(&a);
    r = claim_at(f, "Sensitive police data was neither affected nor damaged", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:15");
    assert_false(has_word(r, "neither"));
    assert_false(has_word(r, "nor"));
    qy_answer_clear(&a);
    /* Not a negation of another word: the police said something. */
    r = claim_at(f, "The police never said the data was affected", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:15");
    assert_true(has_word(r, "never"));
    qy_answer_clear(&a);
    /* A claim that denies agrees with a passage that negates. */
    r = claim_at(f, "State police denied that MEMEX data was affected", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:15");
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
}

/* Negated words of a joined string (static buffer), space-separated. */
static const char *negated_words(const qy_result *r)
{
    static char buf[512];
    buf[0] = '\0';
    for (size_t i = 0; i < r->nnegated; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, r->negated[i]);
    }
    return buf;
}

/* A passage that reports the claim denied: the words a denial governs,
 * to its clause's end, are negated when they hold two thirds of the
 * claim; not a denial that merely mentions some of its words, nor a
 * negation that limits ("not just Albania"). */
static void test_denied_words(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const char *denied = "corpus/003_7ea479e65bd91aef.txt:15";
    const qy_result *r =
        claim_at(f, "Tehran was behind the attack on Albanian government websites", 3, &a, denied);
    assert_string_equal(negated_words(r), "Tehran behind Albanian government websites");
    qy_answer_clear(&a);
    /* "... and said that Iran had suffered a cyber attack": past the
     * denial's clause. */
    r = claim_at(f, "Iran suffered a cyber attack by the MEK", 5, &a, denied);
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
    /* A claim that denies agrees. */
    r = claim_at(f, "Iran denied Tehran was behind the attack on Albanian government websites",
                 3, &a, denied);
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
    /* The claim's words in the denied clause, not what it denies (that
     * Tehran was behind it): no finding. */
    r = claim_at(f, "Albanian government websites were attacked", 3, &a, denied);
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
    /* "They also denied that there was a troll farm in Albania": what the
     * MEK denied, not that Facebook accused it. */
    const char *farm = "corpus/004_ea823e42dca6d0bc.txt:53";
    r = claim_at(f, "There was a troll farm in Albania", 3, &a, farm);
    assert_string_equal(negated_words(r), "troll farm Albania");
    qy_answer_clear(&a);
    r = claim_at(f, "Facebook accused the MEK of running a troll farm", 5, &a, farm);
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
    /* "it is not just Albania that has witnessed such attacks" */
    r = claim_at(f, "Albania witnessed such attacks", 3, &a,
                 "corpus/004_ea823e42dca6d0bc.txt:45");
    assert_int_equal(r->nnegated, 0);
    qy_answer_clear(&a);
}

/* A verb that reports speech is supported by another: the claim's
 * "said" by the passage's "announced"; a noun of the same letters is no
 * such verb. */
static void test_speech_verbs(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r = claim_at(f, "One Albania said it handled the security incident", 3,
                                  &a, "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(strstr(r->text, "announced that it had handled") != NULL);
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania states it handled the security incident", 3, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "states"));
    qy_answer_clear(&a);
}

/* A claim's speaker named in the paragraph before the words is no
 * unsupported word; one named nowhere near is. */
static void test_claim_speaker_before(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "Et'hemaj said they were talking about an abnormal, unusual situation",
                 3, &a, "corpus/004_ea823e42dca6d0bc.txt:43");
    assert_null(strstr(r->text, "hemaj"));
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
    r = claim_at(f, "Rama said they were talking about an abnormal, unusual situation", 3, &a,
                 "corpus/004_ea823e42dca6d0bc.txt:43");
    assert_true(has_word(r, "Rama"));
    qy_answer_clear(&a);
}

/* A word in its American spelling is supported by the British one. */
static void test_british_spelling(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "The National Council for Resistance in Iran is an organization including MEK",
                 3, &a, "corpus/004_ea823e42dca6d0bc.txt:53");
    assert_true(strstr(r->text, "an organisation including MEK") != NULL);
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
}

/* A negation and the prefix un- say one thing: the claim's "not
 * affected" is supported by "unaffected" (and ranks that passage
 * first), its "unaffected" by "has not been affected"; its "affected" is
 * listed negated by "unaffected". */
static void test_un_prefix_negates(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "One Albania said its services were not affected", QY_MODE_CLAIM, 3, &a);
    assert_true(a.n > 0);
    assert_string_equal(a.results[0].cite, "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(strstr(a.results[0].text, "were unaffected") != NULL);
    assert_false(has_word(&a.results[0], "not"));
    assert_false(has_word(&a.results[0], "affected"));
    assert_int_equal(a.results[0].nnegated, 0);
    qy_answer_clear(&a);
    const qy_result *r = claim_at(f, "Sensitive police data was unaffected", 3, &a,
                                  "corpus/000_e2b09c51e93f98b0.txt:15");
    assert_false(has_word(r, "unaffected"));
    qy_answer_clear(&a);
    r = claim_at(f, "The telecom services of One Albania were affected", 3, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "affected"));
    assert_int_equal(r->nnegated, 1);
    assert_string_equal(r->negated[0], "affected");
    qy_answer_clear(&a);
}

/* A month or day cut short is the month or day (Sept. and September, Dec
 * and December); an acronym in capitals is supported by the words it
 * stands for, or by its letters with dots (US: "the United States",
 * "U.S."); another month or acronym is not. */
static void test_coverage_of_abbreviations(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "The US condemned the Sept. 9 cyberattack on its NATO ally", 3, &a,
                 "corpus/004_ea823e42dca6d0bc.txt:39");
    assert_true(strstr(r->text, "September 9th") != NULL);
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
    r = claim_at(f, "The FBI condemned the Oct. 9 cyberattack on its NATO ally", 3, &a,
                 "corpus/004_ea823e42dca6d0bc.txt:39");
    assert_true(has_word(r, "FBI"));
    assert_true(has_word(r, "Oct"));
    qy_answer_clear(&a);
    r = claim_at(f, "On Dec 24 the hacker group said it was back to destroy supporters of terrorists",
                 3, &a, "corpus/002_2a02a01db59475ef.txt:15");
    assert_false(has_word(r, "Dec"));
    qy_answer_clear(&a);
    /* Words whose initials it is, with small words between. */
    r = claim_at(f, "The NSC was last convened by Ilir Meta in February 2022", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:19");
    assert_true(strstr(r->text, "The National Security Council was") != NULL);
    assert_false(has_word(r, "NSC"));
    qy_answer_clear(&a);
    r = claim_at(f, "The NSA was last convened by Ilir Meta in February 2022", 3, &a,
                 "corpus/000_e2b09c51e93f98b0.txt:19");
    assert_true(has_word(r, "NSA"));
    qy_answer_clear(&a);
}

/* A place is supported by the word for its people, and its people by the
 * place: "Albanian government" says Albania, "Albania suffered" says
 * Albanian.  The ranking does not change: only the report. */
static void test_coverage_of_places_and_peoples(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "Iran denied involvement in the attacks on Albania",
                 5, &a, "corpus/003_7ea479e65bd91aef.txt:15");
    assert_true(strstr(r->text, "Albanian government") != NULL);
    assert_null(strstr(r->text, "Albania "));
    assert_false(has_word(r, "Albania"));
    assert_true(has_word(r, "involvement"));
    qy_answer_clear(&a);

    r = claim_at(f, "The Albanian government cut diplomatic ties with Iran",
                 5, &a, "corpus/003_7ea479e65bd91aef.txt:13");
    assert_null(strstr(r->text, "Albanian"));
    assert_false(has_word(r, "Albanian"));
    qy_answer_clear(&a);

    /* A passage that names neither still says so: "Iranian diplomats"
     * is not Serbia (nor is the article's title, which names Albania
     * and Iran: a name the article's title, source or file name gives is
     * no unsupported word). */
    r = claim_at(f, "Serbia expelled the diplomats",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_true(strstr(r->text, "Iranian diplomats") != NULL);
    assert_true(has_word(r, "Serbia"));
    qy_answer_clear(&a);
    r = claim_at(f, "Albania expelled the diplomats",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_null(strstr(r->text, "Albania"));
    assert_false(has_word(r, "Albania"));
    qy_answer_clear(&a);
    /* Its people's word too: the title's Albania gives Albanian. */
    r = claim_at(f, "The Albanian president expelled the diplomats",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_false(has_word(r, "Albanian"));
    assert_true(has_word(r, "president"));
    qy_answer_clear(&a);
    /* A name's possessive is the name: "Albania's president" is what
     * "The Albanian President" says, and "Iran's" what "Iranian" does. */
    r = claim_at(f, "Albania's president called a meeting of the National Security Council",
                 5, &a, "corpus/000_e2b09c51e93f98b0.txt:3");
    assert_true(strstr(r->text, "The Albanian President") != NULL);
    assert_false(has_word(r, "Albania's"));
    qy_answer_clear(&a);
    r = claim_at(f, "Iran's diplomats were ordered to leave the country",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_true(strstr(r->text, "Iranian diplomats") != NULL);
    assert_false(has_word(r, "Iran's"));
    qy_answer_clear(&a);
    /* America is the United States, and the US America. */
    r = claim_at(f, "Iran's aggressive cyber activities target America and its allies",
                 5, &a, "corpus/001_ad6093775fdf0074.txt:22");
    assert_true(strstr(r->text, "the United States and its allies") != NULL);
    assert_false(has_word(r, "America"));
    qy_answer_clear(&a);
    r = claim_at(f, "American officials condemned the September 9th cyberattack on Albania",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:39");
    assert_false(has_word(r, "American"));
    assert_true(has_word(r, "officials"));
    qy_answer_clear(&a);
    /* A capital names its country's government, and the country its
     * capital; not a place one is in or leaves. */
    r = claim_at(f, "Tehran dismissed the cyberattack accusations as unfounded",
                 5, &a, "corpus/001_ad6093775fdf0074.txt:24");
    assert_true(strstr(r->text, "Iran on Saturday") != NULL);
    assert_false(has_word(r, "Tehran"));
    qy_answer_clear(&a);
    r = claim_at(f, "Washington will not tolerate Iran's increasingly aggressive cyber activities",
                 5, &a, "corpus/001_ad6093775fdf0074.txt:22");
    assert_false(has_word(r, "Washington"));
    qy_answer_clear(&a);
    r = claim_at(f, "George Washington will not tolerate Iran's increasingly aggressive cyber activities",
                 5, &a, "corpus/001_ad6093775fdf0074.txt:22");
    assert_true(has_word(r, "Washington"));
    qy_answer_clear(&a);
    r = claim_at(f, "The Iranian embassy staff were given 24 hours to leave Tehran",
                 5, &a, "corpus/001_ad6093775fdf0074.txt:30");
    assert_true(has_word(r, "Tehran"));
    qy_answer_clear(&a);
}

/* A number is supported by the same number written otherwise: a day's
 * ordinal by its number ("the 15th of July" by "15 July"), a number
 * written out by its digits ("twenty-four hours" by "24 hours"); not by
 * another number. */
static void test_coverage_of_numbers(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_result *r =
        claim_at(f, "government websites went offline after the 15th of July cyberattack",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_true(strstr(r->text, "a 15 July cyberattack") != NULL);
    assert_false(has_word(r, "15th"));
    qy_answer_clear(&a);

    r = claim_at(f, "government websites went offline after the 16th of July cyberattack",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_true(has_word(r, "16th"));
    qy_answer_clear(&a);

    r = claim_at(f, "Rama ordered Iranian diplomats to leave within twenty-four hours",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_true(strstr(r->text, "within 24 hours") != NULL);
    assert_false(has_word(r, "twenty-four"));
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);

    r = claim_at(f, "Rama ordered Iranian diplomats to leave within twenty-five hours",
                 5, &a, "corpus/004_ea823e42dca6d0bc.txt:9");
    assert_true(has_word(r, "twenty-five"));
    qy_answer_clear(&a);

    /* A decimal is its value: 1.50 million is the 1.5 million written. */
    r = claim_at(f, "One Albania has 1.50 million subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_false(has_word(r, "1.50"));
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has 1.6 million subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "1.6"));
    qy_answer_clear(&a);

    /* A number with a scale word is their product: 1,500,000 is the 1.5
     * million written, and "one and a half" is not. */
    r = claim_at(f, "One Albania has 1,500,000 subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_false(has_word(r, "1,500,000"));
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has 1,600,000 subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "1,600,000"));
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has 1500 thousand subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_false(has_word(r, "1500"));
    assert_false(has_word(r, "thousand"));
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has 1.5m subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_false(has_word(r, "1.5m"));
    qy_answer_clear(&a);
    /* And in words with "a half": one and a half million is 1.5 million,
     * two and a half million and half a million are not. */
    r = claim_at(f, "One Albania has one and a half million subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_int_equal(r->nunsupported, 0);
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has two and a half million subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "two"));
    assert_true(has_word(r, "half"));
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has half a million subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "half"));
    qy_answer_clear(&a);
    r = claim_at(f, "One Albania has 2 thousand subscribers", 5, &a,
                 "corpus/002_2a02a01db59475ef.txt:9");
    assert_true(has_word(r, "2"));
    assert_true(has_word(r, "thousand"));
    qy_answer_clear(&a);
}

/* A hyphenated name no passage writes so is read as its words (but a
 * part of one letter), and the passages that hold them are found: the
 * corpus writes "Mujahideen-e-Khalq" and "People's Mojahedin", never
 * "Mojahedin-e-Khalq".  One that a passage writes stays one word. */
static void test_compound_no_passage_writes(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "Mojahedin-e-Khalq", QY_MODE_AUTO, 5, &a);
    assert_true(a.n >= 2);
    assert_non_null(result_at(&a, "corpus/003_7ea479e65bd91aef.txt:13"));
    int mojahedin = 0;
    for (size_t i = 0; i < a.n; i++) {
        mojahedin += strstr(a.results[i].text, "Mojahedin") != NULL;
        /* Its one-letter part is no word of its own. */
        assert_false(has_word(&a.results[i], "e"));
    }
    assert_true(mojahedin > 0);
    qy_answer_clear(&a);

    /* Written as the sources write it: the compound first, then the
     * passages that write the acronym it spells (MEK), highlighted, and
     * none that holds its parts only. */
    ask(f, "Mujahideen-e-Khalq", QY_MODE_AUTO, 5, &a);
    assert_true(a.n >= 2);
    assert_string_equal(a.results[0].cite, "corpus/003_7ea479e65bd91aef.txt:13");
    for (size_t i = 1; i < a.n; i++) {
        const qy_result *r = &a.results[i];
        assert_true(r->nhighlights > 0);
        for (size_t k = 0; k < r->nhighlights; k++)
            assert_memory_equal(r->text + (r->highlights[k].start - r->byte_start), "MEK", 3);
    }
    qy_answer_clear(&a);
}

static void test_exact_quote(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "\xE2\x80\x9C" "did not originate from Albanian IP addresses\xE2\x80\x9D",
        QY_MODE_AUTO, 3, &a);
    assert_true(a.quote);
    assert_true(a.n >= 1);
    const qy_result *r = &a.results[0];
    assert_int_equal(r->match, QY_MATCH_EXACT);
    assert_int_equal(r->nhighlights, 1);
    size_t off = (size_t)(strstr(r->text, "did not originate") - r->text);
    assert_int_equal(r->highlights[0].start, r->byte_start + off);
    assert_int_equal(r->highlights[0].end - r->highlights[0].start,
                     strlen("did not originate from Albanian IP addresses"));
    assert_int_equal(r->ndiff, 0);
    qy_answer_clear(&a);
}

static void test_near_quote_diff(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "we are talking about an unusual and abnormal situation", QY_MODE_QUOTE, 3, &a);
    assert_true(a.n >= 1);
    const qy_result *r = &a.results[0];
    assert_string_equal(r->cite, "corpus/004_ea823e42dca6d0bc.txt:43");
    assert_int_equal(r->match, QY_MATCH_NEAR);
    /* The diff accounts for every quoted word, in order. */
    int same = 0, changed = 0;
    for (size_t i = 0; i < r->ndiff; i++) {
        same += r->diff[i].op == '=';
        changed += r->diff[i].op != '=';
    }
    assert_true(same >= 5);
    assert_true(changed >= 1);
    /* The highlight starts at the aligned words. */
    size_t off = (size_t)(strstr(r->text, "We are talking") - r->text);
    assert_int_equal(r->highlights[0].start, r->byte_start + off);
    qy_answer_clear(&a);
}

/* The diff op of the quotation's first word (`last` 0) or last word in the
 * best near match for `quote`; it lives in *a until qy_answer_clear. */
static const qy_diff_op *near_end_op(fixture *f, const char *quote, int last,
                                     qy_answer *a)
{
    ask(f, quote, QY_MODE_QUOTE, 1, a);
    assert_int_equal(a->n, 1);
    const qy_result *r = &a->results[0];
    assert_int_equal(r->match, QY_MATCH_NEAR);
    assert_true(r->ndiff > 0);
    return &r->diff[last ? r->ndiff - 1 : 0];
}

/* A quotation's first or last word said otherwise by the source is a
 * replacement, not a word dropped, and the span covers the source's word;
 * not across a sentence end. */
static void test_near_quote_ends_replaced(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const qy_diff_op *op =
        near_end_op(f, "Rama accused Iran of being behind a 17", 1, &a);
    assert_int_equal(op->op, '~');
    assert_string_equal(op->query, "17");
    assert_string_equal(op->source, "15");
    const qy_result *r = &a.results[0];
    size_t end = (size_t)(strstr(r->text, "15 July") - r->text) + 2;
    assert_int_equal(r->highlights[0].end, r->byte_start + end);
    qy_answer_clear(&a);

    op = near_end_op(f, "12 July cyberattack that brought all government websites",
                     0, &a);
    assert_int_equal(op->op, '~');
    assert_string_equal(op->query, "12");
    assert_string_equal(op->source, "15");
    qy_answer_clear(&a);

    /* The source's sentence ends after "Tehran": nothing to pair with. */
    op = near_end_op(f, "severing all diplomatic ties with Tehran yesterday", 1, &a);
    assert_int_equal(op->op, '-');
    assert_string_equal(op->query, "yesterday");
    qy_answer_clear(&a);
}

/* The bytes of result r's first highlight (malloc'd). */
static char *highlighted(const qy_result *r)
{
    assert_true(r->nhighlights >= 1);
    size_t from = r->highlights[0].start - r->byte_start;
    return strndup(r->text + from, r->highlights[0].end - r->highlights[0].start);
}

/* A quotation selected from inside a word at either end is found
 * verbatim, its highlight beginning and ending inside the words, when
 * the part is no word of the index ("ember" of "September", "Alb") or is
 * cut between a digit and a letter ("th" of "9th"); a part that is a
 * word of its own ("attack" of "cyberattack") or a form of one
 * ("aggressor" of "aggressors") is a word replaced. */
static void test_quote_cut_inside_words(void **state)
{
    fixture *f = *state;
    const char *cut[] = {"ember 9th cyberattack against our NATO Ally, Alb",
                         "th cyberattack against our NATO Ally, Albania"};
    for (size_t i = 0; i < 2; i++) {
        qy_answer a;
        ask(f, cut[i], QY_MODE_QUOTE, 1, &a);
        assert_int_equal(a.n, 1);
        const qy_result *r = &a.results[0];
        assert_string_equal(r->cite, "corpus/004_ea823e42dca6d0bc.txt:39");
        assert_int_equal(r->match, QY_MATCH_EXACT);
        assert_int_equal(r->ndiff, 0);
        char *h = highlighted(r);
        assert_string_equal(h, cut[i]);
        free(h);
        qy_answer_clear(&a);
    }
    qy_answer a;
    ask(f, "attack against our NATO Ally, Albania", QY_MODE_QUOTE, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    assert_int_equal(r->match, QY_MATCH_NEAR);
    assert_int_equal(r->diff[0].op, '~');
    assert_string_equal(r->diff[0].query, "attack");
    assert_string_equal(r->diff[0].source, "cyberattack");
    char *h = highlighted(r);
    assert_string_equal(h, "cyberattack against our NATO Ally, Albania");
    free(h);
    qy_answer_clear(&a);
    /* No passage writes "aggressor", but "aggressors" is a form of it. */
    ask(f, "Another cyberattack by the same aggressor", QY_MODE_QUOTE, 1, &a);
    assert_int_equal(a.n, 1);
    r = &a.results[0];
    assert_int_equal(r->match, QY_MATCH_NEAR);
    assert_true(r->ndiff > 0);
    assert_string_equal(r->diff[r->ndiff - 1].source, "aggressors");
    qy_answer_clear(&a);
}

/* The kinds of the near match's changed words for `quote`, "query>source
 * kind;" each (kind "-" for none), at `cite`. */
static void expect_kinds(fixture *f, const char *quote, const char *cite,
                         const char *want)
{
    qy_answer a;
    ask(f, quote, QY_MODE_QUOTE, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    assert_string_equal(r->cite, cite);
    assert_int_equal(r->match, QY_MATCH_NEAR);
    char got[512] = "";
    for (size_t i = 0; i < r->ndiff; i++) {
        const char *k = qy_diff_kind_name(r->diff[i].kind);
        if (r->diff[i].op != '=')
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s>%s %s;",
                     r->diff[i].query, r->diff[i].source, k ? k : "-");
    }
    assert_string_equal(got, want);
    qy_answer_clear(&a);
}

/* A quoted word misspelt (one letter from the source's, and no word of
 * the index) is a typo; a word of the index one letter away is another
 * word; one in another form of the source's (a stem shared, an ending
 * that inflects) is a form. */
static void test_near_quote_typos_and_forms(void **state)
{
    fixture *f = *state;
    expect_kinds(f, "The systems will be out of servise until the risk is completly removed",
                 "corpus/001_ad6093775fdf0074.txt:14",
                 "servise>service typo;completly>completely typo;");
    expect_kinds(f, "otherwise known as the Criminal Information Management System, had been backed",
                 "corpus/000_e2b09c51e93f98b0.txt:13", "backed>hacked -;");
    expect_kinds(f, "Another cyberattack by the same aggressor",
                 "corpus/004_ea823e42dca6d0bc.txt:11", "aggressor>aggressors form;");
}

/* Asks quotation q and expects a near match whose diff changes one thing:
 * `query` replaced by `source`, of `kind`. */
static void expect_one_replacement(fixture *f, const char *q, const char *query,
                                   const char *source, qy_diff_kind kind)
{
    qy_answer a;
    ask(f, q, QY_MODE_QUOTE, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    assert_int_equal(r->match, QY_MATCH_NEAR);
    size_t changed = 0;
    for (size_t i = 0; i < r->ndiff; i++) {
        if (r->diff[i].op == '=')
            continue;
        changed++;
        assert_int_equal(r->diff[i].op, '~');
        assert_string_equal(r->diff[i].query, query);
        assert_string_equal(r->diff[i].source, source);
        assert_int_equal(r->diff[i].kind, kind);
    }
    assert_int_equal(changed, 1);
    qy_answer_clear(&a);
}

/* A number written out with a hyphen against digits is one change, the
 * same number: "twenty-four -> 24", not "-twenty; four -> 24". */
static void test_near_quote_compound_replaced_whole(void **state)
{
    expect_one_replacement(*state,
                           "\"He ordered all Iranian diplomats to leave the country "
                           "within twenty-four hours\"",
                           "twenty-four", "24", QY_DIFF_SAME_NUMBER);
}

/* A number written in several words against digits is one change:
 * "one and a half -> 1.5 (same number)", not "-one; -and; -a; half ->
 * 1.5 (number)"; another value is one change, a number. */
static void test_near_quote_amount_in_words_replaced_whole(void **state)
{
    const char *words[] = {"one and a half", "one point five", "two and a half"};
    const qy_diff_kind kinds[] = {QY_DIFF_SAME_NUMBER, QY_DIFF_SAME_NUMBER, QY_DIFF_NUMBER};
    for (int k = 0; k < 3; k++) {
        char q[160];
        snprintf(q, sizeof q,
                 "\"part of the Deutsche Telecom / T-Mobile group, with %s million "
                 "subscribers\"",
                 words[k]);
        expect_one_replacement(*state, q, words[k], "1.5", kinds[k]);
    }
}

/* Who said it: a quotation with its speaker's name beside it is found
 * as a quotation (here misremembered), and the name is reported
 * unsupported unless the passage, its article or the paragraph before
 * it names him (the Civil Aviation Authority's director is named in the
 * paragraph before his words). */
static void test_quotation_with_its_speaker(void **state)
{
    fixture *f = *state;
    const char *quote = "\"We are speaking about an abnormal situation\"";
    const char *who[] = {"Et'hemaj", "Rama"};
    for (int k = 0; k < 2; k++) {
        char q[128];
        snprintf(q, sizeof q, "%s %s", who[k], quote);
        qy_answer a;
        ask(f, q, QY_MODE_AUTO, 3, &a);
        assert_true(a.quote);
        assert_true(a.n > 0);
        const qy_result *r = &a.results[0];
        assert_string_equal(r->cite, "corpus/004_ea823e42dca6d0bc.txt:43");
        assert_int_equal(r->match, QY_MATCH_NEAR);
        assert_int_equal(r->nunsupported, k);
        if (k == 1)
            assert_string_equal(r->unsupported[0], "Rama");
        qy_answer_clear(&a);
    }
}

static void test_phrase_and_terms_match_kinds(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "Rama \"troll farm\"", QY_MODE_AUTO, 5, &a);
    assert_false(a.quote);
    assert_true(a.n >= 1);
    assert_int_equal(a.results[0].match, QY_MATCH_EXACT);
    qy_answer_clear(&a);
    ask(f, "Rama Twitter", QY_MODE_AUTO, 5, &a);
    assert_true(a.n >= 1);
    for (size_t i = 0; i < a.n; i++)
        assert_int_equal(a.results[i].match, QY_MATCH_TERMS);
    qy_answer_clear(&a);
}

/* A hyphenated word is highlighted where it stands whole: in "part of the
 * Deutsche Telecom / T-Mobile group ... including mobile, landline", the
 * query T-Mobile marks T-Mobile and not the lone "mobile". */
static void test_compound_highlighted_whole(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "T-Mobile", QY_MODE_AUTO, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    const char *t = r->text;
    assert_non_null(strstr(t, "including mobile"));
    assert_int_equal(r->nhighlights, 1);
    size_t s = r->highlights[0].start - r->byte_start;
    size_t e = r->highlights[0].end - r->byte_start;
    assert_int_equal(e - s, strlen("T-Mobile"));
    assert_memory_equal(t + s, "T-Mobile", e - s);
    qy_answer_clear(&a);
}

static void test_results_cite_exact_bytes(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "MEK Albania", QY_MODE_AUTO, 20, &a);
    assert_true(a.n > 5);
    for (size_t i = 0; i < a.n; i++) {
        const qy_result *r = &a.results[i];
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", qy_engine_root(f->e), r->path);
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        char *buf = malloc(r->text_len + 1);
        assert_int_equal(fseek(fp, (long)r->byte_start, SEEK_SET), 0);
        assert_int_equal(fread(buf, 1, r->text_len, fp), r->text_len);
        assert_memory_equal(buf, r->text, r->text_len);
        assert_int_equal(r->byte_end - r->byte_start, r->text_len);
        free(buf);
        fclose(fp);
        assert_int_equal(r->rank, i + 1);
        if (i > 0)
            assert_true(r->score <= a.results[i - 1].score + 1e9);
    }
    qy_answer_clear(&a);
}

/* The Xapian query a request becomes, described. */
/* A file `name` in `dir`, open for writing (fclose it). */
static FILE *file_in(const char *dir, const char *name)
{
    char *path = NULL;
    assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    free(path);
    return fp;
}

/* Indexes the files of `dir` into dir/db and opens an engine on it. */
static qy_engine *engine_of(const char *dir)
{
    char *db = NULL;
    assert_true(asprintf(&db, "%s/db", dir) > 0);
    index_into(db, dir);
    qy_engine *e = NULL;
    assert_int_equal(qy_engine_open(db, &e, NULL), CS_OK);
    free(db);
    return e;
}

/* The Xapian query a request becomes (its loose query for a quote when
 * `loose`), described. */
static char *plan_part(qy_engine *e, const char *q, int loose)
{
    qy_parsed parsed;
    qy_plan plan;
    assert_int_equal(qy_parse(q, QY_MODE_AUTO, &parsed, NULL), CS_OK);
    assert_int_equal(qy_plan_build(e, &parsed, &plan, NULL), CS_OK);
    qy_parsed_clear(&parsed);
    char *d = xs_query_describe(loose ? plan.loose : plan.query);
    assert_non_null(d);
    qy_plan_clear(&plan);
    return d;
}

static char *plan_of(qy_engine *e, const char *q)
{
    return plan_part(e, q, 0);
}

static size_t count_of(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* A quotation's loose query asks for its pairs of adjacent words, stop
 * word pairs left out, and at most 16 of them, spread over a long one. */
static void test_quote_word_pairs(void **state)
{
    fixture *f = *state;
    char *d = plan_part(f->e, "\"all those in the development of our ports\"", 1);
    /* all those | those in | in the: stop words; the development,
     * development of, of our (stop), our ports. */
    assert_non_null(strstr(d, "(the@1 PHRASE 2 development@1)"));
    assert_non_null(strstr(d, "(development@1 PHRASE 2 of@1)"));
    assert_non_null(strstr(d, "(our@1 PHRASE 2 ports@1)"));
    assert_int_equal(count_of(d, "PHRASE 2"), 3);
    free(d);
    char q[2048] = "\"";
    for (int i = 0; i < 40; i++)
        snprintf(q + strlen(q), sizeof q - strlen(q), "word%c%c ", 'a' + i / 26, 'a' + i % 26);
    strcat(q, "\"");
    d = plan_part(f->e, q, 1);
    assert_int_equal(count_of(d, "PHRASE 2"), 13); /* every 3rd of 39 */
    assert_non_null(strstr(d, "(wordaa@1 PHRASE 2 wordab@1)"));
    assert_non_null(strstr(d, "(wordad@1 PHRASE 2 wordae@1)"));
    assert_null(strstr(d, "(wordab@1 PHRASE 2 wordac@1)"));
    free(d);
}

/* A solid word is also looked for as two words ("realtime" finds "real
 * time") only when it is not far more common than the rarer of its parts:
 * "government" in a text that once has "govern" and "ment" apart is not
 * a compound, and asking for the phrase would only cost time. */
static void test_compound_splits_only_rare_solid_words(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-split-XXXXXX";
    assert_non_null(mkdtemp(dir));
    FILE *fp = file_in(dir, "a.txt");
    for (int i = 0; i < 12; i++)
        fprintf(fp, "The government met on day %d.\n\n", i);
    fprintf(fp, "They govern the ment of the river.\n\n");
    fprintf(fp, "A real time feed, the real deal, in time.\n\n");
    fprintf(fp, "One realtime feed.\n");
    fclose(fp);
    qy_engine *e = engine_of(dir);

    char *d = plan_of(e, "government");
    assert_null(strstr(d, "PHRASE"));
    free(d);
    d = plan_of(e, "realtime");
    assert_non_null(strstr(d, "real@1 PHRASE 2 time@1"));
    free(d);

    qy_engine_close(e);
    remove_tree(dir);
}

/* A phrase of more words than the index's longest passage matches no
 * passage, so it is not asked of Xapian (which would open a posting list
 * a word, 16 times over with its spellings: a pasted article's quotation
 * of 4,000 words took 1 GB); a quotation so long is still answered, as a
 * near match, and a phrase a passage can hold is asked as before. */
static void test_phrase_longer_than_any_passage(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-longphrase-XXXXXX";
    assert_non_null(mkdtemp(dir));
    FILE *fp = file_in(dir, "a.txt");
    for (int i = 0; i < 6; i++)
        fprintf(fp, "The harbour pilots of port %d met at dawn.\n\n", i);
    fclose(fp);
    qy_engine *e = engine_of(dir);

    char *d = plan_of(e, "\"the harbour pilots of port 3 met at dawn\"");
    assert_non_null(strstr(d, "PHRASE 9"));
    free(d);

    char q[4096] = "\"";
    for (int i = 0; i < 6; i++)
        snprintf(q + strlen(q), sizeof q - strlen(q),
                 "the harbour pilots of port %d met at dawn ", i);
    strcat(q, "\"");
    d = plan_of(e, q);
    assert_null(strstr(d, "PHRASE 54"));
    free(d);
    qy_request req = {.query = q, .mode = QY_MODE_AUTO, .limit = 3};
    qy_answer a;
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    qy_answer_clear(&a);
    /* The short one is still found verbatim. */
    req.query = "\"the harbour pilots of port 3 met at dawn\"";
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    assert_int_equal(a.n, 1);
    assert_int_equal(a.results[0].match, QY_MATCH_EXACT);
    qy_answer_clear(&a);

    qy_engine_close(e);
    remove_tree(dir);
}

/* A phrase that has a word more times than any passage holds it matches
 * no passage, so it is not asked of Xapian, which checks each of a
 * phrase's words in every passage that holds them ("the the the ..." of
 * 200 words: 0.5 s over 40,000 passages): a quotation that repeats a word
 * as often as a passage does is asked and found verbatim, one that
 * repeats it once more is not asked, whether the index's bound on a
 * word's count says so (seven times: "ha" is the most repeated, six) or
 * the word's own passages do (four). */
static void test_phrase_repeating_a_word(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-repeated-XXXXXX";
    assert_non_null(mkdtemp(dir));
    FILE *fp = file_in(dir, "a.txt");
    fprintf(fp, "Buffalo buffalo buffalo is a sentence the linguists like.\n\n"
                "The crowd laughed: ha ha ha ha ha ha, they said.\n\n"
                "A buffalo herd crossed the river at dawn.\n");
    fclose(fp);
    qy_engine *e = engine_of(dir);

    char *d = plan_of(e, "\"buffalo buffalo buffalo\"");
    assert_non_null(strstr(d, "PHRASE 3"));
    free(d);
    qy_request req = {.query = "\"buffalo buffalo buffalo\"", .mode = QY_MODE_AUTO,
                      .limit = 3};
    qy_answer a;
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    assert_true(a.n >= 1);
    assert_int_equal(a.results[0].match, QY_MATCH_EXACT);
    qy_answer_clear(&a);

    d = plan_of(e, "\"buffalo buffalo buffalo buffalo\"");
    assert_null(strstr(d, "PHRASE"));
    free(d);
    d = plan_of(e, "\"buffalo buffalo buffalo buffalo buffalo buffalo buffalo\"");
    assert_null(strstr(d, "PHRASE"));
    free(d);
    d = plan_of(e, "\"ha ha ha ha ha ha\"");
    assert_non_null(strstr(d, "PHRASE 6"));
    free(d);
    req.query = "\"buffalo buffalo buffalo buffalo\"";
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    assert_true(a.n >= 1);
    assert_int_not_equal(a.results[0].match, QY_MATCH_EXACT);
    qy_answer_clear(&a);

    qy_engine_close(e);
    remove_tree(dir);
}

/* The dates of the articles `q` finds in e (a filter in it), sorted
 * and comma-separated: "" when none. */
static const char *dates_of(qy_engine *e, const char *q)
{
    static char out[256];
    qy_request req = {.query = q, .mode = QY_MODE_AUTO, .limit = 10};
    qy_answer a;
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    out[0] = '\0';
    /* Of the dates ever found, each in order: dates sort as strings. */
    static const char *const all[] = {"2020-02", "2021", "2021-02", "2021-06",
                                      "2021-06-15"};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        for (size_t i = 0; i < a.n; i++)
            if (strcmp(a.results[i].date, all[k]) == 0) {
                snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s",
                         *out ? "," : "", all[k]);
                break;
            }
    qy_answer_clear(&a);
    return out;
}

/*
 * An article dated by its year or month alone matches a date: range that
 * holds the whole year or month: full-date bounds (2021-01-01..2021-12-31)
 * once left "2021" out, as string order puts it before "20210101".  What
 * worked before works as it did: date:2021 holds all three, date:2021-06
 * the month and its day, not the year.
 */
static void test_date_filter_holds_whole_periods(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-dates-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *names[] = {"y", "m", "d", "f", "l"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char name[8];
        snprintf(name, sizeof name, "%s.txt", names[i]);
        FILE *fp = file_in(dir, name);
        fprintf(fp, "Art %s\n\nThe heron story %s.\n", names[i], names[i]);
        fclose(fp);
    }
    FILE *fp = file_in(dir, "manifest.csv");
    fputs("path,date\ny.txt,2021\nm.txt,2021-06\nd.txt,2021-06-15\n"
          "f.txt,2021-02\nl.txt,2020-02\n", fp);
    fclose(fp);
    qy_engine *e = engine_of(dir);

    const char *all = "2020-02,2021,2021-02,2021-06,2021-06-15";
    assert_string_equal(dates_of(e, "heron"), all);
    assert_string_equal(dates_of(e, "heron date:2021"), "2021,2021-02,2021-06,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-06"), "2021-06,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-06-15"), "2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021..2022"), "2021,2021-02,2021-06,2021-06-15");

    assert_string_equal(dates_of(e, "heron date:2021-01-01..2021-12-31"),
                        "2021,2021-02,2021-06,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-01-01.."),
                        "2021,2021-02,2021-06,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-01..2021-12"),
                        "2021,2021-02,2021-06,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-06-01..2021-06-30"), "2021-06,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-06-01.."), "2021-06,2021-06-15");
    /* Periods that only start or end in the range are not in it. */
    assert_string_equal(dates_of(e, "heron date:..2021-06-20"), "2020-02,2021-02,2021-06-15");
    assert_string_equal(dates_of(e, "heron date:2021-05-01..2021-06-10"), "");
    assert_string_equal(dates_of(e, "heron date:2020..2021-06"),
                        "2020-02,2021-02,2021-06,2021-06-15");
    /* February ends on the 28th in 2021, on the 29th in 2020. */
    assert_string_equal(dates_of(e, "heron date:2020-02-01..2021-02-28"), "2020-02,2021-02");
    assert_string_equal(dates_of(e, "heron date:2020-02-01..2020-02-28"), "");
    assert_string_equal(dates_of(e, "heron date:2020-02-01..2020-02-29"), "2020-02");

    /* A reversed range is an error, as a date that is not one is. */
    qy_request req = {.query = "heron date:2023..2022", .mode = QY_MODE_AUTO, .limit = 10};
    qy_answer a;
    char *msg = NULL;
    assert_int_equal(qy_engine_query(e, &req, &a, &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "date:2023..2022"));
    free(msg);

    qy_engine_close(e);
    remove_tree(dir);
}

/* A misremembered quotation of common words: "development" alone is in
 * every passage, so the passage it comes from is found by the pairs of
 * words it keeps ("the development", "development of"), not lost among
 * the others, though its file comes last in path order. */
static void test_near_quote_found_by_word_pairs(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-pairs-XXXXXX";
    assert_non_null(mkdtemp(dir));
    FILE *fp = file_in(dir, "a.txt");
    for (int i = 0; i < 120; i++)
        fprintf(fp, "Development plan %d was filed on time.\n\n", i);
    fclose(fp);
    fp = file_in(dir, "z.txt");
    fprintf(fp, "We thank all those engaged in the development of our ports.\n");
    fclose(fp);
    fixture f = {.e = engine_of(dir)};

    qy_answer a;
    ask(&f, "\"all those in the development of\"", QY_MODE_QUOTE, 1, &a);
    assert_int_equal(a.n, 1);
    assert_non_null(strstr(a.results[0].path, "z.txt"));
    assert_int_equal(a.results[0].match, QY_MATCH_NEAR);
    int named = 0;
    for (size_t i = 0; i < a.results[0].ndiff; i++)
        named |= a.results[0].diff[i].op == '+' &&
                 strcmp(a.results[0].diff[i].source, "engaged") == 0;
    assert_true(named);
    qy_answer_clear(&a);

    qy_engine_close(f.e);
    remove_tree(dir);
}

/*
 * A long paragraph is indexed as overlapping windows, so a word or a
 * quotation in the words two windows share is in both; it is answered
 * once (the second window would show nothing the first does not), and
 * the freed place goes to the next passage.  A word that stands twice,
 * in windows apart, is answered twice.
 */
static void test_shared_window_words_answered_once(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-windows-XXXXXX";
    assert_non_null(mkdtemp(dir));
    FILE *fp = file_in(dir, "long.txt");
    fprintf(fp, "Minutes\n\n"); /* the title, which every passage carries */
    for (int i = 0; i < 40; i++) /* one paragraph of 320 words */
        fprintf(fp, "Line marker%02d of the long report said so. ", i);
    fprintf(fp, "Again marker05 here.\n");
    fclose(fp);
    fp = file_in(dir, "other.txt");
    fprintf(fp, "The long report said so, and was right.\n");
    fclose(fp);
    fixture f = {.e = engine_of(dir)};

    size_t windows = 0;
    for (int i = 0; i < 40; i++) {
        char word[16], quote[64];
        snprintf(word, sizeof word, "marker%02d", i);
        qy_answer a;
        ask(&f, word, QY_MODE_AUTO, 5, &a);
        assert_int_equal(a.n, i == 5 ? 2 : 1);
        qy_answer_clear(&a);
        /* The quotation: once. */
        snprintf(quote, sizeof quote, "\"marker%02d of the long report said so\"", i);
        ask(&f, quote, QY_MODE_QUOTE, 5, &a);
        assert_int_equal(a.n, 1);
        assert_int_equal(a.results[0].match, QY_MATCH_EXACT);
        qy_answer_clear(&a);
        ask(&f, "long report said", QY_MODE_AUTO, 50, &a);
        windows = a.n;
        qy_answer_clear(&a);
    }
    /* Each window and the other file: the windows did overlap (a window
     * holds at most ~120 words, so 320 need three or more), and none was
     * left out where its words were its own. */
    assert_true(windows >= 4);

    qy_engine_close(f.e);
    remove_tree(dir);
}

/* A name no passage spells so is looked for in the spellings the index
 * has of it: Mujahedin finds "People's Mojahedin Organization", marked
 * and counted as supported; a word the index knows is not respelt. */
static void test_unknown_spelling_finds_known_one(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "Mujahedin Organization", QY_MODE_AUTO, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    const char *at = strstr(r->text, "Mojahedin");
    assert_non_null(at);
    size_t off = r->byte_start + (size_t)(at - r->text);
    int marked = 0;
    for (size_t i = 0; i < r->nhighlights; i++)
        marked |= r->highlights[i].start == off &&
                  r->highlights[i].end == off + strlen("Mojahedin");
    assert_true(marked);
    assert_false(has_word(r, "Mujahedin"));
    qy_answer_clear(&a);

    char *d = plan_of(f->e, "Mujahedin");
    assert_non_null(strstr(d, "Zmojahedin"));
    free(d);
    /* Known: its body stem and its title stem, nothing else. */
    d = plan_of(f->e, "Mojahedin");
    size_t terms = 0;
    for (const char *z = d; (z = strchr(z, 'Z')); z++)
        terms++;
    assert_non_null(strstr(d, "Zmojahedin"));
    assert_int_equal(terms, 2);
    free(d);
}

/* A name written with an apostrophe inside, typed as two words: "Et
 * hemaj" finds Et'hemaj; only after a short word that is no stop word
 * ("the war" is no "the'war"). */
static void test_apostrophe_name_typed_apart(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "Et Hemaj", QY_MODE_AUTO, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    assert_string_equal(r->cite, "corpus/004_ea823e42dca6d0bc.txt:41");
    assert_int_equal(r->nhighlights, 1);
    size_t off = (size_t)(strstr(r->text, "Et\xE2\x80\x99hemaj") - r->text);
    assert_int_equal(r->highlights[0].start, r->byte_start + off);
    qy_answer_clear(&a);

    char *d = plan_of(f->e, "Et Hemaj");
    assert_non_null(strstr(d, "et'hemaj"));
    free(d);
    d = plan_of(f->e, "the war");
    assert_null(strstr(d, "'"));
    free(d);
}

/* A query typed without capitals says nothing of which words are names:
 * its unknown words are respelt too.  One with a capital keeps its
 * lower-case unknown words as they are (reported unsupported). */
static void test_uncased_query_respelt(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "peoples mujahedin organization", QY_MODE_AUTO, 1, &a);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    assert_non_null(strstr(r->text, "Mojahedin"));
    assert_int_equal(r->nrespelt, 1);
    assert_string_equal(r->respelt[0].query, "mujahedin");
    assert_string_equal(r->respelt[0].source, "Mojahedin");
    assert_false(has_word(r, "mujahedin"));
    qy_answer_clear(&a);

    ask(f, "People's mujahedin organization", QY_MODE_AUTO, 3, &a);
    for (size_t i = 0; i < a.n; i++) {
        assert_int_equal(a.results[i].nrespelt, 0);
        assert_true(has_word(&a.results[i], "mujahedin"));
    }
    qy_answer_clear(&a);
}

/* A long name transliterated with other vowels and doubled letters, three
 * edits from the corpus's spelling, is found by its consonants:
 * Mujaheddin (mjhdn) finds "mujahideen" as well as "Mojahedin" (two
 * edits); a word of other consonants is not taken for it. */
static void test_respelt_by_consonants(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "Mujaheddin summits", QY_MODE_AUTO, 5, &a);
    const qy_result *r = result_at(&a, "corpus/001_ad6093775fdf0074.txt:40");
    assert_non_null(r);
    assert_int_equal(r->nrespelt, 1);
    assert_string_equal(r->respelt[0].query, "Mujaheddin");
    assert_string_equal(r->respelt[0].source, "mujahideen");
    assert_false(has_word(r, "Mujaheddin"));
    qy_answer_clear(&a);
    ask(f, "Mujakhidan summits", QY_MODE_AUTO, 5, &a);
    for (size_t i = 0; i < a.n; i++)
        for (size_t k = 0; k < a.results[i].nrespelt; k++)
            assert_string_not_equal(a.results[i].respelt[k].source, "mujahideen");
    qy_answer_clear(&a);
}


/* An acronym the corpus never writes finds the passage whose names spell
 * it out (NCRI: the National Council for Resistance in Iran), says how it
 * is written there, highlights the names, and counts as supported; a
 * claim in capitals throughout reads none of its words so. */
static void test_acronym_spelled_out(void **state)
{
    fixture *f = *state;
    qy_answer a;
    const char *names = "National Council for Resistance in Iran";
    ask(f, "NCRI", QY_MODE_AUTO, 3, &a);
    assert_true(a.n > 0);
    const qy_result *r = &a.results[0];
    assert_string_equal(r->cite, "corpus/004_ea823e42dca6d0bc.txt:53");
    assert_int_equal(r->nrespelt, 1);
    assert_string_equal(r->respelt[0].query, "NCRI");
    assert_string_equal(r->respelt[0].source, names);
    size_t off = (size_t)(strstr(r->text, names) - r->text);
    assert_int_equal(r->nhighlights, 1);
    assert_int_equal(r->highlights[0].start, r->byte_start + off);
    assert_int_equal(r->highlights[0].end, r->byte_start + off + strlen(names));
    qy_answer_clear(&a);

    ask(f, "The NCRI denied a troll farm in Albania", QY_MODE_CLAIM, 3, &a);
    assert_true(a.n > 0);
    assert_string_equal(a.results[0].cite, "corpus/004_ea823e42dca6d0bc.txt:53");
    assert_false(has_word(&a.results[0], "NCRI"));
    qy_answer_clear(&a);

    ask(f, "NCRI DENIED A TROLL FARM", QY_MODE_CLAIM, 3, &a);
    for (size_t i = 0; i < a.n; i++)
        assert_int_equal(a.results[i].nrespelt, 0);
    qy_answer_clear(&a);
}

/* Names spelled out in a claim find the passage that writes the acronym
 * they spell (the People's Mojahedin Organization of Iran: PMOI), which
 * supports them all and is highlighted; without it that passage is not
 * among the first three. */
static void test_names_written_as_acronym(void **state)
{
    fixture *f = *state;
    qy_answer a;
    ask(f, "The People's Mojahedin Organization of Iran postponed its July summit",
        QY_MODE_CLAIM, 3, &a);
    const qy_result *r = result_at(&a, "corpus/001_ad6093775fdf0074.txt:42");
    assert_non_null(r);
    assert_int_equal(r->nunsupported, 1);
    assert_true(has_word(r, "summit"));
    int pmoi = 0;
    for (size_t k = 0; k < r->nhighlights; k++)
        pmoi += memcmp(r->text + (r->highlights[k].start - r->byte_start), "PMOI", 4) == 0;
    assert_int_equal(pmoi, 1);
    qy_answer_clear(&a);
}

/* Writes an index as citesearch wrote it in format 1 (schema.h): one
 * passage of "old.txt", its citation as a line of JSON. */
static void write_former_index(const char *db, const char *text)
{
    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(db, 1, &w, NULL), CS_OK);
    assert_int_equal(xs_wdb_begin(w, NULL), CS_OK);
    xs_doc *doc = xs_doc_new();
    assert_non_null(doc);
    assert_int_equal(xs_doc_add_posting(doc, "albania", 7, 1, 1), CS_OK);
    assert_int_equal(xs_doc_add_term(doc, "Zalbania", 8, 1), CS_OK);
    assert_int_equal(xs_doc_add_boolean_term(doc, "Pold.txt", 8), CS_OK);
    assert_int_equal(xs_doc_set_value(doc, 1, "old.txt", 7), CS_OK);
    char *data = NULL;
    int n = asprintf(&data,
                     "{\"path\":\"old.txt\",\"title\":\"An old title\","
                     "\"source\":\"Old Source\",\"date\":\"2022-07-15\","
                     "\"paragraph\":2,\"part\":0,\"line_start\":3,"
                     "\"line_end\":3,\"byte_start\":14,\"byte_end\":%zu}\n%s",
                     14 + strlen(text), text);
    assert_true(n > 0);
    assert_int_equal(xs_doc_set_data(doc, data, (size_t)n), CS_OK);
    assert_int_equal(xs_wdb_add(w, doc, NULL, NULL), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "schema", "1", 1, NULL), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "root", "..", 2, NULL), CS_OK);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    xs_doc_free(doc);
    free(data);
}

/* An index of the former format is read as it is, and the first index run
 * that writes to it marks it with the current format, its older passage
 * read alongside the new ones; an index of an unknown format is refused. */
static void test_reads_an_index_of_the_former_format(void **state)
{
    (void)state;
    char dir[] = "/tmp/cs-former-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *db = NULL;
    assert_true(asprintf(&db, "%s/db", dir) > 0);
    const char *text = "Albania was attacked in July.";
    write_former_index(db, text);

    qy_engine *e = NULL;
    assert_int_equal(qy_engine_open(db, &e, NULL), CS_OK);
    qy_request req = {.query = "Albania", .mode = QY_MODE_CLAIM, .limit = 5};
    qy_answer a;
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    assert_int_equal(a.n, 1);
    const qy_result *r = &a.results[0];
    assert_string_equal(r->path, "old.txt");
    assert_string_equal(r->cite, "old.txt:3");
    assert_string_equal(r->title, "An old title");
    assert_string_equal(r->source, "Old Source");
    assert_string_equal(r->date, "2022-07-15");
    assert_int_equal(r->paragraph, 2);
    assert_int_equal(r->byte_start, 14);
    assert_int_equal(r->byte_end, 14 + strlen(text));
    assert_int_equal(r->text_len, strlen(text));
    assert_memory_equal(r->text, text, strlen(text));
    assert_int_equal(r->nhighlights, 1);
    assert_int_equal(r->highlights[0].start, 14);
    qy_answer_clear(&a);
    /* stats gives the format the index is in, not this citesearch's. */
    json_t *st = NULL;
    assert_int_equal(qy_stats_json(e, &st, NULL), CS_OK);
    assert_string_equal(json_string_value(json_object_get(st, "schema")),
                        CS_SCHEMA_FORMER);
    json_decref(st);
    qy_engine_close(e);

    FILE *fp = file_in(dir, "new.txt");
    fputs("New\n\nAlbania again, in September.\n", fp);
    fclose(fp);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    index_into(db, "new.txt");
    assert_int_equal(chdir(cwd), 0);
    xs_db *x = NULL;
    char *schema = NULL;
    assert_int_equal(xs_db_open(db, &x, NULL), CS_OK);
    assert_int_equal(xs_db_get_metadata(x, "schema", &schema, NULL, NULL), CS_OK);
    assert_string_equal(schema, CS_SCHEMA_VERSION);
    free(schema);
    xs_db_close(x);
    assert_int_equal(qy_engine_open(db, &e, NULL), CS_OK);
    assert_int_equal(qy_engine_query(e, &req, &a, NULL), CS_OK);
    assert_int_equal(a.n, 2);
    assert_non_null(result_at(&a, "old.txt:3"));
    assert_non_null(result_at(&a, "new.txt:3"));
    qy_answer_clear(&a);
    assert_int_equal(qy_stats_json(e, &st, NULL), CS_OK);
    assert_string_equal(json_string_value(json_object_get(st, "schema")),
                        CS_SCHEMA_VERSION);
    json_decref(st);
    qy_engine_close(e);

    xs_wdb *w = NULL;
    assert_int_equal(xs_wdb_open(db, 0, &w, NULL), CS_OK);
    assert_int_equal(xs_wdb_begin(w, NULL), CS_OK);
    assert_int_equal(xs_wdb_set_metadata(w, "schema", "9", 1, NULL), CS_OK);
    assert_int_equal(xs_wdb_commit(w, NULL), CS_OK);
    xs_wdb_close(w);
    char *msg = NULL;
    assert_int_equal(qy_engine_open(db, &e, &msg), CS_CORRUPT);
    assert_non_null(strstr(msg, "found '9'"));
    free(msg);
    free(db);
    remove_tree(dir);
}

/* A word map answers the first place a text was added at, whatever the
 * order of the adds, the same text added again and again, and SIZE_MAX
 * for a text never added; bytes compared, as strcmp does. */
static void test_wordmap_first_place(void **state)
{
    (void)state;
    qy_wordmap m = {0};
    assert_int_equal(qy_wordmap_first(&m, "Rama"), SIZE_MAX);
    static const char *const texts[] = {"Rama", "said", "Tirana", "Rama",
                                        "rama", "\xE4\xB8\x80", "said"};
    for (size_t i = 7; i > 0; i--) /* later places first */
        assert_int_equal(qy_wordmap_add(&m, texts[i - 1], i - 1), CS_OK);
    /* One text thousands of times: looked up at once, its first place. */
    for (size_t i = 0; i < 5000; i++)
        assert_int_equal(qy_wordmap_add(&m, "Rama", 100 + i), CS_OK);
    qy_wordmap_sort(&m);
    assert_int_equal(qy_wordmap_first(&m, "Rama"), 0);
    assert_int_equal(qy_wordmap_first(&m, "said"), 1);
    assert_int_equal(qy_wordmap_first(&m, "Tirana"), 2);
    assert_int_equal(qy_wordmap_first(&m, "rama"), 4);
    assert_int_equal(qy_wordmap_first(&m, "\xE4\xB8\x80"), 5);
    assert_int_equal(qy_wordmap_first(&m, "Ram"), SIZE_MAX);
    assert_int_equal(qy_wordmap_first(&m, ""), SIZE_MAX);
    qy_wordmap_clear(&m);
    assert_int_equal(qy_wordmap_first(&m, "Rama"), SIZE_MAX);
}

/* A claim's plan maps each of its words' texts to the first word written
 * so, and the names written with a capital apart: what the report's
 * revisions (a name its article gives, taken off the unsupported list)
 * look its words up in. */
static void test_plan_maps_words_by_text(void **state)
{
    fixture *f = *state;
    qy_parsed parsed;
    qy_plan plan;
    assert_int_equal(qy_parse("Rama told reporters that Rama and Tirana denied the reporters claims",
                              QY_MODE_CLAIM, &parsed, NULL), CS_OK);
    assert_int_equal(qy_plan_build(f->e, &parsed, &plan, NULL), CS_OK);
    qy_parsed_clear(&parsed);
    for (size_t w = 0; w < plan.nwords; w++) {
        size_t first = 0;
        while (strcmp(plan.words[first].text, plan.words[w].text) != 0)
            first++;
        assert_int_equal(qy_wordmap_first(&plan.words_by_text, plan.words[w].text), first);
        int name = plan.words[w].name && qy_word_capital(&plan.words[w]);
        if (name)
            assert_int_not_equal(qy_wordmap_first(&plan.names_by_text, plan.words[w].text),
                                 SIZE_MAX);
    }
    assert_int_not_equal(qy_wordmap_first(&plan.names_by_text, "Rama"), SIZE_MAX);
    assert_int_not_equal(qy_wordmap_first(&plan.names_by_text, "Tirana"), SIZE_MAX);
    assert_int_equal(qy_wordmap_first(&plan.names_by_text, "reporters"), SIZE_MAX);
    assert_int_not_equal(qy_wordmap_first(&plan.words_by_text, "reporters"), SIZE_MAX);
    assert_int_equal(qy_wordmap_first(&plan.words_by_text, "the"), SIZE_MAX); /* a stop word */
    qy_plan_clear(&plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coverage_report),
        cmocka_unit_test(test_coverage_ranks_the_passage_that_states_the_claim),
        cmocka_unit_test(test_other_value_ranks_first),
        cmocka_unit_test(test_coverage_of_compounds),
        cmocka_unit_test(test_coverage_of_places_and_peoples),
        cmocka_unit_test(test_coverage_of_numbers),
        cmocka_unit_test(test_coverage_of_abbreviations),
        cmocka_unit_test(test_negated_words),
        cmocka_unit_test(test_denied_words),
        cmocka_unit_test(test_un_prefix_negates),
        cmocka_unit_test(test_speech_verbs),
        cmocka_unit_test(test_british_spelling),
        cmocka_unit_test(test_claim_speaker_before),
        cmocka_unit_test(test_compound_no_passage_writes),
        cmocka_unit_test(test_exact_quote),
        cmocka_unit_test(test_near_quote_diff),
        cmocka_unit_test(test_near_quote_ends_replaced),
        cmocka_unit_test(test_quote_cut_inside_words),
        cmocka_unit_test(test_near_quote_typos_and_forms),
        cmocka_unit_test(test_near_quote_compound_replaced_whole),
        cmocka_unit_test(test_near_quote_amount_in_words_replaced_whole),
        cmocka_unit_test(test_quotation_with_its_speaker),
        cmocka_unit_test(test_phrase_and_terms_match_kinds),
        cmocka_unit_test(test_results_cite_exact_bytes),
        cmocka_unit_test(test_compound_highlighted_whole),
        cmocka_unit_test(test_unknown_spelling_finds_known_one),
        cmocka_unit_test(test_apostrophe_name_typed_apart),
        cmocka_unit_test(test_uncased_query_respelt),
        cmocka_unit_test(test_respelt_by_consonants),
        cmocka_unit_test(test_acronym_spelled_out),
        cmocka_unit_test(test_names_written_as_acronym),
        cmocka_unit_test(test_compound_splits_only_rare_solid_words),
        cmocka_unit_test(test_phrase_longer_than_any_passage),
        cmocka_unit_test(test_near_quote_found_by_word_pairs),
        cmocka_unit_test(test_date_filter_holds_whole_periods),
        cmocka_unit_test(test_quote_word_pairs),
        cmocka_unit_test(test_shared_window_words_answered_once),
        cmocka_unit_test(test_reads_an_index_of_the_former_format),
        cmocka_unit_test(test_phrase_repeating_a_word),
        cmocka_unit_test(test_wordmap_first_place),
        cmocka_unit_test(test_plan_maps_words_by_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
