/* language.c — the language of quire's own words, and the check of a
 * dataset's language: tag (see language.h). */
#include "language.h"

#include <quire/quire-plugin.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char *language_words(const char *bcp47)
{
    return quire_language_korean(bcp47) ? "ko" : "en";
}

/* ISO 639-1, the two-letter primary subtags BCP 47 uses. "kr" (Kanuri) is
 * left out on purpose: written in a dataset it is Korea's country code
 * far more often than Kanuri, so it is warned of with "ko". */
static const char iso639_1[] =
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko ks ku "
    "kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn "
    "no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm "
    "sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu";

/* What people write for a language that is not its subtag: country
 * codes, ISO 639-2 codes of languages that have a two-letter one (BCP 47
 * uses the two letters), and names. */
static const struct { const char *written, *subtag; } slips[] = {
    {"kr", "ko"}, {"kor", "ko"}, {"korean", "ko"}, {"hangul", "ko"}, {"kp", "ko"},
    {"eng", "en"}, {"english", "en"}, {"us", "en"}, {"gb", "en"},
    {"jp", "ja"}, {"jpn", "ja"}, {"japanese", "ja"},
    {"cn", "zh"}, {"zho", "zh"}, {"chi", "zh"}, {"chinese", "zh"}, {"tw", "zh"},
    {"fra", "fr"}, {"fre", "fr"}, {"french", "fr"},
    {"deu", "de"}, {"ger", "de"}, {"german", "de"},
    {"spa", "es"}, {"spanish", "es"}, {"ita", "it"}, {"italian", "it"},
    {"por", "pt"}, {"portuguese", "pt"}, {"rus", "ru"}, {"russian", "ru"},
    {"vie", "vi"}, {"vietnamese", "vi"}, {"dk", "da"}, {"gr", "el"}, {"cz", "cs"},
    {"ua", "uk"}, {"vn", "vi"}, {"ir", "fa"}, {"il", "he"}, {"in", "hi"},
};

void language_check(diag *d, const char *file, long line, long col, const char *tag)
{
    char primary[16];
    size_t n = 0;

    if (!tag)
        return;
    while (tag[n] && tag[n] != '-' && n + 1 < sizeof primary) {
        primary[n] = (char)tolower((unsigned char)tag[n]);
        n++;
    }
    primary[n] = '\0';
    const char *hint = NULL;
    for (size_t i = 0; i < sizeof slips / sizeof *slips; i++)
        if (strcmp(primary, slips[i].written) == 0)
            hint = slips[i].subtag;
    int known = n == 2 && strstr(iso639_1, primary) && (strstr(iso639_1, primary) - iso639_1) % 3 == 0;
    /* three letters: ISO 639-2/3, too many to list; the slips above aside */
    if (!hint && (known || n == 3 || (n == 1 && (primary[0] == 'x' || primary[0] == 'i'))))
        return;
    if (hint)
        diag_warning(d, file, line, col,
                     "language '%s': '%s' is not the language subtag it looks like; did you mean "
                     "'%s'? (quire writes its own words in %s)",
                     tag, primary, hint, quire_language_korean(tag) ? "Korean" : "English");
    else
        diag_warning(d, file, line, col,
                     "language '%s': '%s' is no ISO 639 language (quire writes its own words in "
                     "English)", tag, primary);
}
