/* test_align.c - unit tests of the quotation alignment (qy_align): each
 * kind of change, numbers, repeated words, compounds, contractions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "qy_align.h"
#include "tx.h"

/* Tokens of a text through the real analyzer. */
typedef struct toks {
    qy_align_tok v[128];
    char store[128][2][64];
    size_t n;
} toks;

static int on_tok(void *ctx, const tx_token *t)
{
    toks *k = ctx;
    if ((t->flags & TX_JOINED) || k->n == 128)
        return 0;
    snprintf(k->store[k->n][0], 64, "%s", t->term);
    snprintf(k->store[k->n][1], 64, "%s", t->stem);
    k->v[k->n] = (qy_align_tok){.term = k->store[k->n][0], .stem = k->store[k->n][1],
                                .start = t->start, .end = t->end,
                                .stop = (t->flags & TX_STOP) != 0};
    k->n++;
    return 0;
}

static toks *tokens(const char *text)
{
    static tx_analyzer *a;
    if (!a)
        assert_int_equal(tx_analyzer_new(&a, NULL), CS_OK);
    toks *k = calloc(1, sizeof *k);
    assert_int_equal(tx_analyze(a, text, strlen(text), 1, on_tok, k, NULL), CS_OK);
    return k;
}

/* The non-'=' ops as "op:query>source;..." for compact assertions. */
static char *changes(const char *quote, const char *passage, qy_alignment *al)
{
    toks *q = tokens(quote), *p = tokens(passage);
    assert_int_equal(qy_align(q->v, q->n, p->v, p->n, al), CS_OK);
    static char out[512];
    out[0] = '\0';
    for (size_t i = 0; i < al->nops; i++) {
        const qy_align_op *o = &al->ops[i];
        if (o->op == '=')
            continue;
        char piece[128];
        snprintf(piece, sizeof piece, "%c:%s>%s;", o->op,
                 o->qn ? q->v[o->q].term : "", o->pn ? p->v[o->p].term : "");
        strcat(out, piece);
    }
    /* Byte span of the covered source words. */
    if (al->first >= 0) {
        al->first = (int)p->v[al->first].start;
        al->last = (int)p->v[al->last].end;
    }
    free(q);
    free(p);
    return out;
}

static const char *source = "In July and September, Albanian government digital "
                            "services were attacked by cyber criminals, bringing "
                            "various systems to a halt for days.";

static void test_verbatim(void **state)
{
    (void)state;
    qy_alignment al;
    assert_string_equal(changes("bringing various systems to a halt", source, &al), "");
    assert_true(al.similarity > 0.999);
    assert_int_equal(al.first, (int)(strstr(source, "bringing") - source));
    assert_int_equal(al.last, (int)(strstr(source, "halt") - source) + 4);
    qy_alignment_clear(&al);
}

static void test_replaced_word(void **state)
{
    (void)state;
    qy_alignment al;
    assert_string_equal(changes("bringing several systems to a halt", source, &al),
                        "~:several>various;");
    assert_true(al.similarity > 0.6 && al.similarity < 1.0);
    qy_alignment_clear(&al);
}

static void test_dropped_and_added_words(void **state)
{
    (void)state;
    qy_alignment al;
    /* The quotation lacks "various": the source has a word more. */
    assert_string_equal(changes("bringing systems to a halt for days", source, &al),
                        "+:>various;");
    qy_alignment_clear(&al);
    /* The quotation has a word the source lacks. */
    assert_string_equal(changes("bringing various computer systems to a halt", source, &al),
                        "-:computer>;");
    qy_alignment_clear(&al);
}

static void test_swapped_words(void **state)
{
    (void)state;
    qy_alignment al;
    const char *c = changes("attacked by criminals cyber bringing", source, &al);
    /* Two words swapped: the moved word is missing where the quotation
     * puts it and extra where the source has it. */
    assert_string_equal(c, "+:>cyber;-:cyber>;");
    assert_true(al.similarity > 0.3);
    /* A swap is one edit, as a replaced word is: "the way only to meet
     * these" is nearer "the only way to meet these" than "the best way
     * to meet these" (a word added and one dropped). */
    qy_alignment_clear(&al);
    c = changes("the way only to meet these", "the only way to meet these", &al);
    assert_string_equal(c, "+:>only;-:only>;");
    double swap = al.similarity;
    qy_alignment_clear(&al);
    c = changes("the way only to meet these", "the best way to meet these", &al);
    assert_string_equal(c, "+:>best;-:only>;");
    assert_true(swap > al.similarity);
    qy_alignment_clear(&al);
    c = changes("the only way to meet these", "the best way to meet these", &al);
    assert_string_equal(c, "~:only>best;");
    /* (But for what a small word replaced by another kind costs.) */
    assert_true(swap - al.similarity > 0 && swap - al.similarity <= QY_ALIGN_KIND);
    qy_alignment_clear(&al);
    c = changes("the only way to meet these", "the only path to meet these", &al);
    assert_string_equal(c, "~:way>path;");
    assert_true(swap == al.similarity);
    qy_alignment_clear(&al);
}

/* A word replaced pairs with a word of its kind: "must obey the" against
 * "must abide by the" is obey -> abide and "by" added (either way round
 * scores alike but for the kinds). */
static void test_replaced_by_its_kind(void **state)
{
    (void)state;
    qy_alignment al;
    const char *src = "they must abide by the country's laws";
    assert_string_equal(changes("they must obey the country's laws", src, &al),
                        "~:obey>abide;+:>by;");
    qy_alignment_clear(&al);
    assert_string_equal(changes("they must abide the country's laws", src, &al), "+:>by;");
    qy_alignment_clear(&al);
}

static void test_changed_number(void **state)
{
    (void)state;
    qy_alignment al;
    assert_string_equal(changes("on July 17 it had suffered a heavy cyberattack",
                                "Albania said on Wednesday that on July 15 it had "
                                "suffered a heavy cyberattack against the government",
                                &al),
                        "~:17>15;");
    qy_alignment_clear(&al);
    assert_string_equal(changes("the September 7th cyberattack",
                                "condemns the September 9th cyberattack against", &al),
                        "~:7th>9th;");
    qy_alignment_clear(&al);
}

static void test_inflection_is_a_change(void **state)
{
    (void)state;
    qy_alignment al;
    assert_string_equal(changes("by the same aggressor",
                                "Another cyber attack by the same aggressors, already", &al),
                        "~:aggressor>aggressors;");
    /* The replaced word is said to share its stem (a "form" in the diff). */
    assert_true(al.ops[al.nops - 1].same_stem);
    /* A different form of the same word costs less than another word. */
    double stem_sim = al.similarity;
    qy_alignment_clear(&al);
    changes("by the same attackers", "Another cyber attack by the same aggressors", &al);
    assert_true(al.similarity < stem_sim);
    assert_false(al.ops[al.nops - 1].same_stem);
    qy_alignment_clear(&al);
}

static void test_compounds_meet(void **state)
{
    (void)state;
    qy_alignment al;
    assert_string_equal(changes("another cyberattack by the same",
                                "Another cyber attack by the same aggressors", &al), "");
    qy_alignment_clear(&al);
    assert_string_equal(changes("another cyber attack by the same",
                                "denounced another cyberattack by the same aggressors", &al), "");
    qy_alignment_clear(&al);
}

/* A number and a scale word against one number of the same value are
 * one change, either way round: "1.5 million" is 1,500,000; one number
 * written otherwise scores as a word of the same stem.  Another value
 * stays a replaced number and a word. */
static void test_scaled_numbers(void **state)
{
    (void)state;
    qy_alignment al;
    const char *p = "the operator, with 1.5 million subscribers, said its services were unaffected";
    assert_string_equal(changes("with 1,500,000 subscribers, said its services", p, &al),
                        "~:1500000>1.5;");
    assert_int_equal(al.nops, 6);
    assert_int_equal(al.ops[1].qn, 1);
    assert_int_equal(al.ops[1].pn, 2);
    double one_change = al.score;
    qy_alignment_clear(&al);
    /* Four words the same and one written otherwise: as a stem's other
     * form, not as another word. */
    assert_true(one_change == 5 * QY_ALIGN_MATCH + QY_ALIGN_STEM);

    assert_string_equal(changes("two million subscribers were told",
                                "2,000,000 subscribers were told", &al),
                        "~:two>2000000;");
    assert_int_equal(al.ops[0].qn, 2);
    assert_int_equal(al.ops[0].pn, 1);
    qy_alignment_clear(&al);
    assert_string_equal(changes("it cost $2.3 billion in all", "it cost $2,300,000,000 in all", &al),
                        "~:2.3>2300000000;");
    qy_alignment_clear(&al);

    assert_string_equal(changes("with 2 subscribers", "with two subscribers", &al), "~:2>two;");
    assert_true(al.score == 2 * QY_ALIGN_MATCH + QY_ALIGN_STEM);
    qy_alignment_clear(&al);

    /* 1,600,000 is another number: one replaced number all the same,
     * scored as a replaced word. */
    assert_string_equal(changes("with 1,600,000 subscribers, said its services", p, &al),
                        "~:1600000>1.5;");
    assert_int_equal(al.ops[1].pn, 2);
    assert_true(al.score == 5 * QY_ALIGN_MATCH + QY_ALIGN_MISMATCH);
    qy_alignment_clear(&al);
    /* Against the same scale word, only the number is replaced. */
    assert_string_equal(changes("with 1.6 million subscribers, said its services", p, &al),
                        "~:1.6>1.5;");
    assert_int_equal(al.ops[1].pn, 1);
    qy_alignment_clear(&al);
}

/* One side contracts what the other says in two words: one change,
 * marked as such, whichever side contracts, curly apostrophe or not;
 * a contraction of other words stays a replaced word. */
static void test_contractions(void **state)
{
    (void)state;
    qy_alignment al;
    const char *p = "the attack did not originate from Albanian IP addresses";
    assert_string_equal(changes("didn't originate from Albanian IP addresses", p, &al),
                        "~:didn't>did;");
    assert_int_equal(al.nops, 6);
    assert_true(al.ops[0].contracted);
    assert_int_equal(al.ops[0].qn, 1);
    assert_int_equal(al.ops[0].pn, 2);
    qy_alignment_clear(&al);

    assert_string_equal(changes("we are talking about an unusual situation",
                                "We\xE2\x80\x99re talking about an unusual situation", &al),
                        "~:we>we're;");
    assert_true(al.ops[0].contracted);
    assert_int_equal(al.ops[0].qn, 2);
    qy_alignment_clear(&al);

    /* won't is "will not", and can't "can not", whose stubs differ. */
    assert_string_equal(changes("the systems won't be restored", "the systems will not be restored", &al),
                        "~:won't>will;");
    assert_true(al.ops[2].contracted);
    qy_alignment_clear(&al);
    assert_string_equal(changes("we can't rest", "we can not rest", &al), "~:can't>can;");
    qy_alignment_clear(&al);

    /* it's, that's and let's, either way round; a possessive beside
     * another word stays a changed word. */
    assert_string_equal(changes("it's time to act, and that's what we will do",
                                "it is time to act, and that has what we will do", &al),
                        "~:it's>it;~:that's>that;");
    assert_true(al.ops[0].contracted);
    assert_int_equal(al.ops[0].pn, 2);
    qy_alignment_clear(&al);
    assert_string_equal(changes("let us go and see what it has become",
                                "Let's go and see what it\xE2\x80\x99s become", &al),
                        "~:let>let's;~:it>it's;");
    assert_true(al.ops[0].contracted);
    qy_alignment_clear(&al);
    assert_string_equal(changes("Albania's government said", "Albania government said", &al),
                        "~:albania's>albania;");
    assert_false(al.ops[0].contracted);
    qy_alignment_clear(&al);

    /* "will" is no contraction of "won't": a changed word. */
    assert_string_equal(changes("the systems won't be restored", "the systems will be restored", &al),
                        "~:won't>will;");
    assert_false(al.ops[2].contracted);
    qy_alignment_clear(&al);
}

static void test_repeated_words_align_to_the_best_place(void **state)
{
    (void)state;
    qy_alignment al;
    const char *p = "we will work and we will work hard and we will not rest until it is done";
    assert_string_equal(changes("we will not stop until it is done", p, &al),
                        "~:stop>rest;");
    assert_int_equal(al.first, (int)(strstr(p, "we will not") - p));
    qy_alignment_clear(&al);
}

static void test_empty(void **state)
{
    (void)state;
    qy_alignment al;
    assert_int_equal(qy_align(NULL, 0, NULL, 0, &al), CS_OK);
    assert_int_equal(al.nops, 0);
    assert_int_equal(al.first, -1);
    qy_alignment_clear(&al);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verbatim),
        cmocka_unit_test(test_replaced_word),
        cmocka_unit_test(test_dropped_and_added_words),
        cmocka_unit_test(test_swapped_words),
        cmocka_unit_test(test_changed_number),
        cmocka_unit_test(test_inflection_is_a_change),
        cmocka_unit_test(test_compounds_meet),
        cmocka_unit_test(test_contractions),
        cmocka_unit_test(test_replaced_by_its_kind),
        cmocka_unit_test(test_scaled_numbers),
        cmocka_unit_test(test_repeated_words_align_to_the_best_place),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
