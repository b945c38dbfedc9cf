/* page_flow.c — rich text through the pages: paragraphs broken into lines
 * that break pages between them, keep two lines together at a page's top
 * and foot, and bring their footnotes along. */
#include "pdf.h"

#include <stdlib.h>
#include <string.h>

#define BULLET "•"
#define LIST_GAP 3.0

static double baseline_in(double size, double top, double leading)
{
    return top - (leading + size * 0.72) / 2;
}

double flow_height(const pdf_ctx *ctx, const text_rich *r, const text_look *lk, double width,
                   double leading)
{
    (void)ctx;
    lb_lines lines = {0};
    double h = 0;
    if (!text_rich_break(r, lk, width, &lines))
        h = (double)lines.count * leading;
    lb_lines_free(&lines);
    return h;
}

double flow_block(pdf_ctx *ctx, const text_rich *r, const text_look *lk, double x, double top,
                  double width, double leading, int justify)
{
    lb_lines lines = {0};
    if (text_rich_break(r, lk, width, &lines)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return 0;
    }
    for (size_t i = 0; i < lines.count; i++) {
        page_rich_line(ctx, r, lk, &lines.items[i], x,
                  baseline_in(lk->size, top - (double)i * leading, leading), width, justify);
        notes_place(ctx, r, &lines.items[i]);
    }
    double h = (double)lines.count * leading;
    lb_lines_free(&lines);
    return h;
}

/* 1 when line i (with the one after it when it would be left alone)
 * does not fit below the cursor with the notes it brings. */
static int line_breaks_page(pdf_ctx *ctx, const text_rich *r, const lb_lines *lines, size_t i,
                            double leading)
{
    size_t n = i + 2 == lines->count ? 2 : 1; /* no widow: the last line not alone */
    if (i == 0 && lines->count >= 2)
        n = 2;                                 /* no orphan: the first line not alone */
    double need = (double)n * leading;
    for (size_t k = i; k < i + n && k < lines->count; k++)
        need += notes_need(ctx, r, &lines->items[k]);
    return page_room(ctx) < need;
}

void flow_para(pdf_ctx *ctx, const text_rich *r, const text_look *lk, double indent,
               double leading, double space_after, uint32_t bar_rgb, const flow_mark *mark)
{
    lb_lines lines = {0};
    double width = ctx->width - indent;
    if (text_rich_break(r, lk, width, &lines)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    for (size_t i = 0; i < lines.count && !ctx->status; i++) {
        if (ctx->page_no == 0 || ctx->page_closed ||
            (ctx->page_used && line_breaks_page(ctx, r, &lines, i, leading)))
            page_new(ctx);
        double top = page_take(ctx, leading);
        if (bar_rgb)
            page_fill(ctx, ctx->left, top - leading, 2.2, leading, bar_rgb);
        if (mark && i == 0)
            page_text(ctx, &mark->st, ctx->left + mark->x, baseline_in(lk->size, top, leading),
                      mark->text, strlen(mark->text));
        page_rich_line(ctx, r, lk, &lines.items[i], ctx->left + indent,
                       baseline_in(lk->size, top, leading), width, 1);
        notes_place(ctx, r, &lines.items[i]);
    }
    /* a barred run of paragraphs and lists (the summary) keeps one rule
     * down the gaps between them */
    if (bar_rgb && space_after > 0 && ctx->page_used && !ctx->page_closed && !ctx->status &&
        page_room(ctx) > space_after)
        page_fill(ctx, ctx->left, ctx->y - space_after, 2.2, space_after, bar_rgb);
    page_space(ctx, space_after);
    lb_lines_free(&lines);
}

void flow_text(pdf_ctx *ctx, const quire_text *t, const char *plain, const text_look *lk,
               double indent, double leading, double space_after)
{
    text_rich r;
    if (text_rich_from(&r, t, plain)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    if (r.len)
        flow_para(ctx, &r, lk, indent, leading, space_after, 0, NULL);
    text_rich_free(&r);
}

/* A bulleted list: items with a hanging bullet, a little apart; in a
 * barred run (the summary) the bar goes on beside the items. */
static void flow_list(pdf_ctx *ctx, const quire_para *p, const text_look *lk, double indent,
                      double leading, double gap, uint32_t bar_rgb)
{
    page_begin(ctx, PDF_ROLE_LIST);
    for (size_t i = 0; i < p->n_items && !ctx->status; i++) {
        text_rich r;
        if (text_rich_from(&r, quire_item_at(p, i), NULL)) {
            pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
            break;
        }
        flow_mark bullet = {BULLET, {lk->family->face[lk->flags & 3u], lk->size, lk->rgb},
                            indent + lk->size * 0.5};
        page_begin(ctx, PDF_ROLE_LIST_ITEM);
        flow_para(ctx, &r, lk, indent + lk->size * 1.4, leading,
                  i + 1 < p->n_items ? LIST_GAP : gap, bar_rgb, &bullet);
        page_end(ctx);
        text_rich_free(&r);
    }
    page_end(ctx);
}

void flow_prose(pdf_ctx *ctx, const quire_prose *p, const quire_strings *plain,
                const text_look *lk, double indent, double leading, double gap,
                uint32_t bar_rgb)
{
    size_t n = p && p->n_paras ? p->n_paras : plain->count;
    for (size_t i = 0; i < n && !ctx->status; i++) {
        double after = i + 1 < n ? gap : 0;
        const quire_para *para = p && p->n_paras ? quire_para_at(p, i) : NULL;
        if (para && para->kind == QUIRE_PARA_LIST) {
            flow_list(ctx, para, lk, indent, leading, after, bar_rgb);
            continue;
        }
        text_rich r;
        if (text_rich_from(&r, para ? &para->text : NULL, para ? NULL : plain->items[i])) {
            pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
            return;
        }
        page_begin(ctx, PDF_ROLE_P);
        if (r.len)
            flow_para(ctx, &r, lk, indent, leading, after, bar_rgb, NULL);
        page_end(ctx);
        text_rich_free(&r);
    }
}
