/* table.c — data tables: <caption>, a <thead> of <th scope="col">, the
 * first text column as <th scope="row">, numbers right-aligned and
 * formatted as in the PDF with the raw value in data-value (as the CSV
 * export writes it), every row (the PDF stops at max_rows; the page has
 * room). A table sits in a region that scrolls sideways on a narrow
 * screen (and down, when long), focusable so the keyboard can scroll it. */
#include "html.h"

#include <stdio.h>
#include <string.h>

#include "datefmt.h"
#include "numfmt.h"

#define NULL_MARK "–"
/* Tables longer than this scroll in a box on screen (never in print). */
#define LONG_ROWS 25

static int is_numeric(const quire_column *c)
{
    return c->type != QUIRE_TEXT && c->type != QUIRE_DATE;
}

/* "Label (USD bn)": the PDF's column header. */
static void header_write(html_doc *d, const quire_column *c)
{
    buf *b = &d->out;
    buf_put(b, "<th scope=\"col\" data-column=\"");
    buf_attr(b, c->id);
    buf_put(b, is_numeric(c) ? "\" class=\"num\">" : "\">");
    /* an empty label: the id, as the PDF (no empty header cell) */
    buf_text(b, c->label && c->label[strspn(c->label, " ")] ? c->label : c->id);
    if (c->unit_label && c->type != QUIRE_PERCENT && c->type != QUIRE_TEXT) {
        buf_put(b, " (");
        buf_text(b, c->unit_label);
        buf_put(b, ")");
    }
    buf_put(b, "</th>");
}

static void cell_write(html_doc *d, const quire_column *c, size_t row, int row_header)
{
    buf *b = &d->out;
    char shown[128], raw[40];
    const char *tag = row_header ? "th" : "td";
    buf_printf(b, "<%s", tag);
    if (row_header)
        buf_put(b, " scope=\"row\"");
    if (quire_cell_is_null(c, row)) {
        buf_printf(b, " class=\"%snull\" data-value=\"\">" NULL_MARK "</%s>",
                   is_numeric(c) ? "num " : "", tag);
        return;
    }
    if (is_numeric(c)) {
        numfmt_format(shown, sizeof shown, c->numbers[row], c->decimals ? c->decimals[row] : 0,
                      c->format, c->type == QUIRE_PERCENT);
        number_raw(raw, sizeof raw, c->numbers[row]);
        buf_printf(b, " class=\"num\" data-value=\"%s\">", raw);
        buf_text(b, shown);
    } else if (c->type == QUIRE_DATE && c->numbers && c->texts &&
               datefmt_format(shown, sizeof shown, c->numbers[row], c->format,
                              d->lang == WORDS_KO)) {
        /* under its column's format, as the PDF and the workbook show it;
         * the date as written in data-value and <time datetime> */
        buf_put(b, " data-value=\"");
        buf_attr(b, c->texts[row]);
        buf_put(b, "\"><time datetime=\"");
        buf_attr(b, c->texts[row]);
        buf_put(b, "\">");
        buf_text(b, shown);
        buf_put(b, "</time>");
    } else if (c->markup && c->rich) {
        /* the text as the CSV has it: the plain text, without note numbers */
        buf_put(b, " data-value=\"");
        buf_attr(b, c->texts[row]);
        buf_put(b, "\">");
        runs_write(d, QUIRE_AT(c->rich, c->text_size, row), c->texts[row]);
    } else {
        buf_put(b, ">");
        buf_text(b, c->texts[row]);
    }
    buf_printf(b, "</%s>", tag);
}

void table_grid(html_doc *d, const quire_table *t, const char *caption, int with_desc,
                const size_t *columns, size_t n_columns)
{
    buf *b = &d->out;
    size_t n = columns ? n_columns : t->n_columns;
    char cap_id[32];
    snprintf(cap_id, sizeof cap_id, "tcap-%zu", ++d->table_no);
    buf_printf(b, "<div class=\"scroll%s\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n",
               t->n_rows > LONG_ROWS ? " long" : "", cap_id);
    buf_put(b, "<table data-table=\"");
    buf_attr(b, t->id);
    buf_printf(b, "\">\n<caption><span id=\"%s\">", cap_id);
    buf_text(b, caption ? caption : t->title);
    buf_put(b, "</span>");
    if (with_desc && (t->description_text.plain || t->description)) {
        buf_put(b, "<span class=\"desc\">");
        runs_write(d, &t->description_text, t->description);
        buf_put(b, "</span>");
    }
    buf_put(b, "</caption>\n<thead><tr>");
    for (size_t k = 0; k < n; k++)
        header_write(d, quire_column_at(t, columns ? columns[k] : k));
    buf_put(b, "</tr></thead>\n<tbody>\n");
    const quire_column *first = n ? quire_column_at(t, columns ? columns[0] : 0) : NULL;
    int row_headers = n > 1 && first && !is_numeric(first);
    for (size_t r = 0; r < t->n_rows; r++) {
        buf_put(b, "<tr>");
        for (size_t k = 0; k < n; k++)
            cell_write(d, quire_column_at(t, columns ? columns[k] : k), r, k == 0 && row_headers);
        buf_put(b, "</tr>\n");
        if (buf_failed(b))
            break;
    }
    buf_put(b, "</tbody>\n</table>\n</div>\n");
}

void table_write(html_doc *d, const quire_table *t)
{
    buf *b = &d->out;
    char id[512];
    buf_put(b, "<div class=\"table\"");
    if (ids_claim(d, "table", t->id, id, sizeof id))
        buf_printf(b, " id=\"%s\"", id);
    buf_put(b, ">\n");
    if (t->n_columns)
        table_grid(d, t, NULL, 1, NULL, 0);
    sources_line_write(d, &t->sources, HTML_AS_OF(d, t, d->ds->table_size), NULL);
    buf_put(b, "</div>\n");
}
