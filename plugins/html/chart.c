/* chart.c — a chart block as a <figure>: its title as the caption, the
 * chart (inline SVG with its text alternative, chart_svg.c), the table's
 * description, the block's note, and the chart's data as a table in a
 * <details> after it. The drawing shows the source line; the same line
 * is in the text too, for screen readers, which read the drawing only
 * by its text alternative. */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>

/* The columns a chart draws: the point labels (scatter), the categories,
 * then the series; each once. */
static size_t chart_columns(const quire_chart *c, size_t *out)
{
    size_t n = 0;
    size_t want[2] = {c->has_label ? c->label : SIZE_MAX, c->x};
    for (size_t i = 0; i < 2 + c->n_y; i++) {
        size_t col = i < 2 ? want[i] : c->y[i - 2];
        int seen = col >= c->table->n_columns;
        for (size_t k = 0; k < n && !seen; k++)
            seen = out[k] == col;
        if (!seen)
            out[n++] = col;
    }
    return n;
}

static void data_write(html_doc *d, const quire_chart *c)
{
    size_t *cols = malloc((c->n_y + 2) * sizeof *cols);
    if (!cols) {
        html_fail(d, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    size_t n = chart_columns(c, cols);
    buf *b = &d->out;
    buf_printf(b, "<details class=\"data\">\n<summary>%s", words(d->lang, WORD_DATA_OF));
    buf_text(b, c->title ? c->title : c->table->title);
    buf_put(b, "</summary>\n");
    table_grid(d, c->table, c->title ? c->title : c->table->title, 0, cols, n);
    buf_put(b, "</details>\n");
    free(cols);
}

void chart_write(html_doc *d, const quire_chart *c)
{
    if (!c->table)
        return;
    buf *b = &d->out;
    char id[512], made[32];
    const char *title = c->title ? c->title : c->table->title;
    d->chart_no++;
    if (!ids_claim(d, "chart", c->id, id, sizeof id)) {
        snprintf(made, sizeof made, "%zu", d->chart_no);
        ids_claim(d, "chart-n", made, id, sizeof id);
    }
    static const char *const types[] = {[QUIRE_CHART_BAR] = "bar", [QUIRE_CHART_LINE] = "line",
                                        [QUIRE_CHART_PIE] = "pie", [QUIRE_CHART_AREA] = "area",
                                        [QUIRE_CHART_SCATTER] = "scatter"};
    buf_put(b, "<figure class=\"chart\"");
    if (id[0])
        buf_printf(b, " id=\"%s\"", id);
    /* what it draws, for readers of the page's source (and its tests) */
    buf_printf(b, " data-chart=\"%s\" data-x=\"",
               (size_t)c->type < sizeof types / sizeof types[0] && types[c->type] ? types[c->type]
                                                                                  : "chart");
    if (c->x < c->table->n_columns)
        buf_attr(b, quire_column_at(c->table, c->x)->id);
    buf_put(b, "\" data-series=\"");
    for (size_t i = 0; i < c->n_y; i++)
        if (c->y[i] < c->table->n_columns) {
            buf_put(b, i ? " " : "");
            buf_attr(b, quire_column_at(c->table, c->y[i])->id);
        }
    buf_put(b, "\">\n<figcaption>");
    buf_text(b, title);
    buf_put(b, "</figcaption>\n");
    chart_svg_write(d, c, id);
    if (c->table->description_text.plain || c->table->description) {
        buf_put(b, "<p class=\"desc\">");
        runs_write(d, &c->table->description_text, c->table->description);
        buf_put(b, "</p>\n");
    }
    if (html_chart_note(d) && c->note.plain) {
        buf_put(b, "<p class=\"note\">");
        runs_write(d, &c->note, c->note.plain);
        buf_put(b, "</p>\n");
    }
    /* the line the drawing shows, for screen readers */
    sources_line_write(d, &c->table->sources, HTML_AS_OF(d, c->table, d->ds->table_size),
                       "visually-hidden");
    data_write(d, c);
    buf_put(b, "</figure>\n");
}
