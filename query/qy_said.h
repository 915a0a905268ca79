/*
 * qy_said.h - who a passage says spoke the words a result matched.
 *
 * A checker asks who really said a quotation: news gives the speaker
 * beside the quotation ("...," Rama wrote on Twitter; Rama said: "..."),
 * after it inverted ("...," added the ministry; "...," said Interior
 * Minister Bledar Cuci), in an apposition (Ali Safavi, a MEK spokesman,
 * said), after "according to", as the subject of a sentence a participle
 * ends (Iran denied the attack, saying ...), as "he" or "she" for a
 * speaker the passage or the paragraph before named ("We are talking
 * about an abnormal situation," he told Euronews, after "Maksim Et'hemaj
 * said the attack was sabotage"), or by a text: the one it says issued it
 * ("...," it read in a statement from the Interior Ministry) or the one
 * named before (the statement said; a statement on Twitter reads; "...,"
 * they wrote; according to the same source).  Mail and books add their
 * own: a signature's name after a dash or on the line below a quotation,
 * a writer and his address (Chris Weyl <cweyl@mindspring.com> wrote:),
 * a quotation that goes on from the last speaker named, "cried Ahab".
 * This reads those forms, in English, from a passage's words (qy_ptoks)
 * and the bytes between them; it names a speaker only where one of them
 * says who, never guesses from the names that merely stand nearby (but
 * for a "he" no verb explains: the last person named with a title).
 *
 * Ownership: qy_said_find and qy_said_last only read the text and words
 * they are given (their scratch memory is their own); qy_said_mark and
 * qy_said_mark_before set the candidate's result's said_by, and
 * qy_said_fuller replaces it (freeing the one it replaces), which the
 * result owns (qy_result_clear).
 */
#ifndef CITESEARCH_QY_SAID_H
#define CITESEARCH_QY_SAID_H

#include <stddef.h>

#include "qy_cand.h"
#include "status.h"

typedef struct qy_said_at {
    int found;          /* 0 none, 1 a name at [start, end), 2 a pronoun
                           whose speaker the passage before names */
    size_t start, end;  /* the speaker's words in the text (found == 1; the
                           pronoun's or the text's, found == 2) */
    int person;         /* found == 2 for he or she (not it, they or a
                           text) */
    size_t reply_depth; /* found == 0: the words lie on lines a reply
                           quotes this deep ("> > ..."), and the passage
                           names no writer for them (the passage before
                           may: "On Sun, Bill Stoddard wrote:") */
} qy_said_at;

/* The speaker of the words from byte `start` to the word at byte `end` of
 * `text` (len bytes: the text pt's words were read from, their rstart and
 * rend offsets into it): when the first lies inside a quotation, the one the
 * words next to the quotation give (a signature's name after it, then a
 * verb after it, then one before it, in its sentence); otherwise, or
 * failing those, the one the sentence holding the first gives by the verb
 * nearest it: before the words or among them, or after them all as the
 * sentence's last words or inverted; failing all, for a quotation that
 * is a sentence of its own, the last speaker named before it.  A pronoun,
 * or such a quotation that opens the text, is read as the last speaker
 * the passage named before it, or left for the passage before (found 2).
 * CS_NOMEM when out of memory. */
cs_status qy_said_find(const char *text, size_t len, const qy_ptoks *pt,
                       size_t start, size_t end, qy_said_at *out);

/* The speaker `text` names for the passage after it, as `need` asks
 * (qy_said_mark's need_before): 1, for "it" or a text, the last speaker it
 * names by a name (not a pronoun); 2, for "he" or "she", the same, or
 * failing one, the last person it names with a title (Finance Minister
 * Delina Ibrahimaj gave some details); 3 or more, for words quoted
 * need - 2 deep by a reply, the writer its last line quoted less deep
 * names (On Sun, 1 Sep 2002, Bill Stoddard wrote:), when the lines after
 * that one are all quoted; failing him, out->reply_depth is need - 2 when
 * the text leaves him to a passage above (its lines all quoted as deep or
 * deeper, or its last line less deep the replier's own, not one that ends
 * in a colon: Here is what I said:), 0 when it does not. */
cs_status qy_said_last(const char *text, size_t len, const qy_ptoks *pt, int need,
                       qy_said_at *out);

/* Sets c->r.said_by for the words its first highlight starts (nothing for a
 * passage without highlights), or for a claim's the run of words that
 * states it (c->windowed: qy_claim_measure), read where its words were
 * read from (an e-mail's or a web page's text, decoded: its HTML,
 * quoted-printable or charset), the name's bytes those of the file.  *need_before is set when
 * the passage says "he" or "she" (2), or "it" or "the statement" (1), of
 * a speaker it does not name before, or when the words are on lines a
 * reply quotes whose writer it does not name (2 + their depth): then
 * qy_said_mark_before, with the passage before it in its file and
 * need_before, names him; *further is set when it does not and, for a
 * reply's writer, its lines are all quoted as deep or deeper, so that a
 * passage above may name him.  CS_NOMEM when out of memory. */
cs_status qy_said_mark(qy_cand *c, int *need_before);
cs_status qy_said_mark_before(tx_analyzer *a, qy_cand *c, const qy_result *before,
                              int need_before, int *further);

/* Whether a said_by name names its speaker by less than his name: 1 for
 * a title and a surname (Dr. Chamie, Mr Eden, Judge Cooper: news names a
 * person in full first, then so), 2 for a description of a body of
 * people (the company, the health organization), 3 for one word that may
 * be a surname (Rama, Safavi; not an acronym, a title or a month); 0 for
 * any other. */
int qy_said_short(const char *name);

/* Gives c's result's said_by, when its name is short (qy_said_short), the
 * name the text src (c's result itself, or a passage before it in its
 * file) last gives the same speaker before it: for a title and a surname,
 * or a surname alone, a name that ends in the same surname with a given
 * name or an initial before it and no title of the other sex (Joseph
 * Chamie, Gregory S. Berns; Edi Rama for Rama), titles and ranks left out
 * (Colonel Mark Tillman: Mark Tillman), and after an office or three
 * capitalized words one given name (Secretary of State Colin Powell,
 * National Security Advisor Condoleezza Rice: Colin Powell, Condoleezza
 * Rice); for a description, a name that ends in its noun (the Church
 * Society), or one it calls so (a group called Homeland Justice).  The
 * name's bytes and line are src's; *found 1 then.  CS_NOMEM when out of
 * memory (said_by as it was). */
cs_status qy_said_fuller(tx_analyzer *a, qy_cand *c, const qy_result *src, int *found);

#endif
