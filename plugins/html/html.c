/* html.c — the HTML exporter's entry: one self-contained, accessible HTML5
 * page of the brief, its blocks in the template's order as semantic
 * elements (docs/html.md says what each becomes). */
#include "html.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_fail(html_doc *d, quire_status status, const char *fmt, ...)
{
    if (d->status)
        return;
    d->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
}

int html_chart_note(const html_doc *d)
{
    return d->tp->block_size >= sizeof(quire_block);
}

/* An as_of the object has of its own (an inherited one is the dataset's,
 * shown once on the cover). */
const char *html_as_of(const html_doc *d, const quire_as_of *as_of, size_t have, size_t need)
{
    return have >= need && as_of->text && !as_of->inherited ? as_of->text : NULL;
}

int html_date_inferred(const html_doc *d, const quire_source *s)
{
    return d->ds->source_size >= offsetof(quire_source, date_inferred) + sizeof(int) &&
           s->date_inferred;
}

void html_close_sections(html_doc *d, int top)
{
    if (d->open_sub)
        buf_put(&d->out, "</section>\n");
    d->open_sub = 0;
    if (top && d->open_top)
        buf_put(&d->out, "</section>\n");
    if (top)
        d->open_top = 0;
}

void html_open_section(html_doc *d, int top, const char *id, const char *cls,
                       const char *heading)
{
    html_close_sections(d, top);
    int level = top || !d->open_top ? 2 : 3;
    buf_put(&d->out, "<section");
    if (id && *id)
        buf_printf(&d->out, " id=\"%s\" aria-labelledby=\"%s-h\"", id, id);
    if (cls)
        buf_printf(&d->out, " class=\"%s\"", cls);
    buf_printf(&d->out, ">\n<h%d", level);
    if (id && *id)
        buf_printf(&d->out, " id=\"%s-h\"", id);
    buf_put(&d->out, ">");
    buf_text(&d->out, heading);
    buf_printf(&d->out, "</h%d>\n", level);
    if (top)
        d->open_top = 1;
    else
        d->open_sub = 1;
}

static void head_write(html_doc *d)
{
    const quire_dataset *ds = d->ds;
    buf *b = &d->out;
    buf_put(b, "<!DOCTYPE html>\n<html lang=\"");
    buf_attr(b, ds->language && *ds->language ? ds->language : "en");
    buf_put(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"color-scheme\" content=\"light dark\">\n"
               /* Nothing leaves the page: every style, image and font is in it
                * (fonts as data: URIs, hence font-src data:). */
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "img-src data:; font-src data:; style-src 'unsafe-inline'\">\n<title>");
    buf_text(b, ds->title);
    if (ds->period && *ds->period) {
        buf_put(b, " — ");
        buf_text(b, ds->period);
    }
    buf_put(b, "</title>\n");
    const char *meta[][2] = {{"author", ds->author}, {"description", ds->subtitle}};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
        if (meta[i][1] && *meta[i][1]) {
            buf_printf(b, "<meta name=\"%s\" content=\"", meta[i][0]);
            buf_attr(b, meta[i][1]);
            buf_put(b, "\">\n");
        }
    buf_put(b, "<meta name=\"generator\" content=\"quire html\">\n");
    style_write(d);
    buf_put(b, "</head>\n<body>\n");
}

static int template_has_cover(const html_doc *d)
{
    for (size_t i = 0; i < d->tp->n_blocks; i++)
        if (quire_block_at(d->tp, i)->kind == QUIRE_BLOCK_COVER)
            return 1;
    return 0;
}

static void main_open(html_doc *d, int *in_main)
{
    if (*in_main)
        return;
    buf_put(&d->out, "<main id=\"main\">\n");
    *in_main = 1;
}

static void block_write(html_doc *d, const quire_block *b, size_t i, int *in_main)
{
    switch (b->kind) {
    case QUIRE_BLOCK_COVER:
        html_close_sections(d, 1);
        cover_write(d);
        break;
    case QUIRE_BLOCK_CONTENTS:
        html_close_sections(d, 1);
        contents_write(d);
        break;
    case QUIRE_BLOCK_HEADING:
        main_open(d, in_main);
        heading_write(d, b->text ? b->text : "", i);
        break;
    case QUIRE_BLOCK_FIGURES:
        main_open(d, in_main);
        figures_write(d, b->figures, b->n_figures);
        break;
    case QUIRE_BLOCK_SUMMARY:
        main_open(d, in_main);
        summary_write(d);
        break;
    case QUIRE_BLOCK_SECTION:
        main_open(d, in_main);
        if (b->section)
            section_write(d, b->section);
        break;
    case QUIRE_BLOCK_CHART:
        main_open(d, in_main);
        chart_write(d, &b->chart);
        break;
    case QUIRE_BLOCK_TABLE:
        main_open(d, in_main);
        if (b->table)
            table_write(d, b->table);
        break;
    case QUIRE_BLOCK_PAGE_BREAK:
        main_open(d, in_main);
        buf_put(&d->out, "<div class=\"page-break\"></div>\n");
        break;
    case QUIRE_BLOCK_SOURCES:
        main_open(d, in_main);
        sources_write(d);
        break;
    case QUIRE_BLOCK_IMAGE:
        main_open(d, in_main);
        if (d->job->tmpl->struct_size > offsetof(quire_template, block_size) && b->image) {
            /* width_mm and align: from a host whose blocks carry them */
            int given = d->job->tmpl->block_size >= offsetof(quire_block, image_align) +
                                                         sizeof b->image_align;
            image_write(d, b->image, given ? b->image_width_pt : 0,
                        given ? b->image_align : QUIRE_ALIGN_CENTER);
        }
        break;
    }
}

static void body_write(html_doc *d)
{
    int in_main = 0;
    if (!template_has_cover(d))
        bare_header_write(d);
    for (size_t i = 0; i < d->tp->n_blocks && !d->status; i++) {
        block_write(d, quire_block_at(d->tp, i), i, &in_main);
        if (d->job->host->progress(d->job, 0.9 * (double)(i + 1) / (double)d->tp->n_blocks))
            html_fail(d, QUIRE_ERR_CANCELLED, "interrupted");
    }
    main_open(d, &in_main);
    html_close_sections(d, 1);
    notes_write(d);
    buf_put(&d->out, "</main>\n</body>\n</html>\n");
}

/* The page, all in memory, then written in one go. */
static void save(html_doc *d)
{
    if (buf_failed(&d->out)) {
        html_fail(d, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    FILE *f = fopen(d->job->output_path, "wb");
    if (!f) {
        html_fail(d, QUIRE_ERR_EXPORT, "%s: %s", d->job->final_path, strerror(errno));
        return;
    }
    size_t n = fwrite(d->out.data, 1, d->out.len, f);
    if ((n != d->out.len) | ferror(f) | (fclose(f) != 0))
        html_fail(d, QUIRE_ERR_EXPORT, "%s: write error", d->job->final_path);
}

static int refs_init(html_doc *d)
{
    int most = 0;
    for (size_t i = 0; i < d->ds->n_footnotes; i++) {
        int n = quire_footnote_at(d->ds, i)->number;
        most = n > most ? n : most;
    }
    d->n_refs = (size_t)most + 1;
    d->refs = calloc(d->n_refs, sizeof *d->refs);
    return d->refs ? 0 : -1;
}

static quire_status html_export(const quire_job *job, char *err, size_t err_size)
{
    html_doc d = {.job = job, .ds = job->dataset, .tp = job->tmpl};
    d.lang = words_lang_of(d.ds->language, WORDS_EN);
    if (refs_init(&d) || targets_collect(&d))
        html_fail(&d, QUIRE_ERR_EXPORT, "out of memory");
    if (!d.status) {
        fonts_open(&d);
        /* The body first: the fonts in the head hold its characters. */
        body_write(&d);
        buf body = d.out;
        memset(&d.out, 0, sizeof d.out);
        if (!d.status && !buf_failed(&body))
            webfonts_make(&d, body.data, body.len);
        head_write(&d);
        if (buf_failed(&body))
            html_fail(&d, QUIRE_ERR_EXPORT, "out of memory");
        else
            buf_putn(&d.out, body.data, body.len);
        buf_free(&body);
    }
    if (!d.status)
        save(&d);
    if (!d.status)
        job->host->progress(job, 1.0);
    if (d.status && err_size)
        snprintf(err, err_size, "%s", d.err);
    buf_free(&d.out);
    buf_free(&d.fonts);
    ids_free(&d.ids);
    ids_free(&d.targets);
    free(d.refs);
    return d.status;
}

QUIRE_PLUGIN_DEFINE2("html", "html", "1.0.0",
                     "self-contained accessible web page: semantic HTML, inline SVG charts, "
                     "print style sheet",
                     html_export, html_check, NULL, 0)
