/* cmd_index.c - `citesearch index [--db DIR] [--manifest FILE.csv]
 * [--jobs N] [--shards N] PATH...` */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "ix_index.h"
#include "ix_location.h"
#include "ix_shards.h"

/* The signal (SIGINT or SIGTERM) that asked the run to stop, or 0. */
static volatile sig_atomic_t stop_requested;

/* Asks ix_run to stop before its next file.  The handler is reset by the
 * signal (SA_RESETHAND), so a second signal ends the process at once:
 * that is safe too, as the index holds only whole commits. */
static void on_signal(int sig)
{
    static const char note[] =
        "\ncitesearch: stopping before the next file (the index keeps its "
        "last commit); signal again to stop at once\n";
    stop_requested = sig;
    if (write(STDERR_FILENO, note, sizeof note - 1) < 0) {
        /* nothing to do: the stop does not depend on the note */
    }
}

/* " (N shards)" for the summary of a sharded index, " (N writers)" for a
 * parallel run, else "". */
static const char *shard_note(const ix_summary *sum, char *buf, size_t size)
{
    if (sum->shards > 1)
        snprintf(buf, size, " (%u shards)", sum->shards);
    else if (sum->writers > 1)
        snprintf(buf, size, " (%u writers)", sum->writers);
    else
        return "";
    return buf;
}

/* Reads environment variable `name`, when set, as a number of bytes into
 * *out.  0 (after an error message) when it is not one. */
static int bytes_from_env(const char *name, size_t *out)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return 1;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || n < 1 || v[0] == '-') {
        fprintf(stderr, "citesearch index: %s '%s' is not a number of bytes\n", name, v);
        return 0;
    }
    *out = (size_t)n;
    return 1;
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: citesearch index [--db DIR] [--manifest FILE.csv] [--jobs N]\n"
            "                        [--shards N] [--quiet] [--verbose] PATH...\n\n"
            "Indexes .txt, .md, .eml, .mbox, .html, .htm, .mhtml and .mht files\n"
            "(directories are walked) as passages.\n"
            "Unchanged files are not re-read, changed ones are replaced, vanished\n"
            "ones removed; an interrupted run leaves the last commit intact.\n\n"
            "  --db DIR             the index (default: $CITESEARCH_DB, else the\n"
            "                       nearest .citesearch/, else ./.citesearch)\n"
            "  --manifest FILE.csv  metadata: path,title,source,date,url,lang\n"
            "                       (a folder's own manifest.csv is read too)\n"
            "  -j, --jobs N         index with N writers at once (default: one per\n"
            "                       processor, when there are 4 MB or more to\n"
            "                       index); 1: one writer, committing as it goes\n"
            "  --shards N           a new index as N shards (DIR/shard-K and the\n"
            "                       stub DIR/XAPIANDB), each file in one shard; an\n"
            "                       existing index keeps its count\n"
            "  -q, --quiet          no progress and no summary\n"
            "  -v, --verbose        name each file indexed, removed or skipped\n"
            "  -h, --help           this help\n");
}

int cmd_index(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"manifest", required_argument, NULL, 'm'},
        {"jobs", required_argument, NULL, 'j'},
        {"shards", required_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db_opt = NULL, *manifest = NULL;
    int quiet = 0, verbose = 0, c;
    unsigned shards = 0, jobs = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:qvh", options, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'm': manifest = optarg; break;
        case 's':
            if (cli_parse_count("index", "--shards", optarg, 1, IX_MAX_SHARDS,
                                &shards) != 0)
                return CLI_ERROR;
            break;
        case 'j':
            if (cli_parse_count("index", "--jobs", optarg, 1, IX_MAX_JOBS,
                                &jobs) != 0)
                return CLI_ERROR;
            break;
        case 'q': quiet = 1; break;
        case 'v': verbose = 1; break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_ERROR;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "citesearch index: no PATH given\n");
        usage(stderr);
        return CLI_ERROR;
    }
    char *msg = NULL, *db_path = NULL;
    cs_status rc = ix_find_db(db_opt, 1, &db_path, &msg);
    if (rc != CS_OK)
        return cli_error(rc, msg);

    struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESETHAND};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* Past a file size limit (ulimit -f) a write fails with EFBIG, which
     * Xapian reports and the run ends in an error naming the index,
     * rather than the process being killed by SIGXFSZ. */
    signal(SIGXFSZ, SIG_IGN);

    ix_options opts = {.db_path = db_path, .manifest_path = manifest,
                       .shards = shards, .jobs = jobs,
                       .log = stderr, .quiet = quiet, .verbose = verbose,
                       .stop = &stop_requested};
    /* Text per commit: smaller commits lose less to a crash, larger ones
     * index faster (the tests use small ones to crash between commits);
     * text per scratch database of a parallel run (the tests use small
     * ones to merge many). */
    if (!bytes_from_env("CITESEARCH_BATCH_BYTES", &opts.batch_bytes) ||
        !bytes_from_env("CITESEARCH_PART_BYTES", &opts.part_bytes)) {
        free(db_path);
        return CLI_ERROR;
    }
    ix_summary sum;
    char note[32];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rc = ix_run(&opts, argv + optind, (size_t)(argc - optind), &sum, &msg);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc != CS_OK) {
        free(db_path);
        int status = cli_error(rc, msg);
        if (rc == CS_INTERRUPTED && stop_requested) {
            /* End by the signal, as shells and make expect of a program
             * stopped by one (exit status 130 for SIGINT, 143 for SIGTERM
             * in a shell), now that the index is closed. */
            int sig = stop_requested;
            signal(sig, SIG_DFL);
            raise(sig);
        }
        return status;
    }
    if (!quiet)
        fprintf(stderr,
                "%s: %u files: %u read, %u indexed (%lu passages), %u "
                "unchanged, %u removed, %u skipped in %.2f s%s\n",
                db_path, sum.files, sum.read, sum.indexed, sum.passages,
                sum.unchanged,
                sum.removed, sum.skipped,
                (double)(t1.tv_sec - t0.tv_sec) +
                    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
                shard_note(&sum, note, sizeof note));
    free(db_path);
    /* As a batch with a bad row: the rest is done, the run still fails. */
    if (sum.bad_manifest_rows) {
        fprintf(stderr, "citesearch: %u manifest row%s skipped (said above): "
                        "correct %s and index again\n",
                sum.bad_manifest_rows, sum.bad_manifest_rows == 1 ? "" : "s",
                sum.bad_manifest_rows == 1 ? "it" : "them");
        return CLI_ERROR;
    }
    return CLI_OK;
}
