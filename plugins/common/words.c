/* words.c — see words.h. */
#include "words.h"

#include <strings.h>

static const char *const table[WORD_N][WORDS_N_LANGS] = {
    /*                      English                          Korean */
    [WORD_SOURCE_PREFIX] = {"Source: ",                      "출처: "},
    [WORD_SOURCES]       = {"Sources",                       "출처"},
    [WORD_CONTENTS]      = {"Contents",                      "목차"},
    [WORD_CONTINUED]     = {"(continued)",                   "(계속)"},
    [WORD_SUMMARY]       = {"Summary",                       "요약"},
    [WORD_DATE]          = {"Date",                          "발행일"},
    [WORD_UNIT_PREFIX]   = {"Unit: ",                        "단위: "},
    [WORD_RIGHT_AXIS]    = {"right axis",                    "오른쪽 축"},
    [WORD_NO_VALUE]      = {"No value: ",                    "값 없음: "},
    [WORD_NOT_SHOWN]     = {"Zero or negative, not shown: ", "0 이하 제외: "},
};

words_lang words_lang_of(const char *bcp47, words_lang fallback)
{
    if (!bcp47)
        return fallback;
    /* the primary subtag decides: "ko", "ko-KR", "ko_KR", "ko-Kore-KR" */
    if (strncasecmp(bcp47, "ko", 2) == 0 && (bcp47[2] == '\0' || bcp47[2] == '-' || bcp47[2] == '_'))
        return WORDS_KO;
    return WORDS_EN;
}

const char *words(words_lang lang, word w)
{
    return lang < WORDS_N_LANGS && w < WORD_N ? table[w][lang] : "";
}
