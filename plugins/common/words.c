/* words.c — see words.h. */
#include "words.h"

#include <stdio.h>
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
    [WORD_NOTES]         = {"Notes",                         "주"},
    [WORD_AUTHOR]        = {"Author",                        "작성"},
    [WORD_DATA_OF]       = {"Data: ",                        "데이터: "},
    [WORD_BACK_TO_REF]   = {"Back to the text of note %d",   "본문으로 돌아가기 (주 %d)"},
    [WORD_NOTE_REF]      = {"Note %d",                       "주 %d"},
    [WORD_DATA_AS_OF]    = {"Data as of",                    "데이터 기준"},
    [WORD_INFERRED]      = {"inferred",                      "추정"},
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

size_t words_as_of(words_lang lang, const char *when, char *buf, size_t size)
{
    int n = lang == WORDS_KO ? snprintf(buf, size, "%s 기준", when)
                             : snprintf(buf, size, "as of %s", when);
    if (n < 0 || !size)
        return 0;
    return (size_t)n < size ? (size_t)n : size - 1;
}
