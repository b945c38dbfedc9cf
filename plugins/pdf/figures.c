/* figures.c — headline figures as tiles in a grid: label, big value with
 * its unit, change with ▲/▼ in colour and its basis, note and source.
 * A tile is measured first (tile_measure), then drawn at the height of
 * the tallest tile of its row (tile_draw). */
#include "pdf.h"
#include "palette.h"
#include "tags.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numfmt.h"

#define PAD 9.0
#define GAP 8.0
#define VALUE_SIZE 20.0
#define UP_RGB 0x2e7d32u
#define DOWN_RGB 0xc0392bu
#define LABEL_LEADING 12.0
#define NOTE_LEADING 10.5
#define SOURCE_LEADING 9.5

typedef struct tile {
    const quire_figure *f;
    char value[64], change[96], source[512];
    double value_size;
    text_rich note;
    double label_h, note_h, source_h, h; /* measured */
} tile;

static text_style label_style(pdf_ctx *ctx) { return (text_style){ctx->body, 8.6, 0x444444u}; }
static text_look note_look(pdf_ctx *ctx) { return pdf_look(ctx, 0, 7.8, PDF_GREY_RGB); }
static text_style source_style(pdf_ctx *ctx) { return (text_style){ctx->body, 7.0, 0x888888u}; }
static text_style unit_style(pdf_ctx *ctx) { return (text_style){ctx->body, 9.5, PDF_GREY_RGB}; }

static const char *shown_unit(const quire_figure *f)
{
    return f->unit && strcmp(f->unit, "%") ? f->unit : NULL;
}

static double lines_height(const text_style *st, const char *s, double width, double leading)
{
    lb_lines lines = {0};
    double h = s && !text_break(st, s, width, &lines) ? (double)lines.count * leading : 0;
    lb_lines_free(&lines);
    return h;
}

static int tile_measure(pdf_ctx *ctx, tile *t, const quire_figure *f, double inner)
{
    t->f = f;
    int percent = f->unit && !strcmp(f->unit, "%");
    numfmt_format(t->value, sizeof t->value, f->value, f->decimals, NULL, percent);
    t->change[0] = '\0';
    if (f->has_change) {
        const char *arrow = f->change_value > 0 ? "▲ " : f->change_value < 0 ? "▼ " : "– ";
        size_t n = (size_t)snprintf(t->change, sizeof t->change, "%s", arrow);
        numfmt_with_unit(t->change + n, sizeof t->change - n, fabs(f->change_value),
                  f->change_decimals, f->change_unit);
    }
    sources_line_as_of(ctx, &f->sources, &f->as_of, t->source, sizeof t->source);
    /* shrink a long value until value and unit fit the tile */
    const char *unit = shown_unit(f);
    text_style ust = unit_style(ctx);
    double unit_w = unit ? text_width(&ust, unit, strlen(unit)) + 4 : 0;
    t->value_size = VALUE_SIZE;
    for (;;) {
        text_style v = {ctx->bold, t->value_size, 0};
        if (t->value_size <= 11 || text_width(&v, t->value, strlen(t->value)) + unit_w <= inner)
            break;
        t->value_size -= 1;
    }
    if (text_rich_from(&t->note, &f->note_text, f->note))
        return -1;
    text_style label = label_style(ctx), src = source_style(ctx);
    text_look note = note_look(ctx);
    t->label_h = lines_height(&label, f->label, inner, LABEL_LEADING);
    t->note_h = t->note.len ? flow_height(ctx, &t->note, &note, inner, NOTE_LEADING) : 0;
    t->source_h = t->source[0] ? lines_height(&src, t->source, inner, SOURCE_LEADING) : 0;
    t->h = PAD + 2 + t->label_h + 4 + t->value_size + 6 + (t->change[0] ? 11 : 0) +
           (t->note.len ? 3 + t->note_h : 0) + (t->source[0] ? 3 + t->source_h : 0) + PAD;
    return 0;
}

static void tile_draw(pdf_ctx *ctx, const tile *t, double x, double top, double inner)
{
    text_style label = label_style(ctx), src = source_style(ctx), ust = unit_style(ctx);
    text_look note = note_look(ctx);
    double y = top - PAD - 2;
    page_text_block(ctx, &label, t->f->label, x + PAD, y, inner, LABEL_LEADING);
    y -= t->label_h + 4 + t->value_size;
    text_style value = {ctx->bold, t->value_size, pdf_color(ctx, 0)};
    page_text(ctx, &value, x + PAD, y, t->value, strlen(t->value));
    const char *unit = shown_unit(t->f);
    if (unit)
        page_text(ctx, &ust, x + PAD + 4 + text_width(&value, t->value, strlen(t->value)), y,
                  unit, strlen(unit));
    y -= 6;
    if (t->change[0]) {
        y -= 11;
        double v = t->f->change_value;
        text_style ch = {ctx->bold, 8.8, v > 0 ? UP_RGB : v < 0 ? DOWN_RGB : PDF_GREY_RGB};
        page_text(ctx, &ch, x + PAD, y + 2, t->change, strlen(t->change));
        const char *basis = t->f->change_basis;
        if (basis) {
            text_style b = {ctx->body, 8.4, PDF_GREY_RGB};
            double w = text_width(&ch, t->change, strlen(t->change));
            page_text(ctx, &b, x + PAD + w + 4, y + 2, basis, strlen(basis));
        }
    }
    if (t->note.len) {
        y -= 3;
        y -= flow_block(ctx, &t->note, &note, x + PAD, y, inner, NOTE_LEADING, 0);
    }
    if (t->source[0]) {
        y -= 3;
        page_text_block(ctx, &src, t->source, x + PAD, y, inner, SOURCE_LEADING);
    }
}

/* Appends ". part" to buf (or " part" after a full stop already there). */
static void sentence_add(char *buf, size_t size, const char *part)
{
    size_t n = strlen(buf);
    if (!part || !*part || n + 3 >= size)
        return;
    snprintf(buf + n, size - n, "%s%s", n && buf[n - 1] == '.' ? " " : ". ", part);
}

/* The tile as a screen reader should say it: one sentence. */
static void tile_sentence(pdf_ctx *ctx, const tile *t)
{
    char buf[2048];
    const char *unit = shown_unit(t->f), *basis = t->f->change_basis;
    int n = snprintf(buf, sizeof buf, "%s: %s%s%s", t->f->label, t->value, unit ? " " : "",
                     unit ? unit : "");
    if (t->change[0] && n > 0 && (size_t)n < sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, ", %s%s%s", basis ? basis : "",
                 basis ? " " : "", t->change);
    sentence_add(buf, sizeof buf, t->note.len ? t->note.text : NULL);
    sentence_add(buf, sizeof buf, t->source);
    tags_actual(ctx, buf);
}

static void figures_row(pdf_ctx *ctx, tile *tiles, size_t n, double tile_w)
{
    double inner = tile_w - 2 * PAD, h = 0;
    double notes = 0;
    for (size_t i = 0; i < n; i++) {
        h = tiles[i].h > h ? tiles[i].h : h;
        notes += notes_need_all(ctx, &tiles[i].note);
    }
    page_need(ctx, h + GAP + notes); /* the row and the notes it brings */
    double top = page_take(ctx, h + GAP);
    char where[160];
    for (size_t i = 0; i < n; i++) {
        double x = ctx->left + (double)i * (tile_w + GAP);
        snprintf(where, sizeof where, "figure '%s'", tiles[i].f->id);
        ctx->where = where;
        links_dest(ctx, tiles[i].f->id, top);
        page_begin(ctx, PDF_ROLE_ARTIFACT);
        page_fill(ctx, x, top - h, tile_w, h, palette_tint(pdf_color(ctx, 0), 0.07));
        page_fill(ctx, x, top - 2.2, tile_w, 2.2, pdf_color(ctx, 0));
        page_end(ctx);
        page_begin(ctx, PDF_ROLE_P);
        tile_sentence(ctx, &tiles[i]);
        tile_draw(ctx, &tiles[i], x, top, inner);
        page_end(ctx);
    }
    ctx->where = NULL;
}

void figures_draw(pdf_ctx *ctx, const quire_figure *const *figures, size_t n)
{
    size_t cols = ctx->width >= 640 ? 4 : ctx->width >= 440 ? 3 : 2;
    double tile_w = (ctx->width - GAP * (double)(cols - 1)) / (double)cols;
    tile row[4];
    if (!n)
        return;
    page_need(ctx, 60);
    page_take(ctx, 2);
    for (size_t i = 0; i < n && !ctx->status; i += cols) {
        size_t k = n - i < cols ? n - i : cols, made = 0;
        for (size_t j = 0; j < k; j++, made++)
            if (tile_measure(ctx, &row[j], figures[i + j], tile_w - 2 * PAD)) {
                pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
                break;
            }
        if (made == k)
            figures_row(ctx, row, k, tile_w);
        for (size_t j = 0; j < made; j++)
            text_rich_free(&row[j].note);
    }
    page_space(ctx, 6);
    ctx->where = NULL;
}
