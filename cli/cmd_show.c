/* cmd_show.c - `citesearch show [--db DIR] [--context N] CITE` */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "ix_location.h"
#include "qy_show.h"

/* The most passages --context asks for on each side. */
#define MAX_CONTEXT 10000

static void usage(FILE *out)
{
    fprintf(out, "usage: citesearch show [--db DIR] [--context N] CITE\n\n"
                 "Prints the passage CITE (PATH:LINE or PATH:LINE-LINE, as query\n"
                 "prints it) from its file, with N passages around it, and warns\n"
                 "when the file changed since it was indexed.\n\n"
                 "  --db DIR           the index\n"
                 "  -C, --context N    passages before and after (default 0)\n"
                 "  -h, --help         this help\n");
}

int cmd_show(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"context", required_argument, NULL, 'C'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db_opt = NULL;
    unsigned context = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "C:h", options, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'C':
            /* Said with its range: 30000 is a number, only too many. */
            if (cli_parse_count("show", "--context", optarg, 0, MAX_CONTEXT,
                                &context) != 0)
                return CLI_ERROR;
            break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_ERROR;
        }
    }
    if (optind + 1 != argc) {
        usage(stderr);
        return CLI_ERROR;
    }
    char *msg = NULL, *db_path = NULL;
    qy_engine *e = NULL;
    cs_status rc = ix_find_db(db_opt, 0, &db_path, &msg);
    if (rc == CS_OK)
        rc = qy_engine_open(db_path, &e, &msg);
    if (rc == CS_OK)
        rc = qy_show(e, argv[optind], context, stdout, &msg);
    qy_engine_close(e);
    free(db_path);
    return rc == CS_OK ? CLI_OK : cli_error(rc, msg);
}
