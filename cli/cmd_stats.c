/* cmd_stats.c - `citesearch stats [--db DIR] [--format text|json]` */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ix_location.h"
#include "qy_show.h"
#include "xs.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: citesearch stats [--db DIR] [--format text|json] "
                 "[--allow-partial]\n"
                 "                       [--remote-timeout S]\n\n"
                 "Describes the index: where it is, its root, files, passages,\n"
                 "and each shard of a sharded one.\n\n"
                 "  --db DIR              the index\n"
                 "  --format text|json    text for people (default), json for scripts\n"
                 "  --allow-partial       a sharded index: also the shards that cannot\n"
                 "                        be reached, and why\n"
                 "  --remote-timeout S    seconds a remote shard may take to connect or\n"
                 "                        to answer (default 10)\n"
                 "  -h, --help            this help\n");
}

int cmd_stats(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"allow-partial", no_argument, NULL, 'P'},
        {"remote-timeout", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db_opt = NULL;
    int json = 0, c;
    xs_open_opts open_opts = {0};
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "text") != 0) {
                fprintf(stderr, "citesearch stats: unknown --format '%s' (text "
                                "or json)\n", optarg);
                return CLI_ERROR;
            }
            break;
        case 'P': open_opts.allow_partial = 1; break;
        case 'T':
            if (cli_parse_timeout("stats", optarg, &open_opts.timeout_ms) != 0)
                return CLI_ERROR;
            break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_ERROR;
        }
    }
    if (optind != argc) {
        usage(stderr);
        return CLI_ERROR;
    }
    char *msg = NULL, *db_path = NULL;
    qy_engine *e = NULL;
    cs_status rc = ix_find_db(db_opt, 0, &db_path, &msg);
    if (rc == CS_OK)
        rc = qy_engine_open_with(db_path, &open_opts, &e, &msg);
    if (rc == CS_OK)
        rc = qy_stats(e, json, stdout, &msg);
    qy_engine_close(e);
    free(db_path);
    return rc == CS_OK ? CLI_OK : cli_error(rc, msg);
}
