/* runs.c — prose as HTML: the host's runs become strong, em and a; a
 * footnote reference becomes a link to its note (which links back); a
 * link to something the page does not show is left as text. */
#include "html.h"

#include <stdio.h>
#include <string.h>

void runs_anchor(quire_target target, const char *id, char *out, size_t size)
{
    static const char *const kind[] = {
        [QUIRE_TARGET_TABLE] = "table",   [QUIRE_TARGET_FIGURE] = "figure",
        [QUIRE_TARGET_SECTION] = "section", [QUIRE_TARGET_IMAGE] = "image",
        [QUIRE_TARGET_CHART] = "chart",
    };
    out[0] = '\0';
    if (target < sizeof kind / sizeof kind[0] && kind[target] && id)
        snprintf(out, size, "%s-%s", kind[target], id);
}

/* Where a run's link goes: the URL, or "#table-x" written into anchor;
 * NULL for none. */
static const char *link_href(const html_doc *d, const quire_run *r, char *anchor, size_t size)
{
    char id[512];
    if (r->footnote || r->target == QUIRE_TARGET_NONE || !r->link)
        return NULL;
    if (r->target == QUIRE_TARGET_URL)
        return r->link;
    if (r->target == QUIRE_TARGET_FOOTNOTE) {
        for (size_t i = 0; i < d->ds->n_footnotes; i++) {
            const quire_footnote *f = quire_footnote_at(d->ds, i);
            if (f->id && !strcmp(f->id, r->link) && f->number > 0 &&
                (size_t)f->number < d->n_refs) {
                snprintf(anchor, size, "#fn-%d", f->number);
                return anchor;
            }
        }
        return NULL;
    }
    runs_anchor(r->target, r->link, id, sizeof id);
    if (!id[0] || !ids_has(&d->targets, id))
        return NULL;
    snprintf(anchor, size, "#%s", id);
    return anchor;
}

/* <sup><a href="#fn-3" id="fnref-3">3</a></sup>; the second reference to
 * one note gets id fnref-3-2, and the note links back to each. */
static void footnote_ref(html_doc *d, const quire_run *r)
{
    buf *b = &d->out;
    int n = r->footnote;
    if (n <= 0 || (size_t)n >= d->n_refs) {
        buf_text(b, r->text);
        return;
    }
    int k = ++d->refs[n];
    char label[96];
    snprintf(label, sizeof label, words(d->lang, WORD_NOTE_REF), n);
    buf_printf(b, "<sup class=\"fnref\"><a href=\"#fn-%d\" id=\"fnref-%d", n, n);
    if (k > 1)
        buf_printf(b, "-%d", k);
    buf_put(b, "\" aria-label=\"");
    buf_attr(b, label);
    buf_printf(b, "\">%d</a></sup>", n);
}

static void run_styled(html_doc *d, const quire_run *r)
{
    buf *b = &d->out;
    if (r->flags & QUIRE_RUN_STRONG)
        buf_put(b, "<strong>");
    if (r->flags & QUIRE_RUN_EMPHASIS)
        buf_put(b, "<em>");
    buf_text(b, r->text);
    if (r->flags & QUIRE_RUN_EMPHASIS)
        buf_put(b, "</em>");
    if (r->flags & QUIRE_RUN_STRONG)
        buf_put(b, "</strong>");
}

void runs_write(html_doc *d, const quire_text *t, const char *plain)
{
    buf *b = &d->out;
    if (!t || !t->runs || !t->n_runs) {
        buf_text(b, t && t->plain ? t->plain : plain);
        return;
    }
    const quire_run *open = NULL; /* the first run of the link being written */
    char anchor[600];
    for (size_t i = 0; i < t->n_runs; i++) {
        const quire_run *r = quire_run_at(t, i);
        const char *href = link_href(d, r, anchor, sizeof anchor);
        int same = open && href && r->target == open->target && !strcmp(r->link, open->link);
        if (open && !same) {
            buf_put(b, "</a>");
            open = NULL;
        }
        if (href && !open) {
            buf_put(b, "<a href=\"");
            buf_url(b, href);
            buf_put(b, "\">");
            open = r;
        }
        if (r->footnote)
            footnote_ref(d, r);
        else
            run_styled(d, r);
    }
    if (open)
        buf_put(b, "</a>");
}

void prose_write(html_doc *d, const quire_prose *p, const quire_strings *plain)
{
    buf *b = &d->out;
    if (!p || !p->n_paras) {
        for (size_t i = 0; plain && i < plain->count; i++) {
            buf_put(b, "<p>");
            buf_text(b, plain->items[i]);
            buf_put(b, "</p>\n");
        }
        return;
    }
    for (size_t i = 0; i < p->n_paras; i++) {
        const quire_para *para = quire_para_at(p, i);
        if (para->kind == QUIRE_PARA_LIST) {
            buf_put(b, "<ul>\n");
            for (size_t k = 0; k < para->n_items; k++) {
                buf_put(b, "<li>");
                runs_write(d, quire_item_at(para, k), NULL);
                buf_put(b, "</li>\n");
            }
            buf_put(b, "</ul>\n");
        } else {
            buf_put(b, "<p>");
            runs_write(d, &para->text, para->text.plain);
            buf_put(b, "</p>\n");
        }
    }
}
