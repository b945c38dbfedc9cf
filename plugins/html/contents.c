/* contents.c — the contents as a <nav> of links: every heading, the
 * sections (under the heading before them) and the sources, as the PDF's
 * contents page lists them; left out when it would list one entry. And
 * the heading block, which opens a part of the page. */
#include "html.h"

#include <stdio.h>

/* The id of the heading block i: headings have no id of their own. */
static void heading_id(size_t i, char *out, size_t size)
{
    snprintf(out, size, "part-%zu", i + 1);
}

static size_t entries(const html_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->tp->n_blocks; i++) {
        const quire_block *b = quire_block_at(d->tp, i);
        n += b->kind == QUIRE_BLOCK_HEADING || (b->kind == QUIRE_BLOCK_SECTION && b->section) ||
             (b->kind == QUIRE_BLOCK_SOURCES && d->ds->n_sources);
    }
    return n;
}

int contents_wanted(const html_doc *d)
{
    return entries(d) > 1;
}

static void entry(html_doc *d, const char *href, const char *text)
{
    buf *b = &d->out;
    buf_put(b, "<li><a href=\"#");
    buf_attr(b, href);
    buf_put(b, "\">");
    buf_text(b, text);
    buf_put(b, "</a>");
}

/* Ends the entry of a heading: its list of sections, then itself. */
static void part_close(html_doc *d, int *part_open, int *list_open)
{
    if (*list_open)
        buf_put(&d->out, "</ol>\n");
    if (*part_open)
        buf_put(&d->out, "</li>\n");
    *part_open = *list_open = 0;
}

void contents_write(html_doc *d)
{
    if (!contents_wanted(d))
        return;
    buf *b = &d->out;
    char id[512];
    int part_open = 0, list_open = 0; /* a heading's entry, its list of sections */
    buf_printf(b, "<nav class=\"contents\" aria-labelledby=\"contents-h\">\n"
                  "<h2 id=\"contents-h\">%s</h2>\n<ol>\n", words(d->lang, WORD_CONTENTS));
    for (size_t i = 0; i < d->tp->n_blocks; i++) {
        const quire_block *bl = quire_block_at(d->tp, i);
        if (bl->kind == QUIRE_BLOCK_HEADING) {
            part_close(d, &part_open, &list_open);
            heading_id(i, id, sizeof id);
            entry(d, id, bl->text ? bl->text : "");
            buf_put(b, "\n");
            part_open = 1;
        } else if (bl->kind == QUIRE_BLOCK_SOURCES && d->ds->n_sources) {
            part_close(d, &part_open, &list_open);
            entry(d, "sources", words(d->lang, WORD_SOURCES));
            buf_put(b, "</li>\n");
        } else if (bl->kind == QUIRE_BLOCK_SECTION && bl->section) {
            if (part_open && !list_open)
                buf_put(b, "<ol>\n");
            list_open |= part_open;
            snprintf(id, sizeof id, "section-%s", bl->section->id);
            entry(d, id, bl->section->heading);
            buf_put(b, "</li>\n");
        }
    }
    part_close(d, &part_open, &list_open);
    buf_put(b, "</ol>\n</nav>\n");
}

void heading_write(html_doc *d, const char *text, size_t block)
{
    char id[64];
    heading_id(block, id, sizeof id);
    html_open_section(d, 1, id, NULL, text);
}
