/*
 * tx_verbs.c - the forms of one irregular English verb.
 *
 * A checker's claim says in one tense what the source says in another:
 * "turnout fell" for "turnout has fallen", "exports grew" for "exports
 * have grown", "the party wins" for "the party won".  Snowball stems the
 * regular forms together (falls, falling: fall) but not the irregular
 * ones (fell, fallen), so the report listed a verb the passage says as
 * unsupported.  The table gives each form of the verbs news reports
 * changes, votes, rulings and findings with its base form.  Left out:
 * verbs with a form that is a common noun or adjective of another sense
 * (left, meant, deal, tears), forms that are nouns of their own (meeting,
 * building, holding, spending), and the verbs that are stop words (be,
 * have, do) or report speech (said, told: qy_mark's list).
 */
#include "tx.h"

#include <stdlib.h>
#include <string.h>

typedef struct verb_form {
    const char *form, *base;
} verb_form;

/* Sorted by form, for the binary search (test_text checks the order). */
static const verb_form forms[] = {
    {"arise", "arise"}, {"arisen", "arise"}, {"arises", "arise"}, {"arising", "arise"},
    {"arose", "arise"}, {"ate", "eat"}, {"beat", "beat"}, {"beaten", "beat"},
    {"beating", "beat"}, {"beats", "beat"}, {"became", "become"}, {"become", "become"},
    {"becomes", "become"}, {"becoming", "become"}, {"began", "begin"}, {"begin", "begin"},
    {"beginning", "begin"}, {"begins", "begin"}, {"begun", "begin"}, {"bought", "buy"},
    {"break", "break"}, {"breaking", "break"}, {"breaks", "break"}, {"bring", "bring"},
    {"bringing", "bring"}, {"brings", "bring"}, {"broke", "break"}, {"broken", "break"},
    {"brought", "bring"}, {"buy", "buy"}, {"buying", "buy"}, {"buys", "buy"},
    {"catch", "catch"}, {"catches", "catch"}, {"catching", "catch"}, {"caught", "catch"},
    {"choose", "choose"}, {"chooses", "choose"}, {"choosing", "choose"},
    {"chose", "choose"}, {"chosen", "choose"}, {"draw", "draw"}, {"drawing", "draw"},
    {"drawn", "draw"}, {"draws", "draw"}, {"drew", "draw"}, {"drive", "drive"},
    {"driven", "drive"}, {"drives", "drive"}, {"driving", "drive"}, {"drove", "drive"},
    {"eat", "eat"}, {"eaten", "eat"}, {"eating", "eat"}, {"eats", "eat"},
    {"fall", "fall"}, {"fallen", "fall"}, {"falling", "fall"}, {"falls", "fall"},
    {"fell", "fall"}, {"fight", "fight"}, {"fighting", "fight"}, {"fights", "fight"},
    {"find", "find"}, {"finding", "find"}, {"finds", "find"}, {"flew", "fly"},
    {"flies", "fly"}, {"flown", "fly"}, {"fly", "fly"}, {"flying", "fly"},
    {"forgave", "forgive"}, {"forget", "forget"}, {"forgets", "forget"},
    {"forgetting", "forget"}, {"forgive", "forgive"}, {"forgiven", "forgive"},
    {"forgives", "forgive"}, {"forgiving", "forgive"}, {"forgot", "forget"},
    {"forgotten", "forget"}, {"fought", "fight"}, {"found", "find"}, {"freeze", "freeze"},
    {"freezes", "freeze"}, {"freezing", "freeze"}, {"froze", "freeze"},
    {"frozen", "freeze"}, {"gave", "give"}, {"give", "give"}, {"given", "give"},
    {"gives", "give"}, {"giving", "give"}, {"grew", "grow"}, {"grow", "grow"},
    {"growing", "grow"}, {"grown", "grow"}, {"grows", "grow"}, {"held", "hold"},
    {"hid", "hide"}, {"hidden", "hide"}, {"hide", "hide"}, {"hides", "hide"},
    {"hiding", "hide"}, {"hold", "hold"}, {"holds", "hold"}, {"keep", "keep"},
    {"keeping", "keep"}, {"keeps", "keep"}, {"kept", "keep"}, {"knew", "know"},
    {"know", "know"}, {"knowing", "know"}, {"known", "know"}, {"knows", "know"},
    {"lead", "lead"}, {"leading", "lead"}, {"leads", "lead"}, {"led", "lead"},
    {"lose", "lose"}, {"loses", "lose"}, {"losing", "lose"}, {"lost", "lose"},
    {"meet", "meet"}, {"meets", "meet"}, {"met", "meet"}, {"mislead", "mislead"},
    {"misleading", "mislead"}, {"misleads", "mislead"}, {"misled", "mislead"},
    {"overridden", "override"}, {"override", "override"}, {"overrides", "override"},
    {"overriding", "override"}, {"overrode", "override"}, {"overtake", "overtake"},
    {"overtaken", "overtake"}, {"overtakes", "overtake"}, {"overtaking", "overtake"},
    {"overtook", "overtake"}, {"paid", "pay"}, {"pay", "pay"}, {"paying", "pay"},
    {"pays", "pay"}, {"ran", "run"}, {"ridden", "ride"}, {"ride", "ride"},
    {"rides", "ride"}, {"riding", "ride"}, {"rise", "rise"}, {"risen", "rise"},
    {"rises", "rise"}, {"rising", "rise"}, {"rode", "ride"}, {"rose", "rise"},
    {"run", "run"}, {"running", "run"}, {"runs", "run"}, {"sank", "sink"}, {"saw", "see"},
    {"see", "see"}, {"seeing", "see"}, {"seek", "seek"}, {"seeking", "seek"},
    {"seeks", "seek"}, {"seen", "see"}, {"sees", "see"}, {"sell", "sell"},
    {"selling", "sell"}, {"sells", "sell"}, {"send", "send"}, {"sending", "send"},
    {"sends", "send"}, {"sent", "send"}, {"shake", "shake"}, {"shaken", "shake"},
    {"shakes", "shake"}, {"shaking", "shake"}, {"shook", "shake"}, {"shrank", "shrink"},
    {"shrink", "shrink"}, {"shrinking", "shrink"}, {"shrinks", "shrink"},
    {"shrunk", "shrink"}, {"sink", "sink"}, {"sinking", "sink"}, {"sinks", "sink"},
    {"sold", "sell"}, {"sought", "seek"}, {"speak", "speak"}, {"speaking", "speak"},
    {"speaks", "speak"}, {"spend", "spend"}, {"spends", "spend"}, {"spent", "spend"},
    {"spoke", "speak"}, {"spoken", "speak"}, {"stand", "stand"}, {"standing", "stand"},
    {"stands", "stand"}, {"steal", "steal"}, {"stealing", "steal"}, {"steals", "steal"},
    {"stole", "steal"}, {"stolen", "steal"}, {"stood", "stand"}, {"strike", "strike"},
    {"strikes", "strike"}, {"striking", "strike"}, {"struck", "strike"}, {"sunk", "sink"},
    {"swear", "swear"}, {"swearing", "swear"}, {"swears", "swear"}, {"swore", "swear"},
    {"sworn", "swear"}, {"take", "take"}, {"taken", "take"}, {"takes", "take"},
    {"taking", "take"}, {"taught", "teach"}, {"teach", "teach"}, {"teaches", "teach"},
    {"teaching", "teach"}, {"think", "think"}, {"thinking", "think"}, {"thinks", "think"},
    {"thought", "think"}, {"threw", "throw"}, {"throw", "throw"}, {"throwing", "throw"},
    {"thrown", "throw"}, {"throws", "throw"}, {"took", "take"}, {"undergo", "undergo"},
    {"undergoes", "undergo"}, {"undergoing", "undergo"}, {"undergone", "undergo"},
    {"understand", "understand"}, {"understanding", "understand"},
    {"understands", "understand"}, {"understood", "understand"}, {"underwent", "undergo"},
    {"upheld", "uphold"}, {"uphold", "uphold"}, {"upholding", "uphold"},
    {"upholds", "uphold"}, {"wake", "wake"}, {"wakes", "wake"}, {"waking", "wake"},
    {"wear", "wear"}, {"wearing", "wear"}, {"wears", "wear"}, {"win", "win"},
    {"winning", "win"}, {"wins", "win"}, {"withdraw", "withdraw"},
    {"withdrawing", "withdraw"}, {"withdrawn", "withdraw"}, {"withdraws", "withdraw"},
    {"withdrew", "withdraw"}, {"withheld", "withhold"}, {"withhold", "withhold"},
    {"withholding", "withhold"}, {"withholds", "withhold"}, {"woke", "wake"},
    {"woken", "wake"}, {"won", "win"}, {"wore", "wear"}, {"worn", "wear"}};

static int cmp_form(const void *key, const void *entry)
{
    return strcmp(key, ((const verb_form *)entry)->form);
}

const char *tx_verb_base(const char *term)
{
    const verb_form *f =
        bsearch(term, forms, sizeof forms / sizeof *forms, sizeof *forms, cmp_form);
    return f ? f->base : NULL;
}

int tx_verb_forms_sorted(void)
{
    for (size_t i = 1; i < sizeof forms / sizeof *forms; i++)
        if (strcmp(forms[i - 1].form, forms[i].form) >= 0)
            return 0;
    return 1;
}
