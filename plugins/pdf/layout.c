/* layout.c — the page flow: pages, cursor, header and footer, headings
 * with their bookmarks, and the walk over the template's blocks. */
#include "pdf.h"

#include <stdlib.h>
#include <string.h>

#define HEADER_SIZE 7.4

static void set_rgb(HPDF_Page page, uint32_t rgb, int stroke)
{
    float r = ((rgb >> 16) & 0xFF) / 255.0f, g = ((rgb >> 8) & 0xFF) / 255.0f,
          b = (rgb & 0xFF) / 255.0f;
    if (stroke)
        HPDF_Page_SetRGBStroke(page, r, g, b);
    else
        HPDF_Page_SetRGBFill(page, r, g, b);
}

void layout_fill_rect(pdf_ctx *ctx, double x, double y, double w, double h, uint32_t rgb)
{
    if (ctx->dry || !ctx->page)
        return;
    set_rgb(ctx->page, rgb, 0);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Fill(ctx->page);
}

void layout_hline(pdf_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb)
{
    if (ctx->dry || !ctx->page)
        return;
    set_rgb(ctx->page, rgb, 1);
    HPDF_Page_SetLineWidth(ctx->page, (HPDF_REAL)lw);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x0, (HPDF_REAL)y);
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)x1, (HPDF_REAL)y);
    HPDF_Page_Stroke(ctx->page);
}

/* Shortens buf (NUL-terminated UTF-8) with an ellipsis until it fits width. */
static void fit_width(pdf_ctx *ctx, const pdf_style *st, char *buf, size_t size, double width)
{
    static const char ellipsis[] = "…";
    size_t len = strlen(buf);
    if (text_width(ctx, st->font, st->size, buf, len) <= width)
        return;
    double room = width - text_width(ctx, st->font, st->size, ellipsis, strlen(ellipsis));
    while (len > 0 && text_width(ctx, st->font, st->size, buf, len) > room) {
        len--;
        while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80)
            len--; /* back to the start of a character */
    }
    while (len > 0 && (len + sizeof ellipsis > size ||
                       ((unsigned char)buf[len] & 0xC0) == 0x80))
        len--; /* room for the ellipsis, at the start of a character */
    memcpy(buf + len, ellipsis, sizeof ellipsis);
}

/* Expands a header/footer pattern for the current page. */
static void draw_margin_text(pdf_ctx *ctx, const char *pattern, double baseline, int center)
{
    char buf[512];
    if (!pattern || !*pattern)
        return;
    ctx->job->host->expand(ctx->job, pattern, ctx->page_no, ctx->pages, buf, sizeof buf);
    pdf_style st = {ctx->body, HEADER_SIZE, PDF_GREY_RGB};
    fit_width(ctx, &st, buf, sizeof buf, ctx->width);
    if (center)
        text_draw_center(ctx, &st, ctx->left + ctx->width / 2, baseline, buf);
    else
        text_draw(ctx, &st, ctx->left, baseline, buf, strlen(buf));
}

static void layout_finish_page(pdf_ctx *ctx)
{
    if (ctx->dry || !ctx->page || ctx->page_is_cover)
        return;
    double head = ctx->top + (ctx->ph - ctx->top) * 0.45;
    double foot = ctx->bottom * 0.5 - HEADER_SIZE / 2;
    if (ctx->tp->header && *ctx->tp->header) {
        draw_margin_text(ctx, ctx->tp->header, head, 0);
        layout_hline(ctx, ctx->left, ctx->right, head - 5, 0.4, PDF_RULE_RGB);
    }
    draw_margin_text(ctx, ctx->tp->footer, foot, 1);
}

void layout_new_page(pdf_ctx *ctx)
{
    layout_finish_page(ctx);
    ctx->page_no++;
    ctx->page_is_cover = 0;
    ctx->page_used = 0;
    ctx->y = ctx->top;
    if (ctx->dry)
        return;
    ctx->page = HPDF_AddPage(ctx->doc);
    if (!ctx->page)
        return;
    HPDF_Page_SetWidth(ctx->page, (HPDF_REAL)ctx->pw);
    HPDF_Page_SetHeight(ctx->page, (HPDF_REAL)ctx->ph);
    if (ctx->job->host->progress && ctx->pages > 0 &&
        ctx->job->host->progress(ctx->job, (double)ctx->page_no / ctx->pages))
        pdf_fail(ctx, QUIRE_ERR_CANCELLED, "interrupted");
}

void layout_need(pdf_ctx *ctx, double h)
{
    if (ctx->page_no == 0 || (ctx->y - h < ctx->bottom && ctx->page_used))
        layout_new_page(ctx);
}

void layout_fresh_page(pdf_ctx *ctx)
{
    if (ctx->page_no == 0 || ctx->page_used)
        layout_new_page(ctx);
}

/* Records the dry pass's page of the next contents entry, or makes its
 * bookmark in the drawing pass. */
static void toc_mark(pdf_ctx *ctx, const char *text, int level, double y)
{
    if (ctx->next_toc >= ctx->n_toc)
        return;
    pdf_toc *t = &ctx->toc[ctx->next_toc++];
    if (ctx->dry) {
        t->page = ctx->page_no;
        return;
    }
    HPDF_Outline parent = level > 0 && ctx->outline ? ctx->outline : NULL;
    HPDF_Outline o = HPDF_CreateOutline(ctx->doc, parent, text, ctx->utf8);
    if (!o)
        return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(ctx->page);
    if (dst) {
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(y + 6));
        HPDF_Outline_SetDestination(o, dst);
    }
    HPDF_Outline_SetOpened(o, HPDF_TRUE);
    if (level == 0)
        ctx->outline = o;
}

void layout_heading(pdf_ctx *ctx, const char *text, int level)
{
    pdf_style st = {ctx->bold, level ? 12.0 : 15.5, level ? PDF_TEXT_RGB : pdf_color(ctx, 0)};
    double leading = st.size * 1.35, before = level ? 10 : 16, after = level ? 4 : 9;
    double h = text_height(ctx, &st, text, ctx->width, leading);
    /* keep the heading with the first lines of what follows */
    layout_need(ctx, before + h + after + 3 * PDF_BODY_LEADING);
    if (ctx->page_used)
        ctx->y -= before;
    toc_mark(ctx, text, level, ctx->y);
    ctx->y -= text_block(ctx, &st, text, ctx->left, ctx->y, ctx->width, leading, 0);
    if (level == 0)
        layout_hline(ctx, ctx->left, ctx->right, ctx->y - 2, 0.8, pdf_color(ctx, 0));
    ctx->y -= after;
    ctx->page_used = 1;
}

static void run_block(pdf_ctx *ctx, const quire_block *b)
{
    switch (b->kind) {
    case QUIRE_BLOCK_COVER: cover_draw(ctx); break;
    case QUIRE_BLOCK_CONTENTS: contents_draw(ctx); break;
    case QUIRE_BLOCK_HEADING:
        ctx->where = "heading";
        layout_heading(ctx, b->text ? b->text : "", 0);
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
    case QUIRE_BLOCK_PAGE_BREAK: layout_fresh_page(ctx); break;
    case QUIRE_BLOCK_SOURCES: sources_draw(ctx); break;
    }
}

int layout_run(pdf_ctx *ctx)
{
    ctx->page_no = 0;
    ctx->page = NULL;
    ctx->page_used = 0;
    ctx->next_toc = 0;
    ctx->outline = NULL;
    ctx->y = ctx->top;
    for (size_t i = 0; i < ctx->tp->n_blocks && !ctx->status; i++)
        run_block(ctx, &ctx->tp->blocks[i]);
    if (ctx->page_no == 0)
        layout_new_page(ctx); /* a template without blocks still gives a page */
    layout_finish_page(ctx);
    if (ctx->dry)
        ctx->pages = ctx->page_no;
    return ctx->status ? -1 : 0;
}
