/* tx_charset.c - text in a named charset as UTF-8 (see tx.h), by ICU's
 * converters. */
#include "tx.h"
#include "tx_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* Whether `name` is one of list[0, n), case aside. */
static int listed(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(name, list[i]) == 0)
            return 1;
    return 0;
}

/* Mail and web pages labelled Latin-1 or ASCII are Windows-1252 in
 * practice (a "=99" in a Latin-1 subject is a trade mark sign), which is
 * how the WHATWG Encoding Standard reads those labels, and how citesearch
 * reads bytes that are not UTF-8. */
static const char *as_read(const char *charset)
{
    static const char *const labels[] = {"iso-8859-1", "iso8859-1", "latin1",
                                         "l1", "us-ascii", "ascii",
                                         "iso_8859-1", "cp819"};
    return listed(charset, labels, sizeof labels / sizeof labels[0]) ? "windows-1252"
                                                                      : charset;
}

int tx_charset_legacy(const char *charset)
{
    return charset && (strcasecmp(as_read(charset), "windows-1252") == 0 ||
                       strcasecmp(charset, "cp1252") == 0);
}

char *tx_charset_to_utf8(const char *charset, const char *text, size_t len,
                         size_t *out_len)
{
    /* The text without the map of its bytes (tx_charset_read). */
    tx_read r;
    if (tx_charset_read(charset, text, len, &r) != CS_OK)
        return NULL;
    free(r.start);
    free(r.end);
    if (out_len)
        *out_len = r.n;
    return r.text;
}

/* Longest charset name read from a part's header. */
#define TX_MAX_CHARSET 40

int tx_charset_readable(const char *charset)
{
    size_t n = charset ? strlen(charset) : 0;
    if (n == 0 || n > TX_MAX_CHARSET)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = charset[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || strchr("-_.:", c)))
            return 0;
    }
    const char *name = as_read(charset);
    if (strcasecmp(name, "windows-1252") == 0)
        return 0;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(name, &err);
    if (U_FAILURE(err) || !cv)
        return 0;
    UConverterType type = ucnv_getType(cv);
    int ok = type == UCNV_SBCS || type == UCNV_DBCS || type == UCNV_MBCS;
    /* UTF-8 itself and Latin-1 under another alias read as they are read
     * without a charset.  Only a charset that reads printable ASCII, tabs
     * and line breaks as such (not EBCDIC; IBM's Shift_JIS moves a few
     * control characters, which is no matter) keeps a text's markup,
     * lines and escapes where the other steps look for them. */
    if (ok) {
        char ascii[98];
        UChar back[100];
        int32_t k = 0;
        ascii[k++] = '\t';
        ascii[k++] = '\n';
        ascii[k++] = '\r';
        for (char c = ' '; c <= '~'; c++)
            ascii[k++] = c;
        int32_t m = ucnv_toUChars(cv, back, 100, ascii, k, &err);
        ok = U_SUCCESS(err) && m == k;
        for (int32_t i = 0; ok && i < k; i++)
            ok = back[i] == (UChar)(unsigned char)ascii[i];
    }
    ucnv_close(cv);
    return ok;
}

cs_status tx_charset_read(const char *charset, const char *text, size_t len,
                          tx_read *out)
{
    memset(out, 0, sizeof *out);
    if (len > INT32_MAX / 4)
        return CS_NOMEM;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(as_read(charset), &err);
    if (U_FAILURE(err) || !cv)
        return CS_USAGE;
    /* A byte sequence becomes at most two UTF-16 units in the charsets
     * tx_charset_readable accepts (a supplementary character); more
     * room is asked for when not. */
    size_t cap = 2 * len + 16;
    UChar *u = NULL;
    int32_t *offs = NULL;
    size_t *ends = NULL, nu = 0;
    cs_status rc = CS_NOMEM;
    for (;;) {
        free(u);
        free(offs);
        u = malloc(cap * sizeof *u);
        offs = malloc(cap * sizeof *offs);
        if (!u || !offs)
            goto done;
        ucnv_resetToUnicode(cv);
        err = U_ZERO_ERROR;
        UChar *t = u;
        const char *src = text;
        ucnv_toUnicode(cv, &t, u + cap, &src, text + len, offs, 1, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR && cap < 8 * len + 64) {
            cap *= 2;
            continue;
        }
        if (U_FAILURE(err))
            goto done;
        nu = (size_t)(t - u);
        break;
    }
    /* UTF-8 needs at most three bytes a UTF-16 unit. */
    out->text = malloc(3 * nu + 1);
    out->start = malloc((3 * nu + 1) * sizeof *out->start);
    out->end = malloc((3 * nu + 1) * sizeof *out->end);
    if (!out->text || !out->start || !out->end)
        goto done;
    /* Each unit stands for the bytes from its offset to the next unit's
     * that is further on (units without an offset, -1, go with the one
     * before): offs becomes where each starts, ends where each ends. */
    for (size_t k = 0; k < nu; k++)
        if (offs[k] < 0 || (k > 0 && offs[k] < offs[k - 1]))
            offs[k] = k > 0 ? offs[k - 1] : 0;
    ends = malloc((nu + 1) * sizeof *ends);
    if (!ends)
        goto done;
    ends[nu] = len;
    for (size_t k = nu; k-- > 0;)
        ends[k] = k + 1 < nu && offs[k + 1] > offs[k] ? (size_t)offs[k + 1]
                                                       : ends[k + 1];
    size_t n = 0;
    for (size_t k = 0; k < nu;) {
        size_t first = k;
        UChar32 c;
        U16_NEXT(u, k, nu, c);
        if (U_IS_SURROGATE(c))
            c = 0xFFFD;
        size_t at = n;
        U8_APPEND_UNSAFE(out->text, n, c);
        for (; at < n; at++) {
            out->start[at] = (size_t)offs[first];
            out->end[at] = ends[k - 1];
        }
    }
    out->text[n] = '\0';
    out->start[n] = out->end[n] = len;
    out->n = n;
    rc = CS_OK;
done:
    free(u);
    free(offs);
    free(ends);
    ucnv_close(cv);
    if (rc != CS_OK)
        tx_read_clear(out);
    return rc;
}

/* Bytes the detector looks at: enough to tell, bounded for a big file. */
#define TX_DETECT_BYTES 65536
/* A guess less sure than this (ICU's 0-100) is none. */
#define TX_DETECT_CONFIDENCE 30
/* A Latin charset other than Western European is taken when ICU finds it
 * likelier than every other, and at least this sure. */
#define TX_DETECT_LATIN_CONFIDENCE 20
/* ... and when the text has this many bytes that are not ASCII at least:
 * on one, ICU's guess between Latin charsets is a coin's toss ("Gen\xE8ve
 * is a city." in Latin-1 ranked ISO-8859-2 first, 50 to 37, and read
 * "Genčve"), and Western European text, a loanword's accent in English,
 * is the likelier.  (A paragraph of Slovenian news has three.) */
#define TX_DETECT_LATIN_BYTES 2

int tx_charset_detect(const char *text, size_t len, char *out)
{
    /* Charsets of other scripts than Latin; and the Central European and
     * Turkish ones, which ICU tells from Windows-1252 by the language's
     * letters: read as Windows-1252, "Vučić" in windows-1250 is "Vuèiæ",
     * searched as "vueiae".  Western European text, which most Latin text
     * that is not UTF-8 is, stays Windows-1252: on paragraphs of news in
     * sixteen languages, each in its charset, ICU ranked its charset
     * first every time (tests/test_text.c); on a sentence, it may rank
     * Latin-1 first for a Serbian one, which then reads as before. */
    static const char *const latin[] = {"windows-1250", "ISO-8859-2",
                                        "windows-1254", "ISO-8859-9"};
    static const char *const scripts[] = {
        "windows-1251", "KOI8-R", "ISO-8859-5",   /* Cyrillic */
        "ISO-8859-7",                              /* Greek */
        "windows-1256", "ISO-8859-6",              /* Arabic */
        "windows-1255", "ISO-8859-8", "ISO-8859-8-I", /* Hebrew */
        "GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR"};
    *out = '\0';
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    if (U_FAILURE(err))
        return 0;
    int32_t n = len < TX_DETECT_BYTES ? (int32_t)len : TX_DETECT_BYTES;
    size_t high = 0;
    for (int32_t i = 0; i < n && high < TX_DETECT_LATIN_BYTES; i++)
        high += (unsigned char)text[i] >= 0x80;
    ucsdet_setText(d, text, n, &err);
    const UCharsetMatch *m = U_SUCCESS(err) ? ucsdet_detect(d, &err) : NULL;
    const char *name = m && U_SUCCESS(err) ? ucsdet_getName(m, &err) : NULL;
    int32_t sure = m && U_SUCCESS(err) ? ucsdet_getConfidence(m, &err) : 0;
    if (name && U_SUCCESS(err) && tx_charset_readable(name) &&
        ((sure >= TX_DETECT_CONFIDENCE &&
          listed(name, scripts, sizeof scripts / sizeof scripts[0])) ||
         (sure >= TX_DETECT_LATIN_CONFIDENCE && high >= TX_DETECT_LATIN_BYTES &&
          listed(name, latin, sizeof latin / sizeof latin[0]))))
        strcpy(out, name);
    ucsdet_close(d);
    return *out != '\0';
}

const char *tx_charset_bom(const char *text, size_t len)
{
    /* FF FE 00 00 is UTF-32's mark, which no text uses. */
    if (len >= 2 && (unsigned char)text[0] == 0xFF &&
        (unsigned char)text[1] == 0xFE &&
        !(len >= 4 && text[2] == 0 && text[3] == 0))
        return "UTF-16LE";
    if (len >= 2 && (unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF)
        return "UTF-16BE";
    return NULL;
}

int tx_charset_wide(const char *charset)
{
    return charset && (strcmp(charset, "UTF-16LE") == 0 ||
                       strcmp(charset, "UTF-16BE") == 0);
}

/* ISO-2022-JP's escape sequences (RFC 1468; JIS X 0212 from -JP-1), in
 * the order TX_FORM_SHIFT numbers them from 1. */
static const char *const iso2022_escapes[] = {"\x1B(B", "\x1B(J", "\x1B$@", "\x1B$B",
                                              "\x1B(I", "\x1B$(D"};
#define NESCAPES (sizeof iso2022_escapes / sizeof iso2022_escapes[0])

int tx_charset_iso2022(const char *charset)
{
    return charset && (strcasecmp(charset, "iso-2022-jp") == 0 ||
                       strcasecmp(charset, "iso-2022-jp-1") == 0);
}

int tx_iso2022_shifts(const char *text, size_t len, unsigned char *shift)
{
    unsigned char now = 0;
    int any = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\x1B')
            for (size_t k = 0; k < NESCAPES; k++) {
                size_t n = strlen(iso2022_escapes[k]);
                if (n <= len - i && memcmp(text + i, iso2022_escapes[k], n) == 0) {
                    now = (unsigned char)(k + 1);
                    any = 1;
                    break;
                }
            }
        shift[i] = now;
    }
    return any;
}

const char *tx_iso2022_escape(unsigned k)
{
    return k >= 1 && k <= NESCAPES ? iso2022_escapes[k - 1] : "";
}
