/* test_query.c - unit tests of the query language parser (qy_parse). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "qy_parse.h"

static void parse_ok(const char *q, qy_mode mode, qy_parsed *p)
{
    char *msg = NULL;
    assert_int_equal(qy_parse(q, mode, p, &msg), CS_OK);
    assert_null(msg);
}

static void test_bare_words_are_one_clause(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("Albania cut  ties", QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.items[0].kind, QY_WORDS);
    assert_int_equal(p.items[0].mod, QY_OPTIONAL);
    assert_string_equal(p.items[0].text, "Albania cut  ties");
    assert_false(p.quote);
    qy_parsed_clear(&p);
}

static void test_operators_and_phrases(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("Rama +MEK -\"troll farm\" \xE2\x80\x9C" "cyber attack\xE2\x80\x9D x",
             QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 5);
    assert_int_equal(p.items[0].kind, QY_WORDS);
    assert_int_equal(p.items[1].mod, QY_REQUIRED);
    assert_string_equal(p.items[1].text, "MEK");
    assert_int_equal(p.items[2].kind, QY_PHRASE);
    assert_int_equal(p.items[2].mod, QY_EXCLUDED);
    assert_string_equal(p.items[2].text, "troll farm");
    assert_int_equal(p.items[3].kind, QY_PHRASE);
    assert_string_equal(p.items[3].text, "cyber attack");
    assert_false(p.quote);
    qy_parsed_clear(&p);
}

static void test_whole_quotation_is_quote_mode(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("\xC2\xAB" "bringing various systems to a halt\xC2\xBB", QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 1);
    assert_true(p.quote);
    assert_string_equal(p.items[0].text, "bringing various systems to a halt");
    qy_parsed_clear(&p);

    parse_ok("\"unclosed quote runs to the end", QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.items[0].text, "unclosed quote runs to the end");
    qy_parsed_clear(&p);

    /* In single curly marks, as British papers print one; its inner
     * apostrophe is one. */
    parse_ok(" \xE2\x80\x98" "Rama\xE2\x80\x99s aim was not achieved\xE2\x80\x99 ",
             QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 1);
    assert_true(p.quote);
    assert_int_equal(p.items[0].kind, QY_PHRASE);
    assert_string_equal(p.items[0].text, "Rama\xE2\x80\x99s aim was not achieved");
    qy_parsed_clear(&p);
    /* Straight apostrophes are no quotation marks: 'tis ... ' */
    parse_ok("'tis the season of the Kanans'", QY_MODE_AUTO, &p);
    assert_false(p.quote);
    assert_int_equal(p.items[0].kind, QY_WORDS);
    qy_parsed_clear(&p);
}

/* A quotation with words beside it, fewer than its own, says whose it
 * is: quote mode with context; a short phrase beside words is a name in
 * a claim, and an operator makes a query of the language. */
static void test_quotation_with_its_speaker(void **state)
{
    (void)state;
    struct {
        const char *q;
        int quote, context;
    } cases[] = {
        {"Rama \"We are talking about an abnormal situation\"", 1, 1},
        {"\"We are talking about an abnormal situation\" Edi Rama said", 1, 1},
        {"\"We are talking about an abnormal situation\" date:2022", 1, 0},
        {"Rama \"We are talking about\" source:Euronews", 1, 1},
        {"\"Edi Rama\" attacked Iran", 0, 0},
        {"Rama said it was \"an abnormal situation\"", 0, 0},
        {"+Rama \"We are talking about an abnormal situation\"", 0, 0},
        {"Rama \"We are talking about\" \"an abnormal situation\"", 0, 0},
        {"Rama \"We are\xC2\xA0talking about\"", 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        qy_parsed p;
        parse_ok(cases[i].q, QY_MODE_AUTO, &p);
        if (p.quote != cases[i].quote || p.context != cases[i].context)
            fail_msg("%s: quote %d context %d", cases[i].q, p.quote, p.context);
        qy_parsed_clear(&p);
    }
}

static void test_modes_take_input_as_text(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("+a -b \"c\" date:2020", QY_MODE_CLAIM, &p);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.items[0].kind, QY_WORDS);
    assert_string_equal(p.items[0].text, "+a -b \"c\" date:2020");
    qy_parsed_clear(&p);

    parse_ok("  \"we are talking\"  ", QY_MODE_QUOTE, &p);
    assert_int_equal(p.n, 1);
    assert_true(p.quote);
    assert_string_equal(p.items[0].text, "we are talking");
    qy_parsed_clear(&p);
}

static void test_filters(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("Iran source:\"France Media\" date:2022..2023-06 Note: lang:en",
             QY_MODE_AUTO, &p);
    /* Iran | source | date | Note: | lang */
    assert_int_equal(p.n, 5);
    assert_int_equal(p.items[1].kind, QY_FILTER);
    assert_string_equal(p.items[1].field, "source");
    assert_string_equal(p.items[1].text, "France Media");
    assert_string_equal(p.items[2].field, "date");
    assert_int_equal(p.items[3].kind, QY_WORDS); /* unknown field is text */
    assert_string_equal(p.items[4].field, "lang");
    qy_parsed_clear(&p);

    char *msg = NULL;
    assert_int_equal(qy_parse("x date:2023-13", QY_MODE_AUTO, &p, &msg),
                     CS_BAD_INPUT);
    assert_non_null(strstr(msg, "date"));
    free(msg);
}

static void test_date_ranges(void **state)
{
    (void)state;
    char lo[9], hi[10];
    assert_int_equal(qy_date_range("2023", lo, hi), 0);
    assert_string_equal(lo, "2023");
    assert_string_equal(hi, "2023\xFF");
    assert_int_equal(qy_date_range("..2023-06", lo, hi), 0);
    assert_string_equal(lo, "");
    assert_string_equal(hi, "202306\xFF");
    assert_int_equal(qy_date_range("2022-01-05..", lo, hi), 0);
    assert_string_equal(lo, "20220105");
    assert_string_equal(hi, "");
    assert_int_equal(qy_date_range("..", lo, hi), -1);
    assert_int_equal(qy_date_range("2023-02-30x", lo, hi), -1);
    assert_int_equal(qy_date_range("yesterday", lo, hi), -1);
}

static void test_invalid_utf8_names_the_byte(void **state)
{
    (void)state;
    qy_parsed p;
    char *msg = NULL;
    assert_int_equal(qy_parse("ok \xC3(", QY_MODE_AUTO, &p, &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "byte 3"));
    free(msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bare_words_are_one_clause),
        cmocka_unit_test(test_operators_and_phrases),
        cmocka_unit_test(test_whole_quotation_is_quote_mode),
        cmocka_unit_test(test_quotation_with_its_speaker),
        cmocka_unit_test(test_modes_take_input_as_text),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_date_ranges),
        cmocka_unit_test(test_invalid_utf8_names_the_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
