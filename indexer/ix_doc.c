/* ix_doc.c - passage documents (see ix_doc.h). */
#include "ix_doc.h"
#include "ix_docdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t ix_hash_more(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t ix_hash(const void *data, size_t len)
{
    return ix_hash_more(14695981039346656037ULL, data, len);
}

void ix_path_term(const char *path, char out[CS_MAX_TERM + 1])
{
    size_t plen = strlen(CS_PREFIX_PATH), len = strlen(path);
    if (plen + len <= CS_MAX_TERM) {
        snprintf(out, CS_MAX_TERM + 1, "%s%s", CS_PREFIX_PATH, path);
        return;
    }
    /* Keep a long prefix (so path: filters still work on it) and make the
     * term unique with the hash of the whole path. */
    int keep = (int)(CS_MAX_TERM - plen - 17);
    snprintf(out, CS_MAX_TERM + 1, "%s%.*s#%016llx", CS_PREFIX_PATH, keep,
             path, (unsigned long long)ix_hash(path, len));
}

static cs_status termlist_add(ix_termlist *l, const char *prefix,
                              const char *term, size_t len)
{
    if (len == 0 || len > IX_MAX_WORD)
        return CS_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **terms = realloc(l->terms, cap * sizeof *terms);
        if (!terms)
            return CS_NOMEM;
        l->terms = terms;
        l->cap = cap;
    }
    if (asprintf(&l->terms[l->n], "%s%.*s", prefix, (int)len, term) < 0)
        return CS_NOMEM;
    l->n++;
    return CS_OK;
}

static void termlist_clear(ix_termlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->terms[i]);
    free(l->terms);
    memset(l, 0, sizeof *l);
}

typedef struct field_ctx {
    ix_termlist *list;
    const char *word_prefix, *stem_prefix; /* NULL: not wanted */
    cs_status st;
} field_ctx;

static int on_field_token(void *ctx, const tx_token *t)
{
    field_ctx *f = ctx;
    if (f->st == CS_OK && f->word_prefix)
        f->st = termlist_add(f->list, f->word_prefix, t->term, t->term_len);
    if (f->st == CS_OK && f->stem_prefix)
        f->st = termlist_add(f->list, f->stem_prefix, t->stem, t->stem_len);
    return f->st != CS_OK;
}

cs_status ix_article_init(ix_article *art, tx_analyzer *a, const char *path,
                          const char *title, const char *source,
                          const char *date, const char *url, const char *lang,
                          char **msg)
{
    memset(art, 0, sizeof *art);
    art->path = path;
    art->title = title;
    art->source = source;
    art->date = date;
    art->url = url;
    art->lang = lang;
    ix_path_term(path, art->path_term);

    field_ctx f = {.list = &art->title_terms,
                   .stem_prefix = CS_PREFIX_TITLE_STEM};
    cs_status rc = tx_analyze(a, title, strlen(title), 1, on_field_token, &f, msg);
    if (rc == CS_OK)
        rc = f.st;
    if (rc == CS_OK) {
        field_ctx g = {.list = &art->filter_terms,
                       .word_prefix = CS_PREFIX_SOURCE_WORD};
        rc = tx_analyze(a, source, strlen(source), 1, on_field_token, &g, msg);
        if (rc == CS_OK)
            rc = g.st;
    }
    if (rc == CS_OK && *lang) {
        char *norm = NULL;
        size_t nlen = 0;
        rc = tx_normalize(a, lang, strlen(lang), &norm, &nlen, msg);
        if (rc == CS_OK)
            rc = termlist_add(&art->filter_terms, CS_PREFIX_LANG, norm, nlen);
        free(norm);
    }
    if (rc != CS_OK)
        ix_article_clear(art);
    return rc;
}

cs_status ix_article_add_recipients(ix_article *art, tx_analyzer *a,
                                    const char *to, char **msg)
{
    field_ctx f = {.list = &art->filter_terms,
                   .word_prefix = CS_PREFIX_RECIPIENT_WORD};
    cs_status rc = tx_analyze(a, to, strlen(to), 1, on_field_token, &f, msg);
    return rc == CS_OK ? f.st : rc;
}

void ix_article_clear(ix_article *art)
{
    termlist_clear(&art->title_terms);
    termlist_clear(&art->filter_terms);
    free(art->data);
    art->data = NULL;
    art->data_cap = 0;
}

/* Adds the terms of one token of the passage body. */
typedef struct body_ctx {
    xs_doc *doc;
    const char *text; /* the analyzed bytes */
    tx_initials runs; /* runs of names, for the acronyms they spell */
    char buf[CS_MAX_TERM + 8];
    cs_status st;
} body_ctx;

/* Adds the term of an acronym a run of names spells (tx_initials.c):
 * without a position, as the run is not that word. */
static void on_initials(void *ctx, const char *letters, size_t n, size_t start,
                        size_t end)
{
    body_ctx *b = ctx;
    (void)start;
    (void)end;
    if (b->st != CS_OK)
        return;
    size_t plen = strlen(CS_PREFIX_INITIALS);
    memcpy(b->buf, CS_PREFIX_INITIALS, plen);
    memcpy(b->buf + plen, letters, n);
    b->st = xs_doc_add_term(b->doc, b->buf, plen + n, 1);
}

static int on_body_token(void *ctx, const tx_token *t)
{
    body_ctx *b = ctx;
    tx_initials_feed(&b->runs, b->text, t->term, t->flags, t->start, t->end,
                     on_initials, b);
    if (b->st != CS_OK)
        return 1;
    if (t->term_len > IX_MAX_WORD)
        return 0;
    if (t->flags & TX_JOINED) {
        /* The joined form of a compound ranks like a word but has no
         * position of its own: phrases match its parts. */
        b->st = xs_doc_add_term(b->doc, t->term, t->term_len, 1);
    } else {
        b->st = xs_doc_add_posting(b->doc, t->term, t->term_len, t->pos, 1);
    }
    if (b->st == CS_OK) {
        size_t plen = strlen(CS_PREFIX_STEM);
        memcpy(b->buf, CS_PREFIX_STEM, plen);
        memcpy(b->buf + plen, t->stem, t->stem_len);
        b->st = xs_doc_add_term(b->doc, b->buf, plen + t->stem_len, 1);
    }
    if (b->st == CS_OK && !(t->flags & TX_JOINED) &&
        tx_acronym_written(b->text + t->start, t->end - t->start, TX_INITIALS_MIN,
                           TX_INITIALS_MAX)) {
        size_t plen = strlen(CS_PREFIX_CAPITALS);
        memcpy(b->buf, CS_PREFIX_CAPITALS, plen);
        memcpy(b->buf + plen, t->term, t->term_len);
        b->st = xs_doc_add_boolean_term(b->doc, b->buf, plen + t->term_len);
    }
    return b->st != CS_OK;
}

/* The document data (ix_docdata.h): the citation, then the passage's
 * bytes as they are in the file.  Built in the article's buffer: *len
 * receives its length.  NULL when out of memory. */
static char *passage_data(ix_article *art, const char *text,
                          const tx_passage *p, const char *markup,
                          const char *charset, size_t *len)
{
    /* The date as people write it: YYYY[-MM[-DD]]. */
    char date[11] = "";
    size_t dl = strlen(art->date);
    if (dl >= 4)
        snprintf(date, sizeof date, "%.4s%s%.2s%s%.2s", art->date,
                 dl >= 6 ? "-" : "", art->date + 4, dl >= 8 ? "-" : "",
                 dl >= 8 ? art->date + 6 : "");
    ix_docdata r = {.path = art->path,
                   .title = art->title,
                   .source = art->source,
                   .date = date,
                   .url = art->url,
                   .lang = art->lang,
                   .markup = markup,
                   .charset = charset,
                   .paragraph = p->paragraph,
                   .part = p->part,
                   .line_start = p->line_start,
                   .line_end = p->line_end,
                   .byte_start = p->byte_start,
                   .byte_end = p->byte_end,
                   .text = text + p->byte_start,
                   .text_len = p->byte_end - p->byte_start};
    *len = ix_docdata_encode(&r, &art->data, &art->data_cap);
    return *len ? art->data : NULL;
}

cs_status ix_doc_build(tx_analyzer *a, ix_article *art,
                       const char *file_text, const ix_words *words,
                       const tx_passage *p, unsigned ordinal, xs_doc **out,
                       char **msg)
{
    *out = NULL;
    xs_doc *doc = xs_doc_new();
    if (!doc)
        return CS_NOMEM;
    int own = words && words->text;
    body_ctx b = {.doc = doc,
                  .text = own ? words->text : file_text + p->byte_start,
                  .st = CS_OK};
    tx_initials_init(&b.runs, TX_INITIALS_MIN);
    cs_status rc = tx_analyze(a, b.text,
                              own ? words->len : p->byte_end - p->byte_start, 1,
                              on_body_token, &b, msg);
    if (rc == CS_OK)
        tx_initials_end(&b.runs, on_initials, &b);
    if (rc == CS_OK)
        rc = b.st;

    /* Title stems count in every passage, at the weight the query gives
     * the title prefix; title words and filters are boolean. */
    for (size_t i = 0; rc == CS_OK && i < art->title_terms.n; i++) {
        const char *t = art->title_terms.terms[i];
        size_t len = strlen(t);
        if (strncmp(t, CS_PREFIX_TITLE_STEM, strlen(CS_PREFIX_TITLE_STEM)) == 0)
            rc = xs_doc_add_term(doc, t, len, 1);
        else
            rc = xs_doc_add_boolean_term(doc, t, len);
    }
    for (size_t i = 0; rc == CS_OK && i < art->filter_terms.n; i++)
        rc = xs_doc_add_boolean_term(doc, art->filter_terms.terms[i],
                                     strlen(art->filter_terms.terms[i]));

    if (rc == CS_OK)
        rc = xs_doc_add_boolean_term(doc, art->path_term, strlen(art->path_term));
    if (rc == CS_OK && *art->date)
        rc = xs_doc_set_value(doc, CS_SLOT_DATE, art->date, strlen(art->date));
    if (rc == CS_OK)
        rc = xs_doc_set_value(doc, CS_SLOT_PATH, art->path, strlen(art->path));
    if (rc == CS_OK) {
        size_t dlen = 0;
        char form_name[TX_FORM_NAME_MAX];
        const char *markup = !own ? NULL : tx_form_name(words->form, form_name);
        const char *charset = !own ? NULL : words->charset;
        char *data = passage_data(art, file_text, p, markup, charset, &dlen);
        if (!data)
            rc = cs_fail(msg, CS_NOMEM, "%s: cannot encode passage %u",
                         art->path, ordinal);
        else
            rc = xs_doc_set_data(doc, data, dlen);
    }
    if (rc != CS_OK) {
        xs_doc_free(doc);
        return rc;
    }
    *out = doc;
    return CS_OK;
}
