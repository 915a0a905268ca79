/*
 * test_text.c - unit tests of the analyzer (text/tx_analyze.c and friends):
 * normalization, ICU segmentation and its repairs, compounds, positions,
 * stems, flags, byte offsets, and the ASCII fast path against ICU.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tx.h"
#include "tx_internal.h" /* icu_only, to compare the ASCII path with ICU */

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

typedef struct tok {
    char term[256];
    char stem[256];
    size_t start, end;
    unsigned pos, flags;
} tok;

typedef struct toks {
    tok *v;
    size_t n, cap;
    size_t stop_after; /* stop the analysis after this many (0: never) */
} toks;

static int collect(void *ctx, const tx_token *t)
{
    toks *ts = ctx;
    if (ts->n == ts->cap) {
        ts->cap = ts->cap ? 2 * ts->cap : 16;
        ts->v = realloc(ts->v, ts->cap * sizeof *ts->v);
        assert_non_null(ts->v);
    }
    tok *k = &ts->v[ts->n++];
    memset(k, 0, sizeof *k);
    /* The term and stem are NUL-terminated and their lengths agree. */
    assert_int_equal(strlen(t->term), t->term_len);
    assert_int_equal(strlen(t->stem), t->stem_len);
    snprintf(k->term, sizeof k->term, "%s", t->term);
    snprintf(k->stem, sizeof k->stem, "%s", t->stem);
    k->start = t->start;
    k->end = t->end;
    k->pos = t->pos;
    k->flags = t->flags;
    return ts->stop_after && ts->n >= ts->stop_after;
}

static tx_analyzer *new_analyzer(void)
{
    tx_analyzer *a = NULL;
    char *msg = NULL;
    assert_int_equal(tx_analyzer_new(&a, &msg), CS_OK);
    assert_null(msg);
    assert_non_null(a);
    return a;
}

static toks run_pos(tx_analyzer *a, const char *s, size_t len, unsigned pos)
{
    toks ts = {0};
    char *msg = NULL;
    assert_int_equal(tx_analyze(a, s, len, pos, collect, &ts, &msg), CS_OK);
    assert_null(msg);
    return ts;
}

static toks run(tx_analyzer *a, const char *s)
{
    return run_pos(a, s, strlen(s), 1);
}

/* Non-joined terms of s, space-separated (static buffer). */
static const char *terms(tx_analyzer *a, const char *s)
{
    static char buf[4096];
    toks ts = run(a, s);
    buf[0] = '\0';
    for (size_t i = 0; i < ts.n; i++) {
        if (ts.v[i].flags & TX_JOINED)
            continue;
        if (buf[0])
            strcat(buf, " ");
        strcat(buf, ts.v[i].term);
    }
    free(ts.v);
    return buf;
}

/* The single word of s. */
static tok one(tx_analyzer *a, const char *s)
{
    toks ts = run(a, s);
    if (ts.n != 1)
        fail_msg("\"%s\" gave %zu tokens, not 1", s, ts.n);
    tok k = ts.v[0];
    free(ts.v);
    return k;
}

/* ------------------------------------------------------------------ */
/* Normalization                                                       */
/* ------------------------------------------------------------------ */

static void test_diacritics_and_case(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    tok k1 = one(a, "\xC3\x87" "ela"); /* Çela, precomposed */
    tok k2 = one(a, "Cela");
    tok k3 = one(a, "\xC3\x87" "ELA");
    tok k4 = one(a, "C\xCC\xA7" "ela"); /* C + combining cedilla */
    assert_string_equal(k1.term, "cela");
    assert_string_equal(k2.term, "cela");
    assert_string_equal(k3.term, "cela");
    assert_string_equal(k4.term, "cela");
    assert_true(k1.flags & TX_CAPITAL);
    assert_true(k3.flags & TX_CAPITAL);
    assert_false(one(a, "cela").flags & TX_CAPITAL);
    /* Naço, naïve, café; ß folds fully; NFKC: the fi ligature, fullwidth. */
    assert_string_equal(one(a, "Na\xC3\xA7o").term, "naco");
    assert_string_equal(one(a, "na\xC3\xAFve").term, "naive");
    assert_string_equal(one(a, "Stra\xC3\x9F" "e").term, "strasse");
    assert_string_equal(one(a, "\xEF\xAC\x81nance").term, "finance");
    assert_string_equal(one(a, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3").term,
                        "abc");
    /* Letters with a stroke, and the dotless i, are their base letters:
     * Wałęsa, Łódź, Søren, Đoković, Diyarbakır. */
    assert_string_equal(one(a, "Wa\xC5\x82\xC4\x99sa").term, "walesa");
    assert_string_equal(one(a, "\xC5\x81\xC3\xB3" "d\xC5\xBA").term, "lodz");
    assert_string_equal(one(a, "S\xC3\xB8ren").term, "soren");
    assert_string_equal(one(a, "\xC3\x98RSTED").term, "orsted");
    assert_string_equal(one(a, "\xC4\x90okovi\xC4\x87").term, "dokovic");
    assert_string_equal(one(a, "Diyarbak\xC4\xB1r").term, "diyarbakir");
    assert_string_equal(one(a, "\xC4\xA6" "amrun").term, "hamrun");
    /* Arabic's harakat and tatweel, Hebrew's points: وَزِير, الخـارجية,
     * שָׁלוֹם. */
    assert_string_equal(one(a, "\xD9\x88\xD9\x8E\xD8\xB2\xD9\x90\xD9\x8A\xD8\xB1").term,
                        "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1");
    assert_string_equal(one(a, "\xD8\xA7\xD9\x84\xD8\xAE\xD9\x80\xD8\xA7\xD8\xB1").term,
                        "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xA7\xD8\xB1");
    assert_string_equal(one(a, "\xD7\xA9\xD7\x81\xD6\xB8\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D").term,
                        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    /* A soft hyphen inside a word is invisible: it does not split it. */
    assert_string_equal(one(a, "cyber\xC2\xAD" "attack").term, "cyberattack");
    /* Thai vowel signs are not diacritics to drop. */
    tok th = one(a, "\xE0\xB9\x82\xE0\xB8\x88\xE0\xB8\xA1\xE0\xB8\x95"
                    "\xE0\xB8\xB5"); /* โจมตี */
    assert_string_equal(th.term, "\xE0\xB9\x82\xE0\xB8\x88\xE0\xB8\xA1"
                                 "\xE0\xB8\x95\xE0\xB8\xB5");
    tx_analyzer_free(a);
}

static void test_apostrophes(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    tok curly = one(a, "Iran\xE2\x80\x99s");
    tok ascii = one(a, "Iran's");
    assert_string_equal(curly.term, "iran's");
    assert_string_equal(ascii.term, "iran's");
    assert_string_equal(curly.stem, ascii.stem);
    assert_string_equal(curly.stem, "iran");
    /* Offsets are of the original bytes: ’ is three bytes. */
    assert_int_equal(curly.start, 0);
    assert_int_equal(curly.end, 8);
    /* Other apostrophe-likes: U+02BC, fullwidth U+FF07. */
    assert_string_equal(one(a, "Iran\xCA\xBCs").term, "iran's");
    assert_string_equal(one(a, "Iran\xEF\xBC\x87s").term, "iran's");
    /* Quotes around a word are not part of it. */
    assert_string_equal(terms(a, "\xE2\x80\x98" "quoted\xE2\x80\x99 'too'"),
                        "quoted too");
    assert_string_equal(one(a, "\xCA\xBC" "s").term, "s");
    tx_analyzer_free(a);
}

/* An elided article (l'État, qu'il, dell'arte) is a stop word of its own,
 * so État, etat and l'État meet; an apostrophe elsewhere is the word's. */
static void test_elision(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "L\xE2\x80\x99\xC3\x89tat");
    assert_int_equal(ts.n, 2);
    assert_string_equal(ts.v[0].term, "l");
    assert_true(ts.v[0].flags & TX_STOP);
    assert_int_equal(ts.v[0].start, 0);
    assert_int_equal(ts.v[0].end, 4);
    assert_string_equal(ts.v[1].term, "etat");
    assert_false(ts.v[1].flags & TX_STOP);
    assert_int_equal(ts.v[1].start, 4);
    assert_int_equal(ts.v[1].end, 9);
    assert_int_equal(ts.v[1].pos, 2);
    free(ts.v);
    assert_string_equal(terms(a, "l'administration qu'il s'est"),
                        "l administration qu il s est");
    assert_string_equal(terms(a, "dell'arte jusqu'ici"), "dell arte jusqu ici");
    /* Not an article, or nothing after it: one word. */
    assert_string_equal(terms(a, "aujourd'hui O'Brien Iran's l'"),
                        "aujourd'hui o'brien iran's l");
    /* An English ending after a name or letter like an article. */
    assert_string_equal(terms(a, "Dell's Nell\xE2\x80\x99ll the t's all've"),
                        "dell's nell'll the t's all've");
    tx_analyzer_free(a);
}

/* A zero width space inside a word of an alphabet (a web page's hint
 * where a long word may break) links its parts as a hyphen does, so the
 * word a reader sees is found; between Thai words it only ends one. */
static void test_zero_width_space(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "con\xE2\x80\x8B" "fidential report");
    assert_int_equal(ts.n, 4);
    assert_string_equal(ts.v[0].term, "con");
    assert_true(ts.v[0].flags & TX_PART);
    assert_string_equal(ts.v[1].term, "fidential");
    assert_string_equal(ts.v[2].term, "confidential");
    assert_true(ts.v[2].flags & TX_JOINED);
    assert_int_equal(ts.v[2].start, 0);
    assert_int_equal(ts.v[2].end, 15);
    assert_string_equal(ts.v[3].term, "report");
    free(ts.v);
    ts = run(a, "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE2\x80\x8B"
                "\xE0\xB9\x84\xE0\xB8\x97\xE0\xB8\xA2"); /* Thai: language, Thai */
    for (size_t i = 0; i < ts.n; i++)
        assert_false(ts.v[i].flags & (TX_JOINED | TX_PART));
    free(ts.v);
    tx_analyzer_free(a);
}

/* ------------------------------------------------------------------ */
/* Segmentation                                                        */
/* ------------------------------------------------------------------ */

static void test_nbsp_separates_words(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *s = "Tirana\xC2\xA0" "Albania";
    toks ts = run(a, s);
    assert_int_equal(ts.n, 2);
    assert_string_equal(ts.v[0].term, "tirana");
    assert_int_equal(ts.v[0].start, 0);
    assert_int_equal(ts.v[0].end, 6);
    assert_string_equal(ts.v[1].term, "albania");
    assert_int_equal(ts.v[1].start, 8);
    assert_int_equal(ts.v[1].end, 15);
    assert_int_equal(ts.v[1].pos, 2);
    free(ts.v);
    /* Other Unicode spaces too (thin space, ideographic space). */
    assert_string_equal(terms(a, "a\xE2\x80\x89" "b\xE3\x80\x80" "c"),
                        "a b c");
    tx_analyzer_free(a);
}

static void test_dot_between_letters_splits(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *s = "the sabotage.In July";
    toks ts = run(a, s);
    assert_int_equal(ts.n, 4);
    assert_string_equal(ts.v[1].term, "sabotage");
    assert_int_equal(ts.v[1].start, 4);
    assert_int_equal(ts.v[1].end, 12);
    assert_string_equal(ts.v[2].term, "in");
    assert_int_equal(ts.v[2].start, 13);
    assert_int_equal(ts.v[2].end, 15);
    assert_true(ts.v[2].flags & TX_CAPITAL);
    for (unsigned i = 0; i < 4; i++)
        assert_int_equal(ts.v[i].pos, i + 1);
    free(ts.v);

    assert_string_equal(terms(a, "the U.S. and e.g. x:y"),
                        "the u s and e g x y");
    /* Same after a curly quote (the ICU path). */
    assert_string_equal(terms(a, "\xE2\x80\x9C" "sabotage.In"), "sabotage in");
    /* Digits keep their decimal point, and it stays a number. */
    tok n = one(a, "1.5");
    assert_string_equal(n.term, "1.5");
    assert_true(n.flags & TX_NUMBER);
    assert_string_equal(one(a, "v1.5").term, "v1.5");
    tx_analyzer_free(a);
}

/* A run of underscores (a rule under a heading or above a signature) is
 * ICU's word but no reader's: it takes no position, so a quotation across
 * it reads on; words joined by underscores stay words. */
static void test_connector_runs(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "Under Attack:\n\n__________\n\nIf you");
    assert_int_equal(ts.n, 4);
    assert_string_equal(ts.v[1].term, "attack");
    assert_string_equal(ts.v[2].term, "if");
    assert_int_equal(ts.v[2].pos, 3);
    free(ts.v);
    assert_string_equal(terms(a, "snake_case _ __ x"), "snake_case x");
    /* The ICU path (a curly quote beside it), and the full-width low line. */
    assert_string_equal(terms(a, "\xE2\x80\x9C____\xE2\x80\x9D end"), "end");
    assert_string_equal(terms(a, "\xEF\xBC\xBF\xEF\xBC\xBF \xC3\xA9t\xC3\xA9"), "ete");
    tx_analyzer_free(a);
}

/* Underscores around a word are emphasis (Markdown's _word_, plain-text
 * mail's) or a name's decoration (__init__): the word is read without
 * them, its span too, so a quotation of what a reader sees finds it;
 * underscores inside a word stay. */
static void test_connector_ends(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    assert_string_equal(terms(a, "it was _truly_ remarkable"),
                        "it was truly remarkable");
    assert_string_equal(terms(a, "__init__ _private snake_case_ _x_y_"),
                        "init private snake_case x_y");
    /* The ICU path (a curly quote beside it), and the full-width low line. */
    assert_string_equal(terms(a, "\xE2\x80\x9C_caf\xC3\xA9_\xE2\x80\x9D"), "cafe");
    assert_string_equal(terms(a, "\xEF\xBC\xBF\xC3\xA9t\xC3\xA9\xEF\xBC\xBF"), "ete");
    toks ts = run(a, "He said _remarkable_.");
    assert_int_equal(ts.n, 3);
    assert_int_equal(ts.v[2].start, 9);
    assert_int_equal(ts.v[2].end, 19);
    free(ts.v);
    /* A number is still one when the underscores go ("1__" is ICU's word). */
    tok n = one(a, "1__");
    assert_string_equal(n.term, "1");
    assert_true(n.flags & TX_NUMBER);
    n = one(a, "_2024_");
    assert_string_equal(n.term, "2024");
    assert_true(n.flags & TX_NUMBER);
    tx_analyzer_free(a);

    assert_true(tx_wordless("\n\n____ * * * \xE2\x80\x94\n", 17));
    assert_false(tx_wordless("__a__", 5));
    assert_false(tx_wordless("-- 2 --", 7));
    assert_false(tx_wordless("\xC3\xA9", 2));
    /* A byte that is no UTF-8 may be a letter of another charset. */
    assert_false(tx_wordless("\xE9", 1));
    assert_true(tx_wordless("", 0));
}

static void test_digit_groups(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    tok g = one(a, "2,500");
    tok p = one(a, "2500");
    assert_string_equal(g.term, "2500");
    assert_string_equal(g.term, p.term);
    assert_string_equal(g.stem, "2500");
    assert_true(g.flags & TX_NUMBER);
    assert_true(p.flags & TX_NUMBER);
    assert_int_equal(g.end, 5);
    assert_string_equal(one(a, "1,234,567").term, "1234567");
    assert_string_equal(one(a, "2,500.75").term, "2500.75");
    /* Swiss digit groups, straight or curly: 7'500 and 7’500 are 7500. */
    assert_string_equal(one(a, "7'500").term, "7500");
    assert_string_equal(one(a, "7\xE2\x80\x99" "500").term, "7500");
    assert_string_equal(one(a, "1'234'567").term, "1234567");
    /* Groups set apart by a no-break, thin or narrow no-break space, as
     * French and SI texts write them: the groups, then the number joined
     * as a compound is (8 500: 8, 500, 8500), a number still; a plain
     * space is two numbers, so is a group of other than three digits. */
    toks gs = run(a, "8\xC2\xA0" "500 euros");
    assert_int_equal(gs.n, 4);
    assert_string_equal(gs.v[0].term, "8");
    assert_true(gs.v[0].flags & TX_PART);
    assert_string_equal(gs.v[1].term, "500");
    assert_string_equal(gs.v[2].term, "8500");
    assert_true(gs.v[2].flags & TX_JOINED);
    assert_true(gs.v[2].flags & TX_NUMBER);
    assert_int_equal(gs.v[2].start, 0);
    assert_int_equal(gs.v[2].end, 6);
    assert_string_equal(gs.v[3].term, "euros");
    free(gs.v);
    gs = run(a, "10\xE2\x80\x89" "000\xE2\x80\x89" "000 people");
    assert_int_equal(gs.n, 5);
    assert_string_equal(gs.v[3].term, "10000000");
    free(gs.v);
    assert_string_equal(terms(a, "in 2019 500 people"), "in 2019 500 people");
    gs = run(a, "in 2019\xC2\xA0" "500 people");
    for (size_t i = 0; i < gs.n; i++)
        assert_false(gs.v[i].flags & TX_JOINED);
    free(gs.v);
    gs = run(a, "8\xC2\xA0" "50 euros");
    for (size_t i = 0; i < gs.n; i++)
        assert_false(gs.v[i].flags & TX_JOINED);
    free(gs.v);
    /* A number's minus sign is the number's, its bytes the token's; not
     * a hyphen after a letter, a digit or another hyphen. */
    gs = run(a, "fell by -2.1 and (\xE2\x88\x92" "15)");
    assert_string_equal(gs.v[2].term, "-2.1");
    assert_true(gs.v[2].flags & TX_NUMBER);
    assert_int_equal(gs.v[2].start, 8);
    assert_string_equal(gs.v[4].term, "-15");
    assert_int_equal(gs.v[4].start, 18);
    free(gs.v);
    assert_string_equal(terms(a, "COVID-19 in 2019-20 --1 +5"), "covid 19 in 2019 20 1 5");
    /* Not a digit group: the comma stays. */
    assert_string_equal(one(a, "12,34").term, "12,34");
    assert_string_equal(one(a, "1,2345").term, "1,2345");
    assert_false(one(a, "attack").flags & TX_NUMBER);
    tx_analyzer_free(a);
}

/* A number's percent sign is the word "percent", its bytes the sign's;
 * "per cent" is percent in two words, joined as a compound is; neither a
 * sign after a word nor a "per" before another word is. */
static void test_percent(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *same[] = {"3.5% of", "3.5 % of", "3.5\xEF\xBC\x85 of", "3.5 percent of"};
    for (int i = 0; i < 4; i++)
        assert_string_equal(terms(a, same[i]), "3.5 percent of");
    toks ts = run(a, "fell 3.5% in");
    assert_int_equal(ts.n, 4);
    assert_string_equal(ts.v[2].term, "percent");
    assert_string_equal(ts.v[2].stem, "percent");
    assert_int_equal(ts.v[2].start, 8);
    assert_int_equal(ts.v[2].end, 9);
    assert_int_equal(ts.v[2].pos, ts.v[1].pos + 1);
    assert_int_equal(ts.v[3].pos, ts.v[2].pos + 1);
    assert_int_equal(ts.v[2].flags, 0);
    free(ts.v);
    ts = run(a, "rose 4 %");
    assert_int_equal(ts.v[2].start, 7);
    assert_int_equal(ts.v[2].end, 8);
    free(ts.v);

    ts = run(a, "rose 4 per cent.");
    assert_int_equal(ts.n, 5);
    assert_string_equal(ts.v[2].term, "per");
    assert_true(ts.v[2].flags & TX_PART);
    assert_string_equal(ts.v[3].term, "cent");
    assert_true(ts.v[3].flags & TX_PART);
    assert_string_equal(ts.v[4].term, "percent");
    assert_true(ts.v[4].flags & TX_JOINED);
    assert_int_equal(ts.v[4].start, 7);
    assert_int_equal(ts.v[4].end, 15);
    free(ts.v);
    assert_string_equal(terms(a, "Per Cent"), "per cent");

    const char *no[] = {"a%b", "100%%", "per centime", "per  cent", "%5", "paper cent"};
    const char *want[] = {"a b", "100 percent", "per centime", "per cent", "5", "paper cent"};
    for (int i = 0; i < 6; i++) {
        assert_string_equal(terms(a, no[i]), want[i]);
        ts = run(a, no[i]);
        for (size_t j = 0; j < ts.n; j++)
            if (ts.v[j].flags & TX_JOINED)
                fail_msg("\"%s\": %s is joined", no[i], ts.v[j].term);
        free(ts.v);
    }
    tx_analyzer_free(a);
}

/* A currency sign just before a number or after it (maybe after a
 * space) names its currency; a sign after a number that another number
 * follows is that one's; the sign is no word of its own. */
static void test_currency(void **state)
{
    (void)state;
    const uint32_t dollars = tx_unit_groups("dollars", 7), euros = tx_unit_groups("euro", 4),
                   pounds = tx_unit_groups("gbp", 3), yen = tx_unit_groups("yen", 3);
    struct {
        const char *text;
        size_t start, end;
        uint32_t want;
    } cases[] = {
        {"paid $5 million", 6, 7, dollars},
        {"30 \xE2\x82\xAC a week", 0, 2, euros},
        {"30\xE2\x82\xAC", 0, 2, euros},
        {"\xE2\x82\xAC" "20", 3, 5, euros},
        {"\xC2\xA3" "50 a year", 2, 4, pounds},
        {"\xEF\xBC\x84" "7", 3, 4, dollars},
        {"\xC2\xA5" "300", 2, 5, yen},
        {"US$9", 3, 4, dollars},
        {"5 $6", 0, 1, 0},
        {"5 $6", 3, 4, dollars},
        {"cost 5$", 5, 6, dollars},
        {"5  $", 0, 1, 0},
        {"in 5 years", 3, 4, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (tx_currency_by(cases[i].text, strlen(cases[i].text), cases[i].start,
                           cases[i].end) != cases[i].want)
            fail_msg("\"%s\" at %zu", cases[i].text, cases[i].start);
    tx_analyzer *a = new_analyzer();
    assert_string_equal(terms(a, "paid $5 million"), "paid 5 million");
    tx_analyzer_free(a);
}

/* A unit's abbreviation glued to a number is a word of its own, as it is
 * after a space; other letters after digits stay one word with them. */
static void test_glued_units(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "lies 40km outside");
    assert_int_equal(ts.n, 4);
    assert_string_equal(ts.v[1].term, "40");
    assert_true(ts.v[1].flags & TX_NUMBER);
    assert_int_equal(ts.v[1].start, 5);
    assert_int_equal(ts.v[1].end, 7);
    assert_string_equal(ts.v[2].term, "km");
    assert_false(ts.v[2].flags & TX_NUMBER);
    assert_int_equal(ts.v[2].start, 7);
    assert_int_equal(ts.v[2].end, 9);
    assert_int_equal(ts.v[2].pos, ts.v[1].pos + 1);
    free(ts.v);
    const char *in[] = {"2.5kg", "1,000KM", "24hrs", "5GB", "40 km", "90mins",
                        "1990s", "5G", "4th", "3D", "16h30", "1.5m", "500k", "2bn", "km5"};
    const char *want[] = {"2.5 kg", "1000 km", "24 hrs", "5 gb", "40 km", "90 mins",
                          "1990s", "5g", "4th", "3d", "16h30", "1.5m", "500k", "2bn", "km5"};
    for (int i = 0; i < 15; i++)
        if (strcmp(terms(a, in[i]), want[i]) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", in[i], terms(a, in[i]), want[i]);
    tx_analyzer_free(a);
}

/* Units and currencies by their names: the groups of two names meet when
 * they name one unit. */
static void test_unit_groups(void **state)
{
    (void)state;
    const char *same[][2] = {{"km", "kilometres"}, {"kilometers", "kilometres"},
                             {"KM", "kms"}, {"hrs", "hours"}, {"usd", "dollars"},
                             {"lbs", "pounds"}, {"gbp", "pounds"}, {"Sterling", "pound"},
                             {"kg", "kilos"}, {"GB", "gigabytes"}};
    for (int i = 0; i < 10; i++)
        if (!(tx_unit_groups(same[i][0], strlen(same[i][0])) &
              tx_unit_groups(same[i][1], strlen(same[i][1]))))
            fail_msg("%s and %s", same[i][0], same[i][1]);
    const char *other[][2] = {{"km", "miles"}, {"lbs", "gbp"}, {"usd", "euros"},
                              {"mb", "gb"}, {"hours", "minutes"}};
    for (int i = 0; i < 5; i++)
        if (tx_unit_groups(other[i][0], strlen(other[i][0])) &
            tx_unit_groups(other[i][1], strlen(other[i][1])))
            fail_msg("%s and %s", other[i][0], other[i][1]);
    assert_int_equal(tx_unit_groups("attack", 6), 0);
    assert_int_equal(tx_unit_groups("", 0), 0);
    assert_true(tx_unit_glued("km", 2));
    assert_true(tx_unit_glued("KG", 2));
    assert_false(tx_unit_glued("kilometres", 10));
    assert_true(tx_unit_glued("mins", 4));
    assert_false(tx_unit_glued("m", 1));
    assert_false(tx_unit_glued("g", 1));
    assert_false(tx_unit_glued("s", 1));
}

/* British spellings meet their American ones by the regular patterns
 * and a list; words the patterns would make other words of stay apart. */
static void test_us_spelling(void **state)
{
    (void)state;
    const char *same[][2] = {
        {"organisation", "organization"}, {"organised", "organized"},
        {"organising", "organizing"},     {"colour", "color"},
        {"favourite", "favorite"},        {"honourable", "honorable"},
        {"centre", "center"},             {"centred", "centered"},
        {"theatres", "theaters"},         {"defence", "defense"},
        {"licence", "license"},           {"catalogue", "catalog"},
        {"travelled", "traveled"},        {"cancelling", "canceling"},
        {"programme", "program"},         {"analysed", "analyzed"},
        {"grey", "gray"}};
    const char *apart[][2] = {{"four", "for"},     {"filled", "filed"}, {"hours", "hors"},
                              {"fence", "fense"},  {"there", "ther"},   {"vogue", "vog"},
                              {"acre", "acer"},    {"called", "caled"}, {"string", "stering"}};
    char a[TX_SPELLING_MAX], b[TX_SPELLING_MAX];
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        size_t na = tx_us_spelling(same[i][0], strlen(same[i][0]), a);
        size_t nb = tx_us_spelling(same[i][1], strlen(same[i][1]), b);
        if (na != nb || strcmp(a, b) != 0 || strcmp(b, same[i][1]) != 0)
            fail_msg("%s -> %s, %s -> %s", same[i][0], a, same[i][1], b);
    }
    for (size_t i = 0; i < sizeof apart / sizeof *apart; i++) {
        tx_us_spelling(apart[i][0], strlen(apart[i][0]), a);
        tx_us_spelling(apart[i][1], strlen(apart[i][1]), b);
        if (strcmp(a, b) == 0)
            fail_msg("%s and %s meet as %s", apart[i][0], apart[i][1], a);
    }
    /* A word longer than the buffer comes out cut, not overrun. */
    char longword[200];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    assert_true(tx_us_spelling(longword, strlen(longword), a) < TX_SPELLING_MAX);
}

/* The forms of an irregular verb share its base, in a table ordered
 * for its search; other words, and nouns of another sense, have none. */
static void test_verb_base(void **state)
{
    (void)state;
    assert_true(tx_verb_forms_sorted());
    const char *same[][2] = {{"fell", "fall"},     {"fallen", "falls"}, {"rose", "risen"},
                             {"won", "wins"},      {"grew", "grown"},   {"lost", "losing"},
                             {"upheld", "uphold"}, {"arise", "arose"},  {"withheld", "withhold"}};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        const char *a = tx_verb_base(same[i][0]), *b = tx_verb_base(same[i][1]);
        if (!a || !b || strcmp(a, b) != 0)
            fail_msg("%s and %s are not one verb", same[i][0], same[i][1]);
    }
    const char *none[] = {"left", "meeting", "building", "rised", "said",
                          "was",  "aaa",     "zzz",      ""};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (tx_verb_base(none[i]))
            fail_msg("%s has a base", none[i]);
}

static void test_cjk_and_thai(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *zh = "阿尔巴尼亚遭受网络攻击";
    const char *th = "ประเทศแอลเบเนียถูกโจมตีทางไซเบอร์";
    const char *texts[] = {zh, th};
    for (int t = 0; t < 2; t++) {
        toks ts = run(a, texts[t]);
        assert_true(ts.n >= 3);
        size_t prev_end = 0;
        for (size_t i = 0; i < ts.n; i++) {
            assert_true(ts.v[i].flags & TX_IDEO);
            assert_string_equal(ts.v[i].stem, ts.v[i].term);
            assert_int_equal(ts.v[i].pos, i + 1);
            /* The words tile the text. */
            assert_int_equal(ts.v[i].start, prev_end);
            assert_memory_equal(ts.v[i].term, texts[t] + ts.v[i].start,
                                ts.v[i].end - ts.v[i].start);
            prev_end = ts.v[i].end;
        }
        assert_int_equal(prev_end, strlen(texts[t]));
        free(ts.v);
    }
    /* A dictionary word in a mixed text, found again alone. */
    toks ts = run(a, "Albania (阿尔巴尼亚) was attacked");
    int found = 0;
    for (size_t i = 0; i < ts.n; i++)
        found |= strcmp(ts.v[i].term, "阿尔巴尼亚") == 0;
    assert_true(found);
    free(ts.v);
    tx_analyzer_free(a);
}

/* ------------------------------------------------------------------ */
/* Compounds and positions                                             */
/* ------------------------------------------------------------------ */

static void test_hyphen_compound(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "cyber-attack");
    assert_int_equal(ts.n, 3);
    assert_string_equal(ts.v[0].term, "cyber");
    assert_true(ts.v[0].flags & TX_PART);
    assert_int_equal(ts.v[0].pos, 1);
    assert_int_equal(ts.v[0].start, 0);
    assert_int_equal(ts.v[0].end, 5);
    assert_string_equal(ts.v[1].term, "attack");
    assert_true(ts.v[1].flags & TX_PART);
    assert_int_equal(ts.v[1].pos, 2);
    assert_int_equal(ts.v[1].start, 6);
    assert_int_equal(ts.v[1].end, 12);
    assert_string_equal(ts.v[2].term, "cyberattack");
    assert_true(ts.v[2].flags & TX_JOINED);
    assert_false(ts.v[2].flags & TX_PART);
    assert_int_equal(ts.v[2].pos, 1);
    assert_int_equal(ts.v[2].start, 0);
    assert_int_equal(ts.v[2].end, 12);
    /* The one-word spelling meets the joined form, term and stem. */
    tok w = one(a, "cyberattack");
    assert_string_equal(w.term, ts.v[2].term);
    assert_string_equal(w.stem, ts.v[2].stem);
    assert_false(w.flags & (TX_JOINED | TX_PART));
    free(ts.v);

    /* U+2010 and U+2011 hyphens join too; offsets cover the whole. */
    const char *uh[] = {"cyber\xE2\x80\x90" "attack",
                        "cyber\xE2\x80\x91" "attack"};
    for (int i = 0; i < 2; i++) {
        ts = run(a, uh[i]);
        assert_int_equal(ts.n, 3);
        assert_string_equal(ts.v[2].term, "cyberattack");
        assert_int_equal(ts.v[1].start, 8);
        assert_int_equal(ts.v[2].end, 14);
        free(ts.v);
    }

    /* real-time and realtime meet. */
    ts = run(a, "real-time");
    assert_int_equal(ts.n, 3);
    tok rt = one(a, "realtime");
    assert_string_equal(ts.v[2].term, rt.term);
    assert_string_equal(ts.v[2].stem, rt.stem);
    free(ts.v);

    /* Not compounds: spaces, two hyphens, an en dash, a number range. */
    const char *no[] = {"cyber - attack", "cyber--attack",
                        ("cyber\xE2\x80\x93" "attack"), "15-20", "cyber-"};
    for (int i = 0; i < 5; i++) {
        ts = run(a, no[i]);
        for (size_t j = 0; j < ts.n; j++)
            if (ts.v[j].flags & (TX_JOINED | TX_PART))
                fail_msg("\"%s\": %s is flagged %#x", no[i], ts.v[j].term,
                         ts.v[j].flags);
        free(ts.v);
    }
    tx_analyzer_free(a);
}

/* An acronym written with points is its letters and their joined form,
 * as a compound is: "U.S." meets "US", "M.E.K." meets "MEK"; not small
 * letters (a.m., e.g.), nor a letter's point before a word (plan B. A). */
static void test_dotted_acronym(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "the U.S. said");
    assert_int_equal(ts.n, 5);
    assert_string_equal(ts.v[1].term, "u");
    assert_true(ts.v[1].flags & TX_PART);
    assert_string_equal(ts.v[2].term, "s");
    assert_true(ts.v[2].flags & TX_PART);
    assert_int_equal(ts.v[2].pos, ts.v[1].pos + 1);
    assert_string_equal(ts.v[3].term, "us");
    assert_true(ts.v[3].flags & TX_JOINED);
    assert_int_equal(ts.v[3].pos, ts.v[1].pos);
    assert_int_equal(ts.v[3].start, 4);
    assert_int_equal(ts.v[3].end, 7);
    assert_int_equal(ts.v[4].pos, ts.v[2].pos + 1);
    tok us = one(a, "US");
    assert_string_equal(us.term, ts.v[3].term);
    assert_string_equal(us.stem, ts.v[3].stem);
    free(ts.v);
    const char *yes[] = {"M.E.K. members", "J.F.K"}, *joined[] = {"mek", "jfk"};
    for (int i = 0; i < 2; i++) {
        ts = run(a, yes[i]);
        int found = 0;
        for (size_t j = 0; j < ts.n; j++)
            found |= (ts.v[j].flags & TX_JOINED) && strcmp(ts.v[j].term, joined[i]) == 0;
        if (!found)
            fail_msg("\"%s\": no joined %s", yes[i], joined[i]);
        free(ts.v);
    }

    const char *no[] = {"at 3 p.m. today", "e.g. this", "plan B. A new", "U. S. Grant"};
    for (int i = 0; i < 4; i++) {
        ts = run(a, no[i]);
        for (size_t j = 0; j < ts.n; j++)
            if (ts.v[j].flags & (TX_JOINED | TX_PART))
                fail_msg("\"%s\": %s is flagged %#x", no[i], ts.v[j].term, ts.v[j].flags);
        free(ts.v);
    }
    tx_analyzer_free(a);
}

/* An acronym's points end no sentence, but the last one before a word
 * written with a capital may ("in the U.S. The next day"). */
static void test_acronym_point(void **state)
{
    (void)state;
    const char *t = "the U.S. was; M.E.K. members; in the U.S. The day; plan B. A; U. S.";
    size_t len = strlen(t);
    const char *inner[] = {"U.S. was", "M.E.K.", "E.K."};
    for (int i = 0; i < 3; i++)
        assert_true(tx_acronym_point(t, len, (size_t)(strstr(t, inner[i]) - t) + 1));
    /* The last point: before "was" and "members", within the sentence. */
    assert_true(tx_acronym_point(t, len, (size_t)(strstr(t, "S. was") - t) + 1));
    assert_true(tx_acronym_point(t, len, (size_t)(strstr(t, "K. members") - t) + 1));
    assert_false(tx_acronym_point(t, len, (size_t)(strstr(t, "S. The") - t) + 1));
    assert_false(tx_acronym_point(t, len, (size_t)(strstr(t, "B. A") - t) + 1));
    assert_false(tx_acronym_point(t, len, (size_t)(strstr(t, "U. S.") - t) + 1));
    assert_false(tx_acronym_point(t, len, len - 1)); /* the text's end */
    assert_false(tx_acronym_point("ABC. x", 6, 3));
    assert_false(tx_acronym_point("U.S.", 4, 0));
}

/* tx_acronym_written as the index asks it. */
static int written_as_acronym(const char *w, size_t len)
{
    return tx_acronym_written(w, len, TX_INITIALS_MIN, TX_INITIALS_MAX);
}

/* What the runs of names in `text` spell, as "letters=bytes" lines. */
typedef struct spelled {
    const char *text;
    char out[2048];
} spelled;

static void on_spelled(void *ctx, const char *letters, size_t n, size_t start,
                       size_t end)
{
    spelled *sp = ctx;
    size_t at = strlen(sp->out);
    assert_int_equal(strlen(letters), n);
    snprintf(sp->out + at, sizeof sp->out - at, "%s=%.*s\n", letters,
             (int)(end - start), sp->text + start);
}

static int feed_spelled(void *ctx, const tx_token *t)
{
    spelled *sp = ((void **)ctx)[1];
    tx_initials_feed(((void **)ctx)[0], sp->text, t->term, t->flags, t->start,
                     t->end, on_spelled, sp);
    return 0;
}

static const char *initials_of(tx_analyzer *a, spelled *sp, const char *text)
{
    tx_initials runs;
    tx_initials_init(&runs, TX_INITIALS_MIN);
    memset(sp->out, 0, sizeof sp->out);
    sp->text = text;
    void *ctx[2] = {&runs, sp};
    char *msg = NULL;
    assert_int_equal(tx_analyze(a, text, strlen(text), 1, feed_spelled, ctx, &msg), CS_OK);
    tx_initials_end(&runs, on_spelled, sp);
    return sp->out;
}

static void test_initials(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    spelled sp;
    /* Stop words between names are left out; the run's bytes are its
     * names' (the "The" before it none of them). */
    assert_string_equal(initials_of(a, &sp, "The National Council for Resistance in Iran, an "
                                            "organisation"),
                        "ncr=National Council for Resistance\n"
                        "ncri=National Council for Resistance in Iran\n"
                        "cri=Council for Resistance in Iran\n");
    /* A compound's later parts count whatever their case. */
    assert_string_equal(initials_of(a, &sp, "members of Mujahedin-e Khalq live"),
                        "mek=Mujahedin-e Khalq\n");
    assert_string_equal(initials_of(a, &sp, "the People\u2019s Mojahedin Organisation of Iran"),
                        "pmo=People\u2019s Mojahedin Organisation\n"
                        "pmoi=People\u2019s Mojahedin Organisation of Iran\n"
                        "moi=Mojahedin Organisation of Iran\n");
    /* Every stretch of three words or more: the Albanian NSC too. */
    assert_string_equal(initials_of(a, &sp, "the Albanian National Security Council met"),
                        "ans=Albanian National Security\n"
                        "ansc=Albanian National Security Council\n"
                        "nsc=National Security Council\n");
    /* Two names spell nothing; a comma, a point or a line between
     * paragraphs ends a run; a stop word ends none that it does not
     * join, nor do three. */
    assert_string_equal(initials_of(a, &sp, "Edi Rama said"), "");
    assert_string_equal(initials_of(a, &sp, "Tirana, Albania, Iran and Iraq"), "");
    assert_string_equal(initials_of(a, &sp, "Bank Of New York. Bank of the West"),
                        "bny=Bank Of New York\n");
    assert_string_equal(initials_of(a, &sp, "Albania National\n\nSecurity Council"), "");
    assert_string_equal(initials_of(a, &sp, "Albania National\nSecurity Council"),
                        "ans=Albania National\nSecurity\n"
                        "ansc=Albania National\nSecurity Council\n"
                        "nsc=National\nSecurity Council\n");
    assert_string_equal(initials_of(a, &sp, "Albania and the Iran of the Iraq"),
                        "aii=Albania and the Iran of the Iraq\n");
    assert_string_equal(initials_of(a, &sp, "Albania and of the Iran Iraq"), "");
    /* A run longer than TX_INITIALS_RUN names (a title in capitals) spells
     * nothing; digits and lower-case words are no names. */
    assert_string_equal(initials_of(a, &sp, "One Two Three Four Five Six Seven Eight Nine"), "");
    assert_string_equal(initials_of(a, &sp, "Area 51 Base Camp"), "");
    tx_analyzer_free(a);
    /* How an acronym is written, as the index marks it: three to six
     * capitals A-Z. */
    const char *w = "PMOI Pmoi NCRIABC US P.M. MEK";
    assert_true(written_as_acronym(w, 4));
    assert_false(written_as_acronym(w + 5, 4));
    assert_false(written_as_acronym(w + 10, 7));
    assert_false(written_as_acronym(w + 18, 2));
    assert_false(written_as_acronym(w + 21, 4));
    assert_true(written_as_acronym(w + 26, 3));
    assert_true(tx_acronym_written(w + 18, 2, 2, TX_INITIALS_MAX)); /* a query's US */
}

static void test_positions(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *s = "The state-of-the-art cyber-attack hit 2,500 systems.";
    toks ts = run_pos(a, s, strlen(s), 10);
    /* Words: the state of the art cyber attack hit 2500 systems = 10. */
    unsigned expect = 10, joined = 0;
    for (size_t i = 0; i < ts.n; i++) {
        if (ts.v[i].flags & TX_JOINED) {
            joined++;
            continue;
        }
        assert_int_equal(ts.v[i].pos, expect);
        expect++;
    }
    assert_int_equal(expect, 20);
    assert_int_equal(joined, 2);
    /* Each joined token follows its last part and has its first part's
     * position and start. */
    for (size_t i = 0; i < ts.n; i++) {
        if (!(ts.v[i].flags & TX_JOINED))
            continue;
        size_t first = i;
        while (first > 0 && (ts.v[first - 1].flags & TX_PART) &&
               ts.v[first - 1].start >= ts.v[i].start)
            first--;
        assert_true(first < i);
        assert_int_equal(ts.v[first].pos, ts.v[i].pos);
        assert_int_equal(ts.v[first].start, ts.v[i].start);
        assert_int_equal(ts.v[i - 1].end, ts.v[i].end);
    }
    assert_string_equal(ts.v[5].term, "stateoftheart");
    assert_int_equal(ts.v[5].pos, 11);
    free(ts.v);

    /* A callback returning non-zero stops the analysis. */
    toks st = {0};
    st.stop_after = 2;
    char *msg = NULL;
    assert_int_equal(tx_analyze(a, s, strlen(s), 1, collect, &st, &msg),
                     CS_OK);
    assert_int_equal(st.n, 2);
    free(st.v);

    /* Empty and word-less inputs. */
    ts = run(a, "");
    assert_int_equal(ts.n, 0);
    ts = run(a, " \n\t-- ... \xE2\x80\x9C\xE2\x80\x9D \xF0\x9F\x98\x80");
    assert_int_equal(ts.n, 0);
    free(ts.v);
    tx_analyzer_free(a);
}

/* ------------------------------------------------------------------ */
/* Stems and flags                                                     */
/* ------------------------------------------------------------------ */

static void test_stems(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    tok k1 = one(a, "attacks");
    tok k2 = one(a, "attacked");
    tok k3 = one(a, "Attacking");
    assert_string_equal(k1.stem, k2.stem);
    assert_string_equal(k1.stem, k3.stem);
    assert_string_equal(k1.stem, "attack");
    assert_string_equal(k1.term, "attacks");
    /* Repeated words come from the stem cache: same answer. */
    for (int i = 0; i < 3; i++)
        assert_string_equal(one(a, "attacked").stem, "attack");
    /* Numbers and non-Latin words stem to themselves. */
    assert_string_equal(one(a, "2022").stem, "2022");
    tok ru = one(a, "Москвы");
    assert_string_equal(ru.term, "москвы");
    assert_string_equal(ru.stem, ru.term);
    assert_string_equal(one(a, "Albanian's").stem, "albanian");
    tx_analyzer_free(a);
}

/* tx_analyzer_stem_only rests on this: an English stem begins with its
 * word's first byte, the Snowball exceptions and y-endings included. */
static void test_stem_keeps_first_byte(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    static const char *const words[] = {
        "dying", "lying", "tying", "skies", "skis", "idly", "gently", "ugly",
        "early", "only", "singly", "news", "howe", "atlas", "cosmos", "bias",
        "andes", "happy", "cries", "yelling", "youths", "generously",
        "communism", "succeeded", "proceeding", "exceed", "inning", "outing",
        "canning", "herring", "earring", "evening", "ireland's", "o'neill",
        "e-mail", "x-rays", "zigzagging", "1990s", "9th"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        toks ts = run(a, words[i]);
        for (size_t k = 0; k < ts.n; k++)
            if (ts.v[k].stem[0] != ts.v[k].term[0])
                fail_msg("%s: stem %s of %s", words[i], ts.v[k].stem, ts.v[k].term);
        free(ts.v);
    }
    tx_analyzer_free(a);
}

/* Only words with a flagged first byte are stemmed; the others keep
 * their term, and a cached stem does not leak past the filter. */
static void test_stem_only(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    assert_string_equal(one(a, "attacked").stem, "attack"); /* cached */
    unsigned char first[256] = {0};
    first['h'] = 1;
    tx_analyzer_stem_only(a, first);
    assert_string_equal(one(a, "hacked").stem, "hack");
    assert_string_equal(one(a, "attacked").stem, "attacked");
    assert_string_equal(one(a, "2022").stem, "2022");
    tx_analyzer_stem_only(a, NULL);
    assert_string_equal(one(a, "attacked").stem, "attack");
    tx_analyzer_free(a);
}

static void test_stopwords(void **state)
{
    (void)state;
    const char *stop[] = {"a", "an", "the", "of", "and", "or", "in", "on",
                          "at", "to", "for", "by", "with", "from", "is",
                          "was", "were", "be", "been", "it", "its", "that",
                          "this", "which", "who", "yourselves"};
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        if (!tx_is_stopword(stop[i], strlen(stop[i])))
            fail_msg("\"%s\" is not a stop word", stop[i]);
    const char *word[] = {"attack", "iran", "albania", "", "th", "thee",
                          "not", "yourselvesx", "z"};
    for (size_t i = 0; i < sizeof word / sizeof *word; i++)
        if (tx_is_stopword(word[i], strlen(word[i])))
            fail_msg("\"%s\" is a stop word", word[i]);
    /* Length-bounded: a prefix of the buffer is looked up. */
    assert_true(tx_is_stopword("thereafter", 5));
    assert_false(tx_is_stopword("the", 2));

    tx_analyzer *a = new_analyzer();
    toks ts = run(a, "The attack on Albania");
    assert_int_equal(ts.n, 4);
    assert_true(ts.v[0].flags & TX_STOP);
    assert_true(ts.v[0].flags & TX_CAPITAL);
    assert_false(ts.v[1].flags & TX_STOP);
    assert_true(ts.v[2].flags & TX_STOP);
    assert_false(ts.v[3].flags & TX_STOP);
    free(ts.v);
    tx_analyzer_free(a);
}

/* ------------------------------------------------------------------ */
/* Offsets                                                             */
/* ------------------------------------------------------------------ */

static int is_boundary(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) != 0x80;
}

static void test_offsets_round_trip(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *texts[] = {
        "Zyrtarët shqiptarë thanë se sulmi kibernetik \xE2\x80\x9C"
        "n\xC3\xABpërmjet\xE2\x80\x9D ishte i Iranit. Kryeministri Edi Rama "
        "dhe Prokurori Olsjan Çela; Naço.",
        "阿尔巴尼亚遭受网络攻击 (cyber-attack) 😀👍🏽 Iran’s “Homeland "
        "Justice” claimed 2,500 files; ÇELA said: sabotage.In U.S. "
        "état-major naïve\xC2\xA0" "café",
        "ประเทศแอลเบเนียถูกโจมตีทางไซเบอร์ — Москва, Αθήνα, عربي "
        "x_y l·l ʼs C\xCC\xA7" "ela",
        ("bad\xFF" "byte \xE2\x80 half \xC3 end\xF0\x9F"),
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        const char *s = texts[t];
        size_t len = strlen(s);
        toks ts = run(a, s);
        assert_true(ts.n >= 4);
        /* Bytes that are not UTF-8 are characters of their own. */
        int utf8 = tx_utf8_check(s, len) == len;
        for (size_t i = 0; i < ts.n; i++) {
            tok *k = &ts.v[i];
            assert_true(k->start < k->end);
            assert_true(k->end <= len);
            assert_true(!utf8 || is_boundary(s, k->start));
            assert_true(!utf8 || k->end == len || is_boundary(s, k->end));
            /* The bytes [start, end) analyze to the same term. */
            toks sub = run_pos(a, s + k->start, k->end - k->start, 1);
            int found = 0;
            for (size_t j = 0; j < sub.n; j++) {
                unsigned f = k->flags & TX_JOINED;
                if ((sub.v[j].flags & TX_JOINED) == f &&
                    strcmp(sub.v[j].term, k->term) == 0)
                    found = 1;
            }
            if (!(k->flags & TX_JOINED)) /* a word is one word alone */
                found &= sub.n == 1;
            if (!found)
                fail_msg("text %zu: \"%s\" at [%zu, %zu) does not "
                         "re-analyze alike",
                         t, k->term, k->start, k->end);
            free(sub.v);
        }
        free(ts.v);
    }
    tx_analyzer_free(a);
}

/* Bytes that are not UTF-8 read as Windows-1252: the words of a Latin-1
 * text are those of the same text in UTF-8, at the Latin-1 bytes. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char latin[] = "Caf\xE9 cr\xE8me \x93Gen\xE8ve\x94 na\xEFve \x80" "5";
    const char utf8[] = "Caf\xC3\xA9 cr\xC3\xA8me \xE2\x80\x9CGen\xC3\xA8ve"
                        "\xE2\x80\x9D na\xC3\xAFve \xE2\x82\xAC" "5";
    toks l = run_pos(a, latin, sizeof latin - 1, 1);
    toks u = run_pos(a, utf8, sizeof utf8 - 1, 1);
    assert_int_equal(l.n, u.n);
    assert_int_equal(l.n, 5);
    const size_t starts[] = {0, 5, 12, 20, 27}, ends[] = {4, 10, 18, 25, 28};
    for (size_t i = 0; i < l.n; i++) {
        assert_string_equal(l.v[i].term, u.v[i].term);
        assert_string_equal(l.v[i].stem, u.v[i].stem);
        assert_int_equal(l.v[i].flags, u.v[i].flags);
        assert_int_equal(l.v[i].start, starts[i]);
        assert_int_equal(l.v[i].end, ends[i]);
    }
    free(l.v);
    free(u.v);
    /* Any invalid sequence so: a lone byte is a letter (\xFF y-diaeresis)
     * and a byte Windows-1252 leaves undefined (\x81) is no word. */
    const char s[] = "bad\xFF" "byte \x81 ok";
    toks ts = run_pos(a, s, sizeof s - 1, 1);
    assert_int_equal(ts.n, 2);
    assert_int_equal(ts.v[0].start, 0);
    assert_int_equal(ts.v[0].end, 8);
    assert_string_equal(ts.v[1].term, "ok");
    assert_int_equal(ts.v[1].start, 11);
    free(ts.v);
    /* A NUL byte is not the end of the text. */
    ts = run_pos(a, "one\0two", 7, 1);
    assert_int_equal(ts.n, 2);
    free(ts.v);
    tx_analyzer_free(a);
}

static void test_utf8_check(void **state)
{
    (void)state;
    const char ok[] = "plain ÇELA 阿尔 😀";
    assert_int_equal(tx_utf8_check(ok, sizeof ok - 1), sizeof ok - 1);
    assert_int_equal(tx_utf8_check("", 0), 0);
    assert_int_equal(tx_utf8_check("abc\xFF", 4), 3);
    assert_int_equal(tx_utf8_check("ab\xC0\x80", 4), 2);        /* overlong */
    assert_int_equal(tx_utf8_check("\xED\xA0\x80", 3), 0);      /* surrogate */
    assert_int_equal(tx_utf8_check("x\xF4\x90\x80\x80", 5), 1); /* > 10FFFF */
    assert_int_equal(tx_utf8_check("0123456789\xE2\x80", 12), 10); /* cut */
    assert_int_equal(tx_utf8_check("\xC3\xA7\x80", 3), 2); /* stray trail */
    /* Only the given length counts. */
    assert_int_equal(tx_utf8_check("\xC3\xA7", 1), 0);
}

/* The two UTF-8 copies of text that may not be UTF-8.  tx_utf8_sanitize:
 * one U+FFFD per maximal subpart of an ill-formed sequence, what Python's
 * bytes.decode('utf-8', 'replace') gives, byte for byte.  tx_utf8_legacy:
 * each byte of it read as Windows-1252, what bytes.decode('cp1252') gives
 * for those bytes, U+FFFD for the five it leaves undefined.  Both keep
 * valid UTF-8 as it is. */
static void test_utf8_copies(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t len;
        const char *sanitized, *legacy;
    } cases[] = {
        {"ok \xC3\xA7", 5, "ok \xC3\xA7", "ok \xC3\xA7"},
        {"caf\xE9 x", 6, "caf\xEF\xBF\xBD x", "caf\xC3\xA9 x"}, /* Latin-1 */
        {"a\xE2\x82 b", 5, "a\xEF\xBF\xBD b",                  /* cut: one */
         "a\xC3\xA2\xE2\x80\x9A b"},                         /* or both */
        {"\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", /* surrogate */
         "\xC3\xAD\xC2\xA0\xE2\x82\xAC"},
        {"\xC0\x80", 2, "\xEF\xBF\xBD\xEF\xBF\xBD",                /* overlong */
         "\xC3\x80\xE2\x82\xAC"},
        {"\xF0\x9F\x98", 3, "\xEF\xBF\xBD",                    /* cut at the end */
         "\xC3\xB0\xC5\xB8\xCB\x9C"},
        {"\xFF\xFE", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", "\xC3\xBF\xC3\xBE"},
        {"x\xF4\x90\x80\x80", 5,                                  /* > 10FFFF */
         "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
         "x\xC3\xB4\xEF\xBF\xBD\xE2\x82\xAC\xE2\x82\xAC"},
        {"\x93q\x94 \x81", 5, "\xEF\xBF\xBDq\xEF\xBF\xBD \xEF\xBF\xBD",
         "\xE2\x80\x9Cq\xE2\x80\x9D \xEF\xBF\xBD"},             /* undefined */
        {"", 0, "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        for (int legacy = 0; legacy < 2; legacy++) {
            size_t n = 0;
            const char *want = legacy ? cases[i].legacy : cases[i].sanitized;
            char *out = legacy ? tx_utf8_legacy(cases[i].in, cases[i].len, &n)
                               : tx_utf8_sanitize(cases[i].in, cases[i].len, &n);
            assert_non_null(out);
            assert_int_equal(n, strlen(want));
            assert_memory_equal(out, want, n);
            assert_int_equal(out[n], '\0');
            assert_int_equal(tx_utf8_check(out, n), n);
            free(out);
        }
    }
    /* tx_utf8_latin1: every byte its own character, valid UTF-8 too, so
     * the bytes come back whole (what Python's decode('latin-1') gives). */
    size_t n = 0;
    char *out = tx_utf8_latin1("caf\xE9 \xC3\xA7\x80", 8, &n);
    assert_non_null(out);
    assert_int_equal(n, 12);
    assert_memory_equal(out, "caf\xC3\xA9 \xC3\x83\xC2\xA7\xC2\x80", 13);
    free(out);
}

/* ------------------------------------------------------------------ */
/* tx_normalize                                                        */
/* ------------------------------------------------------------------ */

static void test_normalize(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    char *out = NULL, *msg = NULL;
    size_t n = 0;
    const char *s = "  \xC3\x87" "ELA,  Iran\xE2\x80\x99s cyber-attack 2,500 ";
    assert_int_equal(tx_normalize(a, s, strlen(s), &out, &n, &msg), CS_OK);
    assert_string_equal(out, "cela iran's cyber attack 2500");
    assert_int_equal(n, strlen(out));
    free(out);
    assert_int_equal(tx_normalize(a, "", 0, &out, &n, &msg), CS_OK);
    assert_string_equal(out, "");
    assert_int_equal(n, 0);
    free(out);
    assert_int_equal(tx_normalize(a, "Sq", 2, &out, NULL, &msg), CS_OK);
    assert_string_equal(out, "sq");
    free(out);
    tx_analyzer_free(a);
}

/* ------------------------------------------------------------------ */
/* The ASCII fast path against ICU                                     */
/* ------------------------------------------------------------------ */

static void compare_paths(tx_analyzer *fast, tx_analyzer *icu, const char *s,
                          size_t len)
{
    toks f = run_pos(fast, s, len, 1), i = run_pos(icu, s, len, 1);
    int same = f.n == i.n;
    for (size_t k = 0; same && k < f.n; k++)
        same = f.v[k].start == i.v[k].start && f.v[k].end == i.v[k].end &&
               f.v[k].pos == i.v[k].pos && f.v[k].flags == i.v[k].flags &&
               strcmp(f.v[k].term, i.v[k].term) == 0 &&
               strcmp(f.v[k].stem, i.v[k].stem) == 0;
    if (!same)
        fail_msg("ASCII path and ICU differ on \"%.*s\" (%zu vs %zu tokens)",
                 (int)len, s, f.n, i.n);
    free(f.v);
    free(i.v);
}

static void test_ascii_path_matches_icu(void **state)
{
    (void)state;
    tx_analyzer *fast = new_analyzer(), *icu = new_analyzer();
    icu->icu_only = 1;
    static const char *const pieces[] = {
        "a", "B", "z", "1", "0", "_", ".", "'", ",", ";", ":", "@", "-",
        " ", " ", " ", "\n", "\r\n", "\t", "\"", "(", "/", "#", "$",
        "the", "US", "2,500", "1.5", "e.g.", "x_y", "Iran's",
        "\xC3\xA9",                    /* é */
        "\xE2\x80\x99",                /* ’ */
        "\xE2\x80\x9C",                /* “ */
        "\xC2\xA0",                    /* NBSP */
        "\xCC\x81",                    /* combining acute */
        "\xE2\x80\x90",                /* hyphen */
        "\xE2\x80\x93",                /* en dash */
        "\xE4\xB8\xAD\xE6\x96\x87",    /* 中文 */
        "\xF0\x9F\x98\x80",            /* emoji */
        "\xE2\x80\x8D",                /* ZWJ */
        "\xC2\xAD",                    /* soft hyphen */
        "\xFF",                        /* invalid */
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    char buf[512];
    srand(12345);
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = 0;
        int n = 1 + rand() % 24;
        for (int k = 0; k < n; k++) {
            const char *p = pieces[rand() % np];
            size_t pl = strlen(p);
            memcpy(buf + len, p, pl);
            len += pl;
        }
        compare_paths(fast, icu, buf, len);
    }
    /* Real text, where non-ASCII runs are merged into ICU regions. */
    const char *real =
        "Last week, data on wanted police subjects was published. \xE2\x80\x9C"
        "In fact, it is the role of the president\xE2\x80\x9D, she said. "
        "Prosecutor General Olsjan \xC3\x87" "ela and Nasip Na\xC3\xA7o met "
        "on Monday\xE2\x80\x99s session; the U.S. and NATO condemned the "
        "cyber-attack on 15 July 2022 (2,500 exiles) in Tirana\xC2\xA0today.";
    compare_paths(fast, icu, real, strlen(real));
    tx_analyzer_free(fast);
    tx_analyzer_free(icu);
}

/* Pathological inputs stay bounded and correct. */
/* HTML read for its text: tags that end a line (quoted '>' inside them
 * too), style sheets, scripts, menus, cookie notices, lists of links,
 * declarations and references to no character become spaces, line
 * breaks stay, a block's tag starts with a blank line (a paragraph),
 * <br> with a line break; tags within a line and
 * comments are left out (a word across <b> is one word); character
 * references are the character; text and a '<' that opens no tag stay.
 * Each byte maps to the bytes it stands for. */
static void test_read_html(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"<p class=\"a>b\">Seven herons</p>", "\n\n             Seven herons\n\n  "},
        {"one<br>two</li><li>three", "one\n   two\n\n   \n\n  three"},
        {"<nav><a>Home</a></nav>Text", "\n\n                    Text"},
        {"a < b and c>d", "a < b and c>d"},
        {"x<!-- note\nmore -->y", "xy"},
        {"<STYLE>p { color: teal }</style>Text", "                                Text"},
        {"<script type=x>if (a<b) go();</script>ok", "                                      ok"},
        {"AT&amp;T don&#8217;t caf&eacute; &Eacute;&#x1F600; &nosuch; &nosuch x&y",
         "AT&T don\xE2\x80\x99t caf\xC3\xA9 \xC3\x89\xF0\x9F\x98\x80          &nosuch x&y"},
        /* The page's title is its tab's, not its text; one left open
         * is no title. */
        {"<TITLE>Ties cut | Wire</title><h1>Ties cut</h1>",
         "\n\n                            \n\n  Ties cut\n\n   "},
        {"<title>Open\nText", "\n\n     Open\nText"},
        /* Without their ';', as browsers read them: numbers, and the
         * names of Latin-1's characters, the longest that starts the
         * letters (&notit: "¬it"); other names are text. */
        {"24&nbsp;h&nbspleft&nbsp &copy2023 &notit &ampx &AMP; &LT &#8217s &#x41B AT&T &lang",
         "24\xC2\xA0h\xC2\xA0left\xC2\xA0 \xC2\xA9" "2023 \xC2\xACit &x & < "
         "\xE2\x80\x99s \xD0\x9B AT&T &lang"},
        /* &apos is XML's, read with its ';' only, as a browser does. */
        {"&apostrophe &apos &apos;s", "&apostrophe &apos 's"},
        /* Custom elements are no <title> nor <nav>: shown, as a browser
         * shows an element it does not know. */
        {"<title-card>Ties cut</title-card> <nav-link>Home</nav-link>",
         "            Ties cut                        Home           "},
        /* &#128;-&#159; are Windows-1252's characters, as browsers read
         * them (old pages' apostrophes and quotes); one it has none for
         * stays. */
        {"didn&#146;t &#x93;no&#148; &#150; &#129;",
         "didn\xE2\x80\x99t \xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x93 \xC2\x81"},
        /* Edits and labels run on in their line: a word across them is one. */
        {"re<ins>de</ins>velop com<NOBR>mittee</nobr> <del>x</del>y <label>z</label>w",
         "redevelop committee xy zw"},
        /* What a browser hides is no text: a newsletter's preview text,
         * a page's spacer, to the element's end tag (nested ones of its
         * name counted). */
        {"<div style=\"color:red; Display : None\">Hidden</div>Text",
         "\n\n                                                 Text"},
        {"<span hidden>x</span>Seen <p aria-hidden=\"true\">y</p>ok",
         "                     Seen \n\n                         ok"},
        {"<p style=\"display:block\">Shown</p>", "\n\n                       Shown\n\n  "},
        {"<div style=\"display:none\"><div>a</div>b</div>c", "\n\n                                           c"},
        {"<br\r\n/>line", "\n  \r\n  line"},
        {"<b>kiber</b>netik <A HREF=x>link</a><Span>ed</span>", "kibernetik linked"},
        {"open <a href=\"x", "open <a href=\"x"},
        /* Cookie and consent notices: to their end tag, nested blocks of
         * their name counted; a recipe's cookies are text; a notice left
         * open loses its tag only. */
        {"<div id=\"cookie-banner\"><p>We use cookies</p></div>Text",
         "\n\n                                                 Text"},
        {"<div class=\"onetrust-consent-sdk\"><div>a</div><div>b</div></div><p>Kept</p>",
         "\n\n                                                              \n\n Kept\n\n  "},
        {"<div class=\"cookie-recipe info\">Bake</div>", "\n\n                              Bake\n\n    "},
        {"<div class=gdpr-box>Left open", "\n\n                  Left open"},
        {"<section ID='CybotCookiebotDialog'>x<div></div>\n</section>After",
         "\n\n                                             \n          After"},
        /* A list of three links or more and nothing else is no text; one
         * of two links, or with text beside its links, is. */
        {"<ul><li><a href=x>One</a></li><li><a>Two</a></li>\n<li><a><b>Three</b></a></li></ul>Next",
         "\n\n                                               \n                                 Next"},
        {"<ul><li><a>One</a></li><li><a>Two</a></li></ul>",
         "\n\n  \n\n  One\n\n   \n\n  Two\n\n   \n\n   "},
        {"<ol><li>Report by <a>Amnesty</a></li><li><a>x</a></li><li><a>y</a></li></ol>",
         "\n\n  \n\n  Report by Amnesty\n\n   \n\n  x\n\n   \n\n  y\n\n   \n\n   "},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tx_read r;
        size_t n = strlen(cases[i].in);
        assert_int_equal(tx_read_form(cases[i].in, n, TX_FORM_HTML, NULL, &r), CS_OK);
        assert_string_equal(r.text, cases[i].want);
        assert_int_equal(r.start[r.n], n);
        for (size_t k = 0; k < r.n; k++)
            assert_true(r.start[k] < r.end[k] && r.end[k] <= n &&
                        (k == 0 || r.start[k] >= r.start[k - 1]));
        tx_read_clear(&r);
    }
    /* Each list scanned for its end costs what it spans, not what could
     * follow it: a notice after many lists and 600 KB of text is still
     * found (the scans share a budget of twice the text). */
    static const char list[] = "<ul><li><a>a</a></li><li><a>b</a></li><li><a>c</a> d</li></ul>";
    static const char para[] = "<p>Filler words of an article.</p>\n";
    static const char tail[] = "<div class=cookie-banner>Accept zqx</div><p>Kept</p>";
    size_t cap = 20 * sizeof list + 20000 * sizeof para + sizeof tail;
    char *page = malloc(cap), *at = page;
    assert_non_null(page);
    for (int k = 0; k < 20; k++)
        at = stpcpy(at, list);
    for (int k = 0; k < 20000; k++)
        at = stpcpy(at, para);
    stpcpy(at, tail);
    tx_read r;
    assert_int_equal(tx_read_form(page, strlen(page), TX_FORM_HTML, NULL, &r), CS_OK);
    assert_null(strstr(r.text, "zqx"));
    assert_non_null(strstr(r.text, "Kept"));
    assert_non_null(strstr(r.text, "c d"));
    tx_read_clear(&r);
    free(page);
    /* "&eacute;" is the two bytes of "é", each standing for all of it. */
    assert_int_equal(tx_read_form("caf&eacute;!", 12, TX_FORM_HTML, NULL, &r), CS_OK);
    assert_int_equal(r.start[3], 3);
    assert_int_equal(r.end[4], 11);
    assert_int_equal(r.start[5], 11);
    tx_read_clear(&r);
}

/* Quoted-printable decoded for its words: escapes become their bytes, a
 * soft line break nothing, and each decoded byte maps back to where its
 * encoding starts (and, through tx_qp_end, ends). */
static void test_decode_qp(void **state)
{
    (void)state;
    const char *in = "kibern=\r\netik sh=C3=ABrbimet=2C x=zz =\n";
    size_t len = strlen(in), start[64];
    char out[64];
    size_t n = tx_decode_qp(in, len, out, start);
    out[n] = '\0';
    assert_string_equal(out, "kibernetik sh\xC3\xABrbimet, x=zz ");
    assert_int_equal(start[6], 9);             /* "e" after the soft break */
    assert_int_equal(start[13], 16);           /* 0xC3 of "=C3" */
    assert_int_equal(tx_qp_end(in, len, start[13]), 19);
    assert_int_equal(start[21], 28);           /* "," of "=2C" */
    assert_int_equal(start[23], 32);           /* "=" of "=zz", itself */
    assert_int_equal(tx_qp_end(in, len, start[23]), 33);
    assert_int_equal(start[n], len);
    for (size_t i = 1; i < n; i++)
        assert_true(start[i] > start[i - 1]);
}

/* Which declared charsets a part is read in: stateless ones ICU knows
 * that read ASCII as ASCII; not those the analyzer reads alike anyway,
 * stateful ones, EBCDIC, unknown or unsafe names. */
static void test_charset_readable(void **state)
{
    (void)state;
    const char *yes[] = {"koi8-r", "KOI8-R", "windows-1251", "iso-8859-2",
                         "iso-8859-15", "gb2312", "big5", "shift_jis",
                         "euc-kr", "ks_c_5601-1987"};
    const char *no[] = {NULL, "", "utf-8", "UTF-8", "us-ascii", "iso-8859-1",
                        "latin1", "windows-1252", "iso-2022-jp", "utf-7",
                        "ibm-037", "x-no-such-charset", "koi8-r\"",
                        "koi8 r", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(tx_charset_readable(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(tx_charset_readable(no[i]));
}

/* A part in a charset read as UTF-8, each byte of it mapped to the bytes
 * it stands for: one byte a letter (KOI8-R), two (Big5), and under
 * quoted-printable the escapes, a soft break between them; a byte
 * invalid in the charset is U+FFFD and maps to itself. */
static void test_read_charset(void **state)
{
    (void)state;
    tx_read r;
    /* "Мир, war" in KOI8-R. */
    const char koi[] = "\xED\xC9\xD2, war";
    assert_int_equal(tx_read_form(koi, strlen(koi), 0, "koi8-r", &r), CS_OK);
    assert_string_equal(r.text, "\xD0\x9C\xD0\xB8\xD1\x80, war");
    assert_int_equal(r.n, 11);
    assert_int_equal(r.start[0], 0);
    assert_int_equal(r.end[1], 1);             /* both bytes of "М" */
    assert_int_equal(r.start[2], 1);
    assert_int_equal(r.end[5], 3);
    assert_int_equal(r.start[6], 3);           /* "," */
    assert_int_equal(r.start[r.n], strlen(koi));
    tx_read_clear(&r);

    /* "中文 x" in Big5, then a lead byte with nothing after it. */
    const char big5[] = "\xA4\xA4\xA4\xE5 x\xA4";
    assert_int_equal(tx_read_form(big5, strlen(big5), 0, "big5", &r), CS_OK);
    assert_string_equal(r.text, "\xE4\xB8\xAD\xE6\x96\x87 x\xEF\xBF\xBD");
    assert_int_equal(r.start[2], 0);
    assert_int_equal(r.end[2], 2);
    assert_int_equal(r.start[3], 2);
    assert_int_equal(r.end[5], 4);
    assert_int_equal(r.start[8], 6);           /* U+FFFD of the lone byte */
    assert_int_equal(r.end[10], 7);
    tx_read_clear(&r);

    /* "Мир" in windows-1251, quoted-printable, a soft break in the word,
     * in HTML (its tags within the line left out). */
    const char qp[] = "<b>=CC=E8=\n=F0</b>";
    assert_int_equal(tx_read_form(qp, strlen(qp), TX_FORM_QP | TX_FORM_HTML,
                                  "windows-1251", &r),
                     CS_OK);
    assert_string_equal(r.text, "\xD0\x9C\xD0\xB8\xD1\x80");
    assert_int_equal(r.start[0], 3);           /* "=CC" */
    assert_int_equal(r.end[1], 6);
    assert_int_equal(r.start[2], 6);           /* "=E8" */
    assert_int_equal(r.end[3], 9);
    assert_int_equal(r.start[4], 11);          /* "=F0", after "=\n" */
    assert_int_equal(r.end[5], 14);
    assert_int_equal(r.start[r.n], strlen(qp));
    for (size_t i = 1; i <= r.n; i++) {
        assert_true(r.start[i] >= r.start[i - 1]);
        assert_true(r.end[i] >= r.end[i - 1]);
        assert_true(r.end[i - 1] > r.start[i - 1]);
    }
    tx_read_clear(&r);

    /* Plain text, without a charset: the bytes, their own offsets. */
    assert_int_equal(tx_read_form("<p>x", 4, 0, NULL, &r), CS_OK);
    assert_string_equal(r.text, "<p>x");
    assert_null(r.start);
    assert_null(r.end);
    tx_read_clear(&r);
}

/* Text that is not UTF-8 and says no charset: a script other than Latin,
 * or Latin text of Central Europe or Turkey, is read in the charset it
 * looks to be in; Western European text is left to the Windows-1252
 * reading. */
static void test_charset_detect(void **state)
{
    (void)state;
    char name[48];
    /* Russian in windows-1251. */
    const char ru[] = "\xD5\xE0\xEA\xE5\xF0\xFB \xE0\xF2\xE0\xEA\xEE\xE2\xE0\xEB\xE8 "
                      "\xEF\xF0\xE0\xE2\xE8\xF2\xE5\xEB\xFC\xF1\xF2\xE2\xE5\xED\xED\xFB\xE5 "
                      "\xF1\xE5\xF0\xE2\xE5\xF0\xFB \xC0\xEB\xE1\xE0\xED\xE8\xE8 \xE2 "
                      "\xE8\xFE\xEB\xE5. \xCC\xE8\xED\xE8\xF1\xF2\xE5\xF0\xF1\xF2\xE2\xEE "
                      "\xEF\xEE\xE4\xF2\xE2\xE5\xF0\xE4\xE8\xEB\xEE \xF3\xF2\xE5\xF7\xEA\xF3.";
    assert_true(tx_charset_detect(ru, strlen(ru), name));
    assert_string_equal(name, "windows-1251");
    /* Chinese in Big5. */
    const char zh[] = "\xBA\xF4\xB5\xB8\xA7\xF0\xC0\xBB\xBC\x76\xC5\x54\xA4\x46\xAC\x46"
                      "\xA9\xB2\xAA\xBA\xB9\x71\xA4\x6C\xAA\x41\xB0\xC8\xA1\x43";
    assert_true(tx_charset_detect(zh, strlen(zh), name));
    assert_string_equal(name, "Big5");
    /* French in Latin-1: none. */
    const char fr[] = "Le caf\xE9 de la d\xE9l\xE9gation \xE0 Gen\xE8ve \xE9tait ferm\xE9. "
                      "O\xF9 est le pr\xE9sident?";
    assert_false(tx_charset_detect(fr, strlen(fr), name));
    assert_string_equal(name, "");
    /* A Latin-1 text with one accented letter, which ICU ranks ISO-8859-2
     * first ("Genčve"): too little to tell, Windows-1252. */
    const char one[] = "Title\n\nGen\xE8ve is a city.\n";
    assert_false(tx_charset_detect(one, strlen(one), name));

    /* A paragraph of news in each language (tests/data/charsets), in the
     * charset its old web pages and files use: Central European and
     * Turkish ones found, Western European ones left to Windows-1252; a
     * Serbian sentence alone is too short to tell, and reads as before. */
    static const struct {
        const char *file, *want;
    } paragraphs[] = {
        {"sr", "windows-1250"}, {"hr", "windows-1250"}, {"sl", "windows-1250"},
        {"cs", "windows-1250"}, {"pl", "windows-1250"}, {"hu", "ISO-8859-2"},
        {"ro", "ISO-8859-2"},   {"tr", "ISO-8859-9"},   {"fr", ""},
        {"de", ""},             {"es", ""},             {"it", ""},
        {"pt", ""},             {"da", ""},             {"sq", ""},
        {"en", ""},             {"srshort", ""},
    };
    for (size_t i = 0; i < sizeof paragraphs / sizeof paragraphs[0]; i++) {
        char path[512], text[4096];
        snprintf(path, sizeof path, "%s/tests/data/charsets/%s.txt", CS_SOURCE_DIR,
                 paragraphs[i].file);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        size_t n = fread(text, 1, sizeof text, f);
        fclose(f);
        assert_int_equal(tx_charset_detect(text, n, name), *paragraphs[i].want != '\0');
        assert_string_equal(name, paragraphs[i].want);
    }
}

/* A UTF-16 text says so by its byte order mark, and reads through
 * tx_read_form with each character mapped back to its two or four bytes
 * (a surrogate pair), a 0x0A byte inside a character no line break. */
static void test_charset_utf16(void **state)
{
    (void)state;
    assert_string_equal(tx_charset_bom("\xFF\xFE" "a\0", 4), "UTF-16LE");
    assert_string_equal(tx_charset_bom("\xFE\xFF\0a", 4), "UTF-16BE");
    assert_null(tx_charset_bom("\xFF\xFE\0\0", 4)); /* UTF-32 */
    assert_null(tx_charset_bom("\xEF\xBB\xBF" "a", 4)); /* UTF-8 */
    assert_null(tx_charset_bom("\xFF", 1));
    assert_true(tx_charset_wide("UTF-16LE"));
    assert_false(tx_charset_wide("KOI8-R"));
    assert_false(tx_charset_wide(NULL));
    /* BOM, "上" (0A 4E: a 0x0A byte), "\n", U+1F600 (a surrogate pair), "é". */
    const char le[] = "\xFF\xFE\x0A\x4E\x0A\x00\x3D\xD8\x00\xDE\xE9\x00";
    tx_read r;
    assert_int_equal(tx_read_form(le, sizeof le - 1, 0, "UTF-16LE", &r), CS_OK);
    assert_string_equal(r.text, "\xEF\xBB\xBF\xE4\xB8\x8A\n\xF0\x9F\x98\x80\xC3\xA9");
    /* 上 is bytes [2, 4); the line break [4, 6); the emoji [6, 10); é [10, 12). */
    assert_int_equal(r.start[3], 2);
    assert_int_equal(r.end[5], 4);
    assert_int_equal(r.start[6], 4);
    assert_int_equal(r.start[7], 6);
    assert_int_equal(r.end[10], 10);
    assert_int_equal(r.start[11], 10);
    assert_int_equal(r.end[12], 12);
    assert_int_equal(r.n, 13);
    tx_read_clear(&r);
    const char be[] = "\xFE\xFF\x4E\x0A\x00\x0A";
    assert_int_equal(tx_read_form(be, sizeof be - 1, 0, "UTF-16BE", &r), CS_OK);
    assert_string_equal(r.text, "\xEF\xBB\xBF\xE4\xB8\x8A\n");
    assert_int_equal(r.start[6], 4);
    tx_read_clear(&r);
}

/* Base64 read with each byte mapped to the two characters holding its
 * bits; a passage cut anywhere in it, aligned to whole groups of four
 * (tx_b64_align), reads back to the same text with its cut; the form's
 * name says the cut. */
static void test_read_b64(void **state)
{
    (void)state;
    /* "Hello, world" over two lines, "=" padding a group mid-way. */
    const char b64[] = "SGVs\nbG8s\r\nIHdvcmxk\nIQ==Pw==\n";
    tx_read r;
    assert_int_equal(tx_read_form(b64, strlen(b64), TX_FORM_B64, NULL, &r), CS_OK);
    assert_string_equal(r.text, "Hello, world!?");
    /* 'H' is characters 0-1, 'e' 1-2, 'l' 2-3, the next 'l' the next
     * line's group: 5-6. */
    assert_int_equal(r.start[0], 0);
    assert_int_equal(r.end[0], 2);
    assert_int_equal(r.start[1], 1);
    assert_int_equal(r.end[2], 4);
    assert_int_equal(r.start[3], 5);
    assert_int_equal(r.start[13], 24); /* the "?" after the padding */
    tx_read_clear(&r);

    /* Every span of a longer text, aligned and read with its cut, is the
     * text of its bytes. */
    char text[300], enc[500];
    for (int i = 0; i < 299; i++)
        text[i] = (char)('a' + (i * 7) % 26);
    text[299] = '\0';
    static const char alpha[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t e = 0;
    for (size_t i = 0; i + 3 <= 299; i += 3) {
        unsigned v = (unsigned char)text[i] << 16 | (unsigned char)text[i + 1] << 8 |
                     (unsigned char)text[i + 2];
        for (int k = 3; k >= 0; k--)
            enc[e++] = alpha[(v >> (6 * k)) & 63];
        if ((i / 3) % 19 == 18)
            enc[e++] = '\n'; /* 76 characters a line */
    }
    enc[e] = '\0';
    tx_read all;
    assert_int_equal(tx_read_form(enc, e, TX_FORM_B64, NULL, &all), CS_OK);
    assert_int_equal(all.n, 297);
    unsigned char *phase = malloc(e);
    assert_non_null(phase);
    tx_b64_phases(enc, e, phase);
    for (size_t from = 0; from < all.n; from += 5)
        for (size_t to = from + 1; to <= all.n; to += 11) {
            size_t start = all.start[from], end = all.end[to - 1];
            unsigned cut = tx_b64_align(enc, e, phase, &start, &end);
            assert_true(start <= all.start[from] && end >= all.end[to - 1]);
            tx_read part;
            assert_int_equal(tx_read_form(enc + start, end - start,
                                          TX_FORM_B64 | cut, NULL, &part),
                             CS_OK);
            assert_int_equal(part.n, to - from);
            assert_memory_equal(part.text, all.text + from, to - from);
            tx_read_clear(&part);
        }
    free(phase);
    tx_read_clear(&all);

    char name[TX_FORM_NAME_MAX];
    unsigned forms[] = {0, TX_FORM_HTML, TX_FORM_QP | TX_FORM_HTML,
                        TX_FORM_B64 | TX_FORM_CUT(2, 1) | TX_FORM_HTML,
                        TX_FORM_B64 | TX_FORM_CUT(0, 2)};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        assert_int_equal(tx_form_of(tx_form_name(forms[i], name)), forms[i]);
    assert_string_equal(tx_form_name(TX_FORM_B64 | TX_FORM_CUT(2, 1) | TX_FORM_HTML, name),
                        "b64 lead2 trail1 html");
    assert_string_equal(tx_form_name(TX_FORM_QP | TX_FORM_HTML, name), "qp html");
    assert_int_equal(tx_form_of("qp html"), TX_FORM_QP | TX_FORM_HTML);
    assert_int_equal(tx_form_of("b64 rot13"), 0);
}

/* ISO-2022-JP: the escape sequence in effect at each byte; a passage
 * that starts after one reads from it, its offsets the passage's own. */
static void test_iso2022(void **state)
{
    (void)state;
    /* "ab" then 政府 in JIS X 0208 (ESC $ B, 40 2F 49 5C), back to ASCII. */
    const char jp[] = "ab\x1B$B@/I\\\x1B(Bc";
    size_t len = strlen(jp);
    unsigned char shift[sizeof jp];
    assert_true(tx_iso2022_shifts(jp, len, shift));
    assert_int_equal(shift[0], 0);
    assert_int_equal(shift[5], 4); /* ESC $ B */
    assert_int_equal(shift[len - 1], 1); /* ESC ( B */
    assert_false(tx_iso2022_shifts("plain", 5, shift));
    assert_true(tx_charset_iso2022("iso-2022-JP"));
    assert_false(tx_charset_iso2022("shift_jis"));
    /* The second character alone, read from ESC $ B: 府 at its bytes. */
    tx_read r;
    assert_int_equal(tx_read_form(jp + 7, 2, TX_FORM_SHIFT(4), "ISO-2022-JP", &r),
                     CS_OK);
    assert_string_equal(r.text, "\xE5\xBA\x9C");
    assert_int_equal(r.start[0], 0);
    assert_int_equal(r.end[2], 2);
    tx_read_clear(&r);
    /* Without its shift the same bytes are ASCII. */
    assert_int_equal(tx_read_form(jp + 7, 2, 0, "ISO-2022-JP", &r), CS_OK);
    assert_string_equal(r.text, "I\\");
    tx_read_clear(&r);
    char name[TX_FORM_NAME_MAX];
    unsigned f = TX_FORM_SHIFT(4) | TX_FORM_HTML;
    assert_string_equal(tx_form_name(f, name), "esc$B html");
    assert_int_equal(tx_form_of(name), f);
}

/* Text read for a person: bytes that are not UTF-8 as Windows-1252, each
 * character mapped to its byte, UTF-8 kept, through an HTML reading. */
static void test_read_legacy(void **state)
{
    (void)state;
    const char in[] = "<b>caf\xE9</b> \x93ok\x94 \xC3\xA9";
    tx_read r;
    assert_int_equal(tx_read_form(in, strlen(in), TX_FORM_HTML, NULL, &r), CS_OK);
    assert_int_equal(tx_read_legacy(&r), CS_OK);
    assert_string_equal(r.text, "caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D \xC3\xA9");
    /* "é" of café is byte 6 of the input; the curly quote byte 12. */
    assert_int_equal(r.start[3], 6);
    assert_int_equal(r.end[4], 7);
    assert_int_equal(r.start[6], 12);
    assert_int_equal(r.end[8], 13);
    assert_int_equal(r.start[r.n], strlen(in));
    tx_read_clear(&r);
}

static void test_has_capital(void **state)
{
    (void)state;
    assert_false(tx_has_capital("peoples mujahedin", 17));
    assert_true(tx_has_capital("people's Mujahedin", 18));
    /* Beyond ASCII: a capital with a diacritic, Cyrillic. */
    assert_true(tx_has_capital("olsjan \xC3\x87" "ela", 12));
    assert_false(tx_has_capital("\xC3\xA7" "ela", 5));
    assert_true(tx_has_capital("\xD0\x9C\xD0\xBE", 4));
    assert_false(tx_has_capital("2023 \xE5\x9C\xB0", 8));
    /* Only the bytes given are looked at. */
    assert_false(tx_has_capital("abc Def", 4));
}

static void test_long_inputs(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    /* One huge word, ASCII and not. */
    size_t n = 300000;
    char *s = malloc(n + 2);
    assert_non_null(s);
    memset(s, 'A', n);
    s[n] = '\0';
    toks ts = run_pos(a, s, n, 1);
    assert_int_equal(ts.n, 1);
    assert_int_equal(ts.v[0].end, n);
    assert_string_equal(ts.v[0].stem, ts.v[0].term); /* too long to stem */
    free(ts.v);
    memcpy(s, "\xC3\x87", 2);
    ts = run_pos(a, s, n, 1);
    assert_int_equal(ts.n, 1);
    assert_int_equal(ts.v[0].end, n);
    free(ts.v);
    /* A hyphen chain longer than a compound may be: every word is still
     * reported once, positions consecutive. */
    size_t len = 0;
    for (int i = 0; i < 100; i++)
        len += (size_t)sprintf(s + len, "%sw%c", i ? "-" : "", 'a' + i % 26);
    ts = run_pos(a, s, len, 1);
    unsigned words = 0;
    for (size_t i = 0; i < ts.n; i++) {
        if (ts.v[i].flags & TX_JOINED)
            continue;
        assert_int_equal(ts.v[i].pos, ++words);
    }
    assert_int_equal(words, 100);
    free(ts.v);
    free(s);
    tx_analyzer_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diacritics_and_case),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_nbsp_separates_words),
        cmocka_unit_test(test_dot_between_letters_splits),
        cmocka_unit_test(test_connector_runs),
        cmocka_unit_test(test_connector_ends),
        cmocka_unit_test(test_digit_groups),
        cmocka_unit_test(test_elision),
        cmocka_unit_test(test_zero_width_space),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_currency),
        cmocka_unit_test(test_glued_units),
        cmocka_unit_test(test_unit_groups),
        cmocka_unit_test(test_us_spelling),
        cmocka_unit_test(test_verb_base),
        cmocka_unit_test(test_cjk_and_thai),
        cmocka_unit_test(test_hyphen_compound),
        cmocka_unit_test(test_dotted_acronym),
        cmocka_unit_test(test_acronym_point),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_stem_keeps_first_byte),
        cmocka_unit_test(test_stem_only),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_offsets_round_trip),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_utf8_check),
        cmocka_unit_test(test_utf8_copies),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_ascii_path_matches_icu),
        cmocka_unit_test(test_long_inputs),
        cmocka_unit_test(test_read_html),
        cmocka_unit_test(test_decode_qp),
        cmocka_unit_test(test_charset_readable),
        cmocka_unit_test(test_read_charset),
        cmocka_unit_test(test_charset_detect),
        cmocka_unit_test(test_charset_utf16),
        cmocka_unit_test(test_read_b64),
        cmocka_unit_test(test_iso2022),
        cmocka_unit_test(test_read_legacy),
        cmocka_unit_test(test_has_capital),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
