/* ix_file.c - one file of an index run (see ix_file.h). */
#include "ix_file.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ix_doc.h"
#include "ix_html.h"
#include "ix_mail.h"
#include "schema.h"

/* Bytes looked at for NUL to tell a binary file (one that says it is
 * UTF-16 by its first bytes is text: tx_charset_bom). */
#define IX_BINARY_PROBE 8192
/* Longest title taken from a file's first line.  A file that is one long
 * line (a speech, a dump) would otherwise make its whole text the title,
 * and every passage would carry it as title terms. */
#define IX_MAX_TITLE 100
/* Characters of a UTF-16 text looked through for its first line. */
#define IX_TITLE_LOOK 4096

int ix_record_key_fits(const char *rel)
{
    /* Xapian metadata keys are limited in length like terms. */
    return strlen(CS_META_FILE) + strlen(rel) <= CS_MAX_TERM;
}

static void record_key(const char *rel, char key[PATH_MAX + 16])
{
    snprintf(key, PATH_MAX + 16, "%s%s", CS_META_FILE, rel);
}

cs_status ix_record_get(xs_wdb *db, const char *rel, ix_record *r, int *found,
                        char **msg)
{
    char key[PATH_MAX + 16], *val = NULL;
    record_key(rel, key);
    *found = 0;
    memset(r, 0, sizeof *r);
    cs_status rc = xs_wdb_get_metadata(db, key, &val, NULL, msg);
    if (rc == CS_OK && *val) {
        *found = 1;
        ix_record_parse(val, r);
    }
    free(val);
    return rc;
}

void ix_record_parse(const char *val, ix_record *r)
{
    memset(r, 0, sizeof *r);
    /* An unreadable record stands for a changed file: its passages, if
     * any, are replaced. */
    int n = sscanf(val,
                   "%" SCNu64 " %" SCNd64 " %" SCNx64 " %u %u %" SCNx64 " %" SCNu64
                   " %" SCNd64,
                   &r->size, &r->mtime_ns, &r->hash, &r->passages, &r->reading, &r->meta,
                   &r->ino, &r->ctime_ns);
    if (n == 4)
        r->reading = 1; /* written before readings were numbered */
    else if (n < 4)
        memset(r, 0, sizeof *r);
    /* Fewer than six fields: written before the metadata's hash was kept
     * (ix_record_meta_changed says what that means). */
    r->meta_known = n >= 6;
}

cs_status ix_record_put(xs_wdb *db, const char *rel, const ix_record *r,
                        char **msg)
{
    char key[PATH_MAX + 16], val[160];
    record_key(rel, key);
    /* The metadata's hash, the inode and the status change time go
     * last, so that an older citesearch, which reads the fields before
     * them, still reads the record. */
    int n = snprintf(val, sizeof val,
                     "%" PRIu64 " %" PRId64 " %016" PRIx64 " %u %u %016" PRIx64
                     " %" PRIu64 " %" PRId64,
                     r->size, r->mtime_ns, r->hash, r->passages, r->reading,
                     r->meta, r->ino, r->ctime_ns);
    return xs_wdb_set_metadata(db, key, val, (size_t)n, msg);
}

uint64_t ix_meta_hash(const ix_meta *meta)
{
    /* Each field as write_article takes it: "" when the file has no
     * entry, so that an empty entry and none are the same metadata. */
    const char *fields[5] = {"", "", "", "", ""};
    if (meta) {
        fields[0] = meta->title;
        fields[1] = meta->source;
        fields[2] = meta->date; /* normalized, as indexed */
        fields[3] = meta->url;
        fields[4] = meta->lang;
    }
    /* Each field with its terminating NUL, which keeps the fields apart
     * ("ab","c" is not "a","bc"). */
    uint64_t h = ix_hash(fields[0], strlen(fields[0]) + 1);
    for (int i = 1; i < 5; i++)
        h = ix_hash_more(h, fields[i], strlen(fields[i]) + 1);
    return h;
}

int ix_record_meta_changed(const ix_record *r, uint64_t meta_hash)
{
    if (r->meta_known)
        return r->meta != meta_hash;
    /* A record of an older citesearch says nothing of the metadata the
     * file was indexed with, and that citesearch never applied a changed
     * manifest row to an unchanged file: a file with metadata now may hold
     * a stale one, so it is indexed again, once.  A file without any now
     * is taken to have been indexed without any, as nearly every such
     * file was: re-indexing them all would make the first run of this
     * version re-index every corpus that has no manifest.  (The one it
     * misses, a file whose row was removed before, keeps its old
     * metadata until its bytes change.) */
    return meta_hash != ix_meta_hash(NULL);
}

cs_status ix_file_remove(xs_wdb *db, const char *rel, char **msg)
{
    char pterm[CS_MAX_TERM + 1], key[PATH_MAX + 16];
    ix_path_term(rel, pterm);
    cs_status rc = xs_wdb_delete_by_term(db, pterm, msg);
    record_key(rel, key);
    if (rc == CS_OK)
        rc = xs_wdb_set_metadata(db, key, "", 0, msg);
    return rc;
}

cs_status ix_worker_init(ix_worker *w, FILE *log, int verbose, char **msg)
{
    memset(w, 0, sizeof *w);
    w->log = log;
    w->verbose = verbose;
    return tx_analyzer_new(&w->an, msg);
}

void ix_worker_clear(ix_worker *w)
{
    tx_analyzer_free(w->an);
    free(w->buf);
    memset(w, 0, sizeof *w);
}

/* The first non-empty line of the text, trimmed, as a fallback title:
 * read in `charset` ("" for none) when it is not UTF-8, else as the
 * analyzer reads it. */
static char *first_line_title(const char *text, size_t len, const char *charset)
{
    if (tx_charset_wide(charset)) {
        /* Lines are found in the text, not its bytes: those of the first
         * IX_TITLE_LOOK characters are enough (an even number of bytes). */
        size_t n = len < 2 * IX_TITLE_LOOK ? len : 2 * IX_TITLE_LOOK;
        char *utf8 = tx_charset_to_utf8(charset, text, n, &n);
        char *title = utf8 ? first_line_title(utf8, n, "") : NULL;
        free(utf8);
        return title;
    }
    /* White space as passages read it: a line of a no-break, ideographic
     * or zero width space (or a byte order mark) is a blank line, no
     * title, and such spaces around the title are no part of it. */
    size_t i = 0, n;
    for (;;) {
        while (i < len && (n = tx_space_at(text, len, i)) > 0)
            i += n;
        if (i >= len)
            return strdup("");
        size_t end = i, stop = i;
        while (end < len && text[end] != '\n' && text[end] != '\r') {
            n = tx_space_at(text, len, end);
            end += n ? n : 1;
            if (!n)
                stop = end;
        }
        if (stop > i) {
            n = stop - i;
            if (n > IX_MAX_TITLE) {
                n = IX_MAX_TITLE;
                while (n > 0 && ((unsigned char)text[i + n] & 0xC0) == 0x80)
                    n--; /* do not cut a UTF-8 sequence */
                /* nor a word, when a space comes late enough */
                size_t sp = n;
                while (sp > IX_MAX_TITLE / 2 && text[i + sp] != ' ')
                    sp--;
                if (sp > IX_MAX_TITLE / 2)
                    n = sp;
            }
            char *title = NULL;
            if (*charset && tx_utf8_check(text + i, n) < n)
                title = tx_charset_to_utf8(charset, text + i, n, NULL);
            return title ? title : tx_utf8_legacy(text + i, n, NULL);
        }
        i = end;
    }
}

/* Non-zero when `rel` names a Markdown file. */
static int is_markdown(const char *rel)
{
    size_t n = strlen(rel);
    return n > 3 && strcasecmp(rel + n - 3, ".md") == 0;
}

/* The end of the line that starts at text[i] (its LF, CR or len). */
static size_t line_end(const char *text, size_t len, size_t i)
{
    while (i < len && text[i] != '\n' && text[i] != '\r')
        i++;
    return i;
}

/* The start of the line after the one that ends at text[e]. */
static size_t next_line(const char *text, size_t len, size_t e)
{
    if (e < len && text[e] == '\r' && e + 1 < len && text[e + 1] == '\n')
        return e + 2;
    return e < len ? e + 1 : len;
}

/* Non-zero when text[s, e) is `mark` and white space after it. */
static int line_is(const char *text, size_t s, size_t e, const char *mark)
{
    size_t n = strlen(mark);
    if (e - s < n || memcmp(text + s, mark, n) != 0)
        return 0;
    for (s += n; s < e; s++)
        if (text[s] != ' ' && text[s] != '\t')
            return 0;
    return 1;
}

/* The value of `key` on the line text[ls, le) of a front matter:
 * `key:` in YAML, `key =` in TOML (`toml`), unquoted, into *vs, *ve;
 * 0 when the line sets another key. */
static int front_value(const char *text, size_t ls, size_t le, int toml,
                       const char *key, size_t *vs, size_t *ve)
{
    size_t k = strlen(key);
    if (le - ls <= k || strncasecmp(text + ls, key, k) != 0)
        return 0;
    size_t s = ls + k, e = le;
    while (toml && s < e && (text[s] == ' ' || text[s] == '\t'))
        s++;
    if (s == e || text[s] != (toml ? '=' : ':'))
        return 0;
    s++;
    while (s < e && (text[s] == ' ' || text[s] == '\t'))
        s++;
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t'))
        e--;
    if (e - s >= 2 && (text[s] == '"' || text[s] == '\'') &&
        text[e - 1] == text[s]) {
        s++;
        e--;
    }
    *vs = s;
    *ve = e;
    return 1;
}

/* A Markdown file's front matter, as front_matter reads it. */
typedef struct front {
    size_t body;             /* where the text after it starts; 0: none */
    size_t title_s, title_e; /* its title's value (empty: none) */
    char date[9];            /* its date, YYYYMMDD; "" when none */
} front;

/* The date of a front matter's value text[s, e): YYYY-MM-DD, or YYYY-MM
 * or YYYY, and a time after a 'T' or a space left out. */
static void front_date(const char *text, size_t s, size_t e, char out[9])
{
    char iso[11];
    size_t n = 0;
    while (s + n < e && text[s + n] != 'T' && text[s + n] != ' ' && n < 10)
        n++;
    out[0] = '\0';
    if (s + n < e && text[s + n] != 'T' && text[s + n] != ' ')
        return;
    memcpy(iso, text + s, n);
    iso[n] = '\0';
    if (ix_date_normalize(iso, out) != 0)
        out[0] = '\0';
}

/*
 * The front matter that opens the Markdown text[0, len) (after a byte
 * order mark): YAML between `---` lines (or closed by `...`), as Jekyll,
 * Pandoc and most generators write it, or TOML between `+++` lines, as
 * Hugo does: its title and date are the article's.  Its lines stay a
 * passage: a site's template often shows its title as the page's only
 * headline, which a search for the headline's words must find.  An
 * unclosed one is no front matter, but its title is taken.
 */
static void front_matter(const char *text, size_t len, front *fm)
{
    *fm = (front){0};
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t e = line_end(text, len, i);
    int toml = line_is(text, i, e, "+++");
    if (!toml && !line_is(text, i, e, "---"))
        return;
    size_t ds = 0, de = 0;
    for (size_t ls = next_line(text, len, e); ls < len;) {
        size_t le = line_end(text, len, ls);
        if (toml ? line_is(text, ls, le, "+++")
                 : line_is(text, ls, le, "---") || line_is(text, ls, le, "...")) {
            fm->body = next_line(text, len, le);
            if (de > ds)
                front_date(text, ds, de, fm->date);
            return;
        }
        size_t s, f;
        if (fm->title_e == fm->title_s &&
            front_value(text, ls, le, toml, "title", &s, &f)) {
            fm->title_s = s;
            fm->title_e = f;
        }
        if (de == ds && front_value(text, ls, le, toml, "date", &s, &f)) {
            ds = s;
            de = f;
        }
        ls = next_line(text, len, le);
    }
}

/* Skips the HTML comments (`<!-- ... -->`: a note to the file's writers,
 * a linter's switch) and white space from text[i] on, which a reader of
 * the rendered page never sees. */
static size_t skip_comments(const char *text, size_t len, size_t i)
{
    for (;;) {
        size_t j = i;
        unsigned n;
        while (j < len && (n = tx_space_at(text, len, j)) > 0)
            j += n;
        if (len - j < 4 || memcmp(text + j, "<!--", 4) != 0)
            return i;
        size_t end = tx_find_nocase(text, j + 4, len, "-->");
        if (end == len)
            return i; /* unclosed: shown as text */
        i = end + 3;
    }
}

/*
 * A Markdown file's title: the title of its front matter `fm`, else its
 * first non-empty line after that block and any HTML comments, without
 * the `#` marks of a heading (`# Title` is "Title").  Without this, a
 * file with front matter was titled "---" (or Hugo's "+++"), one that
 * opens with a comment was titled by it, and a heading kept its marks.
 */
/* Whether byte c is white space or nothing (a title's end). */
static int md_blank(char c)
{
    return c == '\0' || c == ' ' || c == '\t';
}

/*
 * A Markdown line's inline marks, which a reader of the rendered page does
 * not see, left out of `title` in place: a block quote's leading `>`s,
 * code's backticks, emphasis (`**Breaking**`, `_word_`: runs of * and _
 * that open or close a word, not "5 * 3" nor snake_case) and a link's or
 * an image's address (`[text](url)`, `[text][ref]`, `![alt](url)` are
 * their text).  Without this a note titled `**Update:** [Report](x.html)`
 * was titled so, marks and address.
 */
static void markdown_inline(char *title)
{
    char *r = title, *w = title;
    while (*r == '>' || ((*r == ' ' || *r == '\t') && r > title && r[-1] == '>'))
        r++;
    while (*r == ' ' || *r == '\t')
        r++;
    for (; *r;) {
        if (*r == '`') {
            r++;
        } else if (*r == '!' && r[1] == '[') {
            r++;
        } else if (*r == '[') {
            /* A link's text: the brackets go, and the address after. */
            char *close = strchr(r + 1, ']');
            if (close && (close[1] == '(' || close[1] == '[')) {
                char *end = strchr(close + 2, close[1] == '(' ? ')' : ']');
                if (end) {
                    memmove(w, r + 1, (size_t)(close - r - 1));
                    w += close - r - 1;
                    r = end + 1;
                    continue;
                }
            }
            *w++ = *r++;
        } else if (*r == '*' || *r == '_') {
            char *e = r;
            while (*e == *r)
                e++;
            /* Emphasis opens before a word or closes after one, and
             * underscores only at a word's ends. */
            int opens = md_blank(w > title ? w[-1] : '\0') && !md_blank(*e);
            int closes = !md_blank(w > title ? w[-1] : '\0') &&
                         (md_blank(*e) || ispunct((unsigned char)*e));
            if (opens || closes) {
                r = e;
            } else {
                while (r < e)
                    *w++ = *r++;
            }
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

static char *markdown_title(const char *text, size_t len, const front *fm,
                            const char *charset)
{
    if (fm->title_e > fm->title_s)
        return first_line_title(text + fm->title_s, fm->title_e - fm->title_s,
                                charset);
    size_t i = skip_comments(text, len, fm->body);
    char *title = first_line_title(text + i, len - i, charset);
    if (!title)
        return NULL;
    /* An ATX heading: up to six #, then a space; a closing run of # too. */
    size_t n = strlen(title), h = 0;
    while (h < n && h < 7 && title[h] == '#')
        h++;
    if (h >= 1 && h <= 6 && (title[h] == ' ' || title[h] == '\t')) {
        size_t te = n;
        while (te > h && title[te - 1] == '#')
            te--;
        if (te < n && te > h && title[te - 1] != ' ' && title[te - 1] != '\t')
            te = n; /* "# C#": the # is the word's */
        while (te > h && (title[te - 1] == ' ' || title[te - 1] == '\t'))
            te--;
        while (h < te && (title[h] == ' ' || title[h] == '\t'))
            h++;
        if (te > h) {
            memmove(title, title + h, te - h);
            title[te - h] = '\0';
        }
    }
    markdown_inline(title);
    return title;
}

/* Makes room for `need` bytes in the worker's buffer.  It only grows: the
 * largest file read so far sets its size, so a run allocates it a few
 * times, not once per file. */
static int buf_reserve(ix_worker *w, size_t need)
{
    if (need <= w->cap)
        return 0;
    size_t cap = w->cap ? w->cap : 64 * 1024;
    while (cap < need)
        cap *= 2;
    char *b = realloc(w->buf, cap);
    if (!b)
        return -1;
    w->buf = b;
    w->cap = cap;
    return 0;
}

/* Reads into the worker's buffer from *n on until end of file or `upto`
 * bytes, with read(2); grows the buffer as needed. */
static cs_status read_more(ix_worker *w, int fd, const char *path, size_t *n,
                           size_t upto, char **msg)
{
    while (*n < upto) {
        if (*n + 1 >= w->cap && buf_reserve(w, w->cap * 2) != 0)
            return cs_fail(msg, CS_NOMEM, "%s: no memory for %zu bytes",
                           path, w->cap * 2);
        size_t room = w->cap - 1 - *n;
        if (room > upto - *n)
            room = upto - *n;
        ssize_t got = read(fd, w->buf + *n, room);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return cs_fail(msg, CS_IO, "%s: %s", path, strerror(errno));
        if (got == 0)
            break;
        *n += (size_t)got;
    }
    return CS_OK;
}

/* Reads the whole file into the worker's buffer, in as few read(2) calls
 * as its size allows, to the end even if it grew since the walk.  *len
 * receives its length; the bytes are followed by a NUL.  A file with a
 * NUL in its first IX_BINARY_PROBE bytes, and no UTF-16 byte order mark,
 * is binary: *binary is set and
 * only those bytes are read (a binary dump saved as .txt costs neither
 * its size in memory nor the time to read it).  A failure is an I/O
 * error naming the file. */
static cs_status read_file(ix_worker *w, const char *path, size_t *len,
                           int *binary, char **msg)
{
    *len = 0;
    *binary = 0;
    /* Non-blocking, so that a FIFO put where the walk saw a file does not
     * stop the run at open(2) waiting for a writer; a regular file reads
     * the same either way. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return cs_fail(msg, CS_IO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return cs_fail(msg, CS_IO, "%s: %s", path, strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return cs_fail(msg, CS_IO, "%s: no longer a regular file", path);
    }
    size_t n = 0;
    if (buf_reserve(w, IX_BINARY_PROBE + 1) != 0) {
        close(fd);
        return cs_fail(msg, CS_NOMEM, "%s: no memory for %d bytes", path,
                       IX_BINARY_PROBE + 1);
    }
    cs_status rc = read_more(w, fd, path, &n, IX_BINARY_PROBE, msg);
    if (rc == CS_OK && memchr(w->buf, '\0', n) && !tx_charset_bom(w->buf, n)) {
        *binary = 1;
    } else if (rc == CS_OK && n == IX_BINARY_PROBE) {
        if (buf_reserve(w, (size_t)st.st_size + 1) != 0)
            rc = cs_fail(msg, CS_NOMEM, "%s: no memory for %zu bytes", path,
                         (size_t)st.st_size + 1);
        else
            rc = read_more(w, fd, path, &n, SIZE_MAX, msg);
    }
    close(fd);
    if (rc != CS_OK)
        return rc;
    w->buf[n] = '\0';
    *len = n;
    return CS_OK;
}

/* State shared by the passage callback while one file is written. */
typedef struct file_ctx {
    tx_analyzer *an;
    xs_wdb *db;
    ix_article *art;
    const char *text;     /* the whole file */
    size_t body_off;      /* where the passages' text starts in it */
    unsigned body_line;   /* lines before that */
    /* The passages' text as read for its words, when it is not the file's
     * bytes: decoded (quoted-printable, a charset) and/or HTML read for
     * its text; words.text NULL otherwise.  Passages come in its
     * offsets; words.start and .end (decoded text only, else NULL) map
     * them to the text's, and their lines are then counted in the text
     * itself (as tx_passages counts them: a cursor for starts, one for
     * ends). */
    tx_read words;
    unsigned form;        /* TX_FORM_* */
    const char *charset;  /* NULL, or the one the words were read in */
    unsigned char *b64_phase; /* of a base64 run: tx_b64_phases of its
                                 bytes (f->text + f->body_off, run_len) */
    unsigned char *shifts;    /* of an ISO-2022-JP run: tx_iso2022_shifts
                                 of its bytes */
    size_t run_len;
    tx_lines starts, ends;
    size_t legacy_at;     /* the first byte of the file read as
                             Windows-1252 (not UTF-8, in no declared
                             charset), or SIZE_MAX */
    char detected[48];    /* the first charset a text was read in by
                             guess (tx_charset_detect), or "" */
    unsigned para_base;   /* paragraphs of the file before that */
    unsigned para_last;   /* the last paragraph number written */
    unsigned ordinal;
    cs_status st;
    char **msg;
} file_ctx;

/* The 1-based line of byte `off` of the UTF-16 text the cursor *c walks
 * (`be`: big-endian), counted by its characters' line breaks as
 * tx_line_of counts bytes' (a lone CR, or LF): its bytes 0A are as often
 * halves of other characters, and the text read from it may have more
 * (HTML's blocks are paragraphs).  c->off is the next character to
 * count. */
static unsigned wide_line_of(tx_lines *c, int be, size_t off)
{
    const unsigned char *b = (const unsigned char *)c->text;
    if (off < c->off) { /* behind the cursor: count from the start */
        c->off = 0;
        c->line = 1;
    }
    size_t i = c->off;
    for (; i + 1 < c->len && i < off; i += 2) {
        unsigned u = be ? (unsigned)b[i] << 8 | b[i + 1]
                        : (unsigned)b[i + 1] << 8 | b[i];
        unsigned next = i + 3 < c->len ? be ? (unsigned)b[i + 2] << 8 | b[i + 3]
                                            : (unsigned)b[i + 3] << 8 | b[i + 2]
                                       : 0;
        c->line += u == '\n' || (u == '\r' && next != '\n');
    }
    c->off = i;
    return c->line;
}

/* A passage found in decoded text, in the bytes and lines of the text
 * it was decoded from (f->text + f->body_off); *cut receives the cut of a
 * passage of base64 (TX_FORM_CUT), whose bytes are whole groups of four. */
static tx_passage undecoded(file_ctx *f, const tx_passage *d, unsigned *cut)
{
    tx_passage p = *d;
    p.byte_start = f->words.start[d->byte_start];
    p.byte_end = f->words.end[d->byte_end - 1];
    /* The escape sequence in effect where it starts (at its first byte,
     * before base64's groups move that). */
    *cut = f->shifts ? TX_FORM_SHIFT(f->shifts[p.byte_start]) : 0;
    if (f->b64_phase)
        *cut |= tx_b64_align(f->text + f->body_off, f->run_len, f->b64_phase,
                             &p.byte_start, &p.byte_end);
    /* UTF-16 breaks lines where its characters do (wide_line_of); any
     * other text where its bytes do (decoding quoted-printable joins
     * lines). */
    if (tx_charset_wide(f->charset)) {
        int be = strcmp(f->charset, "UTF-16BE") == 0;
        p.line_start = wide_line_of(&f->starts, be, p.byte_start);
        p.line_end = wide_line_of(&f->ends, be, p.byte_end - 1);
    } else {
        p.line_start = tx_line_of(&f->starts, p.byte_start);
        p.line_end = tx_line_of(&f->ends, p.byte_end - 1);
    }
    return p;
}

static int on_passage(void *ctx, const tx_passage *body_p)
{
    file_ctx *f = ctx;
    /* Passages of the body (an e-mail's): bytes and lines of the file. */
    unsigned cut = 0;
    tx_passage p = f->words.start ? undecoded(f, body_p, &cut) : *body_p;
    p.byte_start += f->body_off;
    p.byte_end += f->body_off;
    p.line_start += f->body_line;
    p.line_end += f->body_line;
    p.paragraph += f->para_base;
    f->para_last = p.paragraph;
    xs_doc *doc = NULL;
    ix_words words = {.text = f->words.text ? f->words.text + body_p->byte_start
                                            : NULL,
                      .len = body_p->byte_end - body_p->byte_start,
                      .form = f->form | cut,
                      .charset = f->charset};
    f->st = ix_doc_build(f->an, f->art, f->text, &words, &p, f->ordinal + 1,
                         &doc, f->msg);
    if (f->st == CS_OK)
        f->st = xs_wdb_add(f->db, doc, NULL, f->msg);
    xs_doc_free(doc);
    if (f->st == CS_OK)
        f->ordinal++;
    return f->st != CS_OK;
}

/* The runs of one article's text that become passages (an e-mail's
 * text parts; the whole of any other file), written in turn. */
typedef struct text_runs {
    file_ctx *f;
    const char *text;        /* the article */
    size_t start;            /* its offset in the file */
    unsigned lines_before;   /* lines of the file before it */
    tx_lines lines;          /* through the article, from its body on */
    int guess;               /* guess the charset of a run that says none
                                (tx_charset_detect): an e-mail's part; a
                                file that is no e-mail was guessed whole */
    int wide;                /* a UTF-16 file: read in `charset` whatever
                                its bytes (tx_charset_bom) */
    cs_status rc;
    char **msg;
} text_runs;

/* Notes that the file's byte `at` is read as Windows-1252. */
static void note_legacy(file_ctx *f, size_t at)
{
    if (at < f->legacy_at)
        f->legacy_at = at;
}

/* A header field's value as UTF-8 (ix_mail_value: encoded words
 * decoded, an unencoded one read in the message's `charset`), else its
 * bytes that are not UTF-8 read as Windows-1252 (noted).  NULL when out
 * of memory. */
static char *field_text(file_ctx *f, ix_span v, const char *charset)
{
    char *value = ix_mail_value(v, charset);
    size_t n = value ? strlen(value) : 0;
    if (!value || tx_utf8_check(value, n) == n)
        return value;
    note_legacy(f, (size_t)(v.text - f->text) + tx_utf8_check(v.text, v.len));
    char *legacy = tx_utf8_legacy(value, n, NULL);
    free(value);
    return legacy;
}

/*
 * The escape sequence in effect at each byte of a run of ISO-2022-JP
 * (tx_iso2022_shifts), written in `form`: of base64, in the bytes it
 * decodes to, each given at the first character of its byte (where a
 * passage's bytes start).  malloc'd (len bytes); NULL when out of memory.
 */
static unsigned char *iso2022_shifts(const char *bytes, size_t len,
                                     unsigned form)
{
    unsigned char *shifts = calloc(len ? len : 1, 1);
    if (!shifts || !(form & TX_FORM_B64)) {
        if (shifts)
            tx_iso2022_shifts(bytes, len, shifts);
        return shifts;
    }
    tx_read dec;
    unsigned char *st = NULL;
    if (tx_read_form(bytes, len, TX_FORM_B64, NULL, &dec) != CS_OK ||
        !(st = malloc(dec.n ? dec.n : 1))) {
        tx_read_clear(&dec);
        free(shifts);
        return NULL;
    }
    tx_iso2022_shifts(dec.text, dec.n, st);
    for (size_t j = 0; j < dec.n; j++)
        shifts[dec.start[j]] = st[j];
    free(st);
    tx_read_clear(&dec);
    return shifts;
}

/* Writes the passages of the article's text[off, off + len), read for its
 * words as written in `form` (TX_FORM_*): tx_read_form.  Bytes that are
 * UTF-8 are read as UTF-8, whatever the declaration (a mislabelled part
 * is common, a text in KOI8-R or Big5 that happens to be valid UTF-8 is
 * not); others in `charset`, the one declared ("" when none is), or else
 * in the one the text looks to be in (tx_charset_detect), or else as
 * Windows-1252, as the analyzer reads any text. */
static int write_run(void *ctx, size_t off, size_t len, unsigned form,
                     const char *charset)
{
    text_runs *r = ctx;
    file_ctx *f = r->f;
    const char *bytes = r->text + off;
    cs_status rc = CS_OK;
    if (form)
        rc = tx_read_form(bytes, len, form, NULL, &f->words);
    const char *read = f->words.text ? f->words.text : bytes;
    size_t n = f->words.text ? f->words.n : len;
    size_t bad = rc == CS_OK ? tx_utf8_check(read, n) : n;
    char detected[48] = "";
    const char *in = NULL; /* the charset the words are read in */
    if (r->wide) {
        in = charset; /* even when its bytes happen to be UTF-8 */
    } else if (bad < n && tx_charset_readable(charset)) {
        in = charset;
    } else if (tx_charset_iso2022(charset) && !(form & TX_FORM_QP) &&
               memchr(read, '\x1B', n)) {
        in = charset; /* 7 bits, valid UTF-8, and Japanese all the same */
    } else if (bad < n && !*charset && r->guess &&
               tx_charset_detect(read, n, detected)) {
        in = detected;
        if (!*f->detected)
            strcpy(f->detected, detected);
    } else if (bad < n && !tx_charset_legacy(charset)) {
        /* Read as Windows-1252 though it did not say so. */
        note_legacy(f, r->start + off + (f->words.start ? f->words.start[bad]
                                                        : bad));
    }
    if (in) {
        tx_read_clear(&f->words);
        rc = tx_read_form(bytes, len, form, in, &f->words);
    }
    if (rc != CS_OK) {
        r->rc = cs_fail(r->msg, rc, "cannot read %zu bytes as %s", len,
                        in ? in : "written");
        return 1;
    }
    /* Runs come in order and start at a line's start. */
    f->body_off = r->start + off;
    if (in && tx_charset_iso2022(in) &&
        !(f->shifts = iso2022_shifts(bytes, len, form))) {
        r->rc = cs_fail(r->msg, CS_NOMEM, "no memory to read %zu bytes as %s",
                        len, in);
        tx_read_clear(&f->words);
        return 1;
    }
    f->body_line = r->lines_before + tx_line_of(&r->lines, off) - 1;
    f->para_base = f->para_last;
    f->form = form;
    f->charset = in;
    tx_lines_init(&f->starts, bytes, len, 0, 1);
    f->ends = f->starts;
    f->run_len = len;
    if ((form & TX_FORM_B64) && !(f->b64_phase = malloc(len ? len : 1))) {
        r->rc = cs_fail(r->msg, CS_NOMEM, "no memory to read %zu bytes of base64", len);
    } else {
        if (f->b64_phase)
            tx_b64_phases(bytes, len, f->b64_phase);
        r->rc = tx_passages(f->an, f->words.text ? f->words.text : bytes,
                            f->words.text ? f->words.n : len,
                            CS_PASSAGE_MAX_WORDS, on_passage, f, r->msg);
    }
    if (r->rc == CS_OK)
        r->rc = f->st;
    tx_read_clear(&f->words);
    free(f->b64_phase);
    f->b64_phase = NULL;
    free(f->shifts);
    f->shifts = NULL;
    f->charset = NULL;
    return r->rc != CS_OK;
}

/*
 * The charset of an article text[0, len) (`mail`: its head when it is an
 * e-mail; `page`: its head when it is a web page; `wide`: the UTF-16 its
 * byte order mark says, or NULL) into `charset`, "" for none: an
 * e-mail's, for its fields written unencoded; a page's declared one; a
 * file that is neither says none but by a byte order mark, so the one its
 * text looks to be in (tx_charset_detect, noted in f->detected), for its
 * title and its passages.  Looked for only when the bytes are not UTF-8
 * or switch charsets by escapes (ISO-2022-JP).
 */
static void article_charset(file_ctx *f, const char *text, size_t len,
                            ix_mail_head *mail, const ix_html_meta *page,
                            const char *wide, char *charset)
{
    /* (An e-mail's head; the whole of any other file.) */
    size_t head = mail ? mail->body_off : len;
    int utf8 = tx_utf8_check(text, head) == head;
    /* (Escapes matter where a charset is declared: ISO-2022-JP.) */
    int plain = utf8 && !((mail || page) && memchr(text, '\x1B', head));
    *charset = '\0';
    if (mail && !plain)
        ix_mail_charset(text, len, mail, charset);
    else if (wide)
        strcpy(charset, wide);
    else if (page && *page->charset && !plain)
        strcpy(charset, page->charset); /* as a mail part's declared one */
    else if (!mail && !utf8 && tx_charset_detect(text, len, charset) &&
             !*f->detected)
        strcpy(f->detected, charset);
}

/* A saved page's page: the first HTML part of its MIME body, else its
 * first text part (RFC 2557's root: browsers write the page first, then
 * its style sheets, images and the pages of its frames, which are not
 * the article; a style sheet before it is not taken for it). */
typedef struct first_part {
    size_t off, len;
    unsigned form;
    char charset[IX_MAIL_MAX_CHARSET + 1];
    int found;
} first_part;

static int take_first_part(void *ctx, size_t off, size_t len, unsigned form,
                           const char *charset)
{
    first_part *p = ctx;
    if (!p->found || (form & TX_FORM_HTML)) {
        *p = (first_part){.off = off, .len = len, .form = form, .found = 1};
        strcpy(p->charset, charset);
    }
    return (form & TX_FORM_HTML) != 0;
}

/* The metadata of a saved page's HTML part text[0, len), written in
 * `form`: read from its head, decoded.  0, or -1 when out of memory. */
static int snapshot_meta(const char *text, size_t len, unsigned form,
                         ix_html_meta *page)
{
    if (!(form & TX_FORM_HTML))
        return 0;
    tx_read dec = {0};
    unsigned coded = form & (TX_FORM_QP | TX_FORM_B64);
    if (coded && tx_read_form(text, len, coded, NULL, &dec) != CS_OK)
        return -1;
    int rc = dec.text ? ix_html_read_meta(dec.text, dec.n, page)
                      : ix_html_read_meta(text, len, page);
    tx_read_clear(&dec);
    return rc;
}

/* Adds the passages of text[start, end) to `db` as one article: the
 * whole file, or one message of a mailbox.  An e-mail's header block
 * (`head`, as ix_mail_parse read it; NULL when the article is no e-mail)
 * is its metadata, not passages (ix_mail.h); the manifest's metadata
 * still wins. */
static cs_status write_article(ix_worker *w, const ix_task *t, file_ctx *f,
                               size_t start, size_t end,
                               const ix_mail_head *head, unsigned lines_before,
                               char **msg)
{
    const ix_meta *meta = t->meta;
    const char *text = f->text + start;
    size_t len = end - start;
    int is_mail = head != NULL;
    ix_mail_head mail = is_mail ? *head : (ix_mail_head){0};
    size_t body = is_mail ? mail.body_off : 0;
    /* A saved web page says what it is in its head; one saved as one file
     * is a message whose first part is the page (not an e-mail: its From
     * is the browser, its Date when it was saved, it has no recipients). */
    ix_html_meta page = {0};
    int one_file = ix_html_snapshot_path(t->file->rel);
    int snapshot = is_mail && one_file; /* (not MIME: read as a page) */
    int is_page = !is_mail && (one_file || ix_html_path(t->file->rel));
    first_part part = {0};
    if (snapshot)
        ix_mail_texts(text, len, &mail, take_first_part, &part);
    if ((is_page && ix_html_read_meta(text, len, &page) != 0) ||
        (part.found && snapshot_meta(text + part.off, part.len, part.form,
                                     &page) != 0))
        return cs_fail(msg, CS_NOMEM, "%s: no memory to read its head",
                       t->file->rel);
    char charset[IX_MAIL_MAX_CHARSET + 1];
    const char *wide = is_mail ? NULL : tx_charset_bom(text, len);
    article_charset(f, text, len, is_mail ? &mail : NULL, is_page ? &page : NULL,
                    wide, charset);
    char *subject = is_mail ? field_text(f, mail.subject, charset) : NULL;
    char *from = is_mail && !snapshot ? field_text(f, mail.from, charset) : NULL;
    char *location = snapshot ? field_text(f, mail.location, charset) : NULL;
    /* Metadata is shown as text and JSON: as UTF-8, bytes that are not UTF-8 read as
     * Windows-1252 as the analyzer reads them, so a Latin-1 file's title
     * reads as written and its words are those its text is searched by. */
    front fm = {0};
    int markdown = !is_mail && !is_page && !wide && is_markdown(t->file->rel);
    if (markdown)
        front_matter(text, len, &fm);
    char *title = NULL;
    if (meta && *meta->title)
        title = tx_utf8_legacy(meta->title, strlen(meta->title), NULL);
    else if (snapshot && page.title && *page.title)
        title = strdup(page.title);
    else if (subject && *subject)
        title = strdup(subject);
    else if (is_page || snapshot) /* its first line is markup, a delimiter */
        title = strdup(page.title ? page.title : "");
    else
        title = markdown ? markdown_title(text, len, &fm, charset)
                         : first_line_title(text + body, len - body, charset);
    /* (A page's strings are NULL when it has none: no page was read.) */
    const char *page_url = page.url && *page.url ? page.url
                           : location            ? location
                                                 : "";
    const char *src = meta && *meta->source ? meta->source
                      : from               ? from
                      : page.source        ? page.source
                                           : "",
               *u = meta && *meta->url ? meta->url : page_url,
               *lg = meta ? meta->lang : "";
    const char *date = meta && *meta->date     ? meta->date
                       : is_mail && !snapshot ? mail.date
                       : *fm.date             ? fm.date
                                              : page.date;
    char *source = tx_utf8_legacy(src, strlen(src), NULL);
    char *url = tx_utf8_legacy(u, strlen(u), NULL);
    char *lang = tx_utf8_legacy(lg, strlen(lg), NULL);
    cs_status rc = CS_OK;
    /* (A snapshot's From is the browser, not read; an e-mail has no
     * location.) */
    if (!title || !source || !url || !lang ||
        (is_mail && (!subject || !(snapshot ? location : from)))) {
        rc = CS_NOMEM;
    } else {
        ix_article art;
        rc = ix_article_init(&art, w->an, t->file->rel, title, source, date,
                             url, lang, msg);
        /* An e-mail's recipients, for the to: filter. */
        const ix_span who[2] = {mail.to, mail.cc};
        for (int k = 0; rc == CS_OK && is_mail && !snapshot && k < 2; k++) {
            if (!who[k].text)
                continue;
            char *readable = field_text(f, who[k], charset);
            rc = readable ? ix_article_add_recipients(&art, w->an, readable, msg)
                          : CS_NOMEM;
            free(readable);
            if (rc != CS_OK)
                ix_article_clear(&art);
        }
        if (rc == CS_OK) {
            f->art = &art;
            text_runs r = {.f = f, .text = text, .start = start,
                           .lines_before = lines_before, .guess = is_mail,
                           .wide = wide != NULL,
                           .rc = CS_OK, .msg = msg};
            tx_lines_init(&r.lines, text, len, body,
                          (is_mail ? mail.body_line : 0) + 1);
            if (snapshot && part.found) /* the page, in its declared charset */
                write_run(&r, part.off, part.len, part.form,
                          *part.charset ? part.charset : page.charset);
            else if (is_mail && !snapshot)
                ix_mail_texts(text, len, &mail, write_run, &r);
            else if (!is_mail)
                write_run(&r, 0, len, is_page ? TX_FORM_HTML : 0, charset);
            rc = r.rc;
            f->art = NULL;
            ix_article_clear(&art);
        }
    }
    free(subject);
    free(from);
    free(location);
    free(title);
    ix_html_meta_clear(&page);
    free(source);
    free(url);
    free(lang);
    return rc;
}

/* Analyzes the text into passages and adds their documents to `db`, one
 * article per message of a mailbox, else the file as one; *passages
 * receives their number, *legacy_at the first byte read as Windows-1252
 * (SIZE_MAX when none), `detected` (48 bytes) the first charset a text
 * was read in by guess ("" when none). */
static cs_status write_passages(ix_worker *w, xs_wdb *db, const ix_task *t,
                                const char *text, size_t len,
                                unsigned *passages, size_t *legacy_at,
                                char *detected, char **msg)
{
    file_ctx f = {.an = w->an, .db = db, .text = text, .msg = msg,
                  .legacy_at = SIZE_MAX, .st = CS_OK};
    cs_status rc;
    size_t start = 0;
    tx_lines lines;
    tx_lines_init(&lines, text, len, 0, 1);
    do {
        /* Each message's head read once: for where the next one starts,
         * and for the metadata and text parts of this one. */
        ix_mail_head head;
        const char *rel = t->file->rel;
        int parsed = ix_html_snapshot_path(rel)
                         ? ix_mail_parse_snapshot(text + start, len - start, &head)
                     : ix_html_path(rel)
                         ? 0
                         : ix_mail_parse(text + start, len - start, &head);
        const ix_mail_head *mail = parsed ? &head : NULL;
        size_t end = start + ix_mail_next(text + start, len - start, mail);
        rc = write_article(w, t, &f, start, end, mail,
                           tx_line_of(&lines, start) - 1, msg);
        start = end;
    } while (rc == CS_OK && start < len);
    *passages = f.ordinal;
    *legacy_at = f.legacy_at;
    strcpy(detected, f.detected);
    return rc;
}

/*
 * A file's record says it is unchanged when its size and mtime are.  A
 * file written less than a timestamp's granularity before it was read
 * can be written again with the same size and the same mtime ("racily
 * clean", in Git's words), and that change would never be seen.  So the
 * record of a file read less than this after its mtime keeps no mtime
 * (0): the next run reads and hashes it again, and records its mtime
 * then.  A second covers the coarse timestamps of most filesystems; a
 * file stamped in the future is read again until its time has passed.
 */
#define IX_RACY_NS INT64_C(1000000000)

static int64_t recorded_mtime(int64_t mtime_ns)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
        return 0;
    int64_t now = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    return now - mtime_ns < IX_RACY_NS ? 0 : mtime_ns;
}

cs_status ix_file_index(ix_worker *w, xs_wdb *db, ix_task *t, int in_place,
                        char **msg)
{
    const ix_file *file = t->file;
    FILE *log = w->log;
    size_t len = 0;
    char *err = NULL;
    int binary = 0;
    t->bytes = 0;
    if (read_file(w, file->abs, &len, &binary, &err) != CS_OK) {
        fprintf(log, "citesearch: %s (skipped)\n", err);
        free(err);
        t->outcome = IX_UNREADABLE;
        return CS_OK;
    }
    const char *text = w->buf;
    t->bytes = len;
    t->now = (ix_record){.size = len, .mtime_ns = recorded_mtime(file->mtime_ns),
                         .hash = ix_hash(text, len),
                         .reading = CS_READING_VERSION,
                         .meta = ix_meta_hash(t->meta), .meta_known = 1,
                         .ino = (uint64_t)file->ino,
                         .ctime_ns = file->ctime_ns};

    if (binary) {
        fprintf(log, "citesearch: %s: binary file (skipped)\n", file->abs);
        t->outcome = IX_BINARY;
        return in_place && t->have_old ? ix_file_remove(db, file->rel, msg)
                                       : CS_OK;
    }
    if (t->have_old && t->old.hash == t->now.hash &&
        t->old.size == t->now.size && t->old.reading == CS_READING_VERSION &&
        !ix_record_meta_changed(&t->old, t->now.meta)) {
        /* Touched, not changed: remember the new mtime only. */
        t->now.passages = t->old.passages;
        t->outcome = IX_TOUCHED;
        return in_place ? ix_record_put(db, file->rel, &t->now, msg) : CS_OK;
    }
    cs_status rc = CS_OK;
    size_t bad = SIZE_MAX;
    char detected[48] = "";
    if (in_place && t->have_old)
        rc = ix_file_remove(db, file->rel, msg);
    if (rc == CS_OK)
        rc = write_passages(w, db, t, text, len, &t->now.passages, &bad,
                            detected, msg);
    if (rc == CS_OK && *detected)
        fprintf(log, "citesearch: %s: not UTF-8, read as %s (its charset as "
                     "it looks)\n",
                file->abs, detected);
    /* Bytes in a charset an e-mail's part declares are read in it; only
     * what is read as Windows-1252 is said. */
    if (rc == CS_OK && bad < len)
        fprintf(log,
                "citesearch: %s: invalid UTF-8 at byte %zu (indexed, bytes "
                "that are not UTF-8 read as Windows-1252)\n",
                file->abs, bad);
    if (rc == CS_OK && in_place)
        rc = ix_record_put(db, file->rel, &t->now, msg);
    if (rc == CS_OK) {
        t->outcome = IX_INDEXED;
        if (w->verbose)
            fprintf(log, "indexed %s (%u passages)\n", file->rel,
                    t->now.passages);
    }
    return rc;
}
