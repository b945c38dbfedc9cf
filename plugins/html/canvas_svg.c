/* canvas_svg.c — the chart canvas (plugins/common/canvas.h) of the HTML
 * plugin: every call writes SVG elements into the page. The layout works
 * in points with y growing upwards; the SVG's user units are the same
 * points with y flipped (H - y), so the drawing is exactly the PDF's, and
 * CSS scales it to the column's width.
 *
 * Text is measured by svg_text_width (fonts.c): in the faces the page
 * embeds, as the PDF measures it, so the layout places every label where
 * it places it in the PDF. Each text also gets that width as textLength:
 * the embedded subsets cannot keep the faces' kerning (hb-subset drops
 * the legacy 'kern' table), so the browser closes the kerned pairs' room
 * by spacing (lengthAdjust="spacing": the glyphs keep their shapes) and
 * the label ends where the PDF's does. When the width is only an estimate
 * (the host found no face), the browser fits the glyphs it has to it
 * (spacingAndGlyphs), so that nothing overlaps. */
#include "canvas_svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A coordinate: two decimals, no trailing zeros ("12.5", "-3"). */
static void num(buf *b, double v)
{
    char s[40];
    if (!isfinite(v))
        v = 0;
    snprintf(s, sizeof s, "%.2f", v);
    char *end = s + strlen(s);
    while (end > s && end[-1] == '0')
        *--end = '\0';
    if (end > s && end[-1] == '.')
        *--end = '\0';
    buf_put(b, strcmp(s, "-0") ? s : "0");
}

static void attr_num(buf *b, const char *name, double v)
{
    buf_printf(b, " %s=\"", name);
    num(b, v);
    buf_putc(b, '"');
}

static void paint(buf *b, const canvas_paint *p)
{
    if (p->fill == CANVAS_NONE)
        buf_put(b, " fill=\"none\"");
    else
        buf_printf(b, " fill=\"#%06x\"", p->fill & 0xFFFFFFu);
    if (p->fill != CANVAS_NONE && p->even_odd)
        buf_put(b, " fill-rule=\"evenodd\"");
    if (p->stroke == CANVAS_NONE)
        return;
    buf_printf(b, " stroke=\"#%06x\"", p->stroke & 0xFFFFFFu);
    attr_num(b, "stroke-width", p->width);
    if (p->round)
        buf_put(b, " stroke-linejoin=\"round\" stroke-linecap=\"round\"");
    if (p->dash_on > 0 || p->dash_off > 0) {
        buf_put(b, " stroke-dasharray=\"");
        num(b, p->dash_on);
        buf_putc(b, ' ');
        num(b, p->dash_off);
        buf_putc(b, '"');
    }
}

static double svg_width(void *data, canvas_face face, double size, const char *s, size_t len)
{
    canvas_svg *c = data;
    return svg_text_width(c->d, face == CANVAS_BOLD, size, s, len);
}

static void svg_text(void *data, const canvas_text *t)
{
    canvas_svg *c = data;
    buf *b = &c->d->out;
    static const char *const anchor[] = {"start", "middle", "end"};
    double y = c->h - t->y;
    buf_put(b, "<text");
    attr_num(b, "x", t->x);
    attr_num(b, "y", y);
    attr_num(b, "font-size", t->size);
    buf_printf(b, " fill=\"#%06x\"", t->rgb & 0xFFFFFFu);
    if (t->face == CANVAS_BOLD)
        buf_put(b, " font-weight=\"bold\"");
    if (t->anchor != CANVAS_START)
        buf_printf(b, " text-anchor=\"%s\"", anchor[t->anchor]);
    if (t->angle != 0) {
        buf_put(b, " transform=\"rotate(");
        num(b, -t->angle);
        buf_putc(b, ' ');
        num(b, t->x);
        buf_putc(b, ' ');
        num(b, y);
        buf_put(b, ")\"");
    }
    double w = svg_text_width(c->d, t->face == CANVAS_BOLD, t->size, t->s, t->len);
    if (w > 0) {
        attr_num(b, "textLength", w);
        if (!svg_fonts_exact(c->d))
            buf_put(b, " lengthAdjust=\"spacingAndGlyphs\"");
    }
    buf_putc(b, '>');
    buf_textn(b, t->s, t->len);
    buf_put(b, "</text>\n");
}

static void svg_rect(void *data, double x, double y, double w, double h, const canvas_paint *p)
{
    canvas_svg *c = data;
    buf *b = &c->d->out;
    buf_put(b, "<rect");
    attr_num(b, "x", x);
    attr_num(b, "y", c->h - y - h);
    attr_num(b, "width", w);
    attr_num(b, "height", h);
    paint(b, p);
    buf_put(b, "/>\n");
}

static void point(canvas_svg *c, const canvas_point *p)
{
    num(&c->d->out, p->x);
    buf_putc(&c->d->out, ' ');
    num(&c->d->out, c->h - p->y);
}

static void svg_path(void *data, const canvas_path *path, const canvas_paint *p)
{
    canvas_svg *c = data;
    buf *b = &c->d->out;
    if (path->failed || !path->n)
        return;
    buf_put(b, "<path d=\"");
    for (size_t i = 0; i < path->n; i++) {
        const canvas_seg *s = &path->seg[i];
        switch (s->op) {
        case CANVAS_MOVE:
            buf_putc(b, 'M');
            point(c, &s->p[0]);
            break;
        case CANVAS_LINE:
            buf_putc(b, 'L');
            point(c, &s->p[0]);
            break;
        case CANVAS_CURVE:
            buf_putc(b, 'C');
            for (int k = 0; k < 3; k++) {
                if (k)
                    buf_putc(b, ' ');
                point(c, &s->p[k]);
            }
            break;
        case CANVAS_CLOSE:
            buf_putc(b, 'Z');
            break;
        }
    }
    buf_putc(b, '"');
    paint(b, p);
    buf_put(b, "/>\n");
}

static void svg_circle(void *data, double cx, double cy, double r, const canvas_paint *p)
{
    canvas_svg *c = data;
    buf *b = &c->d->out;
    buf_put(b, "<circle");
    attr_num(b, "cx", cx);
    attr_num(b, "cy", c->h - cy);
    attr_num(b, "r", r);
    paint(b, p);
    buf_put(b, "/>\n");
}

static void svg_clip_begin(void *data, double x, double y, double w, double h)
{
    canvas_svg *c = data;
    buf *b = &c->d->out;
    c->clips++;
    buf_printf(b, "<clipPath id=\"%s-clip%zu\"><rect", c->id, c->clips);
    attr_num(b, "x", x);
    attr_num(b, "y", c->h - y - h);
    attr_num(b, "width", w);
    attr_num(b, "height", h);
    buf_printf(b, "/></clipPath>\n<g clip-path=\"url(#%s-clip%zu)\">\n", c->id, c->clips);
}

static void svg_clip_end(void *data)
{
    canvas_svg *c = data;
    buf_put(&c->d->out, "</g>\n");
}

static void svg_group_begin(void *data, canvas_group kind, size_t index, const char *label)
{
    canvas_svg *c = data;
    static const char *const names[] = {
        [CANVAS_GROUP_FIGURE] = "figure", [CANVAS_GROUP_TITLE] = "title",
        [CANVAS_GROUP_LEGEND] = "legend", [CANVAS_GROUP_AXIS] = "axis",
        [CANVAS_GROUP_SERIES] = "series", [CANVAS_GROUP_LABELS] = "labels",
        [CANVAS_GROUP_REFERENCE] = "reference", [CANVAS_GROUP_NOTE] = "note"};
    const char *name = (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : NULL;
    buf_printf(&c->d->out, "<g class=\"%s\"", name ? name : "part");
    if (kind == CANVAS_GROUP_SERIES)
        buf_printf(&c->d->out, " data-series=\"%zu\"", index);
    buf_put(&c->d->out, ">\n");
}

static void svg_group_end(void *data)
{
    canvas_svg *c = data;
    buf_put(&c->d->out, "</g>\n");
}

static const canvas_ops svg_ops = {
    svg_width,      svg_text,     svg_rect,        svg_path,      svg_circle,
    svg_clip_begin, svg_clip_end, svg_group_begin, svg_group_end,
};

void canvas_svg_init(canvas_svg *c, html_doc *d, const char *id, double height)
{
    c->cv.ops = &svg_ops;
    c->cv.data = c;
    c->d = d;
    c->id = id;
    c->h = height;
    c->clips = 0;
}
