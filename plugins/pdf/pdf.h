/* pdf.h — the state shared by the PDF plugin's layout modules.
 *
 * The document is laid out twice with the same code: a dry pass that only
 * measures and paginates (page numbers of headings, total page count), then
 * a drawing pass that knows them, so the contents page and "{pages}" are
 * right. Every block function therefore works in both passes and only
 * touches libharu's pages when ctx->dry is 0. */
#ifndef QUIRE_PDF_PDF_H
#define QUIRE_PDF_PDF_H

#include <hpdf.h>
#include <quire/quire-plugin.h>
#include <stdint.h>

#include "linebreak.h"
#include "text.h"

/* Text appearance: a font, a size in points and a colour. */
typedef struct pdf_style {
    HPDF_Font font;
    double size;
    uint32_t rgb;
} pdf_style;

/* One entry of the contents page and of the bookmarks. */
typedef struct pdf_toc {
    const char *text;
    int level;         /* 0: heading, 1: section under it */
    int page;          /* found by the dry pass */
} pdf_toc;

typedef struct pdf_ctx {
    const quire_job *job;
    const quire_dataset *ds;
    const quire_template *tp;
    HPDF_Doc doc;
    HPDF_Encoder utf8;
    text_face faces[2];      /* body, bold */
    HPDF_Font body, bold;    /* their fonts */
    int korean;              /* dataset language is Korean: labels in Korean */

    double pw, ph;           /* page size */
    double left, right, top, bottom; /* content box edges, PDF coordinates */
    double width;            /* content width */

    int dry;                 /* 1: measuring pass, nothing drawn */
    HPDF_Page page;          /* current page (drawing pass), else NULL */
    int page_no;             /* 1-based number of the current page, 0: none */
    int pages;               /* total pages, known in the drawing pass */
    int page_is_cover;       /* no header or footer on it */
    int page_used;           /* something was placed on the current page */
    double y;                /* top of the free space on the current page */

    pdf_toc *toc;            /* headings and sections, in reading order */
    size_t n_toc, next_toc;
    HPDF_Outline outline;    /* the last level-0 bookmark, parent of sections */

    const char *where;       /* what is being drawn, for diagnostics */
    uint32_t warned[64];     /* missing code points already reported */
    size_t n_warned;
    HPDF_STATUS hpdf_error;  /* first libharu error, 0 when none */
    char hpdf_where[160];    /* what was being drawn then */
    quire_status status;     /* first failure of our own */
    char err[256];
} pdf_ctx;

/* Palette colour i (wrapping), or a sober blue without a palette. */
uint32_t pdf_color(const pdf_ctx *ctx, size_t i);
/* rgb mixed with white: share 0 is white, 1 is rgb. */
uint32_t pdf_tint(uint32_t rgb, double share);
/* Records the first failure; later ones are dropped. */
void pdf_fail(pdf_ctx *ctx, quire_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A label in the dataset's language: Korean or English. */
const char *pdf_label(const pdf_ctx *ctx, const char *ko, const char *en);

/* text_fonts.c; the faces when the template names none */
#define PDF_DEFAULT_BODY "NanumGothic"
#define PDF_DEFAULT_BOLD "NanumGothic:bold"
int fonts_load(pdf_ctx *ctx);
void fonts_free(pdf_ctx *ctx);
const text_face *fonts_face(const pdf_ctx *ctx, HPDF_Font font);
/* "TrueType", "collection", "OpenType/CFF", "unreadable" or "unknown". */
const char *fonts_kind(const char *path);

/* check.c: the plugin's check() */
quire_status pdf_check(const quire_job *job, char *err, size_t err_size);
double text_width(const pdf_ctx *ctx, HPDF_Font font, double size,
                  const char *text, size_t len);
/* Reports characters of text the font has no glyph for (dry pass only). */
void fonts_check(pdf_ctx *ctx, HPDF_Font font, const char *text);
/* Copies text[0..len) into buf (NUL-terminated) as it will be drawn:
 * characters the font lacks become '?', controls become spaces. */
size_t fonts_sanitize(pdf_ctx *ctx, HPDF_Font font, const char *text, size_t len,
                      char *buf, size_t size);

/* tounicode.c */
int tounicode_fix(pdf_ctx *ctx, HPDF_Font font);

/* docinfo.c */
void docinfo_write(pdf_ctx *ctx);

/* typeset.c: text placement */
void text_draw(pdf_ctx *ctx, const pdf_style *st, double x, double baseline,
               const char *text, size_t len);
/* Draws text ending at x_right, or centered on x_center. */
void text_draw_right(pdf_ctx *ctx, const pdf_style *st, double x_right,
                     double baseline, const char *text);
void text_draw_center(pdf_ctx *ctx, const pdf_style *st, double x_center,
                      double baseline, const char *text);
/* Breaks text into lines width wide for the style. */
int text_lines(pdf_ctx *ctx, const pdf_style *st, const char *text, double width,
               lb_lines *out);
/* Draws one line of a broken text, stretched to width when it justifies. */
void text_draw_line(pdf_ctx *ctx, const pdf_style *st, const char *text,
                    const lb_line *line, double x, double baseline, double width,
                    int justify);
/* Height of text broken width wide, with leading per line. */
double text_height(pdf_ctx *ctx, const pdf_style *st, const char *text,
                   double width, double leading);
/* Draws text broken width wide from top; returns the height used. Does not
 * break pages: for small blocks kept together. */
double text_block(pdf_ctx *ctx, const pdf_style *st, const char *text, double x,
                  double top, double width, double leading, int justify);
/* Flows a paragraph through the pages at the cursor, justified, breaking
 * pages between lines; indent narrows it from the left. */
void text_flow(pdf_ctx *ctx, const pdf_style *st, const char *text, double indent,
               double leading, double space_after, uint32_t bar_rgb);

/* layout.c: pages and the cursor */
void layout_new_page(pdf_ctx *ctx);
/* Starts a new page unless h points fit below the cursor. */
void layout_need(pdf_ctx *ctx, double h);
/* Starts a new page unless the current one is still empty. */
void layout_fresh_page(pdf_ctx *ctx);
void layout_fill_rect(pdf_ctx *ctx, double x, double y, double w, double h,
                      uint32_t rgb);
void layout_hline(pdf_ctx *ctx, double x0, double x1, double y, double lw,
                  uint32_t rgb);
/* A heading (level 0) or section heading (level 1) with its bookmark. */
void layout_heading(pdf_ctx *ctx, const char *text, int level);
int layout_run(pdf_ctx *ctx);

/* The blocks, one file each. */
void cover_draw(pdf_ctx *ctx);
void contents_draw(pdf_ctx *ctx);
void figures_draw(pdf_ctx *ctx, const quire_figure *const *figures, size_t n);
void section_draw(pdf_ctx *ctx, const quire_section *section);
void summary_draw(pdf_ctx *ctx);
void table_draw(pdf_ctx *ctx, const quire_table *table);
void embed_chart(pdf_ctx *ctx, const quire_chart *chart);
void sources_draw(pdf_ctx *ctx);
/* "출처: A, B" / "Source: A, B" for a list of source ids, into buf. */
void sources_line(const pdf_ctx *ctx, const quire_strings *ids, char *buf,
                  size_t size);

/* Typographic constants shared by the blocks, in points. */
#define PDF_BODY_SIZE 9.8
#define PDF_BODY_LEADING 16.0
#define PDF_SMALL_SIZE 7.6
#define PDF_TEXT_RGB 0x222222u
#define PDF_GREY_RGB 0x666666u
#define PDF_RULE_RGB 0xc8ccd2u

#endif
