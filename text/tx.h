/*
 * tx.h - the one text-analysis pipeline of citesearch.
 *
 * Indexing and querying both analyze text through these functions, so what
 * is indexed and what is searched can never disagree.  The module knows
 * nothing of Xapian; it uses ICU (segmentation, normalization) and Snowball's
 * C libstemmer.
 *
 * All offsets are byte offsets into the caller's original UTF-8 bytes, never
 * into a normalized copy: citations and highlights rely on them.  Bytes
 * that are not UTF-8 are read as Windows-1252 (Latin-1 text: "caf\xe9" is
 * café) and offsets stay exact.
 *
 * Ownership: a tx_analyzer is created by tx_analyzer_new and released by
 * tx_analyzer_free; it is not thread-safe (one per thread).  Token and
 * passage records passed to callbacks are valid only during the callback.
 */
#ifndef CITESEARCH_TX_H
#define CITESEARCH_TX_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ================================================================== */
/* Analyzer (tx_analyze.c): words with byte offsets                    */
/* ================================================================== */

typedef struct tx_analyzer tx_analyzer;

cs_status tx_analyzer_new(tx_analyzer **out, char **msg);
void tx_analyzer_free(tx_analyzer *a);

/* For a reader that compares stems with a few known ones only (the query
 * reading its candidate passages): with `first` (256 flags, one per byte
 * value) only words whose first byte is flagged are stemmed; any other
 * word beginning with a-z or 0-9 gets its term as its stem.  Nothing is
 * lost: an English Snowball stem begins with its word's first byte
 * (test_text), so such a word cannot stem to a known stem when the known
 * stems' first bytes are the ones flagged.  NULL (the default) stems
 * every word.  `first` is borrowed and must outlive the analyses. */
void tx_analyzer_stem_only(tx_analyzer *a, const unsigned char *first);

/* Token flags. */
#define TX_NUMBER 0x01  /* digits, maybe with a decimal point; group commas
                           removed from `term` (2,500 -> 2500) */
#define TX_PART 0x02    /* one part of a hyphenated compound (cyber-attack) */
#define TX_JOINED 0x04  /* the joined form of a compound (cyberattack): has
                           the position of its first part and spans all
                           parts; for ranking only, never for phrases */
#define TX_CAPITAL 0x08 /* original word starts with an upper-case letter */
#define TX_IDEO 0x10    /* CJK, kana, Thai, ...: from ICU's dictionaries */
#define TX_STOP 0x20    /* an English stop word (the, of, and, ...) */

typedef struct tx_token {
    const char *term;  /* normalized: NFKC, case-folded, without diacritics,
                          apostrophes as ', NUL-terminated */
    size_t term_len;
    const char *stem;  /* English Snowball stem of term (== term for
                          numbers and non-Latin words), NUL-terminated */
    size_t stem_len;
    size_t start, end; /* [start, end) in the analyzed bytes */
    unsigned pos;      /* word position, from 1; TX_JOINED tokens share the
                          position of their first part */
    unsigned flags;
} tx_token;

/* Called for each token in text order (a TX_JOINED token follows the last
 * part of its compound).  Return non-zero to stop the analysis. */
typedef int (*tx_token_fn)(void *ctx, const tx_token *tok);

/*
 * Segments `text` (UTF-8, `len` bytes) into words with ICU's word break
 * iterator and reports each word token.  Punctuation and spaces are not
 * tokens.  Beyond ICU's rules:
 *  - a word containing '.' or ':' between letters is split there
 *    ("sabotage.In" is two words), but digits keep their decimal point;
 *  - words joined by one hyphen (- U+2010 U+2011) form a compound: its parts
 *    are reported (TX_PART) and then its joined form (TX_JOINED);
 *  - positions start at `first_pos` (use 1), so a caller can analyze a long
 *    text in pieces with continuous positions.
 * Returns CS_OK, CS_NOMEM, or CS_INTERNAL when ICU fails (message in *msg).
 */
cs_status tx_analyze(tx_analyzer *a, const char *text, size_t len,
                     unsigned first_pos, tx_token_fn fn, void *ctx,
                     char **msg);

/* The normalized form of one word or phrase (filters such as lang:):
 * *out is malloc'd, NUL-terminated. */
cs_status tx_normalize(tx_analyzer *a, const char *text, size_t len,
                       char **out, size_t *out_len, char **msg);

/* Non-zero when the normalized word is an English stop word. */
int tx_is_stopword(const char *term, size_t len);
/* Non-zero when the normalized word negates: not, no, nor, never,
 * neither, cannot, or a contraction with not (didn't, won't). */
int tx_is_negation(const char *term, size_t len);

/* Units of measure and currencies (tx_units.c).  tx_unit_groups: the
 * units the word term[0, len) names, a bit each (0: none), so two words
 * name the same unit when their groups meet ("km", "kilometres",
 * "kilometers"; "USD", "dollars"; "pounds" is a weight and a currency).
 * tx_unit_glued: whether the word is an abbreviation that may be written
 * glued to a number ("40km", "24hrs", "5GB"), which the analysis reads
 * as the number and the unit.  tx_currency_by: the group of the currency
 * whose sign is written by the number at text[start, end): just before
 * it ("$5") or after it, maybe after a space ("50" and a euro sign), or 0. */
uint32_t tx_unit_groups(const char *term, size_t len);
int tx_unit_glued(const char *word, size_t len);
uint32_t tx_currency_by(const char *text, size_t len, size_t start, size_t end);
/* The sign of a currency in `groups` (tx_currency_by's), as a reader
 * writes it ("$", "€", "£", "¥", "₹"); "" for none. */
const char *tx_currency_sign(uint32_t groups);

/* British and American spellings (tx_spelling.c): the American form of a
 * normalized word by the regular patterns (organisation -> organization,
 * defence -> defense, centre -> center, colour -> color, analyse ->
 * analyze, catalogue -> catalog, travelled -> traveled, programme ->
 * program) into out, NUL-terminated, and its length; two words are one
 * spelled two ways when their forms are equal.  Made only to compare two
 * words: a word no pattern fits comes out as it went in, and one that is
 * no British spelling may come out as no word (promise -> promize). */
#define TX_SPELLING_MAX 64
size_t tx_us_spelling(const char *term, size_t len, char out[TX_SPELLING_MAX]);

/* Irregular verbs (tx_verbs.c): the base form of a normalized word that
 * is a form of an irregular verb news often uses (fell, fallen, falls:
 * "fall"; won: "win"), or NULL for any other word.  Two words are forms
 * of one verb when their bases are equal.  The result is static.
 * tx_verb_forms_sorted: 1 when the table is in the order its search
 * needs (for the tests). */
const char *tx_verb_base(const char *term);
int tx_verb_forms_sorted(void);

/* ================================================================== */
/* Passages (tx_passage.c): paragraphs, split at sentence breaks        */
/* ================================================================== */

typedef struct tx_passage {
    size_t byte_start, byte_end; /* [start, end): first to last non-space
                                    byte of the passage */
    unsigned line_start, line_end; /* 1-based, inclusive */
    unsigned paragraph;            /* 1-based paragraph number in the file */
    unsigned part;                 /* 1-based part of a split paragraph */
    unsigned words;                /* word tokens in the passage */
} tx_passage;

typedef int (*tx_passage_fn)(void *ctx, const tx_passage *p);

/*
 * Splits a whole file's bytes into passages: a paragraph is a run of
 * non-blank lines (a blank line holds only white space as tx_space_at
 * reads it, NBSP and RLM included; lines end at LF, CR LF or a lone CR).
 * A paragraph of more than
 * `max_words` words is cut into overlapping windows of at most `max_words`
 * words, ending at ICU sentence breaks where they allow; consecutive
 * windows share 15 to 25 words (less when max_words is small), so a
 * quotation of up to 15 words crossing a window's end is whole in the
 * next.  Passages are
 * reported in file order (by start); parts of one paragraph overlap.
 */
cs_status tx_passages(tx_analyzer *a, const char *text, size_t len,
                      unsigned max_words, tx_passage_fn fn, void *ctx,
                      char **msg);

/* The line breaks in text[0, len), as tx_passages numbers lines: LF, CR
 * LF (one), a lone CR. */
unsigned tx_count_lines(const char *text, size_t len);

/* A cursor counting lines (as tx_count_lines) through text[0, len), for
 * offsets asked in order: each count goes on from the last offset, so a
 * walk through a text counts it once.  Borrows the text. */
typedef struct tx_lines {
    const char *text;
    size_t len;
    size_t off;     /* the bytes before it are counted */
    unsigned line;  /* the 1-based line text[off] is on */
} tx_lines;

/* A cursor that knows text[off] to be on line `line` (0, 1: the start). */
void tx_lines_init(tx_lines *c, const char *text, size_t len, size_t off,
                   unsigned line);

/* The 1-based line of text[off]; an offset behind the cursor is counted
 * from the text's start. */
unsigned tx_line_of(tx_lines *c, size_t off);

/* Copies the letters and digits of UTF-8 `text` into `out` (room for len
 * bytes) as they are written, case and accents kept, leaving out the
 * rest (spaces, punctuation, quotes, symbols); returns their length.  For
 * comparing a quotation with a passage as written, where matching
 * compares them normalized. */
size_t tx_letters(const char *text, size_t len, char *out);

/* The length of the white space character at s[i] (i < len) as passages
 * read white space: ASCII's, Unicode's (NBSP, the ideographic space) and
 * the invisible ZERO WIDTH SPACE, BOM, word joiner and marks of direction
 * (RLM, LRM, ...); 0 for anything else. */
unsigned tx_space_at(const char *s, size_t len, size_t i);
/* Length of a space that French and SI typography put between digit
 * groups (8 500, 10 000) at s[i] (len bytes): a no-break space U+00A0, a
 * thin space U+2009 or a narrow no-break space U+202F; or 0.  A plain
 * space is none: "in 2019 500 people" is two numbers.  Between a digit
 * and three digits, the analysis reads such a number as one (2500). */
unsigned tx_group_space_at(const char *s, size_t len, size_t i);

/* Non-zero when UTF-8 `text` holds no letter and no digit: white space,
 * punctuation and symbols only (a rule of underscores, "* * *"), which
 * neither a quotation nor a passage has words of.  A byte that is not
 * UTF-8 counts as a letter. */
int tx_wordless(const char *text, size_t len);

/* Non-zero when the point at text[p] (of `len` bytes) is an acronym's
 * within its sentence, as the analyzer reads acronyms (ASCII capitals
 * standing alone, each followed by a point): one between two of its
 * letters (the first of "U.S."), or the last where the next word is not
 * written with a capital ("the U.S. was behind", not "in the U.S. The
 * next day", which ends a sentence). */
int tx_acronym_point(const char *text, size_t len, size_t p);

/* ================================================================== */
/* Acronyms spelled out (tx_initials.c)                                */
/* ================================================================== */

/*
 * A run of capitalized words spells an acronym by their initials: the
 * National Council for Resistance in Iran spells NCRI, People's Mojahedin
 * Organization of Iran PMOI, Mujahedin-e Khalq MEK.  A run's words stand
 * apart by blanks only (a comma or a point ends it); up to two lower-case
 * stop words between two of them are left out (of, for, in, the); a
 * capitalized stop word neither starts nor ends one (The, Of); a
 * compound's later parts count whatever their case (the e of
 * Mujahedin-e).  Every stretch of a run of at most TX_INITIALS_RUN words
 * that spells `min` (2 at least) to TX_INITIALS_MAX letters is reported
 * (a writer's acronym may leave out a run's first or last words: the
 * Albanian National Security Council is NSC too).  The index holds those
 * of TX_INITIALS_MIN letters and more: too many names would spell the
 * same two (Edi Rama, Ernest Renan); a reader asking whether a passage
 * spells US (United States) reads two.
 *
 * Start with tx_initials_init(s, min), feed a text's tokens in order
 * (tx_analyze's, or a reader's copy of them: term, flags and bytes in
 * `text`), then call tx_initials_end.
 * `fn` gets the letters (lower-case ASCII, NUL-terminated, valid during
 * the call) and the bytes of `text` from the stretch's first word to its
 * last.
 */
#define TX_INITIALS_MIN 3
#define TX_INITIALS_MAX 6
#define TX_INITIALS_RUN 8

typedef void (*tx_initials_fn)(void *ctx, const char *letters, size_t n,
                               size_t start, size_t end);

typedef struct tx_initials {
    char letters[TX_INITIALS_RUN];
    size_t starts[TX_INITIALS_RUN], ends[TX_INITIALS_RUN];
    size_t n;        /* capitalized words in the run (may exceed the arrays) */
    size_t stops;    /* stop words since the run's last word */
    size_t last_end; /* end of the run's last word or stop word */
    int in_compound; /* the run's last word is a compound's part */
    size_t min;      /* the fewest letters reported */
} tx_initials;

void tx_initials_init(tx_initials *s, size_t min);
void tx_initials_word(tx_initials *s, const char *text, const char *term,
                      unsigned flags, size_t start, size_t end,
                      tx_initials_fn fn, void *ctx);
/* tx_initials_word for a word that may end a run or start one: most words
 * do neither, and every word of a text is fed. */
static inline void tx_initials_feed(tx_initials *s, const char *text, const char *term,
                                    unsigned flags, size_t start, size_t end,
                                    tx_initials_fn fn, void *ctx)
{
    if (s->n > 0 || (flags & TX_CAPITAL))
        tx_initials_word(s, text, term, flags, start, end, fn, ctx);
}
void tx_initials_end(tx_initials *s, tx_initials_fn fn, void *ctx);

/* Non-zero when the `len` bytes at w, as written, are an acronym in
 * capitals: `min` to `max` ASCII capital letters (US, MEK, PMOI; not
 * Pmoi).  The index marks words of TX_INITIALS_MIN to TX_INITIALS_MAX so
 * (schema.h: CS_PREFIX_CAPITALS); a query reads acronyms from two. */
int tx_acronym_written(const char *w, size_t len, size_t min, size_t max);

/* Non-zero when UTF-8 `text` has an upper-case or title-case letter: a
 * query written with none says nothing by case of which words are
 * names. */
int tx_has_capital(const char *text, size_t len);

/* Returns the byte offset of the first invalid UTF-8 sequence in `text`,
 * or `len` when the whole text is valid. */
size_t tx_utf8_check(const char *text, size_t len);

/* A malloc'd, NUL-terminated copy of `text` with each invalid UTF-8
 * sequence (each maximal subpart of one, as ICU and Python's
 * errors='replace' count them) replaced by U+FFFD, for what must be valid
 * UTF-8 (JSON); *out_len (may be NULL) receives its length.  NULL when out
 * of memory. */
char *tx_utf8_sanitize(const char *text, size_t len, size_t *out_len);

/* A malloc'd, NUL-terminated UTF-8 copy of `text` in which each byte of
 * an invalid UTF-8 sequence is read as Windows-1252 (Latin-1's superset),
 * as the analyzer reads it: for text a person reads, such as a title
 * taken from a Latin-1 file.  *out_len (may be NULL) receives its length.
 * NULL when out of memory. */
char *tx_utf8_legacy(const char *text, size_t len, size_t *out_len);

/* A malloc'd, NUL-terminated UTF-8 copy of `text` read in `charset` (an
 * IANA or MIME name: "iso-8859-2", "windows-1252", "utf-8", ...; Latin-1
 * and ASCII read as Windows-1252, as browsers do), bytes invalid in it as
 * U+FFFD; *out_len (may be NULL) receives its length.
 * NULL when the charset is unknown or out of memory. */
char *tx_charset_to_utf8(const char *charset, const char *text, size_t len,
                         size_t *out_len);

/*
 * Whether text declared to be in `charset` (a MIME charset parameter) is
 * to be read through it: 1 for a name ICU knows of a stateless charset
 * that reads ASCII as ASCII (KOI8-R, windows-1251, ISO-8859-2, GB2312,
 * Big5, Shift_JIS, EUC-KR, ...), 0 for UTF-8, for the labels the
 * analyzer's own reading covers (ASCII, Latin-1, windows-1252), for a
 * stateful one (ISO-2022-JP: a passage read apart from the text before
 * it would lose its state), for an unknown or overlong name, and for one
 * with characters other than letters, digits and "-_.:" (the name is
 * stored in the passage's data as it is).
 */
int tx_charset_readable(const char *charset);

/* Whether `charset` (may be NULL) is one the analyzer's own reading of
 * bytes that are not UTF-8 covers (Windows-1252, and the Latin-1 and ASCII
 * labels read as it): text declared so is read as it says. */
int tx_charset_legacy(const char *charset);

/*
 * Guesses the charset of `text` (bytes that are not UTF-8, no charset
 * declared) with ICU's detector: 1 and the name in `out` (room for 41
 * bytes) when the guess is sure enough and is a charset of a script other
 * than Latin (Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese, Korean)
 * or a Central European or Turkish one (windows-1250, ISO-8859-2,
 * windows-1254, ISO-8859-9) that tx_charset_readable accepts; else 0 and
 * "" (read as any text: Windows-1252).  Looks at the first 64 KB.
 */
int tx_charset_detect(const char *text, size_t len, char *out);

/*
 * Whether `charset` is ISO-2022-JP, the charset of most Japanese mail: 7
 * bits, so its bytes are valid UTF-8 whatever they say; stateful, so a
 * passage is read from the escape sequence in effect where it starts
 * (TX_FORM_SHIFT), which tx_iso2022_shifts finds for each byte: the
 * index of that sequence (1-5), or 0 before any (ASCII), into shift (len
 * bytes).  Returns whether the text has an escape sequence at all.
 */
int tx_charset_iso2022(const char *charset);
int tx_iso2022_shifts(const char *text, size_t len, unsigned char *shift);

/*
 * The charset a text's byte order mark says it is in when that is UTF-16
 * (FF FE: "UTF-16LE", FE FF: "UTF-16BE", as Windows' Notepad and Word
 * save "Unicode" text), else NULL.  Such a text is not ASCII-compatible
 * (every other byte of English is NUL), so it is read only through
 * tx_read_form with this name, never as bytes; its passages' offsets
 * stay the file's bytes and their line breaks are the text's own.  A
 * UTF-8 BOM is no charset: the analyzer reads it as a space.
 */
const char *tx_charset_bom(const char *text, size_t len);
/* Whether `charset` (may be NULL) is one tx_charset_bom gives. */
int tx_charset_wide(const char *charset);

/* A malloc'd, NUL-terminated UTF-8 copy of `text` with each byte as the
 * character of its value, U+0000-U+00FF (ISO-8859-1): lossless, so byte
 * offsets can be found in it whatever the bytes are.  *out_len (may be
 * NULL) receives its length.  NULL when out of memory. */
char *tx_utf8_latin1(const char *text, size_t len, size_t *out_len);

/* ================================================================== */
/* Markup (tx_markup.c)                                                 */
/* ================================================================== */

/* Where `needle` (ASCII letters in either case) next starts in
 * text[from, len), or len: markup's tags and attributes are read so, and
 * a passage is asked for a name before it is analyzed. */
size_t tx_find_nocase(const char *text, size_t from, size_t len, const char *needle);

/* How a text is written, for tx_read_form. */
#define TX_FORM_HTML 1u /* HTML: read for its text */
#define TX_FORM_QP 2u   /* quoted-printable: read decoded */
#define TX_FORM_B64 4u  /* base64: read decoded */
/*
 * A passage of a base64 text: base64 decodes four characters at a time,
 * so a passage's bytes are those of the groups of four that hold it
 * (tx_b64_align), which decode to `lead` (0-2) bytes before its text and
 * `trail` (0-2) after it, left out when it is read.
 */
#define TX_FORM_CUT(lead, trail) ((unsigned)(lead) << 4 | (unsigned)(trail) << 6)
#define TX_FORM_LEAD(form) (((form) >> 4) & 3u)
#define TX_FORM_TRAIL(form) (((form) >> 6) & 3u)
#define TX_FORM_CUT_BITS TX_FORM_CUT(3, 3) /* a form less its cut: & ~ */
/*
 * A passage of a text in ISO-2022-JP, which switches character sets by
 * escape sequences: the one in effect where the passage starts
 * (tx_iso2022_shifts; 0 for none, ASCII), read before its bytes.
 */
#define TX_FORM_SHIFT(k) ((unsigned)(k) << 8)
#define TX_FORM_SHIFT_OF(form) (((form) >> 8) & 7u)

/*
 * A text as read for its words: what tx_read_form makes of the bytes of
 * an e-mail's part.  `text` (NUL-terminated, n bytes) is what the
 * analyzer reads; `start` and `end` are NULL when its offsets are the
 * bytes' own (plain text), else text[i]
 * stands for bytes [start[i], end[i]) of what was read (n + 1 entries:
 * start[n] and end[n] are its length), both never decreasing.
 * Ownership: the arrays are the caller's, released by tx_read_clear.
 */
typedef struct tx_read {
    char *text;
    size_t n;
    size_t *start, *end;
} tx_read;

/*
 * Reads text[0, len) written in `form` (TX_FORM_*: HTML, and QP or B64,
 * with the cut of a base64 passage; any or none) and in
 * `charset` (NULL: UTF-8, bytes that are not UTF-8 as Windows-1252, as
 * the analyzer reads any text; else a name tx_charset_readable accepts,
 * or one tx_charset_bom gives, then without form):
 * quoted-printable or base64 decoded (tx_decode_qp; base64's characters
 * outside its alphabet skipped, '=' ending a group, each byte mapped to
 * the two characters that hold its bits, the cut left out), then the
 * charset converted to
 * UTF-8 (bytes invalid in it as U+FFFD), then HTML read for its text:
 * tags within a line of text (<b>, <a>, <span>, ...) and comments left
 * out, so that a word across them is one word, as a browser shows it;
 * character references the character (numeric ones, HTML 4's named ones
 * by libxml2's table, &apos;; without their ';' as browsers read them:
 * numbers, and the names of ISO-8859-1's characters, &nbsp &copy); any
 * other markup (tags that end a line,
 * style sheets, scripts, a <title>, declarations, a reference to no character)
 * blanked with spaces, its line breaks kept, so that lines and
 * paragraphs stay where they were; a '<' that opens no tag ("a < b") is
 * text.  The indexer and the query side both read e-mail parts through
 * it, so they read them alike.  CS_NOMEM when out of memory; *out is then
 * empty.
 */
cs_status tx_read_form(const char *text, size_t len, unsigned form,
                       const char *charset, tx_read *out);
void tx_read_clear(tx_read *r);

/* r's text (tx_read_form's reading) for a person to read: its bytes that
 * are not UTF-8 read as Windows-1252, as the analyzer reads them, each
 * character keeping the bytes it stands for; in place.  CS_NOMEM when out
 * of memory (r unchanged). */
cs_status tx_read_legacy(tx_read *r);

/* A form's name, as passages store it ("html", "qp", "qp html", "b64
 * lead1 trail2 html", ...: its words in that order, space-separated),
 * into `buf`; NULL for plain text.  And the form a name stands for (0 for
 * NULL; a name with a word it does not know is plain text). */
#define TX_FORM_NAME_MAX 32
const char *tx_form_name(unsigned form, char buf[TX_FORM_NAME_MAX]);
unsigned tx_form_of(const char *name);

/*
 * The passage whose text decoded from base64 text[0, len) stands for its
 * bytes [*start, *end) (tx_read_form's map: from the first character of
 * its first byte to the last of its last) as a passage of whole groups of
 * four: *start and *end moved to its first group's start and past its
 * last group's last character, and the form's cut (TX_FORM_CUT) returned.
 * `phase` is tx_b64_phases' of the text, so that each passage costs only
 * the few characters around its ends.
 */
unsigned tx_b64_align(const char *text, size_t len, const unsigned char *phase,
                      size_t *start, size_t *end);
/* Each byte's place in its group of four base64 characters (0-3), or
 * TX_B64_NONE for a byte outside the alphabet: into phase (len bytes). */
#define TX_B64_NONE 255
void tx_b64_phases(const char *text, size_t len, unsigned char *phase);

/* The value of a hexadecimal digit, or -1. */
int tx_hex_digit(char c);
/* The value of a base64 character (RFC 2045's alphabet), or -1. */
int tx_b64_value(char c);

/* The byte the escape "=XX" at text[at] stands for (quoted-printable, and
 * RFC 2047's Q encoding), or -1 when text[at, len) starts none. */
int tx_qp_escape(const char *text, size_t len, size_t at);

/*
 * Quoted-printable (RFC 2045) read for its words: decodes text[0, len)
 * into `out` (room for len bytes): "=XX" becomes the byte it stands for,
 * a soft line break ("=" ending a line) nothing, any other byte itself.
 * start[i] (room for len + 1) receives where the encoding of out[i]
 * begins in `text`, and start[n] is len; tx_qp_end gives where it ends.
 * Returns n, the decoded length.  Analyze the copy, map its offsets back
 * through `start`, cite the text.
 */
size_t tx_decode_qp(const char *text, size_t len, char *out, size_t *start);

/* Where the encoding of a decoded byte that begins at text[at] ends. */
size_t tx_qp_end(const char *text, size_t len, size_t at);

/* ================================================================== */
/* Version (tx_version.c)                                               */
/* ================================================================== */

/* The version of the ICU library the program runs with ("72.1"), from
 * u_getVersion(); a static string, never NULL. */
const char *tx_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
