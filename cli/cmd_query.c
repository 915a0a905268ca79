/* cmd_query.c - `citesearch query [options] QUERY...` and `--batch FILE`. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "ix_location.h"
#include "qy_batch.h"
#include "qy_engine.h"
#include "qy_output.h"
#include "xs.h"

#define MAX_FILTERS 64

static int run_query(int argc, char **argv, char **words, int nwords);

static void usage(FILE *out)
{
    fprintf(out,
            "usage: citesearch query [OPTIONS] QUERY...\n"
            "       citesearch query --batch FILE.csv|- [OPTIONS]\n\n"
            "Ranked passages with exact citations.  QUERY: bare words (ranked),\n"
            "\"a phrase\", +required, -excluded, title: source: to: path: lang:\n"
            "date:YYYY[-MM[-DD]] or date:FROM..TO filters.  A query that is one\n"
            "quotation is searched verbatim (quote mode).\n\n"
            "  --db DIR              the index\n"
            "  -n, --limit N         results per query (default 10)\n"
            "  --per-doc N           at most N results from one file\n"
            "  --mode auto|claim|quote\n"
            "  --format text|jsonl|json|csv|tsv (default: text on a terminal, else jsonl)\n"
            "  --filter FIELD:VALUE  a filter, as in the query (repeatable)\n"
            "  --batch FILE.csv|-    CSV with header id,query[,mode,limit,filter];\n"
            "                        - reads standard input, answering as it comes\n"
            "  -j, --jobs N          batch queries answered in parallel (default:\n"
            "                        the number of cores); output stays in order\n"
            "  --allow-partial       a sharded index answers from the shards that\n"
            "                        open, with a warning naming each missing one\n"
            "  --remote-timeout S    seconds a remote shard may take to connect or\n"
            "                        to answer (default 10)\n"
            "  -h, --help            this help\n\n"
            "exit status: 0 results, 1 none, 2 error (a batch: 2 if a row failed)\n");
}

/* A batch stopped by SIGINT or SIGTERM still ends by the signal, as
 * shells expect, but not in the middle of an answer: a pipe's reader
 * would get half a line.  While an answer is written (the printer's
 * guard), the signal waits for it to be whole, STOP_WAIT seconds at
 * most: a reader that stopped reading leaves the write blocked for good
 * (the pipe full), and the signal would never stop the batch. */
#define STOP_WAIT 2
static atomic_int answer_writing;
/* Atomics, not volatile sig_atomic_t: the handler may run on another
 * thread than the writer's (lock-free atomics are async-signal-safe). */
static atomic_int stop_signal;

static void stop_by(int sig)
{
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A second signal stops at once, as the alarm does.  The signal is
 * noted before the writing is looked at, and answer_guard looks at the
 * signal after noting the writing, so that with the answer written on
 * another thread one of the two always sees the other. */
static void on_stop(int sig)
{
    if (atomic_load(&stop_signal))
        stop_by(sig);
    atomic_store(&stop_signal, sig);
    if (!atomic_load(&answer_writing))
        stop_by(sig);
    alarm(STOP_WAIT); /* on_stop_wait */
}

static void on_stop_wait(int sig)
{
    (void)sig;
    int stop = atomic_load(&stop_signal);
    if (stop)
        stop_by(stop);
}

/* Before an answer (1) and once it is whole (0): a signal noted stops
 * the batch there, between two answers. */
static void answer_guard(int writing)
{
    atomic_store(&answer_writing, writing);
    int stop = atomic_load(&stop_signal);
    if (stop)
        stop_by(stop);
}

/* Catches SIGINT and SIGTERM for answer_guard, unless they are ignored
 * (a background job of a script ignores SIGINT, and goes on doing so),
 * and SIGALRM for the longest wait. */
static void hold_stops(qy_printer *printer)
{
    static const int sigs[] = {SIGINT, SIGTERM};
    struct sigaction sa = {.sa_handler = on_stop}, old;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    sa.sa_handler = on_stop_wait;
    sigaction(SIGALRM, &sa, NULL);
    qy_printer_set_guard(printer, answer_guard);
}

static void close_engines(qy_engine **engines, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        qy_engine_close(engines[i]);
    free(engines);
}

/* -n and --per-doc: 0 or more (0: the default). */
#define MAX_COUNT 100000

/* The options of query; those taking a value are marked. */
static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"limit", required_argument, NULL, 'n'},
        {"per-doc", required_argument, NULL, 'p'},
        {"mode", required_argument, NULL, 'm'},
        {"format", required_argument, NULL, 'f'},
        {"filter", required_argument, NULL, 'F'},
        {"batch", required_argument, NULL, 'b'},
        {"jobs", required_argument, NULL, 'j'},
        {"allow-partial", no_argument, NULL, 'P'},
        {"remote-timeout", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};

/* Short options: -n takes a value. */
#define SHORT_OPTIONS "n:j:h"

/* Non-zero when `arg` is an option of query (so "-word", an exclusion, is
 * not); *takes_value tells whether its value is the next argument.  Any
 * "--name" is one: an option's name or a unique start of it (as
 * getopt_long takes --form for --format), or else a mistyped option that
 * getopt_long then reports (--json, --formt), not a query word that would
 * silently run with the default format or limit.  A query word that
 * starts with "--" goes after "--". */
static int is_option(const char *arg, int *takes_value)
{
    *takes_value = 0;
    if (strncmp(arg, "--", 2) == 0 && arg[2]) {
        const char *name = arg + 2;
        size_t len = strcspn(name, "=");
        const struct option *match = NULL;
        int matches = 0;
        for (const struct option *o = options; o->name; o++) {
            if (strncmp(o->name, name, len) != 0)
                continue;
            if (strlen(o->name) == len) { /* exact: no other counts */
                match = o;
                matches = 1;
                break;
            }
            match = o;
            matches++;
        }
        if (matches == 1)
            *takes_value = match->has_arg == required_argument && !name[len];
        return 1;
    }
    if (arg[0] == '-' && arg[1] && strchr(SHORT_OPTIONS, arg[1]) &&
        arg[1] != ':') {
        const char *spec = strchr(SHORT_OPTIONS, arg[1]);
        if (spec[1] == ':')
            *takes_value = arg[2] == '\0';
        return arg[2] == '\0' || spec[1] == ':';
    }
    return 0;
}

/* Separates options from query words, wherever they stand, so that
 * `query -n 3 words` and `query words -n 3` both work while `-word` and
 * `+word` stay query words.  After "--" everything is words.  The option
 * arguments are moved to the front of argv (for getopt_long); returns
 * their count, and the words, in order, fill words[]. */
static int split_arguments(int argc, char **argv, char **words, int *nwords)
{
    char **opts = malloc((size_t)argc * sizeof *opts);
    int nopts = 1, tv;
    *nwords = 0;
    if (!opts)
        return -1;
    opts[0] = argv[0];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (++i < argc)
                words[(*nwords)++] = argv[i];
            break;
        }
        if (is_option(argv[i], &tv)) {
            opts[nopts++] = argv[i];
            if (tv && i + 1 < argc)
                opts[nopts++] = argv[++i];
        } else {
            words[(*nwords)++] = argv[i];
        }
    }
    memcpy(argv, opts, (size_t)nopts * sizeof *argv);
    free(opts);
    return nopts;
}

int cmd_query(int argc, char **argv)
{
    char **words = malloc(((size_t)argc + 1) * sizeof *words);
    int nwords = 0;
    if (!words)
        return cli_error(CS_NOMEM, NULL);
    argc = split_arguments(argc, argv, words, &nwords);
    int status = run_query(argc, argv, words, nwords);
    free(words);
    return status;
}

static int run_query(int argc, char **argv, char **words, int nwords)
{
    const char *db_opt = NULL, *format = NULL, *batch = NULL;
    const char *filters[MAX_FILTERS];
    unsigned jobs = 0;
    xs_open_opts open_opts = {0};
    qy_request req = {.limit = 10, .mode = QY_MODE_AUTO, .filters = filters};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, SHORT_OPTIONS, options, NULL)) != -1) {
        switch (c) {
        case 'd': db_opt = optarg; break;
        case 'n':
            if (cli_parse_count("query", "-n/--limit", optarg, 1, MAX_COUNT,
                                &req.limit) != 0)
                return CLI_ERROR;
            break;
        case 'p':
            if (cli_parse_count("query", "--per-doc", optarg, 0, MAX_COUNT,
                                &req.per_doc) != 0)
                return CLI_ERROR;
            break;
        case 'm':
            if (strcmp(optarg, "auto") == 0)
                req.mode = QY_MODE_AUTO;
            else if (strcmp(optarg, "claim") == 0)
                req.mode = QY_MODE_CLAIM;
            else if (strcmp(optarg, "quote") == 0)
                req.mode = QY_MODE_QUOTE;
            else {
                fprintf(stderr, "citesearch query: unknown --mode '%s' (auto, "
                                "claim or quote)\n", optarg);
                return CLI_ERROR;
            }
            break;
        case 'f': format = optarg; break;
        case 'F':
            if (req.nfilters == MAX_FILTERS) {
                fprintf(stderr, "citesearch query: too many --filter\n");
                return CLI_ERROR;
            }
            filters[req.nfilters++] = optarg;
            break;
        case 'b':
            /* One batch a run: a second would be left unanswered. */
            if (batch) {
                fprintf(stderr, "citesearch query: --batch given twice ('%s', '%s')\n",
                        batch, optarg);
                return CLI_ERROR;
            }
            batch = optarg;
            break;
        case 'j':
            if (cli_parse_count("query", "--jobs", optarg, 0, MAX_COUNT, &jobs) != 0)
                return CLI_ERROR;
            if (jobs == 0 || jobs > 256) {
                fprintf(stderr, "citesearch query: --jobs must be 1 to 256\n");
                return CLI_ERROR;
            }
            break;
        case 'P': open_opts.allow_partial = 1; break;
        case 'T':
            if (cli_parse_timeout("query", optarg, &open_opts.timeout_ms) != 0)
                return CLI_ERROR;
            break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_ERROR;
        }
    }
    /* Filters alone are a query, as in the query ("lang:fr"). */
    if (!batch && nwords == 0 && req.nfilters == 0) {
        fprintf(stderr, "citesearch query: no QUERY given\n");
        usage(stderr);
        return CLI_ERROR;
    }
    if (batch && nwords > 0) {
        fprintf(stderr, "citesearch query: give either QUERY or --batch\n");
        return CLI_ERROR;
    }
    char *msg = NULL;
    qy_format fmt = isatty(STDOUT_FILENO) ? QY_FORMAT_TEXT : QY_FORMAT_JSONL;
    cs_status rc = format ? qy_format_parse(format, &fmt, &msg) : CS_OK;
    if (rc != CS_OK) {
        /* A usage error, named by the subcommand as the others are. */
        fprintf(stderr, "citesearch query: %s\n", msg ? msg : cs_status_to_string(rc));
        free(msg);
        return CLI_ERROR;
    }

    if (!batch || jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = !batch ? 1 : cores > 0 ? (unsigned)(cores < 64 ? cores : 64) : 1;
    }
    /* One engine (one database handle) per worker. */
    char *db_path = NULL;
    qy_engine **engines = calloc(jobs, sizeof *engines);
    if (!engines)
        return cli_error(CS_NOMEM, NULL);
    rc = ix_find_db(db_opt, 0, &db_path, &msg);
    for (unsigned i = 0; rc == CS_OK && i < jobs; i++) {
        rc = qy_engine_open_with(db_path, &open_opts, &engines[i], &msg);
        if (rc == CS_OK && batch)
            qy_engine_expect_many(engines[i]);
    }
    free(db_path);
    if (rc != CS_OK) {
        for (unsigned i = 0; i < jobs; i++)
            qy_engine_close(engines[i]);
        free(engines);
        return cli_error(rc, msg);
    }
    qy_engine *e = engines[0];
    /* Every engine opened the same stub; the first speaks for them. */
    cli_warn_missing(e);

    /* no-color.org: NO_COLOR counts when set to something, not when empty. */
    const char *no_color = getenv("NO_COLOR");
    int color = fmt == QY_FORMAT_TEXT && isatty(STDOUT_FILENO) &&
                !(no_color && *no_color);
    qy_printer *printer = qy_printer_new(fmt, stdout, color, batch != NULL);
    if (!printer) {
        close_engines(engines, jobs);
        return cli_error(CS_NOMEM, NULL);
    }
    int status;
    if (batch) {
        FILE *in = strcmp(batch, "-") == 0 ? stdin : fopen(batch, "rb");
        if (!in) {
            /* Saved: freeing the printer and engines may change errno. */
            int open_errno = errno;
            qy_printer_free(printer);
            close_engines(engines, jobs);
            fprintf(stderr, "citesearch: %s: %s\n", batch, strerror(open_errno));
            return CLI_ERROR;
        }
        hold_stops(printer);
        qy_batch_stats stats;
        rc = qy_batch_run(engines, jobs, in, strcmp(batch, "-") ? batch : "<stdin>", &req,
                          printer, &stats, &msg);
        if (in != stdin)
            fclose(in);
        if (rc != CS_OK)
            status = cli_error(rc, msg);
        else if (stats.failed > 0 && !printer->write_errno) {
            fprintf(stderr, "citesearch: %lu of %lu rows failed\n",
                    stats.failed, stats.rows);
            status = CLI_ERROR;
        } else
            status = stats.answered > 0 ? CLI_OK : CLI_NONE;
    } else {
        /* The words of the command line are one query. */
        size_t len = 0;
        for (int i = 0; i < nwords; i++)
            len += strlen(words[i]) + 1;
        char *query = malloc(len + 1);
        if (!query) {
            status = cli_error(CS_NOMEM, NULL);
        } else {
            query[0] = '\0';
            for (int i = 0; i < nwords; i++) {
                if (i > 0)
                    strcat(query, " ");
                strcat(query, words[i]);
            }
            req.query = query;
            qy_answer a;
            rc = qy_engine_query(e, &req, &a, &msg);
            if (rc != CS_OK) {
                status = cli_error(rc, msg);
            } else {
                qy_printer_answer(printer, &req, &a);
                status = a.n > 0 ? CLI_OK : CLI_NONE;
                qy_answer_clear(&a);
            }
            free(query);
        }
    }
    /* Answers lost on the way out (a full disk, a pipe closed while
     * SIGPIPE is ignored) are no answers. */
    int write_errno = qy_printer_free(printer);
    if (write_errno) {
        fprintf(stderr, "citesearch: standard output: %s\n", strerror(write_errno));
        status = CLI_ERROR;
    }
    close_engines(engines, jobs);
    return status;
}
