/*
 * qy_said_text.h - the parts of who-said-it (qy_said.h) that its files
 * share: a passage read for its speakers (qy_said_text.c: its words, which
 * of them report speech, its quotations, where its sentences end) and the
 * grammar of the names that say who spoke (qy_said_names.c: a run of
 * capitals, a title, a particle, "the" and a noun, an apposition), and
 * the names signatures give (qy_said_signed.c), and the said_by a
 * speaker found becomes (qy_said.c), which the full-name look-back
 * (qy_said_fuller.c) sets too.  Only the qy_said*.c files include it.
 *
 * Ownership: a said_text borrows its text and words (qy_said_text_read)
 * and owns its arrays until qy_said_text_clear; every other function only
 * reads it; qy_said_set_speaker's said_by is its result's.  Words are
 * numbered as said_text.w numbers them; a function that finds words
 * returns 1 (or the word) and sets its out-parameters, 0 (or NO_WORD,
 * where said) when it finds none.
 */
#ifndef CITESEARCH_QY_SAID_TEXT_H
#define CITESEARCH_QY_SAID_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "qy_cand.h"
#include "qy_said.h"
#include "status.h"

/* How a verb that reports speech takes its speaker (said_text.verb). */
#define VERB_SPEECH 1  /* it reports speech */
#define VERB_INVERTS 2 /* after a comma too, the name after it is its
                          speaker (..., said Steve Halperin); after the
                          others a name is what they act on (..., urged
                          the Chinese Government to ...; ..., told
                          reporters) */
#define VERB_PHRASE 4  /* a speaker in small letters is read before it
                          (the ministry said; not: the industry added
                          jobs) */
#define VERB_READS 8   /* it speaks for a text only: "...," it read; a
                          statement on Twitter reads (not: Rama read) */
#define VERB_PARTICIPLE 16 /* after a comma, the sentence's subject
                              speaks: Iran denied the attack, saying */
#define VERB_DOCUMENT 32 /* a noun for a text: whose it is follows it
                            (in a statement from the ministry) or was
                            said before (the statement said) */
#define VERB_OBJECT 64 /* the name after it is whose words follow (the
                          Times quoted Dirksen: "..."; quoted Rama as
                          saying) */
#define VERB_QUOTING 128 /* it reports speech only next to a quotation or
                            before "that" (Bush confided in Blair, "...";
                            Jefferson observed that; not: the board has
                            observed economy; the Government complained
                            of it) */

/* A passage read for its speakers: its words (a compound's joined form
 * left out: its parts are the words) and its quotations. */
typedef struct said_text {
    const char *text;
    size_t len;
    const qy_ptoks *pt;
    size_t *w;          /* indexes into pt->v of the words */
    unsigned char *verb; /* of each word: VERB_* when it reports speech,
                            else 0 */
    size_t nw;
    qy_span *quotes;    /* inside quotation marks, sorted */
    size_t nquotes;
} said_text;

#define NO_WORD SIZE_MAX

/* What a look for a speaker found (qy_said_at.found). */
enum { NONE = 0, NAMED = 1, PRONOUN = 2 };

/* A name is at most this many words (Director General of Police Muhamet
 * Rrumbullaku is cut to its last six). */
#define NAME_WORDS 6

static inline const char *term(const said_text *st, size_t i)
{
    return QY_PTERM(st->pt, st->w[i]);
}
static inline unsigned flags(const said_text *st, size_t i)
{
    return st->pt->v[st->w[i]].flags;
}
static inline size_t wstart(const said_text *st, size_t i)
{
    return st->pt->v[st->w[i]].rstart;
}
static inline size_t wend(const said_text *st, size_t i)
{
    return st->pt->v[st->w[i]].rend;
}
/* The bytes between word i - 1 and word i (before the first word: from
 * the text's start). */
static inline size_t gap_from(const said_text *st, size_t i)
{
    return i ? wend(st, i - 1) : 0;
}

/* --- A passage read for its speakers (qy_said_text.c) --- */

/* Whether any word of the passage reports speech: most passages' words
 * do not, and need nothing more read. */
int qy_said_any_verb(const qy_ptoks *pt, size_t len);

/* Reads the text (len bytes; pt's words were read from it, their rstart
 * and rend offsets into it) into *st: its words, their verbs, its
 * quotations.  CS_NOMEM when out of memory (nothing to clear then). */
cs_status qy_said_text_read(const char *text, size_t len, const qy_ptoks *pt,
                            said_text *st);
void qy_said_text_clear(said_text *st);

/* Whether byte pos of the text lies inside a quotation. */
int qy_said_in_quote(const said_text *st, size_t pos);

/* Whether t[from, to) is one or more spaces, tabs or line breaks. */
int qy_said_space_only(const char *t, size_t from, size_t to);

/* Whether word i follows word i - 1 across spaces only. */
int qy_said_spaced(const said_text *st, size_t i);

/* Whether the bytes before word k hold `ch`, or a closing quotation mark
 * (for ch 0). */
int qy_said_gap_has(const said_text *st, size_t k, char ch);

/* Whether the bytes before word i (from `from`) end a sentence: a full
 * stop, ! or ? outside a quotation, but not an abbreviation's or an
 * initial's point; or one that ends a quotation before a capital. */
int qy_said_sentence_ends(const said_text *st, size_t i, size_t from);

/* Whether word i starts a clause: the text's first word, or one after a
 * sentence's end, a comma, a colon or a closing quotation mark. */
int qy_said_clause_start(const said_text *st, size_t i);

/* The first word of the sentence word k stands in. */
size_t qy_said_sentence_start(const said_text *st, size_t k);

/* Whether the text holds a quotation mark: a quotation may name its
 * speaker without a verb (a signature's) or go on from the passage
 * before. */
int qy_said_any_quote_mark(const char *text, size_t len);

/* --- The grammar of names (qy_said_names.c) --- */

/* Whether words i - 1 and i are one name: a space between them, a
 * hyphen or an apostrophe (Jean-Luc, O'Brien read as two), or an
 * initial's point (George W. Bush). */
int qy_name_joins(const said_text *st, size_t i);

/* The last word of the name that starts at word f: capitals joined
 * (qy_name_joins), and small words inside (van in Helen van Trearum). */
size_t qy_name_end(const said_text *st, size_t f);

/* The name that ends at word `last`, written with capitals (a sentence's
 * first words that are no name, The, On, Saturday, left out): its first
 * word in *first. */
int qy_name_back(const said_text *st, size_t last, size_t *first);

/* The first word of the capitalized name that ends at word l (its
 * leading stop words left out), or l + 1 for none. */
size_t qy_name_mention(const said_text *st, size_t l);

/* Whether word k is a name's possessive: written with a capital, its
 * apostrophe's s a word's own ("Albania's", not "It's" or "Let's"). */
int qy_name_possessive(const said_text *st, size_t k);

/* A speaker named by "the" or a name's possessive and up to three words
 * in small letters that end at word `last`, before the verb at word
 * `verb` (the state police denied, the ministry said, Iran's foreign
 * ministry denied): it starts a sentence or follows a comma, a colon or a
 * quotation (not: the head of the ministry said; those who created the
 * deficits said), and the verb is followed by no preposition but a
 * date's (not: the progress noted in ...; but: said on Tuesday): its
 * first word in *first. */
int qy_name_phrase(const said_text *st, size_t last, size_t verb, size_t *first);

/* The name that starts at word `first` (after "the": said the Prime
 * Minister), or failing one and when `phrase` allows, a speaker named by
 * "the" and up to three words, up to a comma, a full stop or a verb
 * (after a quotation: "...," added the ministry, which ...): its first
 * word in *from, its last in *last. */
int qy_name_fwd(const said_text *st, size_t first, int phrase, size_t *from,
                size_t *last);

/* A speaker named by an article, a name and a title that end at word
 * `last` (An RCA spokesman said; a Microsoft spokeswoman told): its first
 * word in *first. */
int qy_name_titled(const said_text *st, size_t last, size_t *first);

/* Whether word i starts an apposition for sure: an article, a relative
 * pronoun, a possessive or a title (Mark Attanasio, a managing director
 * at ...; not Richard in: Monica Gabrielle, who lost her husband,
 * Richard, when the south tower fell and ..., said). */
int qy_name_apposition(const said_text *st, size_t i);

/* Whether a normalized word is a month's or a weekday's name or its
 * short form (Sat, Sept, Thurs), which a sentence may start with before a
 * name: not a name's word that merely starts like one (Marc, as March). */
int qy_name_date(const char *t);

/* Whether a normalized word reads as an adverb in -ly (steadily; not
 * only, family). */
int qy_name_adverb(const char *t);

/* The name a body of people's noun (group, society, ministry:
 * qy_name_body) stands for, said before word `end` of st, in [*na, *nb]:
 * a name that ends in the noun (Church Society for the society), or one
 * the noun calls so (an Iranian hacker group called Homeland Justice).
 * Not the last speaker, nor the last company named, for "the company":
 * Sun said ..., the company said; but Rama said ..., the company said;
 * and an article on Sun names its rivals, Hewlett-Packard Co. and IBM. */
int qy_name_described(const said_text *st, const char *noun, size_t end, size_t *na,
                      size_t *nb);

/* Whether a normalized word is of the grammar's lists: he or she; a word
 * with a capital that names no one (I, It, Someone, Who); a preposition
 * after which a name says where or of what, not who; a title or other
 * word for a person beside a name (minister, spokesman, author); an
 * article; an abbreviation whose full stop ends no sentence (Mr., Gen.). */
int qy_name_pronoun(const char *t);
int qy_name_no_one(const char *t);
int qy_name_preposition(const char *t);
int qy_name_title(const char *t);
int qy_name_article(const char *t);
int qy_name_abbreviation(const char *t);
/* Whether a normalized word is a noun for a body of people that "the"
 * names again after its name (the group, the society, the company). */
int qy_name_body(const char *t);

/* --- Signatures (qy_said_signed.c) --- */

/* The name a signature gives the quotation q, word `after` the first
 * after it, in [*a, *b]: a name after a dash ("..." -- Jonathan Swift),
 * or alone on the line below a quotation that ends a sentence ("... is
 * destroyed." <newline> Abraham Lincoln (Nov 21, 1864)), that ends its
 * line or stands before a parenthesis, a comma or a full stop; one word
 * and a comma below a quotation open a sentence (Nevertheless, figures
 * ...), no signature.  1 when so. */
int qy_said_signed_after(const said_text *st, const qy_span *q, size_t after, size_t *a,
                         size_t *b);
/* The name that signs the words from word `first` on in [*a, *b]: on the
 * passage's last line after a dash and nothing after it (an epigraph in a
 * mail's signature: The worst sin ... <newline> - George Bernard Shaw),
 * the only line that starts with a dash (not a list's), at most four
 * words; or, with no such line, a name of two to four words in brackets
 * that end the passage ([Martin Hayman] after a reader's question).  1
 * when so. */
int qy_said_signed_last(const said_text *st, size_t first, size_t *a, size_t *b);
/* Whether a line of text (len bytes) after its first starts with a dash
 * and a capital, or the text ends in a bracket: a signature's name may
 * stand there (said_open reads a passage that holds no verb of speech and
 * no quotation mark for it then). */
int qy_said_signature_possible(const char *text, size_t len);

/* --- A speaker found, as a result's said_by (qy_said.c) --- */

/* Sets r's said_by to the speaker's name at [at->start, at->end) of the
 * text `pt` was read from (`read`: src's bytes, or their decoding): its
 * spaces as one, its bytes and line in src's file (r owns it; r's
 * said_by must be empty).  CS_NOMEM when out of memory (said_by left
 * empty). */
cs_status qy_said_set_speaker(qy_result *r, const qy_result *src, const qy_ptoks *pt,
                              const char *read, const qy_said_at *at);

#endif
