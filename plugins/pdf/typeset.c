/* typeset.c — placing text: single runs, broken and justified paragraphs. */
#include "pdf.h"

#include <stdlib.h>
#include <string.h>

/* A justified line is not stretched beyond this many times a space's
 * width per gap: a line that short looks better ragged. */
#define MAX_GAP_STRETCH 4.0
/* Share of a line's slack given to letter spacing, and its cap in em: small
 * enough that text extraction still sees one word. */
#define LETTER_SHARE 0.4
#define MAX_LETTER_SPACE 0.025

static void set_rgb_fill(HPDF_Page page, uint32_t rgb)
{
    HPDF_Page_SetRGBFill(page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
                         (rgb & 0xFF) / 255.0f);
}

/* Shows text at (x, baseline) inside an open text object. */
static void show_text(pdf_ctx *ctx, const pdf_style *st, double x, double baseline,
                      const char *text, size_t len)
{
    char stack[512], *buf = len * 2 + 8 <= sizeof stack ? stack : malloc(len * 2 + 8);
    if (!buf)
        return;
    fonts_sanitize(ctx, st->font, text, len, buf, len * 2 + 8);
    HPDF_Page_TextOut(ctx->page, (HPDF_REAL)x, (HPDF_REAL)baseline, buf);
    if (buf != stack)
        free(buf);
}

static void text_begin(pdf_ctx *ctx, const pdf_style *st)
{
    HPDF_Page_BeginText(ctx->page);
    HPDF_Page_SetFontAndSize(ctx->page, st->font, (HPDF_REAL)st->size);
    set_rgb_fill(ctx->page, st->rgb);
}

void text_draw(pdf_ctx *ctx, const pdf_style *st, double x, double baseline,
               const char *text, size_t len)
{
    if (ctx->dry) {
        char *copy = strndup(text, len);
        if (copy)
            fonts_check(ctx, st->font, copy);
        free(copy);
        return;
    }
    if (!ctx->page || !len)
        return;
    text_begin(ctx, st);
    show_text(ctx, st, x, baseline, text, len);
    HPDF_Page_EndText(ctx->page);
}

void text_draw_right(pdf_ctx *ctx, const pdf_style *st, double x_right, double baseline,
                     const char *text)
{
    size_t len = strlen(text);
    double w = text_width(ctx, st->font, st->size, text, len);
    text_draw(ctx, st, x_right - w, baseline, text, len);
}

void text_draw_center(pdf_ctx *ctx, const pdf_style *st, double x_center, double baseline,
                      const char *text)
{
    size_t len = strlen(text);
    double w = text_width(ctx, st->font, st->size, text, len);
    text_draw(ctx, st, x_center - w / 2, baseline, text, len);
}

typedef struct measure_ctx {
    pdf_ctx *ctx;
    const pdf_style *st;
} measure_ctx;

static double measure(void *p, const char *text, size_t len)
{
    measure_ctx *m = p;
    return text_width(m->ctx, m->st->font, m->st->size, text, len);
}

int text_lines(pdf_ctx *ctx, const pdf_style *st, const char *text, double width,
               lb_lines *out)
{
    measure_ctx m = {ctx, st};
    if (linebreak(text ? text : "", width, measure, &m, out)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    return 0;
}

static size_t count_gaps(const char *s, size_t len)
{
    size_t gaps = 0;
    for (size_t i = 1; i < len; i++)
        if (s[i] == ' ' && s[i - 1] != ' ')
            gaps++;
    return gaps;
}

/* Glyphs (code points other than spaces) in s[0..len). */
static size_t count_glyphs(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i += lb_char_len(s + i))
        n += s[i] != ' ';
    return n;
}

/* How a justified line absorbs its slack: a little between letters (as
 * Korean typesetters do, since its words are long and gaps few), the rest
 * between words. */
typedef struct stretch {
    double per_glyph, per_gap;
} stretch;

static stretch stretch_for(const pdf_style *st, double slack, size_t glyphs, size_t gaps)
{
    stretch k = {0, 0};
    if (glyphs > 1) {
        k.per_glyph = slack * LETTER_SHARE / (double)(glyphs - 1);
        if (k.per_glyph > st->size * MAX_LETTER_SPACE)
            k.per_glyph = st->size * MAX_LETTER_SPACE;
    }
    k.per_gap = (slack - k.per_glyph * (double)(glyphs > 1 ? glyphs - 1 : 0)) / (double)gaps;
    return k;
}

/* Draws the words of a line one by one, spaced out to fill the line. */
static void draw_stretched(pdf_ctx *ctx, const pdf_style *st, const char *s, size_t len,
                           double x, double baseline, stretch k)
{
    double space = text_width(ctx, st->font, st->size, " ", 1);
    size_t i = 0;
    text_begin(ctx, st);
    HPDF_Page_SetCharSpace(ctx->page, (HPDF_REAL)k.per_glyph);
    while (i < len) {
        size_t end = i;
        while (end < len && s[end] != ' ')
            end++;
        show_text(ctx, st, x, baseline, s + i, end - i);
        x += text_width(ctx, st->font, st->size, s + i, end - i) +
             k.per_glyph * (double)count_glyphs(s + i, end - i);
        i = end;
        if (i < len)
            x += k.per_gap;
        while (i < len && s[i] == ' ')
            x += space, i++;
    }
    HPDF_Page_SetCharSpace(ctx->page, 0); /* character spacing outlives the text object */
    HPDF_Page_EndText(ctx->page);
}

void text_draw_line(pdf_ctx *ctx, const pdf_style *st, const char *text,
                    const lb_line *line, double x, double baseline, double width,
                    int justify)
{
    const char *s = text + line->start;
    size_t len = line->end - line->start;
    if (!justify || !line->justify || ctx->dry || !ctx->page) {
        text_draw(ctx, st, x, baseline, s, len);
        return;
    }
    size_t gaps = count_gaps(s, len);
    double slack = width - text_width(ctx, st->font, st->size, s, len);
    double space = text_width(ctx, st->font, st->size, " ", 1);
    if (!gaps || slack <= 0 || slack > space * MAX_GAP_STRETCH * (double)gaps)
        text_draw(ctx, st, x, baseline, s, len);
    else
        draw_stretched(ctx, st, s, len, x, baseline,
                       stretch_for(st, slack, count_glyphs(s, len), gaps));
}

double text_height(pdf_ctx *ctx, const pdf_style *st, const char *text, double width,
                   double leading)
{
    lb_lines lines = {0};
    if (!text || text_lines(ctx, st, text, width, &lines))
        return 0;
    double h = (double)lines.count * leading;
    lb_lines_free(&lines);
    return h;
}

/* Baseline of a line whose box starts at top: the text sits in the middle
 * of the leading, as in word processors. */
static double baseline_in(const pdf_style *st, double top, double leading)
{
    return top - (leading + st->size * 0.72) / 2;
}

double text_block(pdf_ctx *ctx, const pdf_style *st, const char *text, double x,
                  double top, double width, double leading, int justify)
{
    lb_lines lines = {0};
    if (!text || text_lines(ctx, st, text, width, &lines))
        return 0;
    for (size_t i = 0; i < lines.count; i++)
        text_draw_line(ctx, st, text, &lines.items[i], x,
                       baseline_in(st, top - (double)i * leading, leading), width, justify);
    double h = (double)lines.count * leading;
    lb_lines_free(&lines);
    return h;
}

void text_flow(pdf_ctx *ctx, const pdf_style *st, const char *text, double indent,
               double leading, double space_after, uint32_t bar_rgb)
{
    lb_lines lines = {0};
    double width = ctx->width - indent;
    if (!text || text_lines(ctx, st, text, width, &lines))
        return;
    /* keep two lines together at a page end (no orphan) */
    layout_need(ctx, leading * (lines.count < 2 ? (double)lines.count : 2.0));
    for (size_t i = 0; i < lines.count; i++) {
        /* no widow: the last line does not go alone to the next page */
        double need = (i + 2 == lines.count) ? 2 * leading : leading;
        if (ctx->y - need < ctx->bottom && i > 0)
            layout_new_page(ctx);
        if (bar_rgb)
            layout_fill_rect(ctx, ctx->left, ctx->y - leading, 2.2, leading, bar_rgb);
        text_draw_line(ctx, st, text, &lines.items[i], ctx->left + indent,
                       baseline_in(st, ctx->y, leading), width, 1);
        ctx->y -= leading;
        ctx->page_used = 1;
    }
    ctx->y -= space_after;
    lb_lines_free(&lines);
}
