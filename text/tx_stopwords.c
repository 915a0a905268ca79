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

#include <stdlib.h>
#include <string.h>

/* Sorted by byte value (LC_ALL=C sort) for bsearch. */
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

struct key {
    const char *s;
    size_t len;
};

static int compare(const void *k, const void *elem)
{
    const struct key *key = k;
    const char *word = *(const char *const *)elem;
    size_t wlen = strlen(word);
    int c = memcmp(key->s, word, key->len < wlen ? key->len : wlen);
    if (c)
        return c;
    return (key->len > wlen) - (key->len < wlen);
}

int tx_is_stopword(const char *term, size_t len)
{
    /* The longest entry is "yourselves"; most words are rejected here. */
    if (len == 0 || len > 10)
        return 0;
    struct key key = {term, len};
    return bsearch(&key, stopwords, sizeof stopwords / sizeof *stopwords,
                   sizeof *stopwords, compare) != NULL;
}
