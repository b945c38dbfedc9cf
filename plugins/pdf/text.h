/* text.h — the text layer: the only code that touches fonts.
 *
 * A face is one font file loaded into one document, with a table of the
 * glyph and the advance of every BMP code point built once from the font's
 * cmap, so that measuring never asks libharu (whose lookup walks the cmap
 * segments for every character). Everything that measures text, breaks it
 * into lines, shortens it or draws it goes through here: the blocks, the
 * page furniture and the charts. */
#ifndef QUIRE_PDF_TEXT_H
#define QUIRE_PDF_TEXT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

/* A font file in one document. */
typedef struct text_face {
    HPDF_Font font;      /* Type0, UTF-8 encoded */
    uint16_t *gid;       /* glyph of each BMP code point; 0: none */
    int16_t *adv;        /* advance of each BMP code point, 1/1000 em */
    double slant;        /* shear of a synthesized italic (tan 12°), else 0 */
} text_face;

/* Loads the TrueType font at path (face index in a collection, kind
 * "TrueType" or "collection") into doc and builds its tables. Returns 0,
 * or -1 with a reason in err. */
int text_face_load(text_face *f, HPDF_Doc doc, const char *path, int index, int collection,
                   char *err, size_t err_size);
void text_face_free(text_face *f);

/* 1 when the face has a glyph for cp (a space always counts). */
int text_face_has(const text_face *f, uint32_t cp);
/* Advance of cp in 1/1000 em; a character without glyph measures as '?'
 * (as it is drawn), a control character as a space. */
int text_face_advance(const text_face *f, uint32_t cp);
/* Width of s[0..len) at size points. */
double text_face_width(const text_face *f, double size, const char *s, size_t len);

/* Decodes one UTF-8 character at s; *n is its length in bytes (1 for a
 * bad byte, which decodes as U+FFFD). */
uint32_t text_utf8_decode(const char *s, size_t *n);

#endif
