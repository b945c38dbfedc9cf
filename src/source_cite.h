/* source_cite.h — how a short source line names each source, so that two
 * articles of one publisher can be told apart (SPEC "Version 2", issue 11).
 *
 * The publisher alone when no other source of the dataset has that
 * publisher; else the publisher and the date, "디지털데일리 (2024-03-02)";
 * and when the dates tie too (or one is missing), the short title as well,
 * "디지털데일리 (2024-03-02, 클라우드 3사 실적)". A source without a
 * publisher is named by its title (else its id). An inferred date
 * (date_inferred) is marked in the dataset's language: "디지털데일리
 * (2024-03 추정)", "Digital Daily (2024-03 inferred)". */
#ifndef QUIRE_SOURCE_CITE_H
#define QUIRE_SOURCE_CITE_H

#include <quire/quire-plugin.h>

#include "arena.h"

/* Sets sources[i].cite for every source, from strings allocated in a.
 * Returns 0, or -1 when out of memory (cites set so far stay, the rest
 * are the publisher, title or id). */
int source_cite_all(arena *a, quire_source *sources, size_t n, const char *language);

/* Comparisons of two sources' keys made so far (the tests check that
 * telling n sources apart grows as n log n, not n²). */
unsigned long source_cite_compares(void);

/* The short title: at most max_chars characters, cut at a space when
 * there is one in its second half, with "…"; into out (size bytes). */
void source_short_title(const char *title, size_t max_chars, char *out, size_t size);

#endif
