/* fuzz_docdata.c - fuzz target: a passage's document data (ix_docdata),
 * of either format, from arbitrary bytes, as a damaged index would give
 * them.  It must read them or refuse them with a message, never read
 * outside them; what it reads must write and read back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ix_docdata.h"

static int same(const ix_docdata *a, const ix_docdata *b)
{
    const char *sa[] = {a->path, a->title, a->source, a->date,
                        a->url,  a->lang,  a->markup, a->charset};
    const char *sb[] = {b->path, b->title, b->source, b->date,
                        b->url,  b->lang,  b->markup, b->charset};
    for (size_t i = 0; i < sizeof sa / sizeof *sa; i++)
        if (strcmp(sa[i], sb[i]) != 0)
            return 0;
    return a->paragraph == b->paragraph && a->part == b->part &&
           a->line_start == b->line_start && a->line_end == b->line_end &&
           a->byte_start == b->byte_start && a->byte_end == b->byte_end &&
           a->text_len == b->text_len &&
           memcmp(a->text, b->text, a->text_len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly `size` bytes, so ASan sees a read past them. */
    char *d = malloc(size ? size : 1);
    if (!d)
        return 0;
    memcpy(d, data, size);
    ix_docdata r;
    char *msg = NULL;
    cs_status st = ix_docdata_decode(d, size, &r, &msg);
    if (st != CS_OK) {
        if (st != CS_CORRUPT || !msg)
            abort();
        free(msg);
        free(d);
        return 0;
    }
    if (r.text < d || r.text + r.text_len > d + size)
        abort();
    /* A record of the first format may say bytes its text does not
     * have; written again, it is one of the current format only when
     * they agree. */
    if (r.byte_end >= r.byte_start &&
        r.byte_end - r.byte_start == r.text_len) {
        char *buf = NULL;
        size_t cap = 0, len = ix_docdata_encode(&r, &buf, &cap);
        ix_docdata back;
        if (len == 0 || ix_docdata_decode(buf, len, &back, NULL) != CS_OK ||
            !same(&r, &back))
            abort();
        ix_docdata_release(&back);
        free(buf);
    }
    ix_docdata_release(&r);
    free(d);
    return 0;
}
