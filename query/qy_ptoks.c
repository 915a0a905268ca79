/* qy_ptoks.c - a passage's words with offsets, kept for re-ranking and
 * marking (see qy_cand.h).  Terms and stems live in one arena per passage,
 * so analyzing a candidate costs a few allocations, not one per word. */
#include <stdlib.h>
#include <string.h>

#include "qy_cand.h"
#include "qy_readable.h"

/* Copies s into the arena; returns 0 when out of memory, else its offset
 * plus one through *off. */
static int arena_copy(qy_ptoks *p, const char *s, size_t len, size_t *off)
{
    if (p->alen + len + 1 > p->acap) {
        size_t cap = p->acap ? p->acap * 2 : 4096;
        while (cap < p->alen + len + 1)
            cap *= 2;
        char *a = realloc(p->arena, cap);
        if (!a)
            return 0;
        p->arena = a;
        p->acap = cap;
    }
    *off = p->alen;
    memcpy(p->arena + *off, s, len);
    p->arena[*off + len] = '\0';
    p->alen += len + 1;
    return 1;
}

/* What the analysis of a passage reads into: its words, and the
 * acronyms its runs of names spell, from the text it reads. */
typedef struct ptoks_reader {
    qy_ptoks *p;
    const char *text;
    tx_initials runs;
} ptoks_reader;

static void on_run(void *ctx, const char *letters, size_t n, size_t start, size_t end)
{
    qy_ptoks *p = ((ptoks_reader *)ctx)->p;
    if (p->nomem)
        return;
    if (p->nruns == p->runs_cap) {
        size_t cap = p->runs_cap ? p->runs_cap * 2 : 4;
        qy_prun *v = realloc(p->runs, cap * sizeof *v);
        if (!v) {
            p->nomem = 1;
            return;
        }
        p->runs = v;
        p->runs_cap = cap;
    }
    qy_prun *r = &p->runs[p->nruns++];
    memcpy(r->letters, letters, n);
    r->letters[n] = '\0';
    r->start = start;
    r->end = end;
}

static int on_ptok(void *ctx, const tx_token *t)
{
    ptoks_reader *rd = ctx;
    qy_ptoks *p = rd->p;
    tx_initials_feed(&rd->runs, rd->text, t->term, t->flags, t->start, t->end,
                     on_run, rd);
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        qy_ptok *v = realloc(p->v, cap * sizeof *v);
        if (!v) {
            p->nomem = 1;
            return 1;
        }
        p->v = v;
        p->cap = cap;
    }
    qy_ptok k = {.start = t->start, .end = t->end, .rstart = t->start, .rend = t->end,
                 .flags = t->flags};
    if ((t->flags & TX_CAPITAL) && tx_acronym_written(rd->text + t->start, t->end - t->start,
                                                      TX_INITIALS_MIN, TX_INITIALS_MAX))
        k.flags |= QY_PT_CAPITALS;
    else if ((t->flags & TX_CAPITAL) && t->end - t->start == 2 &&
             tx_acronym_written(rd->text + t->start, 2, 2, 2))
        k.flags |= QY_PT_TWO_CAPITALS;
    if (!arena_copy(p, t->term, t->term_len, &k.term_off) ||
        !arena_copy(p, t->stem, t->stem_len, &k.stem_off)) {
        p->nomem = 1;
        return 1;
    }
    p->v[p->n++] = k;
    return 0;
}

cs_status qy_ptoks_analyze(tx_analyzer *a, const qy_result *r, qy_ptoks *out,
                           char **msg)
{
    memset(out, 0, sizeof *out);
    /* Read as the indexer read it (ix_doc.h: ix_words). */
    tx_read *words = &out->words;
    if (r->form || r->charset) {
        cs_status rc = tx_read_form(r->text, r->text_len, r->form, r->charset, words);
        if (rc != CS_OK)
            return rc == CS_NOMEM ? CS_NOMEM
                                  : cs_fail(msg, CS_CORRUPT,
                                            "%s: passage in unknown charset "
                                            "'%s'",
                                            r->path, r->charset);
    }
    size_t read_len;
    const char *read = qy_readable_text(r, words, &read_len);
    ptoks_reader rd = {.p = out, .text = read};
    tx_initials_init(&rd.runs, 2); /* US: acronym_at in qy_mark.c */
    cs_status rc = tx_analyze(a, read, read_len, 1, on_ptok, &rd, msg);
    if (rc == CS_OK)
        tx_initials_end(&rd.runs, on_run, &rd);
    if (rc == CS_OK && out->nomem)
        rc = CS_NOMEM;
    /* The currency a sign by a number names ("$5"), read where the
     * words were; and by a number with its scale cut short ("$42bn",
     * "£3m": a word of digits and letters, as news writes amounts). */
    for (size_t i = 0; rc == CS_OK && i < out->n; i++)
        if ((out->v[i].flags & TX_NUMBER) ||
            (QY_PTERM(out, i)[0] >= '0' && QY_PTERM(out, i)[0] <= '9'))
            out->v[i].currency = tx_currency_by(read, read_len, out->v[i].start,
                                                out->v[i].end);
    /* Decoded offsets back to the passage's bytes. */
    for (size_t i = 0; rc == CS_OK && words->start && i < out->n; i++) {
        qy_ptok *k = &out->v[i];
        k->end = words->end[k->end - 1];
        k->start = words->start[k->start];
    }
    for (size_t i = 0; rc == CS_OK && words->start && i < out->nruns; i++) {
        qy_prun *k = &out->runs[i];
        k->end = words->end[k->end - 1];
        k->start = words->start[k->start];
    }
    return rc;
}

void qy_ptoks_clear(qy_ptoks *p)
{
    free(p->v);
    free(p->runs);
    free(p->arena);
    tx_read_clear(&p->words);
    memset(p, 0, sizeof *p);
}

int qy_one_of(const char *t, const char *const *list, size_t n)
{
    /* The first byte first: every passage word is asked of some lists
     * (a denial's forms), and most part there without a call. */
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == t[0] && strcmp(t, list[i]) == 0)
            return 1;
    return 0;
}
