/* test_query.c - unit tests of the query language parser (qy_parse). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

/* Words typed apart by Unicode's white space (the ideographic space of a
 * CJK input method, a thin space) are apart as by ASCII's: an operator or
 * a filter after one is read as such, and one after a whole quotation
 * leaves it one. */
static void test_unicode_spaces_separate(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("Rama\xE3\x80\x80-Iran\xE2\x80\x89lang:fr", QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 3);
    assert_string_equal(p.items[0].text, "Rama");
    assert_int_equal(p.items[1].mod, QY_EXCLUDED);
    assert_string_equal(p.items[1].text, "Iran");
    assert_int_equal(p.items[2].kind, QY_FILTER);
    assert_string_equal(p.items[2].field, "lang");
    assert_string_equal(p.items[2].text, "fr");
    qy_parsed_clear(&p);

    parse_ok("\xE3\x80\x80\xE3\x80\x8C" "bringing various systems to a halt"
             "\xE3\x80\x8D\xE3\x80\x80",
             QY_MODE_QUOTE, &p);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.items[0].text, "bringing various systems to a halt");
    qy_parsed_clear(&p);
}

/* The spaces French and SI typography put between digit groups (2 500:
 * a no-break, thin or narrow no-break space) keep a required or excluded
 * number one word, as the analyzer reads it (2500); between other words
 * they part them. */
static void test_digit_group_spaces_keep_a_number(void **state)
{
    (void)state;
    qy_parsed p;
    parse_ok("+2\xE2\x80\xAF" "500 people -10\xE2\x80\x89" "000\xC2\xA0" "000 +5\xC2\xA0" "km",
             QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 5);
    assert_int_equal(p.items[0].mod, QY_REQUIRED);
    assert_string_equal(p.items[0].text, "2\xE2\x80\xAF" "500");
    assert_string_equal(p.items[1].text, "people");
    assert_int_equal(p.items[2].mod, QY_EXCLUDED);
    assert_string_equal(p.items[2].text, "10\xE2\x80\x89" "000\xC2\xA0" "000");
    assert_int_equal(p.items[3].mod, QY_REQUIRED);
    assert_string_equal(p.items[3].text, "5");
    assert_string_equal(p.items[4].text, "km");
    qy_parsed_clear(&p);
    /* Not a group of three digits: two numbers. */
    parse_ok("+2019\xE2\x80\xAF" "5000 -7\xE2\x80\xAF" "12", QY_MODE_AUTO, &p);
    assert_int_equal(p.n, 4);
    assert_string_equal(p.items[0].text, "2019");
    assert_string_equal(p.items[1].text, "5000");
    assert_string_equal(p.items[2].text, "7");
    assert_string_equal(p.items[3].text, "12");
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
    /* In German single marks, and in CJK double corner brackets and
     * full-width marks. */
    parse_ok("\xE2\x80\x9A" "Der Gesch\xC3\xA4" "ftsf\xC3\xBChrer \xC3\xA4u\xC3\x9F" "erte sich\xE2\x80\x98",
             QY_MODE_AUTO, &p);
    assert_true(p.quote);
    assert_string_equal(p.items[0].text, "Der Gesch\xC3\xA4" "ftsf\xC3\xBChrer \xC3\xA4u\xC3\x9F" "erte sich");
    qy_parsed_clear(&p);
    parse_ok("\xE3\x80\x8E\xE4\xBD\x8F\xE6\xB0\x91\xE3\x81\xAF\xE3\x81\x99\xE3\x81\x90\xE3\x81\xAB\xE3\x80\x8F",
             QY_MODE_AUTO, &p);
    assert_true(p.quote);
    assert_string_equal(p.items[0].text, "\xE4\xBD\x8F\xE6\xB0\x91\xE3\x81\xAF\xE3\x81\x99\xE3\x81\x90\xE3\x81\xAB");
    qy_parsed_clear(&p);
    parse_ok("\xEF\xBC\x82\xE7\xA9\xBA\xE6\xB0\x94\xE8\xB4\xA8\xE9\x87\x8F\xEF\xBC\x82", QY_MODE_AUTO, &p);
    assert_true(p.quote);
    assert_string_equal(p.items[0].text, "\xE7\xA9\xBA\xE6\xB0\x94\xE8\xB4\xA8\xE9\x87\x8F");
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
    char first[9], last[9];
    assert_int_equal(qy_date_range("2023", first, last), 0);
    assert_string_equal(first, "20230101");
    assert_string_equal(last, "20231231");
    assert_int_equal(qy_date_range("..2023-06", first, last), 0);
    assert_string_equal(first, "");
    assert_string_equal(last, "20230630");
    assert_int_equal(qy_date_range("2022-01-05..", first, last), 0);
    assert_string_equal(first, "20220105");
    assert_string_equal(last, "");
    /* A month's last day, leap years included. */
    assert_int_equal(qy_date_range("2020..2020-02", first, last), 0);
    assert_string_equal(last, "20200229");
    assert_int_equal(qy_date_range("2100-02", first, last), 0);
    assert_string_equal(last, "21000228");
    assert_int_equal(qy_date_range("2021-06..2021", first, last), 0);
    assert_string_equal(first, "20210601");
    assert_string_equal(last, "20211231");
    assert_int_equal(qy_date_range("..", first, last), -1);
    assert_int_equal(qy_date_range("2023-02-30x", first, last), -1);
    assert_int_equal(qy_date_range("yesterday", first, last), -1);
    /* A range that ends before it starts is no range. */
    assert_int_equal(qy_date_range("2023..2022", first, last), -2);
    assert_int_equal(qy_date_range("2021-06-15..2021-06", first, last), 0);
    assert_int_equal(qy_date_range("2021-06-15..2021-06-14", first, last), -2);
}

/* The value ranges of a date: filter, written "lo-hi" each, space
 * separated: "*" an open end, "+" the \xFF that takes in every date a
 * bound starts. */
static const char *spans_of(const char *value)
{
    static char out[256];
    qy_date_span spans[QY_DATE_SPANS];
    size_t n = 0;
    char *msg = NULL;
    assert_int_equal(qy_date_filter(value, spans, &n, &msg), CS_OK);
    assert_null(msg);
    assert_true(n >= 1 && n <= QY_DATE_SPANS);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char hi[16];
        snprintf(hi, sizeof hi, "%s", spans[i].hi);
        char *ff = strchr(hi, '\xFF');
        if (ff)
            *ff = '+';
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s-%s", i ? " " : "",
                 *spans[i].lo ? spans[i].lo : "*", *hi ? hi : "*");
    }
    return out;
}

/* A date: filter holds the full dates in it and the months and years that
 * lie wholly inside it, which string order alone gets wrong ("2021" sorts
 * before "20210101", "202106" before "20210601"). */
static void test_date_spans(void **state)
{
    (void)state;
    /* The filters whose one value range was right stay one. */
    assert_string_equal(spans_of("2021"), "2021-2021+");
    assert_string_equal(spans_of("2021-06"), "202106-202106+");
    assert_string_equal(spans_of("2021-06-15"), "20210615-20210615");
    assert_string_equal(spans_of("2021..2022"), "2021-2022+");
    assert_string_equal(spans_of("2021-06..2021-08"), "202106-202108+");
    assert_string_equal(spans_of("2023.."), "2023-*");
    assert_string_equal(spans_of("..2022"), "*-2022+");

    /* Full-date bounds that span whole years and months. */
    assert_string_equal(spans_of("2021-01-01..2021-12-31"), "2021-2021+");
    assert_string_equal(spans_of("2021-01..2021-12"), "2021-2021+");
    assert_string_equal(spans_of("2021-01-01.."), "2021-*");
    assert_string_equal(spans_of("..2021-12-31"), "*-2021+");
    assert_string_equal(spans_of("2021-06-01..2021-06-30"), "202106-202106+");
    assert_string_equal(spans_of("2021-06-01.."), "202106-202112+ 2022-*");
    /* A year not whole is its months, a month not whole its days. */
    assert_string_equal(spans_of("..2021-06-20"),
                        "*-2020+ 202101-202105+ 20210601-20210620");
    assert_string_equal(spans_of("2020..2021-06"), "2020-2020+ 202101-202106+");
    assert_string_equal(spans_of("2021-01-15..2023-03-10"),
                        "20210115-20210131 202102-202112+ 2022-2022+ "
                        "202301-202302+ 20230301-20230310");
    /* Two years in part: each year's months apart, so neither year is
     * taken in. */
    assert_string_equal(spans_of("2020-03-15..2021-06-10"),
                        "20200315-20200331 202004-202012+ 202101-202105+ "
                        "20210601-20210610");
    assert_string_equal(spans_of("2021-06-15..2021-07-10"),
                        "20210615-20210630 20210701-20210710");
    assert_string_equal(spans_of("2021-06-10..2021-06-20"), "20210610-20210620");

    /* The last day of February: 2021-02-28 ends the month, 2020-02-28
     * does not; 1900 was no leap year, 2000 was. */
    assert_string_equal(spans_of("2021-02-01..2021-02-28"), "202102-202102+");
    assert_string_equal(spans_of("2020-02-01..2020-02-28"), "20200201-20200228");
    assert_string_equal(spans_of("2020-02-01..2020-02-29"), "202002-202002+");
    assert_string_equal(spans_of("1900-02-01..1900-02-28"), "190002-190002+");
    assert_string_equal(spans_of("2000-02-01..2000-02-28"), "20000201-20000228");
    assert_string_equal(spans_of("2021-01-01..2021-11-30"), "202101-202111+");
    assert_string_equal(spans_of("2021-01-01..2021-04-30"), "202101-202104+");
    assert_string_equal(spans_of("2021-01-01..2021-04-29"),
                        "202101-202103+ 20210401-20210429");

    /* The calendar's ends. */
    assert_string_equal(spans_of("..0000-06-15"), "000001-000005+ 00000601-00000615");
    assert_string_equal(spans_of("9999-12-31.."), "99991231-99991231");
    assert_string_equal(spans_of("9999-12.."), "999912-999912+");

    /* A reversed range is an error naming the filter, as a bad date is. */
    qy_date_span spans[QY_DATE_SPANS];
    size_t n = 7;
    char *msg = NULL;
    assert_int_equal(qy_date_filter("2023..2022", spans, &n, &msg), CS_BAD_INPUT);
    assert_int_equal(n, 0);
    assert_non_null(strstr(msg, "date:2023..2022"));
    free(msg);
    msg = NULL;
    assert_int_equal(qy_date_filter("2023-13", spans, &n, &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "date:2023-13: expected YYYY"));
    free(msg);
    qy_parsed p;
    msg = NULL;
    assert_int_equal(qy_parse("x date:2024..2023", QY_MODE_AUTO, &p, &msg), CS_BAD_INPUT);
    assert_non_null(strstr(msg, "date:2024..2023: the range ends before it starts"));
    free(msg);
    /* Which of several filters is bad: the message names its byte. */
    msg = NULL;
    assert_int_equal(qy_parse("x date:2023 -date:2023-13", QY_MODE_AUTO, &p, &msg),
                     CS_BAD_INPUT);
    assert_string_equal(msg, "query: byte 12: date:2023-13: expected YYYY[-MM[-DD]] "
                             "or FROM..TO");
    free(msg);
    msg = NULL;
    assert_int_equal(qy_parse("x source:\"\"", QY_MODE_AUTO, &p, &msg), CS_BAD_INPUT);
    assert_string_equal(msg, "query: byte 2: source: needs a value");
    free(msg);
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
        cmocka_unit_test(test_unicode_spaces_separate),
        cmocka_unit_test(test_digit_group_spaces_keep_a_number),
        cmocka_unit_test(test_whole_quotation_is_quote_mode),
        cmocka_unit_test(test_quotation_with_its_speaker),
        cmocka_unit_test(test_modes_take_input_as_text),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_date_ranges),
        cmocka_unit_test(test_date_spans),
        cmocka_unit_test(test_invalid_utf8_names_the_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
