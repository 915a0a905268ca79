/*
 * ix_doc.h - one passage of one article as one Xapian document.
 *
 * The terms follow schema.h: every word with its position (phrases), every
 * stem (ranking), the article title's stems at a lower weight in every
 * passage, boolean terms for the passage ID, the file and the filters, the
 * date and path values, and the citation with the passage text as JSON data.
 *
 * Ownership: an ix_article owns its strings and term lists and is reused
 * for every passage of a file; documents returned are the caller's
 * (xs_doc_free).
 */
#ifndef CITESEARCH_IX_DOC_H
#define CITESEARCH_IX_DOC_H

#include <stddef.h>

#include "schema.h"
#include "status.h"
#include "tx.h"
#include "xs.h"

/* Words longer than this (in bytes, normalized) are not indexed as terms:
 * they are base64 runs, URLs or hashes that nobody searches for by word. */
#define IX_MAX_WORD 64

typedef struct ix_termlist {
    char **terms;
    size_t n, cap;
} ix_termlist;

/* What every passage of a file shares. */
typedef struct ix_article {
    const char *path;        /* relative to the index root */
    const char *title, *source, *date, *url, *lang; /* never NULL */
    char path_term[CS_MAX_TERM + 1]; /* CS_PREFIX_PATH term of the file */
    ix_termlist title_terms; /* ZS stems of the title */
    ix_termlist filter_terms;/* XS source words, XT recipient words, L
                                language */
    /* The buffer each passage's data (ix_docdata.h) is built in, reused
     * from passage to passage. */
    char *data;
    size_t data_cap;
} ix_article;

/* Fills `art` for a file: analyzes title and source into terms.  The
 * strings passed are borrowed and must outlive the article's use. */
cs_status ix_article_init(ix_article *art, tx_analyzer *a, const char *path,
                          const char *title, const char *source,
                          const char *date, const char *url, const char *lang,
                          char **msg);
void ix_article_clear(ix_article *art);

/* Adds the words of an e-mail's recipients (its To: and Cc:) as filter
 * terms (CS_PREFIX_RECIPIENT_WORD). */
cs_status ix_article_add_recipients(ix_article *art, tx_analyzer *a,
                                    const char *to, char **msg);

/* What a passage's words are read from when not its bytes in the file:
 * `len` bytes at `text`, its bytes as read in their `form` and `charset`
 * (tx_read_form).  Borrowed. */
typedef struct ix_words {
    const char *text;     /* NULL: the file's bytes */
    size_t len;
    unsigned form;        /* TX_FORM_*, a base64 passage's cut with it */
    const char *charset;  /* NULL, or one tx_charset_readable accepts */
} ix_words;

/*
 * Builds the document of passage `p` of `file_text` (the whole file),
 * number `ordinal` (1-based, in file order) of the article, its words
 * read from `words` (NULL or words->text NULL: from its bytes).  The data
 * says how they were read ("markup":"html", "qp", "b64 lead1 html", ...:
 * tx_form_name;
 * "charset":NAME) for the query side to read them alike.  *out is the caller's.
 */
cs_status ix_doc_build(tx_analyzer *a, ix_article *art,
                       const char *file_text, const ix_words *words,
                       const tx_passage *p, unsigned ordinal, xs_doc **out,
                       char **msg);

/* Writes into `out` the CS_PREFIX_PATH term of a root-relative path; paths
 * too long for a Xapian term are cut and suffixed with a hash. */
void ix_path_term(const char *path, char out[CS_MAX_TERM + 1]);


/* 64-bit FNV-1a of `len` bytes: the content hash of the incremental index. */
uint64_t ix_hash(const void *data, size_t len);
/* The same hash `h` continued over `len` more bytes (ix_hash is it from
 * FNV's offset basis), to hash several strings as one. */
uint64_t ix_hash_more(uint64_t h, const void *data, size_t len);

#endif
