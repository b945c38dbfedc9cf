/* chart.h — vector charts drawn onto a libharu page.
 *
 * The layout code (pdf.c and friends) asks how tall a chart is for a given
 * width, keeps it on one page with its title, and calls chart_draw(). */
#ifndef QUIRE_PDF_CHART_H
#define QUIRE_PDF_CHART_H

#include <hpdf.h>
#include <quire/quire-plugin.h>

/* What a chart needs from the document around it. */
typedef struct chart_style {
    HPDF_Font font;            /* body font, UTF-8 encoded */
    HPDF_Font bold;
    const uint32_t *palette;   /* 0xRRGGBB, from the template */
    size_t n_palette;
    const quire_dataset *dataset; /* for the source line and the language */
    double font_size;          /* body size in points; labels are smaller */
    int no_title;              /* the table it draws follows with this title: leave it out
                                  unless the template gave the chart its own */
} chart_style;

/* chart->alt is the chart's text alternative (for tagging); chart_draw
 * leaves it to the caller, which knows the structure tree. */

/* Height in points the whole chart (title, plot, legend, notes, source line)
 * takes when drawn width points wide. */
double chart_height(const chart_style *style, const quire_chart *chart, double width);

/* Draws the chart in the box whose top-left corner is (x, top), PDF
 * coordinates (y grows upwards), width x height points. Returns 0, or -1
 * with a one-line reason in err. */
int chart_draw(HPDF_Page page, const chart_style *style, const quire_chart *chart,
               double x, double top, double width, double height,
               char *err, size_t err_size);

#endif
