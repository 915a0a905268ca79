/*
 * test_passages.c - unit tests of tx_passages (text/tx_passage.c): every
 * corpus file's passages checked against independently computed spans and
 * line numbers, splitting of long paragraphs, line ends, blank lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "schema.h"
#include "tx.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

typedef struct plist {
    tx_passage *v;
    size_t n, cap;
} plist;

static int collect(void *ctx, const tx_passage *p)
{
    plist *l = ctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        assert_non_null(l->v);
    }
    l->v[l->n++] = *p;
    return 0;
}

static tx_analyzer *new_analyzer(void)
{
    tx_analyzer *a = NULL;
    char *msg = NULL;
    assert_int_equal(tx_analyzer_new(&a, &msg), CS_OK);
    return a;
}

static plist passages(tx_analyzer *a, const char *s, size_t len,
                      unsigned max_words)
{
    plist l = {0};
    char *msg = NULL;
    assert_int_equal(tx_passages(a, s, len, max_words, collect, &l, &msg),
                     CS_OK);
    assert_null(msg);
    return l;
}

/* Length of a white space character at s[i] (independent of the module):
 * ASCII space and controls \t..\r, NBSP, and the Unicode spaces. */
static size_t space_len(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (*u == ' ' || (*u >= '\t' && *u <= '\r'))
        return 1;
    if (left >= 2 && u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0x85))
        return 2;
    if (left >= 3) {
        unsigned cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) |
                      (u[2] & 0x3Fu);
        if ((u[0] & 0xF0) == 0xE0 &&
            (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
             cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
             cp == 0x3000 || cp == 0xFEFF))
            return 3;
    }
    return 0;
}

/* Does a white space character end at s[e]? */
static int space_before(const char *s, size_t e)
{
    for (size_t n = 1; n <= 3 && n <= e; n++)
        if (space_len(s, e, e - n) == n)
            return 1;
    return 0;
}

/* The 1-based line of byte `off`, counted from the start of the file. */
static unsigned line_of(const char *s, size_t len, size_t off)
{
    unsigned line = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n' ||
            (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n')))
            line++;
    return line;
}

struct count {
    unsigned words;
};

static int count_word(void *ctx, const tx_token *t)
{
    struct count *c = ctx;
    if (!(t->flags & TX_JOINED))
        c->words++;
    return 0;
}

static unsigned words_of(tx_analyzer *a, const char *s, size_t len)
{
    struct count c = {0};
    char *msg = NULL;
    assert_int_equal(tx_analyze(a, s, len, 1, count_word, &c, &msg), CS_OK);
    return c.words;
}

/* Every invariant of a passage list over the file s[0, len). */
static void check_passages(tx_analyzer *a, const char *name, const char *s,
                           size_t len, const plist *l, unsigned max_words)
{
    size_t prev_end = 0, prev_start = 0;
    unsigned prev_para = 0, prev_part = 0, total = 0;
    for (size_t i = 0; i < l->n; i++) {
        const tx_passage *p = &l->v[i];
        if (!(p->byte_start < p->byte_end && p->byte_end <= len))
            fail_msg("%s: passage %zu [%zu, %zu) is empty or outside the "
                     "file of %zu bytes", name, i, p->byte_start, p->byte_end,
                     len);
        /* Parts of one paragraph are windows that overlap; paragraphs do
         * not. */
        int same_para = i > 0 && p->paragraph == prev_para;
        if (!same_para && p->byte_start < prev_end)
            fail_msg("%s: passage %zu overlaps or precedes the one before",
                     name, i);
        if (same_para && (p->byte_start <= prev_start || p->byte_end <= prev_end))
            fail_msg("%s: window %zu does not move forward", name, i);
        if (same_para && p->byte_start < prev_end) {
            /* The overlap holds whole words, at least a quotation's worth. */
            unsigned shared = words_of(a, s + p->byte_start, prev_end - p->byte_start);
            unsigned want = max_words / 4 < 15 ? max_words / 4 : 15;
            if (shared < want)
                fail_msg("%s: windows %zu and %zu share %u words, fewer than %u",
                         name, i - 1, i, shared, want);
        } else if (same_para) {
            fail_msg("%s: windows %zu and %zu do not overlap", name, i - 1, i);
        }
        if (space_len(s, len, p->byte_start) || space_before(s, p->byte_end))
            fail_msg("%s: passage %zu [%zu, %zu) has white space at an edge",
                     name, i, p->byte_start, p->byte_end);
        unsigned ls = line_of(s, len, p->byte_start);
        unsigned le = line_of(s, len, p->byte_end - 1);
        if (p->line_start != ls || p->line_end != le)
            fail_msg("%s: passage %zu lines %u-%u, expected %u-%u", name, i,
                     p->line_start, p->line_end, ls, le);
        /* Paragraphs count from 1; parts of one paragraph from 1. */
        if (p->paragraph == prev_para) {
            assert_int_equal(p->part, prev_part + 1);
        } else {
            assert_int_equal(p->paragraph, prev_para + 1);
            assert_int_equal(p->part, 1);
            /* Between paragraphs there is a blank line. */
            if (i > 0) {
                int blank_line = 0;
                for (size_t k = prev_end; k < p->byte_start; k++)
                    if (s[k] == '\n' || s[k] == '\r') {
                        size_t j = k + 1;
                        if (s[k] == '\r' && j < p->byte_start && s[j] == '\n')
                            j++;
                        size_t m = j;
                        while (m < p->byte_start && s[m] != '\n' &&
                               s[m] != '\r' && space_len(s, len, m))
                            m += space_len(s, len, m);
                        if (m < p->byte_start &&
                            (s[m] == '\n' || s[m] == '\r'))
                            blank_line = 1;
                    }
                if (!blank_line)
                    fail_msg("%s: paragraphs %u and %u are not separated by "
                             "a blank line", name, prev_para, p->paragraph);
            }
        }
        /* The word count is the analyzer's, over the passage alone. */
        unsigned w = words_of(a, s + p->byte_start,
                              p->byte_end - p->byte_start);
        if (w != p->words)
            fail_msg("%s: passage %zu has %u words, says %u", name, i, w,
                     p->words);
        if (max_words && p->words > max_words)
            fail_msg("%s: passage %zu has %u words, more than %u", name, i,
                     p->words, max_words);
        /* Words new in this passage (the overlap was counted before). */
        size_t from = same_para && p->byte_start < prev_end ? prev_end : p->byte_start;
        total += same_para ? words_of(a, s + from, p->byte_end - from) : p->words;
        prev_start = p->byte_start;
        prev_end = p->byte_end;
        prev_para = p->paragraph;
        prev_part = p->part;
    }
    /* No word is lost or counted twice. */
    assert_int_equal(total, words_of(a, s, len));
    /* Nothing but white space outside the passages (between parts of a
     * paragraph too: parts are trimmed pieces of it). */
    size_t at = 0;
    for (size_t i = 0; i <= l->n; i++) {
        size_t upto = i < l->n ? l->v[i].byte_start : len;
        while (at < upto) {
            size_t n = space_len(s, len, at);
            if (!n)
                fail_msg("%s: byte %zu (0x%02x) is in no passage", name, at,
                         (unsigned char)s[at]);
            at += n;
        }
        if (i < l->n && l->v[i].byte_end > at)
            at = l->v[i].byte_end;
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    s[n] = '\0';
    *len = (size_t)n;
    return s;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void test_corpus(void **state)
{
    (void)state;
    const char *src = getenv("CS_SOURCE_DIR");
    if (!src || !*src)
        src = CS_SOURCE_DIR;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpus", src);
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("cannot open %s", dir);
    tx_analyzer *a = new_analyzer();
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *s = read_file(path, &len);
        /* The real limit, and a small one that splits many paragraphs. */
        unsigned limits[] = {CS_PASSAGE_MAX_WORDS, 12, 0};
        for (int k = 0; k < 3; k++) {
            plist l = passages(a, s, len, limits[k]);
            assert_true(l.n > 0);
            check_passages(a, e->d_name, s, len, &l, limits[k]);
            if (limits[k] == 12) {
                int split = 0;
                for (size_t i = 0; i < l.n; i++)
                    split |= l.v[i].part > 1;
                assert_true(split);
            }
            free(l.v);
        }
        free(s);
        files++;
    }
    closedir(d);
    assert_true(files >= 5);
    tx_analyzer_free(a);
}

/* 40 sentences of 10 words: parts of whole sentences, <= max words. */
static void test_long_paragraph_split(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    char *s = malloc(64 * 1024);
    assert_non_null(s);
    size_t len = (size_t)sprintf(s, "Title line\n\n");
    size_t para = len;
    for (int i = 0; i < 40; i++)
        for (int w = 0; w < 10; w++)
            len += (size_t)sprintf(s + len, "%s%s%d%s",
                                   (w || i) ? " " : "",
                                   w ? "word" : "Sentence", i * 10 + w,
                                   w == 9 ? "." : "");
    len += (size_t)sprintf(s + len, "\n\nLast paragraph.\n");
    plist l = passages(a, s, len, 120);
    check_passages(a, "synthetic", s, len, &l, 120);
    /* Title, 4 windows of whole sentences (words 0-119, 100-219, 200-319,
     * 300-399: each starts 2 sentences before the last ended), last
     * paragraph. */
    assert_int_equal(l.n, 6);
    assert_int_equal(l.v[0].paragraph, 1);
    for (size_t i = 1; i <= 4; i++) {
        assert_int_equal(l.v[i].paragraph, 2);
        assert_int_equal(l.v[i].part, i);
        assert_int_equal(l.v[i].line_start, 3);
        assert_int_equal(l.v[i].line_end, 3);
        assert_true(l.v[i].words <= 120);
        /* Whole sentences: each window ends and starts one. */
        assert_int_equal(s[l.v[i].byte_end - 1], '.');
        assert_memory_equal(s + l.v[i].byte_start, "Sentence", 8);
    }
    assert_int_equal(l.v[1].words, 120);
    assert_int_equal(l.v[4].words, 100);
    assert_memory_equal(s + l.v[2].byte_start, "Sentence100 ", 12);
    assert_int_equal(l.v[1].byte_start, para);
    assert_int_equal(l.v[5].paragraph, 3);
    assert_int_equal(l.v[5].line_start, 5);
    /* Every word of the paragraph lies in one or two windows, and every
     * 15-word quotation lies whole in one. */
    for (int n = 0; n < 400; n++) {
        char w[32];
        snprintf(w, sizeof w, "%s%d", n % 10 ? "word" : "Sentence", n);
        const char *at = s + para;
        size_t wl = strlen(w);
        while ((at = strstr(at, w)) &&
               ((at[wl] >= '0' && at[wl] <= '9')))
            at += wl;
        assert_non_null(at);
        size_t off = (size_t)(at - s);
        int in = 0;
        for (size_t i = 1; i <= 4; i++)
            in += off >= l.v[i].byte_start && off + wl <= l.v[i].byte_end;
        if (in < 1 || in > 2)
            fail_msg("%s is in %d windows", w, in);
    }
    for (int q = 0; q + 15 <= 400; q++) {
        int whole = 0;
        for (size_t i = 1; i <= 4; i++) {
            unsigned first = (unsigned)(i - 1) * 100, last = first + l.v[i].words;
            whole += (unsigned)q >= first && (unsigned)q + 15 <= last;
        }
        if (!whole)
            fail_msg("the quotation of words %d-%d is in no window", q, q + 14);
    }
    free(l.v);

    /* One 300-word sentence with no stop: cut at words, 120 + 120 + 90. */
    len = 0;
    for (int w = 0; w < 300; w++)
        len += (size_t)sprintf(s + len, "%sw%d", w ? " " : "", w);
    l = passages(a, s, len, 120);
    check_passages(a, "run-on", s, len, &l, 120);
    /* Cut at words: 0-119, 105-224, 210-299. */
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].words, 120);
    assert_int_equal(l.v[1].words, 120);
    assert_int_equal(l.v[2].words, 90);
    assert_memory_equal(s + l.v[1].byte_start, "w105 ", 5);
    free(l.v);

    /* A multi-line paragraph: ICU ends a sentence at each line end, and
     * parts keep their own line numbers. */
    len = 0;
    for (int line = 0; line < 30; line++) {
        for (int w = 0; w < 8; w++)
            len += (size_t)sprintf(s + len, "%sl%dw%d", w ? " " : "", line, w);
        len += (size_t)sprintf(s + len, line % 3 == 2 ? "\r\n" : "\n");
    }
    l = passages(a, s, len, 50);
    check_passages(a, "multi-line", s, len, &l, 50);
    /* Windows of 6 lines (48 words) starting 2 lines before the previous
     * one ended: lines 1-6, 5-10, 9-14, ... 25-30. */
    assert_int_equal(l.n, 7);
    assert_int_equal(l.v[1].line_start, 5);
    assert_int_equal(l.v[1].line_end, 10);
    assert_int_equal(l.v[6].line_end, 30);
    free(l.v);
    free(s);
    tx_analyzer_free(a);
}

static void test_line_ends(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *crlf = "one two\r\nthree\r\n\r\nfour five\r\n";
    plist l = passages(a, crlf, strlen(crlf), 120);
    check_passages(a, "crlf", crlf, strlen(crlf), &l, 120);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].line_start, 1);
    assert_int_equal(l.v[0].line_end, 2);
    assert_int_equal(l.v[0].byte_end, 14); /* "one two\r\nthree" */
    assert_int_equal(l.v[0].words, 3);
    assert_int_equal(l.v[1].line_start, 4);
    assert_int_equal(l.v[1].line_end, 4);
    assert_int_equal(l.v[1].paragraph, 2);
    free(l.v);

    const char *cr = "one\rtwo\r\rthree\r \r\rfour";
    l = passages(a, cr, strlen(cr), 120);
    check_passages(a, "cr", cr, strlen(cr), &l, 120);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].line_start, 1);
    assert_int_equal(l.v[0].line_end, 2);
    assert_int_equal(l.v[1].line_start, 4);
    assert_int_equal(l.v[2].line_start, 7);
    assert_int_equal(l.v[2].byte_end, strlen(cr)); /* no final newline */
    free(l.v);

    /* Mixed line ends in one file. */
    const char *mixed = "a\nb\r\nc\rd\n\ne";
    l = passages(a, mixed, strlen(mixed), 120);
    check_passages(a, "mixed", mixed, strlen(mixed), &l, 120);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].line_end, 4);
    assert_int_equal(l.v[1].line_start, 6);
    free(l.v);
    tx_analyzer_free(a);
}

static void test_blank_lines(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    /* A line of just NBSP (as in the corpus), of tabs and ideographic
     * spaces: blank.  Passages trim NBSP too. */
    const char *s = "\xC2\xA0 first para\xC2\xA0\n\xC2\xA0\nsecond\n"
                    " \t\xE3\x80\x80\t\nthird \xC2\xA0\n";
    plist l = passages(a, s, strlen(s), 120);
    check_passages(a, "nbsp", s, strlen(s), &l, 120);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].byte_start, 3);
    assert_int_equal(l.v[0].byte_end, 13);
    assert_int_equal(l.v[1].line_start, 3);
    assert_int_equal(l.v[2].line_start, 5);
    assert_int_equal(l.v[2].paragraph, 3);
    free(l.v);

    /* Empty and white-space-only inputs have no passage. */
    const char *none[] = {"", "\n", "\r\n\r\n", " \t \xC2\xA0\n \n"};
    for (int i = 0; i < 4; i++) {
        l = passages(a, none[i], strlen(none[i]), 120);
        assert_int_equal(l.n, 0);
        free(l.v);
    }
    /* Word-less and invalid text is still a passage. */
    const char *odd = "* * *\n\nbad\xFF\xFE bytes\xE2\x80\n";
    l = passages(a, odd, strlen(odd), 120);
    check_passages(a, "odd", odd, strlen(odd), &l, 120);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].words, 0);
    assert_int_equal(l.v[1].words, 2);
    free(l.v);
    tx_analyzer_free(a);
}

static void test_huge_line(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    size_t cap = 600 * 1024;
    char *s = malloc(cap + 64);
    assert_non_null(s);
    /* Sentences on one line, then words with no sentence end at all. */
    for (int kind = 0; kind < 2; kind++) {
        size_t len = 0;
        unsigned n = 0;
        while (len < cap) {
            if (kind)
                len += (size_t)sprintf(s + len, "word%u ", n++);
            else
                len += (size_t)sprintf(s + len, "Word%u ends. ", n++);
        }
        clock_t t0 = clock();
        plist l = passages(a, s, len, 120);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        assert_true(l.n > 100);
        unsigned total = 0;
        for (size_t i = 0; i < l.n; i++) {
            assert_int_equal(l.v[i].line_start, 1);
            assert_true(l.v[i].words <= 120);
            total += l.v[i].words;
        }
        /* Overlapping windows: more words than the line, and together
         * they cover it from its first byte to its last. */
        assert_true(total > (kind ? n : 2 * n));
        assert_int_equal(l.v[0].byte_start, 0);
        assert_int_equal(l.v[l.n - 1].byte_end, len - 1);
        for (size_t i = 1; i < l.n; i++)
            assert_true(l.v[i].byte_start < l.v[i - 1].byte_end);
        /* Linear: well under a second for 600 KB even under sanitizers. */
        if (secs > 5.0)
            fail_msg("600 KB line took %.2f s", secs);
        free(l.v);
    }
    free(s);
    tx_analyzer_free(a);
}

static int stop_at_two(void *ctx, const tx_passage *p)
{
    (void)p;
    return ++*(int *)ctx == 2;
}

static void test_count_lines(void **state)
{
    (void)state;
    /* The breaks tx_passages numbers lines by: LF, CR LF as one, lone CR. */
    assert_int_equal(tx_count_lines("", 0), 0);
    assert_int_equal(tx_count_lines("a\nb\r\nc\rd", 8), 3);
    assert_int_equal(tx_count_lines("\r", 1), 1);
    assert_int_equal(tx_count_lines("\r\n\r\n", 4), 2);
    assert_int_equal(tx_count_lines("no break", 8), 0);
}

static void test_stop(void **state)
{
    (void)state;
    tx_analyzer *a = new_analyzer();
    const char *s = "a\n\nb\n\nc\n\nd\n";
    int calls = 0;
    char *msg = NULL;
    assert_int_equal(tx_passages(a, s, strlen(s), 120, stop_at_two, &calls,
                                 &msg),
                     CS_OK);
    assert_int_equal(calls, 2);
    tx_analyzer_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_long_paragraph_split),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_huge_line),
        cmocka_unit_test(test_count_lines),
        cmocka_unit_test(test_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
