/* test_output.c - unit tests of what differs in a near quotation: the
 * kinds of its changes (qy_diffkind.c), the text back end's line for a
 * person (qy_out_text.c) and the JSON ops (qy_output.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "qy_output.h"
#include "qy_readable.h"
#include "tx.h"

/* What a printer in `format` writes for one near result whose diff is
 * `diff` (malloc'd). */
static char *printed(qy_format format, qy_diff_op *diff, size_t n)
{
    qy_result r = {.rank = 1, .match = QY_MATCH_NEAR, .path = "a.txt",
                   .title = "A", .source = "", .date = "", .url = "",
                   .lang = "", .cite = "a.txt:1", .text = "text",
                   .text_len = 4, .diff = diff, .ndiff = n};
    qy_answer a = {.results = &r, .n = 1};
    qy_request req = {.query = "\"q\""};
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    qy_printer *p = qy_printer_new(format, out, 0, 0);
    assert_non_null(p);
    qy_printer_answer(p, &req, &a);
    qy_printer_free(p);
    fclose(out);
    return buf;
}

/* The "differs:" line printed for a result whose diff is `ops`, each
 * "OP QUERY|SOURCE" ("~ 7th|9th", "- and|", "+ |completely"). */
static char *differs_line(const char *const *ops, size_t n)
{
    qy_diff_op diff[16];
    assert_true(n <= 16);
    for (size_t i = 0; i < n; i++) {
        const char *bar = strchr(ops[i], '|');
        assert_non_null(bar);
        diff[i].op = ops[i][0];
        diff[i].query = strndup(ops[i] + 2, (size_t)(bar - ops[i] - 2));
        diff[i].source = strdup(bar + 1);
        diff[i].kind = QY_DIFF_PLAIN;
    }
    qy_diff_kinds(diff, n);
    char *buf = printed(QY_FORMAT_TEXT, diff, n);
    for (size_t i = 0; i < n; i++) {
        free(diff[i].query);
        free(diff[i].source);
    }
    char *line = strstr(buf, "   differs: ");
    assert_non_null(line);
    line = strdup(line + strlen("   differs: "));
    line[strcspn(line, "\n")] = '\0';
    free(buf);
    return line;
}

static void expect(const char *const *ops, size_t n, const char *want)
{
    char *got = differs_line(ops, n);
    assert_string_equal(got, want);
    free(got);
}

static void test_replaced_numbers_and_dates_are_said_so(void **state)
{
    (void)state;
    const char *const a[] = {"= on|on", "~ 7th|9th", "= of|of", "~ July|Sept.",
                             "~ 1,500|2,000", "~ many|various"};
    expect(a, 6, "7th -> 9th (number); July -> Sept. (date); "
                 "1,500 -> 2,000 (number); many -> various");
    /* A part of a date in digits, its other parts by it: a date's (its
     * day, month or year; year-month-day or day/month/year), not where
     * the words by it make no date. */
    const char *const iso[] = {"= on|on", "= 2022|2022", "= 07|07", "~ 16|15",
                             "= said|said"};
    expect(iso, 5, "16 -> 15 (date)");
    const char *const dmy[] = {"= 15|15", "~ 08|07", "= 2022|2022", "= and|and",
                             "~ 2023|2022", "= 07|07", "= 15|15"};
    expect(dmy, 7, "08 -> 07 (date); 2023 -> 2022 (date)");
    const char *const nodate[] = {"= in|in", "= 2022|2022", "~ 40|45", "= 15|15",
                             "= people|people", "= 12|12", "~ 16|17", "= 2021|2021"};
    expect(nodate, 8, "40 -> 45 (number); 16 -> 17 (number)");
    /* Numbers written out count; a number against a word is a plain
     * replacement. */
    const char *const b[] = {"~ fifteen|16", "~ 17|seventy", "~ 17|several",
                             "~ Mon|Tuesday", "~ twenty-four|25",
                             "~ well-known|24"};
    expect(b, 6, "fifteen -> 16 (number); 17 -> seventy (number); "
                 "17 -> several; Mon -> Tuesday (date); "
                 "twenty-four -> 25 (number); well-known -> 24");
    /* The same number written otherwise is said to be one, in digits,
     * words or as an ordinal. */
    const char *const c[] = {"~ twenty-four|24", "~ 1,500|1500", "~ 15th|15",
                             "~ two|2", "~ thirty-first|31st", "~ 2.5|2.50",
                             "~ half|half-"};
    expect(c, 7, "twenty-four -> 24 (same number); 1,500 -> 1500 (same number); "
                 "15th -> 15 (same number); two -> 2 (same number); "
                 "thirty-first -> 31st (same number); 2.5 -> 2.50 (same number); "
                 "half -> half-");
    /* A decimal is its value, however many zeros end it or begin it; a
     * different value, or a version of two points, is another number. */
    const char *const e[] = {"~ 1,500.0|1500", "~ 07.50|7.5", "~ 0.5|.5",
                             "~ 2.5|2.05", "~ 1.2.3|1.2.30", "~ 2.5|25",
                             "~ 2.5|2.5th"};
    expect(e, 7, "1,500.0 -> 1500 (same number); 07.50 -> 7.5 (same number); "
                 "0.5 -> .5; 2.5 -> 2.05 (number); 1.2.3 -> 1.2.30 (number); "
                 "2.5 -> 25 (number); 2.5 -> 2.5th (number)");
    /* A unit or currency named otherwise is said to be the same unit;
     * another unit is a plain replacement. */
    const char *const u[] = {"~ kilometres|km", "~ USD|dollars", "~ lbs|pounds",
                             "~ km|miles", "~ hours|minutes"};
    expect(u, 5, "kilometres -> km (same unit); USD -> dollars (same unit); "
                 "lbs -> pounds (same unit); km -> miles; hours -> minutes");
    /* One word in its British and American spellings, case aside. */
    const char *const s[] = {"~ organization|Organisation", "~ defense|defence",
                             "~ four|for", "~ filled|filed"};
    expect(s, 4, "organization -> Organisation (spelling); defense -> defence (spelling); "
                 "four -> for; filled -> filed");
    /* A number with a scale word is their product: one value written
     * otherwise, or another number. */
    const char *const f[] = {"~ 1,500,000|1.5 million", "~ two-million|2,000,000",
                             "~ 2.3 billion|2,300,000,000", "~ 1.5 million|1,600,000",
                             "~ 1.5 million|1.5 millions", "~ 7th million|7,000,000"};
    const char *const w[] = {"~ one and a half million|1.5 million", "~ half a million|500,000",
                             "~ one point two five|1.25", "~ two and a half|2.6",
                             "~ one and a|1.5", "~ one point|1", "~ a million|1,000,000",
                             "~ a|1"};
    expect(w, 8, "one and a half million -> 1.5 million (same number); "
                 "half a million -> 500,000 (same number); "
                 "one point two five -> 1.25 (same number); "
                 "two and a half -> 2.6 (number); one and a -> 1.5; one point -> 1; "
                 "a million -> 1,000,000 (same number); a -> 1");
    expect(f, 6, "1,500,000 -> 1.5 million (same number); "
                 "two-million -> 2,000,000 (same number); "
                 "2.3 billion -> 2,300,000,000 (same number); "
                 "1.5 million -> 1,600,000 (number); "
                 "1.5 million -> 1.5 millions; 7th million -> 7,000,000");
    /* A comma groups three digits; before one or two that end the
     * number it is a decimal comma (2,5 is 2.5, not 25). */
    const char *const h[] = {"~ 2,5|2.5", "~ 2,5|25", "~ 1,500|1500", "~ 12,50|12.5",
                             "~ 1,2345|12345"};
    expect(h, 5, "2,5 -> 2.5 (same number); 2,5 -> 25 (number); "
                 "1,500 -> 1500 (same number); 12,50 -> 12.5 (same number); "
                 "1,2345 -> 12345 (number)");
    /* A scale cut short, as news writes money, is one too; a unit is
     * not a scale. */
    const char *const g[] = {"~ 2.3bn|2.3 billion", "~ 500k|500,000", "~ 1.5m|1,500,000",
                             "~ 2.4bn|2.3 billion", "~ 5km|5000", "~ 1.5M|1.5 million"};
    expect(g, 6, "2.3bn -> 2.3 billion (same number); 500k -> 500,000 (same number); "
                 "1.5m -> 1,500,000 (same number); 2.4bn -> 2.3 billion (number); "
                 "5km -> 5000; 1.5M -> 1.5 million (same number)");
    /* Written out, an ordinal is not its cardinal: a second attack is not
     * two attacks. */
    const char *const d[] = {"~ second|2", "~ second|2nd", "~ Third|three",
                             "~ 3rd|third"};
    expect(d, 4, "second -> 2 (number); second -> 2nd (same number); "
                 "Third -> three (number); 3rd -> third (same number)");
}

static void test_a_moved_word_is_said_once(void **state)
{
    (void)state;
    const char *const a[] = {"= an|an", "+ |abnormal", "= unusual|unusual",
                             "- and|", "- abnormal|", "= situation|situation"};
    expect(a, 6, "abnormal (moved); -and");
    /* Each dropped word pairs with one added word at most. */
    const char *const b[] = {"- the|", "- the|", "+ |The"};
    expect(b, 3, "the (moved); -the");
}

/* Two words that change places with words between them: each is a
 * replacement by the other, read as the two moved, not as two
 * replacements. */
static void test_swapped_words_apart_are_moved(void **state)
{
    (void)state;
    const char *const a[] = {"= the|the", "~ attackers|government", "= would|would",
                             "= never|never", "= negotiate|negotiate", "= with|with",
                             "= the|the", "~ government|Attackers", "= under|under"};
    expect(a, 9, "attackers (moved); government (moved)");
    /* Not when only one way round, nor a word with itself twice. */
    const char *const b[] = {"~ attackers|government", "= with|with",
                             "~ government|rebels", "~ rebels|police"};
    expect(b, 4, "attackers -> government; government -> rebels; rebels -> police");
}

/* A date quoted in the other order (14 March for March 15) aligns its
 * month and leaves each day unmatched on its side: the day changed,
 * said once; the same day is a word moved. */
static void test_day_of_a_reordered_date(void **state)
{
    (void)state;
    const char *const a[] = {"= on|on", "- 14|", "= March|March", "+ |15",
                             "= 2020|2020", "= that|that"};
    expect(a, 6, "14 -> 15 (date)");
    const char *const b[] = {"+ |14th", "= Sept.|Sept.", "- 15|", "= 2020|2020"};
    expect(b, 4, "15 -> 14th (date)");
    const char *const c[] = {"- 15|", "= March|March", "+ |15", "= 2020|2020"};
    expect(c, 4, "15 (moved)");
    /* Not around another word, nor a number that is no day. */
    const char *const d[] = {"- 14|", "= people|people", "+ |15"};
    expect(d, 3, "-14; +15");
    const char *const e[] = {"- 1500|", "= March|March", "+ |15"};
    expect(e, 3, "-1500; +15");
    qy_diff_op diff[] = {{'-', "14", "", 0, 0}, {'=', "March", "March", 0, 0},
                         {'+', "", "15", 0, 0}};
    qy_diff_kinds(diff, 3);
    char *buf = printed(QY_FORMAT_JSONL, diff, 3);
    assert_non_null(strstr(buf, "{\"op\":\"-\",\"query\":\"14\",\"source\":\"\",\"kind\":\"date\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"+\",\"query\":\"\",\"source\":\"15\",\"kind\":\"date\"}"));
    free(buf);
}

/* A date in digits (14/03/2020, read as 14 03 2020) against one whose
 * month is written: its month's number against the month's name, by a
 * number (its day or year), is the same date or another month. */
static void test_month_in_digits(void **state)
{
    (void)state;
    const char *const a[] = {"= On|On", "= 14|14", "~ 03|March", "= 2020|2020"};
    expect(a, 4, "03 -> March (same date)");
    const char *const b[] = {"~ 3|Apr.", "= 2020|2020"};
    expect(b, 2, "3 -> Apr. (date)");
    const char *const c[] = {"= 14|14", "~ December|12", "= 2020|2020"};
    expect(c, 3, "December -> 12 (same date)");
    /* Not with no number by it, nor a number that is no month. */
    const char *const d[] = {"= the|the", "~ 3|March", "= people|people"};
    expect(d, 3, "3 -> March");
    const char *const e[] = {"= 14|14", "~ 13|March", "= 2020|2020"};
    expect(e, 3, "13 -> March");
    /* The same month by another day is another date. */
    const char *const f[] = {"- 14|", "+ |15", "~ 03|March", "= 2020|2020"};
    expect(f, 4, "-14; +15; 03 -> March (date)");
    /* Day and month in the other order each side (14/03 against March
     * 15, 03/15 against 15 March): the two words each side are one date,
     * said once. */
    const char *const g[] = {"~ 14|March", "~ 03|15", "= 2020|2020"};
    expect(g, 3, "14 03 -> March 15 (date)");
    const char *const h[] = {"~ 03|15", "~ 15|March", "= 2020|2020"};
    expect(h, 3, "03 15 -> 15 March (same date)");
    const char *const i[] = {"~ March|03", "~ 4th|04", "= 2020|2020"};
    expect(i, 3, "March 4th -> 03 04 (same date)");
    const char *const k[] = {"~ 14|15", "~ 03|March", "= 2020|2020"};
    expect(k, 3, "14 03 -> 15 March (date)");
    /* Or the day alone aligns, its month dropped on one side of it and
     * added on the other (15/03 against March 15). */
    const char *const l[] = {"+ |March", "= 15|15", "- 03|", "= 2020|2020"};
    expect(l, 4, "03 -> March (same date)");
    const char *const m[] = {"- Apr|", "= 15th|15", "+ |03"};
    expect(m, 3, "Apr -> 03 (date)");
    const char *const j[] = {"~ 14|March", "~ 13|15", "= 2020|2020"};
    expect(j, 3, "14 -> March; 13 -> 15 (number)");
    /* A half of such a date is no word swapped with another: both halves
     * are said, where a swap took the first and the text line lost the
     * second. */
    const char *const n[] = {"~ 14|March", "~ 03|15", "= 2020|2020", "= and|and",
                             "~ March|14"};
    expect(n, 5, "14 03 -> March 15 (date); March -> 14");
}

/* A currency named against another's sign (5 million euros quoted for
 * $5 million: "euros -> $"), or two numbers by two currencies' signs, is
 * a currency changed; a currency's name against its own sign is the same
 * unit. */
static void test_currency_changed(void **state)
{
    (void)state;
    const char *const a[] = {"= 5|5", "= million|million", "~ euros|$", "= in|in"};
    expect(a, 4, "euros -> $ (currency)");
    const char *const b[] = {"~ \xE2\x82\xAC|dollars", "~ dollars|$", "~ $3|\xE2\x82\xAC" "3",
                             "~ \xC2\xA3" "0.50|$0.5", "~ $3|\xE2\x82\xAC" "4"};
    expect(b, 5, "\xE2\x82\xAC -> dollars (currency); dollars -> $ (same unit); "
                 "$3 -> \xE2\x82\xAC" "3 (currency); \xC2\xA3" "0.50 -> $0.5 (currency); "
                 "$3 -> \xE2\x82\xAC" "4 (number)");
    /* Not a sign against a word that names no currency. */
    const char *const c[] = {"~ percent|$", "~ $|3", "~ pounds|kg"};
    expect(c, 3, "percent -> $; $ -> 3; pounds -> kg");
    const char *const d[] = {"~ dollars|euros", "~ USD|dollars", "~ pounds|EUR"};
    expect(d, 3, "dollars -> euros (currency); USD -> dollars (same unit); "
                 "pounds -> EUR (currency)");
}

/* A date's words as the hunt of misquotes found them: a day replaced by
 * a month is a date's (16 July for 15 July), as it is quoted in the other
 * order; a date in ISO order (2022-02-14) against the same written out;
 * a day the same in another form in the other order (9 September of
 * September 9th). */
static void test_dates_in_other_forms(void **state)
{
    (void)state;
    const char *const a[] = {"= on|on", "~ 15|14", "= February|February", "= 2022|2022"};
    expect(a, 4, "15 -> 14 (date)");
    const char *const b[] = {"= July|July", "~ 16|15th", "= it|it"};
    expect(b, 3, "16 -> 15th (date)");
    /* (Nor by the verb may: a month is written with a capital.) */
    const char *const c[] = {"= the|the", "~ 16|15", "= people|people", "~ 3|4",
                             "= may|may", "- 3|", "= may|may", "+ |4"};
    expect(c, 8, "16 -> 15 (number); 3 -> 4 (number); -3; +4");
    const char *const h[] = {"= 3|3", "~ 05|May", "= 2021|2021", "~ 05|may", "= 3|3"};
    expect(h, 5, "05 -> May (same date); 05 -> may");
    const char *const d[] = {"= on|on", "+ |14", "+ |February", "= 2022|2022", "- 02|",
                             "- 14|", "= due|due"};
    expect(d, 7, "14 (moved); 02 -> February (same date)");
    const char *const e[] = {"= on|on", "+ |14", "+ |February", "= 2022|2022", "- 02|",
                             "- 15|", "= due|due"};
    expect(e, 7, "15 -> 14 (date); 02 -> February (date)");
    const char *const f[] = {"= the|the", "- 9|", "= September|September", "+ |9th"};
    expect(f, 4, "9 -> 9th (same date)");
    /* Not across a word that is no date's. */
    const char *const g[] = {"+ |February", "= was|was", "- 02|"};
    expect(g, 3, "+February; -02");
    /* Nor after a month that has its day before it: 3 May is the date,
     * and 15 counts servers; a day before its month stays one. */
    const char *const i[] = {"= On|On", "= 3|3", "= May|May", "~ 15|12", "= servers|servers"};
    expect(i, 5, "15 -> 12 (number)");
    const char *const j[] = {"= On|On", "~ 4|3", "= May|May", "~ 15|12", "= servers|servers"};
    expect(j, 5, "4 -> 3 (date); 15 -> 12 (number)");
    const char *const k[] = {"= On|On", "~ 12|13", "= May|May", "= 3|3", "= people|people"};
    expect(k, 5, "12 -> 13 (date)");
}

/* A word that negates, dropped, added or replaced by one that does not
 * (has been affected of "has not been affected", isn't of is, never of
 * always): the quotation says the opposite, said so. */
static void test_negation_changed(void **state)
{
    (void)state;
    const char *const a[] = {"= has|has", "+ |not", "= been|been", "- never|",
                             "~ isn\xE2\x80\x99t|is", "~ always|never", "~ Didn't|did",
                             "~ not|no"};
    expect(a, 8, "+not (negation); -never (negation); isn\xE2\x80\x99t -> is (negation); "
                 "always -> never (negation); Didn't -> did (negation); not -> no");
    /* A negation moved, or contracted, is none changed. */
    const char *const b[] = {"- not|", "= only|only", "+ |not", "~ hasn't|has not"};
    expect(b, 4, "not (moved); hasn't -> has not");
    const char *const c[] = {"~ never|always", "= said|said", "~ always|never"};
    expect(c, 3, "never (moved); always (moved)");
    /* "No" before a number is the number's: No 10 Downing Street. */
    const char *const d[] = {"= for|for", "~ Number|No", "= 10|10", "- no|", "= 5|5",
                             "~ no|the", "= 5G|5G", "= masts|masts"};
    expect(d, 8, "Number -> No; -no; no -> the (negation)");
}

/* A word added or dropped after an article makes it the other form ("an
 * urgent meeting" of "a meeting"): the article is one word in another
 * form, not another word. */
static void test_article_agrees(void **state)
{
    (void)state;
    const char *const a[] = {"= called|called", "~ an|a", "- urgent|", "= meeting|meeting",
                             "~ A|An", "~ a|the"};
    expect(a, 6, "an -> a (form); -urgent; A -> An (form); a -> the");
}

static void test_dropped_and_added_words(void **state)
{
    (void)state;
    const char *const a[] = {"= out|out", "~ order|service", "+ |completely",
                             "- weeks|"};
    expect(a, 4, "order -> service; +completely; -weeks");
}

/* The JSON of one op per kind: "kind" only where there is one. */
/* Answers longer than the JSON back ends' write buffer (16 KB): a
 * passage bigger than it and passages that cross its end come out whole,
 * in JSON and JSON Lines alike. */
static void test_json_of_long_passages(void **state)
{
    (void)state;
    size_t lens[] = {10000, 40000, 9000, 5};
    qy_result r[4];
    char *texts[4];
    for (size_t i = 0; i < 4; i++) {
        texts[i] = malloc(lens[i] + 1);
        assert_non_null(texts[i]);
        for (size_t k = 0; k < lens[i]; k++)
            texts[i][k] = (char)('a' + (k * 7 + i) % 26);
        texts[i][lens[i]] = '\0';
        r[i] = (qy_result){.rank = (unsigned)i + 1, .match = QY_MATCH_TERMS,
                           .path = "a.txt", .title = "A \"quoted\" title",
                           .source = "", .date = "", .url = "", .lang = "",
                           .cite = "a.txt:1", .text = texts[i],
                           .text_len = lens[i]};
    }
    qy_answer a = {.results = r, .n = 4};
    qy_request req = {.query = "words"};
    qy_format formats[] = {QY_FORMAT_JSON, QY_FORMAT_JSONL};
    for (size_t f = 0; f < 2; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        qy_printer *p = qy_printer_new(formats[f], out, 0, 0);
        assert_non_null(p);
        qy_printer_answer(p, &req, &a);
        qy_printer_free(p);
        fclose(out);
        json_t *all = json_array();
        if (formats[f] == QY_FORMAT_JSON) {
            json_decref(all);
            all = json_loads(buf, 0, NULL);
        } else {
            for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
                json_array_append_new(all, json_loads(line, 0, NULL));
        }
        assert_non_null(all);
        assert_int_equal(json_array_size(all), 4);
        for (size_t i = 0; i < 4; i++) {
            json_t *o = json_array_get(all, i);
            assert_string_equal(json_string_value(json_object_get(o, "text")),
                                texts[i]);
            assert_string_equal(json_string_value(json_object_get(o, "title")),
                                "A \"quoted\" title");
        }
        json_decref(all);
        free(buf);
    }
    for (size_t i = 0; i < 4; i++)
        free(texts[i]);
}

static void test_json_ops_carry_their_kind(void **state)
{
    (void)state;
    qy_diff_op diff[] = {{'~', "7th", "9th", 0, 0}, {'~', "July", "Sept.", 0, 0},
                         {'+', "", "abnormal", 0, 0}, {'=', "and", "and", 0, 0},
                         {'-', "abnormal", "", 0, 0}, {'~', "many", "various", 0, 0},
                         {'~', "two", "2", 0, 0}};
    qy_diff_kinds(diff, 7);
    assert_int_equal(diff[2].partner, 4);
    assert_int_equal(diff[4].partner, 2);
    char *buf = printed(QY_FORMAT_JSONL, diff, 7);
    assert_non_null(strstr(buf, "{\"op\":\"~\",\"query\":\"two\",\"source\":\"2\",\"kind\":\"same number\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"~\",\"query\":\"7th\",\"source\":\"9th\",\"kind\":\"number\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"~\",\"query\":\"July\",\"source\":\"Sept.\",\"kind\":\"date\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"+\",\"query\":\"\",\"source\":\"abnormal\",\"kind\":\"moved\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"-\",\"query\":\"abnormal\",\"source\":\"\",\"kind\":\"moved\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"=\",\"query\":\"and\",\"source\":\"and\"}"));
    assert_non_null(strstr(buf, "{\"op\":\"~\",\"query\":\"many\",\"source\":\"various\"}"));
    free(buf);
}

/* The place a figure is given to, and which figures round which. */
static void test_rounded_figures(void **state)
{
    (void)state;
    double tenth = qy_number_unit("73.3", 4);
    assert_true(tenth > 0.0999999 && tenth < 0.1000001);
    assert_true(qy_number_unit("1466", 4) == 1);
    assert_true(qy_number_unit("1500", 4) == 100);
    assert_true(qy_number_unit("1,500", 5) == 100);
    assert_true(qy_number_unit("1000", 4) == 1000);
    assert_true(qy_number_unit("0", 1) == 1);
    assert_true(qy_number_unit("1.5m", 4) == 0);
    assert_true(qy_number_unit("7th", 3) == 0);
    assert_true(qy_number_unit("2.", 2) == 0);
    /* 73.3 million of 73,344,573.27; 73 million too; not 74 million. */
    assert_true(qy_rounds_to(73.3e6, 1e5, 73344573.27));
    assert_true(qy_rounds_to(73e6, 1e6, 73344573.27));
    assert_false(qy_rounds_to(74e6, 1e6, 73344573.27));
    assert_true(qy_rounds_to(1500, 100, 1466));
    assert_true(qy_rounds_to(2.5e6, 1e5, 2.47e6));
    assert_true(qy_rounds_to(3.5, 0.1, 3.47));
    /* Not itself, not too far (10 of 12 is 17% off), not another place. */
    assert_false(qy_rounds_to(1500, 100, 1500));
    assert_false(qy_rounds_to(10, 10, 12));
    assert_false(qy_rounds_to(1500, 100, 1551));
}

/* The bounds the words before a figure put on it, and what they hold. */
static void test_bounded_figures(void **state)
{
    (void)state;
    int n;
    assert_int_equal(qy_bound_of("more", "than", &n), QY_BOUND_MORE);
    assert_int_equal(n, 2);
    assert_int_equal(qy_bound_of("rose", "over", &n), QY_BOUND_MORE);
    assert_int_equal(n, 1);
    assert_int_equal(qy_bound_of("at", "least", &n), QY_BOUND_AT_LEAST);
    assert_int_equal(qy_bound_of("fewer", "than", &n), QY_BOUND_LESS);
    assert_int_equal(qy_bound_of("", "up", &n), QY_BOUND_NONE);
    assert_int_equal(n, 0);
    assert_int_equal(qy_bound_of("up", "to", &n), QY_BOUND_AT_MOST);
    assert_int_equal(qy_bound_of("", "around", &n), QY_BOUND_ABOUT);
    assert_int_equal(qy_bound_of("", "almost", &n), QY_BOUND_NEARLY);
    assert_int_equal(qy_bound_of("just", "under", &n), QY_BOUND_NEARLY);
    assert_int_equal(n, 2);
    assert_int_equal(qy_bound_of("", "than", &n), QY_BOUND_NONE);
    /* more than 2,000 of 2,466, not of 1,900 nor of 5,000 (twice). */
    assert_true(qy_figure_holds(QY_BOUND_MORE, 2000, 1000, 2466));
    assert_false(qy_figure_holds(QY_BOUND_MORE, 2000, 1000, 1900));
    assert_false(qy_figure_holds(QY_BOUND_MORE, 2000, 1000, 5000));
    assert_true(qy_figure_holds(QY_BOUND_LESS, 15, 1, 14.64));
    assert_false(qy_figure_holds(QY_BOUND_LESS, 15, 1, 7));
    assert_true(qy_figure_holds(QY_BOUND_ABOUT, 2500, 100, 2380));
    assert_false(qy_figure_holds(QY_BOUND_ABOUT, 2500, 100, 2000));
    assert_true(qy_figure_holds(QY_BOUND_NEARLY, 75e6, 1e6, 73344573.27));
    assert_false(qy_figure_holds(QY_BOUND_NEARLY, 75e6, 1e6, 76e6));
    /* Shares in words, as percentages within 2.5 points. */
    double pct;
    int num;
    assert_true(qy_share_of("", "half", &pct, &num) && pct == 50 && !num);
    assert_true(qy_share_of("than", "half", &pct, &num) && pct == 50 && !num);
    assert_true(qy_share_of("a", "third", &pct, &num) && pct > 33.3 && pct < 33.4 && num);
    assert_true(qy_share_of("two", "thirds", &pct, &num) && pct > 66.6 && pct < 66.7 && num);
    assert_true(qy_share_of("three", "quarters", &pct, &num) && pct == 75);
    assert_false(qy_share_of("", "third", &pct, &num));      /* the third attack */
    assert_false(qy_share_of("first", "quarter", &pct, &num));
    assert_false(qy_share_of("a", "thirds", &pct, &num));
    assert_false(qy_share_of("four", "quarters", &pct, &num)); /* the whole */
    assert_true(qy_figure_holds(QY_BOUND_SHARE, 50, 1, 48));
    assert_true(qy_figure_holds(QY_BOUND_SHARE, 50, 1, 50));
    assert_false(qy_figure_holds(QY_BOUND_SHARE, 50, 1, 45));
    /* The same figure needs no bound; none is a rounding. */
    assert_false(qy_figure_holds(QY_BOUND_MORE, 2000, 1000, 2000));
    assert_true(qy_figure_holds(QY_BOUND_NONE, 1500, 100, 1466));
}

/* Words in another form: endings that inflect, not others. */
static void test_inflected_words(void **state)
{
    (void)state;
    const char *same[][2] = {{"aggressor", "aggressors"}, {"attack", "attacked"},
                             {"attacks", "attacking"}, {"carry", "carried"},
                             {"stop", "stopped"}, {"make", "making"}, {"use", "used"},
                             {"Majesty", "Majesty's"}, {"general", "generally"},
                             /* a curly apostrophe, as most news writes it */
                             {"Tirana", "Tirana\xE2\x80\x99s"}};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        assert_true(qy_inflected(same[i][0], same[i][1]));
        assert_true(qy_inflected(same[i][1], same[i][0]));
    }
    const char *other[][2] = {{"universe", "university"}, {"pension", "pensioners"},
                              {"hon", "honest"}, {"attack", "attack"},
                              {"destabilise", "destabilize"}, {"war", "ward"}};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
        assert_false(qy_inflected(other[i][0], other[i][1]));
}

/* One edit: a letter added, dropped, replaced, or two swapped. */
static void test_one_edit(void **state)
{
    (void)state;
    assert_true(qy_one_edit("servise", "service"));
    assert_true(qy_one_edit("completly", "completely"));
    assert_true(qy_one_edit("recieve", "receive"));
    assert_true(qy_one_edit("Tehrann", "Tehran"));
    assert_false(qy_one_edit("service", "service"));
    assert_false(qy_one_edit("recieved", "receive"));
    assert_false(qy_one_edit("form", "from")); /* under five letters: words */
    assert_false(qy_one_edit("abnormal", "unusual"));
    /* Characters, not bytes: a curly apostrophe or a letter with an
     * accent is one. */
    assert_true(qy_one_edit("Ethemaj", "Et\xE2\x80\x99hemaj"));
    assert_true(qy_one_edit("Ibrahimaj", "Ibrah\xC3\xAEmaj"));
    assert_false(qy_one_edit("K\xC3\xABshilli", "Kshilli\xC3\xAB"));
}

/* The alignment proposes "form" (the two words share a stem); the diff
 * keeps it for endings that inflect only. */
static void test_form_kind(void **state)
{
    (void)state;
    qy_diff_op diff[] = {{'~', "aggressor", "aggressors", QY_DIFF_FORM, 0},
                         {'~', "pensioners", "pension", QY_DIFF_FORM, 0},
                         {'~', "7", "9", QY_DIFF_FORM, 0}};
    qy_diff_kinds(diff, 3);
    assert_int_equal(diff[0].kind, QY_DIFF_FORM);
    assert_int_equal(diff[1].kind, QY_DIFF_PLAIN);
    assert_int_equal(diff[2].kind, QY_DIFF_NUMBER);
    char *buf = printed(QY_FORMAT_JSONL, diff, 3);
    assert_non_null(strstr(buf, "{\"op\":\"~\",\"query\":\"aggressor\",\"source\":\"aggressors\",\"kind\":\"form\"}"));
    free(buf);
    buf = printed(QY_FORMAT_TEXT, diff, 3);
    assert_non_null(strstr(buf, "aggressor -> aggressors (form)"));
    free(buf);
}

/* A passage of `text` at byte 100 of its file, in `form` and `charset`,
 * with one highlight on the bytes of `lit` in it. */
static qy_readable readable(const char *text, unsigned form, char *charset,
                            const char *lit)
{
    qy_span hl;
    const char *at = strstr(text, lit);
    assert_non_null(at);
    hl.start = 100 + (size_t)(at - text);
    hl.end = hl.start + strlen(lit);
    qy_result r = {.text = (char *)text, .text_len = strlen(text),
                   .byte_start = 100, .byte_end = 100 + strlen(text),
                   .form = form, .charset = charset, .highlights = &hl,
                   .nhighlights = 1};
    qy_readable rd;
    assert_int_equal(qy_readable_of(&r, &rd), CS_OK);
    assert_int_equal(strlen(rd.text), rd.len);
    assert_int_equal(rd.nhighlights, 1);
    return rd;
}

static void assert_lit(const qy_readable *rd, const char *want)
{
    size_t n = rd->highlights[0].end - rd->highlights[0].start;
    assert_int_equal(n, strlen(want));
    assert_memory_equal(rd->text + rd->highlights[0].start, want, n);
}

/* HTML as a browser shows it: tags within a line left out (a word across
 * <b> is one), other markup and white space one space, character
 * references the character (one to no character a space); the highlight
 * moves with the text. */
static void test_readable_html(void **state)
{
    (void)state;
    qy_readable rd = readable("<p>The <b>cyber</b>attack &amp; the &#8217;leak&#x2019; "
                              "&bogus;</p>\n<!-- x --><p>Next</p>",
                              TX_FORM_HTML, NULL, "cyber</b>attack");
    assert_string_equal(rd.text,
                        " The cyberattack & the \xE2\x80\x99leak\xE2\x80\x99 Next ");
    assert_lit(&rd, "cyberattack");
    qy_readable_clear(&rd);

    /* Quoted-printable in KOI8-R under HTML: the letters, marked. */
    rd = readable("<i>=ED=C9=D2</i> war", TX_FORM_HTML | TX_FORM_QP, "koi8-r",
                  "=ED=C9=D2");
    assert_string_equal(rd.text, "\xD0\x9C\xD0\xB8\xD1\x80 war");
    assert_lit(&rd, "\xD0\x9C\xD0\xB8\xD1\x80");
    qy_readable_clear(&rd);

    /* Any other passage: its bytes, as they are. */
    rd = readable("A <b>plain</b>  file.", 0, NULL, "plain");
    assert_string_equal(rd.text, "A <b>plain</b>  file.");
    assert_int_equal(rd.highlights[0].start, 5);
    assert_lit(&rd, "plain");
    qy_readable_clear(&rd);
}

/* A CSV or TSV cell a spreadsheet would run as a formula starts with an
 * apostrophe, also when spaces come first (a spreadsheet may trim them as
 * it imports the file); other cells are as they are. */
static void test_csv_formula_cells_are_inert(void **state)
{
    (void)state;
    char text[] = "  @SUM(A1:A9) is a formula";
    qy_result r = {.rank = 1, .match = QY_MATCH_TERMS, .path = "a.txt",
                   .title = " =HYPERLINK(\"http://x.example\")", .source = "",
                   .date = "", .url = "", .lang = "", .cite = "a.txt:1",
                   .text = text, .text_len = strlen(text)};
    qy_answer a = {.results = &r, .n = 1};
    qy_request req = {.id = "  -1", .query = "q"};
    qy_format formats[] = {QY_FORMAT_CSV, QY_FORMAT_TSV};
    for (size_t f = 0; f < 2; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        qy_printer *p = qy_printer_new(formats[f], out, 0, 1);
        assert_non_null(p);
        qy_printer_answer(p, &req, &a);
        qy_printer_free(p);
        fclose(out);
        char *row = strstr(buf, "\r\n");
        assert_non_null(row);
        row += 2;
        char sep = formats[f] == QY_FORMAT_CSV ? ',' : '\t';
        assert_memory_equal(row, "\"'  -1\"", 7);
        assert_int_equal(row[7], sep);
        assert_non_null(strstr(row, "\"' =HYPERLINK(\"\"http://x.example\"\")\""));
        assert_non_null(strstr(row, "\"'  @SUM(A1:A9) is a formula\""));
        assert_non_null(strstr(row, "terms"));
        free(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replaced_numbers_and_dates_are_said_so),
        cmocka_unit_test(test_a_moved_word_is_said_once),
        cmocka_unit_test(test_dropped_and_added_words),
        cmocka_unit_test(test_swapped_words_apart_are_moved),
        cmocka_unit_test(test_day_of_a_reordered_date),
        cmocka_unit_test(test_month_in_digits),
        cmocka_unit_test(test_currency_changed),
        cmocka_unit_test(test_dates_in_other_forms),
        cmocka_unit_test(test_negation_changed),
        cmocka_unit_test(test_article_agrees),
        cmocka_unit_test(test_json_ops_carry_their_kind),
        cmocka_unit_test(test_inflected_words),
        cmocka_unit_test(test_rounded_figures),
        cmocka_unit_test(test_bounded_figures),
        cmocka_unit_test(test_one_edit),
        cmocka_unit_test(test_form_kind),
        cmocka_unit_test(test_json_of_long_passages),
        cmocka_unit_test(test_readable_html),
        cmocka_unit_test(test_csv_formula_cells_are_inert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
