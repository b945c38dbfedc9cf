/* font_shape.h — a run of text in one face, shaped by HarfBuzz: glyphs,
 * advances with the font's kerning, and the clusters that tie each glyph
 * back to its letters (a ligature is one glyph for several). */
#ifndef QUIRE_COMMON_FONT_SHAPE_H
#define QUIRE_COMMON_FONT_SHAPE_H

#include <stddef.h>

#include "font_face.h"

typedef struct font_glyph {
    unsigned gid;
    int advance;        /* font units, kerning included */
    int x_offset, y_offset; /* font units (marks) */
    size_t cluster;     /* byte offset in the run of its first letter */
} font_glyph;

typedef struct font_run {
    font_glyph *glyphs;
    size_t n, cap;
} font_run;

/* Shapes s[0..len) (UTF-8, left to right) in f into out (replacing what
 * it held). 0, or -1 when memory ran out. */
int font_shape(const font_face *f, const char *s, size_t len, font_run *out);
void font_run_free(font_run *r);

/* The sum of the advances of s[0..len) shaped in f, font units. */
long font_shape_width(const font_face *f, const char *s, size_t len);

/* Frees this thread's buffer and the per-thread key (at unload). */
void font_shape_clear(void);

#endif
