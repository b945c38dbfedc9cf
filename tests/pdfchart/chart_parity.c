/* chart_parity.c — draws each chart case of chart_cases.c twice: into a
 * one-page PDF with the chart code, and into a workbook with the XLSX
 * exporter (the case's table on its sheet, the chart beside it), so that
 * check_parity.py can compare what the two show.
 *
 *   chart_parity OUTDIR     writes OUTDIR/NAME.pdf, OUTDIR/NAME.xlsx, OUTDIR/cases.txt
 *
 * cases.txt: one line per case, "NAME TYPE FLAGS", FLAGS a comma list of
 * labels, time, scatter, stacked, combo, right, refs, highlight, pie. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "chart_cases.h"
#include "chart_page.h"
#include "xlsx.h"

static void diag(const quire_job *job, quire_severity sev, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "xlsx %s: ", code ? code : "-");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int progress(const quire_job *job, double f)
{
    return 0;
}

static const quire_host host = {.struct_size = sizeof host, .abi_version = QUIRE_ABI_VERSION,
                                .diag = diag, .progress = progress};
static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d, 0x8064a2, 0x4bacc6};

static int draw_pdf(const chart_case *c, const char *path)
{
    chart_page doc;
    chart_style style = {palette, 6, c->dataset, 10, 0};
    char err[256] = "";
    int st = -1;

    if (chart_page_open(&doc) == 0) {
        chart_page_add(&doc);
        double h = chart_height(&doc.cv.cv, &style, &c->chart, c->width);
        if (chart_draw(&doc.cv.cv, &style, &c->chart, 50, 792, c->width, h, err, sizeof err) == 0 &&
            chart_page_save(&doc, path) == 0)
            st = 0;
        else
            fprintf(stderr, "%s: %s\n", c->name, err);
    }
    chart_page_close(&doc);
    return st;
}

static int write_xlsx(const chart_case *c, const char *path)
{
    quire_table tab = *c->chart.table;
    tab.column_size = sizeof(quire_column);
    quire_dataset ds = *c->dataset;
    ds.tables = &tab, ds.n_tables = 1, ds.table_size = sizeof tab, ds.timestamp = -1;
    ds.source_size = sizeof(quire_source);
    quire_block block = {.kind = QUIRE_BLOCK_CHART, .chart = c->chart};
    block.chart.table = &tab;
    quire_template tmpl = {.struct_size = sizeof tmpl, .name = "parity", .page_size = "A4",
                           .palette = palette, .n_palette = 6, .blocks = &block, .n_blocks = 1,
                           .block_size = sizeof block};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &tmpl, .output_path = path,
                     .final_path = path, .host = &host};
    xlsx_options opt = xlsx_options_default();
    opt.summary_sheet = 0, opt.charts = 1;
    char err[256] = "";
    quire_status st = xlsx_export_opt(&job, &opt, err, sizeof err);
    if (st) fprintf(stderr, "%s: %s\n", c->name, err);
    return st ? -1 : 0;
}

static void flags(FILE *f, const quire_chart *ch)
{
    const quire_column *x = &ch->table->columns[ch->x];
    int combo = 0, right = 0;
    for (size_t i = 0; ch->series && i < ch->n_series; i++)
        combo |= quire_series_at(ch, i)->as_line, right |= quire_series_at(ch, i)->right_axis;
    fprintf(f, " %s%s%s%s%s%s%s%s%s\n", ch->value_labels || ch->percent_labels ? "labels," : "",
            x->type == QUIRE_DATE && ch->type != QUIRE_CHART_PIE ? "time," : "",
            ch->type == QUIRE_CHART_SCATTER ? "scatter," : "", ch->stacked ? "stacked," : "",
            combo ? "combo," : "", right ? "right," : "", ch->n_references ? "refs," : "",
            ch->highlight.count ? "highlight," : "", ch->type == QUIRE_CHART_PIE ? "pie," : "-");
}

int main(int argc, char **argv)
{
    static const char *const types[] = {"bar", "line", "pie", "area", "scatter"};
    size_t n;
    const chart_case *cases = chart_cases(&n);
    char path[4096];
    int status = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: chart_parity OUTDIR\n");
        return 2;
    }
    snprintf(path, sizeof path, "%s/cases.txt", argv[1]);
    FILE *list = fopen(path, "w");
    if (!list) return 1;
    for (size_t i = 0; i < n; i++) {
        const chart_case *c = &cases[i];
        snprintf(path, sizeof path, "%s/%s.pdf", argv[1], c->name);
        if (draw_pdf(c, path)) status = 1;
        snprintf(path, sizeof path, "%s/%s.xlsx", argv[1], c->name);
        if (write_xlsx(c, path)) status = 1;
        fprintf(list, "%s %s", c->name, types[c->chart.type]);
        flags(list, &c->chart);
    }
    fclose(list);
    return status;
}
