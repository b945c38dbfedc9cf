/* sources.c — the sources as an ordered list with their links, and the
 * short source line under figures, tables and charts (named as the PDF
 * names them: the core's cite, told apart from the other sources). */
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static void append(char *out, size_t size, size_t *n, const char *s)
{
    if (*n >= size)
        return;
    int k = snprintf(out + *n, size - *n, "%s", s);
    *n += k < 0 ? 0 : (size_t)k;
    if (*n >= size)
        *n = size - 1;
}

static const char *source_name(const html_doc *d, const char *id)
{
    const quire_source *s = quire_find_source(d->ds, id);
    if (!s)
        return id;
    return s->cite ? s->cite : s->publisher ? s->publisher : s->title ? s->title : id;
}

void sources_line(const html_doc *d, const quire_strings *ids, const char *as_of, char *out,
                  size_t size)
{
    size_t n = 0;
    char when[128];
    out[0] = '\0';
    if (as_of) {
        words_as_of(d, as_of, when, sizeof when);
        if (!ids->count)
            when[0] = (char)toupper((unsigned char)when[0]);
    }
    if (!ids->count) {
        if (as_of)
            append(out, size, &n, when);
        return;
    }
    append(out, size, &n, word(d, W_SOURCE_PREFIX));
    for (size_t i = 0; i < ids->count; i++) {
        const char *name = source_name(d, ids->items[i]);
        int named = 0;
        for (size_t j = 0; j < i && !named; j++)
            named = !strcmp(source_name(d, ids->items[j]), name);
        if (named)
            continue; /* two articles of one publisher: named once */
        append(out, size, &n, i ? ", " : "");
        append(out, size, &n, name);
    }
    if (as_of) {
        append(out, size, &n, " · ");
        append(out, size, &n, when);
    }
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
            buf_printf(b, " (%s)", word(d, W_INFERRED));
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
    html_open_section(d, 1, "sources", "sources", word(d, W_SOURCES));
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
