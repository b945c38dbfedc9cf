/* cover.c — the cover page: a band in the accent colour carrying the logo,
 * the organization, the title and subtitle, then period, date and author.
 * No header or footer; what follows starts on a new page. */
#include "pdf.h"
#include "palette.h"

#include <string.h>

#define WHITE 0xffffffu

/* The band's lower edge, as a share of the page height. */
#define BAND_BOTTOM 0.56

static double text_height(const text_style *st, const char *s, double width, double leading)
{
    lb_lines lines = {0};
    double h = s && !text_break(st, s, width, &lines) ? (double)lines.count * leading : 0;
    lb_lines_free(&lines);
    return h;
}

static size_t line_count(const text_style *st, const char *s, double width)
{
    lb_lines lines = {0};
    size_t n = s && !text_break(st, s, width, &lines) ? lines.count : 0;
    lb_lines_free(&lines);
    return n;
}

/* The narrowest width that breaks s into as few lines as width does: the
 * lines come out about equally long, so that a title never leaves its last
 * word alone on a line (the width found in 16 halvings). */
static double balanced_width(const text_style *st, const char *s, double width)
{
    size_t n = line_count(st, s, width);
    if (n < 2)
        return width;
    double lo = width / (double)n * 0.8, hi = width;
    for (int i = 0; i < 16; i++) {
        double mid = (lo + hi) / 2;
        if (line_count(st, s, mid) <= n)
            hi = mid;
        else
            lo = mid;
    }
    return hi + 0.5 < width ? hi + 0.5 : width;
}

static double line_at(pdf_ctx *ctx, const text_style *st, const char *text, double top)
{
    if (!text || !*text)
        return 0;
    return page_text_block(ctx, st, text, ctx->left, top, ctx->width, st->size * 1.5);
}

/* The template's logo at the top right of the band; returns its width. */
static double cover_logo(pdf_ctx *ctx)
{
    const quire_logo *logo = &ctx->tp->logo;
    const quire_image *im = logo->image;
    if (!im || !logo->on_cover || !im->width_px || !im->height_px)
        return 0;
    double w = logo->width_pt > 0 ? logo->width_pt : 90;
    if (w > ctx->width / 2)
        w = ctx->width / 2;
    double h = w * im->height_px / im->width_px;
    if (h > 60)
        h = 60, w = h * im->width_px / im->height_px;
    page_begin(ctx, PDF_ROLE_FIGURE);
    page_image(ctx, im, ctx->right - w, ctx->top - h + 8, w, h);
    page_end(ctx);
    return w;
}

static void cover_band(pdf_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    double band = ctx->ph * BAND_BOTTOM;
    text_style org = {ctx->bold, 9.5, palette_tint(WHITE, 1)};
    text_style title = {ctx->bold, 26, WHITE};
    text_style sub = {ctx->body, 13.5, palette_tint(pdf_color(ctx, 0), 0.18)};
    double title_w = balanced_width(&title, ds->title, ctx->width);
    double title_h = text_height(&title, ds->title, title_w, title.size * 1.3);
    double sub_h = ds->subtitle ? text_height(&sub, ds->subtitle, ctx->width, sub.size * 1.5) : 0;

    page_begin(ctx, PDF_ROLE_ARTIFACT);
    page_fill(ctx, 0, band, ctx->pw, ctx->ph - band, pdf_color(ctx, 0));
    page_fill(ctx, ctx->left, band + 28 + sub_h + title_h + 18, 36, 3, pdf_color(ctx, 1));
    page_end(ctx);
    double logo_w = cover_logo(ctx);
    if (ds->organization && *ds->organization) {
        page_begin(ctx, PDF_ROLE_P);
        page_text_block(ctx, &org, ds->organization, ctx->left, ctx->top,
                        ctx->width - (logo_w ? logo_w + 12 : 0), org.size * 1.5);
        page_end(ctx);
    }
    double y = band + 28 + sub_h + title_h;
    page_begin(ctx, PDF_ROLE_H1);
    y -= page_text_block(ctx, &title, ds->title, ctx->left, y, title_w, title.size * 1.3);
    page_end(ctx);
    page_begin(ctx, PDF_ROLE_P);
    line_at(ctx, &sub, ds->subtitle, y - 6);
    page_end(ctx);
}

static void cover_details(pdf_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    text_style period = {ctx->bold, 18, pdf_color(ctx, 0)};
    text_style label = {ctx->body, 8.5, PDF_GREY_RGB};
    text_style value = {ctx->body, 11, PDF_TEXT_RGB};
    double y = ctx->ph * BAND_BOTTOM - 44;
    /* One paragraph a line, so that a screen reader reads "2025-Q3",
     * "발행일", "2025-07-31" apart rather than as one run-together word. */
    if (ds->period) {
        page_begin(ctx, PDF_ROLE_P);
        y -= line_at(ctx, &period, ds->period, y) + 14;
        page_end(ctx);
    }
    const char *labels[][2] = {
        {words(ctx->lang, WORD_DATE), ds->date},
        {pdf_label(ctx, "데이터 기준", "Data as of"), ds->as_of.text},
        {pdf_label(ctx, "작성", "Author"), ds->author},
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        if (!labels[i][1])
            continue;
        page_begin(ctx, PDF_ROLE_P);
        y -= line_at(ctx, &label, labels[i][0], y);
        page_end(ctx);
        page_begin(ctx, PDF_ROLE_P);
        y -= line_at(ctx, &value, labels[i][1], y) + 8;
        page_end(ctx);
    }
}

void cover_draw(pdf_ctx *ctx)
{
    ctx->where = "the cover";
    page_cover(ctx);
    cover_band(ctx);
    cover_details(ctx);
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    page_rule(ctx, ctx->left, ctx->right, ctx->bottom + 14, 0.6, PDF_RULE_RGB);
    text_style foot = {ctx->body, 8, PDF_GREY_RGB};
    if (ctx->ds->organization)
        page_text(ctx, &foot, ctx->left, ctx->bottom, ctx->ds->organization,
                  strlen(ctx->ds->organization));
    page_end(ctx);
    page_close(ctx); /* the next block starts a new page */
}
