/* fuzz_said.c - fuzz target: who a passage says spoke its words (qy_said)
 * on arbitrary text.  The passage is analyzed as the engine analyzes a
 * result's; the speaker of the words from each word's first byte to the
 * third word after it, and the last speaker it names, is a range of its
 * bytes that starts and ends at a word's edges, or none, or a pronoun
 * left to the passage before. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qy_said.h"
#include "tx.h"

/* Each word's speaker is looked for: a few hundred words say all. */
#define MAX_WORDS 300

static tx_analyzer *analyzer;

/* Whether a found speaker lies in the text, between words' edges. */
static void check(const qy_said_at *at, const qy_ptoks *pt, size_t len)
{
    if (at->found == 0 || at->found == 2)
        return;
    if (at->found != 1 || at->start >= at->end || at->end > len)
        abort();
    int starts = 0, ends = 0;
    for (size_t k = 0; k < pt->n; k++) {
        starts |= pt->v[k].rstart == at->start;
        ends |= pt->v[k].rend == at->end;
    }
    if (!starts || !ends)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!analyzer && tx_analyzer_new(&analyzer, NULL) != CS_OK)
        abort();
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    qy_result r = {.text = text, .text_len = size};
    qy_ptoks pt;
    if (qy_ptoks_analyze(analyzer, &r, &pt, NULL) != CS_OK)
        abort();
    qy_said_at at;
    for (size_t k = 0; k < pt.n && k < MAX_WORDS; k++) {
        size_t to = k + 3 < pt.n ? k + 3 : pt.n - 1;
        if (qy_said_find(text, size, &pt, pt.v[k].rstart, pt.v[to].rstart, &at) != CS_OK)
            abort();
        check(&at, &pt, size);
    }
    /* It or a text, he or she, and words quoted one or two deep. */
    for (int need = 1; need <= 4; need++) {
        if (qy_said_last(text, size, &pt, need, &at) != CS_OK)
            abort();
        check(&at, &pt, size);
    }
    qy_ptoks_clear(&pt);
    free(text);
    return 0;
}
