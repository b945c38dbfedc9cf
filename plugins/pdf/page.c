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

/* One pass over the template's blocks. */
static int page_pass(pdf_ctx *ctx, page_block_fn block)
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
        links_forget(ctx); /* found again: a heading may have moved */
    for (size_t i = 0; i < ctx->tp->n_blocks && !ctx->status; i++) {
        ctx->block = i;
        block(ctx, i);
    }
    if (ctx->page_no == 0)
        page_new(ctx); /* a template without blocks still gives a page */
    page_finish(ctx);
    tags_page_close(ctx);
    if (ctx->dry)
        ctx->pages = ctx->page_no;
    return ctx->status ? -1 : 0;
}

/* The two passes: first passes find where everything falls (run again,
 * at most four times, while a heading moved to the next page; each moves
 * headings only forward, the last keeps what it found), then the drawing
 * pass, knowing the page count and every destination. */
int page_layout(pdf_ctx *ctx, page_block_fn block)
{
    ctx->dry = 1;
    for (int pass = 0; pass < 4; pass++) {
        ctx->breaks_frozen = pass == 3;
        if (page_pass(ctx, block))
            return -1;
        if (!ctx->relayout)
            break;
    }
    ctx->dry = 0;
    ctx->pages_made = calloc((size_t)ctx->pages + 1, sizeof *ctx->pages_made);
    if (!ctx->pages_made) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    return page_pass(ctx, block);
}
