/* tx_charset.c - text in a named charset as UTF-8 (see tx.h), by ICU's
 * converters. */
#include "tx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <strings.h>

#include <unicode/ucnv.h>

/* Mail and web pages labelled Latin-1 or ASCII are Windows-1252 in
 * practice (a "=99" in a Latin-1 subject is a trade mark sign), which is
 * how the WHATWG Encoding Standard reads those labels, and how citesearch
 * reads bytes that are not UTF-8. */
static const char *as_read(const char *charset)
{
    static const char *const labels[] = {"iso-8859-1", "iso8859-1", "latin1",
                                         "l1", "us-ascii", "ascii",
                                         "iso_8859-1", "cp819"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcasecmp(charset, labels[i]) == 0)
            return "windows-1252";
    return charset;
}

char *tx_charset_to_utf8(const char *charset, const char *text, size_t len,
                         size_t *out_len)
{
    if (len > INT32_MAX / 4)
        return NULL;
    /* At most 3 UTF-8 bytes a UTF-16 unit, and a unit for every byte. */
    size_t cap = 3 * len + 1;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = ucnv_convert("UTF-8", as_read(charset), out, (int32_t)cap, text,
                             (int32_t)len, &err);
    if (U_FAILURE(err) || n < 0 || (size_t)n >= cap) {
        free(out);
        return NULL;
    }
    out[n] = '\0';
    if (out_len)
        *out_len = (size_t)n;
    return out;
}
