/* sources.c — the sources as an ordered list with their links, and the
 * short source line under figures, tables and charts (the PDF's words:
 * plugins/common/source_line.h). */
#include "html.h"

void sources_line_write(html_doc *d, const quire_strings *ids, const char *as_of,
                        const char *cls)
{
    char line[2048];
    if (!source_line_as_of(d->ds, ids, as_of, d->lang, line, sizeof line))
        return;
    buf_printf(&d->out, "<p class=\"source%s%s\">", cls ? " " : "", cls ? cls : "");
    buf_text(&d->out, line);
    buf_put(&d->out, "</p>\n");
}

/* "Publisher · Author · 2024-12-26. Title. https://…" with the URL a link. */
static void entry_write(html_doc *d, const quire_source *s)
{
    buf *b = &d->out;
    const char *who[] = {s->publisher, s->author, s->date};
    int any = 0;
    for (size_t i = 0; i < 3; i++) {
        if (!who[i])
            continue;
        buf_put(b, any ? " · " : "");
        buf_text(b, who[i]);
        if (i == 2 && html_date_inferred(d, s))
            buf_printf(b, " (%s)", words(d->lang, WORD_INFERRED));
        any = 1;
    }
    if (s->title) {
        buf_put(b, any ? ". " : "");
        buf_put(b, "<cite>");
        buf_text(b, s->title);
        buf_put(b, "</cite>");
        any = 1;
    }
    if (s->url) {
        buf_put(b, any ? ". " : "");
        buf_put(b, "<a class=\"url\" href=\"");
        buf_url(b, s->url);
        buf_put(b, "\">");
        buf_text(b, s->url);
        buf_put(b, "</a>");
    }
}

void sources_write(html_doc *d)
{
    if (!d->ds->n_sources)
        return; /* no heading over nothing */
    char id[512];
    html_open_section(d, 1, "sources", "sources", words(d->lang, WORD_SOURCES));
    buf_put(&d->out, "<ol>\n");
    for (size_t i = 0; i < d->ds->n_sources; i++) {
        const quire_source *s = quire_source_at(d->ds, i);
        buf_put(&d->out, "<li");
        if (ids_claim(d, "source", s->id, id, sizeof id))
            buf_printf(&d->out, " id=\"%s\"", id);
        buf_put(&d->out, ">");
        entry_write(d, s);
        buf_put(&d->out, "</li>\n");
    }
    buf_put(&d->out, "</ol>\n");
    html_close_sections(d, 1);
}
