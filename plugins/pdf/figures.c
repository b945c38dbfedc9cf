/* figures.c — headline figures as tiles in a grid: label, big value with
 * its unit, change with ▲/▼ in colour and its basis, note and source. */
#include "pdf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numfmt.h"

#define PAD 9.0
#define GAP 8.0
#define VALUE_SIZE 20.0
#define UP_RGB 0x2e7d32u
#define DOWN_RGB 0xc0392bu

typedef struct tile {
    const quire_figure *f;
    char value[64], change[96], source[512];
    double value_size;
} tile;

static pdf_style label_style(pdf_ctx *ctx) { return (pdf_style){ctx->body, 8.6, 0x444444u}; }
static pdf_style note_style(pdf_ctx *ctx) { return (pdf_style){ctx->body, 7.8, PDF_GREY_RGB}; }
static pdf_style source_style(pdf_ctx *ctx) { return (pdf_style){ctx->body, 7.0, 0x888888u}; }

/* "42%", "3.2%p", "1,200 USD bn": a number with a unit glued or spaced. */
static void with_unit(char *buf, size_t size, double v, int decimals, const char *unit)
{
    size_t n = numfmt_format(buf, size, v, decimals, NULL, 0);
    if (unit && *unit && n < size)
        snprintf(buf + n, size - n, "%s%s", unit[0] == '%' ? "" : " ", unit);
}

static void tile_prepare(pdf_ctx *ctx, tile *t, const quire_figure *f, double inner)
{
    t->f = f;
    int percent = f->unit && !strcmp(f->unit, "%");
    numfmt_format(t->value, sizeof t->value, f->value, f->decimals, NULL, percent);
    t->change[0] = '\0';
    if (f->has_change) {
        const char *arrow = f->change_value > 0 ? "▲ " : f->change_value < 0 ? "▼ " : "– ";
        size_t n = (size_t)snprintf(t->change, sizeof t->change, "%s", arrow);
        with_unit(t->change + n, sizeof t->change - n, fabs(f->change_value),
                  f->change_decimals, f->change_unit);
    }
    sources_line(ctx, &f->sources, t->source, sizeof t->source);
    /* shrink a long value until value and unit fit the tile */
    const char *unit = percent ? NULL : f->unit;
    pdf_style unit_st = {ctx->body, 9.5, PDF_GREY_RGB};
    double unit_w = unit ? text_width(ctx, unit_st.font, unit_st.size, unit, strlen(unit)) + 4 : 0;
    t->value_size = VALUE_SIZE;
    while (t->value_size > 11 &&
           text_width(ctx, ctx->bold, t->value_size, t->value, strlen(t->value)) + unit_w > inner)
        t->value_size -= 1;
}

/* Height of a tile's content, or draws it when x is not NAN. */
static double tile_layout(pdf_ctx *ctx, const tile *t, double x, double top, double inner)
{
    pdf_style label = label_style(ctx), note = note_style(ctx), src = source_style(ctx);
    int draw = !isnan(x);
    double y = top - PAD - 2;
    if (draw)
        y -= text_block(ctx, &label, t->f->label, x + PAD, y, inner, 12, 0);
    else
        y -= text_height(ctx, &label, t->f->label, inner, 12);
    y -= 4 + t->value_size;
    if (draw) {
        pdf_style value = {ctx->bold, t->value_size, pdf_color(ctx, 0)};
        text_draw(ctx, &value, x + PAD, y, t->value, strlen(t->value));
        const char *unit = t->f->unit && strcmp(t->f->unit, "%") ? t->f->unit : NULL;
        pdf_style unit_st = {ctx->body, 9.5, PDF_GREY_RGB};
        if (unit)
            text_draw(ctx, &unit_st, x + PAD + 4 + text_width(ctx, ctx->bold, t->value_size,
                      t->value, strlen(t->value)), y, unit, strlen(unit));
    }
    y -= 6;
    if (t->change[0]) {
        y -= 11;
        if (draw) {
            double v = t->f->change_value;
            pdf_style ch = {ctx->bold, 8.8, v > 0 ? UP_RGB : v < 0 ? DOWN_RGB : PDF_GREY_RGB};
            text_draw(ctx, &ch, x + PAD, y + 2, t->change, strlen(t->change));
            const char *basis = t->f->change_basis;
            if (basis) {
                pdf_style b = {ctx->body, 8.4, PDF_GREY_RGB};
                double w = text_width(ctx, ch.font, ch.size, t->change, strlen(t->change));
                text_draw(ctx, &b, x + PAD + w + 4, y + 2, basis, strlen(basis));
            }
        }
    }
    if (t->f->note) {
        y -= 3;
        y -= draw ? text_block(ctx, &note, t->f->note, x + PAD, y, inner, 10.5, 0)
                  : text_height(ctx, &note, t->f->note, inner, 10.5);
    }
    if (t->source[0]) {
        y -= 3;
        y -= draw ? text_block(ctx, &src, t->source, x + PAD, y, inner, 9.5, 0)
                  : text_height(ctx, &src, t->source, inner, 9.5);
    }
    return top - y + PAD;
}

static void figures_row(pdf_ctx *ctx, tile *tiles, size_t n, double tile_w)
{
    double inner = tile_w - 2 * PAD, h = 0;
    for (size_t i = 0; i < n; i++) {
        double th = tile_layout(ctx, &tiles[i], NAN, 0, inner);
        h = th > h ? th : h;
    }
    layout_need(ctx, h + GAP);
    char where[160];
    for (size_t i = 0; i < n; i++) {
        double x = ctx->left + (double)i * (tile_w + GAP);
        snprintf(where, sizeof where, "figure '%s'", tiles[i].f->id);
        ctx->where = where;
        layout_fill_rect(ctx, x, ctx->y - h, tile_w, h, pdf_tint(pdf_color(ctx, 0), 0.07));
        layout_fill_rect(ctx, x, ctx->y - 2.2, tile_w, 2.2, pdf_color(ctx, 0));
        tile_layout(ctx, &tiles[i], x, ctx->y, inner);
    }
    ctx->y -= h + GAP;
    ctx->page_used = 1;
    ctx->where = NULL;
}

void figures_draw(pdf_ctx *ctx, const quire_figure *const *figures, size_t n)
{
    size_t cols = ctx->width >= 640 ? 4 : ctx->width >= 440 ? 3 : 2;
    double tile_w = (ctx->width - GAP * (double)(cols - 1)) / (double)cols;
    tile row[4];
    if (!n)
        return;
    layout_need(ctx, 60);
    ctx->y -= 2;
    for (size_t i = 0; i < n; i += cols) {
        size_t k = n - i < cols ? n - i : cols;
        for (size_t j = 0; j < k; j++)
            tile_prepare(ctx, &row[j], figures[i + j], tile_w - 2 * PAD);
        figures_row(ctx, row, k, tile_w);
    }
    ctx->y -= 6;
    ctx->where = NULL;
}
