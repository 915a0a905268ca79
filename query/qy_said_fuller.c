/* qy_said_fuller.c - the name a short said_by stands for: a title and a
 * surname's full name, or a surname's alone, a description's name, as a
 * passage before gives it (see qy_said.h: qy_said_short, qy_said_fuller). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qy_readable.h"
#include "qy_said.h"
#include "qy_said_text.h"
#include "tx.h"

/* Titles that say a woman or a man, which a full name must not
 * contradict (Mr. Bush is not First Lady Laura Bush). */
static const char *const womens[] = {"frau", "lady", "madam", "miss", "mrs", "ms"};
static const char *const mens[] = {"herr", "lord", "massa", "master", "mister", "mr", "sir"};
/* Ranks before a name, which a full name leaves out as it does a title
 * (Colonel Mark Tillman: Mark Tillman). */
static const char *const ranks[] = {"admiral", "captain", "colonel", "corporal", "lieutenant",
                                    "major", "private", "sergeant"};

/* The first word of a name, in small ASCII letters and without its
 * points, into title[16]: its title, if it has one (Dr. Chamie: dr). */
static void title_of(const char *name, char *title)
{
    size_t n = 0;
    for (const char *p = name; *p && *p != ' ' && n + 1 < 16; p++)
        if (*p != '.')
            title[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
    title[n] = '\0';
}

/* The noun of a description of a body of people (the company, the health
 * organization: "the", maybe a word, a noun of bodies in small letters)
 * into noun[16]: 1; 0 for any other name. */
static int description_of(const char *name, char *noun)
{
    const char *last = strrchr(name, ' ');
    if (!last || strncasecmp(name, "the ", 4) != 0 || strlen(last + 1) >= 16)
        return 0;
    const char *second = strchr(name + 4, ' ');
    if (second && second != last)
        return 0;
    for (const char *p = last + 1; *p; p++)
        if (*p < 'a' || *p > 'z')
            return 0;
    strcpy(noun, last + 1);
    return qy_name_body(noun);
}

/* Whether a said_by name is one word that may be a surname (Rama,
 * Safavi, Lao-tzu): a capital and small letters, no point; not a title,
 * an abbreviation, a month, an article or a word that names no one.  An
 * acronym (AKCESK, IBM) is a body's whole name already. */
static int surname_alone(const char *name)
{
    size_t n = strlen(name);
    if (n < 2 || n >= 16 || name[0] < 'A' || name[0] > 'Z' || strpbrk(name, ". "))
        return 0;
    int small = 0;
    for (const char *p = name; *p; p++)
        small |= *p >= 'a' && *p <= 'z';
    char word[16];
    title_of(name, word);
    return small && !qy_name_title(word) && !qy_name_abbreviation(word) &&
           !QY_ONE_OF(word, womens) && !QY_ONE_OF(word, mens) && !qy_name_date(word) &&
           !qy_name_no_one(word) && !qy_name_article(word);
}

/* What a said_by name is (qy_said_short's 1, 2, 3 or 0), its title into
 * title[16] (kind 1; kind 3's is empty) or its noun into noun[16] (kind
 * 2). */
static int short_kind(const char *name, char *title, char *noun)
{
    if (description_of(name, noun))
        return 2;
    if (surname_alone(name)) {
        title[0] = '\0';
        return 3;
    }
    const char *space = strchr(name, ' ');
    if (!space || strchr(space + 1, ' ') || space - name > 15)
        return 0;
    title_of(name, title);
    return qy_name_title(title) || qy_name_abbreviation(title) || QY_ONE_OF(title, womens) ||
           QY_ONE_OF(title, mens);
}

int qy_said_short(const char *name)
{
    char title[16], noun[16];
    return short_kind(name, title, noun);
}

/* Whether word k of the text spells `word` (ASCII letters in either
 * case). */
static int spells(const said_text *st, size_t k, const char *word)
{
    size_t n = strlen(word);
    return wend(st, k) - wstart(st, k) == n && strncasecmp(st->text + wstart(st, k), word, n) == 0;
}

/* The last name in st that ends in `surname`, before word `end`, with a
 * given name or an initial before the surname (Dr. Joseph Chamie, Gregory
 * S. Berns; not Dr. Chamie) and no title of the other sex than `title`'s:
 * its words from the one after its last title (Joseph Chamie) in
 * [*a, *b]. */
static int fuller_mention(const said_text *st, const char *title, const char *surname,
                          size_t end, size_t *a, size_t *b)
{
    const char *const *other = NULL;
    size_t nother = 0;
    if (QY_ONE_OF(title, mens)) {
        other = womens;
        nother = sizeof womens / sizeof *womens;
    } else if (QY_ONE_OF(title, womens)) {
        other = mens;
        nother = sizeof mens / sizeof *mens;
    }
    for (size_t k = end; k-- > 1;) {
        if (!(flags(st, k) & TX_CAPITAL) || !spells(st, k, surname) ||
            (k + 1 < st->nw && (flags(st, k + 1) & TX_CAPITAL) && qy_name_joins(st, k + 1)))
            continue;
        size_t f = qy_name_mention(st, k), given = f, sex = 0;
        for (size_t i = f; i < k; i++) {
            if (qy_name_title(term(st, i)) || qy_name_abbreviation(term(st, i)) ||
                QY_ONE_OF(term(st, i), womens) || QY_ONE_OF(term(st, i), mens) ||
                QY_ONE_OF(term(st, i), ranks))
                given = i + 1;
            sex |= other && qy_one_of(term(st, i), other, nother);
        }
        while (given < k && (qy_name_date(term(st, given)) || qy_name_no_one(term(st, given))))
            given++;
        /* Three words or more before the surname, or a title "of" an
         * office before them (Secretary of State Colin Powell), are a
         * title the list does not hold and its name (National Security
         * Advisor Condoleezza Rice, Vice President Dick Cheney): the name
         * is one given name, its initials and the surname. */
        size_t g = k;
        while (g > given && strlen(term(st, g - 1)) == 1)
            g--;
        if (g > given + 2 ||
            (g > given && f >= 2 && strcmp(term(st, f - 1), "of") == 0 &&
             qy_name_title(term(st, f - 2))))
            given = g - 1;
        if (given < k && !sex) {
            *a = given;
            *b = k;
            return 1;
        }
    }
    return 0;
}

cs_status qy_said_fuller(tx_analyzer *a, qy_cand *c, const qy_result *src, int *found)
{
    *found = 0;
    qy_speaker *said = &c->r.said_by;
    if (!said->name || !src->text)
        return CS_OK;
    char title[16], noun[16];
    int kind = short_kind(said->name, title, noun);
    if (!kind)
        return CS_OK;
    /* (Kinds 1 and 2 have a space in them; kind 3 is the surname.) */
    const char *surname = kind == 3 ? said->name : strrchr(said->name, ' ') + 1;
    qy_ptoks own, *pt = &c->pt;
    cs_status rc = CS_OK;
    if (src != &c->r) {
        /* (A passage before that does not hold the surname or the noun,
         * in any case, gives no fuller name: it is not analyzed.) */
        if (tx_find_nocase(src->text, 0, src->text_len, kind == 2 ? noun : surname) ==
            src->text_len)
            return CS_OK;
        rc = qy_ptoks_analyze(a, src, &own, NULL);
        if (rc != CS_OK) {
            /* (A passage before that cannot be read leaves the name short.) */
            qy_ptoks_clear(&own);
            return rc == CS_NOMEM ? rc : CS_OK;
        }
        pt = &own;
    }
    size_t len, f, l;
    const char *read = qy_readable_text(src, &pt->words, &len);
    said_text st;
    int opened = (rc = qy_said_text_read(read, len, pt, &st)) == CS_OK;
    size_t end = 0; /* the words before the name */
    while (opened && end < st.nw && src->byte_start + pt->v[st.w[end]].end <= said->byte_start)
        end++;
    if (opened && (kind != 2 ? fuller_mention(&st, title, surname, end, &f, &l)
                             : qy_name_described(&st, noun, end, &f, &l))) {
        qy_said_at at = {.found = NAMED, .start = wstart(&st, f), .end = wend(&st, l)};
        qy_speaker old = *said;
        memset(said, 0, sizeof *said);
        rc = qy_said_set_speaker(&c->r, src, pt, read, &at);
        if (rc == CS_OK) {
            free(old.name);
            free(old.cite);
            *found = 1;
        } else {
            *said = old;
        }
    }
    if (opened)
        qy_said_text_clear(&st);
    if (pt == &own)
        qy_ptoks_clear(&own);
    return rc;
}
