/*
 * cli.h - the subcommands of the citesearch program, one file each.
 *
 * Each takes the arguments after the subcommand name (argv[0] is the
 * subcommand) and returns the process exit status of SPEC.md: 0 at least
 * one result (or success), 1 no result, 2 usage, input or index error.
 */
#ifndef CITESEARCH_CLI_H
#define CITESEARCH_CLI_H

#include "status.h"

struct qy_engine;

enum { CLI_OK = 0, CLI_NONE = 1, CLI_ERROR = 2 };

int cmd_index(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_compact(int argc, char **argv);

/* A whole number from min to max for option `opt` (cli_args.c): 0 with
 * the value in *out, or -1 after printing why `arg` is not one (`cmd`
 * names the subcommand). */
int cli_parse_count(const char *cmd, const char *opt, const char *arg,
                    unsigned min, unsigned max, unsigned *out);
/* --remote-timeout SECONDS (cli_shards.c): the value in milliseconds in
 * *ms; 0, or -1 after printing why `arg` is no timeout (`cmd` names the
 * subcommand). */
int cli_parse_timeout(const char *cmd, const char *arg, unsigned *ms);
/* A warning on stderr for each shard --allow-partial left out of `e`,
 * naming it and saying why. */
void cli_warn_missing(struct qy_engine *e);

/* Prints "citesearch: MESSAGE" (or the status name) to stderr and frees
 * msg; returns CLI_ERROR. */
int cli_error(cs_status st, char *msg);

#endif
