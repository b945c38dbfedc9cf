/* chart_text.c — measuring, wrapping, shortening and placing chart text,
 * and the few drawing primitives every chart type uses.
 *
 * Text goes through the PDF plugin's text layer (text.h): the face of the
 * chart's font measures and draws, the line breaker wraps, so a chart
 * measures its words exactly as the rest of the document does. A font
 * the text layer does not know (a caller that loaded it through libharu
 * alone) is measured through libharu, with a cache. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_internal.h"
#include "linebreak.h"
#include "text.h"

#define CHART_ELLIPSIS "…"

/* Length of the UTF-8 character starting at s (1 for a stray byte). */
static size_t chart_utf8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80) return 1;
    return n;
}

/* Width of one character in 1/1000 em, from the cache when it is there. */
static double chart_char_width(const chart_ctx *ctx, HPDF_Font font, const char *s, size_t n)
{
    const text_face *face = text_face_of(font);
    if (face) {
        size_t len;
        return text_face_advance(face, text_utf8_decode(s, &len));
    }
    uint64_t key = 0;
    size_t slot;
    int which = font == ctx->style->font ? 1 : font == ctx->style->bold ? 2 : 0;

    if (!which || !ctx->widths)
        return HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)n).width;
    for (size_t i = 0; i < n; i++) key = key << 8 | (unsigned char)s[i];
    key |= (uint64_t)which << 32;
    slot = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 54) % CHART_WIDTH_SLOTS;
    if (ctx->widths->key[slot] != key) {
        ctx->widths->key[slot] = key;
        ctx->widths->width[slot] =
            (float)HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)n).width;
    }
    return ctx->widths->width[slot];
}

double chart_text_width(const chart_ctx *ctx, HPDF_Font font, double size, const char *s,
                        size_t len)
{
    double w = 0;

    if (!font || len == 0) return 0;
    for (size_t i = 0; i < len;) {
        size_t n = chart_utf8_len(s + i);
        if (i + n > len) n = len - i;
        w += chart_char_width(ctx, font, s + i, n);
        i += n;
    }
    return w * size / 1000.0;
}

/* TextOut wants a NUL-terminated string: copy the slice. */
static void chart_show(const chart_ctx *ctx, const char *s, size_t len)
{
    char buf[512];

    if (len >= sizeof buf) {      /* cut between characters, never inside one */
        len = sizeof buf - 1;
        while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80) len--;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    HPDF_Page_ShowText(ctx->page, buf);
}

void chart_fill_rgb(const chart_ctx *ctx, uint32_t rgb)
{
    HPDF_Page_SetRGBFill(ctx->page, ((rgb >> 16) & 0xff) / 255.0f,
                         ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f);
}

void chart_stroke_rgb(const chart_ctx *ctx, uint32_t rgb)
{
    HPDF_Page_SetRGBStroke(ctx->page, ((rgb >> 16) & 0xff) / 255.0f,
                           ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f);
}

/* align: 0 left, 1 centre, 2 right of x; y is the baseline. */
void chart_text(const chart_ctx *ctx, HPDF_Font font, double size, uint32_t rgb,
                double x, double y, const char *s, size_t len, int align)
{
    const text_face *face = text_face_of(font);

    if (!ctx->page || len == 0) return;
    if (align) x -= chart_text_width(ctx, font, size, s, len) * (align == 1 ? 0.5 : 1.0);
    if (face) {
        text_style st = {face, size, rgb};
        text_show(ctx->page, &st, x, y, s, len);
        return;
    }
    chart_fill_rgb(ctx, rgb);
    HPDF_Page_BeginText(ctx->page);
    HPDF_Page_SetFontAndSize(ctx->page, font, (HPDF_REAL)size);
    HPDF_Page_MoveTextPos(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y);
    chart_show(ctx, s, len);
    HPDF_Page_EndText(ctx->page);
}

/* Text whose baseline starts at (x, y) and climbs at degrees. */
void chart_text_rotated(const chart_ctx *ctx, HPDF_Font font, double size, uint32_t rgb,
                        double x, double y, double degrees, const char *s, size_t len)
{
    double a = degrees * M_PI / 180, c = cos(a), sn = sin(a);

    if (!ctx->page || len == 0) return;
    chart_fill_rgb(ctx, rgb);
    HPDF_Page_BeginText(ctx->page);
    HPDF_Page_SetFontAndSize(ctx->page, font, (HPDF_REAL)size);
    HPDF_Page_SetTextMatrix(ctx->page, (HPDF_REAL)c, (HPDF_REAL)sn, (HPDF_REAL)-sn,
                            (HPDF_REAL)c, (HPDF_REAL)x, (HPDF_REAL)y);
    chart_show(ctx, s, len);
    HPDF_Page_EndText(ctx->page);
}

/* Measures for the line breaker: a chart's text in one font and size. */
typedef struct chart_measure {
    const chart_ctx *ctx;
    HPDF_Font font;
    double size;
} chart_measure;

static double chart_measure_fn(void *data, const char *s, size_t len)
{
    const chart_measure *m = data;
    return chart_text_width(m->ctx, m->font, m->size, s, len);
}

/* Breaks s into lines at most width wide with the document's line
 * breaker (at spaces, Korean like English; a word wider than a line is
 * split, and *broke_word says so). Returns the number of lines needed,
 * storing at most max_lines of them; on running out of memory, one line. */
size_t chart_text_wrap(const chart_ctx *ctx, HPDF_Font font, double size, const char *s, double width,
                       chart_line *lines, size_t max_lines, int *broke_word)
{
    chart_measure m = {ctx, font, size};
    lb_lines out = {0};
    size_t n;

    if (broke_word) *broke_word = 0;
    if (linebreak(s, width, chart_measure_fn, &m, &out) != 0) {
        lb_lines_free(&out);
        if (max_lines) lines[0].off = 0, lines[0].len = strlen(s);
        return 1;
    }
    n = out.count;
    for (size_t i = 0; i < n; i++) {
        const lb_line *l = &out.items[i];
        if (i < max_lines) lines[i].off = l->start, lines[i].len = l->end - l->start;
        /* a line that ends inside a word split it */
        if (broke_word && l->end > l->start && s[l->end] && s[l->end] != ' ' && s[l->end] != '\n' &&
            s[l->end - 1] != ' ')
            *broke_word = 1;
    }
    lb_lines_free(&out);
    return n;
}

/* Copies s into buf, cut with an ellipsis so that it is at most width wide. */
size_t chart_text_shorten(const chart_ctx *ctx, HPDF_Font font, double size, const char *s, double width,
                          char *buf, size_t buf_size)
{
    size_t len = strlen(s), keep = 0, el = strlen(CHART_ELLIPSIS);
    double ew = chart_text_width(ctx, font, size, CHART_ELLIPSIS, el);

    if (buf_size == 0) return 0;
    if (chart_text_width(ctx, font, size, s, len) <= width && len < buf_size) {
        memcpy(buf, s, len + 1);
        return len;
    }
    while (keep < len) {
        size_t cl = chart_utf8_len(s + keep);
        if (keep + cl + el >= buf_size ||
            chart_text_width(ctx, font, size, s, keep + cl) + ew > width)
            break;
        keep += cl;
    }
    while (keep > 0 && s[keep - 1] == ' ') keep--;
    memcpy(buf, s, keep);
    if (keep + el < buf_size) memcpy(buf + keep, CHART_ELLIPSIS, el), keep += el;
    buf[keep] = '\0';
    return keep;
}

/* Lines chart_paragraph() draws for s. */
size_t chart_paragraph_lines(const chart_ctx *ctx, HPDF_Font font, double size,
                             const char *s, double width)
{
    size_t n = chart_text_wrap(ctx, font, size, s, width, NULL, 0, NULL);
    return n < CHART_MAX_LINES ? n : CHART_MAX_LINES;
}

/* Wrapped text from top down, at most CHART_MAX_LINES lines; returns the
 * height it takes. */
double chart_paragraph(const chart_ctx *ctx, HPDF_Font font, double size, uint32_t rgb,
                       const char *s, double x, double top, double width)
{
    chart_line lines[CHART_MAX_LINES];
    size_t n = chart_text_wrap(ctx, font, size, s, width, lines, CHART_MAX_LINES, NULL);
    double lh = size * 1.3;

    if (n > CHART_MAX_LINES) n = CHART_MAX_LINES;
    for (size_t i = 0; i < n; i++)
        chart_text(ctx, font, size, rgb, x, top - size * 0.95 - i * lh, s + lines[i].off,
                   lines[i].len, 0);
    return n * lh;
}

void chart_hline(const chart_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb)
{
    if (!ctx->page) return;
    HPDF_Page_SetLineWidth(ctx->page, (HPDF_REAL)lw);
    chart_stroke_rgb(ctx, rgb);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x0, (HPDF_REAL)y);
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)x1, (HPDF_REAL)y);
    HPDF_Page_Stroke(ctx->page);
}

void chart_vline(const chart_ctx *ctx, double x, double y0, double y1, double lw, uint32_t rgb)
{
    if (!ctx->page) return;
    HPDF_Page_SetLineWidth(ctx->page, (HPDF_REAL)lw);
    chart_stroke_rgb(ctx, rgb);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y0);
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y1);
    HPDF_Page_Stroke(ctx->page);
}

/* Reserves r for a label: 0 when it lies inside within (if given) and
 * overlaps nothing placed before, -1 when it must not be drawn. */
int chart_place(chart_ctx *ctx, chart_rect r, const chart_rect *within)
{
    if (within && (r.x < within->x - 0.5 || r.y < within->y - 0.5 ||
                   r.x + r.w > within->x + within->w + 0.5 ||
                   r.y + r.h > within->y + within->h + 0.5))
        return -1;
    for (size_t i = 0; i < ctx->n_placed; i++) {
        const chart_rect *p = &ctx->placed[i];
        if (r.x < p->x + p->w && p->x < r.x + r.w && r.y < p->y + p->h && p->y < r.y + r.h)
            return -1;
    }
    if (ctx->n_placed == CHART_MAX_PLACED) return -1;
    ctx->placed[ctx->n_placed++] = r;
    return 0;
}

/* White on dark fills, ink on light ones. */
uint32_t chart_ink_on(uint32_t rgb)
{
    double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    return l < 150 ? CHART_WHITE : CHART_INK;
}

/* Everything drawn until chart_clip_end() stays inside r (an axis that
 * y_min/y_max cut short leaves data beyond its ends). */
void chart_clip_begin(const chart_ctx *ctx, chart_rect r)
{
    if (!ctx->page) return;
    HPDF_Page_GSave(ctx->page);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)(r.x - 3), (HPDF_REAL)r.y, (HPDF_REAL)(r.w + 6),
                        (HPDF_REAL)r.h);
    HPDF_Page_Clip(ctx->page);
    HPDF_Page_EndPath(ctx->page);
}

void chart_clip_end(const chart_ctx *ctx)
{
    if (ctx->page) HPDF_Page_GRestore(ctx->page);
}
