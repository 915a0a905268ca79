/* test_said.c - unit tests of who a passage says spoke its words
 * (qy_said): a speaker after a quotation, before it, inverted, in
 * apposition, after "according to", by a pronoun, by a text (a statement
 * from the ministry; it read), by a participle's sentence, by a dash or a
 * signature's line, a quotation going on, a reply's writer in the
 * passage or the one before, a full name for a title and a surname or a
 * description; and what names no speaker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "qy_said.h"
#include "tx.h"

static tx_analyzer *analyzer(void)
{
    static tx_analyzer *a;
    if (!a)
        assert_int_equal(tx_analyzer_new(&a, NULL), CS_OK);
    return a;
}

/* The speaker of the words of `text` from the first byte of `at` to the
 * word at the first byte of `to` (each must occur in it; to NULL: at):
 * the name as written, "(he)" for a pronoun left to the passage before,
 * "" for none. */
static const char *speaker_of(const char *text, const char *at, const char *to)
{
    static char out[256];
    qy_result r = {.text = (char *)text, .text_len = strlen(text)};
    qy_ptoks pt;
    assert_int_equal(qy_ptoks_analyze(analyzer(), &r, &pt, NULL), CS_OK);
    const char *hit = strstr(text, at), *last = to ? strstr(text, to) : hit;
    assert_non_null(hit);
    assert_non_null(last);
    qy_said_at s;
    assert_int_equal(qy_said_find(text, r.text_len, &pt, (size_t)(hit - text),
                                  (size_t)(last - text), &s),
                     CS_OK);
    qy_ptoks_clear(&pt);
    if (s.found == 1)
        snprintf(out, sizeof out, "%.*s", (int)(s.end - s.start), text + s.start);
    else
        snprintf(out, sizeof out, "%s", s.found == 2 ? "(he)" : "");
    return out;
}

static const char *speaker(const char *text, const char *at)
{
    return speaker_of(text, at, NULL);
}

/* The speaker `text`, as the passage before, names for one the passage
 * after left to it (need: as qy_said_mark's need_before): the name as
 * written, "" for none. */
static const char *last_speaker(const char *text, int need)
{
    static char out[256];
    qy_result r = {.text = (char *)text, .text_len = strlen(text)};
    qy_ptoks pt;
    assert_int_equal(qy_ptoks_analyze(analyzer(), &r, &pt, NULL), CS_OK);
    qy_said_at s;
    assert_int_equal(qy_said_last(text, r.text_len, &pt, need, &s), CS_OK);
    qy_ptoks_clear(&pt);
    snprintf(out, sizeof out, "%.*s", s.found == 1 ? (int)(s.end - s.start) : 0,
             s.found == 1 ? text + s.start : "");
    return out;
}

static void test_after_quotation(void **state)
{
    (void)state;
    assert_string_equal(speaker("\xE2\x80\x9C" "Another cyber attack was recorded last "
                                "night,\xE2\x80\x9D Rama wrote on Twitter on Saturday.",
                                "cyber attack"),
                        "Rama");
    /* Inverted, a name or "the" and a noun. */
    assert_string_equal(speaker("\"Linux is a serious competitor,\" said Ballmer.",
                                "serious"),
                        "Ballmer");
    assert_string_equal(speaker("\xE2\x80\x9CThe systems will be out of service,\xE2\x80\x9D"
                                " added the ministry, which clarified that screening "
                                "was done manually.",
                                "systems"),
                        "the ministry");
    assert_string_equal(speaker("\"I've heard everything,\" said Dr. Chamie, whose "
                                "position makes him chief keeper.",
                                "heard"),
                        "Dr. Chamie");
}

static void test_before_quotation(void **state)
{
    (void)state;
    assert_string_equal(speaker("Fifty-one years ago, John F. Kennedy declared to this "
                                "Chamber that \"the Constitution makes us not rivals "
                                "for power.\"",
                                "Constitution"),
                        "John F. Kennedy");
    assert_string_equal(speaker("As President Abraham Lincoln said, \"We must ask where "
                                "we are.\"",
                                "must ask"),
                        "President Abraham Lincoln");
}

static void test_pronoun(void **state)
{
    (void)state;
    /* Named before in the passage: the name. */
    assert_string_equal(speaker("Angela Tilby, vice-principal of Westcott House, "
                                "Cambridge, accused his opponents. \"It is a thoroughly "
                                "aggressive way to behave,\" she said.",
                                "thoroughly"),
                        "Angela Tilby");
    assert_string_equal(speaker("Mr. Kanani further criticized the United States for having "
                                "\xE2\x80\x9Cgiven full support to a terrorist sect\xE2\x80\x9D.",
                                "terrorist"),
                        "Mr. Kanani");
    /* Not: the passage before names him. */
    assert_string_equal(speaker("\xE2\x80\x9CWe are talking about an abnormal, unusual "
                                "situation,\xE2\x80\x9D he told Euronews Albania.",
                                "abnormal"),
                        "(he)");
    assert_string_equal(last_speaker("The Director of the Civil Aviation Authority, Maksim "
                                     "Et\xE2\x80\x99hemaj said the attack was sabotage.",
                                     2),
                        "Maksim Et\xE2\x80\x99hemaj");
    /* For he or she, failing a speaker named by a verb, the last person
     * named with a title; not a possessive, nor a person named after a he
     * in its sentence. */
    assert_string_equal(speaker("Finance Minister Delina Ibrahimaj gave some details. "
                                "\"We discussed the attacks,\" she said.",
                                "discussed"),
                        "Finance Minister Delina Ibrahimaj");
    assert_string_equal(speaker("President Bush's notes were plain. \"We're at war,\" he "
                                "said.",
                                "war"),
                        "(he)");
    assert_string_equal(speaker("He was away when President John F Kennedy was shot. \"I "
                                "was glad,\" he says.",
                                "glad"),
                        "(he)");
    /* For he or she of a quotation, the person a sentence before has as
     * its subject, when nearer than a speaker named by a verb; not a
     * conjunction's word, nor for words outside quotation marks (a
     * river's name, a country's "she denies"). */
    assert_string_equal(speaker("\"Herb tea?\" Prado said. Michaels stood up. \"Then I will "
                                "do it, my friend,\" he said formally.",
                                "friend"),
                        "Michaels");
    assert_string_equal(speaker("That is why, for example, Orth is trying to catch the "
                                "interest of the military. \"The army wants camouflage,\" she "
                                "says, \"so your clothing looks like bricks.\"",
                                "bricks"),
                        "Orth");
    assert_string_equal(speaker("Bee came back to Bangkok this year. \"I thought I would be "
                                "happy there,\" she said.",
                                "happy"),
                        "Bee");
    assert_string_equal(speaker("On the larger issue, Haass was still keeping his distance. He "
                                "had made a speech. But he told me there is a difference. \"We "
                                "have to be careful,\" he said.",
                                "careful"),
                        "Haass");
    assert_string_equal(speaker("Although Judy recovered, the bills were too much. \"Mrs. "
                                "Clinton,\" he wrote, \"no one should lose everything.\"",
                                "lose"),
                        "(he)");
    /* A clause after "and" has a subject too; and further back over
     * sentences that speak of the same she. */
    assert_string_equal(speaker("Although Judy recovered and Richard went back to work, the "
                                "bills were too much. \"Mrs. Clinton,\" he wrote, \"no one "
                                "should lose everything.\"",
                                "lose"),
                        "Richard");
    assert_string_equal(speaker("Misty DeMars is a mother of two young boys. She'd been "
                                "employed since she was a teenager. She'd never collected "
                                "benefits. In May, she bought a home. A week later, cuts "
                                "claimed her job. Last month, she wrote me a letter. \"We are "
                                "the face of the crisis,\" she wrote.",
                                "crisis"),
                        "Misty DeMars");
    assert_string_equal(speaker("Lawrence is in glaring inconsistency with her conduct. On "
                                "the ground that she possesses both banks, she denies us the "
                                "right of navigation.",
                                "navigation"),
                        "");
    const char *titled = "Little was said, but Finance Minister Delina Ibrahimaj gave "
                         "some details during a press conference.";
    assert_string_equal(last_speaker(titled, 1), "");
    assert_string_equal(last_speaker(titled, 2), "Finance Minister Delina Ibrahimaj");
}

static void test_reported_speech(void **state)
{
    (void)state;
    /* The verb nearest the words in their sentence, before or after. */
    assert_string_equal(speaker("The border system was back online on Sunday, and Prime "
                                "Minister Edi Rama confirmed there was no serious data "
                                "breach.",
                                "serious"),
                        "Prime Minister Edi Rama");
    assert_string_equal(speaker("Enrollment fell by 11 percent, said Steve Halperin, "
                                "dean of the college.",
                                "Enrollment"),
                        "Steve Halperin");
    assert_string_equal(speaker("The leak was small, Rama told reporters.", "leak"), "Rama");
    /* In apposition. */
    assert_string_equal(speaker("Ali Safavi, a spokesman for the MEK, said reports of "
                                "attacks were unrelated.",
                                "reports"),
                        "Ali Safavi");
    assert_string_equal(speaker("Albanian Prime Minister Edi Rama, whose country is a "
                                "member of NATO, denounced another cyberattack.",
                                "another"),
                        "Albanian Prime Minister Edi Rama");
    assert_string_equal(speaker("Viewers numbered 17 million, according to Nielsen.",
                                "Viewers"),
                        "Nielsen");
    /* A speaker in small letters, after "the". */
    assert_string_equal(speaker("In a reaction, the state police denied the data was "
                                "affected.",
                                "affected"),
                        "the state police");
    assert_string_equal(speaker("The head of the ministry said the data was safe.", "safe"),
                        "");
    /* Or after a name's possessive; a date's preposition after the verb. */
    assert_string_equal(speaker("Albania\xE2\x80\x99s parliament said on Tuesday it had "
                                "suffered a cyberattack.",
                                "cyberattack"),
                        "Albania\xE2\x80\x99s parliament");
    assert_string_equal(speaker("Iran's foreign ministry denied that Tehran was behind the "
                                "attack.",
                                "behind"),
                        "Iran's foreign ministry");
    assert_string_equal(speaker("The head of Iran's foreign ministry said the data was safe.",
                                "safe"),
                        "");
    assert_string_equal(speaker("Iran's progress noted in the report was slow.", "slow"), "");
}

static void test_text_speaks(void **state)
{
    (void)state;
    /* A text's source after "from" or "by", even after a slip's full
     * stop before a small letter. */
    assert_string_equal(speaker("\xE2\x80\x9CThe systems were hit on Friday,\xE2\x80\x9D it "
                                "read. in a statement from the Albanian Interior Ministry.",
                                "systems"),
                        "Albanian Interior Ministry");
    assert_string_equal(speaker("A statement by the ministry said the data was safe.", "safe"),
                        "the ministry");
    /* Not when a speaker said it in that text. */
    assert_string_equal(speaker("Rama said in a statement from Tirana that the data was "
                                "safe.",
                                "safe"),
                        "Rama");
    /* A text or "it" that does not say whose it is: the speaker named
     * before, in the passage or the one before it. */
    assert_string_equal(speaker("Albania's parliament said it was attacked. The statement "
                                "said the attack \"did not affect system data.\"",
                                "affect"),
                        "Albania's parliament");
    assert_string_equal(speaker("\"The United States condemns the cyberattack.\" a "
                                "statement on Twitter reads.",
                                "condemns"),
                        "(he)");
    assert_string_equal(speaker("\"Our systems are safe,\" it said.", "systems"), "(he)");
    assert_string_equal(speaker("\xE2\x80\x9CIn order to secure the systems\xE2\x80\x9D, "
                                "the authorities have decommissioned the control systems in "
                                "the seaports, according to the same source.",
                                "In order"),
                        "(he)");
    /* "read" speaks for a text only. */
    assert_string_equal(speaker("\"Keep calm,\" Rama read from the card.", "calm"), "");
    /* A participle's speaker starts its sentence. */
    assert_string_equal(speaker("The US National Security Council has reacted to the news, "
                                "stating it supports Albania's recovery efforts.",
                                "supports"),
                        "US National Security Council");
    assert_string_equal(speaker("Iran denied the accusations, saying it had no part in the "
                                "attack.",
                                "part"),
                        "Iran");
    assert_string_equal(speaker("Target Wireless, a small New Jersey-based wireless media "
                                "company, had asked the FEC for an opinion, saying that "
                                "disclosures would use up too much of the message.",
                                "disclosures"),
                        "Target Wireless");
    assert_string_equal(speaker("Last year the attacks grew, saying nothing.", "nothing"), "");
    assert_string_equal(speaker("Deeply impressed with these sentiments, I can not regard "
                                "them otherwise, warning us of dangers.",
                                "dangers"),
                        "");
}

static void test_forms_of_mail_and_news(void **state)
{
    (void)state;
    /* A name after a dash, or alone on the line after a quotation: a
     * signature's or an epigraph's. */
    assert_string_equal(speaker("\"The stoical scheme of supplying our wants is like cutting "
                                "off our feet.\"  -- Jonathan Swift",
                                "stoical"),
                        "Jonathan Swift");
    assert_string_equal(speaker("\"... until the Republic is destroyed.\"\nAbraham Lincoln "
                                "(Nov 21, 1864, in a letter)",
                                "Republic"),
                        "Abraham Lincoln");
    assert_string_equal(speaker("\"... indigenous peoples of wherever.\"  - Jack, Fight Club",
                                "peoples"),
                        "Jack");
    /* Titles before and after a name. */
    assert_string_equal(speaker("\"We decided to close the stores,\" said Ikea spokeswoman "
                                "Helen van Trearum.",
                                "decided"),
                        "Helen van Trearum");
    assert_string_equal(speaker("\"It's very sophisticated,\" said the NCIS spokesman.",
                                "sophisticated"),
                        "the NCIS spokesman");
    assert_string_equal(speaker("Firewalls cannot decipher XML traffic, said report author "
                                "Ronald Schmelzer, ZapThink senior analyst.",
                                "decipher"),
                        "Ronald Schmelzer");
    /* A leader, a candidate or an adviser named by what he leads or
     * runs for, in small letters or in capitals. */
    assert_string_equal(speaker("\"This agreement protects jobs,\" said union leader Pieter de "
                                "Vries.",
                                "agreement"),
                        "Pieter de Vries");
    assert_string_equal(speaker("\"It is an attack on rural families,\" said Opposition leader "
                                "Francois Dubois.",
                                "rural"),
                        "Francois Dubois");
    assert_string_equal(speaker("Taxes will not rise, said presidential candidate Maria Lopez.",
                                "Taxes"),
                        "Maria Lopez");
    assert_string_equal(speaker("\"The plan cannot work,\" said economic adviser John Reyes.",
                                "plan"),
                        "John Reyes");
    assert_string_equal(speaker("ERoom was an easy target, according to Documentum president "
                                "and CEO Dave DeWalt.",
                                "target"),
                        "CEO Dave DeWalt");
    assert_string_equal(speaker("\"The Army is not just supposed to conquer somebody,\" Robert "
                                "Frederking of Carnegie Mellon University told the BBC.",
                                "conquer"),
                        "Robert Frederking of Carnegie Mellon University");
    /* A writer and his address, as mail quotes him; an address's full
     * stops end no sentence. */
    assert_string_equal(speaker("On Sun, 2002-07-21 at 14:15, Brian Fahrlander wrote:\n> On 20 "
                                "Jul 2002, Chris Weyl <cweyl@mindspring.com> wrote:\n> > Does "
                                "anyone know of a public apt repository?",
                                "repository"),
                        "Chris Weyl");
    assert_string_equal(speaker("Chuck, the 37 year-old webmaster of the anarchist site "
                                "www.infoshop.org who declined to give his last name, told "
                                "Reuters his scavenger hunt was meant as a joke.",
                                "scavenger"),
                        "Chuck");
    /* Speeches and novels: once said, who said, a name set off by
     * commas before the verb, an inverted verb that starts a sentence,
     * cried, an adverb after the name. */
    assert_string_equal(speaker("Yogi Berra once said, \"When you come to a fork in the road, "
                                "take it.\"",
                                "fork"),
                        "Yogi Berra");
    assert_string_equal(speaker("We shall follow the example of Andrew Jackson who said: \"I "
                                "intend to ask for nothing that is not clearly right.\"",
                                "intend"),
                        "Andrew Jackson");
    assert_string_equal(speaker("And as an ancient Chinese philosopher, Lao-tzu, said: \"Govern "
                                "a great nation as you would cook a small fish.\"",
                                "Govern"),
                        "Lao-tzu");
    assert_string_equal(speaker("Says Pillai: \"The most interactive open source community "
                                "springs from here.\"",
                                "interactive"),
                        "Pillai");
    assert_string_equal(speaker("\"Vengeance on a dumb brute!\" cried Starbuck, \"that simply "
                                "smote thee from blindest instinct!\"",
                                "smote"),
                        "Starbuck");
    assert_string_equal(speaker("\"Captain Peleg,\" said Bildad steadily, \"thy conscience may "
                                "be a leaky one.\"",
                                "conscience"),
                        "Bildad");
    /* A dash before words that are no signature's name (the quotation
     * opens the passage: the passage before's speaker). */
    assert_string_equal(speaker("\"We must not allow the world's worst leaders to blackmail "
                                "us.\"  -- Whats truly sad is the repetition.",
                                "blackmail"),
                        "(he)");
    assert_string_equal(speaker("A single mom in Texas who wrote to me said the check saved "
                                "her.",
                                "check"),
                        "");
    /* Reply-quoted lines: the writer the line one level up names. */
    const char *thread = "On Mon, Jesse Keating wrote:\n"
                         "> On Mon, Matthias Saou <m@rpmforge.net> wrote:\n"
                         "> > I have never heard of a drive having problems with DMA.\n"
                         "> It happens on older drives.\n"
                         "My own words here.\n"
                         "> Another quoted line follows.\n";
    assert_string_equal(speaker(thread, "drive having"), "Matthias Saou");
    assert_string_equal(speaker(thread, "older drives"), "Jesse Keating");
    assert_string_equal(speaker(thread, "Another quoted"), "");
    /* Quoted lines whose writer's line is the passage before's (a blank
     * line between them): left to it, with their depth. */
    const char *quoted = "> > Creditors are left holding the bag.\n>\n"
                         "> In my experience, it is the shareholders.\n";
    qy_result q = {.text = (char *)quoted, .text_len = strlen(quoted)};
    qy_ptoks qpt;
    assert_int_equal(qy_ptoks_analyze(analyzer(), &q, &qpt, NULL), CS_OK);
    qy_said_at at;
    size_t from = (size_t)(strstr(quoted, "shareholders") - quoted);
    assert_int_equal(qy_said_find(quoted, q.text_len, &qpt, from, from, &at), CS_OK);
    qy_ptoks_clear(&qpt);
    assert_int_equal(at.found, 0);
    assert_int_equal(at.reply_depth, 1);
    assert_string_equal(last_speaker("Thanks for the link.\n\nOn Sun, 1 Sep 2002, Bill "
                                     "Stoddard wrote:\n",
                                     2 + 1),
                        "Bill Stoddard");
    /* Not past the replier's own words, nor for a deeper line a writer
     * of shallower ones. */
    assert_string_equal(last_speaker("On Sun, Bill Stoddard wrote:\nI disagree with that.\n",
                                     2 + 1),
                        "");
    assert_string_equal(last_speaker("> On Sun, Bill Stoddard wrote:\n", 2 + 1), "");
    assert_string_equal(last_speaker("> On Sun, Bill Stoddard wrote:\n", 2 + 2),
                        "Bill Stoddard");
    assert_string_equal(speaker("cwg@DeepEddy.Com said:\n> I checked in a code cleanup.\n",
                                "cleanup"),
                        "");
    /* Whom a speaker told is no speaker. */
    assert_string_equal(speaker("\"The government condemned them to live in poverty,\" Jose "
                                "Sandoval, author of \"Mother Aged 5,\" told Reuters.",
                                "poverty"),
                        "");
    /* A long apposition, or one that starts with a possessive; the
     * nearest comma is not always where it starts. */
    assert_string_equal(speaker("\"Advertisers are moving into online ads,\" Niren Hiro, "
                                "Yahoo's general manager for Southeast Asia, said in an "
                                "interview Thursday.",
                                "online"),
                        "Niren Hiro");
    assert_string_equal(speaker("Monica Gabrielle, who lost her husband, Richard, when the "
                                "south tower fell and who is a member of the Skyscraper Safety "
                                "Campaign, said the information should be disclosed.",
                                "disclosed"),
                        "Monica Gabrielle");
    /* A quotation resumed after its speaker, or going on in a sentence of
     * its own; one that opens the passage is the passage before's. */
    assert_string_equal(speaker("\"It's important for this to be published,\" said Dr. John "
                                "Osteraas, director of engineering at Exponent Failure "
                                "Analysis in Menlo Park, Calif., and a consultant on the "
                                "case, \"because then the community can sort it out.\"",
                                "community"),
                        "Dr. John Osteraas");
    assert_string_equal(speaker("\"Game players don't have normal relationships,\" said Kim "
                                "Hyun Soo, a psychiatrist. \"Young people are losing the "
                                "ability to relate to others.\"",
                                "Young people"),
                        "Kim Hyun Soo");
    assert_string_equal(speaker("\"Thai women are dissatisfied with life in Thailand.\"",
                                "dissatisfied"),
                        "(he)");
    /* When and where after the verb. */
    assert_string_equal(speaker("Dell is gaining market share, Rollins told reporters after "
                                "Dell's annual shareholder meeting here.",
                                "gaining"),
                        "Rollins");
    /* A quotation that ends its sentence: a speaker after it ends the
     * sentence, or is another sentence's (here the one before it: an
     * article, a name and a title). */
    assert_string_equal(speaker("\"No serious data leak!\" Rama wrote on Twitter.", "serious"),
                        "Rama");
    assert_string_equal(speaker("An RCA spokesman said: \"Marches don't seem to be doing "
                                "anything good.\" The "
                                "Countryside Alliance said it did not have any part in it.",
                                "Marches"),
                        "An RCA spokesman");
    /* A description for a name said before it: one the noun calls so,
     * one that ends in the noun; not the last speaker, who may be a
     * person. */
    assert_string_equal(speaker("An Iranian hacker group called Homeland Justice claimed "
                                "responsibility. In a message, the group said it is \"back to "
                                "destroy supporters of terrorists.\"",
                                "destroy"),
                        "Homeland Justice");
    assert_string_equal(speaker("The Church Society wrote to the archbishop. Nevertheless, the "
                                "society said: \"He prefers his private judgment.\"",
                                "private"),
                        "Church Society");
    assert_string_equal(speaker("Users will allocate resources with a few clicks, Sun said.",
                                "allocate"),
                        "Sun");
    assert_string_equal(speaker("Rama said the talks failed. Networks will change, the company "
                                "said.",
                                "Networks"),
                        "the company");
    assert_string_equal(speaker("\"This project shows how translation can be deployed,\" said "
                                "the team from Carnegie Mellon University in a paper.",
                                "translation"),
                        "the team from Carnegie Mellon University");
    /* Quotation marks as TeX and the wires' mail wrote them. */
    assert_string_equal(speaker("``The most interesting part is why,'' said Amit Patel, who "
                                "has been a member of the logs team. ``You can't interpret it "
                                "unless you know what else is going on.''",
                                "interpret"),
                        "Amit Patel");
    /* Two apostrophes open a quotation before a word, as the wires' news
     * in mail wrote it: the quotation that goes on in the next sentence
     * is the same speaker's. */
    assert_string_equal(speaker("''We believe they are safe there,'' said Som Somphat, deputy "
                                "governor of the province.\n''The people of Po Pich pledged to "
                                "treat them with respect.''",
                                "pledged"),
                        "Som Somphat");
    assert_string_equal(speaker("It isn''t so, said Tom. ''Maybe,'' said Ann.", "so"), "Tom");
    /* A quotation whose closing mark was left out before ", said X";
     * from a quotation in apostrophes inside it when more than one
     * sentence comes before; not across sentences otherwise. */
    assert_string_equal(speaker("\"The new CD contains everything the entrepreneur needs, and "
                                "will be available worldwide,\nsaid Gary Shawkey, CEO of the "
                                "alliance.",
                                "entrepreneur"),
                        "Gary Shawkey");
    assert_string_equal(speaker("\"It will not be much more use than bioreactors. 'Organisms "
                                "have a special talent for that kind of reaction,' says "
                                "Siegfried.",
                                "talent"),
                        "Siegfried");
    assert_string_equal(speaker("\"He bubbles the gas into a vessel. The heat is low enough, "
                                "says Yamasaki, to make it feasible.",
                                "bubbles"),
                        "(he)");
    /* A passive "quoted as saying" speaks for its subject. */
    assert_string_equal(speaker("Rama was quoted as saying that the attack failed.", "attack"),
                        "Rama");
    assert_string_equal(speaker("\"It is a political statement,\" Perens was quoted as saying.",
                                "political"),
                        "Perens");
    /* A name after a quotation that ends in a preposition speaks it. */
    assert_string_equal(speaker("\"I hope he sees what it is all about,\" Ms Kenworthy said.",
                                "hope"),
                        "Ms Kenworthy");
    /* Verbs that report speech only next to a quotation or before
     * "that". */
    assert_string_equal(speaker("Thomas Jefferson once observed that the price of liberty is "
                                "eternal vigilance.",
                                "liberty"),
                        "Thomas Jefferson");
    assert_string_equal(speaker("The president responded, \xE2\x80\x9CI can hear you.\xE2\x80\x9D",
                                "hear"),
                        "The president");
    assert_string_equal(speaker("\"Films such as K3G,\" adds Gandhi, \"are examples of films "
                                "that are half traditional.\"",
                                "examples"),
                        "Gandhi");
    assert_string_equal(speaker("\"It looked a little like sealskin buried in the ice,\" recalls "
                                "Warren Ward, a teacher.",
                                "sealskin"),
                        "Warren Ward");
    assert_string_equal(speaker("The Act adds 97 million acres of new parks, doubling the size "
                                "of our parks.",
                                "doubling"),
                        "");
    assert_string_equal(speaker("The board has observed commendable economy in the matter of "
                                "the building.",
                                "economy"),
                        "");
    assert_string_equal(speaker("The Brazilian Government, however, complained of it as a "
                                "measure for which no cause had been given.",
                                "measure"),
                        "");
    assert_string_equal(speaker("\"You see,\" laughed the bartender, \"every time the fig leaf "
                                "is lifted, the lights go out.\"",
                                "fig"),
                        "the bartender");
    /* A signature's epigraph: the name on the passage's last line after
     * a dash; not a list's lines. */
    assert_string_equal(speaker("Regards,\nAnthony\n-- \nThe worst sin is not to hate them, but "
                                "to be indifferent.\n - George Bernard Shaw",
                                "worst"),
                        "George Bernard Shaw");
    assert_string_equal(speaker("Things to buy:\n- Milk and bread\n- Call Bob", "Things"), "");
    /* A name in brackets that ends the passage; two words or more. */
    assert_string_equal(speaker("I wonder what the derivation is? Can you shed any light? "
                                "[Martin Hayman]",
                                "derivation"),
                        "Martin Hayman");
    assert_string_equal(speaker("\"The sum of human wisdom is not contained in any one "
                                "language.\" [Ezra Pound, quoted by David Crystal in the "
                                "Guardian]",
                                "wisdom"),
                        "Ezra Pound");
    assert_string_equal(speaker("UUnet North American Backbone Problems [TIX106448]", "Backbone"),
                        "");
    /* One word and a comma on the line below a quotation open a
     * sentence: no signature. */
    assert_string_equal(speaker("Mr Moore said: \"It was very fashionable to have "
                                "taxidermy.\"\nNevertheless, figures of up to 2m have been "
                                "discussed.",
                                "fashionable"),
                        "Mr Moore");
    assert_string_equal(speaker("Yecies, of Netscape, said, \"That's true, but the engineer is "
                                "a Netscape employee.\"\n_\nYes, ok, I suppose that's true.",
                                "engineer"),
                        "Yecies");
    /* Windows-1252's quotation marks in a mail that is not UTF-8. */
    assert_string_equal(speaker("\x93" "For the first few days I expected two men from the "
                                "Special Branch. Instead only the postman called \x96 with "
                                "packets,\x94 Herr Popp said.",
                                "Special"),
                        "Herr Popp");
    /* A writer's name in quotation marks, as mailers write it. */
    assert_string_equal(speaker("\"George J. Jahchan\" wrote:\n>\n> The whole purpose of the "
                                "device is to prevent WAN congestion.\n",
                                "purpose"),
                        "George J. Jahchan");
    /* Whose a text is, by a name before its noun. */
    assert_string_equal(speaker("A Pentagon statement said NORAD received unverified reports.",
                                "unverified"),
                        "Pentagon");
    /* The name after "quoted" speaks the quotation, not the words
     * before it. */
    const char *quoted_by = "In another close call, the New York Times, January 23, 1961, "
                            "quoted Dirksen: \"Three to five billion for public works. You "
                            "haven't got any budget balance left.\"";
    assert_string_equal(speaker(quoted_by, "budget"), "Dirksen");
    assert_string_equal(speaker(quoted_by, "close call"), "");
    assert_string_equal(speaker("The paper quoted Rama as saying the attack was abnormal.",
                                "abnormal"),
                        "Rama");
    /* A scientist's field as his title; an adverb between a name, its
     * apposition and the verb, but not after "the" and a noun. */
    assert_string_equal(speaker("\"I would very much hesitate,\" says reproductive biologist "
                                "Roger Gosden of the East Virginia Medical School.",
                                "hesitate"),
                        "Roger Gosden");
    assert_string_equal(speaker("As Bishop Galloway, of Mississippi, has finely said: \"When "
                                "the rule of a mob obtains, civilization is surrendered.\"",
                                "mob"),
                        "Bishop Galloway");
    assert_string_equal(speaker("The system has fully answered the expectations of its "
                                "friends in securing competent public servants.",
                                "competent"),
                        "");
    /* A first name that starts as a month's does is a name (not: Marc as
     * March); a month before a name is no part of it. */
    assert_string_equal(speaker("Marc Perkel said the rule was too broad.", "broad"),
                        "Marc Perkel");
    assert_string_equal(speaker("In March Rama said the rule was too broad.", "broad"), "Rama");
    /* A time zone in capitals before a writer's name is no part of it. */
    assert_string_equal(last_speaker("On Sat, 7 Sep 2002 10:41:45 CET John Rudd wrote:\n", 2 + 1),
                        "John Rudd");
    /* An initial before a surname without a space. */
    assert_string_equal(last_speaker("Craig R.Hughes <craig@deersoft.com> writes:\n", 2 + 1),
                        "Craig R.Hughes");
}

static void test_no_speaker(void **state)
{
    (void)state;
    /* Another sentence's verb says nothing of these words. */
    assert_string_equal(speaker("Rama said so on Friday. The systems failed again "
                                "yesterday.",
                                "systems"),
                        "");
    /* A verb inside a quotation is the speaker's words, not whose they
     * are. */
    assert_string_equal(speaker("\"Rama said we would win,\" the report read.", "win"), "");
    /* A quotation that ends a sentence ends it outside too. */
    assert_string_equal(speaker("In a message, the group said it is \"back to destroy "
                                "supporters of terrorists.\" The hackers have since been "
                                "publishing emails.",
                                "emails"),
                        "");
    /* Nor a clause of its own after the words; but one that the words
     * run into is their speaker's. */
    const char *us = "After the announcement by Tirana in July, the United States "
                     "announced new sanctions against Tehran on Friday.";
    assert_string_equal(speaker_of(us, "July", "July"), "");
    assert_string_equal(speaker_of(us, "July", "sanctions"), "United States");
    /* A name after a preposition, or qualifying a noun, is no speaker. */
    assert_string_equal(speaker("The first President of the United States announced "
                                "the census.",
                                "census"),
                        "");
    assert_string_equal(speaker("Al Qaida's top commander in Iraq declared that they "
                                "will not rest.",
                                "rest"),
                        "");
    assert_string_equal(speaker("According to the George Washington documentary, I had "
                                "much alcohol on hand.",
                                "alcohol"),
                        "");
    /* Nor the words after a verb behind a comma ("the attack" here). */
    assert_string_equal(speaker("Officials left in June, said the attack was sabotage, "
                                "and went home.",
                                "sabotage"),
                        "");
    /* After a comma, a verb that acts on a name does not say it spoke. */
    assert_string_equal(speaker("The minister, in a letter on Friday, urged the Chinese "
                                "Government to admit the loan.",
                                "admit"),
                        "");
    /* A window cut inside a quotation: its straight mark after a full
     * stop closes it. */
    assert_string_equal(speaker("The Government told me I was doing useful work in the "
                                "service of my country.\" It is argued that we have passed "
                                "the stage.",
                                "passed"),
                        "");
    assert_string_equal(speaker("P.S. Who said that the US had to be number 1?", "number"), "");
    /* Nor a capital word that names no one. */
    assert_string_equal(speaker("Another said: \"This program has been around for a "
                                "long time.\"",
                                "program"),
                        "");
}

/* The name for a title and a surname (the last the text gives before,
 * with a given name or an initial, not of the other sex) or for a
 * description. */
static const char *fuller(const char *name, const char *text)
{
    static char out[256];
    qy_cand c;
    memset(&c, 0, sizeof c);
    c.r.text = (char *)"";
    c.r.byte_start = strlen(text) + 10;
    c.r.said_by.name = strdup(name);
    c.r.said_by.cite = strdup("x:9");
    c.r.said_by.byte_start = c.r.said_by.byte_end = strlen(text) + 10;
    qy_result src = {.text = (char *)text, .text_len = strlen(text), .path = (char *)"x",
                     .line_start = 1};
    int found;
    assert_true(qy_said_short(name) > 0);
    assert_int_equal(qy_said_fuller(analyzer(), &c, &src, &found), CS_OK);
    snprintf(out, sizeof out, "%s", found ? c.r.said_by.name : "");
    assert_string_equal(c.r.said_by.name, found ? out : name);
    free(c.r.said_by.name);
    free(c.r.said_by.cite);
    return out;
}

static void test_full_name(void **state)
{
    (void)state;
    assert_string_equal(fuller("Dr. Chamie", "Urbanization is not bad, said Dr. Joseph "
                                             "Chamie, director of the division."),
                        "Joseph Chamie");
    assert_string_equal(fuller("Judge Cooper", "U.S. District Judge Florence-Marie Cooper "
                                               "ruled on Monday."),
                        "Florence-Marie Cooper");
    assert_string_equal(fuller("Mr. Bush", "First Lady Laura Bush spoke first. Then "
                                           "President George W. Bush arrived."),
                        "George W. Bush");
    assert_string_equal(fuller("Mr. Bush", "First Lady Laura Bush spoke first."), "");
    assert_string_equal(fuller("Mr Morris", "Aid Mr Morris went on."), "");
    /* A description: the name that ends in its noun, or that it calls so;
     * not a company's short form (an article names rivals too). */
    assert_string_equal(fuller("the society", "The council of the Church Society, the "
                                              "oldest of its kind, met."),
                        "Church Society");
    assert_string_equal(fuller("the group", "It was an Iranian hacker group called Homeland "
                                            "Justice."),
                        "Homeland Justice");
    assert_string_equal(fuller("the company", "Its rivals, Hewlett-Packard Co. and IBM, "
                                              "waited."),
                        "");
    /* A surname alone: the last full name before that ends in it, by its
     * given name, initials and surname when a title the lists do not
     * hold, or an office, runs into it. */
    assert_string_equal(fuller("Rama", "Prime Minister Edi Rama confirmed there was no "
                                       "breach."),
                        "Edi Rama");
    assert_string_equal(fuller("Powell", "Secretary of State Colin Powell arrived."),
                        "Colin Powell");
    assert_string_equal(fuller("Rice", "National Security Advisor Condoleezza Rice called."),
                        "Condoleezza Rice");
    assert_string_equal(fuller("Chapman", "Mark David Chapman, 47, was jailed."),
                        "Mark David Chapman");
    assert_string_equal(fuller("Tillman", "It passed to Colonel Mark Tillman."), "Mark Tillman");
    assert_string_equal(fuller("Herr Popp", "said the letter-writer, who was in fact the "
                                            "Cologne novelist Rainer Popp."),
                        "Rainer Popp");
    assert_string_equal(fuller("Stubb", "No use, Massa Stubb; dey don't hear."), "");
    assert_string_equal(fuller("Albania", "The telecoms firm One Albania said so."), "");
    assert_string_equal(fuller("Bildad", "Thou Bildad, avast."), "");
    assert_false(qy_said_short("Joseph Chamie"));
    assert_int_equal(qy_said_short("Chamie"), 3);
    assert_false(qy_said_short("AKCESK"));
    assert_false(qy_said_short("President"));
    assert_false(qy_said_short("Everyone"));
    assert_false(qy_said_short("N.B"));
    assert_int_equal(qy_said_short("the health organization"), 2);
    assert_int_equal(qy_said_short("the Guardian"), 0);
}

/* Names with particles in small letters: several in a row (de la), one
 * that starts a surname said alone (van der Berg said, de Villepin told),
 * and an Arabic al- joined by a hyphen. */
static void test_particles(void **state)
{
    (void)state;
    assert_string_equal(speaker("The review's author, Professor H\xC3\xA9l\xC3\xA8ne de la Roche, "
                                "was blunt. \"These barriers were installed for the "
                                "photographs,\" she said. \"Not one was inspected,\" said "
                                "Professor H\xC3\xA9l\xC3\xA8ne de la Roche.",
                                "Not one"),
                        "Professor H\xC3\xA9l\xC3\xA8ne de la Roche");
    assert_string_equal(speaker("\"Finally someone has written it down,\" van der Berg said.",
                                "Finally"),
                        "van der Berg");
    assert_string_equal(speaker("\"The rules protect citizens,\" de Villepin told a press "
                                "conference.",
                                "The rules"),
                        "de Villepin");
    assert_string_equal(speaker("\"Amman is ready,\" al-Hashimi said.", "Amman"), "al-Hashimi");
    assert_string_equal(speaker("\"We were told the barriers would hold,\" said Karim "
                                "al-Masri, a shopkeeper whose store was flooded.",
                                "We were"),
                        "Karim al-Masri");
    assert_string_equal(speaker("\"This is the first time,\" said Abdullah al-Hashimi, the "
                                "Jordanian envoy, \"and it will not be the last.\"",
                                "This is"),
                        "Abdullah al-Hashimi");
    /* (After a title's abbreviation too.) */
    assert_string_equal(speaker("\"We will act,\" said Mr. van der Berg.", "We will"),
                        "Mr. van der Berg");
    assert_string_equal(speaker("\"We will act,\" Ms. de la Cruz told reporters.", "We will"),
                        "Ms. de la Cruz");
    /* (A preposition before the particle still says where: the mayor of
     * la Rochelle is no speaker by his town's name.) */
    assert_string_equal(speaker("The mayor of la Rochelle said the port would close.", "port"),
                        "");
}

/* An inverted verb and a description, the name after it set off by a
 * comma: the name is the speaker, and the quotation's paragraphs after. */
static void test_described_then_named(void **state)
{
    (void)state;
    const char *t = "\"The fund is a fine idea, but nobody has paid into it,\" said the "
                    "Belgian delegate, Karel van Houten. \"A fund without deposits is an "
                    "empty box.";
    assert_string_equal(speaker(t, "The fund"), "Karel van Houten");
    assert_string_equal(speaker(t, "empty box"), "Karel van Houten");
    assert_string_equal(speaker("\"This is the first time,\" said the Jordanian envoy, "
                                "Abdullah al-Hashimi, \"and it will not be the last.\"",
                                "This"),
                        "Abdullah al-Hashimi");
    assert_string_equal(speaker("\"It was a fair offer,\" said the company's chief "
                                "executive, Birgitta Holm, in an interview.",
                                "It was"),
                        "Birgitta Holm");
    /* (After a name's possessive and a noun or a title too.) */
    assert_string_equal(speaker("\"The deal is dead,\" said Ekdahl's rival, Anna Berg.",
                                "The deal"),
                        "Anna Berg");
    assert_string_equal(speaker("\"The deal is dead,\" said Berg's spokesman, Tom Lind.",
                                "The deal"),
                        "Tom Lind");
    assert_string_equal(speaker("\"The deal is dead,\" said Berg's spokesman.", "The deal"),
                        "Berg's spokesman");
    /* (Not a place after the description, nor a clause's subject.) */
    assert_string_equal(speaker("\"It was a fair offer,\" said the mayor of the town, "
                                "Zutphen.",
                                "It was"),
                        "the mayor");
    assert_string_equal(speaker("\"It was a fair offer,\" said the union, Holm said.",
                                "It was"),
                        "the union");
}

/* Words a speaker quotes another as saying, in apostrophes inside his
 * quotation after a verb, are not his; words he only sets in
 * apostrophes are. */
static void test_quoted_inside(void **state)
{
    (void)state;
    const char *t = "\"I told him it was illegal,\" Dahl said. \"He laughed and said 'this "
                    "is how politics works in this country.'\"";
    assert_string_equal(speaker(t, "this is how"), "");
    assert_string_equal(speaker(t, "He laughed"), "Dahl");
    assert_string_equal(speaker("\xE2\x80\x9CShe told me \xE2\x80\x98go home\xE2\x80\x99 and "
                                "left,\xE2\x80\x9D Berg said.",
                                "go home"),
                        "");
    assert_string_equal(speaker("\"We call it 'the plan,' and it is ours,\" Berg said.",
                                "the plan"),
                        "Berg");
    assert_string_equal(speaker("\"It is the members' money,\" Berg said. \"They said no.\"",
                                "They said"),
                        "Berg");
}

/* A verb's object that a participle follows speaks: Dahl recalled
 * Sandberg saying '...'. */
static void test_object_saying(void **state)
{
    (void)state;
    assert_string_equal(speaker("Dahl recalled Sandberg saying 'nobody will ever look at these "
                                "invoices' at a meeting in 2018.",
                                "nobody"),
                        "Sandberg");
    assert_string_equal(speaker("Testifying on Tuesday, Erik Dahl recalled Maria Sandberg saying "
                                "\"nobody will ever look at these invoices.\"",
                                "nobody"),
                        "Maria Sandberg");
    /* (Not a name after a preposition, nor the sentence's subject.) */
    assert_string_equal(speaker("Dahl sent a letter to Sandberg saying that the invoices were "
                                "false.",
                                "the invoices"),
                        "");
    assert_string_equal(speaker("Iran denied the accusations, saying the attack was not its "
                                "own.",
                                "the attack"),
                        "Iran");
}

/* The British press's quotations in apostrophes, in a text with no
 * quotation mark: a quotation that goes on after its speaker is his; a
 * plural's possessive or a word in apostrophes inside a sentence does
 * not hide a name after it. */
static void test_apostrophe_quotations(void **state)
{
    (void)state;
    assert_string_equal(speaker("'We let our patients down,' Dr Hart said. 'Every one was a "
                                "family's plan thrown away.'",
                                "Every one"),
                        "Dr Hart");
    assert_string_equal(speaker("\xE2\x80\x98It is the members' money,\xE2\x80\x99 Berg said. "
                                "\xE2\x80\x98They want it back.\xE2\x80\x99",
                                "They want"),
                        "Berg");
    assert_string_equal(speaker("Berg called the plan 'reckless' and Anna Smith said it would "
                                "fail.",
                                "it would"),
                        "Anna Smith");
    assert_string_equal(speaker("The members' union met. Anna Smith said it would fail.",
                                "it would"),
                        "Anna Smith");
}

/* "the" and a noun after a quotation speak though where or how follows
 * the verb; not elsewhere. */
static void test_phrase_where(void **state)
{
    (void)state;
    const char *t = "\"We will act,\" the ministry said in a statement. \"Nothing will stop "
                    "us.\"";
    assert_string_equal(speaker(t, "We will"), "the ministry");
    assert_string_equal(speaker(t, "Nothing"), "the ministry");
    assert_string_equal(speaker("\"We will act,\" the company said on its website.", "We will"),
                        "the company");
    assert_string_equal(speaker("\"We will act,\" the spokesman said at a briefing.", "We will"),
                        "the spokesman");
    /* (Not a phrase that starts no clause after a quotation, nor one
     * whose verb reports no speech.) */
    assert_string_equal(speaker("He saw that the progress noted in the report was small.",
                                "the report"),
                        "");
    assert_string_equal(speaker("\"We will act.\" The progress noted in the report was small.",
                                "the report"),
                        "");
}

/* A post's and a participle's verbs: posted next to a quotation,
 * telling as saying. */
static void test_posted_telling(void **state)
{
    (void)state;
    assert_string_equal(speaker("\"The deal is dead,\" Anna Berg posted on Facebook.",
                                "The deal"),
                        "Anna Berg");
    assert_string_equal(speaker("The witness remembered Hallstr\xC3\xB6m telling him \"the "
                                "auditors are friends of ours\" before the vote.",
                                "the auditors"),
                        "Hallstr\xC3\xB6m");
    assert_string_equal(speaker("Iran rejected the report, telling reporters that it was "
                                "false.",
                                "it was"),
                        "Iran");
    /* (Not a company's results far from any quotation.) */
    assert_string_equal(speaker("Ikea posted a loss. The loss was small.", "The loss"), "");
    /* (Nor words in quotation marks after it, the writer's, but after a
     * colon.) */
    assert_string_equal(speaker("Ikea posted \"record\" profits on Monday.", "record"), "");
    assert_string_equal(speaker("The bank posted a \"significant\" loss.", "significant"), "");
    assert_string_equal(speaker("Anna Berg posted on Facebook: \"The deal is dead.\"", "The deal"),
                        "Anna Berg");
}

/* Words a person called something, next to the quotation, are his:
 * Ekdahl called the deal "a disaster"; described as, dubbed. */
static void test_called(void **state)
{
    (void)state;
    assert_string_equal(speaker("Ekdahl called the deal \"a disaster for the north.\"",
                                "a disaster"),
                        "Ekdahl");
    assert_string_equal(speaker("Anna Berg described Ekdahl's plan as \"a fantasy.\"",
                                "a fantasy"),
                        "Anna Berg");
    assert_string_equal(speaker("\"The deal is dead,\" Berg said. The ministry dubbed the plan "
                                "\"a trap.\"",
                                "a trap"),
                        "The ministry");
    /* (A name after "after" or "before" a verb follows starts a clause.) */
    assert_string_equal(speaker("\"The deal is dead,\" Berg said on Tuesday, hours after Ekdahl "
                                "called it \"a disaster.\"",
                                "a disaster"),
                        "Ekdahl");
    assert_string_equal(speaker("The commander in Iraq declared the war over.", "the war"), "");
    /* (But not after a noun of its own: the report is before Congress, which
     * said nothing.) */
    assert_string_equal(speaker("The report before Congress said \"the funds are gone.\"",
                                "the funds"),
                        "");
    assert_string_equal(speaker("The case before Judge Lind states \"the funds are gone.\"",
                                "the funds"),
                        "");
    assert_string_equal(speaker("A day after Ekdahl said \"no deal,\" Berg resigned.", "no deal"),
                        "Ekdahl");
    /* (Not far from a quotation, nor a name's that is called so.) */
    assert_string_equal(speaker("Ekdahl called the deal a disaster for the north.", "a disaster"),
                        "");
    assert_string_equal(speaker("A man called \"Bob\" was seen.", "Bob"), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_after_quotation), cmocka_unit_test(test_before_quotation),
        cmocka_unit_test(test_pronoun), cmocka_unit_test(test_reported_speech),
        cmocka_unit_test(test_text_speaks), cmocka_unit_test(test_forms_of_mail_and_news),
        cmocka_unit_test(test_no_speaker), cmocka_unit_test(test_full_name),
        cmocka_unit_test(test_particles), cmocka_unit_test(test_described_then_named),
        cmocka_unit_test(test_quoted_inside), cmocka_unit_test(test_object_saying),
        cmocka_unit_test(test_apostrophe_quotations), cmocka_unit_test(test_phrase_where),
        cmocka_unit_test(test_posted_telling), cmocka_unit_test(test_called),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
