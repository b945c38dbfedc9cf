/* chart_svg.c — the chart itself. Until the shared chart layout draws
 * through a canvas (plugins/common/canvas.h), the page shows the chart's
 * text alternative in its place; the data table follows it. */
#include "html.h"

void chart_svg_write(html_doc *d, const quire_chart *c, const char *id)
{
    buf *b = &d->out;
    buf_put(b, "<p class=\"alt\">");
    buf_text(b, c->alt ? c->alt : c->title);
    buf_put(b, "</p>\n");
}
