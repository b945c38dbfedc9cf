/* chart.h — a quire chart laid out and drawn on a canvas (canvas.h).
 *
 * One implementation of scales, ticks, labels, legend and placement for
 * every exporter that draws charts: the PDF plugin draws through its page
 * layer's canvas, the HTML plugin through an SVG canvas. The caller asks
 * how tall a chart is for a given width, keeps it on one page (or wherever
 * it goes) and calls chart_draw(). Nothing here knows a file format. */
#ifndef QUIRE_COMMON_CHART_H
#define QUIRE_COMMON_CHART_H

#include <quire/quire-plugin.h>

#include "canvas.h"

/* What a chart needs from the document around it. The fonts are the
 * canvas's (CANVAS_REGULAR, CANVAS_BOLD). */
typedef struct chart_style {
    const uint32_t *palette;   /* 0xRRGGBB, from the template; NULL: palette.h's default */
    size_t n_palette;
    const quire_dataset *dataset; /* for the source line and the language */
    double font_size;          /* body size in points; labels are smaller */
    int no_title;              /* the table it draws follows with this title: leave it out
                                  unless the template gave the chart its own */
} chart_style;

/* Height in points the whole chart (title, plot, legend, notes, source
 * line) takes when drawn width points wide. Measures through cv's
 * text_width only. */
double chart_height(const canvas *cv, const chart_style *style, const quire_chart *chart,
                    double width);

/* Draws the chart on cv in the box whose top-left corner is (x, top),
 * width x height points (y grows upwards). Everything is drawn inside
 * one CANVAS_GROUP_FIGURE group labelled with the chart's text
 * alternative (chart->alt, else its title). Returns 0, or -1 with a
 * one-line reason in err (an invalid chart: nothing is drawn). */
int chart_draw(const canvas *cv, const chart_style *style, const quire_chart *chart,
               double x, double top, double width, double height, char *err, size_t err_size);

/* Values a chart can place on an axis: beyond these, sums and spans
 * overflow or lose every digit. 0 and missing values always fit. */
#define CHART_VALUE_MAX 1e300
#define CHART_VALUE_MIN 1e-300
static inline int chart_value_fits(double v)
{
    double a = fabs(v);
    return isnan(a) || a == 0 || (a <= CHART_VALUE_MAX && a >= CHART_VALUE_MIN);
}

/* What chart_draw() would refuse about chart and its table, as its one-line
 * reason in err; 0 when it can be drawn. For an exporter's check(). */
int chart_refusal(const quire_chart *chart, char *err, size_t err_size);

#endif
