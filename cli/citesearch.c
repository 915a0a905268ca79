/* citesearch.c - the program's entry point and its table of subcommands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <csv.h>

#include "cli.h"
#include "tx.h"
#include "xs.h"

static const struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} subcommands[] = {
    {"index", cmd_index, "index text files into passages (incremental)"},
    {"query", cmd_query, "ranked passages with citations for a claim or quote"},
    {"show", cmd_show, "print a cited passage from its file, with context"},
    {"stats", cmd_stats, "describe the index"},
    {"serve", cmd_serve, "a local search page and JSON API over the index"},
    {"compact", cmd_compact, "rewrite the index compactly, in place"},
};

int cli_error(cs_status st, char *msg)
{
    fprintf(stderr, "citesearch: %s\n", msg && *msg ? msg : cs_status_to_string(st));
    free(msg);
    return CLI_ERROR;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: citesearch COMMAND [OPTIONS] [ARGS]\n\n"
                 "Full-text search with exact citations, for checking facts.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
        fprintf(out, "  %-7s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(out, "\n'citesearch COMMAND --help' describes a command's options.\n"
                 "The index is --db DIR, else $CITESEARCH_DB, else the nearest "
                 ".citesearch/ here or above.\n");
}

/* A sharded index holds every shard open at once (two or three files
 * each, times the engines of a batch or of the server's requests), past
 * the soft limit of 1024 open files many systems start with: raise it to
 * the hard limit, as far as it goes (no error when it cannot). */
static void raise_file_limit(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

int main(int argc, char **argv)
{
    raise_file_limit();
    if (argc < 2) {
        usage(stderr);
        return CLI_ERROR;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        /* Xapian and ICU as loaded at run time; libcsv has no run-time
         * version call, so its version is the one built against. */
        printf("citesearch %s (Xapian %s, ICU %s, libcsv %d.%d.%d)\n",
               CITESEARCH_VERSION, xs_version(), tx_icu_version(), CSV_MAJOR,
               CSV_MINOR, CSV_RELEASE);
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
        if (strcmp(argv[1], subcommands[i].name) == 0) {
            /* getopt_long names argv[0] in its messages: "citesearch
             * query: unrecognized option '--formt'", as our own say. */
            static char name[32];
            snprintf(name, sizeof name, "citesearch %s", subcommands[i].name);
            argv[1] = name;
            return subcommands[i].run(argc - 1, argv + 1);
        }
    fprintf(stderr, "citesearch: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return CLI_ERROR;
}
