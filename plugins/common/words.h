/* words.h — the words quire writes of its own in a report, in the
 * dataset's language: one table for every plugin, so that the PDF, the
 * workbook and the web page say "Source" and "출처" alike.
 *
 * Korean for a dataset whose language is ko (ko, ko-KR, ko_KR, any
 * case), English for any other. The core always sets the language (it
 * infers one when the dataset gives none); for a view without one (built
 * by hand) each caller says which language it falls back to. A new
 * language is a new column in words.c and a line in words_lang_of(). */
#ifndef QUIRE_COMMON_WORDS_H
#define QUIRE_COMMON_WORDS_H

#include <stddef.h>

typedef enum words_lang { WORDS_EN, WORDS_KO, WORDS_N_LANGS } words_lang;

typedef enum word {
    WORD_SOURCE_PREFIX,   /* "Source: " before a source line */
    WORD_SOURCES,         /* the sources list's heading, the sheet's name */
    WORD_CONTENTS,        /* the contents page's title */
    WORD_CONTINUED,       /* after a table's title on the next page */
    WORD_SUMMARY,
    WORD_DATE,            /* the date a report was published */
    WORD_UNIT_PREFIX,     /* "Unit: " over a chart's value axis */
    WORD_RIGHT_AXIS,      /* a legend entry's series on the secondary axis */
    WORD_NO_VALUE,        /* "No value: " before the categories a pie leaves out */
    WORD_NOT_SHOWN,       /* the same for zero or negative values */
    WORD_NOTES,           /* the footnotes' heading on the web page */
    WORD_AUTHOR,
    WORD_DATA_OF,         /* "Data: " before a chart's data table */
    WORD_BACK_TO_REF,     /* a footnote's link back: printf format, %d its number */
    WORD_NOTE_REF,        /* a footnote reference's label: printf format, %d */
    WORD_DATA_AS_OF,      /* the cover's line for the data's as_of */
    WORD_INFERRED,        /* after a date the core inferred */
    WORD_N
} word;

words_lang words_lang_of(const char *bcp47, words_lang fallback);
const char *words(words_lang lang, word w);
/* "as of 2024-03" / "2024-03 기준" into buf (size bytes, always
 * terminated). Returns its length. */
size_t words_as_of(words_lang lang, const char *when, char *buf, size_t size);

#endif
