/*
 * tx_units.c - units of measure and currencies, by their names.
 *
 * A claim's "40 kilometres" is the article's "40km", its "kilometers" the
 * British "kilometres" (two Snowball stems), its "USD" a dollar sign.
 * One table says which words name the same unit, for the claim report,
 * and which abbreviations may be written glued to a number ("40km",
 * "2.5kg", "24hrs"), which the analysis reads as the number and the unit;
 * another which currency a sign by a number names ("$5" is 5 dollars).
 * The signs are not made words: a quotation that leaves out "$" still
 * finds "$5 million" verbatim, as the reader hears it.
 * The short scales of amounts (5k, 1.5m, 2bn) are not units: the amount
 * code reads those, so "m" is no abbreviation here, nor "g" ("5G" names a
 * network) nor "s" ("1990s").
 */
#include "tx.h"

#include <string.h>
#include <strings.h>

enum {
    U_KILOMETRE, U_METRE, U_CENTIMETRE, U_MILLIMETRE, U_MILE, U_FOOT,
    U_KILOGRAM, U_GRAM, U_POUND_WEIGHT, U_TONNE, U_HOUR, U_MINUTE, U_MPH,
    U_KMH, U_KILOWATT, U_KILOWATT_HOUR, U_MEGAWATT, U_MEGAWATT_HOUR,
    U_GIGAWATT, U_GIGAWATT_HOUR, U_TERAWATT_HOUR, U_KILOBYTE, U_MEGABYTE,
    U_GIGABYTE, U_TERABYTE, U_MEGAHERTZ, U_GIGAHERTZ, U_DOLLAR, U_EURO,
    U_POUND_STERLING, U_YEN, U_RUPEE, U_COUNT
};
_Static_assert(U_COUNT <= 32, "a unit group is a bit of a uint32_t");

static const struct unit_name {
    const char *name;
    unsigned char group;
    unsigned char glued; /* may follow a number with no space: 40km */
} names[] = {
    {"km", U_KILOMETRE, 1}, {"kms", U_KILOMETRE, 1},
    {"kilometre", U_KILOMETRE, 0}, {"kilometres", U_KILOMETRE, 0},
    {"kilometer", U_KILOMETRE, 0}, {"kilometers", U_KILOMETRE, 0},
    {"metre", U_METRE, 0}, {"metres", U_METRE, 0},
    {"meter", U_METRE, 0}, {"meters", U_METRE, 0},
    {"cm", U_CENTIMETRE, 1}, {"centimetre", U_CENTIMETRE, 0},
    {"centimetres", U_CENTIMETRE, 0}, {"centimeter", U_CENTIMETRE, 0},
    {"centimeters", U_CENTIMETRE, 0},
    {"mm", U_MILLIMETRE, 1}, {"millimetre", U_MILLIMETRE, 0},
    {"millimetres", U_MILLIMETRE, 0}, {"millimeter", U_MILLIMETRE, 0},
    {"millimeters", U_MILLIMETRE, 0},
    {"mi", U_MILE, 1}, {"mile", U_MILE, 0}, {"miles", U_MILE, 0},
    {"ft", U_FOOT, 1}, {"foot", U_FOOT, 0}, {"feet", U_FOOT, 0},
    {"kg", U_KILOGRAM, 1}, {"kgs", U_KILOGRAM, 1},
    {"kilogram", U_KILOGRAM, 0}, {"kilograms", U_KILOGRAM, 0},
    {"kilogramme", U_KILOGRAM, 0}, {"kilogrammes", U_KILOGRAM, 0},
    {"kilo", U_KILOGRAM, 0}, {"kilos", U_KILOGRAM, 0},
    {"gram", U_GRAM, 0}, {"grams", U_GRAM, 0},
    {"gramme", U_GRAM, 0}, {"grammes", U_GRAM, 0},
    {"lb", U_POUND_WEIGHT, 1}, {"lbs", U_POUND_WEIGHT, 1},
    {"pound", U_POUND_WEIGHT, 0}, {"pounds", U_POUND_WEIGHT, 0},
    {"tonne", U_TONNE, 0}, {"tonnes", U_TONNE, 0},
    {"ton", U_TONNE, 0}, {"tons", U_TONNE, 0},
    {"h", U_HOUR, 1}, {"hr", U_HOUR, 1}, {"hrs", U_HOUR, 1},
    {"hour", U_HOUR, 0}, {"hours", U_HOUR, 0},
    {"min", U_MINUTE, 1}, {"mins", U_MINUTE, 1},
    {"minute", U_MINUTE, 0}, {"minutes", U_MINUTE, 0},
    {"mph", U_MPH, 1}, {"kmh", U_KMH, 1}, {"kph", U_KMH, 1},
    {"kw", U_KILOWATT, 1}, {"kilowatt", U_KILOWATT, 0},
    {"kilowatts", U_KILOWATT, 0},
    {"kwh", U_KILOWATT_HOUR, 1}, {"kilowatthour", U_KILOWATT_HOUR, 0},
    {"kilowatthours", U_KILOWATT_HOUR, 0},
    {"mw", U_MEGAWATT, 1}, {"megawatt", U_MEGAWATT, 0},
    {"megawatts", U_MEGAWATT, 0},
    {"mwh", U_MEGAWATT_HOUR, 1}, {"megawatthour", U_MEGAWATT_HOUR, 0},
    {"megawatthours", U_MEGAWATT_HOUR, 0},
    {"gw", U_GIGAWATT, 1}, {"gigawatt", U_GIGAWATT, 0},
    {"gigawatts", U_GIGAWATT, 0},
    {"gwh", U_GIGAWATT_HOUR, 1}, {"gigawatthour", U_GIGAWATT_HOUR, 0},
    {"gigawatthours", U_GIGAWATT_HOUR, 0},
    {"twh", U_TERAWATT_HOUR, 1}, {"terawatthour", U_TERAWATT_HOUR, 0},
    {"terawatthours", U_TERAWATT_HOUR, 0},
    {"kb", U_KILOBYTE, 1}, {"kilobyte", U_KILOBYTE, 0},
    {"kilobytes", U_KILOBYTE, 0},
    {"mb", U_MEGABYTE, 1}, {"megabyte", U_MEGABYTE, 0},
    {"megabytes", U_MEGABYTE, 0},
    {"gb", U_GIGABYTE, 1}, {"gigabyte", U_GIGABYTE, 0},
    {"gigabytes", U_GIGABYTE, 0},
    {"tb", U_TERABYTE, 1}, {"terabyte", U_TERABYTE, 0},
    {"terabytes", U_TERABYTE, 0},
    {"mhz", U_MEGAHERTZ, 1}, {"megahertz", U_MEGAHERTZ, 0},
    {"ghz", U_GIGAHERTZ, 1}, {"gigahertz", U_GIGAHERTZ, 0},
    /* Currencies (their signs: tx_currency_by). */
    {"dollar", U_DOLLAR, 0}, {"dollars", U_DOLLAR, 0}, {"usd", U_DOLLAR, 0},
    {"euro", U_EURO, 0}, {"euros", U_EURO, 0}, {"eur", U_EURO, 0},
    {"pound", U_POUND_STERLING, 0}, {"pounds", U_POUND_STERLING, 0},
    {"gbp", U_POUND_STERLING, 0}, {"sterling", U_POUND_STERLING, 0},
    {"yen", U_YEN, 0}, {"jpy", U_YEN, 0},
    {"rupee", U_RUPEE, 0}, {"rupees", U_RUPEE, 0}, {"inr", U_RUPEE, 0},
};

/* Currency signs, and the full-width forms of three. */
static const struct currency_sign {
    const char *sign;
    unsigned char len;
    unsigned char group;
} signs[] = {
    {"$", 1, U_DOLLAR},
    {"\xE2\x82\xAC", 3, U_EURO},         /* U+20AC EURO SIGN */
    {"\xC2\xA3", 2, U_POUND_STERLING},    /* U+00A3 POUND SIGN */
    {"\xC2\xA5", 2, U_YEN},               /* U+00A5 YEN SIGN */
    {"\xE2\x82\xB9", 3, U_RUPEE},        /* U+20B9 INDIAN RUPEE SIGN */
    {"\xEF\xBC\x84", 3, U_DOLLAR},       /* U+FF04 FULLWIDTH DOLLAR SIGN */
    {"\xEF\xBF\xA1", 3, U_POUND_STERLING}, /* U+FFE1 FULLWIDTH POUND SIGN */
    {"\xEF\xBF\xA5", 3, U_YEN},          /* U+FFE5 FULLWIDTH YEN SIGN */
};

uint32_t tx_currency_by(const char *text, size_t len, size_t start, size_t end)
{
    size_t after = end < len && text[end] == ' ' ? end + 1 : end;
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
        const struct currency_sign *c = &signs[k];
        if (start >= c->len && memcmp(text + start - c->len, c->sign, c->len) == 0)
            return UINT32_C(1) << c->group;
        /* After the number, a sign no digit follows: "5 $6" is $6. */
        if (after + c->len <= len && memcmp(text + after, c->sign, c->len) == 0 &&
            !(after + c->len < len && text[after + c->len] >= '0' &&
              text[after + c->len] <= '9'))
            return UINT32_C(1) << c->group;
    }
    return 0;
}

const char *tx_currency_sign(uint32_t groups)
{
    /* The first sign of each currency is its own (the full-width ones come
     * last). */
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++)
        if (groups & (UINT32_C(1) << signs[k].group))
            return signs[k].sign;
    return "";
}

uint32_t tx_unit_groups(const char *term, size_t len)
{
    /* (Asked of claim and passage words alike: most are no unit, and
     * none is longer than 13 bytes.) */
    uint32_t groups = 0;
    if (len == 0 || len > 13)
        return 0;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (names[k].name[0] == (term[0] | 0x20) && strlen(names[k].name) == len &&
            strncasecmp(names[k].name, term, len) == 0)
            groups |= UINT32_C(1) << names[k].group;
    return groups;
}

int tx_unit_glued(const char *word, size_t len)
{
    if (len == 0 || len > 4) /* (the longest: "mins") */
        return 0;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (names[k].glued && strlen(names[k].name) == len &&
            strncasecmp(names[k].name, word, len) == 0)
            return 1;
    return 0;
}
