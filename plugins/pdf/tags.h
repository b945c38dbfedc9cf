/* tags.h — tagged PDF: marked content on the pages and the structure tree
 * (issue 10). libharu has no tagging API; this writes BDC/EMC into the
 * pages' content streams and keeps the tree in compact records of its own
 * (tags_tree.h), written to the file after libharu saved it (tags_write.c,
 * pdf_tail.h).
 *
 * The page layer calls these from the places every drawn thing goes
 * through: page_begin/page_end (the role stack), its drawing calls and
 * the chart canvas (tags_draw), a page's end (tags_page_close), link
 * annotations (tags_annot, tags_link_slot/tags_annot_at). Blocks add what
 * only they know: a figure's alternate text (tags_alt, tags_image) and
 * where a table cell starts (tags_cell). Nothing happens in the first
 * pass.
 *
 * How roles become structure: the tree is Document › H1/H2, P, L › LI ›
 * Lbl + LBody, Table › (Caption) THead/TBody › TR › TH/TD, Figure (with
 * /Alt), Caption, Note, TOC › TOCI › Reference › Link, Link (with an OBJR
 * per annotation). Elements are made when something is drawn in them, so
 * none is empty. Fills and rules are artifacts everywhere but inside a
 * figure; everything inside an ARTIFACT role is one. At most one
 * marked-content sequence is open at a time: entering a child or an
 * artifact ends the parent's, and the parent continues under a new MCID,
 * so artifacts never sit inside tagged content and a page break never
 * splits a sequence. */
#ifndef QUIRE_PDF_TAGS_H
#define QUIRE_PDF_TAGS_H

#include <hpdf.h>
#include <stddef.h>
#include <quire/quire-plugin.h>

struct pdf_ctx;

/* What a drawing call puts on the page. */
enum {
    TAGS_DECOR,   /* a fill or a rule: layout, an artifact outside figures */
    TAGS_TEXT,    /* text through the page layer (a list's label, a cell) */
    TAGS_GRAPHIC  /* anything drawn on the canvas: rich text, charts, images */
};

int tags_init(struct pdf_ctx *ctx);
void tags_free(struct pdf_ctx *ctx);

void tags_begin(struct pdf_ctx *ctx, int role);
void tags_end(struct pdf_ctx *ctx);
/* Before something of kind is drawn on the current page. */
void tags_draw(const struct pdf_ctx *ctx, int kind);
/* The current page is done: its open sequence ends. */
void tags_page_close(const struct pdf_ctx *ctx);

/* The innermost figure's alternate text (copied). */
void tags_alt(struct pdf_ctx *ctx, const char *alt);
/* An image is drawn in the innermost role: a figure takes its alt (or its
 * caption); a decorative image makes the figure an artifact. */
void tags_image(struct pdf_ctx *ctx, const quire_image *im);
/* What the innermost element says as one text (/ActualText, copied): a
 * figure tile read as one sentence. */
void tags_actual(struct pdf_ctx *ctx, const char *text);
/* The next cell of the current table row; row_header: it names the row. */
void tags_cell(struct pdf_ctx *ctx, int row_header);

/* Text of a link is drawn next (between text objects): into a Link
 * element under the element text goes into now (with inner, an element
 * of that type inside the Link holds the text), the same one as the last
 * link's when key and that element are the same (a link that wraps to
 * the next line or page is one Link). Annotations made until
 * tags_link_leave() belong to the Link. */
void tags_link_enter(struct pdf_ctx *ctx, const void *key, const char *inner);
void tags_link_leave(struct pdf_ctx *ctx);

/* A link annotation made now, on the current page, for what is drawn. */
void tags_annot(struct pdf_ctx *ctx, HPDF_Annotation annot, const char *contents);
/* A link whose annotation is made later: its place in the tree, now. */
int tags_link_slot(struct pdf_ctx *ctx);
void tags_annot_at(struct pdf_ctx *ctx, int slot, int page_no, HPDF_Annotation annot,
                   const char *contents);

/* After the last page: /StructParents and /Tabs on every page, /MarkInfo
 * in the catalog. -1 after pdf_fail(). */
int tags_finish(struct pdf_ctx *ctx);

/* Just before the save: the tree's objects are numbered from base,
 * libharu's next object number, the StructTreeRoot first, and the
 * catalog's /StructTreeRoot refers to it through refs (numbered from base,
 * pdf_objects.h). -1 when out of memory. */
struct pdfo_refs;
int tags_number(struct pdf_ctx *ctx, struct pdfo_refs *refs, size_t base);
/* After libharu saved the file: the structure elements and the parent
 * tree, written to it from quire's records (tags_write.c) without
 * libharu's objects, so that their memory stays a few dozen bytes an
 * element. -1 on a write failure. */
struct pdf_tail;
int tags_write(const struct pdf_ctx *ctx, struct pdf_tail *tail);

#endif
