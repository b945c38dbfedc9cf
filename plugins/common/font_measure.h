/* font_measure.h — how wide a line of text is when set as the PDF sets
 * it: in one face, each character that face lacks in the installed face
 * font_fallback() picks for it, each run of letters shaped by HarfBuzz
 * (kerning included), spaces and controls as the face's own space.
 *
 * The web page's charts measure their labels with it, in the faces the
 * page embeds, so that the chart layout places them where it places them
 * in the PDF. */
#ifndef QUIRE_COMMON_FONT_MEASURE_H
#define QUIRE_COMMON_FONT_MEASURE_H

#include <stddef.h>

#include "font_face.h"

/* Width in points of s[0..len) (UTF-8) at size points in face; pattern:
 * the fontconfig pattern face was found by, for the faces of characters
 * it lacks (NULL: none; such characters then take no room). */
double font_measure(const font_face *face, const char *pattern, double size, const char *s,
                    size_t len);

#endif
