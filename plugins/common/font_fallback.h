/* font_fallback.h — the face that sets a character the chosen face lacks.
 *
 * fontconfig sorts the installed fonts by how well they match a pattern
 * (family, weight, slant); the first of that list with an outline glyph
 * for the character sets it. Lists and answers are cached per process. */
#ifndef QUIRE_COMMON_FONT_FALLBACK_H
#define QUIRE_COMMON_FONT_FALLBACK_H

#include <stdint.h>

#include "font_face.h"

/* The best face for cp after pattern (a fontconfig pattern such as
 * "NanumGothic:bold"), NULL when no installed font we can embed has it.
 * Thread-safe. */
const font_face *font_fallback(const char *pattern, uint32_t cp);

/* The Debian package that would bring a font for cp ("fonts-noto-cjk"),
 * or NULL when we know none. */
const char *font_package_for(uint32_t cp);

/* Frees the lists (at process exit). */
void font_fallback_clear(void);

#endif
