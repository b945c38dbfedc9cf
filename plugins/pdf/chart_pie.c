/* chart_pie.c — pie and donut charts of the first value column: slices
 * clockwise from twelve o'clock, the legend to the right, missing and
 * non-positive values left out and named in the note under the chart. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"

#define CHART_DONUT_HOLE 0.56   /* inner radius / outer radius */

static int chart_pie_shown(const chart_ctx *ctx, size_t r)
{
    double v = chart_value(ctx, 0, r);
    return !isnan(v) && v > 0;
}

static double chart_pie_total(const chart_ctx *ctx)
{
    double t = 0;
    for (size_t r = 0; r < ctx->n_rows; r++)
        if (chart_pie_shown(ctx, r)) t += chart_value(ctx, 0, r);
    return t;
}

static size_t chart_pie_count(const chart_ctx *ctx)
{
    size_t n = 0;
    for (size_t r = 0; r < ctx->n_rows; r++) n += chart_pie_shown(ctx, r);
    return n;
}

/* Appends the categories of rows that match (missing, or not positive). */
static size_t chart_pie_list(const chart_ctx *ctx, int missing, const char *head,
                             char *buf, size_t size, size_t len)
{
    int first = 1;

    buf[0] = '\0';
    for (size_t r = 0; r < ctx->n_rows && len < size; r++) {
        double v = chart_value(ctx, 0, r);
        if (missing ? !isnan(v) : (isnan(v) || v > 0)) continue;
        len += (size_t)snprintf(buf + len, size - len, "%s%s", first ? head : ", ", ctx->cats[r]);
        first = 0;
    }
    return len < size ? len : size - 1;
}

size_t chart_pie_note(const chart_ctx *ctx, char *buf, size_t size)
{
    char missing[512], negative[512];
    int n;

    chart_pie_list(ctx, 1, ctx->ko ? "값 없음: " : "No value: ", missing, sizeof missing, 0);
    chart_pie_list(ctx, 0, ctx->ko ? "0 이하 제외: " : "Zero or negative, not shown: ",
                   negative, sizeof negative, 0);
    n = snprintf(buf, size, "%s%s%s", missing, missing[0] && negative[0] ? " · " : "", negative);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

static double chart_pie_diameter(double w)
{
    return fmin(fmax(w * 0.34, 90), 180);
}

double chart_pie_height(const chart_ctx *ctx, double w)
{
    return fmax(chart_pie_diameter(w) + 10, chart_pie_count(ctx) * ctx->lh + 4);
}

/* A point at angle a (radians clockwise from twelve o'clock). */
static void chart_pie_point(double cx, double cy, double r, double a, double *x, double *y)
{
    *x = cx + r * sin(a);
    *y = cy + r * cos(a);
}

/* Appends an arc from a0 to a1 (either direction) as Bézier curves; the
 * current point is already at its start. */
static void chart_pie_arc(HPDF_Page page, double cx, double cy, double r, double a0, double a1)
{
    int n = (int)ceil(fabs(a1 - a0) / (M_PI / 2));
    double step = (a1 - a0) / (n ? n : 1);

    for (int i = 0; i < n; i++) {
        double t0 = a0 + i * step, t1 = t0 + step, k = 4.0 / 3 * tan(step / 4) * r;
        double x0, y0, x3, y3;
        chart_pie_point(cx, cy, r, t0, &x0, &y0);
        chart_pie_point(cx, cy, r, t1, &x3, &y3);
        /* the tangent of (sin a, cos a) is (cos a, -sin a) */
        HPDF_Page_CurveTo(page, (HPDF_REAL)(x0 + k * cos(t0)), (HPDF_REAL)(y0 - k * sin(t0)),
                          (HPDF_REAL)(x3 - k * cos(t1)), (HPDF_REAL)(y3 + k * sin(t1)),
                          (HPDF_REAL)x3, (HPDF_REAL)y3);
    }
}

static void chart_pie_slice(const chart_ctx *ctx, double cx, double cy, double r, double hole,
                            double a0, double a1, uint32_t rgb)
{
    HPDF_Page page = ctx->page;
    double x, y;

    chart_fill_rgb(ctx, rgb);
    chart_stroke_rgb(ctx, CHART_WHITE);
    HPDF_Page_SetLineWidth(page, 1.0f);
    if (a1 - a0 >= 2 * M_PI - 1e-9) {     /* one slice: the whole disc or ring */
        HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r);
        if (hole > 0) HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)hole);
        if (hole > 0) HPDF_Page_Eofill(page);
        else HPDF_Page_Fill(page);
        return;
    }
    chart_pie_point(cx, cy, hole, a0, &x, &y);
    HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
    chart_pie_point(cx, cy, r, a0, &x, &y);
    HPDF_Page_LineTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
    chart_pie_arc(page, cx, cy, r, a0, a1);
    chart_pie_point(cx, cy, hole, a1, &x, &y);
    HPDF_Page_LineTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
    if (hole > 0) chart_pie_arc(page, cx, cy, hole, a1, a0);
    HPDF_Page_ClosePath(page);
    HPDF_Page_FillStroke(page);
}

/* The value inside its slice when it fits there; 0 when it does not. */
static int chart_pie_label(chart_ctx *ctx, size_t r, double cx, double cy, double r_out,
                           double hole, double a0, double a1, uint32_t rgb)
{
    char buf[64];
    size_t n = chart_value_label(ctx, 0, r, buf, sizeof buf);
    double fs = ctx->fs * 0.92, w = chart_text_width(ctx, ctx->style->font, fs, buf, n);
    double rl = hole > 0 ? (r_out + hole) / 2 : r_out * 0.64, m = (a0 + a1) / 2, x, y;
    double chord = 2 * rl * sin(fmin(a1 - a0, M_PI) / 2);

    if (w + 4 > chord * 0.9 || fs * 1.2 > (r_out - hole) * 0.8) return 0;
    chart_pie_point(cx, cy, rl, m, &x, &y);
    if (chart_place(ctx, (chart_rect){x - w / 2, y - fs / 2, w, fs}, NULL)) return 0;
    chart_text(ctx, ctx->style->font, fs, chart_ink_on(rgb), x - w / 2, y - fs * 0.35, buf, n, 0);
    return 1;
}

void chart_pie_draw(chart_ctx *ctx, chart_rect box)
{
    double total = chart_pie_total(ctx), d = chart_pie_diameter(box.w);
    double r = fmin(d / 2, box.h / 2 - 4), hole, a = 0;
    double cx = box.x + d / 2 + 4, cy = box.y + box.h / 2;
    double lx = box.x + d + 28, lw = box.w - d - 28;
    size_t n = chart_pie_count(ctx), k = 0;
    double ltop = cy + n * ctx->lh / 2;

    if (r < 5 || total <= 0) return;
    hole = ctx->chart->donut ? r * CHART_DONUT_HOLE : 0;
    for (size_t row = 0; row < ctx->n_rows; row++) {
        if (!chart_pie_shown(ctx, row)) continue;
        double sweep = chart_value(ctx, 0, row) / total * 2 * M_PI;
        uint32_t rgb = chart_color(ctx, k);
        char name[320];
        const char *names[1] = {name};
        chart_pie_slice(ctx, cx, cy, r, hole, a, a + sweep, rgb);
        int inside = ctx->chart->value_labels &&
                     chart_pie_label(ctx, row, cx, cy, r, hole, a, a + sweep, rgb);
        /* a value that found no room in its slice goes beside its name */
        if (ctx->chart->value_labels && !inside) {
            char v[64];
            chart_value_label(ctx, 0, row, v, sizeof v);
            snprintf(name, sizeof name, "%s (%s)", ctx->cats[row], v);
        } else {
            snprintf(name, sizeof name, "%s", ctx->cats[row]);
        }
        chart_legend(ctx, names, 1, k, lx, ltop - k * ctx->lh, lw);
        a += sweep;
        k++;
    }
}
