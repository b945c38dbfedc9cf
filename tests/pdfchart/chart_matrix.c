/* chart_matrix.c — every chart option in combination (type × sort ×
 * reference × axis × line series × highlight), each chart drawn into a
 * PDF and a workbook, so that check_matrix.py can read the chart XML's
 * cached values back against the table (issue 20: a sorted combined
 * chart wrote the line's values into the reference series).
 *
 *   chart_matrix OUTDIR   writes OUTDIR/matrix.pdf (case n on page n),
 *                         OUTDIR/NAME.xlsx and OUTDIR/matrix.txt, what
 *                         each case asked for
 *
 * matrix.txt, one case a line, fields separated by '|':
 *   NAME|TYPE|SORT|HIGHLIGHT|SERIES...|REFS
 * SERIES: "label:percent:right:line" for each series, REFS "label:value:right"
 * separated by ';'. The table itself is written once, as "table|" lines. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "chart_page.h"
#include "xlsx.h"

#define N(a) (sizeof(a) / sizeof *(a))

static void diag(const quire_job *job, quire_severity sev, const char *code, const char *fmt, ...)
{
    va_list ap;
    (void)job, (void)sev;
    va_start(ap, fmt);
    fprintf(stderr, "xlsx %s: ", code ? code : "-");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int progress(const quire_job *job, double f)
{
    (void)job, (void)f;
    return 0;
}

static const quire_host host = {.struct_size = sizeof host, .abi_version = QUIRE_ABI_VERSION,
                                .diag = diag, .progress = progress};
static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d};

/* Values that differ everywhere, in no order, so that a series written
 * in another's place, or in another order, shows; a tie and a gap. */
static const char *const cats[] = {"Kilo", "Lima", "Mike", "Nova", "Oscar"};
static const double revenue[] = {25.5, 61.25, 12.75, 61.25, 40.5};
static const double margin[] = {44.1, 42.5, 39.0, NAN, 47.3};
static const double xs[] = {3.5, 1.25, 9.0, 6.5, 2.0};
static const unsigned char dec[] = {2, 2, 2, 2, 2};
static const quire_column cols[] = {
    {"name", "Name", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, cats},
    {"revenue", "Revenue", QUIRE_CURRENCY, NULL, 1, "USD bn", NULL, revenue, dec, NULL},
    {"margin", "Margin", QUIRE_PERCENT, NULL, 1, "%", NULL, margin, dec, NULL},
    {"x", "Spend", QUIRE_NUMBER, NULL, 1, NULL, NULL, xs, dec, NULL},
};
static const quire_table table = {"m", "Matrix", NULL, {NULL, 0}, cols, 4, 5};
static const quire_dataset ds = {.struct_size = sizeof(quire_dataset), .id = "m", .title = "m",
                                 .language = "en"};

/* One PDF, a page per case: the faces are embedded once. */
static int draw_page(chart_page *doc, const quire_chart *ch, const char *name)
{
    chart_style style = {palette, 4, &ds, 10, 0};
    char err[256] = "";

    chart_page_add(doc);
    double h = chart_height(&doc->cv.cv, &style, ch, 495);
    if (chart_draw(&doc->cv.cv, &style, ch, 50, 792, 495, h, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", name, err);
        return -1;
    }
    return 0;
}

static int write_xlsx(const quire_chart *ch, const char *path)
{
    quire_table tab = table;
    tab.column_size = sizeof(quire_column);
    quire_dataset d = ds;
    d.tables = &tab, d.n_tables = 1, d.table_size = sizeof tab, d.timestamp = -1;
    d.source_size = sizeof(quire_source);
    quire_block block = {.kind = QUIRE_BLOCK_CHART, .chart = *ch};
    block.chart.table = &tab;
    quire_template tmpl = {.struct_size = sizeof tmpl, .name = "matrix", .page_size = "A4",
                           .palette = palette, .n_palette = 4, .blocks = &block, .n_blocks = 1,
                           .block_size = sizeof block};
    quire_job job = {.struct_size = sizeof job, .dataset = &d, .tmpl = &tmpl, .output_path = path,
                     .final_path = path, .host = &host};
    xlsx_options opt = xlsx_options_default();
    opt.summary_sheet = 0, opt.charts = 1;
    char err[256] = "";
    quire_status st = xlsx_export_opt(&job, &opt, err, sizeof err);
    if (st) fprintf(stderr, "%s: %s\n", path, err);
    return st ? -1 : 0;
}

static void write_case(FILE *f, const char *name, const quire_chart *ch)
{
    static const char *const types[] = {"bar", "line", "pie", "area", "scatter"};
    static const char *const sorts[] = {"none", "asc", "desc"};
    fprintf(f, "%s|%s|%s|%zu|", name, types[ch->type], sorts[ch->sort], ch->highlight.count);
    for (size_t i = 0; i < ch->n_y; i++) {
        const quire_series *s = ch->series ? &ch->series[i] : NULL;
        fprintf(f, "%s%s:%d:%d:%d", i ? ";" : "", cols[ch->y[i]].label,
                cols[ch->y[i]].type == QUIRE_PERCENT, s ? s->right_axis : 0, s ? s->as_line : 0);
    }
    fputc('|', f);
    for (size_t i = 0; i < ch->n_references; i++)
        fprintf(f, "%s%s:%.17g:%d", i ? ";" : "", ch->references[i].label,
                ch->references[i].value, ch->references[i].right_axis);
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    static const quire_chart_type types[] = {QUIRE_CHART_BAR, QUIRE_CHART_LINE, QUIRE_CHART_AREA,
                                             QUIRE_CHART_SCATTER, QUIRE_CHART_PIE};
    static const size_t y_two[] = {1, 2}, y_scatter[] = {1};
    /* axis: both left; the margin on the right; line: the margin as a line */
    static const quire_series plain[] = {{1, 0, 0}, {2, 0, 0}}, right[] = {{1, 0, 0}, {2, 0, 1}},
                              line[] = {{1, 0, 0}, {2, 1, 0}}, line_right[] = {{1, 0, 0}, {2, 1, 1}};
    static const quire_series *const layouts[] = {plain, right, line, line_right};
    static const quire_reference ref_left[] = {{30, "Ref30", 0}}, ref_right[] = {{41.5, "Ref41", 1}},
                                 ref_both[] = {{30, "Ref30", 0}, {41.5, "Ref41", 1}};
    static const quire_reference *const refs[] = {NULL, ref_left, ref_right, ref_both};
    static const size_t n_refs[] = {0, 1, 1, 2};
    static const char *const hl[] = {"Mike"};
    char path[4096];
    int status = 0, count = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: chart_matrix OUTDIR\n");
        return 2;
    }
    snprintf(path, sizeof path, "%s/matrix.txt", argv[1]);
    FILE *list = fopen(path, "w");
    chart_page doc;
    if (!list) return 1;
    if (chart_page_open(&doc)) {
        chart_page_close(&doc);
        fclose(list);
        return 1;
    }
    for (size_t r = 0; r < table.n_rows; r++)
        fprintf(list, "table|%s|%.17g|%.17g|%.17g\n", cats[r], revenue[r], margin[r], xs[r]);
    for (size_t t = 0; t < N(types); t++)
        for (int sort = QUIRE_SORT_NONE; sort <= QUIRE_SORT_DESC; sort++)
            for (size_t rf = 0; rf < N(refs); rf++)
                for (size_t lay = 0; lay < N(layouts); lay++)
                    for (int h = 0; h < 2; h++) {
                        int bar = types[t] == QUIRE_CHART_BAR, pie = types[t] == QUIRE_CHART_PIE;
                        int scatter = types[t] == QUIRE_CHART_SCATTER;
                        /* lines inside bars only; pies have one series, no axes */
                        if ((!bar && lay >= 2) || (pie && (rf || lay)) || (scatter && (sort || lay)))
                            continue;
                        quire_chart ch = {.type = types[t], .table = &table, .x = scatter ? 3 : 0,
                                          .y = scatter ? y_scatter : y_two, .n_y = scatter || pie ? 1 : 2,
                                          .y_min = NAN, .y_max = NAN, .value_labels = 1,
                                          .sort = (quire_sort)sort};
                        if (!scatter && !pie)
                            ch.series = layouts[lay], ch.n_series = 2;
                        ch.references = refs[rf], ch.n_references = n_refs[rf];
                        if (h) ch.highlight = (quire_strings){hl, 1};
                        char name[64];
                        snprintf(name, sizeof name, "m%03d", count++);
                        if (draw_page(&doc, &ch, name)) status = 1;
                        snprintf(path, sizeof path, "%s/%s.xlsx", argv[1], name);
                        if (write_xlsx(&ch, path)) status = 1;
                        write_case(list, name, &ch);
                    }
    fclose(list);
    snprintf(path, sizeof path, "%s/matrix.pdf", argv[1]);
    if (chart_page_save(&doc, path)) status = 1;
    int lib_errors = doc.errors;
    chart_page_close(&doc);
    printf("chart_matrix: %d cases\n", count);
    return status || lib_errors;
}
