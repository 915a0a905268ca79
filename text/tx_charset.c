/* tx_charset.c - text in a named charset as UTF-8 (see tx.h), by ICU's
 * converters. */
#include "tx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

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
    int32_t n = ucnv_convert("UTF-8", charset, out, (int32_t)cap, text,
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
