/* tx_markup.c - HTML and quoted-printable read for their words (see
 * tx.h): escapes and character references decoded, markup left out or
 * blanked, in a copy that maps each byte back to the bytes it stands for. */
#include "tx.h"
#include "tx_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <unicode/utf8.h>

/* A tag longer than this is none: its '<' is text.  Bounds the work a
 * stray '<' or an unclosed quote can cause. */
#define TX_MAX_TAG 4096

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

size_t tx_find_nocase(const char *text, size_t from, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= len; i++)
        if (strncasecmp(text + i, needle, n) == 0)
            return i;
    return len;
}

/* HTML 4's named reference (libxml2's table, which has them in lower
 * case only), also &AMP; &LT; &GT; &QUOT; &COPY; &REG; as HTML reads
 * them; NULL for none. */
static const htmlEntityDesc *named_reference(const char *name)
{
    static const char *const upper[][2] = {{"AMP", "amp"},   {"LT", "lt"},
                                           {"GT", "gt"},     {"QUOT", "quot"},
                                           {"COPY", "copy"}, {"REG", "reg"}};
    for (size_t k = 0; k < sizeof upper / sizeof upper[0]; k++)
        if (strcmp(name, upper[k][0]) == 0)
            name = upper[k][1];
    return htmlEntityLookup((const xmlChar *)name);
}

/* Whether text[0, n) names one of the references HTML reads without
 * its ';' (&nbsp &copy &eacute, as pages written for old browsers have
 * them): those for ISO-8859-1's characters.  Not &apos, which libxml2's
 * table has but HTML's list of those does not: a browser shows
 * "&apostrophe" as written. */
static int legacy_reference(const char *text, size_t n)
{
    char name[8];
    if (n == 0 || n >= sizeof name)
        return 0;
    memcpy(name, text, n);
    name[n] = '\0';
    const htmlEntityDesc *e = named_reference(name);
    return e && e->value <= 0xFF && strcmp(name, "apos") != 0;
}

/* The end (one past) of the character reference at text[i] ('&'), or i
 * when it is none: &name; &#123; &#x1F;.  Without its ';', as a browser
 * reads them: a number, or the longest name legacy_reference knows that
 * starts the letters ("&nbspx" is a no-break space and "x"). */
static size_t reference_end(const char *text, size_t i, size_t len)
{
    size_t j = i + 1;
    int numeric = j < len && text[j] == '#';
    if (numeric) {
        j++;
        if (j < len && (text[j] == 'x' || text[j] == 'X'))
            j++;
    }
    size_t start = j;
    while (j < len && j - start < 32 && is_alnum(text[j]))
        j++;
    if (j > start && j < len && text[j] == ';')
        return j + 1;
    if (numeric) { /* its digits */
        int hex = text[start - 1] == 'x' || text[start - 1] == 'X';
        for (j = start; j < len && j - start < 8 &&
                        (hex ? tx_hex_digit(text[j]) >= 0
                             : text[j] >= '0' && text[j] <= '9');)
            j++;
        return j > start ? j : i;
    }
    for (size_t n = j - start < 6 ? j - start : 6; n >= 2; n--)
        if (legacy_reference(text + start, n))
            return start + n;
    return i;
}

/* The end (one past) of the tag, comment or declaration opening at
 * text[i] ('<'), or i when the '<' opens none. */
static size_t tag_end(const char *text, size_t i, size_t len)
{
    if (i + 1 >= len)
        return i;
    char c = text[i + 1];
    if (c == '!' && i + 3 < len && text[i + 2] == '-' && text[i + 3] == '-') {
        size_t close = tx_find_nocase(text, i + 4, len, "-->");
        return close < len ? close + 3 : len; /* a comment left open */
    }
    if (!(is_alpha(c) || c == '/' || c == '!' || c == '?'))
        return i;
    /* To the '>' outside quoted attribute values. */
    char quote = 0;
    size_t stop = len - i > TX_MAX_TAG ? i + TX_MAX_TAG : len;
    for (size_t j = i + 1; j < stop; j++) {
        if (quote) {
            if (text[j] == quote)
                quote = 0;
        } else if (text[j] == '"' || text[j] == '\'') {
            quote = text[j];
        } else if (text[j] == '>') {
            return j + 1;
        } else if (text[j] == '<') {
            return i; /* another tag opens first: this '<' is text */
        }
    }
    return i;
}

/* Whether c ends a tag's name, as HTML's tokenizer reads one: white
 * space, '/' or '>'.  A custom element's name goes on past a letter or
 * digit, and past a '-' ("title-card", "nav-link": no <title>, no <nav>,
 * and shown as any element a browser does not know). */
static int ends_name(char c)
{
    return is_space(c) || c == '/' || c == '>';
}

/* Whether the tag at text[i] opens the element `name`. */
static int opens(const char *text, size_t i, size_t end, const char *name)
{
    size_t n = strlen(name);
    return end - i > n + 1 && strncasecmp(text + i + 1, name, n) == 0 &&
           ends_name(text[i + 1 + n]);
}

/* Where the end tag `close` ("</style") next starts in text[from, len)
 * with its whole name (not "</style-guide"), or len. */
static size_t end_tag_at(const char *text, size_t from, size_t len,
                         const char *close)
{
    size_t n = strlen(close);
    for (size_t at = tx_find_nocase(text, from, len, close); at < len;
         at = tx_find_nocase(text, at + 1, len, close))
        if (at + n == len || ends_name(text[at + n]))
            return at;
    return len;
}

/* What a piece of HTML markup is to a reader. */
enum {
    TX_MARKUP_BLOCK,    /* a tag that ends a line of text (<p>, <br>,
                           <div>, ...), a style sheet, a script, a
                           declaration */
    TX_MARKUP_INLINE,   /* a tag within a line (<b>, <a>, <span>, ...), a
                           comment: nothing */
    TX_MARKUP_REFERENCE /* a character reference (&amp; &#8217;) */
};

/* Elements a browser runs on in the line of text around them (HTML's
 * phrasing content): their tags break no word and no line. */
static int inline_tag(const char *text, size_t i, size_t end)
{
    static const char *const names[] = {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code",
        "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark",
        "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var", "wbr"};
    if (i + 1 < end && text[i + 1] == '/')
        i++; /* an end tag: "</b" as "<b" */
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (opens(text, i, end, names[k]))
            return 1;
    return 0;
}

/* Elements that are blocks of their own (HTML's flow content that is not
 * phrasing): their tags end a paragraph, even within a line, as a browser
 * sets them apart; a saved web page is often one long line. */
static int block_tag(const char *text, size_t i, size_t end)
{
    static const char *const names[] = {
        "address", "article", "aside", "blockquote", "body", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "title", "tr", "ul"};
    if (i + 1 < end && text[i + 1] == '/')
        i++;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (opens(text, i, end, names[k]))
            return 1;
    return 0;
}

/* A cookie or consent notice (a GDPR banner, a consent manager's dialog)
 * is on most pages saved in Europe, as it was on screen: its words ("we
 * and our partners store and access personal data") would be a passage of
 * every such page, found by any query about data or privacy.  A block
 * whose id or class names one is no text, as a menu is not: a consent
 * manager's own name, or "consent", "gdpr", or "cookie" with what sites
 * call the box ("cookie-banner", "CybotCookiebotDialog"; not a recipe's
 * "cookie-recipe").  Whether one name of an id or a class names one: */
static int notice_name(const char *v, size_t n)
{
    static const char *const any[] = {"consent", "gdpr", "onetrust", "didomi",
                                      "usercentrics", "qc-cmp", "cmpbox",
                                      "cc-window", "sp_message"};
    static const char *const box[] = {
        "banner", "notice", "bar", "popup", "dialog", "law", "message",
        "modal", "overlay", "policy", "alert", "wall", "notification", "info"};
    for (size_t k = 0; k < sizeof any / sizeof any[0]; k++)
        if (tx_find_nocase(v, 0, n, any[k]) < n)
            return 1;
    if (tx_find_nocase(v, 0, n, "cookie") == n)
        return 0;
    for (size_t k = 0; k < sizeof box / sizeof box[0]; k++)
        if (tx_find_nocase(v, 0, n, box[k]) < n)
            return 1;
    return 0;
}

/* Whether an id or a class (names separated by spaces) names a notice:
 * "cookie" and the box in one name ("recipe-card cookie-recipe info" is a
 * recipe's). */
static int names_notice(const char *v, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && is_space(v[i]))
            i++;
        size_t start = i;
        while (i < n && !is_space(v[i]))
            i++;
        if (i > start && notice_name(v + start, i - start))
            return 1;
    }
    return 0;
}

/* The start tag text[i, end)'s next attribute from *j on: its name
 * text[*name, *name + *name_len) and its value text[*v, *v + *v_len)
 * (empty for none; without its quotes).  0 after the last. */
static int next_attribute(const char *text, size_t *j, size_t end, size_t *name,
                          size_t *name_len, size_t *v, size_t *v_len)
{
    size_t at = *j;
    while (at < end && (is_space(text[at]) || text[at] == '/'))
        at++;
    *name = at;
    while (at < end && !is_space(text[at]) && text[at] != '=' && text[at] != '>' &&
           text[at] != '/')
        at++;
    *name_len = at - *name;
    if (*name_len == 0)
        return 0; /* its '>' */
    while (at < end && is_space(text[at]))
        at++;
    *v = at;
    *v_len = 0;
    if (at < end && text[at] == '=') {
        at++;
        while (at < end && is_space(text[at]))
            at++;
        if (at < end && (text[at] == '"' || text[at] == '\'')) {
            char quote = text[at++];
            *v = at;
            while (at < end && text[at] != quote)
                at++;
            *v_len = at - *v;
            at += at < end;
        } else {
            *v = at;
            while (at < end && !is_space(text[at]) && text[at] != '>')
                at++;
            *v_len = at - *v;
        }
    }
    *j = at;
    return 1;
}

/* Where the start tag text[i, end)'s attributes begin: past its name. */
static size_t attributes_at(const char *text, size_t i, size_t end)
{
    size_t j = i + 1;
    while (j < end && is_alnum(text[j]))
        j++;
    return j;
}

/* Whether the start tag text[i, end) has an id or a class that names a
 * cookie or consent notice. */
static int notice_tag(const char *text, size_t i, size_t end)
{
    size_t j = attributes_at(text, i, end), name, name_len, v, v_len;
    while (next_attribute(text, &j, end, &name, &name_len, &v, &v_len)) {
        int id = name_len == 2 && strncasecmp(text + name, "id", 2) == 0;
        int cls = name_len == 5 && strncasecmp(text + name, "class", 5) == 0;
        if ((id || cls) && names_notice(text + v, v_len))
            return 1;
    }
    return 0;
}

/* Whether `want` (small letters, no space) stands in text[v, v + n),
 * spaces between its characters and case aside. */
static int has_squeezed(const char *v, size_t n, const char *want)
{
    for (size_t k = 0; k < n; k++) {
        size_t at = k, w = 0;
        while (want[w] && at < n) {
            if (is_space(v[at]) && w > 0) {
                at++;
                continue;
            }
            if ((v[at] | 0x20) != want[w] && v[at] != want[w])
                break;
            at++;
            w++;
        }
        if (!want[w])
            return 1;
    }
    return 0;
}

/* Whether text[v, v + n), a style attribute, hides its element: display
 * none or visibility hidden, spaces and case aside. */
static int hiding_style(const char *v, size_t n)
{
    return has_squeezed(v, n, "display:none") || has_squeezed(v, n, "visibility:hidden");
}

/* Whether the start tag text[i, end) hides its element from a reader, as
 * a browser does: the hidden attribute, aria-hidden="true", or a style
 * of display none or visibility hidden (a newsletter's preview text, a
 * page's spacer text). */
static int hidden_tag(const char *text, size_t i, size_t end)
{
    size_t j = attributes_at(text, i, end), name, name_len, v, v_len;
    while (next_attribute(text, &j, end, &name, &name_len, &v, &v_len)) {
        if (name_len == 6 && strncasecmp(text + name, "hidden", 6) == 0)
            return 1;
        if (name_len == 11 && strncasecmp(text + name, "aria-hidden", 11) == 0 &&
            v_len == 4 && strncasecmp(text + v, "true", 4) == 0)
            return 1;
        if (name_len == 5 && strncasecmp(text + name, "style", 5) == 0 &&
            hiding_style(text + v, v_len))
            return 1;
    }
    return 0;
}

/* A notice is looked for this far for its end tag; a page that does not
 * close it within that loses only the tag.  (A consent manager's dialog
 * with its settings runs to some tens of kilobytes.) */
#define TX_MAX_HIDDEN (256 * 1024)

/* The end (one past) of the element whose start tag is text[i, end): past
 * its end tag, elements of its name within it counted; i when there is
 * none within TX_MAX_HIDDEN bytes, or within the bytes left in *budget,
 * which the bytes scanned are taken from (the scans of one text share
 * it: many elements left open would each scan that far). */
static size_t element_end(const char *text, size_t i, size_t end, size_t len,
                          size_t *budget)
{
    size_t n = 0;
    while (i + 1 + n < end && is_alnum(text[i + 1 + n]))
        n++;
    const char *name = text + i + 1;
    size_t room = *budget < TX_MAX_HIDDEN ? *budget : TX_MAX_HIDDEN;
    size_t stop = len - end > room ? end + room : len;
    unsigned depth = 1;
    size_t j = end;
    for (; j + n + 2 < stop; j++) {
        if (text[j] != '<')
            continue;
        if (text[j + 1] == '/' && strncasecmp(text + j + 2, name, n) == 0 &&
            !is_alnum(text[j + 2 + n])) {
            if (--depth == 0)
                break;
        } else if (strncasecmp(text + j + 1, name, n) == 0 &&
                   !is_alnum(text[j + 1 + n])) {
            depth++;
        }
    }
    *budget -= (j < stop ? j : stop) - end;
    if (depth > 0)
        return i;
    size_t close = tag_end(text, j, len);
    return close > j ? close : j + 2 + n;
}

/* A list of links and nothing else (a page's "related", "most read" or
 * "see also" headlines, its tags) points elsewhere: a citation to one
 * of its items would cite a link, not what the page says.  Such a list
 * (<ul> or <ol> of at least this many links, with no text outside them)
 * is no text, as a menu is not.  A list whose items say more than their
 * links (a list of sources with their titles written out) stays. */
#define TX_LINK_LIST_MIN 3

/* Whether text[from, to) holds TX_LINK_LIST_MIN links and nothing but
 * markup and white space outside them. */
static int links_only(const char *text, size_t from, size_t to)
{
    unsigned links = 0, in_link = 0;
    for (size_t j = from; j < to;) {
        size_t t = text[j] == '<' ? tag_end(text, j, to) : j;
        if (t > j) {
            if (opens(text, j, t, "a")) {
                links++;
                in_link = 1;
            } else if (text[j + 1] == '/' && opens(text, j + 1, t, "a")) {
                in_link = 0;
            }
            j = t;
            continue;
        }
        if (!in_link && !is_space(text[j]))
            return 0;
        j++;
    }
    return links >= TX_LINK_LIST_MIN;
}

/* The end of the list of links whose start tag is text[i, end), or i when
 * it is no list or says more than its links. */
static size_t link_list_end(const char *text, size_t i, size_t end, size_t len,
                            size_t *budget)
{
    if (!opens(text, i, end, "ul") && !opens(text, i, end, "ol"))
        return i;
    size_t stop = element_end(text, i, end, len, budget);
    return stop > i && links_only(text, end, stop) ? stop : i;
}

/* Calls `fn` with each piece of markup of text[0, len), in order: its
 * bytes [start, end) and its kind (TX_MARKUP_*); stops when fn returns
 * non-zero. */
typedef int (*markup_fn)(void *ctx, size_t start, size_t end, unsigned kind);

static void html_markup(const char *text, size_t len, markup_fn fn, void *ctx)
{
    size_t i = 0;
    size_t scan_budget = 2 * len + TX_MAX_HIDDEN; /* (element_end) */
    while (i < len) {
        size_t end = i;
        unsigned kind = TX_MARKUP_BLOCK;
        if (text[i] == '<') {
            end = tag_end(text, i, len);
            /* A style sheet or a script is not text either, to its end
             * tag; nor is a site's menu, a list to pick from or a
             * template, which no reader reads as the page's text; nor a
             * cookie notice (names_notice), nor a list of links
             * (links_only); nor the page's <title>, which a browser
             * shows on its tab, not in the page: it is the article's
             * title already, and as a passage it was the first hit of
             * every claim its headline supports, beside the <h1> that
             * says it (an SVG's title is a tooltip).  A title left open
             * is no title: the text after its tag stays. */
            static const char *const hidden[][2] = {
                {"style", "</style"}, {"script", "</script"},
                {"nav", "</nav"}, {"select", "</select"},
                {"template", "</template"}, {"title", "</title"}};
            size_t k = 0;
            while (end > i && k < sizeof hidden / sizeof hidden[0] &&
                   !opens(text, i, end, hidden[k][0]))
                k++;
            size_t skip = end, at = len;
            if (end > i && k < sizeof hidden / sizeof hidden[0] &&
                ((at = end_tag_at(text, end, len, hidden[k][1])) < len ||
                 !opens(text, i, end, "title"))) {
                size_t stop = at < len ? tag_end(text, at, len) : len;
                end = stop > at ? stop : len;
            } else if (end > i && text[i + 1] != '/' &&
                       ((block_tag(text, i, end) && notice_tag(text, i, end)) ||
                        hidden_tag(text, i, end)) &&
                       (skip = element_end(text, i, end, len, &scan_budget)) > i) {
                end = skip; /* a cookie or consent notice, a hidden element */
            } else if (end > i && text[i + 1] != '/' &&
                       (skip = link_list_end(text, i, end, len, &scan_budget)) > i) {
                end = skip; /* a list of links */
            } else if (end > i && (inline_tag(text, i, end) ||
                                   (text[i + 1] == '!' && text[i + 2] == '-'))) {
                kind = TX_MARKUP_INLINE; /* a comment is no break either */
            }
        } else if (text[i] == '&') {
            end = reference_end(text, i, len);
            kind = TX_MARKUP_REFERENCE;
        }
        if (end > i) {
            if (fn(ctx, i, end, kind) != 0)
                return;
            i = end;
        } else {
            i++;
        }
    }
}

/* The character a reference stands for (text[0, n): "&...;", or one
 * reference_end found without its ';'), or -1 for none: numeric ones, and
 * the named ones of HTML 4 (libxml2's table: &eacute; &rsquo; &nbsp; ...)
 * and XML (&apos;). */
static int32_t reference_char(const char *text, size_t n)
{
    char name[40];
    if (n > 0 && text[n - 1] == ';')
        n--; /* text[0, n): '&' and the name */
    if (n < 2 || n - 1 >= sizeof name)
        return -1;
    if (text[1] == '#') {
        int hex = n > 2 && (text[2] == 'x' || text[2] == 'X');
        int32_t cp = 0;
        for (size_t i = hex ? 3 : 2; i < n; i++) {
            int d = hex ? tx_hex_digit(text[i])
                        : text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1;
            if (d < 0 || cp > 0x10FFFF)
                return -1;
            cp = cp * (hex ? 16 : 10) + d;
        }
        /* HTML reads &#128;-&#159; (old pages' &#146; for an
         * apostrophe) as the Windows-1252 characters of those bytes. */
        return cp > 0 && cp <= 0x10FFFF && !U_IS_SURROGATE(cp)
                   ? (int32_t)tx_cp1252_c1((uint32_t)cp)
                   : -1;
    }
    memcpy(name, text + 1, n - 1);
    name[n - 1] = '\0';
    if (strcmp(name, "apos") == 0)
        return '\'';
    const htmlEntityDesc *e = named_reference(name);
    return e ? (int32_t)e->value : -1;
}

/* An HTML text being read: `in` (n bytes, each mapped to the bytes of the
 * text read by in_start/in_end, or its own offset when NULL) written to
 * `out` with its maps. */
typedef struct html_reading {
    const char *in;
    size_t n;
    const size_t *in_start, *in_end;
    tx_read *out;
    size_t copied; /* in[0, copied) is written */
} html_reading;

/* Writes `len` bytes (`bytes`, or in[from, from + len) when NULL) standing
 * for in[from, to). */
static void emit(html_reading *h, const char *bytes, size_t len, size_t from,
                 size_t to)
{
    tx_read *o = h->out;
    size_t s = h->in_start ? h->in_start[from] : from;
    size_t e = h->in_end ? h->in_end[to - 1] : to;
    for (size_t i = 0; i < len; i++) {
        size_t k = bytes ? from : from + i;
        o->text[o->n] = bytes ? bytes[i] : h->in[k];
        o->start[o->n] = bytes ? s : h->in_start ? h->in_start[k] : k;
        o->end[o->n] = bytes ? e : h->in_end ? h->in_end[k] : k + 1;
        o->n++;
    }
}

static int read_piece(void *ctx, size_t start, size_t end, unsigned kind)
{
    html_reading *h = ctx;
    if (start > h->copied)
        emit(h, NULL, start - h->copied, h->copied, start);
    h->copied = end;
    int32_t cp = kind == TX_MARKUP_REFERENCE
                     ? reference_char(h->in + start, end - start)
                     : -1;
    if (kind == TX_MARKUP_INLINE) /* a tag within a line breaks no word */
        return 0;
    if (cp >= 0) { /* never longer than the reference ("&lt;": 4, 1) */
        char c[4];
        size_t n = 0;
        U8_APPEND_UNSAFE(c, n, cp);
        emit(h, c, n, start, end);
        return 0;
    }
    /* Other markup (and a reference to no character) is blank: spaces,
     * its line breaks kept, so lines and paragraphs stay where they are;
     * but a block's tag starts a paragraph (a blank line: its first two
     * bytes), <br> a line. */
    size_t breaks = 0;
    if (h->in[start] == '<' && block_tag(h->in, start, end))
        breaks = 2;
    else if (h->in[start] == '<' && opens(h->in, start, end, "br") &&
             !(end < h->n && (h->in[end] == '\n' || h->in[end] == '\r')))
        breaks = 1; /* (a line break after it breaks the line already) */
    for (size_t k = start; k < end; k++) {
        char b = k - start < breaks ? '\n'
                 : h->in[k] == '\n' || h->in[k] == '\r' ? h->in[k]
                                                         : ' ';
        emit(h, &b, 1, k, k + 1);
    }
    return 0;
}

/* HTML read for its words: `in` (its maps in_start/in_end, NULL for its
 * own offsets) into *out. */
static cs_status read_html(const char *in, size_t n, const size_t *in_start,
                           const size_t *in_end, size_t len, tx_read *out)
{
    memset(out, 0, sizeof *out);
    out->text = malloc(n + 1);
    out->start = malloc((n + 1) * sizeof *out->start);
    out->end = malloc((n + 1) * sizeof *out->end);
    if (!out->text || !out->start || !out->end) {
        tx_read_clear(out);
        return CS_NOMEM;
    }
    html_reading h = {in, n, in_start, in_end, out, 0};
    html_markup(in, n, read_piece, &h);
    if (n > h.copied)
        emit(&h, NULL, n - h.copied, h.copied, n);
    out->text[out->n] = '\0';
    out->start[out->n] = out->end[out->n] = len;
    return CS_OK;
}

int tx_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int tx_qp_escape(const char *text, size_t len, size_t at)
{
    if (at + 2 >= len || text[at] != '=')
        return -1;
    int hi = tx_hex_digit(text[at + 1]);
    int lo = hi >= 0 ? tx_hex_digit(text[at + 2]) : -1;
    return lo >= 0 ? hi * 16 + lo : -1;
}

/* The length of the soft line break at text[i] ('='): "=", white space
 * mailers leave, then CR LF or LF; 0 when it is none. */
static size_t soft_break(const char *text, size_t i, size_t len)
{
    size_t j = i + 1;
    while (j < len && (text[j] == ' ' || text[j] == '\t'))
        j++;
    if (j < len && text[j] == '\r')
        j++;
    return j < len && text[j] == '\n' ? j + 1 - i : 0;
}

size_t tx_decode_qp(const char *text, size_t len, char *out, size_t *start)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == '=') {
            size_t soft = soft_break(text, i, len);
            if (soft) {
                i += soft;
                continue;
            }
            int byte = tx_qp_escape(text, len, i);
            if (byte >= 0) {
                start[n] = i;
                out[n++] = (char)byte;
                i += 3;
                continue;
            }
        }
        start[n] = i;
        out[n++] = text[i++];
    }
    start[n] = len;
    return n;
}

size_t tx_qp_end(const char *text, size_t len, size_t at)
{
    if (tx_qp_escape(text, len, at) >= 0)
        return at + 3;
    return at < len ? at + 1 : len;
}

void tx_read_clear(tx_read *r)
{
    free(r->text);
    free(r->start);
    free(r->end);
    memset(r, 0, sizeof *r);
}

/* Quoted-printable decoded into *out, each byte mapped to its escape. */
static cs_status read_qp(const char *text, size_t len, tx_read *out)
{
    out->text = malloc(len + 1);
    out->start = malloc((len + 1) * sizeof *out->start);
    out->end = malloc((len + 1) * sizeof *out->end);
    if (!out->text || !out->start || !out->end)
        return CS_NOMEM;
    out->n = tx_decode_qp(text, len, out->text, out->start);
    for (size_t i = 0; i < out->n; i++)
        out->end[i] = tx_qp_end(text, len, out->start[i]);
    out->end[out->n] = len;
    return CS_OK;
}

int tx_b64_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

void tx_b64_phases(const char *text, size_t len, unsigned char *phase)
{
    unsigned k = 0;
    for (size_t i = 0; i < len; i++) {
        if (tx_b64_value(text[i]) < 0) {
            phase[i] = TX_B64_NONE;
            if (text[i] == '=')
                k = 0; /* padding ends a group */
            continue;
        }
        phase[i] = (unsigned char)k;
        k = (k + 1) & 3;
    }
}

unsigned tx_b64_align(const char *text, size_t len, const unsigned char *phase,
                      size_t *start, size_t *end)
{
    if (*start >= *end || *end > len || phase[*start] == TX_B64_NONE ||
        phase[*end - 1] == TX_B64_NONE)
        return 0;
    /* Byte b of a group starts at its character b: b bytes before it. */
    unsigned lead = phase[*start], back = lead;
    while (back > 0 && *start > 0)
        if (phase[--*start] != TX_B64_NONE)
            back--;
    /* Byte b ends at character b + 1: each of the group's characters
     * after that is one byte more. */
    unsigned p = phase[*end - 1], q = p;
    for (size_t i = *end; i < len && q < 3 && text[i] != '='; i++) {
        if (phase[i] == TX_B64_NONE)
            continue;
        if (phase[i] != q + 1)
            break;
        q = phase[i];
        *end = i + 1;
    }
    return TX_FORM_CUT(lead, q - p);
}

/* Base64 text[0, len) decoded, each byte mapped to the characters that
 * hold its bits, less the form's cut (tx.h). */
static cs_status read_b64(const char *text, size_t len, unsigned form,
                          tx_read *out)
{
    size_t cap = len / 4 * 3 + 3;
    out->text = malloc(cap + 1);
    out->start = malloc((cap + 1) * sizeof *out->start);
    out->end = malloc((cap + 1) * sizeof *out->end);
    if (!out->text || !out->start || !out->end)
        return CS_NOMEM;
    size_t n = 0, pos[4];
    unsigned acc = 0, k = 0;
    for (size_t i = 0; i < len; i++) {
        int v = tx_b64_value(text[i]);
        if (v < 0) {
            if (text[i] == '=')
                acc = k = 0;
            continue;
        }
        pos[k++] = i;
        acc = (acc << 6) | (unsigned)v;
        if (k >= 2) { /* byte k - 2, in characters k - 2 and k - 1 */
            out->text[n] = (char)((acc >> (8 - 2 * k)) & 0xFF); /* 6k bits read */
            out->start[n] = pos[k - 2];
            out->end[n] = pos[k - 1] + 1;
            n++;
        }
        if (k == 4)
            acc = k = 0;
    }
    size_t lead = TX_FORM_LEAD(form), trail = TX_FORM_TRAIL(form);
    if (lead > n)
        lead = n;
    if (trail > n - lead)
        trail = n - lead;
    n -= lead + trail;
    memmove(out->text, out->text + lead, n);
    memmove(out->start, out->start + lead, n * sizeof *out->start);
    memmove(out->end, out->end + lead, n * sizeof *out->end);
    out->text[n] = '\0';
    out->start[n] = out->end[n] = len;
    out->n = n;
    return CS_OK;
}

/* tx_charset_read of text[0, len) from ISO-2022-JP's escape sequence
 * number `shift` (TX_FORM_SHIFT; 0: from the charset's first state). */
static cs_status read_shifted(const char *charset, unsigned shift,
                              const char *text, size_t len, tx_read *out)
{
    const char *esc = tx_iso2022_escape(shift);
    size_t n = strlen(esc);
    if (n == 0)
        return tx_charset_read(charset, text, len, out);
    char *from = malloc(n + len);
    if (!from)
        return CS_NOMEM;
    memcpy(from, esc, n);
    memcpy(from + n, text, len);
    cs_status rc = tx_charset_read(charset, from, n + len, out);
    free(from);
    if (rc != CS_OK)
        return rc;
    /* The escape stands for no character (one the charset does not know
     * for a substitute, left out): offsets into the text. */
    size_t skip = 0;
    while (skip < out->n && out->end[skip] <= n)
        skip++;
    out->n -= skip;
    memmove(out->text, out->text + skip, out->n + 1);
    for (size_t i = 0; i <= out->n; i++) {
        size_t s = out->start[i + skip], e = out->end[i + skip];
        out->start[i] = s > n ? s - n : 0;
        out->end[i] = e > n ? e - n : 0;
    }
    return CS_OK;
}

cs_status tx_read_form(const char *text, size_t len, unsigned form,
                       const char *charset, tx_read *out)
{
    memset(out, 0, sizeof *out);
    tx_read qp = {0}, cs = {0};
    cs_status rc = CS_OK;
    /* qp: the bytes decoded from quoted-printable or base64. */
    if (form & TX_FORM_QP)
        rc = read_qp(text, len, &qp);
    else if (form & TX_FORM_B64)
        rc = read_b64(text, len, form, &qp);
    if (rc == CS_OK && charset) {
        /* Converted from the decoded bytes, mapped back through them to
         * their escapes. */
        const char *in = qp.text ? qp.text : text;
        size_t inlen = qp.text ? qp.n : len;
        rc = read_shifted(charset, TX_FORM_SHIFT_OF(form), in, inlen, &cs);
        for (size_t i = 0; rc == CS_OK && qp.text && i <= cs.n; i++) {
            size_t s = cs.start[i], e = cs.end[i];
            cs.start[i] = qp.start[s];
            cs.end[i] = e > s ? qp.end[e - 1] : qp.start[s];
        }
        tx_read_clear(&qp);
    } else if (rc == CS_OK) {
        cs = qp;
    }
    if (rc == CS_OK && (form & TX_FORM_HTML)) {
        rc = read_html(cs.text ? cs.text : text, cs.text ? cs.n : len,
                       cs.start, cs.end, len, out);
    } else if (rc == CS_OK && cs.text) {
        *out = cs;
        cs = (tx_read){0};
    } else if (rc == CS_OK) { /* plain: a copy */
        out->text = malloc(len + 1);
        if (out->text) {
            memcpy(out->text, text, len);
            out->text[len] = '\0';
            out->n = len;
        } else {
            rc = CS_NOMEM;
        }
    }
    tx_read_clear(&cs);
    if (rc != CS_OK)
        tx_read_clear(out);
    return rc;
}

/* The words of a form's name, in their order. */
static const struct {
    const char *word;
    unsigned form;
} form_words[] = {{"qp", TX_FORM_QP},
                  {"b64", TX_FORM_B64},
                  {"lead1", TX_FORM_CUT(1, 0)},
                  {"lead2", TX_FORM_CUT(2, 0)},
                  {"trail1", TX_FORM_CUT(0, 1)},
                  {"trail2", TX_FORM_CUT(0, 2)},
                  {"esc(B", TX_FORM_SHIFT(1)},
                  {"esc(J", TX_FORM_SHIFT(2)},
                  {"esc$@", TX_FORM_SHIFT(3)},
                  {"esc$B", TX_FORM_SHIFT(4)},
                  {"esc(I", TX_FORM_SHIFT(5)},
                  {"esc$(D", TX_FORM_SHIFT(6)},
                  {"html", TX_FORM_HTML}};
#define NFORM_WORDS (sizeof form_words / sizeof form_words[0])

/* Whether `form` has the bits of `word` (a cut's or a shift's: exactly
 * those). */
static int has_word(unsigned form, unsigned word)
{
    unsigned lead = TX_FORM_LEAD(word), trail = TX_FORM_TRAIL(word),
             shift = TX_FORM_SHIFT_OF(word);
    if (lead)
        return TX_FORM_LEAD(form) == lead;
    if (trail)
        return TX_FORM_TRAIL(form) == trail;
    if (shift)
        return TX_FORM_SHIFT_OF(form) == shift;
    return (form & word) != 0;
}

const char *tx_form_name(unsigned form, char buf[TX_FORM_NAME_MAX])
{
    size_t n = 0;
    for (size_t i = 0; i < NFORM_WORDS; i++)
        if (has_word(form, form_words[i].form)) {
            size_t w = strlen(form_words[i].word);
            if (n)
                buf[n++] = ' ';
            memcpy(buf + n, form_words[i].word, w);
            n += w;
        }
    buf[n] = '\0';
    return n ? buf : NULL;
}

unsigned tx_form_of(const char *name)
{
    unsigned form = 0;
    while (name && *name) {
        size_t w = strcspn(name, " ");
        size_t i = 0;
        while (i < NFORM_WORDS && (strlen(form_words[i].word) != w ||
                                   strncmp(name, form_words[i].word, w) != 0))
            i++;
        if (i == NFORM_WORDS)
            return 0;
        form |= form_words[i].form;
        name += w;
        name += *name == ' ';
    }
    return form;
}
