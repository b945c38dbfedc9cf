/* text.h — the text layer: the only code that touches fonts.
 *
 * A face is one of the template's fonts in one document: an OpenType face
 * of the process-wide cache (plugins/common/font_face.h, HarfBuzz), the
 * fontconfig pattern it came from (for fallback faces), and the document's
 * embedding (font_embed.h). Text is cut into runs of one face (the face's
 * own glyphs, else the best installed face that has the character) and of
 * one word, each shaped by HarfBuzz (kerning, ligatures); measuring and
 * drawing see the same runs. Everything that measures text, breaks it
 * into lines, shortens it or draws it goes through here: the blocks, the
 * page furniture and the charts. */
#ifndef QUIRE_PDF_TEXT_H
#define QUIRE_PDF_TEXT_H

#include <hpdf.h>
#include <quire/quire-plugin.h>
#include <stddef.h>
#include <stdint.h>

#include "font_embed.h"
#include "font_face.h"
#include "linebreak.h"

/* A font of the template in one document. */
typedef struct text_face {
    const font_face *face;   /* the face itself (shared by the process) */
    const char *pattern;     /* its fontconfig pattern, for fallback faces */
    embed_doc *doc;          /* where it is drawn; NULL: measuring only */
    double slant;            /* shear of a synthesized italic (tan 12°), else 0 */
    int borrowed;            /* another face's font, slanted */
} text_face;

/* Opens the face at index of path (pattern: what it was found by, kept
 * by reference) for doc (NULL: measuring only). 0, or -1 with a reason. */
int text_face_load(text_face *f, embed_doc *doc, const char *pattern, const char *path,
                   int index, char *err, size_t err_size);
void text_face_free(text_face *f);
/* f as a synthesized italic: the same face, slanted 12°. */
void text_face_slanted(text_face *f, const text_face *upright);

/* 1 when the face itself has a glyph for cp (a space always counts). */
int text_face_has(const text_face *f, uint32_t cp);
/* The face that sets cp: f's own, else the best installed face that has
 * it, else NULL (no installed font has it). */
const font_face *text_face_for(const text_face *f, uint32_t cp);
/* Width of s[0..len) at size points, shaped. */
double text_face_width(const text_face *f, double size, const char *s, size_t len);

/* Decodes one UTF-8 character at s; *n is its length in bytes (1 for a
 * bad byte, which decodes as U+FFFD). */
uint32_t text_utf8_decode(const char *s, size_t *n);

/* A piece of text that one face sets and that is all spaces (controls
 * count as spaces) or has none: the unit that is shaped. */
typedef struct text_piece {
    size_t start, end;
    const font_face *face;   /* NULL: no installed font has its first character */
    int space;
} text_piece;
/* The piece of s[0..len) that starts at at (< len). */
text_piece text_piece_at(const text_face *f, const char *s, size_t len, size_t at);


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
/* Shows s inside an open text object (BT … ET) at size, at (x, baseline),
 * slanted for a synthesized italic; characters the face lacks in their
 * fallback face, controls as spaces. */
void text_show_in_text(HPDF_Page page, const text_face *f, double size, double x,
                       double baseline, const char *s, size_t len);
/* Shows s[0..len) with its left end at (x, baseline) on page. */
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

/* What the page layer hears while a line is drawn, in drawing order, so
 * that a link's text and its annotation share one structure element.
 * enter: text of link (the first span of the link's run of spans, the
 * same pointer on every line it covers; or a footnote reference's span,
 * a link to its note) is shown next, or text of no link (NULL). leave: the link's text on this line is done; its box (empty,
 * x1 <= x0, when the line holds only a space of it). Both are called
 * between text objects. */
typedef struct text_marks {
    void (*enter)(void *data, const text_span *link);
    void (*leave)(void *data, const text_span *link, double x0, double y0, double x1,
                  double y1);
    void *data;
} text_marks;

/* Draws a line of r (page NULL: nothing) from x on baseline. With justify
 * and a full line, the slack is spread into letter spacing and the gaps,
 * as long as no gap grows beyond half an em; else the line stays ragged.
 * marks may be NULL. */
void text_rich_draw_line(HPDF_Page page, const text_rich *r, const text_look *lk,
                         const lb_line *line, double x, double baseline, double width,
                         int justify, const text_marks *marks);

#endif
