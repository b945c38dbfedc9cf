/* words.c — what the page itself says (headings it adds, labels), in the
 * dataset's language: Korean for ko, ko-KR, ...; English for any other,
 * as the PDF and the workbook do. */
#include "html.h"

#include <stdio.h>

static const char *const korean[W_COUNT] = {
    [W_CONTENTS] = "목차",
    [W_SUMMARY] = "요약",
    [W_SOURCES] = "출처",
    [W_NOTES] = "주",
    [W_SOURCE_PREFIX] = "출처: ",
    [W_DATE] = "발행일",
    [W_AUTHOR] = "작성",
    [W_DATA_OF] = "데이터: ",
    [W_BACK_TO_REF] = "본문으로 돌아가기 (주 %d)",
    [W_NOTE_REF] = "주 %d",
    [W_AS_OF] = "기준",
    [W_DATA_AS_OF] = "데이터 기준",
    [W_INFERRED] = "추정",
};

static const char *const english[W_COUNT] = {
    [W_CONTENTS] = "Contents",
    [W_SUMMARY] = "Summary",
    [W_SOURCES] = "Sources",
    [W_NOTES] = "Notes",
    [W_SOURCE_PREFIX] = "Source: ",
    [W_DATE] = "Date",
    [W_AUTHOR] = "Author",
    [W_DATA_OF] = "Data: ",
    [W_BACK_TO_REF] = "Back to the text of note %d",
    [W_NOTE_REF] = "Note %d",
    [W_AS_OF] = "as of",
    [W_DATA_AS_OF] = "Data as of",
    [W_INFERRED] = "inferred",
};

const char *word(const html_doc *d, html_word w)
{
    return (d->korean ? korean : english)[w];
}

void words_as_of(const html_doc *d, const char *when, char *out, size_t size)
{
    if (d->korean)
        snprintf(out, size, "%s %s", when, korean[W_AS_OF]);
    else
        snprintf(out, size, "%s %s", english[W_AS_OF], when);
}
