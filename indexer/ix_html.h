/*
 * ix_html.h - a saved web page's metadata: what it says of itself in its
 * <head>, read with libxml2's HTML parser (its text is read by
 * tx_read_form, as an e-mail's HTML part is).
 *
 * Ownership: an ix_html_meta's strings are the caller's, released by
 * ix_html_meta_clear.
 */
#ifndef CITESEARCH_IX_HTML_H
#define CITESEARCH_IX_HTML_H

#include <stddef.h>

#include "ix_mail.h"

/* Whether `path` names a web page (.html, .htm); a web page saved as
 * one file, its style sheets and images with it (.mhtml, .mht: a MIME
 * message, ix_mail_parse_snapshot, whose page is read as one). */
int ix_html_path(const char *path);
int ix_html_snapshot_path(const char *path);

/* Longest charset name kept from a page: as from an e-mail, whose
 * charset an article's is read into alike (ix_file.c). */
#define IX_HTML_MAX_CHARSET IX_MAIL_MAX_CHARSET

typedef struct ix_html_meta {
    char *title;   /* og:title, else <title>, else the first <h1>; ""
                      when none */
    char *source;  /* the site's name (og:site_name), else the
                      publisher's in linked data (schema.org JSON-LD),
                      else the author (<meta name=author>); "" when none */
    char *url;     /* <link rel=canonical>, else og:url; "" when none */
    char date[9];  /* YYYYMMDD (article:published_time, datePublished,
                      <meta name=date>, else the article's datePublished
                      in linked data, else the first <time datetime>);
                      "" when none or unreadable */
    char charset[IX_HTML_MAX_CHARSET + 1]; /* <meta charset>, or
                      http-equiv's; "" when none */
} ix_html_meta;

/*
 * Reads the metadata of the page text[0, len) into *out: from its head
 * (up to </head> within IX_HTML_HEAD_MAX bytes) and the first
 * IX_HTML_BODY_LOOK bytes after it (the first heading and time, for a
 * page whose head does not say), its strings as UTF-8
 * with white space run together.  Bytes that are not UTF-8 are read in
 * the charset the page declares, else as Windows-1252.  Returns 0, or -1
 * when out of memory (*out is then empty).
 */
#define IX_HTML_HEAD_MAX (1024 * 1024)
#define IX_HTML_BODY_LOOK (64 * 1024)
int ix_html_read_meta(const char *text, size_t len, ix_html_meta *out);
void ix_html_meta_clear(ix_html_meta *m);

#endif
