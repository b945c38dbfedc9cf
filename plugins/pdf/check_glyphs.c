/* check_glyphs.c — before anything is written: every character of the
 * dataset's and the template's text is in the body face or in some
 * installed face fontconfig would fall back to. A character no installed
 * font has is an error at the item that holds it, naming the character
 * and the Debian package that would bring a font for it. */
#include "pdf.h"
#include "standard.h"

#include <stdio.h>
#include <string.h>

#include "font_face.h"
#include "font_fallback.h"
#include "utf8.h"

typedef struct glyph_check {
    const quire_job *job;
    const font_face *body;
    const char *pattern;
    uint32_t reported[64];   /* each character is reported once */
    size_t n_reported;
    int bad;
} glyph_check;

static int reported(glyph_check *g, uint32_t cp)
{
    for (size_t i = 0; i < g->n_reported; i++)
        if (g->reported[i] == cp)
            return 1;
    if (g->n_reported < sizeof g->reported / sizeof g->reported[0])
        g->reported[g->n_reported++] = cp;
    return 0;
}

static void scan(glyph_check *g, const quire_pos *at, const char *what, const char *s)
{
    if (!s)
        return;
    size_t len = strlen(s);
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = utf8_decode(s + i, len - i, &n);
        if (cp < 0x20 || cp == ' ' || font_face_glyph(g->body, cp) ||
            font_fallback(g->pattern, cp) || reported(g, cp))
            continue;
        const char *package = font_package_for(cp);
        pdf_check_report(g->job, at, "U+%04X '%.*s' in %s is in no installed font%s%s",
                         (unsigned)cp, (int)n, s + i, what,
                         package ? "; the Debian package " : "",
                         package ? package : "");
        g->bad = 1;
    }
}

static void scan_text(glyph_check *g, const quire_pos *at, const char *what,
                      const quire_text *t)
{
    scan(g, at, what, t->plain);
    for (size_t i = 0; t->runs && i < t->n_runs; i++)
        scan(g, at, what, quire_run_at(t, i)->text);
}

static void scan_prose(glyph_check *g, const quire_pos *at, const char *what,
                       const quire_prose *p)
{
    for (size_t i = 0; i < p->n_paras; i++) {
        const quire_para *para = quire_para_at(p, i);
        scan_text(g, at, what, &para->text);
        for (size_t k = 0; para->kind == QUIRE_PARA_LIST && k < para->n_items; k++)
            scan_text(g, at, what, quire_item_at(para, k));
    }
}

static void scan_table(glyph_check *g, const quire_table *t)
{
    scan(g, &t->at, "a table's title", t->title);
    scan(g, &t->at, "a table's description", t->description);
    scan_text(g, &t->at, "a table's description", &t->description_text);
    for (size_t j = 0; j < t->n_columns; j++) {
        const quire_column *c = quire_column_at(t, j);
        scan(g, &c->at, "a column's label", c->label);
        scan(g, &c->at, "a column's unit", c->unit_label);
        for (size_t r = 0; c->texts && r < t->n_rows; r++)
            scan(g, &t->at, "a table cell", c->texts[r]);
    }
}

int check_glyphs(const quire_job *job, const char *pattern)
{
    const quire_dataset *ds = job->dataset;
    const quire_template *tp = job->tmpl;
    char path[4096], why[160];
    int index = 0;
    if (job->host->find_font(job, pattern, path, sizeof path, &index) != QUIRE_OK)
        return -1;
    glyph_check g = {job, font_face_open(path, (unsigned)(index < 0 ? 0 : index), why,
                                         sizeof why), pattern, {0}, 0, 0};
    if (!g.body)
        return -1;
    quire_pos top = {ds->path, 1, 1};
    const char *fields[] = {ds->title, ds->subtitle, ds->period, ds->author, ds->organization};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        scan(&g, &top, "the dataset's header", fields[i]);
    for (size_t i = 0; i < ds->summary.count; i++)
        scan(&g, &top, "the summary", ds->summary.items[i]);
    scan_prose(&g, &top, "the summary", &ds->summary_text);
    for (size_t i = 0; i < ds->n_sections; i++) {
        const quire_section *s = quire_section_at(ds, i);
        scan(&g, &s->at, "a section's heading", s->heading);
        scan_prose(&g, &s->at, "a section", &s->body);
    }
    for (size_t i = 0; i < ds->n_figures; i++) {
        const quire_figure *f = quire_figure_at(ds, i);
        scan(&g, &f->at, "a figure", f->label);
        scan(&g, &f->at, "a figure", f->unit);
        scan(&g, &f->at, "a figure", f->change_unit);
        scan_text(&g, &f->at, "a figure's note", &f->note_text);
    }
    for (size_t i = 0; i < ds->n_tables; i++)
        scan_table(&g, quire_table_at(ds, i));
    for (size_t i = 0; i < ds->n_sources; i++) {
        const quire_source *s = quire_source_at(ds, i);
        scan(&g, &s->at, "a source", s->title);
        scan(&g, &s->at, "a source", s->publisher);
        scan(&g, &s->at, "a source", s->author);
    }
    for (size_t i = 0; i < ds->n_footnotes; i++) {
        const quire_footnote *f = quire_footnote_at(ds, i);
        scan_text(&g, &f->at, "a footnote", &f->text);
    }
    for (size_t i = 0; i < ds->n_images; i++) {
        const quire_image *im = quire_image_at(ds, i);
        scan(&g, &im->at, "an image's text", im->alt);
        scan_text(&g, &im->at, "an image's caption", &im->caption);
    }
    for (size_t i = 0; i < tp->n_blocks; i++) {
        const quire_block *b = quire_block_at(tp, i);
        scan(&g, &b->at, "a heading", b->kind == QUIRE_BLOCK_HEADING ? b->text : NULL);
        if (b->kind == QUIRE_BLOCK_CHART) {
            scan(&g, &b->chart.at, "a chart's title", b->chart.title);
            for (size_t k = 0; k < b->chart.n_references; k++)
                scan(&g, &b->chart.at, "a chart's reference line",
                     quire_reference_at(&b->chart, k)->label);
        }
    }
    return g.bad ? -1 : 0;
}
