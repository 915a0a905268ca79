/*
 * xs_version.cc - the version of the Xapian library linked at run time, for
 * `citesearch --version`.
 */
#include "xs_internal.h"

const char *xs_version(void)
{
    /* version_string() returns a static string and throws nothing; the
     * catch keeps the shim's rule that no exception reaches C. */
    try {
        return Xapian::version_string();
    } catch (...) {
        return "unknown";
    }
}
