/*
 * schema.h - term prefixes, value slots and metadata keys of the index.
 *
 * The indexer writes and the query side reads exactly these names, so both
 * include this one table (as Xapian's Omega does with termprefixes.rst).  A
 * change here changes the index format: bump CS_SCHEMA_VERSION with it.
 *
 * Terms are made of a prefix and a normalized word from text/ (see tx.h).
 */
#ifndef CITESEARCH_SCHEMA_H
#define CITESEARCH_SCHEMA_H

/* Stored as metadata key "schema".  2: a passage's document data is an
 * ix_docdata (indexer/ix_docdata.h).  1: it was a line of JSON, then the
 * passage's bytes; still read, so an index of format 1 stays usable, and
 * the first index run that writes to it marks it 2 (its older passages
 * read as they are).  An index of any other value is rejected. */
#define CS_SCHEMA_VERSION "2"
#define CS_SCHEMA_FORMER "1"

/* --- Terms that carry positions or weight (ranking and phrases) --- */

/* Unstemmed normalized words with positions: phrases and quotes match these. */
#define CS_PREFIX_WORD ""
/* Stemmed words of the passage body (wdf only): bare words rank on these. */
#define CS_PREFIX_STEM "Z"
/* Stemmed words of the article title, added to every passage of the
 * article; queries weigh them lower than body words (CS_TITLE_WEIGHT), and
 * the title: filter asks for them (so it matches "attacks" for attack).
 * Indexes written before this held the unstemmed title words too ("S"),
 * and a unique "Q" PATH "#" ORDINAL term per passage that nothing read:
 * a tenth of the index.  Such indexes still read alike (their extra terms
 * are never asked for), so the format did not change. */
#define CS_PREFIX_TITLE_STEM "ZS"

/* The acronym a run of names in the passage body spells (National Council
 * for Resistance in Iran: ncri; tx_initials.c), wdf only: a query's acronym
 * (NCRI) finds the passages that spell it out too. */
#define CS_PREFIX_INITIALS "XI"

/* --- Boolean terms (filters, identity) --- */

/* A body word written as an acronym is, in capitals (PMOI: XCpmoi;
 * tx_acronym_written): names spelled out in a query look for their
 * acronym only where some passage writes it so, not where it is any word
 * (a run "Prime Minister Edi Rama" spells "mer" too). */
#define CS_PREFIX_CAPITALS "XC"

/* The file a passage comes from: "P" PATH.  Deleting by it drops a file. */
#define CS_PREFIX_PATH "P"
/* Normalized unstemmed words of the source (source: filter). */
#define CS_PREFIX_SOURCE_WORD "XS"
/* Normalized unstemmed words of an e-mail's To: and Cc: (to: filter). */
#define CS_PREFIX_RECIPIENT_WORD "XT"
/* Normalized language tag (lang: filter). */
#define CS_PREFIX_LANG "L"

/* --- Value slots --- */

/* Date of the article as YYYYMMDD, YYYYMM or YYYY (date: ranges compare
 * these strings; a shorter date sorts before every longer one it prefixes). */
#define CS_SLOT_DATE 0
/* The file path, so --per-doc can collapse on it. */
#define CS_SLOT_PATH 1

/* --- Metadata keys (Xapian user metadata, committed with the documents) --- */

#define CS_META_SCHEMA "schema"
/* Index root relative to the database directory ("..", "." or a path). */
#define CS_META_ROOT "root"
/* The manifests given with --manifest, to this run or an earlier one:
 * their paths relative to the index root, one per line, in the order
 * given.  Every run reads those that still exist, so a later run without
 * the option keeps their metadata (ix_index.c, load_given_manifests). */
#define CS_META_MANIFESTS "manifests"
/* Per-file record: key CS_META_FILE PATH, value "SIZE MTIME_NS HASH16
 * NPASSAGES READING META16 INO CTIME_NS" (READING absent, in records written
 * before it: 1; MTIME_NS 0 when the file was read too soon after it was
 * written for its mtime to be trusted: ix_file.c).  META16 is the hash of
 * the manifest metadata the file was indexed with (ix_meta_hash): a run
 * re-indexes a file whose metadata now hashes otherwise, though its bytes
 * are the same.  A record without it (written before it) stands for a
 * file indexed with unknown metadata, re-indexed only when it has
 * manifest metadata now (ix_record_meta_changed says why).  INO is the
 * file's inode number: another file put in its place with its size and
 * time (mv, cp -p) is read again; a record without it is trusted as
 * before.  CTIME_NS is the file's status change time, which a write sets
 * and no one can put back: the file written again in place with its size
 * and mtime put back (cp -p onto it) is read again; a record without it
 * is trusted as before.  The fields after the fourth were each added last, so readers
 * of the fields before them (qy_show.c, an older citesearch) read the
 * record as before, and the index format did not change. */
#define CS_META_FILE "file:"

/* How a file's bytes become passages and metadata (text/, ix_file.c,
 * ix_mail.c).  Raised when an unchanged file would now read otherwise, so
 * that the next run re-reads every file its record says was read the old
 * way, without the user touching them.  2: bytes that are not UTF-8 read
 * as Windows-1252, e-mails read as e-mails (recipients as filter terms),
 * mailboxes message by message.  3: of an e-mail, only its text parts
 * (ix_mail_texts), HTML read for its words (markup masked), quoted-
 * printable decoded (tx_decode_qp), encoded words in its header fields
 * decoded.  4: an e-mail's part read in the charset it declares (KOI8-R,
 * Big5, ...: tx_charset_readable) when its bytes are not UTF-8.  5: HTML
 * read for its text (tx_read_form): tags within a line left out, so a
 * word across them is one; character references the character; of a
 * forwarded message (message/rfc822), its body only; header fields
 * written unencoded in the message's charset read in it; a text that is
 * not UTF-8 and declares no charset read in the one it looks to be in,
 * when that is of a script other than Latin (tx_charset_detect).  6: an
 * e-mail's text parts in base64 read decoded (they were left out); parts
 * in ISO-2022-JP read in it (a passage's form keeps the escape sequence
 * in effect where it starts), and unencoded fields; a text with a UTF-16
 * byte order mark read as UTF-16 (it was binary, so never recorded), a
 * byte order mark no part of a title.  7: HTML (web pages, e-mail parts)
 * read without its cookie and consent notices (tx_markup.c: a block whose
 * id or class names one) and its lists of links and nothing else; a web
 * page's title from og:title first, its date and source from its linked
 * data too (ix_html.c); a text that declares no charset read in the
 * Central European or Turkish one it looks to be in (tx_charset_detect).
 * 8: the windows of a long paragraph share 15 to 25 words, not 30 to 50
 * (tx_passage.c): a longer quotation is found across windows at query
 * time (qy_across.c).  9: a number's percent sign is the word "percent", and
 * "per cent" is percent written in two words (tx_analyze.c).  10: a
 * currency sign by a number is the currency's word ($5: dollars 5), and a
 * unit's abbreviation glued to a number a word of its own (40km: 40 km;
 * tx_units.c).  11: an acronym written with points (U.S., M.E.K.) is
 * its letters and their joined form, as a compound is (tx_analyze.c).
 * 12: a run of underscores (a rule under a heading) is no word.  13: the
 * acronyms a passage's runs of names spell (CS_PREFIX_INITIALS), and its
 * words written in capitals (CS_PREFIX_CAPITALS).  14: a Markdown file's
 * title from its front matter, or its first line without a heading's #
 * marks (ix_file.c).  15: a letter with a stroke, and the dotless i, is
 * its base letter (Wałęsa: walesa, Diyarbakır: diyarbakir), Arabic's
 * harakat and tatweel and Hebrew's points are left out as diacritics are,
 * and a digit group's apostrophe, as Switzerland writes one (7'500), as
 * its comma is (tx_normalize.c).  16: digit groups set apart by a
 * no-break or thin space (8 500) are the number joined, as a compound is
 * (tx_analyze.c).  17: a text with one byte that is not ASCII is read
 * as Windows-1252, whatever Latin charset ICU ranks first
 * (tx_charset_detect).  18: a number's minus sign is the number's (-15;
 * tx_analyze.c).  19: an HTML reference to &#128;-&#159; is Windows-1252's
 * character (&#146;: U+2019), and <ins>, <del>, <nobr>, <label> and
 * <acronym> run on in their line (tx_markup.c); of an e-mail's
 * multipart/alternative with a plain text part, only that part is read,
 * not its HTML within a multipart/related, nor text/watch-html or
 * text/calendar (ix_mail.c); a UTF-16 web page's passages are cited by
 * its own lines, not those its blocks make of its text (ix_file.c).
 * 20: HTML a browser hides (the hidden attribute, aria-hidden="true", a
 * style of display none or visibility hidden) is no text (tx_markup.c).
 * 21: of an e-mail's multipart/alternative whose plain text part is a
 * stub (half of what its HTML says or less), the HTML is read (ix_mail.c).
 * 22: an HTML reference without its ';' (&nbsp, &#8217, &copy2023) is
 * the character, as browsers read it: a number, or a Latin-1 name
 * (tx_markup.c).  23: an HTML <title> is no text (tx_markup.c): the
 * article's title, not a passage.  24: an e-mail's text/calendar,
 * text/vcard, text/css or text/javascript part is no text, attached
 * beside the body too, not only as an alternative (ix_mail.c).  25: a
 * multipart/digest's part that declares no type is a message (RFC 2046
 * 5.1.5): its body read, not its header block (ix_mail.c).
 * 26: an elided article (l'État, qu'il, dell'arte) is a stop word of its
 * own, apart from the word it is elided before (tx_analyze.c).  27: a
 * zero width space inside a word of an alphabet links its parts, as a
 * hyphen does (tx_analyze.c).  28: a file's title is its first line
 * with more than white space as passages read it (no-break, ideographic
 * and zero width spaces), without such spaces around it (ix_file.c).
 * 29: a line of invisible marks of direction (RLM, LRM, ...) is blank,
 * and such marks around a passage are no part of it (tx_utf8.c).
 * 30: &apos without its ';' is text, as browsers show it (tx_markup.c).
 * 31: a custom element (<title-card>, <nav-link>) is no <title> nor
 * <nav>: its text is read (tx_markup.c).
 * 32: underscores at a word's ends are not its (_emphasis_, __init__:
 * tx_analyze.c).
 * 33: a Markdown file's title is read past HTML comments and from
 * Hugo's TOML front matter (ix_file.c).
 * 34: a Markdown file's date is its front matter's (ix_file.c).
 * 35: a Markdown file's title is without the inline marks a reader does
 * not see (emphasis, code, a link's address: ix_file.c). */
#define CS_READING_VERSION 35

/* Xapian rejects terms over 245 bytes; longer paths are shortened to a
 * prefix plus a hash by the indexer (ix_path_term). */
#define CS_MAX_TERM 240

/* Weight of a title match relative to a body match of the same word. */
#define CS_TITLE_WEIGHT 0.3

/* Words per passage before a paragraph is split at sentence breaks. */
#define CS_PASSAGE_MAX_WORDS 120

#endif

/*
 * Document data: the citation (path, title, source, date, url, lang, the
 * passage's paragraph, part, lines and bytes, and how its words are read),
 * then the raw bytes of the passage, byte for byte as in the file.  Its
 * format, and what each field means, is indexer/ix_docdata.h's.
 */
