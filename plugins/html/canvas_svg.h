/* canvas_svg.h — the SVG canvas the chart layout draws on (canvas_svg.c). */
#ifndef QUIRE_HTML_CANVAS_SVG_H
#define QUIRE_HTML_CANVAS_SVG_H

#include "canvas.h"
#include "html.h"

typedef struct canvas_svg {
    canvas cv;
    html_doc *d;
    const char *id;      /* the chart's figure id: prefix of the clip paths' ids */
    double h;            /* the drawing's height: y is flipped around it */
    size_t clips;
} canvas_svg;

/* A canvas writing into d's page for a drawing height points tall. */
void canvas_svg_init(canvas_svg *c, html_doc *d, const char *id, double height);

#endif
