/*
 * tx_version.c - the version of the ICU library linked at run time, for
 * `citesearch --version`.
 */
#include "tx.h"

#include <unicode/uversion.h>

const char *tx_icu_version(void)
{
    /* U_MAX_VERSION_STRING_LENGTH counts the terminating NUL.  The buffer
     * is rewritten on each call, so this is not for concurrent use: the
     * program asks once, from main. */
    static char buf[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buf);
    return buf;
}
