/* notes.c — the footnotes as a list at the end of <main>, numbered as in
 * the text, each with a link back to every place that refers to it. A
 * note no shown text refers to is left out, as in the PDF. */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>

void notes_write(html_doc *d)
{
    buf *b = &d->out;
    int any = 0;
    for (size_t n = 1; n < d->n_refs && !any; n++)
        any = d->refs[n] > 0;
    if (!any)
        return;
    const quire_footnote **by_number = calloc(d->n_refs, sizeof *by_number);
    if (!by_number) {
        html_fail(d, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    for (size_t i = 0; i < d->ds->n_footnotes; i++) {
        const quire_footnote *f = quire_footnote_at(d->ds, i);
        if (f->number > 0 && (size_t)f->number < d->n_refs)
            by_number[f->number] = f;
    }
    html_open_section(d, 1, "notes", "notes", words(d->lang, WORD_NOTES));
    buf_put(b, "<ol>\n");
    char label[128];
    for (size_t n = 1; n < d->n_refs; n++) {
        const quire_footnote *f = by_number[n];
        if (!f || !d->refs[n])
            continue;
        buf_printf(b, "<li id=\"fn-%zu\" value=\"%zu\">", n, n);
        runs_write(d, &f->text, f->text.plain);
        for (int k = 1; k <= d->refs[n]; k++) {
            snprintf(label, sizeof label, words(d->lang, WORD_BACK_TO_REF), (int)n);
            buf_printf(b, " <a class=\"back\" href=\"#fnref-%zu", n);
            if (k > 1)
                buf_printf(b, "-%d", k);
            buf_put(b, "\" aria-label=\"");
            buf_attr(b, label);
            if (k > 1)
                buf_printf(b, " (%d)", k);
            buf_put(b, "\">↩\xEF\xB8\x8E</a>"); /* U+FE0E: as text, not an emoji */
        }
        buf_put(b, "</li>\n");
    }
    buf_put(b, "</ol>\n");
    html_close_sections(d, 1);
    free(by_number);
}
