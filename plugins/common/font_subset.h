/* font_subset.h — one document's glyphs of a face cut out by hb-subset.
 *
 * Glyph ids are renumbered (retain-gids off) and hinting and layout tables
 * dropped; the result is a TrueType file (glyf faces) or the bare 'CFF '
 * table (CFF faces), which is what PDF's FontFile2 and FontFile3
 * /CIDFontType0C and CSS @font-face data (TrueType) take. */
#ifndef QUIRE_COMMON_FONT_SUBSET_H
#define QUIRE_COMMON_FONT_SUBSET_H

#include <stddef.h>
#include <stdint.h>

#include "font_face.h"

typedef struct font_subset {
    unsigned char *data;  /* the font program (malloc'd) */
    size_t len;
    unsigned *new_gid;    /* for each glyph asked, its id in the subset */
    int retained;         /* glyph ids kept as they were (a name-keyed CFF) */
} font_subset;

/* Subsets f to gids[0..n) (glyph 0 is always kept). For a CFF face, data
 * is the bare CFF table; full: a whole OpenType file even then (for CSS).
 * 0, or -1 with a reason in err. */
int font_subset_make(const font_face *f, const unsigned *gids, size_t n, int full,
                     font_subset *out, char *err, size_t err_size);
/* Subsets f to the glyphs of code points cps[0..n) for a web page: a whole
 * OpenType file (TrueType or CFF outlines) whose cmap keeps those code
 * points, so a browser maps text to glyphs itself; new_gid stays NULL.
 * 0, or -1 with a reason in err. */
int font_subset_unicodes(const font_face *f, const uint32_t *cps, size_t n, font_subset *out,
                         char *err, size_t err_size);
void font_subset_free(font_subset *s);

#endif
