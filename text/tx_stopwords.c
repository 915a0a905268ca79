/*
 * tx_stopwords.c - the compact English stop word list (TX_STOP).
 *
 * Function words that carry no topic.  The indexer still indexes them with
 * positions (quoted phrases need "the", "of"); the flag only lets callers
 * weigh or drop them in bare queries.  Negations (no, not, nor) are left
 * out on purpose: for a fact-checker "did not attack" and "did attack" are
 * opposite claims.
 */
#include "tx.h"

#include <pthread.h>
#include <string.h>


/* Sorted by byte value (LC_ALL=C sort), one entry per word. */
static const char *const stopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am",
    "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during",
    "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "me", "more", "most", "my", "myself",
    "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "ourselves", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours", "yourself", "yourselves",
};

#define NWORDS (sizeof stopwords / sizeof *stopwords)

/* The sorted table is the list a reader checks; lookups go through an
 * open-addressing index over it, built once: this runs for every word
 * analyzed, and hashing beats a binary search's seven string compares. */
#define SLOTS 512 /* a power of two, > 4 x NWORDS */
static unsigned char slots[SLOTS]; /* 0 empty, else table index + 1 */
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static unsigned hash(const char *t, size_t len)
{
    unsigned h = (unsigned)len;
    h = h * 131 + (unsigned char)t[0];
    h = h * 131 + (unsigned char)t[len / 2];
    h = h * 131 + (unsigned char)t[len - 1];
    return (h ^ (h >> 7)) & (SLOTS - 1);
}

static void build_slots(void)
{
    for (size_t i = 0; i < NWORDS; i++) {
        unsigned h = hash(stopwords[i], strlen(stopwords[i]));
        while (slots[h])
            h = (h + 1) & (SLOTS - 1);
        slots[h] = (unsigned char)(i + 1);
    }
}

int tx_is_stopword(const char *term, size_t len)
{
    /* The longest entry is "yourselves"; most words are rejected here. */
    if (len == 0 || len > 10)
        return 0;
    pthread_once(&slots_once, build_slots);
    for (unsigned h = hash(term, len); slots[h]; h = (h + 1) & (SLOTS - 1)) {
        const char *w = stopwords[slots[h] - 1];
        if (strncmp(w, term, len) == 0 && w[len] == '\0')
            return 1;
    }
    return 0;
}

int tx_is_negation(const char *term, size_t len)
{
    static const char *const words[] = {"not", "no", "nor", "never", "neither", "cannot"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == len && memcmp(words[i], term, len) == 0)
            return 1;
    return len > 3 && memcmp(term + len - 3, "n't", 3) == 0;
}
