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

enum { CLI_OK = 0, CLI_NONE = 1, CLI_ERROR = 2 };

int cmd_index(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_stats(int argc, char **argv);

/* Prints "citesearch: MESSAGE" (or the status name) to stderr and frees
 * msg; returns CLI_ERROR. */
int cli_error(cs_status st, char *msg);

#endif
