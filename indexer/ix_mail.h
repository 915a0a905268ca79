/*
 * ix_mail.h - a file that is an e-mail: its header block read as metadata.
 *
 * A saved message (RFC 5322: header fields, a blank line, the body; an
 * mbox "From " line may come first) is cited for what it says, not for
 * its Received: hops and Message-IDs, which would otherwise be a quarter
 * of a mail archive's passages, all of them noise in every result list.
 * So the header block is not split into passages: the Subject becomes the
 * title, From the source, Date the date, To and Cc the recipients (a
 * filter), and the passages start with the
 * body (their lines and bytes still count from the top of the file): of
 * a MIME body, its text parts only (ix_mail_texts).  A mailbox file is
 * read message by message, each with its own metadata.
 *
 * A file is taken for an e-mail only when everything before its first
 * blank line is header fields, with a From: field (naming an address,
 * unless an mbox "From " line comes first: a bounce's From: is "<>") and
 * at least one other field an e-mail has (Date, Subject, To, Message-ID,
 * Received), so an article that opens with "Title: ..." lines is not.
 * Encoded words (=?utf-8?q?...?=) in these fields are decoded.
 *
 * Ownership: the head points into the caller's text; ix_mail_value
 * returns a malloc'd copy the caller frees.
 */
#ifndef CITESEARCH_IX_MAIL_H
#define CITESEARCH_IX_MAIL_H

#include <stddef.h>

typedef struct ix_span {
    const char *text; /* NULL when absent */
    size_t len;
} ix_span;

typedef struct ix_mail_head {
    size_t body_off;      /* where the body starts: after the blank line */
    unsigned body_line;   /* lines before the body (its first line is
                             body_line + 1) */
    ix_span subject, from; /* raw values: a folded one spans its lines */
    ix_span to, cc;
    ix_span content_type, encoding; /* Content-Type, -Transfer-Encoding */
    ix_span location;      /* a saved page's address: its Snapshot-Content-
                              Location, else its Content-Location */
    char date[9];          /* YYYYMMDD from Date:, "" when none or unreadable */
} ix_mail_head;

/* Returns 1 and fills *out when `text` is an e-mail, else 0. */
int ix_mail_parse(const char *text, size_t len, ix_mail_head *out);

/*
 * A web page saved as one file (.mhtml, .mht: MIME, RFC 2557, as browsers
 * write it) is a message too: a header block (From: "<Saved by Blink>",
 * Subject: the page's title, Date: when it was saved, Snapshot-Content-
 * Location: its address) and a MIME body whose first part is the page,
 * the rest its style sheets, images and frames.  Returns 1 and fills *out
 * when `text` opens with such a header block (one that declares a
 * Content-Type), else 0.
 */
int ix_mail_parse_snapshot(const char *text, size_t len, ix_mail_head *out);

/*
 * A mailbox (mbox: messages one after another, each opening with a
 * "From " line) holds several: where the message after the one that
 * starts at text[0] begins, or `len` when it is the last (or when text[0]
 * does not start an e-mail: then the text is not a mailbox).  `head` is
 * text[0]'s head as ix_mail_parse read it, NULL when it is no e-mail (the
 * caller has it: each message's head is read once).  A "From " line
 * starts a message only after a blank line and when an e-mail's header
 * block follows it, so a body line that happens to begin with "From "
 * (mbox writers escape it as ">From ", but not all do) does not.
 */
size_t ix_mail_next(const char *text, size_t len, const ix_mail_head *head);

/*
 * The runs of an e-mail's body that are text to cite (MIME, RFC 2045-2046),
 * in order: `fn` is called with each one's offset and length in `text`,
 * how it is written (TX_FORM_HTML, and TX_FORM_QP or TX_FORM_B64, any or
 * none) and the charset its Content-Type declares ("" when none; the
 * string is valid during the call only), to be read for its words with
 * tx_read_form, and the walk stops when it returns non-zero (as does this
 * function, then returning 1).  A body that is not multipart is one run,
 * unless it is not text.  Of a multipart body, the parts' header blocks,
 * the delimiter lines, the preamble and the epilogue are left out, and so
 * are parts that are not text (images, attachments; a vCard, an
 * iCalendar invite, a style sheet, a script), and an HTML part
 * that has a plain text alternative saying the same (in any encoding);
 * when that says half of what the HTML does or less (a "best viewed in
 * HTML" stub), the HTML is read instead of it.  A forwarded
 * message (message/rfc822, and a part of a multipart/digest that
 * declares no type) is read as a part: its body by its own fields, not
 * its header block.  A multipart body without its delimiters
 * is read as text.
 */
typedef int (*ix_mail_text_fn)(void *ctx, size_t off, size_t len,
                               unsigned form, const char *charset);
int ix_mail_texts(const char *text, size_t len, const ix_mail_head *head,
                  ix_mail_text_fn fn, void *ctx);

/* Longest charset name read from a Content-Type (longer ones are none;
 * the longest IANA name has 45 characters, those in use far fewer). */
#define IX_MAIL_MAX_CHARSET 45

/* A field value as one line: folds and runs of white space become one
 * space, ends trimmed, and encoded words (RFC 2047: =?utf-8?q?...?=,
 * =?iso-8859-2?b?...?=) the UTF-8 they stand for, the white space between
 * two of them dropped; one in an unknown charset or malformed is left as
 * written.  A value whose bytes are not UTF-8 is first read in `charset`
 * (NULL or "": none) when tx_charset_readable accepts it: an old mailer
 * writes a field unencoded, in the message's charset, and mail readers
 * read it so.  "" for an absent field; NULL when out of memory. */
char *ix_mail_value(ix_span v, const char *charset);

/* The charset a message declares, into out (IX_MAIL_MAX_CHARSET + 1
 * bytes): its Content-Type's, else that of its first text part that
 * declares one (ix_mail_texts); "" when none. */
void ix_mail_charset(const char *text, size_t len, const ix_mail_head *head,
                     char *out);

#endif
