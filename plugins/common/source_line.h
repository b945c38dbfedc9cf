/* source_line.h — the short line that names a table's, a chart's or a
 * figure's sources: "출처: 디지털데일리 (2024-03-02), 한국경제" in the PDF,
 * the same names in the workbook and on the web page.
 *
 * A source is named as the core tells it apart from the dataset's others
 * (quire_source.cite), else by its publisher, else its title, else its
 * id (a view built by hand, or an id the dataset does not have); each
 * name once. */
#ifndef QUIRE_COMMON_SOURCE_LINE_H
#define QUIRE_COMMON_SOURCE_LINE_H

#include <quire/quire-plugin.h>
#include <stddef.h>

#include "words.h"

/* The name of source id (ds may be NULL). */
const char *source_name(const quire_dataset *ds, const char *id);
/* The names of ids, each once, joined by sep, into buf (size bytes,
 * always terminated). Returns the length written, 0 when ids is empty. */
size_t source_names(const quire_dataset *ds, const quire_strings *ids, const char *sep,
                    char *buf, size_t size);
/* WORD_SOURCE_PREFIX and the names joined by ", "; "" when ids is empty. */
size_t source_line(const quire_dataset *ds, const quire_strings *ids, words_lang lang,
                   char *buf, size_t size);
/* The same line followed by when the numbers were true, as_of (NULL:
 * nothing): "Source: A, B · as of 2024-03", "as of 2024-03" alone when
 * ids is empty. */
size_t source_line_as_of(const quire_dataset *ds, const quire_strings *ids, const char *as_of,
                         words_lang lang, char *buf, size_t size);

#endif
