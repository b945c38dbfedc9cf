/*
 * labels.c — every word the workbook writes of its own, in the dataset's
 * language: sheet names, headings, column headers and notes.
 *
 * One table, one row per label, one column per language. Korean for a
 * dataset whose words the host decided are Korean (quire_dataset_korean:
 * language ko, KO, ko-KR, ...), English for any other. The words every
 * plugin writes (Sources, Summary, Date) are quire_common's words.h; a
 * new language is a new column here and there.
 */
#include "words.h"
#include "xlsx.h"

static const char *const labels[XL_N_LABELS][XLSX_N_LANGS] = {
    /*                        English                Korean */
    [XL_SHEET_SUMMARY]    = {"Summary",             "요약"},
    [XL_SHEET_SOURCES]    = {NULL,                  NULL},     /* words.h */
    [XL_SHEET_FALLBACK]   = {"Sheet",               "시트"},
    [XL_HEADLINE]         = {"Headline figures",    "핵심 지표"},
    [XL_SUMMARY]          = {NULL,                  NULL},     /* words.h */
    [XL_FOOTNOTES]        = {"Footnotes",           "각주"},
    [XL_PERIOD]           = {"Period",              "기간"},
    [XL_DATE]             = {NULL,                  NULL},     /* words.h */
    [XL_AUTHOR]           = {"Author",              "작성자"},
    [XL_ORGANIZATION]     = {"Organization",        "기관"},
    [XL_FIG_LABEL]        = {"Figure",              "지표"},
    [XL_FIG_VALUE]        = {"Value",               "값"},
    [XL_FIG_UNIT]         = {"Unit",                "단위"},
    [XL_FIG_CHANGE]       = {"Change",              "증감"},
    [XL_FIG_CHANGE_UNIT]  = {"Change unit",         "증감 단위"},
    [XL_FIG_BASIS]        = {"Basis",               "기준"},
    [XL_FIG_SOURCE]       = {"Source",              "출처"},
    [XL_FIG_NOTE]         = {"Note",                "비고"},
    [XL_SRC_ID]           = {"Id",                  "ID"},
    [XL_SRC_TITLE]        = {"Title",               "제목"},
    [XL_SRC_PUBLISHER]    = {"Publisher",           "발행처"},
    [XL_SRC_AUTHOR]       = {"Author",              "저자"},
    [XL_SRC_DATE]         = {"Date",                "날짜"},
    [XL_SRC_URL]          = {"URL",                 "URL"},
    [XL_COLUMN_FALLBACK]  = {"Column",              "열"},
    /* printf formats: the cited sources */
    [XL_SOURCE_LINE]      = {"Source: %s",          "출처: %s"},
    /* part, parts, first row, last row, rows (positional: word order differs) */
    [XL_PART_LINE]        = {"Part %1$zu of %2$zu: rows %3$zu to %4$zu of %5$zu.",
                             "%2$zu개 시트 중 %1$zu번째: 전체 %5$zu행 중 %3$zu–%4$zu행."},
    [XL_CONTINUED]        = {" Continued on the next sheet.", " 다음 시트에 이어집니다."},
    /* issue 19: when the numbers were true; a source date marked inferred */
    [XL_FIG_AS_OF]        = {"As of",               "기준 시점"},
    [XL_DATA_AS_OF]       = {"Data as of",          "데이터 기준"},
    [XL_AS_OF_LINE]       = {"As of %s",            "%s 기준"},
    [XL_INFERRED]         = {"%s (inferred)",       "%s (추정)"},
};

/* Labels that are words every plugin writes (words.h): the shared table's. */
static const unsigned char shared[XL_N_LABELS] = {
    [XL_SHEET_SOURCES] = WORD_SOURCES + 1, [XL_SUMMARY] = WORD_SUMMARY + 1,
    [XL_DATE] = WORD_DATE + 1,
};

xlsx_lang xlsx_lang_of(const quire_dataset *ds)
{
    /* the host's one decision (quire-plugin.h) */
    return quire_dataset_korean(ds) ? XLSX_KO : XLSX_EN;
}

const char *xlsx_label(const xlsx_ctx *ctx, xlsx_label_id id)
{
    if (shared[id])
        return words(ctx->lang == XLSX_KO ? WORDS_KO : WORDS_EN, (word)(shared[id] - 1));
    return labels[id][ctx->lang];
}
