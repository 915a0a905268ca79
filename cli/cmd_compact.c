/* cmd_compact.c - `citesearch compact [--db DIR] [--quiet]` */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "ix_compact.h"
#include "ix_location.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: citesearch compact [--db DIR] [--quiet]\n\n"
            "Rewrites the index compactly, in place: smaller and faster to\n"
            "search after many incremental index runs.  Answers do not change;\n"
            "the old index is replaced in one step, so an interrupted run\n"
            "leaves it whole.\n\n"
            "  --db DIR      the index (default: $CITESEARCH_DB, else the\n"
            "                nearest .citesearch/)\n"
            "  -q, --quiet   no summary\n"
            "  -h, --help    this help\n");
}

int cmd_compact(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db_opt = NULL;
    int quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_ERROR;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return CLI_ERROR;
    }
    char *msg = NULL, *db_path = NULL;
    cs_status rc = ix_find_db(db_opt, 0, &db_path, &msg);
    if (rc != CS_OK)
        return cli_error(rc, msg);
    uint64_t before = 0, after = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rc = ix_compact(db_path, &before, &after, &msg);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc == CS_OK && !quiet)
        fprintf(stderr, "%s: compacted from %.1f MB to %.1f MB in %.2f s\n",
                db_path, (double)before / 1e6, (double)after / 1e6,
                (double)(t1.tv_sec - t0.tv_sec) +
                    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    free(db_path);
    return rc == CS_OK ? CLI_OK : cli_error(rc, msg);
}
