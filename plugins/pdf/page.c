/* page.c — the page layer: pages, the cursor, header and footer, and the
 * drawing calls every block goes through (nothing is drawn in the first
 * pass). */
#include "pdf.h"
#include "tags.h"

#include <stdlib.h>
#include <string.h>

#define HEADER_SIZE 7.4
#define HEADER_LOGO_H 14.0

void page_begin(pdf_ctx *ctx, pdf_role role)
{
    if (ctx->n_roles < sizeof ctx->roles / sizeof ctx->roles[0])
        ctx->roles[ctx->n_roles] = role;
    ctx->n_roles++;
    tags_begin(ctx, role);
}

void page_end(pdf_ctx *ctx)
{
    if (ctx->n_roles)
        ctx->n_roles--;
    tags_end(ctx);
}

static int drawing(const pdf_ctx *ctx)
{
    return !ctx->dry && ctx->page;
}

HPDF_Page page_canvas(const pdf_ctx *ctx)
{
    if (!drawing(ctx))
        return NULL;
    tags_draw(ctx, TAGS_GRAPHIC); /* what the caller draws belongs to the role */
    return ctx->page;
}

static void set_rgb(HPDF_Page page, uint32_t rgb, int stroke)
{
    float r = ((rgb >> 16) & 0xFF) / 255.0f, g = ((rgb >> 8) & 0xFF) / 255.0f,
          b = (rgb & 0xFF) / 255.0f;
    if (stroke)
        HPDF_Page_SetRGBStroke(page, r, g, b);
    else
        HPDF_Page_SetRGBFill(page, r, g, b);
}

void page_fill(pdf_ctx *ctx, double x, double y, double w, double h, uint32_t rgb)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_DECOR);
    set_rgb(ctx->page, rgb, 0);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Fill(ctx->page);
}

void page_rule(pdf_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_DECOR);
    set_rgb(ctx->page, rgb, 1);
    HPDF_Page_SetLineWidth(ctx->page, (HPDF_REAL)lw);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x0, (HPDF_REAL)y);
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)x1, (HPDF_REAL)y);
    HPDF_Page_Stroke(ctx->page);
}

void page_text(pdf_ctx *ctx, const text_style *st, double x, double baseline, const char *s,
               size_t len)
{
    if (ctx->dry)
        fonts_check(ctx, st->face, s, len);
    else if (ctx->page) {
        tags_draw(ctx, TAGS_TEXT);
        text_show(ctx->page, st, x, baseline, s, len);
    }
}

void page_text_right(pdf_ctx *ctx, const text_style *st, double x_right, double baseline,
                     const char *s)
{
    size_t len = strlen(s);
    page_text(ctx, st, x_right - text_width(st, s, len), baseline, s, len);
}

void page_text_center(pdf_ctx *ctx, const text_style *st, double x_center, double baseline,
                      const char *s)
{
    size_t len = strlen(s);
    page_text(ctx, st, x_center - text_width(st, s, len) / 2, baseline, s, len);
}

/* Baseline of a line whose box starts at top: the text sits in the middle
 * of the leading, as in word processors. */
static double baseline_in(double size, double top, double leading)
{
    return top - (leading + size * 0.72) / 2;
}

double page_text_block(pdf_ctx *ctx, const text_style *st, const char *s, double x,
                       double top, double width, double leading)
{
    lb_lines lines = {0};
    if (!s || text_break(st, s, width, &lines)) {
        lb_lines_free(&lines);
        return 0;
    }
    for (size_t i = 0; i < lines.count; i++) {
        const lb_line *l = &lines.items[i];
        page_text(ctx, st, x, baseline_in(st->size, top - (double)i * leading, leading),
                  s + l->start, l->end - l->start);
    }
    double h = (double)lines.count * leading;
    lb_lines_free(&lines);
    return h;
}

/* The image of the dataset (or the logo), loaded once per document. */
static HPDF_Image image_of(pdf_ctx *ctx, const quire_image *im)
{
    size_t slot = ctx->ds->n_images; /* the logo's */
    for (size_t i = 0; i < ctx->ds->n_images; i++)
        if (quire_image_at(ctx->ds, i) == im)
            slot = i;
    if (!ctx->images[slot])
        ctx->images[slot] = im->format == QUIRE_IMAGE_PNG
            ? HPDF_LoadPngImageFromFile(ctx->doc, im->path)
            : HPDF_LoadJpegImageFromFile(ctx->doc, im->path);
    if (!ctx->images[slot])
        pdf_fail(ctx, QUIRE_ERR_INPUT, "image %s cannot be embedded (libharu error 0x%04X)",
                 im->path, (unsigned)ctx->hpdf_error);
    return ctx->images[slot];
}

void page_image(pdf_ctx *ctx, const quire_image *im, double x, double y, double w, double h)
{
    if (!drawing(ctx) || !im || !im->path)
        return;
    tags_image(ctx, im);
    tags_draw(ctx, TAGS_GRAPHIC);
    HPDF_Image img = image_of(ctx, im);
    if (img)
        HPDF_Page_DrawImage(ctx->page, img, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w,
                            (HPDF_REAL)h);
}

/* Expands a header/footer pattern for the current page, within width. */
static void margin_text(pdf_ctx *ctx, const char *pattern, double x, double width,
                        double baseline, int center)
{
    char buf[512], fit[512];
    if (!pattern || !*pattern)
        return;
    ctx->job->host->expand(ctx->job, pattern, ctx->page_no, ctx->pages, buf, sizeof buf);
    text_style st = {ctx->body, HEADER_SIZE, PDF_GREY_RGB};
    text_shorten(&st, buf, width, fit, sizeof fit);
    if (center)
        page_text_center(ctx, &st, x + width / 2, baseline, fit);
    else
        page_text(ctx, &st, x, baseline, fit, strlen(fit));
}

static void page_finish(pdf_ctx *ctx)
{
    if (!ctx->page_no)
        return;
    notes_page_finish(ctx);
    if (ctx->page_is_cover)
        return;
    double head = ctx->top + (ctx->ph - ctx->top) * 0.45;
    double foot = ctx->bottom * 0.5 - HEADER_SIZE / 2;
    const quire_logo *logo = &ctx->tp->logo;
    int with_logo = logo->image && logo->on_header && logo->image->width_px &&
                    logo->image->height_px;
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    double logo_w = 0;
    if (with_logo) {
        logo_w = HEADER_LOGO_H * logo->image->width_px / logo->image->height_px;
        if (logo_w > ctx->width / 3)
            logo_w = ctx->width / 3;
        double h = logo_w * logo->image->height_px / logo->image->width_px;
        page_image(ctx, logo->image, ctx->right - logo_w, head - 3, logo_w, h);
    }
    if ((ctx->tp->header && *ctx->tp->header) || with_logo) {
        margin_text(ctx, ctx->tp->header, ctx->left, ctx->width - (logo_w ? logo_w + 8 : 0),
                    head, 0);
        page_rule(ctx, ctx->left, ctx->right, head - 5, 0.4, PDF_RULE_RGB);
    }
    margin_text(ctx, ctx->tp->footer, ctx->left, ctx->width, foot, 1);
    page_end(ctx);
}

void page_heading_placed(pdf_ctx *ctx)
{
    ctx->kept_heading = (long)ctx->block;
}

int page_heading_moves(const pdf_ctx *ctx)
{
    return ctx->break_before && ctx->break_before[ctx->block];
}

void page_new(pdf_ctx *ctx)
{
    if (ctx->dry && !ctx->breaks_frozen && ctx->kept_heading >= 0 && ctx->break_before &&
        !ctx->break_before[ctx->kept_heading]) {
        ctx->break_before[ctx->kept_heading] = 1; /* it would end this page alone */
        ctx->relayout = 1;
    }
    ctx->kept_heading = -1;
    page_finish(ctx);
    tags_page_close(ctx); /* marked content never spans two pages */
    ctx->page_no++;
    ctx->page_is_cover = 0;
    ctx->page_used = 0;
    ctx->page_closed = 0;
    ctx->y = ctx->top;
    ctx->foot = 0;
    if (!ctx->dry) {
        ctx->page = HPDF_AddPage(ctx->doc);
        if (ctx->page) {
            HPDF_Page_SetWidth(ctx->page, (HPDF_REAL)ctx->pw);
            HPDF_Page_SetHeight(ctx->page, (HPDF_REAL)ctx->ph);
            if (ctx->page_no <= ctx->pages)
                ctx->pages_made[ctx->page_no - 1] = ctx->page;
        }
        if (ctx->job->host->progress && ctx->pages > 0 &&
            ctx->job->host->progress(ctx->job, (double)ctx->page_no / ctx->pages))
            pdf_fail(ctx, QUIRE_ERR_CANCELLED, "interrupted");
    }
    notes_page_start(ctx);
}

double page_room(const pdf_ctx *ctx)
{
    return ctx->y - ctx->bottom - ctx->foot;
}

void page_need(pdf_ctx *ctx, double h)
{
    if (ctx->page_no == 0 || ctx->page_closed || (page_room(ctx) < h && ctx->page_used))
        page_new(ctx);
}

double page_take(pdf_ctx *ctx, double h)
{
    if (ctx->page_no == 0 || ctx->page_closed)
        page_new(ctx);
    double top = ctx->y;
    ctx->y -= h;
    ctx->page_used = 1;
    ctx->kept_heading = -1; /* something follows the heading on its page */
    return top;
}

void page_space(pdf_ctx *ctx, double h)
{
    if (ctx->page_used && !ctx->page_closed)
        ctx->y -= h;
}

void page_fresh(pdf_ctx *ctx)
{
    if (ctx->page_no == 0 || ctx->page_used)
        page_new(ctx);
}

void page_close(pdf_ctx *ctx)
{
    ctx->page_closed = 1;
}

void page_cover(pdf_ctx *ctx)
{
    page_fresh(ctx);
    ctx->page_is_cover = 1;
    ctx->page_used = 1;
}

static void run_block(pdf_ctx *ctx, const quire_block *b)
{
    switch (b->kind) {
    case QUIRE_BLOCK_COVER: cover_draw(ctx); break;
    case QUIRE_BLOCK_CONTENTS: contents_draw(ctx); break;
    case QUIRE_BLOCK_HEADING:
        ctx->where = "heading";
        heading_draw(ctx, b->text ? b->text : "", 0, NULL);
        break;
    case QUIRE_BLOCK_FIGURES: figures_draw(ctx, b->figures, b->n_figures); break;
    case QUIRE_BLOCK_SUMMARY: summary_draw(ctx); break;
    case QUIRE_BLOCK_SECTION:
        if (b->section)
            section_draw(ctx, b->section);
        break;
    case QUIRE_BLOCK_CHART: embed_chart(ctx, &b->chart); break;
    case QUIRE_BLOCK_TABLE:
        if (b->table)
            table_draw(ctx, b->table);
        break;
    case QUIRE_BLOCK_PAGE_BREAK: page_fresh(ctx); break;
    case QUIRE_BLOCK_SOURCES: sources_draw(ctx); break;
    case QUIRE_BLOCK_IMAGE:
        if (b->image)
            image_draw(ctx, b->image);
        break;
    }
    ctx->where = NULL;
}

int page_run(pdf_ctx *ctx)
{
    ctx->page_no = 0;
    ctx->page = NULL;
    ctx->page_used = 0;
    ctx->page_closed = 0;
    ctx->next_toc = 0;
    ctx->outline = NULL;
    ctx->y = ctx->top;
    ctx->foot = 0;
    ctx->n_roles = 0;
    notes_pass_start(ctx);
    ctx->kept_heading = -1;
    ctx->relayout = 0;
    if (ctx->dry)
        ctx->n_dests = 0; /* found again: a heading may have moved */
    for (size_t i = 0; i < ctx->tp->n_blocks && !ctx->status; i++) {
        ctx->block = i;
        run_block(ctx, quire_block_at(ctx->tp, i));
    }
    if (ctx->page_no == 0)
        page_new(ctx); /* a template without blocks still gives a page */
    page_finish(ctx);
    tags_page_close(ctx);
    if (ctx->dry)
        ctx->pages = ctx->page_no;
    return ctx->status ? -1 : 0;
}
