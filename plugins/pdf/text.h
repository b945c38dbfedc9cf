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
#include <quire/quire-plugin.h>
#include <stddef.h>
#include <stdint.h>

#include "linebreak.h"

/* A font file in one document. */
typedef struct text_face {
    HPDF_Font font;      /* Type0, UTF-8 encoded */
    uint16_t *gid;       /* glyph of each BMP code point; 0: none */
    int16_t *adv;        /* advance of each BMP code point, 1/1000 em */
    double slant;        /* shear of a synthesized italic (tan 12°), else 0 */
    int borrowed;        /* the tables are another face's (a slanted copy) */
} text_face;

/* Loads the TrueType font at path (face index in a collection, kind
 * "TrueType" or "collection") into doc and builds its tables. Returns 0,
 * or -1 with a reason in err. */
int text_face_load(text_face *f, HPDF_Doc doc, const char *path, int index, int collection,
                   char *err, size_t err_size);
void text_face_free(text_face *f);
/* f as a synthesized italic: the same font and tables, slanted 12°. */
void text_face_slanted(text_face *f, const text_face *upright);

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

/* ------------------------------------------------------------------ */
/* Plain text in one face                                              */
/* ------------------------------------------------------------------ */

/* Text appearance: a face, a size in points and a colour. */
typedef struct text_style {
    const text_face *face;
    double size;
    uint32_t rgb;
} text_style;

double text_width(const text_style *st, const char *s, size_t len);
/* Shows s inside an open text object (BT … ET), at (x, baseline), slanted
 * for a synthesized italic; characters the face lacks as '?', controls as
 * spaces. */
void text_show_in_text(HPDF_Page page, const text_face *f, double x, double baseline,
                       const char *s, size_t len);
/* Shows s[0..len) with its left end at (x, baseline) on page; characters
 * the face lacks are drawn as '?', controls as spaces. */
void text_show(HPDF_Page page, const text_style *st, double x, double baseline,
               const char *s, size_t len);
/* Breaks s into lines at most width wide (linebreak.h). -1: out of memory. */
int text_break(const text_style *st, const char *s, double width, lb_lines *out);
/* Copies s into buf (size bytes), cut at a character boundary and ended
 * with an ellipsis when it is wider than width. Returns its length. */
size_t text_shorten(const text_style *st, const char *s, double width, char *buf, size_t size);

/* ------------------------------------------------------------------ */
/* Rich text: runs in several faces, links, footnote markers           */
/* ------------------------------------------------------------------ */

enum { TEXT_BOLD = 1u, TEXT_ITALIC = 2u };

/* The faces of a family: [flags] for flags TEXT_BOLD | TEXT_ITALIC; an
 * italic without a face of its own is its upright face slanted. */
typedef struct text_family {
    const text_face *face[4];
} text_family;

/* A piece of rich text in one appearance: bytes [start, end) of the text. */
typedef struct text_span {
    size_t start, end;
    unsigned flags;          /* TEXT_BOLD | TEXT_ITALIC */
    const char *link;        /* URL, or the id of a target (internal), or NULL */
    int internal;
    int footnote;            /* a footnote reference: its number, set raised */
} text_span;

typedef struct text_rich {
    char *text;              /* the spans' text, concatenated (owned) */
    size_t len;
    text_span *spans;        /* in order, covering the text */
    size_t n_spans;
} text_rich;

/* From a prose field's runs, or from plain when it has none (a host
 * before markup, a hand-made view). -1: out of memory. */
int text_rich_from(text_rich *r, const quire_text *t, const char *plain);
void text_rich_free(text_rich *r);

/* How rich text looks: flags are added to every span's (a bold heading). */
typedef struct text_look {
    const text_family *family;
    unsigned flags;
    double size;
    uint32_t rgb;
    uint32_t link_rgb;       /* links in this colour */
} text_look;

/* Width of bytes [start, end) of r. */
double text_rich_width(const text_rich *r, const text_look *lk, size_t start, size_t end);
int text_rich_break(const text_rich *r, const text_look *lk, double width, lb_lines *out);

/* Where a link was drawn: the page layer turns it into an annotation. */
typedef void (*text_link_fn)(void *data, const text_span *span, double x0, double y0,
                             double x1, double y1);

/* Draws a line of r (page NULL: nothing) from x on baseline. With justify
 * and a full line, the slack is spread into letter spacing and the gaps,
 * as long as no gap grows beyond half an em; else the line stays ragged. */
void text_rich_draw_line(HPDF_Page page, const text_rich *r, const text_look *lk,
                         const lb_line *line, double x, double baseline, double width,
                         int justify, text_link_fn on_link, void *data);

#endif
