/* cover.c — the cover as the page's <header>: a band in the accent colour
 * with the logo, the organization, the title (the page's one h1) and the
 * subtitle, then the period, the date and the author. */
#include "html.h"

#include <stddef.h>
#include <string.h>

static void logo_write(html_doc *d)
{
    const quire_logo *logo = &d->tp->logo;
    const quire_image *im = logo->image;
    if (!im || !(logo->on_cover || logo->on_header) || !im->width_px || !im->height_px)
        return;
    double w = logo->width_pt > 0 ? logo->width_pt : 90;
    buf *b = &d->out;
    buf_put(b, "<img class=\"logo\" src=\"");
    if (media_data_uri(d, im))
        return;
    buf_put(b, "\" alt=\"");
    buf_attr(b, im->decorative || !im->alt ? "" : im->alt);
    /* CSS pixels are 0.75 pt: the logo as wide as the template asks. */
    buf_printf(b, "\" width=\"%.0f\" height=\"%.0f\">\n", w / 0.75,
               w / 0.75 * im->height_px / im->width_px);
}

static void line(html_doc *d, const char *cls, const char *text)
{
    if (!text || !*text)
        return;
    buf_printf(&d->out, "<p class=\"%s\">", cls);
    buf_text(&d->out, text);
    buf_put(&d->out, "</p>\n");
}

void cover_write(html_doc *d)
{
    const quire_dataset *ds = d->ds;
    buf *b = &d->out;
    buf_put(b, "<header class=\"cover\">\n<div class=\"band\">\n");
    logo_write(d);
    line(d, "org", ds->organization);
    buf_put(b, "<h1>");
    buf_text(b, ds->title);
    buf_put(b, "</h1>\n");
    line(d, "subtitle", ds->subtitle);
    buf_put(b, "</div>\n");
    line(d, "period", ds->period);
    const char *as_of = ds->struct_size >= offsetof(quire_dataset, as_of) + sizeof(quire_as_of)
                            ? ds->as_of.text : NULL;
    if ((ds->date && *ds->date) || (ds->author && *ds->author) || as_of) {
        buf_put(b, "<dl class=\"meta\">\n");
        if (ds->date && *ds->date) {
            buf_printf(b, "<div><dt>%s</dt><dd><time datetime=\"", words(d->lang, WORD_DATE));
            buf_attr(b, ds->date);
            buf_put(b, "\">");
            buf_text(b, ds->date);
            buf_put(b, "</time></dd></div>\n");
        }
        if (ds->author && *ds->author) {
            buf_printf(b, "<div><dt>%s</dt><dd>", words(d->lang, WORD_AUTHOR));
            buf_text(b, ds->author);
            buf_put(b, "</dd></div>\n");
        }
        if (as_of) {
            buf_printf(b, "<div><dt>%s</dt><dd>", words(d->lang, WORD_DATA_AS_OF));
            buf_text(b, as_of);
            buf_put(b, "</dd></div>\n");
        }
        buf_put(b, "</dl>\n");
    }
    buf_put(b, "</header>\n");
}

/* A template without a cover still gives the page its title. */
void bare_header_write(html_doc *d)
{
    buf *b = &d->out;
    buf_put(b, "<header class=\"bare\">\n<h1>");
    buf_text(b, d->ds->title);
    buf_put(b, "</h1>\n");
    line(d, "subtitle", d->ds->subtitle);
    buf_put(b, "</header>\n");
}
