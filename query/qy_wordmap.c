/* qy_wordmap.c - the first place of a list that holds a text (see
 * qy_wordmap.h). */
#include "qy_wordmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

cs_status qy_wordmap_add(qy_wordmap *m, const char *text, size_t at)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        qy_wordmap_entry *v = realloc(m->v, cap * sizeof *v);
        if (!v)
            return CS_NOMEM;
        m->v = v;
        m->cap = cap;
    }
    m->v[m->n++] = (qy_wordmap_entry){text, at};
    return CS_OK;
}

/* By text, then by place: a text's entries stand together, its first
 * place first. */
static int cmp_entry(const void *x, const void *y)
{
    const qy_wordmap_entry *a = x, *b = y;
    int c = strcmp(a->text, b->text);
    return c ? c : (a->at > b->at) - (a->at < b->at);
}

void qy_wordmap_sort(qy_wordmap *m)
{
    if (m->n < 2)
        return;
    qsort(m->v, m->n, sizeof *m->v, cmp_entry);
    /* Only a text's first place is asked for: its others go, so a lookup
     * finds one entry (a text added thousands of times is no run to walk
     * back through). */
    size_t kept = 1;
    for (size_t i = 1; i < m->n; i++)
        if (strcmp(m->v[i].text, m->v[kept - 1].text) != 0)
            m->v[kept++] = m->v[i];
    m->n = kept;
}

/* bsearch's comparison: the key is the text alone. */
static int cmp_text(const void *key, const void *x)
{
    return strcmp(key, ((const qy_wordmap_entry *)x)->text);
}

size_t qy_wordmap_first(const qy_wordmap *m, const char *text)
{
    const qy_wordmap_entry *e =
        m->n ? bsearch(text, m->v, m->n, sizeof *m->v, cmp_text) : NULL;
    return e ? e->at : SIZE_MAX;
}

void qy_wordmap_clear(qy_wordmap *m)
{
    free(m->v);
    memset(m, 0, sizeof *m);
}
