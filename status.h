/*
 * status.h - the one status type of citesearch.
 *
 * Every module (shim, text, indexer, query, cli) returns a cs_status.  Zero is
 * success; a detailed, human-readable message travels separately, in a
 * `char **msg` out-parameter that the callee fills with a malloc'd string the
 * caller frees.  Functions that take `char **msg` accept NULL there.
 */
#ifndef CITESEARCH_STATUS_H
#define CITESEARCH_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cs_status {
    CS_OK = 0,         /* success */
    CS_NOMEM,          /* an allocation failed */
    CS_IO,             /* reading or writing a file or directory failed */
    CS_NOT_FOUND,      /* the database, file or document does not exist */
    CS_LOCKED,         /* the index is locked by another indexer */
    CS_CORRUPT,        /* the database is damaged or of an unknown format */
    CS_BAD_INPUT,      /* the input (text, query, CSV cell) cannot be used */
    CS_USAGE,          /* a command line or API misuse */
    CS_NETWORK,        /* a remote shard could not be reached or timed out */
    CS_XAPIAN,         /* any other error reported by Xapian */
    CS_INTERRUPTED,    /* stopped by a signal; the last commit stands */
    CS_INTERNAL,       /* a bug: an unexpected exception or state */
    CS_STATUS_LAST
} cs_status;

/* A static, English description of `st`; never NULL. */
const char *cs_status_to_string(cs_status st);

/* Sets *msg (when msg is not NULL) to a malloc'd printf-formatted message and
 * returns st, so error paths read `return cs_fail(msg, CS_IO, "...", ...)`.
 * An earlier message in *msg is freed first. */
cs_status cs_fail(char **msg, cs_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#ifdef __cplusplus
}
#endif
#endif
