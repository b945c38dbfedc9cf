/* cover.c — the cover page: a band in the accent colour carrying the title
 * and subtitle and the organization, then period, date and author. No header or
 * footer; what follows starts on a new page. */
#include "pdf.h"

#include <string.h>

#define WHITE 0xffffffu

/* The band's lower edge, as a share of the page height. */
#define BAND_BOTTOM 0.56

static double line_at(pdf_ctx *ctx, const pdf_style *st, const char *text, double top)
{
    if (!text || !*text)
        return 0;
    return text_block(ctx, st, text, ctx->left, top, ctx->width, st->size * 1.5, 0);
}

static void cover_band(pdf_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    double band = ctx->ph * BAND_BOTTOM;
    pdf_style org = {ctx->bold, 9.5, pdf_tint(WHITE, 1)};
    pdf_style title = {ctx->bold, 26, WHITE};
    pdf_style sub = {ctx->body, 13.5, pdf_tint(pdf_color(ctx, 0), 0.18)};
    double title_h = text_height(ctx, &title, ds->title, ctx->width, title.size * 1.3);
    double sub_h = ds->subtitle ? text_height(ctx, &sub, ds->subtitle, ctx->width, sub.size * 1.5) : 0;

    layout_fill_rect(ctx, 0, band, ctx->pw, ctx->ph - band, pdf_color(ctx, 0));
    layout_fill_rect(ctx, ctx->left, band + 28 + sub_h + title_h + 18, 36, 3,
                     pdf_color(ctx, 1));
    line_at(ctx, &org, ds->organization, ctx->top);
    double y = band + 28 + sub_h + title_h;
    y -= text_block(ctx, &title, ds->title, ctx->left, y, ctx->width, title.size * 1.3, 0);
    line_at(ctx, &sub, ds->subtitle, y - 6);
}

static void cover_details(pdf_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    pdf_style period = {ctx->bold, 18, pdf_color(ctx, 0)};
    pdf_style label = {ctx->body, 8.5, PDF_GREY_RGB};
    pdf_style value = {ctx->body, 11, PDF_TEXT_RGB};
    double y = ctx->ph * BAND_BOTTOM - 44;
    if (ds->period)
        y -= line_at(ctx, &period, ds->period, y) + 14;
    const char *labels[][2] = {
        {pdf_label(ctx, "발행일", "Date"), ds->date},
        {pdf_label(ctx, "작성", "Author"), ds->author},
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        if (!labels[i][1])
            continue;
        y -= line_at(ctx, &label, labels[i][0], y);
        y -= line_at(ctx, &value, labels[i][1], y) + 8;
    }
}

void cover_draw(pdf_ctx *ctx)
{
    ctx->where = "the cover";
    layout_fresh_page(ctx);
    ctx->page_is_cover = 1;
    cover_band(ctx);
    cover_details(ctx);
    layout_hline(ctx, ctx->left, ctx->right, ctx->bottom + 14, 0.6, PDF_RULE_RGB);
    pdf_style foot = {ctx->body, 8, PDF_GREY_RGB};
    if (ctx->ds->organization)
        text_draw(ctx, &foot, ctx->left, ctx->bottom, ctx->ds->organization,
                  strlen(ctx->ds->organization));
    ctx->page_used = 1;
    ctx->y = ctx->bottom - 1; /* the next block starts a new page */
}
