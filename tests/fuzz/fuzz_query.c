/* fuzz_query.c - fuzz target: the query language parser in every mode,
 * and filters, on arbitrary bytes.  It must answer CS_OK or CS_BAD_INPUT
 * with a message, never crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qy_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *q = malloc(size + 1);
    if (!q)
        return 0;
    memcpy(q, data, size);
    q[size] = '\0';
    for (int mode = QY_MODE_AUTO; mode <= QY_MODE_QUOTE; mode++) {
        qy_parsed p;
        char *msg = NULL;
        cs_status st = qy_parse(q, (qy_mode)mode, &p, &msg);
        if (st == CS_OK) {
            for (size_t i = 0; i < p.n; i++)
                if (!p.items[i].text)
                    abort();
            if (qy_parse_add_filter(&p, q, &msg) != CS_OK && !msg)
                abort();
            qy_parsed_clear(&p);
        } else if (st != CS_BAD_INPUT || !msg) {
            abort();
        }
        free(msg);
    }
    qy_date_span spans[QY_DATE_SPANS];
    size_t n = 0;
    char *msg = NULL;
    cs_status st = qy_date_filter(q, spans, &n, &msg);
    if ((st == CS_OK) != (n >= 1 && n <= QY_DATE_SPANS) || (st != CS_OK && !msg))
        abort();
    free(msg);
    free(q);
    return 0;
}
