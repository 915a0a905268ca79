/* fuzz_batch.c - fuzz target: the CSV batch reader on arbitrary input,
 * answered against a small index built once.  Every row must end in an
 * answer or an error record; nothing may crash, hang or leak.
 * The index is built on the first input, in fuzz_scratch.h's directory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_scratch.h"
#include "ix_index.h"
#include "qy_batch.h"
#include "qy_engine.h"
#include "qy_output.h"

static qy_engine *engine;

static void close_engine(void)
{
    if (engine)
        qy_engine_close(engine);
    engine = NULL;
}

static void build_index(void)
{
    fuzz_scratch_make("batch", close_engine);
    const char *dir = fuzz_scratch;
    char path[4200], db[4200], cwd[4096];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    snprintf(db, sizeof db, "%s/db", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        abort();
    fputs("A title\n\nAlbania cut diplomatic ties with Iran in September 2022.\n\n"
          "\xE2\x80\x9CThe systems will be out of service until the risk is "
          "removed,\xE2\x80\x9D the ministry said. Prosecutor Olsjan \xC3\x87" "ela.\n",
          f);
    fclose(f);
    if (!getcwd(cwd, sizeof cwd) || chdir(dir) != 0)
        abort();
    FILE *log = fopen("/dev/null", "w");
    ix_options o = {.db_path = db, .log = log, .quiet = 1};
    ix_summary sum;
    char *paths[] = {"a.txt"};
    if (ix_run(&o, paths, 1, &sum, NULL) != CS_OK || chdir(cwd) != 0)
        abort();
    fclose(log);
    if (qy_engine_open(db, &engine, NULL) != CS_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine)
        build_index();
    FILE *in = fmemopen((void *)data, size, "r");
    FILE *out = fopen("/dev/null", "w");
    if (!in || !out)
        abort();
    qy_printer *p = qy_printer_new(size % 2 ? QY_FORMAT_CSV : QY_FORMAT_JSONL, out, 0, 1);
    qy_request defaults = {.limit = 3, .mode = QY_MODE_AUTO};
    qy_batch_stats st;
    char *msg = NULL;
    qy_engine *engines[1] = {engine};
    cs_status rc = qy_batch_run(engines, 1, in, "fuzz.csv", &defaults, p, &st, &msg);
    if (rc != CS_OK && rc != CS_BAD_INPUT)
        abort();
    if (st.failed > st.rows || st.answered > st.rows)
        abort();
    free(msg);
    qy_printer_free(p);
    fclose(in);
    fclose(out);
    return 0;
}
