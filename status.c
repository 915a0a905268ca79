/* status.c - names of the project's status codes and the message helper. */
#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

const char *cs_status_to_string(cs_status st)
{
    switch (st) {
    case CS_OK: return "success";
    case CS_NOMEM: return "out of memory";
    case CS_IO: return "input/output error";
    case CS_NOT_FOUND: return "not found";
    case CS_LOCKED: return "locked by another indexer";
    case CS_CORRUPT: return "database corrupt or of an unknown format";
    case CS_BAD_INPUT: return "bad input";
    case CS_USAGE: return "usage error";
    case CS_NETWORK: return "remote shard unreachable";
    case CS_XAPIAN: return "Xapian error";
    case CS_INTERRUPTED: return "interrupted";
    case CS_INTERNAL: return "internal error";
    case CS_STATUS_LAST: break;
    }
    return "unknown status";
}

cs_status cs_fail(char **msg, cs_status st, const char *fmt, ...)
{
    if (!msg)
        return st;
    free(*msg);
    *msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(msg, fmt, ap) < 0)
        *msg = NULL;
    va_end(ap);
    return st;
}
