/* chart_svg.c — the chart as inline SVG, drawn by the shared chart layout
 * (plugins/common/chart.h, the PDF's) on the SVG canvas: role="img",
 * named by a <title> (the chart's title) and described by a <desc> (its
 * text alternative, the PDF's Figure /Alt). The page's <figcaption>
 * carries the title as text, so the layout is asked to leave its own out.
 *
 * The chart is drawn twice by the same layout: as wide as the PDF's
 * column (the template's page less its margins) for screens and print,
 * so that it is the PDF's drawing, label for label; and NARROW_PT wide
 * for phones (CSS shows one of them, scaled to the column), so that its
 * labels stay legible on a 375 px screen instead of shrinking with a
 * wide drawing. The hidden one is hidden from assistive technology too
 * (display: none). */
#include "canvas_svg.h"
#include "chart.h"

#include <stdio.h>

#define NARROW_PT 280.0
#define CHART_FONT_SIZE 9.8 /* the PDF's body size (PDF_BODY_SIZE): labels are smaller */

/* The room the layout gives the chart's title at width: what the
 * drawing's height grows by with it (the plot's height does not depend
 * on it when the template sets none). */
static double title_room(const canvas *cv, const chart_style *style, const quire_chart *c,
                         double width)
{
    quire_chart with = *c, without = *c;
    chart_style titled = *style;
    titled.no_title = 0;
    with.height_pt = without.height_pt = 0;
    without.title = NULL; /* as drawn: the <figcaption> shows it */
    without.title_given = 0;
    return chart_height(cv, &titled, &with, width) - chart_height(cv, style, &without, width);
}

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
    /* a height the template set holds the title in the PDF: the plot
     * here is as tall as there */
    if (c->height_pt > 0)
        shown.height_pt = c->height_pt - title_room(&cv.cv, &style, c, width);
    double h = chart_height(&cv.cv, &style, &shown, width);
    canvas_svg_init(&cv, d, id, h);
    buf_printf(b, "<svg class=\"plot %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ",
               cls);
    buf_printf(b, "%.2f %.2f\" width=\"%.2f\" height=\"%.2f\" role=\"img\" "
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
    double page = d->tp->page_width_pt > 0 ? d->tp->page_width_pt : 595.276; /* A4 */
    drawing(d, c, id, "wide", page - d->tp->margin_pt[1] - d->tp->margin_pt[3]);
    drawing(d, c, narrow, "narrow", NARROW_PT);
}
