/* ix_html.c - a saved web page's metadata (see ix_html.h). */
#include "ix_html.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "tx.h"

/* Whether `path` ends in extension a or b, case aside. */
static int named_as(const char *path, const char *a, const char *b)
{
    const char *dot = strrchr(path, '.');
    return dot && (strcasecmp(dot, a) == 0 || strcasecmp(dot, b) == 0);
}

int ix_html_path(const char *path)
{
    return named_as(path, ".html", ".htm");
}

int ix_html_snapshot_path(const char *path)
{
    return named_as(path, ".mhtml", ".mht");
}

void ix_html_meta_clear(ix_html_meta *m)
{
    free(m->title);
    free(m->source);
    free(m->url);
    memset(m, 0, sizeof *m);
}

/* s with its runs of white space one space, its ends trimmed (malloc'd;
 * NULL when out of memory). */
static char *squeeze(const char *s)
{
    size_t n = strlen(s), o = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        if (strchr(" \t\r\n\f\v", s[i])) {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = 0;
        out[o++] = s[i];
    }
    out[o] = '\0';
    return out;
}

/* An attribute's value, or NULL (libxml2's: xmlFree). */
static xmlChar *attr(xmlNode *n, const char *name)
{
    return xmlGetProp(n, (const xmlChar *)name);
}

static int attr_is(xmlNode *n, const char *name, const char *value)
{
    xmlChar *v = attr(n, name);
    int is = v && strcasecmp((const char *)v, value) == 0;
    xmlFree(v);
    return is;
}

/* Sets *field (when still NULL) to the squeezed `value`; -1 when out of
 * memory. */
static int keep(char **field, const xmlChar *value)
{
    if (*field || !value)
        return 0;
    char *s = squeeze((const char *)value);
    if (s && tx_utf8_check(s, strlen(s)) < strlen(s)) {
        /* libxml2 passes bytes in a charset it does not know through */
        char *read = tx_utf8_legacy(s, strlen(s), NULL);
        free(s);
        s = read;
    }
    if (!s)
        return -1;
    if (!*s) { /* an empty one says nothing: a later one may */
        free(s);
        return 0;
    }
    *field = s;
    return 0;
}

/* YYYYMMDD from a date that starts "YYYY-MM-DD" (ISO 8601, as pages give
 * them), into out; unchanged when it does not. */
static void keep_date(char out[9], const xmlChar *value)
{
    const char *v = (const char *)value;
    if (*out || !v || strlen(v) < 10 || v[4] != '-' || v[7] != '-')
        return;
    char d[9] = {v[0], v[1], v[2], v[3], v[5], v[6], v[8], v[9], '\0'};
    for (int i = 0; i < 8; i++)
        if (d[i] < '0' || d[i] > '9')
            return;
    memcpy(out, d, 9);
}

/* The charset a Content-Type value names ("text/html; charset=x"). */
static void keep_charset(char *out, const char *value)
{
    const char *c = value ? strcasestr(value, "charset=") : NULL;
    if (*out || !c)
        return;
    c += strlen("charset=");
    c += *c == '"' || *c == '\'';
    size_t n = strcspn(c, "\"'; \t");
    if (n > 0 && n <= IX_HTML_MAX_CHARSET) {
        memcpy(out, c, n);
        out[n] = '\0';
    }
}

typedef struct meta_walk {
    ix_html_meta *m;
    char *h1, *og_title, *site, *author, *og_url, *publisher;
    char time[9]; /* the first <time datetime>: a date when no meta says */
    char linked[9]; /* the article's datePublished in linked data */
    int nomem;
} meta_walk;

/* Whether a schema.org type is an article's: NewsArticle,
 * ReportageNewsArticle, BlogPosting, ... (NULL: no). */
static int article_type(const char *type)
{
    return type && (strstr(type, "Article") || strstr(type, "Posting"));
}

/* Whether a linked-data item's @type (a string or a list of them) says
 * it is an article. */
static int is_article(json_t *item)
{
    json_t *type = json_object_get(item, "@type");
    json_t *one;
    size_t i;
    json_array_foreach(type, i, one)
        if (article_type(json_string_value(one)))
            return 1;
    return article_type(json_string_value(type));
}

/* Many news pages say when they were published, and by whom, only in
 * linked data for search engines (<script type="application/ld+json">,
 * schema.org): its article's datePublished and publisher's name are kept,
 * of the items at its top or in its @graph (an article before any other
 * item with a date, as a page's WebPage or VideoObject may have one). */
static void read_linked_data(meta_walk *w, const xmlChar *script)
{
    json_t *root = script ? json_loads((const char *)script, 0, NULL) : NULL;
    json_t *items = json_is_array(root) ? root : json_object_get(root, "@graph");
    json_t *item = json_is_object(root) && !items ? root : NULL;
    json_t *article = item && is_article(item) ? item : NULL, *dated = item, *one;
    size_t i;
    json_array_foreach(items, i, one) {
        if (!article && json_is_object(one) && is_article(one))
            article = one;
        if (!dated && json_is_string(json_object_get(one, "datePublished")))
            dated = one;
    }
    json_t *from = article ? article : dated;
    keep_date(w->linked, (const xmlChar *)json_string_value(
                             json_object_get(from, "datePublished")));
    json_t *publisher = json_object_get(from, "publisher");
    const char *name = json_string_value(json_object_get(publisher, "name"));
    w->nomem |= keep(&w->publisher, (const xmlChar *)name) != 0;
    json_decref(root);
}

static void visit(meta_walk *w, xmlNode *n)
{
    for (; n && !w->nomem; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        xmlChar *v = NULL;
        int in_head = n->parent && n->parent->name &&
                      strcasecmp((const char *)n->parent->name, "head") == 0;
        if ((strcasecmp(name, "title") == 0 && in_head) || /* not an SVG's */
            strcasecmp(name, "h1") == 0) {
            v = xmlNodeGetContent(n);
            w->nomem |= keep(strcasecmp(name, "title") == 0 ? &w->m->title : &w->h1,
                             v) != 0;
        } else if (strcasecmp(name, "meta") == 0) {
            xmlChar *cs = attr(n, "charset");
            if (cs && !*w->m->charset && strlen((const char *)cs) <= IX_HTML_MAX_CHARSET)
                strcpy(w->m->charset, (const char *)cs);
            xmlFree(cs);
            v = attr(n, "content");
            if (attr_is(n, "http-equiv", "content-type"))
                keep_charset(w->m->charset, (const char *)v);
            else if (attr_is(n, "property", "og:title"))
                w->nomem |= keep(&w->og_title, v) != 0;
            else if (attr_is(n, "property", "og:site_name"))
                w->nomem |= keep(&w->site, v) != 0;
            else if (attr_is(n, "name", "author"))
                w->nomem |= keep(&w->author, v) != 0;
            else if (attr_is(n, "property", "og:url"))
                w->nomem |= keep(&w->og_url, v) != 0;
            else if (attr_is(n, "property", "article:published_time") ||
                     attr_is(n, "itemprop", "datePublished") ||
                     attr_is(n, "name", "date") ||
                     attr_is(n, "name", "pubdate"))
                keep_date(w->m->date, v);
        } else if (strcasecmp(name, "link") == 0 && attr_is(n, "rel", "canonical")) {
            v = attr(n, "href");
            w->nomem |= keep(&w->m->url, v) != 0;
        } else if (strcasecmp(name, "time") == 0) {
            v = attr(n, "datetime");
            keep_date(w->time, v);
        } else if (strcasecmp(name, "script") == 0 &&
                   attr_is(n, "type", "application/ld+json") && !*w->linked) {
            v = xmlNodeGetContent(n);
            read_linked_data(w, v);
        }
        xmlFree(v);
        visit(w, n->children);
    }
}

/* libxml2 sets up its globals once, before threads use it. */
static void init_libxml(void)
{
    xmlInitParser();
}

int ix_html_read_meta(const char *text, size_t len, ix_html_meta *out)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_libxml);
    memset(out, 0, sizeof *out);
    /* A bounded start of the page: its head, and the start of its body,
     * where the article's first heading and time come (parsing costs
     * some 25 us a KB: a whole page would cost more than its indexing). */
    size_t n = len < IX_HTML_HEAD_MAX ? len : IX_HTML_HEAD_MAX, head = 0;
    for (size_t i = 0; i + 7 <= n; i++)
        if (text[i] == '<' && strncasecmp(text + i, "</head>", 7) == 0) {
            head = i;
            break;
        }
    if (head + IX_HTML_BODY_LOOK < n)
        n = head + IX_HTML_BODY_LOOK;
    /* UTF-8 as such; other bytes in the charset the page declares
     * (libxml2 finds it), else Windows-1252. */
    const char *encoding = tx_utf8_check(text, n) == n ? "UTF-8" : NULL;
    htmlDocPtr doc = htmlReadMemory(text, (int)n, NULL, encoding,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    meta_walk w = {.m = out};
    if (doc)
        visit(&w, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    /* The headline the page gives for sharing (its <title> often adds
     * the site's name: "... | Balkan Wire"), else its <title>, else its
     * first heading. */
    if (!w.nomem && w.og_title) {
        free(out->title);
        out->title = w.og_title;
        w.og_title = NULL;
    }
    if (!w.nomem && !out->title && w.h1) {
        out->title = w.h1;
        w.h1 = NULL;
    }
    /* The site's name, else the publisher's, else the author's. */
    char **source = w.site ? &w.site : w.publisher ? &w.publisher : &w.author;
    if (!w.nomem && !out->source && *source) {
        out->source = *source;
        *source = NULL;
    }
    if (!*out->date)
        memcpy(out->date, *w.linked ? w.linked : w.time, sizeof w.time);
    if (!w.nomem && !out->url && w.og_url) {
        out->url = w.og_url;
        w.og_url = NULL;
    }
    free(w.h1);
    free(w.og_title);
    free(w.site);
    free(w.author);
    free(w.og_url);
    free(w.publisher);
    if (!w.nomem && !out->title)
        w.nomem = !(out->title = strdup(""));
    if (!w.nomem && !out->source)
        w.nomem = !(out->source = strdup(""));
    if (!w.nomem && !out->url)
        w.nomem = !(out->url = strdup(""));
    if (w.nomem) {
        ix_html_meta_clear(out);
        return -1;
    }
    return 0;
}
