/* chart_svg.c — the chart as inline SVG, drawn by the shared chart layout
 * (plugins/common/chart.h, the PDF's) on the SVG canvas: role="img",
 * named by a <title> (the chart's title) and described by a <desc> (its
 * text alternative, the PDF's Figure /Alt). The page's <figcaption>
 * carries the title as text, so the layout is asked to leave its own out.
 *
 * The chart is drawn twice by the same layout: WIDE_PT points wide for
 * screens and print, NARROW_PT for phones (CSS shows one of them, scaled
 * to the column), so that its labels stay legible on a 375 px screen
 * instead of shrinking with a wide drawing. The hidden one is hidden from
 * assistive technology too (display: none). */
#include "canvas_svg.h"
#include "chart.h"

#include <stdio.h>

#define WIDE_PT 440.0
#define NARROW_PT 280.0
#define CHART_FONT_SIZE 9.8 /* the PDF's body size: labels are set smaller */

static void drawing(html_doc *d, const quire_chart *c, const char *id, const char *cls,
                    double width)
{
    buf *b = &d->out;
    char err[256] = "";
    quire_chart shown = *c;
    shown.title = NULL; /* the <figcaption> shows it */
    shown.title_given = 0;
    chart_style style = {d->tp->palette, d->tp->n_palette, d->ds, CHART_FONT_SIZE, 1};
    canvas_svg cv;
    canvas_svg_init(&cv, d, id, 0);
    double h = chart_height(&cv.cv, &style, &shown, width);
    canvas_svg_init(&cv, d, id, h);
    buf_printf(b, "<svg class=\"plot %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ",
               cls);
    buf_printf(b, "%.0f %.2f\" width=\"%.0f\" height=\"%.2f\" role=\"img\" "
                  "aria-labelledby=\"%s-title\" aria-describedby=\"%s-desc\">\n",
               width, h, width, h, id, id);
    buf_printf(b, "<title id=\"%s-title\">", id);
    buf_text(b, c->title ? c->title : c->table->title);
    buf_printf(b, "</title>\n<desc id=\"%s-desc\">", id);
    buf_text(b, c->alt ? c->alt : c->title);
    buf_put(b, "</desc>\n");
    if (chart_draw(&cv.cv, &style, &shown, 0, h, width, h, err, sizeof err))
        html_fail(d, QUIRE_ERR_EXPORT, "chart of table '%s': %s", c->table->id,
                  err[0] ? err : "cannot draw");
    buf_put(b, "</svg>\n");
}

void chart_svg_write(html_doc *d, const quire_chart *c, const char *id)
{
    char narrow[600];
    snprintf(narrow, sizeof narrow, "%s-n", id);
    drawing(d, c, id, "wide", WIDE_PT);
    drawing(d, c, narrow, "narrow", NARROW_PT);
}
