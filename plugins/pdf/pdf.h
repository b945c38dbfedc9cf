/* pdf.h — the PDF plugin's document state and its three layers.
 *
 *   blocks  blocks.c cover.c contents.c figures.c section.c table.c
 *           embed_chart.c image.c sources.c: what each template block
 *           shows. They ask the page layer for room and draw through its
 *           calls; they never write its state or see the pass.
 *   page    page.c page_draw.c page_flow.c page_links.c footnotes.c
 *           canvas_pdf.c: the two passes, the flow (cursor, keep-together,
 *           page breaks), header and footer, bookmarks, links, footnote
 *           areas, every drawing call, and the charts' canvas. The only
 *           code that adds pages or knows which pass runs.
 *   text    text.h: faces, measuring, breaking, drawing runs. The only
 *           code that touches fonts.
 *
 * The charts are laid out by quire_common's chart.h on the canvas of
 * canvas_pdf.c. doc.c (failure, colours, labels, looks) is called by
 * every layer and calls none.
 *
 * The document is laid out twice by the same code (page_layout): a first
 * pass finds where everything falls (pages of headings and link targets,
 * the page count), a second draws, knowing them. Only the page layer knows
 * which pass runs: in the first, its drawing calls draw nothing and its
 * text calls check the glyphs. Blocks measure with the text layer
 * (heights from widths) and draw through the page layer, the same in both
 * passes.
 *
 * Everything drawn is drawn between page_begin(role) and page_end(), so
 * that tagging (marked content, structure tree) has one place to hook. */
#ifndef QUIRE_PDF_PDF_H
#define QUIRE_PDF_PDF_H

#include <hpdf.h>
#include <quire/quire-plugin.h>
#include <stdint.h>

#include "canvas.h"
#include "words.h"
#include "linebreak.h"
#include "text.h"

/* One entry of the contents page and of the bookmarks. */
typedef struct pdf_toc {
    const char *text;
    int level;         /* 0: heading, 1: section under it */
    const char *id;    /* the section's id, for internal links, or NULL */
    int page;          /* where the first pass found it */
    double y;
} pdf_toc;

/* What a drawn thing is, for tagging (issue 10). */
typedef enum pdf_role {
    PDF_ROLE_ARTIFACT,     /* header, footer, rules, tints, repeated headers */
    PDF_ROLE_H1, PDF_ROLE_H2,
    PDF_ROLE_P, PDF_ROLE_LIST, PDF_ROLE_LIST_ITEM,
    PDF_ROLE_TABLE, PDF_ROLE_TABLE_HEADER, PDF_ROLE_TABLE_CELL,
    PDF_ROLE_FIGURE,       /* chart, image: with alternate text */
    PDF_ROLE_CAPTION,
    PDF_ROLE_NOTE,         /* footnote */
    PDF_ROLE_TOC, PDF_ROLE_TOC_ITEM,
    PDF_ROLE_LINK
} pdf_role;

/* A place a link can jump to: a heading, section, table, figure, chart,
 * image or footnote, found by the first pass. */
typedef struct pdf_dest {
    const char *id;
    int page;          /* 1-based */
    double y;
} pdf_dest;

/* A link to a place of the document, made once every page exists. */
typedef struct pdf_golink {
    int page;
    double x0, y0, x1, y1;
    int to_page;
    double to_y;
    int tag;           /* its Link element (tags_link_slot) */
} pdf_golink;

/* A footnote waiting for, or set in, a page's foot. */
typedef struct pdf_note {
    int number;
    text_rich rich;
    lb_lines lines;
    size_t next_line;  /* lines already set (a long note continues) */
    int placed;        /* its first lines are on a page */
} pdf_note;

typedef struct pdf_ctx {
    const quire_job *job;
    const quire_dataset *ds;
    const quire_template *tp;
    HPDF_Doc doc;
    embed_doc *embed;        /* the document's fonts (font_embed.h) */
    char patterns[4][300];   /* the faces' fontconfig patterns */
    text_face faces[4];      /* regular, bold, italic, bold italic */
    text_family family;
    const text_face *body, *bold;
    int korean;              /* dataset language is Korean: labels in Korean */
    words_lang lang;         /* the same, for the shared words (words.h) */
    long long max_rows;      /* option max_rows */

    double pw, ph;           /* page size */
    double left, right, top, bottom; /* content box edges, PDF coordinates */
    double width;            /* content width */

    /* page layer state: written only by page*.c and footnotes.c */
    int dry;                 /* 1: the first pass */
    HPDF_Page page;          /* current page (drawing pass), else NULL */
    HPDF_Page *pages_made;   /* every page of the drawing pass */
    int page_no;             /* 1-based number of the current page, 0: none */
    int pages;               /* total pages, known in the drawing pass */
    int page_is_cover;       /* no header or footer on it */
    int page_used;           /* something was placed on the current page */
    int page_closed;         /* the next block starts a new page */
    double y;                /* top of the free space on the current page */
    double foot;             /* height kept for footnotes at the foot */
    struct pdf_note_slot {   /* lines of notes set in this page's foot */
        size_t note, first, count;
    } page_notes[32];
    size_t n_page_notes;
    size_t block;            /* index of the template block being laid out */
    long kept_heading;       /* block of a heading nothing followed yet, or -1 */
    unsigned char *break_before; /* per block: a heading the first pass moved on */
    int relayout;            /* the first pass moved a heading: run it again */
    int breaks_frozen;       /* no more headings are moved */
    pdf_role roles[16];      /* what is being drawn, innermost last */
    size_t n_roles;
    struct tags *tags;       /* marked content and structure tree (tags.c) */

    pdf_toc *toc;            /* headings and sections, in reading order */
    size_t n_toc, next_toc;
    HPDF_Outline outline;    /* the last level-0 bookmark, parent of sections */
    pdf_dest *dests;         /* found by the first pass */
    size_t n_dests, cap_dests;
    uint32_t *dest_slots;    /* index of dests by id (page_links.c) */
    size_t n_dest_slots, dest_seed;
    pdf_golink *golinks;     /* made at the end of the drawing pass */
    size_t n_golinks, cap_golinks;
    pdf_note *notes;         /* one per footnote of the dataset, by number */
    size_t n_notes;
    pdf_note **note_of;      /* number -> its note (NULL: none); [0..max_number] */
    int max_number;
    HPDF_Image *images;      /* loaded once, by index of the dataset's; +1: logo */

    const char *where;       /* what is being drawn, for diagnostics */
    uint32_t warned[64];     /* missing code points already reported */
    size_t n_warned;
    HPDF_STATUS hpdf_error;  /* first libharu error, 0 when none */
    char hpdf_where[160];    /* what was being drawn then */
    quire_status status;     /* first failure of our own */
    char err[256];
} pdf_ctx;

/* doc.c: for every layer */
uint32_t pdf_color(const pdf_ctx *ctx, size_t i);
void pdf_fail(pdf_ctx *ctx, quire_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const char *pdf_label(const pdf_ctx *ctx, const char *ko, const char *en);
/* A look for rich text in the document's family. */
text_look pdf_look(const pdf_ctx *ctx, unsigned flags, double size, uint32_t rgb);

/* text_fonts.c; the faces when the template names none */
#define PDF_DEFAULT_BODY "NanumGothic"
#define PDF_DEFAULT_BOLD "NanumGothic:bold"
int fonts_load(pdf_ctx *ctx);
void fonts_free(pdf_ctx *ctx);
/* Reports characters of text the face has no glyph for (first pass). */
void fonts_check(pdf_ctx *ctx, const text_face *face, const char *text, size_t len);

/* pdf.c: the plugin's export() */
quire_status pdf_export(const quire_job *job, char *err, size_t err_size);
/* check.c: the plugin's check() */
quire_status pdf_check(const quire_job *job, char *err, size_t err_size);
/* check_glyphs.c: every character of the text is in the face of pattern
 * or a fallback face; -1 after reporting those that are not. */
int check_glyphs(const quire_job *job, const char *pattern);
/* docinfo.c */
void docinfo_write(pdf_ctx *ctx);
/* The UTF-8 text of an Info entry (Title, Author, Subject, Keywords,
 * Creator; buf holds it when made), NULL when absent: xmp.c writes the
 * same. */
const char *docinfo_value(const pdf_ctx *ctx, HPDF_InfoType type, char *buf, size_t size);

/* page.c: pages and the cursor */
void page_begin(pdf_ctx *ctx, pdf_role role);
void page_end(pdf_ctx *ctx);
/* Starts a new page unless h points fit below the cursor (or nothing is
 * on the page yet). */
void page_need(pdf_ctx *ctx, double h);
/* Room left below the cursor on this page. */
double page_room(const pdf_ctx *ctx);
/* The top of a box h high at the cursor; the cursor moves below it. */
double page_take(pdf_ctx *ctx, double h);
/* Vertical space before something, dropped at the top of a page. */
void page_space(pdf_ctx *ctx, double h);
/* A page break: a new page unless the current one is still empty. */
void page_fresh(pdf_ctx *ctx);
void page_new(pdf_ctx *ctx);
/* What follows starts on a new page (after the cover, the contents). */
void page_close(pdf_ctx *ctx);
/* A heading was placed: it goes with what follows it. When that does not
 * fit below it, the page breaks before the heading (the first pass is run
 * again with that break). page_heading_start says whether to break now. */
void page_heading_placed(pdf_ctx *ctx);
int page_heading_moves(const pdf_ctx *ctx);
/* The cover page: no header or footer. */
void page_cover(pdf_ctx *ctx);
/* Lays the document out: first passes (nothing drawn), then the drawing
 * pass; block(ctx, i) lays out template block i at the cursor. */
typedef void (*page_block_fn)(pdf_ctx *ctx, size_t i);
int page_layout(pdf_ctx *ctx, page_block_fn block);

/* page.c: drawing, nothing in the first pass */
void page_fill(pdf_ctx *ctx, double x, double y, double w, double h, uint32_t rgb);
void page_rule(pdf_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb);
void page_text(pdf_ctx *ctx, const text_style *st, double x, double baseline,
               const char *s, size_t len);
void page_text_right(pdf_ctx *ctx, const text_style *st, double x_right, double baseline,
                     const char *s);
void page_text_center(pdf_ctx *ctx, const text_style *st, double x_center,
                      double baseline, const char *s);
/* Lines of plain text broken width wide from top, not breaking pages;
 * returns the height. */
double page_text_block(pdf_ctx *ctx, const text_style *st, const char *s, double x,
                       double top, double width, double leading);
void page_image(pdf_ctx *ctx, const quire_image *im, double x, double y, double w, double h);
/* One line of rich text (first pass: its glyphs checked). */
void page_rich_line(pdf_ctx *ctx, const text_rich *r, const text_look *lk, const lb_line *l,
                    double x, double baseline, double width, int justify);
/* Text turned degrees counter-clockwise around (x, baseline). */
void page_text_turned(pdf_ctx *ctx, const text_style *st, double x, double baseline,
                      double degrees, const char *s, size_t len);
/* Shapes in the innermost role (a figure's graphics), painted as p says. */
void page_rect(pdf_ctx *ctx, double x, double y, double w, double h, const canvas_paint *p);
void page_path(pdf_ctx *ctx, const canvas_path *path, const canvas_paint *p);
void page_circle(pdf_ctx *ctx, double cx, double cy, double r, const canvas_paint *p);
/* page_save .. page_restore bracket a graphics state (a clip, a figure);
 * page_clip narrows drawing to the rectangle until page_restore. */
void page_save(pdf_ctx *ctx);
void page_restore(pdf_ctx *ctx);
void page_clip(pdf_ctx *ctx, double x, double y, double w, double h);

/* canvas_pdf.c: a chart canvas (canvas.h) on the page layer. */
typedef struct canvas_pdf {
    canvas cv;
    pdf_ctx *ctx;
    unsigned char groups[32]; /* kinds of the open groups, innermost last */
    size_t n_groups;
} canvas_pdf;
void canvas_pdf_init(canvas_pdf *c, pdf_ctx *ctx);

/* page_flow.c: rich text through the pages */
/* Height of r broken width wide at leading per line. */
double flow_height(const pdf_ctx *ctx, const text_rich *r, const text_look *lk,
                   double width, double leading);
/* Draws r broken width wide from top (no page break); returns the height. */
double flow_block(pdf_ctx *ctx, const text_rich *r, const text_look *lk, double x,
                  double top, double width, double leading, int justify);
/* Flows r through the pages at the cursor, indent from the left, breaking
 * pages between lines (never leaving one line alone at a page's top or
 * foot); bar_rgb: a bar in the margin beside it (0: none); mark: a
 * bullet or number beside the first line (NULL: none). */
typedef struct flow_mark {
    const char *text;
    text_style st;
    double x;          /* from the left edge of the text area */
} flow_mark;
void flow_para(pdf_ctx *ctx, const text_rich *r, const text_look *lk, double indent,
               double leading, double space_after, uint32_t bar_rgb, const flow_mark *mark);
/* A prose field (runs, or plain when it has none) flowed as a paragraph. */
void flow_text(pdf_ctx *ctx, const quire_text *t, const char *plain, const text_look *lk,
               double indent, double leading, double space_after);
/* A summary or section body: paragraphs and bulleted lists. */
void flow_prose(pdf_ctx *ctx, const quire_prose *p, const quire_strings *plain,
                const text_look *lk, double indent, double leading, double gap,
                uint32_t bar_rgb);

/* page_links.c: bookmarks, destinations, links */
void links_dest(pdf_ctx *ctx, const char *id, double y);
void links_uri(pdf_ctx *ctx, const char *url, double x0, double y0, double x1, double y1);
/* A link to page to_page at height to_y (found by the first pass). */
void links_goto(pdf_ctx *ctx, int to_page, double to_y, double x0, double y0, double x1,
                double y1);
/* What text_rich_draw_line tells the page layer: a link's text goes into
 * its Link element, each line's box becomes an annotation of it. */
text_marks links_marks(pdf_ctx *ctx);
/* Bookmark of the next contents entry, and its destination. */
void links_toc_mark(pdf_ctx *ctx, const char *text, int level, double y);
const pdf_dest *links_find(const pdf_ctx *ctx, const char *id);
/* Drops the destinations found (a new first pass finds them again). */
void links_forget(pdf_ctx *ctx);
void links_finish(pdf_ctx *ctx);
void links_free(pdf_ctx *ctx);

/* footnotes.c: notes at the foot of the page that first refers to them */
int notes_init(pdf_ctx *ctx);
void notes_free(pdf_ctx *ctx);
/* Height the notes referred to by line of r would add to this page's foot. */
double notes_need(pdf_ctx *ctx, const text_rich *r, const lb_line *line);
/* The same for all of r: a block drawn whole (a tile, a caption, a row). */
double notes_need_all(pdf_ctx *ctx, const text_rich *r);
/* Sets them in the foot (called as the line is placed). */
void notes_place(pdf_ctx *ctx, const text_rich *r, const lb_line *line);
/* Starts a page's foot (a long note continues) and draws it at its end. */
void notes_page_start(pdf_ctx *ctx);
void notes_page_finish(pdf_ctx *ctx);
void notes_pass_start(pdf_ctx *ctx);

/* blocks.c: block i of the template, by its kind. */
void blocks_draw(pdf_ctx *ctx, size_t i);

/* The blocks, one file each. */
void heading_draw(pdf_ctx *ctx, const char *text, int level, const char *id);
void cover_draw(pdf_ctx *ctx);
void contents_draw(pdf_ctx *ctx);
void figures_draw(pdf_ctx *ctx, const quire_figure *const *figures, size_t n);
void section_draw(pdf_ctx *ctx, const quire_section *section);
void summary_draw(pdf_ctx *ctx);
void table_draw(pdf_ctx *ctx, const quire_table *table);
void embed_chart(pdf_ctx *ctx, const quire_chart *chart);
/* An image block: width_pt 0 is the text width (a wider one is cut to
 * it); align places a narrower image and its caption. */
void image_draw(pdf_ctx *ctx, const quire_image *im, double width_pt, quire_align align);

/* An image's pixels as 8-bit samples: components (1 gray, 3 RGB) per
 * pixel in color, and one alpha byte per pixel in alpha (NULL: opaque). */
typedef struct pdf_pixels {
    unsigned char *color, *alpha;
    uint32_t width, height;
    unsigned components;
} pdf_pixels;

/* Decodes a PNG held in memory (any kind: interlaced, palette with tRNS,
 * 16-bit) with libpng. Returns 0, or -1 when it does not decode or is
 * larger than the host allows. */
int pdf_pixels_from_png(const unsigned char *data, size_t size, pdf_pixels *px);
void pdf_pixels_free(pdf_pixels *px);

/* The bytes of im the host read, or (from a host that hands none over)
 * the file read now into *owned, which the caller frees; NULL when it
 * cannot be read. */
const unsigned char *pdf_image_bytes(const quire_dataset *ds, const quire_image *im,
                                     size_t *size, unsigned char **owned);

/* im (one of ds's images, or the logo) as an image of doc, from the bytes
 * the host read and checked; NULL when libharu refuses it. */
HPDF_Image pdf_image_load(HPDF_Doc doc, const quire_dataset *ds, const quire_image *im);
void sources_draw(pdf_ctx *ctx);
/* "출처: A, B" / "Source: A, B" for a list of source ids, into buf. */
void sources_line(const pdf_ctx *ctx, const quire_strings *ids, char *buf, size_t size);
/* The same line with " · 2025-06 기준" / " · as of 2025-06" when as_of has
 * a text (alone when there are no sources). */
void sources_line_as_of(const pdf_ctx *ctx, const quire_strings *ids, const quire_as_of *as_of,
                        char *buf, size_t size);
/* 1 when the contents page would list more than one entry. */
int contents_wanted(const pdf_ctx *ctx);

/* Typographic constants shared by the blocks, in points. */
#define PDF_BODY_SIZE 9.8
#define PDF_BODY_LEADING 16.0
#define PDF_SMALL_SIZE 7.6
#define PDF_TEXT_RGB 0x222222u
#define PDF_GREY_RGB 0x666666u
#define PDF_RULE_RGB 0xc8ccd2u
#define PDF_LINK_RGB 0x1f5fa8u

#endif
