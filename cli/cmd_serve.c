/* cmd_serve.c - `citesearch serve [--db DIR] [--listen HOST:PORT]` */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ix_location.h"
#include "qy_engine.h"
#include "qy_serve.h"
#include "xs.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: citesearch serve [--db DIR] [--listen HOST:PORT] [--allow-partial]\n"
            "                        [--remote-timeout S]\n\n"
            "Serves a search page and a JSON API over the index (GET /,\n"
            "/api/query, /api/show, /api/stats; POST /api/batch) until\n"
            "interrupted (SIGINT or SIGTERM).\n\n"
            "  --db DIR              the index\n"
            "  --listen HOST:PORT    where to listen (default 127.0.0.1:8080;\n"
            "                        port 0 picks a free one).  Anyone who can\n"
            "                        reach the address can read the indexed texts\n"
            "  -j, --jobs N          workers of one batch (default: up to 4)\n"
            "  --allow-partial       a sharded index answers from the shards that\n"
            "                        open, a warning naming each missing one at start\n"
            "  --remote-timeout S    seconds a remote shard may take to connect or\n"
            "                        answer (default 10)\n"
            "  -h, --help            this help\n");
}

int cmd_serve(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"listen", required_argument, NULL, 'l'},
        {"jobs", required_argument, NULL, 'j'},
        {"allow-partial", no_argument, NULL, 'P'},
        {"remote-timeout", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db_opt = NULL;
    qy_serve_opts opts = {.listen = "127.0.0.1:8080"};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:h", options, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'l': opts.listen = optarg; break;
        case 'j':
            if (cli_parse_count("serve", "--jobs", optarg, 1, 64, &opts.jobs) != 0)
                return CLI_ERROR;
            break;
        case 'P': opts.allow_partial = 1; break;
        case 'T':
            if (cli_parse_timeout("serve", optarg, &opts.timeout_ms) != 0)
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
    cs_status rc = ix_find_db(db_opt, 0, &db_path, &msg);
    if (rc != CS_OK)
        return cli_error(rc, msg);
    opts.db_path = db_path;

    /* The server's threads inherit this mask, so the signals that stop it
     * reach only sigwait below. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);

    qy_server *s = NULL;
    rc = qy_serve_start(&opts, &s, &msg);
    if (rc != CS_OK) {
        free(db_path);
        return cli_error(rc, msg);
    }
    if (!qy_serve_loopback(s))
        fprintf(stderr, "citesearch serve: warning: %s is not a loopback "
                        "address; anyone who can reach it can read the "
                        "indexed texts\n", opts.listen);
    if (opts.allow_partial) {
        /* As query says it: which shards the answers leave out, now. */
        xs_open_opts o = {.allow_partial = 1, .timeout_ms = opts.timeout_ms};
        qy_engine *e = NULL;
        if (qy_engine_open_with(opts.db_path, &o, &e, NULL) == CS_OK)
            cli_warn_missing(e);
        qy_engine_close(e);
    }
    free(db_path);
    printf("serving %s\n", qy_serve_url(s));
    fflush(stdout);

    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "citesearch serve: %s, stopping\n",
            sig == SIGINT ? "interrupted" : "terminated");
    qy_serve_stop(s);
    return CLI_OK;
}
