/* cli_shards.c - the options query and stats share for indexes whose
 * shards are remote: --allow-partial and --remote-timeout (see cli.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "qy_engine.h"
#include "xs.h"

int cli_parse_timeout(const char *cmd, const char *arg, unsigned *ms)
{
    char *end;
    errno = 0;
    double s = strtod(arg, &end);
    /* An hour is already far past any answer worth waiting for. */
    if (errno || end == arg || *end || !(s > 0) || s > 3600) {
        fprintf(stderr, "citesearch %s: --remote-timeout '%s' is not a number "
                        "of seconds (more than 0, at most 3600)\n", cmd, arg);
        return -1;
    }
    *ms = (unsigned)(s * 1000 + 0.5);
    if (*ms == 0)
        *ms = 1;
    return 0;
}

void cli_warn_missing(qy_engine *e)
{
    xs_db *db = qy_engine_db(e);
    for (size_t i = 0; i < xs_db_missing_count(db); i++) {
        const char *why = NULL, *name = xs_db_missing(db, i, &why);
        fprintf(stderr,
                "citesearch: warning: shard '%s' is missing, answering from "
                "the other shards (%s)\n",
                name, why ? why : "");
    }
}
