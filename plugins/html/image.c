/* image.c — an image block: a <figure> with the picture (a data: URI,
 * at most the column's width, or the template's width_mm placed by its
 * align), its caption and its source line; a decorative image has an
 * empty alt and no figure. */
#include "html.h"

#include <stdio.h>

void image_write(html_doc *d, const quire_image *im, double width_pt, quire_align align)
{
    buf *b = &d->out;
    char id[512], source[2048];
    int caption = im->caption.plain != NULL;
    source_line(d->ds, &im->sources, d->lang, source, sizeof source);
    int figure = !im->decorative || caption || source[0];
    static const char *const sides[] = {"center", "left", "right"};
    buf_put(b, figure ? "<figure class=\"image" : "<div class=\"image");
    /* the template's width_mm (at most the column) and align */
    if (width_pt > 0)
        buf_printf(b, " sized %s\" style=\"width:%.1fmm\"",
                   sides[align <= QUIRE_ALIGN_RIGHT ? align : 0], width_pt * 25.4 / 72);
    else
        buf_put(b, "\"");
    if (ids_claim(d, "image", im->id, id, sizeof id))
        buf_printf(b, " id=\"%s\"", id);
    buf_put(b, ">\n<img src=\"");
    if (media_data_uri(d, im))
        return;
    buf_put(b, "\" alt=\"");
    buf_attr(b, im->decorative || !im->alt ? "" : im->alt);
    buf_printf(b, "\" width=\"%u\" height=\"%u\">\n", (unsigned)im->width_px,
               (unsigned)im->height_px);
    if (caption || source[0]) {
        buf_put(b, "<figcaption>");
        if (caption)
            runs_write(d, &im->caption, im->caption.plain);
        if (source[0]) {
            buf_put(b, "<span class=\"source\">");
            buf_text(b, source);
            buf_put(b, "</span>");
        }
        buf_put(b, "</figcaption>\n");
    }
    buf_put(b, figure ? "</figure>\n" : "</div>\n");
}
