/* qy_plan.c - building the Xapian query and the matching plan
 * (see qy_plan.h). */
#include "qy_plan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qy_cand.h"
#include "schema.h"
#include "qy_spell.h"
#include "tx.h"

/* Spelling variants of one phrase beyond this many are not generated. */
#define MAX_VARIANTS 16
/* Shortest part (bytes) a word is split into when looking for compounds:
 * four keeps real-time and cyber-attack and drops the chance splits that
 * short fragments make (materi|als, ano|ther) in a large mixed corpus. */
#define MIN_SPLIT_PART 4
/* A split is tried only for a word at most this many times as frequent as
 * the rarer of its parts (see best_split). */
#define QY_SPLIT_MAX_RATIO 2
/* Spellings of an unknown word searched for in its stead, at most. */
#define QY_SPELL_VARIANTS 3

cs_status qy_strv_add(qy_strv *s, const char *str, size_t len)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        char **v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return CS_NOMEM;
        s->v = v;
        s->cap = cap;
    }
    if (!(s->v[s->n] = strndup(str, len)))
        return CS_NOMEM;
    s->n++;
    return CS_OK;
}

void qy_strv_clear(qy_strv *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

int qy_strv_has(const qy_strv *s, const char *str, size_t len)
{
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) == len && memcmp(s->v[i], str, len) == 0)
            return 1;
    return 0;
}

/* ---- Tokens of a clause, copied out of the analyzer's callback ---- */

typedef struct qtok {
    char *term, *stem;
    size_t start, end;
    unsigned pos, flags;
} qtok;

typedef struct qtoks {
    qtok *v;
    size_t n, cap;
    int nomem;
} qtoks;

static int on_token(void *ctx, const tx_token *t)
{
    qtoks *q = ctx;
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 16;
        qtok *v = realloc(q->v, cap * sizeof *v);
        if (!v) {
            q->nomem = 1;
            return 1;
        }
        q->v = v;
        q->cap = cap;
    }
    qtok k = {.term = strndup(t->term, t->term_len),
              .stem = strndup(t->stem, t->stem_len),
              .start = t->start, .end = t->end, .pos = t->pos,
              .flags = t->flags};
    if (!k.term || !k.stem) {
        free(k.term);
        free(k.stem);
        q->nomem = 1;
        return 1;
    }
    q->v[q->n++] = k;
    return 0;
}

static void qtoks_clear(qtoks *q)
{
    for (size_t i = 0; i < q->n; i++) {
        free(q->v[i].term);
        free(q->v[i].stem);
    }
    free(q->v);
    memset(q, 0, sizeof *q);
}

static cs_status analyze(qy_engine *e, const char *text, qtoks *out, char **msg)
{
    memset(out, 0, sizeof *out);
    cs_status rc = tx_analyze(qy_engine_analyzer(e), text, strlen(text), 1,
                              on_token, out, msg);
    if (rc == CS_OK && out->nomem)
        rc = CS_NOMEM;
    if (rc != CS_OK)
        qtoks_clear(out);
    return rc;
}

/* ---- Query pieces ---- */

/* A list of owned subqueries. */
typedef struct qlist {
    xs_query **v;
    size_t n, cap;
    int nomem;
} qlist;

static void qlist_add(qlist *l, xs_query *q)
{
    if (!q) {
        l->nomem = 1;
        return;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        xs_query **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            xs_query_free(q);
            l->nomem = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = q;
}

static void qlist_clear(qlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        xs_query_free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Combines and empties the list; NULL when it holds nothing. */
static xs_query *qlist_take(qlist *l, xs_op op)
{
    xs_query *q = NULL;
    if (l->n == 1) {
        q = l->v[0];
        l->n = 0;
    } else if (l->n > 1) {
        q = xs_query_combine(op, l->v, l->n, 0);
        if (!q)
            l->nomem = 1;
    }
    qlist_clear(l);
    return q;
}

static xs_query *prefixed_term(const char *prefix, const char *term)
{
    char buf[CS_MAX_TERM + 8];
    int n = snprintf(buf, sizeof buf, "%s%s", prefix, term);
    if (n < 0 || (size_t)n >= sizeof buf)
        return xs_query_match_nothing();
    return xs_query_term(buf, (size_t)n, 1, 1);
}

xs_query *qy_phrase_query(char *const *terms, size_t n)
{
    qlist l = {0};
    for (size_t i = 0; i < n; i++)
        qlist_add(&l, prefixed_term(CS_PREFIX_WORD, terms[i]));
    if (l.nomem) {
        qlist_clear(&l);
        return NULL;
    }
    if (l.n == 1)
        return qlist_take(&l, XS_OP_OR);
    xs_query *q = xs_query_combine(XS_OP_PHRASE, l.v, l.n, 0);
    qlist_clear(&l);
    return q;
}

/* Passages holding the term `prefix` + term[0, len). */
static unsigned term_freq(qy_engine *e, const char *prefix, const char *term,
                          size_t len)
{
    char buf[CS_MAX_TERM + 8];
    int n = snprintf(buf, sizeof buf, "%s%.*s", prefix, (int)len, term);
    if (n < 0 || (size_t)n >= sizeof buf)
        return 0;
    return xs_db_termfreq(qy_engine_db(e), buf, (size_t)n);
}

static unsigned word_freq(qy_engine *e, const char *term, size_t len)
{
    return term_freq(e, CS_PREFIX_WORD, term, len);
}

unsigned qy_stem_freq(qy_engine *e, const char *stem)
{
    return term_freq(e, CS_PREFIX_STEM, stem, strlen(stem));
}

cs_status qy_plan_quote_unknown(qy_engine *e, qy_plan *p)
{
    size_t n = p->quote_terms.n;
    free(p->quote_unknown);
    if (!(p->quote_unknown = calloc(n + 1, 1)))
        return CS_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const char *t = p->quote_terms.v[i];
        if (word_freq(e, t, strlen(t)) == 0)
            p->quote_unknown[i] = QY_UNKNOWN_WORD |
                                  (qy_stem_freq(e, p->quote_stems.v[i]) == 0
                                       ? QY_UNKNOWN_STEM
                                       : 0);
    }
    return CS_OK;
}

/* The best split of an unhyphenated word into two indexed words, so that
 * "realtime" also finds "real time": the split whose rarer part is most
 * frequent.  Returns the length of the first part, or 0. */
static size_t best_split(qy_engine *e, const qtok *t)
{
    size_t len = strlen(t->term);
    if (t->flags & (TX_NUMBER | TX_IDEO | TX_PART | TX_JOINED | TX_STOP))
        return 0;
    /* "per cent" is how British English writes percent (and 3.5% reads
     * as percent: tx_analyze.c), however much more common the word is
     * than its part "cent". */
    if (strcmp(t->term, "percent") == 0)
        return word_freq(e, "per", 3) > 0 && word_freq(e, "cent", 4) > 0 ? 3 : 0;
    if (len < 2 * MIN_SPLIT_PART)
        return 0;
    /* Only splits whose two parts fit in a term can be indexed words, so
     * a 100 KB word costs no more lookups than a short one. */
    size_t fit = CS_MAX_TERM - strlen(CS_PREFIX_WORD);
    if (len > 2 * fit)
        return 0;
    size_t from = len > fit ? len - fit : 0;
    size_t best = 0;
    unsigned best_freq = 0;
    for (size_t i = from > MIN_SPLIT_PART ? from : MIN_SPLIT_PART;
         i + MIN_SPLIT_PART <= len && i <= fit; i++) {
        if (((unsigned char)t->term[i] & 0xC0) == 0x80)
            continue; /* inside a UTF-8 sequence */
        unsigned a = word_freq(e, t->term, i);
        if (a == 0)
            continue;
        unsigned b = word_freq(e, t->term + i, len - i);
        unsigned m = a < b ? a : b;
        if (m > best_freq) {
            best_freq = m;
            best = i;
        }
    }
    /* A word far more common than its rarer part is a word, not a
     * compound written solid: government is not govern|ment, attacked
     * is not atta|cked.  Chance splits like those would add a phrase
     * search, costly and useless, to every query that has such a word;
     * cyberattack and website, rarer than cyber and site, keep theirs. */
    if (best && word_freq(e, t->term, len) > QY_SPLIT_MAX_RATIO * best_freq)
        return 0;
    return best;
}

int qy_word_capital(const qy_word *w)
{
    unsigned char first = (unsigned char)w->text[0];
    return (first >= 'A' && first <= 'Z') || first >= 0xC0;
}

/* Whether the clause `text` is written in capitals throughout, over more
 * than one word: its words are no acronyms then (ALBANIA CUT TIES). */
static int shouted(const char *text, const qtoks *toks)
{
    if (toks->n < 2)
        return 0;
    for (const char *p = text; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            return 0;
    return 1;
}

/* ---- Clauses ---- */

typedef struct builder {
    qy_engine *e;
    qy_plan *plan;
    qlist optional, required, excluded, filters;
    qlist titles;        /* optional words' title stems (word_query) */
    int uncased;         /* the query's words have no capital letter */
    char **msg;
} builder;

/* Moves the queries of `from` to the end of `to`. */
static void qlist_move(qlist *to, qlist *from)
{
    for (size_t i = 0; i < from->n; i++)
        qlist_add(to, from->v[i]);
    to->nomem |= from->nomem;
    from->n = 0;
    from->nomem = 0;
}

/* The query of a word of stem `stem` in a clause with modifier `mod`: its
 * stem in the passage.  Only ranking looks at the title too: an optional
 * word's title stem, at CS_TITLE_WEIGHT, goes to b->titles, which
 * qy_plan_build adds to the optional words, but for a claim (qy_plan.h). */
static xs_query *word_query(builder *b, qy_modifier mod, const char *stem)
{
    if (mod == QY_OPTIONAL) {
        xs_query *title = prefixed_term(CS_PREFIX_TITLE_STEM, stem);
        qlist_add(&b->titles, title ? xs_query_scale(title, CS_TITLE_WEIGHT) : NULL);
        xs_query_free(title);
    }
    return prefixed_term(CS_PREFIX_STEM, stem);
}

/* Remembers a spelling to highlight: the `n` words `terms`. */
static cs_status remember_spelling(qy_plan *p, char *const *terms, size_t n)
{
    qy_strv *v = realloc(p->spellings, (p->nspellings + 1) * sizeof *v);
    if (!v)
        return CS_NOMEM;
    p->spellings = v;
    qy_strv *seq = &v[p->nspellings++];
    memset(seq, 0, sizeof *seq);
    for (size_t i = 0; i < n; i++)
        if (qy_strv_add(seq, terms[i], strlen(terms[i])) != CS_OK)
            return CS_NOMEM;
    return CS_OK;
}

/* Remembers a stem to highlight. */
static cs_status remember_stem(qy_plan *p, const char *stem)
{
    size_t n = strlen(stem);
    if (qy_strv_has(&p->stems, stem, n))
        return CS_OK;
    return qy_strv_add(&p->stems, stem, n);
}

/* Adds a content word of the query (`len` bytes of `text`, as written;
 * its normalized `term` and its `stem`) for the coverage report. */
static cs_status add_plan_word(qy_plan *p, const char *text, size_t len,
                               const char *term, const char *stem)
{
    qy_word *w = realloc(p->words, (p->nwords + 1) * sizeof *w);
    if (!w)
        return CS_NOMEM;
    p->words = w;
    qy_word nw = {.text = strndup(text, len), .term = strdup(term), .stem = strdup(stem),
                  .bound_of = -1};
    if (!nw.text || !nw.term || !nw.stem) {
        free(nw.text);
        free(nw.term);
        free(nw.stem);
        return CS_NOMEM;
    }
    long value;
    /* (A value < 0 is a decimal: 2.5 may be written 2.50.) */
    nw.number = qy_number_of(nw.text, &value) && (value >= 2 || value < 0);
    /* (2.3bn is no number to qy_number_of, but an amount; one is a
     * word as often, and zero says nothing a passage would write so.) */
    nw.has_amount = (qy_amount_of(nw.text, len, &nw.amount) && nw.amount != 0 &&
                     nw.amount != 1) ||
                    qy_scale_of(nw.text, len, &nw.amount);
    nw.units = tx_unit_groups(nw.term, strlen(nw.term));
    if (strlen(nw.term) >= 4)
        tx_us_spelling(nw.term, strlen(nw.term), nw.spelling);
    nw.verb_base = tx_verb_base(nw.term);
    p->words[p->nwords++] = nw;
    return CS_OK;
}


/* Whether toks[i] is the word `w`, and one position after toks[i - 1]
 * (i > from). */
static int word_next(const qtoks *toks, size_t from, size_t i, const char *w)
{
    return i < toks->n && strcmp(toks->v[i].term, w) == 0 &&
           (i == from || toks->v[i].pos == toks->v[i - 1].pos + 1);
}

/* A cardinal written out in three words or more from toks[i] on, each
 * after the one before ("three hundred and twelve", "two thousand five
 * hundred"): the token after its last, its value in *amount; i when none
 * starts there. */
static size_t cardinal_end(const qtoks *toks, size_t i, double *amount)
{
    const char *t = toks->v[i].term;
    long value;
    /* (Asked of every word of a claim: most are no number word.) */
    if (!(t[0] >= 'a' && t[0] <= 'z') || !qy_number_of(t, &value))
        return i;
    size_t most = 1;
    while (most < 8 && i + most < toks->n &&
           word_next(toks, i, i + most, toks->v[i + most].term))
        most++;
    for (size_t m = most; m >= 3; m--) {
        char joined[8 * 24];
        size_t len = 0;
        int fits = 1;
        for (size_t k = i; k < i + m && fits; k++) {
            size_t tl = strlen(toks->v[k].term);
            fits = len + tl + 2 <= sizeof joined;
            if (fits) {
                if (k > i)
                    joined[len++] = ' ';
                memcpy(joined + len, toks->v[k].term, tl);
                len += tl;
            }
        }
        joined[len] = '\0';
        if (fits && qy_amount_of_words(joined, amount))
            return i + m;
    }
    return i;
}

/* Whether toks[i] is a verb that negates the verb after it, as "not"
 * does: "refused to concede", "failed to report", "declined to comment"
 * say what "did not concede" says. */
static int negating_verb(const qtoks *toks, size_t i)
{
    static const char *const stems[] = {"refus", "fail", "declin"};
    for (size_t k = 0; k < sizeof stems / sizeof *stems; k++)
        if (strcmp(toks->v[i].stem, stems[k]) == 0)
            return word_next(toks, i, i + 1, "to");
    return 0;
}

/* The amount of a number written over several words, for each token it
 * spans (amounts[i] < 0 where none): a number and a scale word ("1.5
 * million", "two thousand", "one million"), or with "a half" ("one and a
 * half million" 1,500,000, "two and a half" 2.5, "half a million"
 * 500,000), which a passage may write in digits. */
static void word_amounts(const qtoks *toks, double *amounts)
{
    for (size_t i = 0; i < toks->n; i++)
        amounts[i] = -1;
    for (size_t i = 0; i < toks->n; i++) {
        const char *term = toks->v[i].term;
        double n, scale = 1;
        size_t end = cardinal_end(toks, i, &n);
        if (end > i) {
            /* three hundred and twelve, two thousand five hundred */
        } else if (qy_amount_of(term, strlen(term), &n) && word_next(toks, i, i + 1, "and") &&
            word_next(toks, i, i + 2, "a") && word_next(toks, i, i + 3, "half")) {
            n += 0.5; /* N and a half [scale] */
            end = i + 4;
        } else if (strcmp(term, "half") == 0 && word_next(toks, i, i + 1, "a") &&
                   i + 2 < toks->n && word_next(toks, i, i + 2, toks->v[i + 2].term) &&
                   qy_scale_of(toks->v[i + 2].term, strlen(toks->v[i + 2].term), &scale)) {
            n = 0.5; /* half a scale */
            end = i + 2;
        } else if (qy_amount_of(term, strlen(term), &n) && i + 1 < toks->n &&
                   word_next(toks, i, i + 1, toks->v[i + 1].term) &&
                   qy_scale_of(toks->v[i + 1].term, strlen(toks->v[i + 1].term), &scale)) {
            end = i + 1; /* N scale */
        } else {
            continue;
        }
        if (end < toks->n && word_next(toks, i, end, toks->v[end].term) &&
            qy_scale_of(toks->v[end].term, strlen(toks->v[end].term), &scale))
            end++;
        for (size_t k = i; k < end; k++)
            amounts[k] = n * scale;
        i = end - 1;
    }
}

/* What a passage may give otherwise of claim word toks[i], plan word w
 * (its amount set): the place w's figure is given to, the bound the words
 * before it say, what it counts, and on the number's own word the figure
 * as written, its bound's words first (qy_word.figure_unit). */
static cs_status set_figure(qy_plan *plan, const qtoks *toks, const double *amounts,
                            size_t i, const char *text)
{
    qy_word *w = &plan->words[plan->nwords - 1];
    if (!w->has_amount || w->amount <= 0)
        return CS_OK;
    /* The figure's number: this word, or the one before its scale word. */
    size_t j = i;
    while (j > 0 && amounts[i] >= 0 && amounts[j - 1] == amounts[i])
        j--;
    const char *term = toks->v[j].term;
    double n;
    /* (1,500 is a figure, 1500 may be a year.) */
    if (!qy_amount_of(term, strlen(term), &n) || n <= 0 ||
        (amounts[i] < 0 && qy_year_word(term) &&
         toks->v[j].end - toks->v[j].start == strlen(term)))
        return CS_OK;
    double unit = qy_number_unit(term, strlen(term)), scale = w->amount / n;
    /* (A scale is a power of ten; "1 and a half million" is not read so.) */
    double p = 1;
    while (p < scale * (1 - 1e-9))
        p *= 10;
    if (unit <= 0 || !qy_same_amount(p, scale))
        return CS_OK;
    w->figure_unit = unit * scale;
    size_t end = j + 1;
    while (end < toks->n && amounts[j] >= 0 && amounts[end] == amounts[j])
        end++;
    if (end < toks->n && !(toks->v[end].flags & TX_STOP)) {
        const char *of = toks->v[end].term;
        w->figure_of_units = tx_unit_groups(of, strlen(of));
        if (!(w->figure_of = strdup(toks->v[end].stem)))
            return CS_NOMEM;
    }
    /* A currency sign by it says what it counts too ("a $73.3 million
     * budget" of "$73,344,573.27 for the budget"). */
    w->figure_of_units |= tx_currency_by(text, strlen(text), toks->v[j].start, toks->v[j].end);
    /* "more than 2,000", "over 1 million", "about 2,500". */
    unsigned pos = toks->v[j].pos;
    const char *b1 = j >= 1 && toks->v[j - 1].pos + 1 == pos ? toks->v[j - 1].term : "";
    const char *b2 = j >= 2 && *b1 && toks->v[j - 2].pos + 2 == pos ? toks->v[j - 2].term : "";
    int nb;
    w->figure_bound = qy_bound_of(b2, b1, &nb);
    if (j != i)
        return CS_OK;
    /* The bound's words among the plan's, just before this one. */
    for (int m = 1; m <= nb; m++) {
        const qtok *bt = &toks->v[j - (size_t)m];
        for (size_t x = plan->nwords - 1; x-- > 0 && plan->nwords - 1 - x <= (size_t)nb;)
            if (!(bt->flags & TX_STOP) && strcmp(plan->words[x].term, bt->term) == 0)
                plan->words[x].bound_of = (int)(plan->nwords - 1);
    }
    size_t from = j - (size_t)nb;
    w->figure_text = strndup(text + toks->v[from].start, toks->v[end - 1].end - toks->v[from].start);
    return w->figure_text ? CS_OK : CS_NOMEM;
}

/* A share in words, claim word toks[i] (the plan's last word) before "of"
 * or "the" ("a third of Albanians", "two-thirds of voters", "half the
 * budget"): a figure of that percentage, which a passage may give as one
 * ("33 percent": QY_BOUND_SHARE), with its numerator's word held where it
 * is. */
static cs_status set_share(qy_plan *plan, const qtoks *toks, size_t i, const char *text)
{
    const qtok *t = &toks->v[i];
    size_t next = i + 1;
    while (next < toks->n && (toks->v[next].flags & TX_JOINED))
        next++;
    const char *num = i >= 1 && toks->v[i - 1].pos + 1 == t->pos ? toks->v[i - 1].term : "";
    double percent;
    int with_num;
    if (next >= toks->n ||
        (strcmp(toks->v[next].term, "of") != 0 && strcmp(toks->v[next].term, "the") != 0) ||
        !qy_share_of(num, t->term, &percent, &with_num))
        return CS_OK;
    if (!with_num)
        num = "";
    qy_word *w = &plan->words[plan->nwords - 1];
    w->amount = percent;
    w->figure_unit = 1;
    w->figure_bound = QY_BOUND_SHARE;
    free(w->figure_of);
    free(w->figure_text);
    size_t from = *num ? i - 1 : i;
    w->figure_of = strdup("percent");
    w->figure_text = strndup(text + toks->v[from].start, t->end - toks->v[from].start);
    if (!w->figure_of || !w->figure_text)
        return CS_NOMEM;
    /* (The numerator, when it is a word of the plan: two of two thirds.) */
    if (*num && !(toks->v[i - 1].flags & TX_STOP) && plan->nwords >= 2 &&
        strcmp(plan->words[plan->nwords - 2].term, num) == 0)
        plan->words[plan->nwords - 2].bound_of = (int)(plan->nwords - 1);
    return CS_OK;
}

/* The terms of a compound's parts toks[from, joined), in a malloc'd
 * array (the terms stay toks'); NULL when out of memory. */
static char **part_terms(const qtoks *toks, size_t from, size_t joined)
{
    char **parts = calloc(joined - from + 1, sizeof *parts);
    for (size_t k = from; parts && k < joined; k++)
        parts[k - from] = toks->v[k].term;
    return parts;
}

/* Adds the compound of parts toks[from, joined) and its joined form
 * toks[joined] as one word. */
static cs_status add_compound(builder *b, const qy_clause *c, const qtoks *toks,
                              size_t from, size_t joined, const char *acronym,
                              qlist *words)
{
    const qtok *jt = &toks->v[joined];
    char **parts = part_terms(toks, from, joined);
    if (!parts)
        return CS_NOMEM;
    xs_query *alt[2] = {qy_phrase_query(parts, joined - from),
                        word_query(b, c->mod, jt->stem)};
    xs_query *q = alt[0] && alt[1] ? xs_query_combine(XS_OP_OR, alt, 2, 0) : NULL;
    xs_query_free(alt[0]);
    xs_query_free(alt[1]);
    qlist_add(words, q);

    /* Highlight the parts where they stand in order, and the joined form;
     * the claim word is the compound, supported by its joined form, and
     * one of two parts by them written apart too ("IP addresses" for
     * IP-addresses, "24 hours" for 24-hour). */
    cs_status rc = remember_spelling(b->plan, parts, joined - from);
    if (rc == CS_OK)
        rc = remember_stem(b->plan, jt->stem);
    /* An acronym written with points as written, its last one too
     * ("U.S.", which the analyzer's span ends before). */
    const char *written = c->text + toks->v[from].start;
    size_t wlen = jt->end - toks->v[from].start;
    if (memchr(written, '.', wlen) && written[wlen] == '.')
        wlen++;
    if (rc == CS_OK)
        rc = add_plan_word(b->plan, written, wlen, jt->term, jt->stem);
    if (rc == CS_OK && joined - from == 2) {
        qy_word *w = &b->plan->words[b->plan->nwords - 1];
        if (!(w->split_head = strdup(parts[0])) ||
            !(w->split_tail = strdup(toks->v[from + 1].stem)))
            rc = CS_NOMEM;
    }
    /* A name of the run of names that spells an acronym (find_spelled). */
    if (rc == CS_OK && acronym[0] &&
        !(b->plan->words[b->plan->nwords - 1].acronym = strdup(acronym)))
        rc = CS_NOMEM;
    free(parts);
    return rc;
}

/* Whether a query word may be a name: capitalized, of letters, not a
 * stop word or a compound's part.  A query written without capitals
 * ("peoples mujahedin organization", as search boxes are typed) does not
 * say which words are names: any of its words may be one. */
static int written_as_name(const builder *b, const qtok *t)
{
    return ((t->flags & TX_CAPITAL) || b->uncased) &&
           !(t->flags & (TX_STOP | TX_NUMBER | TX_IDEO | TX_PART | TX_JOINED));
}

/* Whether a query word may be respelt: a name, long enough (qy_spell.h).
 * Names are what sources spell in more than one way, and a claim's other
 * unknown words are better reported as unsupported than guessed at; it
 * also keeps the walk of the index's words for the few words that need
 * it. */
static int respellable(const builder *b, const qtok *t)
{
    return written_as_name(b, t) && strlen(t->term) >= QY_SPELL_MIN_LEN;
}

/* The stem of `word` as the index holds it when it reads as one word
 * (malloc'd in *stem), else *stem NULL. */
static cs_status word_stem(builder *b, const char *word, char **stem)
{
    *stem = NULL;
    qtoks wt;
    cs_status rc = analyze(b->e, word, &wt, b->msg);
    if (rc == CS_OK && wt.n == 1 && !(*stem = strdup(wt.v[0].stem)))
        rc = CS_NOMEM;
    qtoks_clear(&wt);
    return rc;
}

/* Adds to *q the spellings the index has of the word t, and their stems
 * to `alts` (for highlights and the coverage report). */
static cs_status respell(builder *b, qy_modifier mod, const qtok *t,
                         xs_query **q, qy_strv *alts)
{
    qy_spelling sp[QY_SPELL_VARIANTS];
    size_t n = qy_spell_variants(qy_engine_db(b->e), t->term, sp,
                                 QY_SPELL_VARIANTS);
    cs_status rc = CS_OK;
    for (size_t i = 0; rc == CS_OK && i < n; i++) {
        char *stem;
        rc = word_stem(b, sp[i].word, &stem);
        /* One word, as the index holds it. */
        if (stem && !qy_strv_has(alts, stem, strlen(stem)) &&
            strcmp(stem, t->stem) != 0) {
            xs_query *alt[2] = {*q, word_query(b, mod, stem)};
            xs_query *both = alt[1] ? xs_query_combine(XS_OP_OR, alt, 2, 0) : NULL;
            xs_query_free(alt[1]);
            if (!both) {
                rc = CS_NOMEM;
            } else {
                xs_query_free(*q);
                *q = both;
                rc = qy_strv_add(alts, stem, strlen(stem));
                if (rc == CS_OK)
                    rc = remember_stem(b->plan, stem);
            }
        }
        free(stem);
    }
    qy_spelling_clear(sp, n);
    return rc;
}

/* The two words a solid word is also written as, for the coverage report:
 * the first as it is, the second's stem (cyberattacks: "cyber", "attack",
 * so "cyber attack" supports it too).  Each malloc'd. */
static cs_status split_parts(builder *b, char *const parts[2], char **head,
                             char **tail)
{
    cs_status rc = word_stem(b, parts[1], tail);
    if (rc == CS_OK && *tail && !(*head = strdup(parts[0]))) {
        free(*tail);
        *tail = NULL;
        rc = CS_NOMEM;
    }
    return rc;
}

/* Whether a passage holds the compound of parts toks[from, joined) and
 * its joined form toks[joined] (words of clause c): the joined form, or
 * the parts in order.  A number written out (twenty-four) counts as held:
 * its parts are no words of their own, and a passage may hold it in
 * digits, which the coverage report reads (qy_mark.c). */
static cs_status compound_held(builder *b, const qy_clause *c, const qtoks *toks,
                               size_t from, size_t joined, int *held)
{
    *held = qy_stem_freq(b->e, toks->v[joined].stem) > 0;
    if (*held)
        return CS_OK;
    size_t start = toks->v[from].start, end = toks->v[joined].end;
    char *written = strndup(c->text + start, end - start);
    if (!written)
        return CS_NOMEM;
    long value;
    *held = qy_number_of(written, &value) && value >= 0;
    free(written);
    if (*held)
        return CS_OK;
    for (size_t k = from; k < joined; k++) {
        const char *term = toks->v[k].term;
        if (word_freq(b->e, term, strlen(term)) == 0)
            return CS_OK; /* a part no passage holds: not the phrase */
    }
    char **parts = part_terms(toks, from, joined);
    if (!parts)
        return CS_NOMEM;
    xs_query *q = qy_phrase_query(parts, joined - from);
    free(parts);
    if (!q)
        return CS_NOMEM;
    xs_search_opts o;
    xs_search_opts_init(&o, 1);
    xs_mset *m = NULL;
    cs_status rc = xs_search(qy_engine_db(b->e), q, &o, &m, b->msg);
    if (rc == CS_OK)
        *held = xs_mset_size(m) > 0;
    xs_mset_free(m);
    xs_query_free(q);
    return rc;
}

/* What the runs of names of a clause spell (tx_initials.h) that a passage
 * of the index writes in capitals (CS_PREFIX_CAPITALS): of each token, the
 * longest such acronym whose stretch holds it; "" (as calloc'd) when
 * none. */
typedef struct spelled_runs {
    builder *b;
    const qtoks *toks;
    char (*acronym)[TX_INITIALS_MAX + 1]; /* one per token */
} spelled_runs;

static void on_query_run(void *ctx, const char *letters, size_t n, size_t start,
                         size_t end)
{
    spelled_runs *sr = ctx;
    if (tx_is_stopword(letters, n) || term_freq(sr->b->e, CS_PREFIX_CAPITALS, letters, n) == 0)
        return; /* (THE, AND in capitals: no acronym) */
    for (size_t i = 0; i < sr->toks->n; i++) {
        const qtok *t = &sr->toks->v[i];
        if (t->start >= start && t->end <= end && strlen(sr->acronym[i]) < n)
            memcpy(sr->acronym[i], letters, n + 1);
    }
}

static void find_spelled(builder *b, const char *text, const qtoks *toks,
                         char (*acronym)[TX_INITIALS_MAX + 1])
{
    spelled_runs sr = {.b = b, .toks = toks, .acronym = acronym};
    tx_initials runs;
    tx_initials_init(&runs, TX_INITIALS_MIN);
    for (size_t i = 0; i < toks->n; i++)
        tx_initials_feed(&runs, text, toks->v[i].term, toks->v[i].flags,
                         toks->v[i].start, toks->v[i].end, on_query_run, &sr);
    tx_initials_end(&runs, on_query_run, &sr);
}

/* Whether normalized word `term` is a preposition of place, or a verb of
 * going that a place follows (leave Tehran, visited Tirana), which makes
 * the name after it a place. */
static int place_preposition(const char *term)
{
    static const char *const words[] = {
        "across", "around",  "at",     "enter",  "entered", "fled",   "flee",
        "from",   "in",      "inside", "into",   "leave",   "leaves", "leaving",
        "left",   "near",    "outside", "reach", "reached", "to",     "toward",
        "towards", "via",    "visit",  "visited", "visiting", "visits", "within"};
    return QY_ONE_OF(term, words);
}

static cs_status add_words(builder *b, const qy_clause *c)
{
    qtoks toks;
    cs_status rc = analyze(b->e, c->text, &toks, b->msg);
    if (rc != CS_OK)
        return rc;
    /* Stop words need not match, unless there is nothing else. */
    int all_stop = 1;
    for (size_t i = 0; i < toks.n; i++)
        if (!(toks.v[i].flags & TX_STOP))
            all_stop = 0;

    qlist *dest = c->mod == QY_REQUIRED   ? &b->required
                  : c->mod == QY_EXCLUDED ? &b->excluded
                                          : &b->optional;
    qlist words = {0};
    const qtok *prev = NULL;
    size_t skip = SIZE_MAX; /* the joined form of a compound read as words */
    double *amounts = malloc((toks.n + 1) * sizeof *amounts);
    /* A name spelled out finds the passages that write its acronym too
     * (People's Mojahedin Organization of Iran: PMOI), in an optional
     * clause: a required one asks for the words. */
    char (*acronym)[TX_INITIALS_MAX + 1] = calloc(toks.n + 1, sizeof *acronym);
    if (!amounts || !acronym)
        rc = CS_NOMEM;
    else
        word_amounts(&toks, amounts);
    int shouting = shouted(c->text, &toks);
    if (rc == CS_OK && c->mod == QY_OPTIONAL && !shouting)
        find_spelled(b, c->text, &toks, acronym);
    for (size_t i = 0; i < toks.n && rc == CS_OK; i++) {
        const qtok *t = &toks.v[i];
        if (tx_is_negation(t->term, strlen(t->term)) || strcmp(t->stem, "deni") == 0 ||
            negating_verb(&toks, i))
            b->plan->negative = 1; /* not, never, didn't; deny, denied, denies;
                                    * refused to */
        if (i == skip)
            continue;
        /* (A compound's first part may be a stop word: the "under" of
         * Under-Secretary, which the passage's "Under Secretary" holds;
         * the compound below decides what becomes of it.) */
        if ((t->flags & TX_PART) && c->mod == QY_EXCLUDED) {
            /* -cyber-attack excludes the compound, written in any of
             * its ways, as -cyberattack does: not every passage that
             * says "attack" or "cyber". */
            size_t j = i;
            while (j < toks.n && (toks.v[j].flags & TX_PART))
                j++;
            if (j < toks.n && (toks.v[j].flags & TX_JOINED)) {
                char **parts = part_terms(&toks, i, j);
                if (!parts) {
                    rc = CS_NOMEM;
                    break;
                }
                xs_query *alt[2] = {qy_phrase_query(parts, j - i),
                                    word_query(b, c->mod, toks.v[j].stem)};
                qlist_add(&words, alt[0] && alt[1]
                                      ? xs_query_combine(XS_OP_OR, alt, 2, 0)
                                      : NULL);
                xs_query_free(alt[0]);
                xs_query_free(alt[1]);
                free(parts);
                i = j;
                prev = NULL;
                continue;
            }
        }
        int part = (t->flags & TX_PART) && c->mod != QY_EXCLUDED;
        if ((t->flags & TX_STOP) && !all_stop && !part) {
            prev = NULL;
            continue;
        }
        if (part) {
            /* A hyphenated word (T-Mobile, cyber-attack) is one word: its
             * parts as a phrase, or its joined spelling. */
            size_t j = i;
            while (j < toks.n && (toks.v[j].flags & TX_PART))
                j++;
            if (j < toks.n && (toks.v[j].flags & TX_JOINED)) {
                int held = 0;
                rc = compound_held(b, c, &toks, i, j, &held);
                if (rc != CS_OK)
                    break;
                if (held) {
                    rc = add_compound(b, c, &toks, i, j, acronym[i], &words);
                    i = j;
                    prev = NULL;
                    continue;
                }
                /* No passage writes it so (Mojahedin-e-Khalq, where the
                 * sources write Mujahideen-e-Khalq or People's Mojahedin):
                 * its parts are words of their own, found where they
                 * stand, and may be respelt, rather than nothing found.
                 * A part of one letter (the "e") says nothing alone and
                 * stands in every e-mail: it is left out, as a stop word
                 * is, beside a longer part. */
                size_t longest = 0;
                for (size_t k = i; k < j; k++)
                    if (strlen(toks.v[k].term) > longest)
                        longest = strlen(toks.v[k].term);
                for (size_t k = i; k < j; k++) {
                    toks.v[k].flags &= ~TX_PART;
                    if (longest > 1 && strlen(toks.v[k].term) == 1)
                        toks.v[k].flags |= TX_STOP;
                }
                skip = j;
                if ((t->flags & TX_STOP) && !all_stop) {
                    prev = NULL;
                    continue;
                }
            }
        }
        /* Written as an acronym is, in capitals (NCRI, TIMS), in a query
         * that is not in capitals throughout. */
        int capitals = !shouting && !(t->flags & (TX_PART | TX_JOINED)) &&
                       tx_acronym_written(c->text + t->start, t->end - t->start, 2,
                                          TX_INITIALS_MAX);
        /* An acronym in capitals is a name, not a word to stem: TIMS
         * is no plural of Tim.  It is searched as written. */
        int exact = capitals && strcmp(t->term, t->stem) != 0;
        xs_query *q = exact ? prefixed_term(CS_PREFIX_WORD, t->term)
                            : word_query(b, c->mod, t->stem);
        size_t split = q ? best_split(b->e, t) : 0;
        char *split_head = NULL, *split_tail = NULL;
        if (split) {
            char *parts[2] = {strndup(t->term, split), strdup(t->term + split)};
            xs_query *ph = parts[0] && parts[1] ? qy_phrase_query(parts, 2) : NULL;
            xs_query *alt[2] = {q, ph};
            xs_query *both = ph ? xs_query_combine(XS_OP_OR, alt, 2, 0) : NULL;
            xs_query_free(q);
            xs_query_free(ph);
            if (ph && c->mod != QY_EXCLUDED)
                rc = remember_spelling(b->plan, parts, 2);
            if (rc == CS_OK && ph && c->mod != QY_EXCLUDED)
                rc = split_parts(b, parts, &split_head, &split_tail);
            free(parts[0]);
            free(parts[1]);
            q = both;
        }
        /* An acronym in capitals (NCRI, MEK) finds the passages whose
         * names spell it out too (the National Council for Resistance in
         * Iran: tx_initials.h), as much as the ones that write it. */
        int initials = 0;
        size_t tlen = strlen(t->term);
        if (q && c->mod != QY_EXCLUDED && capitals && tlen >= TX_INITIALS_MIN &&
            term_freq(b->e, CS_PREFIX_INITIALS, t->term, tlen) > 0) {
            /* Only where the passage does not write it: a passage that
             * spells it out once and writes it after ("Mujahideen-e-Khalq,
             * or MEK") says it no more than one that writes it. */
            xs_query *spelled[2] = {prefixed_term(CS_PREFIX_INITIALS, t->term), q};
            xs_query *only = spelled[0] ? xs_query_combine(XS_OP_AND_NOT, spelled, 2, 0)
                                        : NULL;
            xs_query *alt[2] = {q, only};
            xs_query *either = only ? xs_query_combine(XS_OP_OR, alt, 2, 0) : NULL;
            xs_query_free(spelled[0]);
            xs_query_free(only);
            xs_query_free(q);
            q = either;
            initials = q != NULL;
        }
        /* A word no passage holds: the spellings the index has of it
         * (Mujahedin finds Mojahedin), in its stead. */
        qy_strv alts = {0};
        if (q && !initials && c->mod != QY_EXCLUDED && respellable(b, t) &&
            word_freq(b->e, t->term, strlen(t->term)) == 0 &&
            qy_stem_freq(b->e, t->stem) == 0)
            rc = respell(b, c->mod, t, &q, &alts);
        qlist_add(&words, q);
        int joined_found = 0;
        char joined[2 * 64 + 1] = "";
        /* Two adjacent words that the index also has joined: "cyber
         * attack" finds "cyberattack"; and, after a word of three letters
         * at most (a stop word ends no pair), joined by an apostrophe: "Et
         * hemaj" finds Et'hemaj, "O Brien" O'Brien, "Qur an" Qur'an (the
         * analyzer writes apostrophes as '). */
        if (prev && !(t->flags & (TX_JOINED | TX_PART)) &&
            !(prev->flags & (TX_JOINED | TX_PART)) && t->pos == prev->pos + 1) {
            int n = snprintf(joined, sizeof joined, "%s%s", prev->term, t->term);
            joined_found = n > 0 && (size_t)n < sizeof joined &&
                           word_freq(b->e, joined, (size_t)n) > 0;
            if (!joined_found && strlen(prev->term) <= 3) {
                n = snprintf(joined, sizeof joined, "%s'%s", prev->term, t->term);
                joined_found = n > 0 && (size_t)n < sizeof joined &&
                               word_freq(b->e, joined, (size_t)n) > 0;
            }
            if (joined_found) {
                qlist_add(&words, prefixed_term(CS_PREFIX_WORD, joined));
                char *one[1] = {joined};
                if (c->mod != QY_EXCLUDED)
                    rc = remember_spelling(b->plan, one, 1);
            }
        }
        if (rc == CS_OK && c->mod != QY_EXCLUDED) {
            if (exact) {
                char *one[1] = {t->term};
                rc = remember_spelling(b->plan, one, 1);
            } else {
                rc = remember_stem(b->plan, t->stem);
                if (t->flags & TX_STOP)
                    b->plan->stop_stems = 1;
            }
            if (rc == CS_OK)
                rc = add_plan_word(b->plan, c->text + t->start, t->end - t->start,
                                   t->term, t->stem);
            if (rc == CS_OK && (t->flags & TX_NUMBER))
                b->plan->words[b->plan->nwords - 1].sign_currency =
                    tx_currency_by(c->text, strlen(c->text), t->start, t->end);
            if (rc == CS_OK && i > 0)
                b->plan->words[b->plan->nwords - 1].placed =
                    place_preposition(toks.v[i - 1].term);
            if (rc == CS_OK && amounts[i] >= 0) {
                b->plan->words[b->plan->nwords - 1].has_amount = 1;
                b->plan->words[b->plan->nwords - 1].amount = amounts[i];
            }
            if (rc == CS_OK)
                rc = set_figure(b->plan, &toks, amounts, i, c->text);
            if (rc == CS_OK)
                rc = set_share(b->plan, &toks, i, c->text);
            if (rc == CS_OK) {
                qy_word *w = &b->plan->words[b->plan->nwords - 1];
                w->initials = initials;
                w->exact = exact;
                if (acronym[i][0] && !(w->acronym = strdup(acronym[i])))
                    rc = CS_NOMEM;
                w->alts = alts;
                memset(&alts, 0, sizeof alts);
                w->split_head = split_head;
                w->split_tail = split_tail;
                split_head = split_tail = NULL;
                /* (A number in words is no name for its capital at a
                 * claim's start: "Two million people" is not held by the
                 * paragraph before's "2 hours" as a speaker's name is.) */
                if (written_as_name(b, t) && !qy_is_date_word(t->term) && !w->number &&
                    !w->has_amount && !(w->name = strdup(t->term)))
                    rc = CS_NOMEM;
                qy_word_place(w);
            }
        }
        qy_strv_clear(&alts);
        free(split_head);
        free(split_tail);
        if (rc == CS_OK && joined_found && c->mod != QY_EXCLUDED &&
            b->plan->nwords >= 2) {
            /* Both words are supported by the joined form, which a
             * passage's words are compared with by its stem ("cyber
             * attacks" by "cyberattacks", stem cyberattack). */
            char *stem;
            rc = word_stem(b, joined, &stem);
            const char *jstem = stem ? stem : joined;
            for (size_t k = b->plan->nwords - 2; rc == CS_OK && k < b->plan->nwords; k++)
                if (!b->plan->words[k].joined_stem &&
                    !(b->plan->words[k].joined_stem = strdup(jstem)))
                    rc = CS_NOMEM;
            free(stem);
        }
        prev = (t->flags & TX_JOINED) ? NULL : t;
    }
    /* Each acronym once, as the word it is written as (not its stem: an
     * acronym is matched as written), where the passage does not name it
     * by the rarest of the names that spell it: one that writes both
     * ("the People's Mojahedin Organization of Iran (PMOI)") names it no
     * more than one that spells it out. */
    for (size_t i = 0; rc == CS_OK && i < toks.n; i++) {
        if (!acronym[i][0] || (i > 0 && strcmp(acronym[i], acronym[i - 1]) == 0))
            continue;
        const char *rarest = NULL;
        unsigned fewest = 0;
        for (size_t k = i; k < toks.n && strcmp(acronym[k], acronym[i]) == 0; k++) {
            const qtok *t = &toks.v[k];
            unsigned freq = (t->flags & (TX_STOP | TX_JOINED)) ? 0 : qy_stem_freq(b->e, t->stem);
            if (freq > 0 && (!rarest || freq < fewest)) {
                rarest = t->stem;
                fewest = freq;
            }
        }
        xs_query *sub[2] = {prefixed_term(CS_PREFIX_WORD, acronym[i]),
                            rarest ? prefixed_term(CS_PREFIX_STEM, rarest) : NULL};
        qlist_add(&words, sub[0] && sub[1] ? xs_query_combine(XS_OP_AND_NOT, sub, 2, 0)
                                           : sub[0]);
        if (sub[1]) {
            xs_query_free(sub[0]);
            xs_query_free(sub[1]);
        }
    }
    free(acronym);
    if (words.nomem)
        rc = CS_NOMEM;
    if (rc == CS_OK) {
        /* Each word is its own subquery: all required in a +clause, any
         * excluded in a -clause. */
        for (size_t i = 0; i < words.n; i++)
            qlist_add(dest, words.v[i]);
        words.n = 0;
    }
    qlist_clear(&words);
    qtoks_clear(&toks);
    free(amounts);
    return rc;
}

/* One slot of a phrase: the spellings one word (or compound) may take. */
typedef struct slot {
    qy_strv alt[2];
    size_t nalt;
    size_t start, end; /* bytes of the clause text it was written as */
} slot;

/* Non-zero when text[from, to) holds an ellipsis ("...", ". . .", "…"):
 * the quotation leaves words out there. */
static int elided(const char *text, size_t from, size_t to)
{
    static const char *const marks[] = {"...", ". . .", "\xE2\x80\xA6"};
    for (size_t i = from; i < to; i++)
        for (size_t m = 0; m < sizeof marks / sizeof *marks; m++) {
            size_t n = strlen(marks[m]);
            if (i + n <= to && memcmp(text + i, marks[m], n) == 0)
                return 1;
        }
    return 0;
}

static int cmp_strp(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Whether the phrase of the words `v` has a word more times than any
 * passage holds it (xs_db_wdf_reaches): it matches no passage then.
 * Xapian would take the phrase's length times the passages that hold its
 * words to find that out ("the the the ..." of 200 words, 0.5 s over
 * 40,000 passages; a word repeats in no passage as often).  Not known
 * when out of memory: 0. */
static int repeats_beyond_passages(xs_db *db, const qy_strv *v)
{
    if (v->n < 2)
        return 0;
    char **sorted = malloc(v->n * sizeof *sorted);
    if (!sorted)
        return 0;
    memcpy(sorted, v->v, v->n * sizeof *sorted);
    qsort(sorted, v->n, sizeof *sorted, cmp_strp);
    int beyond = 0;
    for (size_t i = 0, j; i < v->n && !beyond; i = j) {
        for (j = i + 1; j < v->n && strcmp(sorted[j], sorted[i]) == 0;)
            j++;
        char buf[CS_MAX_TERM + 8];
        int n = snprintf(buf, sizeof buf, "%s%s", CS_PREFIX_WORD, sorted[i]);
        beyond = j - i > 1 && n > 0 && (size_t)n < sizeof buf &&
                 !xs_db_wdf_reaches(db, buf, (size_t)n, (unsigned)(j - i));
    }
    free(sorted);
    return beyond;
}

/* The phrase of slots [from, to): every combination of their spellings
 * (capped) in `pp`, and the query matching any of them in *out. */
/* A phrase of more words than `max_words` (the index's longest passage,
 * xs_db_doclength_upper_bound) matches no passage: its query is one that
 * matches nothing, which Xapian answers without opening a posting list
 * per word (a pasted article's quotation of 4,000 words took 1 GB and a
 * second so), and so is one that has a word more times than any passage
 * holds it (repeats_beyond_passages).  Its variants stay in the plan, for
 * the highlights. */
static cs_status phrase_of_slots(xs_db *db, const slot *slots, size_t from,
                                 size_t to, uint64_t max_words,
                                 qy_phrase_plan *pp, xs_query **out)
{
    *out = NULL;
    size_t total = 1;
    for (size_t i = from; i < to; i++)
        total = total * slots[i].nalt > MAX_VARIANTS ? MAX_VARIANTS
                                                     : total * slots[i].nalt;
    pp->variants = calloc(total, sizeof *pp->variants);
    if (!pp->variants)
        return CS_NOMEM;
    cs_status rc = CS_OK;
    for (size_t v = 0; rc == CS_OK && v < total; v++) {
        size_t code = v;
        for (size_t i = from; i < to && rc == CS_OK; i++) {
            size_t pick = slots[i].nalt > 1 ? code % slots[i].nalt : 0;
            code /= slots[i].nalt;
            for (size_t k = 0; k < slots[i].alt[pick].n && rc == CS_OK; k++)
                rc = qy_strv_add(&pp->variants[v], slots[i].alt[pick].v[k],
                                 strlen(slots[i].alt[pick].v[k]));
        }
        pp->nvariants++;
    }
    qlist alts = {0};
    for (size_t v = 0; rc == CS_OK && v < pp->nvariants; v++)
        qlist_add(&alts, pp->variants[v].n > max_words ||
                                 repeats_beyond_passages(db, &pp->variants[v])
                             ? xs_query_match_nothing()
                             : qy_phrase_query(pp->variants[v].v, pp->variants[v].n));
    if (alts.nomem)
        rc = CS_NOMEM;
    if (rc == CS_OK)
        *out = qlist_take(&alts, XS_OP_OR);
    qlist_clear(&alts);
    return rc;
}

static void phrase_plan_clear(qy_phrase_plan *pp)
{
    for (size_t v = 0; v < pp->nvariants; v++)
        qy_strv_clear(&pp->variants[v]);
    free(pp->variants);
    pp->variants = NULL;
    pp->nvariants = 0;
}

/* Pairs of words a loose quotation query asks for at most: a long
 * quotation's words alone tell its passage apart, and each pair is a
 * phrase to check (a 60-word quote took twice as long with all 59). */
#define QY_MAX_WORD_PAIRS 16

/* Adds pairs of adjacent words of `toks` as phrases to `l`, but for pairs
 * of stop words ("of the"): they are in too many passages to tell any
 * apart, and checking their positions would cost more than the rest of
 * the query.  Of more than QY_MAX_WORD_PAIRS pairs, every k-th, so they
 * spread over the quotation. */
static cs_status add_word_pairs(qlist *l, const qtoks *toks)
{
    size_t pairs = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t step = (pairs + QY_MAX_WORD_PAIRS - 1) / QY_MAX_WORD_PAIRS, k = 0;
        const qtok *prev = NULL;
        for (size_t i = 0; i < toks->n; i++) {
            const qtok *t = &toks->v[i];
            if (t->flags & TX_JOINED)
                continue;
            if (prev && !(prev->flags & t->flags & TX_STOP)) {
                if (pass == 0) {
                    pairs++;
                } else if (k++ % step == 0) {
                    char *two[2] = {prev->term, t->term};
                    qlist_add(l, qy_phrase_query(two, 2));
                }
            }
            prev = t;
        }
        if (pairs == 0)
            break;
    }
    return l->nomem ? CS_NOMEM : CS_OK;
}

/* Whether toks[i] and toks[i + 1] are two plain adjacent words of a
 * phrase (no stop word, number or compound part) that the index also
 * holds written as one word ("cyber attack": cyberattack). */
static int phrase_pair_joined(builder *b, const qtoks *toks, size_t i)
{
    if (i + 1 >= toks->n)
        return 0;
    const qtok *t = &toks->v[i], *u = &toks->v[i + 1];
    unsigned no = TX_JOINED | TX_PART | TX_STOP | TX_NUMBER | TX_IDEO;
    if ((t->flags & no) || (u->flags & no) || u->pos != t->pos + 1)
        return 0;
    char joined[2 * 64 + 1];
    int n = snprintf(joined, sizeof joined, "%s%s", t->term, u->term);
    return n > 0 && (size_t)n < sizeof joined &&
           word_freq(b->e, joined, (size_t)n) > 0;
}


/* A path as the index stores it: "corp//news/./a" is "corp/news/a",
 * as the file system reads it (a path filter typed so found nothing). */
static void squeeze_path(char *p)
{
    char *w = p;
    for (const char *r = p; *r;) {
        if (*r == '/' && w > p && w[-1] == '/') {
            r++;
        } else if (r[0] == '.' && r[1] == '/' && (r == p || r[-1] == '/')) {
            r += 2;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/*
 * A phrase, or a quotation: its words in order, each in any of its
 * spellings.  An ellipsis in it ("we will respond ... at a time of our
 * choosing") leaves words out: each part between ellipses is a phrase of
 * its own, and the passage must hold them all.
 */
static cs_status add_phrase(builder *b, const qy_clause *c)
{
    qtoks toks;
    cs_status rc = analyze(b->e, c->text, &toks, b->msg);
    if (rc != CS_OK)
        return rc;
    slot *slots = calloc(toks.n + 1, sizeof *slots);
    size_t nslots = 0;
    if (!slots)
        rc = CS_NOMEM;
    for (size_t i = 0; rc == CS_OK && i < toks.n; i++) {
        const qtok *t = &toks.v[i];
        slot *s = &slots[nslots];
        s->start = t->start;
        if (t->flags & TX_PART) {
            /* Parts up to the joined token: [parts...] or [joined]. */
            size_t j = i;
            while (j < toks.n && (toks.v[j].flags & TX_PART))
                rc = qy_strv_add(&s->alt[0], toks.v[j].term, strlen(toks.v[j].term)), j++;
            s->nalt = 1;
            s->end = toks.v[j - 1].end;
            if (j < toks.n && (toks.v[j].flags & TX_JOINED)) {
                rc = qy_strv_add(&s->alt[1], toks.v[j].term, strlen(toks.v[j].term));
                s->nalt = 2;
                j++;
            }
            i = j - 1;
        } else if (t->flags & TX_JOINED) {
            continue;
        } else if (phrase_pair_joined(b, &toks, i)) {
            /* Two words the index also has joined: "cyber attack" finds
             * "cyberattack" as well, as the words of a claim do. */
            const qtok *u = &toks.v[i + 1];
            rc = qy_strv_add(&s->alt[0], t->term, strlen(t->term));
            if (rc == CS_OK)
                rc = qy_strv_add(&s->alt[0], u->term, strlen(u->term));
            if (rc == CS_OK) {
                size_t n = strlen(t->term), m = strlen(u->term);
                char *j = malloc(n + m + 1);
                if (!j) {
                    rc = CS_NOMEM;
                } else {
                    memcpy(j, t->term, n);
                    memcpy(j + n, u->term, m + 1);
                    rc = qy_strv_add(&s->alt[1], j, n + m);
                    free(j);
                }
            }
            s->nalt = 2;
            s->end = u->end;
            i++;
        } else {
            s->end = t->end;
            rc = qy_strv_add(&s->alt[0], t->term, strlen(t->term));
            s->nalt = 1;
            size_t split = rc == CS_OK ? best_split(b->e, t) : 0;
            if (split) {
                rc = qy_strv_add(&s->alt[1], t->term, split);
                if (rc == CS_OK)
                    rc = qy_strv_add(&s->alt[1], t->term + split,
                                     strlen(t->term) - split);
                s->nalt = 2;
            } else if (rc == CS_OK && tx_acronym_written(c->text + t->start, t->end - t->start, 2, 5)) {
                /* US is also U.S., its letters with points (tx_analyze.c
                 * reads those as words, and their joined form). */
                for (size_t k = 0; rc == CS_OK && k < strlen(t->term); k++)
                    rc = qy_strv_add(&s->alt[1], t->term + k, 1);
                s->nalt = 2;
            }
        }
        nslots++;
    }

    /* Each part between ellipses: its phrase plan (for the highlights and
     * the match kind) and its query; the clause asks for all parts. */
    qlist parts = {0};
    uint64_t max_words = xs_db_doclength_upper_bound(qy_engine_db(b->e));
    for (size_t from = 0; rc == CS_OK && from < nslots;) {
        size_t to = from + 1;
        while (to < nslots &&
               !elided(c->text, slots[to - 1].end, slots[to].start))
            to++;
        qy_phrase_plan pp = {.mod = c->mod};
        xs_query *q = NULL;
        rc = phrase_of_slots(qy_engine_db(b->e), slots, from, to, max_words, &pp, &q);
        if (rc == CS_OK && q)
            qlist_add(&parts, q);
        if (rc == CS_OK && pp.nvariants > 0) {
            qy_phrase_plan *ps = realloc(b->plan->phrases,
                                         (b->plan->nphrases + 1) * sizeof *ps);
            if (!ps) {
                rc = CS_NOMEM;
            } else {
                b->plan->phrases = ps;
                ps[b->plan->nphrases++] = pp;
                pp.variants = NULL;
                pp.nvariants = 0;
            }
        }
        phrase_plan_clear(&pp);
        from = to;
    }
    if (parts.nomem)
        rc = CS_NOMEM;
    if (rc == CS_OK && parts.n > 0) {
        qlist *dest = c->mod == QY_REQUIRED   ? &b->required
                      : c->mod == QY_EXCLUDED ? &b->excluded
                                              : &b->optional;
        qlist_add(dest, qlist_take(&parts, XS_OP_AND));
    }
    qlist_clear(&parts);
    for (size_t i = 0; slots && i < toks.n + 1; i++) {
        qy_strv_clear(&slots[i].alt[0]);
        qy_strv_clear(&slots[i].alt[1]);
    }
    free(slots);

    /* Quote mode: the words of the quotation as a claim, for when no
     * verbatim match exists, and as a sequence to align passages with. */
    qy_plan *p = b->plan;
    if (rc == CS_OK && p->quote) {
        unsigned *cv = realloc(p->quote_compound,
                               (p->quote_terms.n + toks.n + 1) * sizeof *cv);
        if (cv)
            p->quote_compound = cv;
        uint32_t *cur = cv ? realloc(p->quote_currency,
                                     (p->quote_terms.n + toks.n + 1) * sizeof *cur)
                           : NULL;
        if (cur)
            p->quote_currency = cur;
        if (!cv || !cur)
            rc = CS_NOMEM;
    }
    unsigned compound = 0; /* compounds passed: a joined form ends one */
    for (size_t i = 0; rc == CS_OK && p->quote && i < toks.n; i++) {
        const qtok *t = &toks.v[i];
        if (t->flags & TX_JOINED) {
            compound++;
            continue;
        }
        p->quote_compound[p->quote_terms.n] =
            (t->flags & TX_PART) ? compound + 1 : 0;
        p->quote_currency[p->quote_terms.n] =
            (t->flags & TX_NUMBER)
                ? tx_currency_by(c->text, strlen(c->text), t->start, t->end)
                : 0;
        rc = qy_strv_add(&b->plan->quote_terms, t->term, strlen(t->term));
        if (rc == CS_OK)
            rc = qy_strv_add(&b->plan->quote_stems, t->stem, strlen(t->stem));
        if (rc == CS_OK)
            rc = qy_strv_add(&b->plan->quote_texts, c->text + t->start,
                             t->end - t->start);
    }
    if (rc == CS_OK && b->plan->quote) {
        /* Its words as a claim, and each pair of adjacent words as a
         * phrase: a misremembered quotation keeps most of its pairs, so
         * the passage it comes from shares them even when its words are
         * common ones ("more Americans afford we will" for "more Americans
         * afford coverage, we will"). */
        builder loose = {.e = b->e, .plan = b->plan, .msg = b->msg};
        qy_clause words = {.kind = QY_WORDS, .mod = QY_OPTIONAL, .text = c->text};
        rc = add_words(&loose, &words);
        if (rc == CS_OK && loose.optional.nomem)
            rc = CS_NOMEM;
        if (rc == CS_OK)
            rc = add_word_pairs(&loose.optional, &toks);
        qlist_move(&loose.optional, &loose.titles);
        b->plan->loose = qlist_take(&loose.optional, XS_OP_OR);
        qlist_clear(&loose.optional);
        qlist_clear(&loose.titles);
    }
    qtoks_clear(&toks);
    return rc;
}

static cs_status add_filter(builder *b, const qy_clause *c)
{
    xs_query *q = NULL;
    const char *f = c->field;
    if (strcmp(f, "date") == 0) {
        qy_date_span spans[QY_DATE_SPANS];
        size_t n;
        cs_status rc = qy_date_filter(c->text, spans, &n, b->msg);
        if (rc != CS_OK)
            return rc;
        qlist any = {0};
        for (size_t i = 0; i < n; i++)
            qlist_add(&any, xs_query_value_range(CS_SLOT_DATE,
                                                 *spans[i].lo ? spans[i].lo : NULL,
                                                 *spans[i].hi ? spans[i].hi : NULL));
        q = any.nomem ? NULL : qlist_take(&any, XS_OP_OR);
        qlist_clear(&any);
    } else if (strcmp(f, "path") == 0) {
        const char *v = c->text;
        while (strncmp(v, "./", 2) == 0)
            v += 2;
        char buf[CS_MAX_TERM + 8];
        snprintf(buf, sizeof buf, "%s%s", CS_PREFIX_PATH, v);
        squeeze_path(buf + strlen(CS_PREFIX_PATH));
        q = xs_query_prefix(buf);
    } else {
        const char *prefix = strcmp(f, "title") == 0    ? CS_PREFIX_TITLE_STEM
                             : strcmp(f, "source") == 0 ? CS_PREFIX_SOURCE_WORD
                             : strcmp(f, "to") == 0     ? CS_PREFIX_RECIPIENT_WORD
                                                        : CS_PREFIX_LANG;
        if (strcmp(f, "lang") == 0) {
            char *norm = NULL;
            size_t n = 0;
            cs_status rc = tx_normalize(qy_engine_analyzer(b->e), c->text,
                                        strlen(c->text), &norm, &n, b->msg);
            if (rc != CS_OK)
                return rc;
            q = prefixed_term(prefix, norm);
            free(norm);
        } else {
            /* Every word of the value must be in the field; titles are
             * indexed by their stems only (schema.h). */
            int stems = strcmp(f, "title") == 0;
            qtoks toks;
            cs_status rc = analyze(b->e, c->text, &toks, b->msg);
            if (rc != CS_OK)
                return rc;
            qlist all = {0};
            for (size_t i = 0; i < toks.n; i++)
                if (!(toks.v[i].flags & TX_JOINED))
                    qlist_add(&all, prefixed_term(prefix, stems ? toks.v[i].stem
                                                                : toks.v[i].term));
            q = all.n ? qlist_take(&all, XS_OP_AND) : xs_query_match_nothing();
            qlist_clear(&all);
            qtoks_clear(&toks);
        }
    }
    if (!q)
        return CS_NOMEM;
    qlist_add(c->mod == QY_EXCLUDED ? &b->excluded : &b->filters, q);
    return CS_OK;
}

/* Fills p->words_by_text and p->names_by_text from p->words. */
static cs_status map_words(qy_plan *p)
{
    cs_status rc = CS_OK;
    for (size_t w = 0; rc == CS_OK && w < p->nwords; w++) {
        const qy_word *qw = &p->words[w];
        rc = qy_wordmap_add(&p->words_by_text, qw->text, w);
        if (rc == CS_OK && qw->name && qy_word_capital(qw))
            rc = qy_wordmap_add(&p->names_by_text, qw->text, w);
    }
    qy_wordmap_sort(&p->words_by_text);
    qy_wordmap_sort(&p->names_by_text);
    return rc;
}

/* Narrows *scope (NULL: every passage) by `q` with `op`: XS_OP_FILTER to
 * what q matches, XS_OP_AND_NOT leaving out what it matches.  CS_NOMEM
 * when out of memory (*scope then NULL). */
static cs_status narrow_scope(xs_query **scope, xs_op op, xs_query *q)
{
    xs_query *from = *scope ? *scope : xs_query_match_all();
    xs_query *two[2] = {from, q};
    *scope = from ? xs_query_combine(op, two, 2, 0) : NULL;
    xs_query_free(from);
    return *scope ? CS_OK : CS_NOMEM;
}

cs_status qy_plan_build(qy_engine *e, const qy_parsed *parsed, qy_plan *out,
                        char **msg)
{
    memset(out, 0, sizeof *out);
    out->quote = parsed->quote;
    builder b = {.e = e, .plan = out, .uncased = 1, .msg = msg};
    for (size_t i = 0; i < parsed->n; i++) {
        const qy_clause *c = &parsed->items[i];
        if ((c->kind == QY_WORDS || c->kind == QY_PHRASE) &&
            tx_has_capital(c->text, strlen(c->text)))
            b.uncased = 0;
    }
    cs_status rc = CS_OK;
    /* Words beside a quotation: the plan's first words, ranked by, not
     * searched for (the quotation is). */
    builder context = {.e = e, .plan = out, .uncased = b.uncased, .msg = msg};
    for (size_t i = 0; i < parsed->n && rc == CS_OK && parsed->context; i++)
        if (parsed->items[i].kind == QY_WORDS)
            rc = add_words(&context, &parsed->items[i]);
    out->ncontext = out->nwords;
    qlist_move(&context.optional, &context.titles);
    xs_query *beside = rc == CS_OK ? qlist_take(&context.optional, XS_OP_OR) : NULL;
    if (context.optional.nomem)
        rc = CS_NOMEM;
    qlist_clear(&context.optional);
    qlist_clear(&context.titles);
    for (size_t i = 0; i < parsed->n && rc == CS_OK; i++) {
        const qy_clause *c = &parsed->items[i];
        switch (c->kind) {
        case QY_WORDS:
            if (!parsed->context)
                rc = add_words(&b, c);
            break;
        case QY_PHRASE:
            rc = add_phrase(&b, c);
            break;
        case QY_FILTER:
            rc = add_filter(&b, c);
            break;
        }
    }
    out->claim = !out->quote && out->nphrases == 0 && out->nwords >= 2;
    if (!out->claim)
        qlist_move(&b.optional, &b.titles);
    if (rc == CS_OK && b.optional.n + b.required.n + b.excluded.n +
                               b.filters.n == 0)
        rc = cs_fail(msg, CS_BAD_INPUT, "empty query: no word to search for");
    if (rc == CS_OK && (b.optional.nomem || b.required.nomem ||
                        b.excluded.nomem || b.filters.nomem || b.titles.nomem))
        rc = CS_NOMEM;

    if (rc == CS_OK) {
        xs_query *base = qlist_take(&b.optional, XS_OP_OR);
        xs_query *req = qlist_take(&b.required, XS_OP_AND);
        if (req && base) {
            xs_query *two[2] = {req, base};
            xs_query *q = xs_query_combine(XS_OP_AND_MAYBE, two, 2, 0);
            xs_query_free(req);
            xs_query_free(base);
            base = q;
        } else if (req) {
            base = req;
        }
        if (!base)
            base = xs_query_match_all();
        /* The quotation, and the words beside it as ranking only. */
        for (int loose = 0; beside && loose < 2; loose++) {
            xs_query **q = loose ? &out->loose : &base;
            if (!*q)
                continue;
            xs_query *two[2] = {*q, beside};
            xs_query *both = xs_query_combine(XS_OP_AND_MAYBE, two, 2, 0);
            xs_query_free(*q);
            *q = both;
        }
        xs_query *excl = qlist_take(&b.excluded, XS_OP_OR);
        if (excl && base) {
            xs_query *two[2] = {base, excl};
            xs_query *q = xs_query_combine(XS_OP_AND_NOT, two, 2, 0);
            xs_query_free(base);
            base = q;
        }
        /* The loose quote query leaves out what the query does: a
         * quotation with -path:drafts/ is one still (qy_parse), and its
         * near matches are not taken from the drafts. */
        if (excl && out->loose) {
            xs_query *lt[2] = {out->loose, excl};
            xs_query *lq = xs_query_combine(XS_OP_AND_NOT, lt, 2, 0);
            xs_query_free(out->loose);
            out->loose = lq;
            if (!lq)
                rc = CS_NOMEM;
        }
        if (excl && out->quote && rc == CS_OK)
            rc = narrow_scope(&out->scope, XS_OP_AND_NOT, excl);
        xs_query_free(excl);
        xs_query *filt = qlist_take(&b.filters, XS_OP_AND);
        if (filt && base) {
            xs_query *two[2] = {base, filt};
            xs_query *q = xs_query_combine(XS_OP_FILTER, two, 2, 0);
            xs_query_free(base);
            base = q;
            /* The loose quote query obeys the same filters. */
            if (out->loose) {
                xs_query *lt[2] = {out->loose, filt};
                xs_query *lq = xs_query_combine(XS_OP_FILTER, lt, 2, 0);
                xs_query_free(out->loose);
                out->loose = lq;
            }
        }
        if (filt && out->quote && rc == CS_OK)
            rc = narrow_scope(&out->scope, XS_OP_FILTER, filt);
        xs_query_free(filt);
        out->query = base;
        if (!base)
            rc = CS_NOMEM;
    }
    if (rc == CS_OK)
        rc = map_words(out);
    xs_query_free(beside);
    qlist_clear(&b.optional);
    qlist_clear(&b.required);
    qlist_clear(&b.excluded);
    qlist_clear(&b.filters);
    qlist_clear(&b.titles);
    if (rc != CS_OK)
        qy_plan_clear(out);
    return rc;
}

void qy_plan_clear(qy_plan *p)
{
    xs_query_free(p->query);
    xs_query_free(p->loose);
    xs_query_free(p->scope);
    qy_strv_clear(&p->stems);
    qy_strv_clear(&p->quote_terms);
    qy_strv_clear(&p->quote_stems);
    qy_strv_clear(&p->quote_texts);
    free(p->quote_compound);
    free(p->quote_currency);
    free(p->quote_unknown);
    for (size_t i = 0; i < p->nphrases; i++)
        phrase_plan_clear(&p->phrases[i]);
    free(p->phrases);
    for (size_t i = 0; i < p->nspellings; i++)
        qy_strv_clear(&p->spellings[i]);
    free(p->spellings);
    for (size_t i = 0; i < p->nwords; i++) {
        free(p->words[i].text);
        free(p->words[i].term);
        free(p->words[i].stem);
        free(p->words[i].joined_stem);
        free(p->words[i].acronym);
        free(p->words[i].split_head);
        free(p->words[i].split_tail);
        free(p->words[i].name);
        free(p->words[i].figure_text);
        free(p->words[i].figure_of);
        qy_strv_clear(&p->words[i].alts);
    }
    free(p->words);
    qy_wordmap_clear(&p->words_by_text);
    qy_wordmap_clear(&p->names_by_text);
    memset(p, 0, sizeof *p);
}
