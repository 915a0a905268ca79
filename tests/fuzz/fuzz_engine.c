/* fuzz_engine.c - fuzz target: the query engine (qy_engine) answering
 * arbitrary bytes, in every mode, on an index of the shipped corpus and
 * of a few files written in other forms (an e-mail in quoted-printable
 * HTML, Windows-1252 bytes, lines ending in CR, one long line).  It must
 * answer CS_OK or CS_BAD_INPUT with a message, never crash or leak, and
 * every result must keep the citation's promises: its text is the file's
 * bytes [byte_start, byte_end), its highlights and its speaker's name
 * lie within the file, sorted and disjoint, its diff's words are there.
 *
 * The index is built once, on the first input, in a new directory under
 * $TMPDIR (else /tmp), removed at exit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_scratch.h"
#include "ix_index.h"
#include "qy_engine.h"

/* Longer queries say nothing more to the engine and slow the fuzzer. */
#define MAX_QUERY 1024

static qy_engine *engine;

/* Files of other forms than the corpus's, beside it. */
static const struct {
    const char *name, *text;
} extra[] = {
    {"mail.txt",
     "From: Desk <desk@example.org>\n"
     "To: Checkers <check@example.org>\n"
     "Subject: =?UTF-8?Q?Attack_on_the_parliament?=\n"
     "Date: Tue, 26 Dec 2023 10:00:00 +0100\n"
     "MIME-Version: 1.0\n"
     "Content-Type: text/html; charset=utf-8\n"
     "Content-Transfer-Encoding: quoted-printable\n"
     "\n"
     "<p>The parliament said it had suffered a cyberattack, =E2=80=9Cdid no=\n"
     "t affect system data,=E2=80=9D the speaker told reporters.</p>\n"
     "<p>Some 2,500 exiles &amp; 1,000 members live near Tirana.</p>\n"},
    {"latin1.txt",
     "Jos\xe9 Ram\xedrez said the attack was \x93" "abnormal\x94.\n\n"
     "The minister denied that the data was leaked on 15 July.\n"},
    {"cr.txt",
     "Title line\r\rHe said: \"we are ready\".\rRama said the system was"
     " back online on Sunday.\r"},
    {"long.txt",
     "The group was founded in 1965. It moved to Albania in 2016. Its "
     "members, about a thousand, live in a compound. The government said "
     "the attack was by the same aggressors. Nobody denied it. The U.S. "
     "condemned the September 9th cyberattack. More than 2,000 people "
     "were affected, officials said, though nearly 75 million records "
     "were not. Another cyber attack by the same aggressors was recorded "
     "last night on the TIMS system, Rama wrote. The systems will be out "
     "of service until the risk is completely removed. One third of the "
     "staff, 14.64 percent of the budget and 73.3 million dollars were "
     "spent. ____ ---- The end.\n"},
};

static void close_engine(void)
{
    if (engine)
        qy_engine_close(engine);
    engine = NULL;
}

static void build_index(void)
{
    fuzz_scratch_make("engine", close_engine);
    const char *dir = fuzz_scratch;
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "cp -r '%s/corpus' '%s/corpus' && mkdir '%s/more'",
             CS_SOURCE_DIR, dir, dir);
    if (system(cmd) != 0)
        abort();
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) {
        snprintf(cmd, sizeof cmd, "%s/more/%s", dir, extra[i].name);
        FILE *f = fopen(cmd, "wb");
        if (!f || fputs(extra[i].text, f) < 0 || fclose(f) != 0)
            abort();
    }
    char cwd[4096], db[4200];
    if (!getcwd(cwd, sizeof cwd) || chdir(dir) != 0)
        abort();
    snprintf(db, sizeof db, "%s/db", dir);
    FILE *log = fopen("/dev/null", "w");
    ix_options o = {.db_path = db, .log = log, .quiet = 1};
    ix_summary sum;
    char *paths[] = {"corpus", "more"};
    /* corpus/ (five articles and its manifest, which is no text file)
     * and every extra file, each read as text. */
    if (ix_run(&o, paths, 2, &sum, NULL) != CS_OK ||
        sum.indexed != 5 + sizeof extra / sizeof *extra)
        abort();
    fclose(log);
    if (chdir(cwd) != 0 || qy_engine_open(db, &engine, NULL) != CS_OK)
        abort();
}

/* The file's bytes [start, end), or abort when it has not so many. */
static void check_bytes(const char *path, size_t start, size_t end, const char *want)
{
    char full[8400];
    snprintf(full, sizeof full, "%s/%s", fuzz_scratch, path);
    FILE *f = fopen(full, "rb");
    if (!f || fseek(f, (long)start, SEEK_SET) != 0)
        abort();
    for (size_t i = start; i < end; i++)
        if (fgetc(f) != (unsigned char)want[i - start])
            abort();
    fclose(f);
}

static void check_result(const qy_result *r, unsigned rank)
{
    if (r->rank != rank || !r->path || !r->cite || !r->title || !r->text ||
        r->byte_start > r->byte_end || r->text_len != r->byte_end - r->byte_start ||
        r->line_start > r->line_end)
        abort();
    check_bytes(r->path, r->byte_start, r->byte_end, r->text);
    size_t last = 0;
    for (size_t i = 0; i < r->nhighlights; i++) {
        const qy_span *h = &r->highlights[i];
        if (h->start >= h->end || h->start < last || h->start < r->byte_start ||
            h->end > r->byte_end)
            abort();
        last = h->end;
    }
    if (r->match != QY_MATCH_NEAR && r->ndiff)
        abort();
    for (size_t i = 0; i < r->ndiff; i++)
        if (!strchr("=-+~", r->diff[i].op) || !r->diff[i].op || !r->diff[i].query ||
            !r->diff[i].source)
            abort();
    for (size_t i = 0; i < r->nunsupported; i++)
        if (!r->unsupported[i] || !*r->unsupported[i])
            abort();
    for (size_t i = 0; i < r->nnegated; i++)
        if (!r->negated[i] || !*r->negated[i])
            abort();
    for (size_t i = 0; i < r->nrespelt; i++)
        if (!r->respelt[i].query || !r->respelt[i].source)
            abort();
    for (size_t i = 0; i < r->nfigures; i++)
        if (!r->figures[i].query || !r->figures[i].source)
            abort();
    if (r->said_by.name &&
        (!r->said_by.cite || r->said_by.byte_start >= r->said_by.byte_end))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine)
        build_index();
    if (size > MAX_QUERY)
        size = MAX_QUERY;
    char *q = malloc(size + 1);
    if (!q)
        abort();
    memcpy(q, data, size);
    q[size] = '\0';
    for (int mode = QY_MODE_AUTO; mode <= QY_MODE_QUOTE; mode++) {
        qy_request req = {.query = q, .mode = (qy_mode)mode, .limit = 5};
        qy_answer a = {0};
        char *msg = NULL;
        cs_status st = qy_engine_query(engine, &req, &a, &msg);
        if (st == CS_OK) {
            if (msg || a.n > req.limit)
                abort();
            for (size_t i = 0; i < a.n; i++)
                check_result(&a.results[i], (unsigned)i + 1);
        } else if (st != CS_BAD_INPUT || !msg) {
            abort();
        }
        free(msg);
        qy_answer_clear(&a);
    }
    free(q);
    return 0;
}
