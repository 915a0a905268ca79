/* cli_args.c - option values the subcommands parse alike (see cli.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cli_parse_count(const char *cmd, const char *opt, const char *arg,
                    unsigned min, unsigned max, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || *end || v < (long)min || v > (long)max) {
        fprintf(stderr, "citesearch %s: %s '%s' is not a number from %u to %u\n",
                cmd, opt, arg, min, max);
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}
