/* figures.c — key figures as a list of cards: label, value with its unit,
 * change (▲/▼ in colour, with its basis), note and source line; numbers
 * formatted as the PDF's tiles show them. */
#include "html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

/* The unit beside the value; "%" is glued to the number instead. */
static const char *shown_unit(const quire_figure *f)
{
    return f->unit && strcmp(f->unit, "%") ? f->unit : NULL;
}

/* The raw value, as the CSV writes numbers: the fewest digits that read
 * back as the same double. */
void number_raw(char *out, size_t size, double v)
{
    if (fabs(v) <= 9007199254740992.0 && v == floor(v)) {
        snprintf(out, size, "%.0f", v);
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(out, size, "%.*g", digits, v);
        if (strtod(out, NULL) == v)
            break;
    }
}

static void change_write(html_doc *d, const quire_figure *f)
{
    char change[96];
    buf *b = &d->out;
    double v = f->change_value;
    const char *cls = v > 0 ? "up" : v < 0 ? "down" : "flat";
    const char *arrow = v > 0 ? "▲" : v < 0 ? "▼" : "–";
    numfmt_with_unit(change, sizeof change, fabs(v), f->change_decimals, f->change_unit);
    buf_printf(b, "<p class=\"change %s\">%s ", cls, arrow);
    buf_text(b, change);
    if (f->change_basis && *f->change_basis) {
        buf_put(b, " <span class=\"basis\">");
        buf_text(b, f->change_basis);
        buf_put(b, "</span>");
    }
    buf_put(b, "</p>\n");
}

static void card_write(html_doc *d, const quire_figure *f)
{
    char id[512], value[64], raw[40];
    buf *b = &d->out;
    int percent = f->unit && !strcmp(f->unit, "%");
    numfmt_format(value, sizeof value, f->value, f->decimals, NULL, percent);
    number_raw(raw, sizeof raw, f->value);
    buf_put(b, "<li class=\"card\"");
    if (ids_claim(d, "figure", f->id, id, sizeof id))
        buf_printf(b, " id=\"%s\"", id);
    buf_put(b, ">\n<p class=\"label\">");
    buf_text(b, f->label);
    buf_printf(b, "</p>\n<p class=\"value\"><data value=\"%s\">", raw);
    buf_text(b, value);
    buf_put(b, "</data>");
    const char *unit = shown_unit(f);
    if (unit) {
        buf_put(b, " <span class=\"unit\">");
        buf_text(b, unit);
        buf_put(b, "</span>");
    }
    buf_put(b, "</p>\n");
    if (f->has_change)
        change_write(d, f);
    if (f->note_text.plain || f->note) {
        buf_put(b, "<p class=\"note\">");
        runs_write(d, &f->note_text, f->note);
        buf_put(b, "</p>\n");
    }
    sources_line_write(d, &f->sources, HTML_AS_OF(d, f, d->ds->figure_size), NULL);
    buf_put(b, "</li>\n");
}

void figures_write(html_doc *d, const quire_figure *const *figures, size_t n)
{
    if (!n)
        return;
    buf_put(&d->out, "<ul class=\"figures\">\n");
    for (size_t i = 0; i < n; i++)
        card_write(d, figures[i]);
    buf_put(&d->out, "</ul>\n");
}
