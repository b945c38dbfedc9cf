/*
 * harness.c — runs the XLSX exporter on a dataset built by hand, with a
 * fake host, so the plugin is tested without the loader.
 *
 *   xlsx_harness basic OUT.xlsx [ROWS_PER_SHEET [CONSTANT_MEMORY_CELLS]]
 *   xlsx_harness basic-en OUT.xlsx   (the basic dataset with language: en)
 *   xlsx_harness long OUT.xlsx N_ROWS ROWS_PER_SHEET   (0: Excel's limit)
 *   xlsx_harness cancel OUT.xlsx [ROWS_PER_SHEET [CONSTANT_MEMORY_CELLS]]
 *   xlsx_harness edge OUT.xlsx [ROWS_PER_SHEET [CONSTANT_MEMORY_CELLS]]
 *   xlsx_harness prose OUT.xlsx [ROWS_PER_SHEET [CONSTANT_MEMORY_CELLS]]
 *   xlsx_harness links OUT.xlsx N_ROWS   (a column of N link cells)
 *
 * Exit status: the export's quire_status; the error message on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

static int progress_calls, cancel_after = -1;

static void fake_diag(const quire_job *job, quire_severity sev, const char *code,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "diag[%s]: ", code ? code : "-");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int fake_progress(const quire_job *job, double fraction)
{
    if (fraction < 0 || fraction > 1.0000001) {
        fprintf(stderr, "progress out of range: %g\n", fraction);
        abort();
    }
    return cancel_after >= 0 && ++progress_calls > cancel_after;
}

static const quire_host host = {sizeof host, QUIRE_ABI_VERSION, fake_diag, fake_progress,
                                NULL, NULL, NULL};

/* ---- the basic dataset: every type, awkward names, every chart kind ---- */

#define N(...) ((const double[]){__VA_ARGS__})
#define D(...) ((const unsigned char[]){__VA_ARGS__})
#define T(...) ((const char *const[]){__VA_ARGS__})

static const quire_column share_cols[] = {
    {.id = "provider", .label = "사업자", .type = QUIRE_TEXT,
     .texts = T("AWS", "Microsoft", "Google", "기타 (Others)")},
    {.id = "q4_2023", .label = "2023 Q4", .type = QUIRE_PERCENT, .scale = 1, .unit_label = "%",
     .numbers = N(31, 24, 11, 34), .decimals = D(0, 0, 0, 0)},
    {.id = "q1_2024", .label = "2024 Q1", .type = QUIRE_PERCENT, .scale = 1, .unit_label = "%",
     .numbers = N(31, 25.5, NAN, 33), .decimals = D(0, 1, 0, 0)},
};

static const quire_column revenue_cols[] = {
    {.id = "year", .label = "Year", .type = QUIRE_INTEGER, .scale = 1,
     .numbers = N(2021, 2022, 2023), .decimals = D(0, 0, 0)},
    {.id = "revenue", .label = "매출", .type = QUIRE_CURRENCY, .currency = "KRW", .scale = 1e8,
     .unit_label = "억원", .numbers = N(1234567, -2500.25, 98765.4), .decimals = D(0, 2, 1)},
    {.id = "margin", .label = "Margin", .type = QUIRE_NUMBER, .scale = 1,
     .numbers = N(12.5, -3.25, NAN), .decimals = D(1, 2, 0)},
    {.id = "closed", .label = "Closed on", .type = QUIRE_DATE,
     .numbers = N(18993, 19358, NAN), .decimals = D(0, 0, 0),
     .texts = T("2022-01-01", "2023-01-01", NULL)},
    {.id = "growth", .label = "Growth", .type = QUIRE_PERCENT, .scale = 1, .unit_label = "%",
     .format = "0.00%", .numbers = N(5, 12.25, 7), .decimals = D(0, 2, 0)},
    {.id = "price", .label = "Price", .type = QUIRE_NUMBER, .scale = 1,
     .format = "\"$\"#,##0.00", .numbers = N(1.5, 2, 1000), .decimals = D(1, 0, 0)},
    {.id = "code", .label = "Code", .type = QUIRE_TEXT, .texts = T("00417", "a\001b", "")},
    {.id = "dup", .label = "year", .type = QUIRE_INTEGER, .scale = 1,
     .numbers = N(1, 2, 3), .decimals = D(0, 0, 0)},
    /* the unit already in the label, with a space: not added twice */
    {.id = "budget", .label = "사업비(억 원)", .type = QUIRE_CURRENCY, .currency = "KRW",
     .scale = 1e8, .unit_label = "억원", .numbers = N(1, 2, 3), .decimals = D(0, 0, 0)},
};

static const quire_column one_col[] = {
    {.id = "v", .label = "Value", .type = QUIRE_INTEGER, .scale = 1,
     .numbers = N(1, 2), .decimals = D(0, 0)},
};

static const char *const share_sources[] = {"synergy", "canalys"};
static const char *const fig_sources[] = {"synergy"};

#define LONG_KO "전세계 클라우드 인프라 시장 점유율과 국내 사업자별 매출 추이 (2021년부터 2024년까지)"

static const quire_table tables[] = {
    {.id = "cloud-share", .title = "전세계 클라우드 인프라 시장 점유율",
     .description = "Share of worldwide cloud infrastructure spending.",
     .sources = {share_sources, 2}, .columns = share_cols, .n_columns = 3, .n_rows = 4},
    {.id = "revenue", .title = "'Revenue [KRW]: big/small? *x* \\ y'",
     .columns = revenue_cols, .n_columns = 9, .n_rows = 3},
    {.id = "history", .title = "History", .columns = one_col, .n_columns = 1, .n_rows = 2},
    {.id = "src", .title = "SOURCES", .columns = one_col, .n_columns = 1, .n_rows = 2},
    {.id = "long-a", .title = LONG_KO, .columns = one_col, .n_columns = 1, .n_rows = 2},
    {.id = "long_a", .title = LONG_KO, .columns = one_col, .n_columns = 1, .n_rows = 2},
    {.id = "empty", .title = "Empty", .columns = one_col, .n_columns = 1, .n_rows = 0},
};

static const quire_figure figures[] = {
    {.id = "capex", .label = "빅테크 4사 설비투자 (2024)", .value = 209, .unit = "USD bn",
     .has_change = 1, .change_value = 42, .change_unit = "%", .change_basis = "YoY",
     .sources = {fig_sources, 1}, .note = "Amazon, Microsoft, Alphabet, Meta"},
    {.id = "share", .label = "AWS share", .value = 31.5, .decimals = 1, .unit = "%"},
};

static const quire_source sources[] = {
    {.id = "synergy", .title = "Cloud market share Q4 2023", .publisher = "Synergy Research",
     .date = "2024-02-01", .url = "https://www.srgresearch.com/articles/q4-2023"},
    {.id = "canalys", .title = "Cloud Q1 2024", .publisher = "Canalys", .author = "Kim",
     .date = "2024-05-01"},
    {.id = "local", .title = "Local file", .url = "external:c:\\temp\\x.xlsx"},
};

static const char *const summary[] = {"첫 번째 문단.", "Second paragraph."};

static const quire_dataset basic_ds = {
    .struct_size = sizeof(quire_dataset), .path = "basic.yaml", .id = "basic",
    .title = "클라우드·AI 인프라 분기 브리핑", .subtitle = "Subtitle", .period = "2025-Q1",
    .date = "2025-04-15", .language = "ko", .author = "권하영", .organization = "Quire Lab",
    .timestamp = 1744675200, .summary = {summary, 2},
    .figures = figures, .n_figures = 2, .tables = tables, .n_tables = 7,
    .sources = sources, .n_sources = 3};

static const size_t y_both[] = {1, 2}, y_one[] = {2}, y_rev[] = {1, 2};
static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x000000};

static const quire_block blocks[] = {
    {.kind = QUIRE_BLOCK_COVER},
    {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_BAR, &tables[0], 0, y_both, 2,
                                          "Cloud share", 0, 0, 0, 1}},
    {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_BAR, &tables[0], 0, y_both, 2,
                                          NULL, 1, 1, 0, 0}},
    {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_LINE, &tables[1], 0, y_rev, 2,
                                          "Revenue", 0, 0, 0, 0}},
    {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_PIE, &tables[0], 0, y_one, 1,
                                          "Pie", 0, 0, 0, 0}},
    {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_PIE, &tables[0], 0, y_one, 1,
                                          "Donut", 0, 0, 1, 0}},
};

static const quire_template basic_tmpl = {
    .struct_size = sizeof(quire_template), .name = "test", .page_size = "A4",
    .palette = palette, .n_palette = 3, .blocks = blocks, .n_blocks = 6};

/* ---- the long dataset: one table of n rows (integer, text) ---- */

static quire_status run_long(const char *out, size_t n, size_t per_sheet)
{
    double *nums = malloc(n * sizeof *nums);
    unsigned char *decs = calloc(n, 1);
    const char **texts = malloc(n * sizeof *texts);
    quire_status st = QUIRE_ERR_EXPORT;
    char err[256] = "";

    if (!nums || !decs || !texts)
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        nums[i] = (double)i + 1;
        texts[i] = i % 2 ? "odd" : "짝수";
    }
    quire_column cols[] = {
        {.id = "n", .label = "N", .type = QUIRE_INTEGER, .scale = 1, .numbers = nums,
         .decimals = decs},
        {.id = "t", .label = "Parity", .type = QUIRE_TEXT, .texts = texts}};
    quire_table tab = {.id = "long", .title = "Long table", .columns = cols, .n_columns = 2,
                       .n_rows = n};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "long", .title = "Long",
                        .timestamp = -1, .tables = &tab, .n_tables = 1};
    quire_template tmpl = {.struct_size = sizeof tmpl};
    quire_job job = {sizeof job, &ds, &tmpl, out, out, &host, NULL};
    xlsx_options opt = xlsx_options_default();
    if (per_sheet) /* 0: Excel's own limit */
        opt.rows_per_sheet = per_sheet;
    st = xlsx_export_opt(&job, &opt, err, sizeof err);
    if (st)
        fprintf(stderr, "export: %s\n", err);
cleanup:
    free(nums);
    free(decs);
    free(texts);
    return st;
}

/* ---- the edge dataset: odd but valid input must still give a workbook ---- */

#define EDGE_TABLES 40

static quire_status run_edge(const char *out, const xlsx_options *opt)
{
    const quire_column odd_cols[] = {
        {.id = "t", .label = "", .type = QUIRE_TEXT, .texts = T(NULL, "", "x")},
        {.id = "n", .label = "n", .type = QUIRE_NUMBER, .scale = 1,
         .numbers = N(1e300, -1e-300, 123456789012345678.0), .decimals = D(255, 0, 0)},
        {.id = "d", .label = "N", .type = QUIRE_DATE, .numbers = N(-25567, NAN, -100000),
         .decimals = D(0, 0, 0), .texts = T("1900-01-02", NULL, "1696-03-18")},
        {.id = "p", .label = "p", .type = QUIRE_PERCENT, .scale = 1,
         .numbers = N(NAN, NAN, NAN), .decimals = D(0, 0, 0)},
    };
    const size_t bad_y[] = {0}, far_y[] = {99};
    char *big = malloc(40001), *long_label = NULL, *long_url = NULL;
    quire_table *tabs = calloc(EDGE_TABLES, sizeof *tabs);
    char (*ids)[16] = calloc(EDGE_TABLES, 16);
    quire_status st = QUIRE_ERR_EXPORT;
    char err[256] = "";

    if (!big || !tabs || !ids)
        goto cleanup;
    memset(big, 'y', 40000);
    big[40000] = '\0';
    long_label = calloc(301, 1);
    if (!long_label)
        goto cleanup;
    memset(long_label, 'h', 300);
    quire_column long_col = {.id = "big", .label = long_label, .type = QUIRE_TEXT,
                             .texts = (const char *const[]){big}};
    tabs[0] = (quire_table){.id = "odd", .title = "[]:*?/\\", .columns = odd_cols,
                            .n_columns = 4, .n_rows = 3};
    tabs[1] = (quire_table){.id = "none", .title = "", .n_rows = 0};
    tabs[2] = (quire_table){.id = "big", .title = "''", .columns = &long_col, .n_columns = 1,
                            .n_rows = 1};
    for (size_t t = 3; t < EDGE_TABLES; t++) {
        snprintf(ids[t], 16, "same-%zu", t);
        tabs[t] = (quire_table){.id = ids[t], .title = "Same", .columns = one_col,
                                .n_columns = 1, .n_rows = 2};
    }
    quire_figure fig = {.id = "f", .value = -0.5, .decimals = 200, .unit = "%",
                        .has_change = 1, .change_value = 1e308};
    long_url = calloc(2600, 1);
    if (!long_url)
        goto cleanup;
    strcpy(long_url, "https://example.com/");
    memset(long_url + 20, 'a', 2500);
    quire_source src = {.id = "s", .url = long_url};
    quire_block blocks_edge[] = {
        {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_BAR, &tabs[0], 0, bad_y, 1}},
        {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_LINE, &tabs[0], 0, far_y, 1}},
        {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_PIE, NULL, 0, bad_y, 1}},
        {.kind = QUIRE_BLOCK_CHART, .chart = {QUIRE_CHART_PIE, &tabs[0], 0,
                                              (const size_t[]){3, 1}, 2}},
    };
    quire_dataset ds = {.struct_size = sizeof ds, .id = "edge", .title = "",
                        .timestamp = -1, .figures = &fig, .n_figures = 1,
                        .tables = tabs, .n_tables = EDGE_TABLES, .sources = &src,
                        .n_sources = 1};
    quire_template tmpl = {.struct_size = sizeof tmpl, .blocks = blocks_edge, .n_blocks = 4};
    quire_job job = {sizeof job, &ds, &tmpl, out, out, &host, NULL};
    st = xlsx_export_opt(&job, opt, err, sizeof err);
    if (st)
        fprintf(stderr, "export: %s\n", err);
cleanup:
    free(big);
    free(long_label);
    free(long_url);
    free(tabs);
    free(ids);
    return st;
}

/* ---- the prose dataset: runs at libxlsxwriter's and Excel's limits ---- */

#define MANY_RUNS 600       /* 300 bold words: more fragments than a rich string takes */
#define FAT_RUNS 200        /* 200 x 150 characters: text fits a cell, its XML does not */
#define HUGE_RUNS 310       /* 310 x 110 characters: over the cell limit */
#define RUN(text, flags) {text, flags, QUIRE_TARGET_NONE, NULL, 0}
#define LINK(text, flags, url) {text, flags, QUIRE_TARGET_URL, url, 0}
#define TEXT(plain, runs) {plain, runs, sizeof runs / sizeof runs[0], 0}

typedef struct built {
    quire_run *runs;
    char *plain;
    char **texts;
} built;

static void built_free(built *b, size_t n)
{
    for (size_t i = 0; b->texts && i < n; i++)
        free(b->texts[i]);
    free(b->texts);
    free(b->runs);
    free(b->plain);
}

/* n runs, every other one bold, each width characters of 'a' + i % 26. */
static int build_runs(built *b, size_t n, size_t width, quire_text *out)
{
    b->runs = calloc(n, sizeof *b->runs);
    b->texts = calloc(n, sizeof *b->texts);
    b->plain = calloc(n * width + 1, 1);
    if (!b->runs || !b->texts || !b->plain)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!(b->texts[i] = malloc(width + 1)))
            return -1;
        memset(b->texts[i], 'a' + (int)(i % 26), width);
        b->texts[i][width] = '\0';
        memcpy(b->plain + i * width, b->texts[i], width);
        b->runs[i] = (quire_run){b->texts[i], i % 2 ? 0 : QUIRE_RUN_STRONG};
    }
    *out = (quire_text){b->plain, b->runs, n, 0};
    return 0;
}

static quire_status run_prose(const char *out, const xlsx_options *opt)
{
    static const quire_run empties[] = {
        RUN("", 0), RUN("A", QUIRE_RUN_STRONG), RUN("", QUIRE_RUN_STRONG | QUIRE_RUN_EMPHASIS),
        RUN("b", 0), LINK("", 0, "https://example.com/empty")};
    static const quire_run odd_link[] = {
        RUN("tab\001here ", 0), LINK("not a link", 0, "https://example.com/?q=internal:x"),
        LINK(" nor this", 0, "tel:+82-2-0000")};
    static const quire_run whole_link[] = {LINK("the ", 0, "https://example.com/w"),
                                           LINK("site", QUIRE_RUN_STRONG, "https://example.com/w")};
    static const quire_run two_links[] = {
        LINK("one", 0, "https://example.com/1"), RUN(" and ", 0),
        LINK("two", QUIRE_RUN_EMPHASIS, "https://example.com/2")};
    static const quire_run one_bold[] = {RUN("x", QUIRE_RUN_STRONG)};
    static const quire_run to_tables[] = {{"cells", 0, QUIRE_TARGET_TABLE, "t", 0},
                                          RUN(", ", 0),
                                          {"other", 0, QUIRE_TARGET_TABLE, "o", 0}};
    static const quire_run note[] = {RUN("Note ", 0), {"1", 0, QUIRE_TARGET_FOOTNOTE, "n", 1}};
    static const quire_run cell_x[] = {RUN("X", QUIRE_RUN_STRONG)};
    static const quire_run cell_ab[] = {RUN("AB", QUIRE_RUN_STRONG)};
    static const quire_run cell_link[] = {LINK("go", 0, "https://example.com/go")};
    const quire_text cells[] = {TEXT("X", cell_x), TEXT("AB", cell_ab), TEXT("go", cell_link),
                                {NULL, NULL, 0, 0}};
    const quire_column cols[] = {{.id = "m", .label = "M", .type = QUIRE_TEXT, .format = "@",
                                  .texts = T("X", "AB", "go", NULL), .markup = 1,
                                  .rich = cells}};
    /* the second table's title is the first one's continuation name */
    const quire_column other_cols[] = {{.id = "o", .label = "O", .type = QUIRE_TEXT,
                                        .texts = T("o")}};
    const quire_table tabs[] = {
        {.id = "t", .title = "Bob's cells", .columns = cols, .n_columns = 1, .n_rows = 4},
        {.id = "o", .title = "Bob's cells (2)", .columns = other_cols, .n_columns = 1,
         .n_rows = 1}};
    const quire_text items[] = {TEXT("tab here not a link nor this", odd_link),
                                TEXT("the site", whole_link)};
    built many = {0}, fat = {0}, huge = {0};
    quire_para paras[8] = {0};
    quire_status st = QUIRE_ERR_EXPORT;
    char err[256] = "";

    if (build_runs(&many, MANY_RUNS, 3, &paras[0].text) < 0 ||
        build_runs(&fat, FAT_RUNS, 150, &paras[1].text) < 0 ||
        build_runs(&huge, HUGE_RUNS, 110, &paras[2].text) < 0)
        goto cleanup;
    paras[3].text = (quire_text)TEXT("Ab", empties);
    paras[4] = (quire_para){.kind = QUIRE_PARA_LIST, .items = items, .n_items = 2};
    paras[5].text = (quire_text)TEXT("Note", note);
    paras[6].text = (quire_text)TEXT("one and two", two_links);
    paras[7].text = (quire_text)TEXT("cells, other", to_tables);
    const quire_footnote fns[] = {{.id = "n", .number = 1, .text = TEXT("x", one_bold)},
                                  {.id = "u", .number = 0, .text = TEXT("x", one_bold)}};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "prose", .title = "Prose",
                        .language = "en", .timestamp = -1, .tables = tabs, .n_tables = 2,
                        .summary_text = {paras, 8, 0}, .footnotes = fns, .n_footnotes = 2};
    quire_template tmpl = {.struct_size = sizeof tmpl};
    quire_job job = {sizeof job, &ds, &tmpl, out, out, &host, NULL};
    st = xlsx_export_opt(&job, opt, err, sizeof err);
    if (st)
        fprintf(stderr, "export: %s\n", err);
cleanup:
    built_free(&many, MANY_RUNS);
    built_free(&fat, FAT_RUNS);
    built_free(&huge, HUGE_RUNS);
    return st;
}

/* ---- the links dataset: more link cells than Excel keeps on a sheet ---- */

static quire_status run_links(const char *out, size_t n)
{
    quire_run *runs = calloc(n, sizeof *runs);
    quire_text *rich = calloc(n, sizeof *rich);
    char (*text)[24] = calloc(n, 24), (*url)[48] = calloc(n, 48);
    const char **plain = calloc(n, sizeof *plain);
    quire_status st = QUIRE_ERR_EXPORT;
    char err[256] = "";

    if (!runs || !rich || !text || !url || !plain)
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        snprintf(text[i], 24, "r%zu", i);
        snprintf(url[i], 48, "https://example.com/%zu", i);
        runs[i] = (quire_run){text[i], 0, QUIRE_TARGET_URL, url[i], 0};
        rich[i] = (quire_text){text[i], &runs[i], 1, 0};
        plain[i] = text[i];
    }
    quire_column col = {.id = "l", .label = "Link", .type = QUIRE_TEXT, .texts = plain,
                        .markup = 1, .rich = rich};
    quire_table tab = {.id = "links", .title = "Links", .columns = &col, .n_columns = 1,
                       .n_rows = n};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "links", .title = "Links",
                        .language = "en", .timestamp = -1, .tables = &tab, .n_tables = 1};
    quire_template tmpl = {.struct_size = sizeof tmpl};
    quire_job job = {sizeof job, &ds, &tmpl, out, out, &host, NULL};
    xlsx_options opt = xlsx_options_default();
    st = xlsx_export_opt(&job, &opt, err, sizeof err);
    if (st)
        fprintf(stderr, "export: %s\n", err);
cleanup:
    free(runs);
    free(rich);
    free(text);
    free(url);
    free(plain);
    return st;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: xlsx_harness basic|basic-en|long|cancel|edge|prose|links OUT.xlsx [...]\n");
        return 1;
    }
    const char *out = argv[2];
    if (strcmp(argv[1], "links") == 0 && argc == 4)
        return run_links(out, strtoull(argv[3], NULL, 10));
    if (strcmp(argv[1], "long") == 0 && argc == 5)
        return run_long(out, strtoull(argv[3], NULL, 10), strtoull(argv[4], NULL, 10));

    xlsx_options opt = xlsx_options_default();
    if (argc > 3)
        opt.rows_per_sheet = strtoull(argv[3], NULL, 10);
    if (argc > 4)
        opt.constant_memory_cells = strtoull(argv[4], NULL, 10);
    if (strcmp(argv[1], "cancel") == 0)
        cancel_after = 0;
    if (strcmp(argv[1], "edge") == 0)
        return (int)run_edge(out, &opt);
    if (strcmp(argv[1], "prose") == 0)
        return (int)run_prose(out, &opt);
    quire_dataset ds = basic_ds;
    if (strcmp(argv[1], "basic-en") == 0)
        ds.language = "en";
    quire_job job = {sizeof job, &ds, &basic_tmpl, out, out, &host, NULL};
    char err[256] = "";
    quire_status st = xlsx_export_opt(&job, &opt, err, sizeof err);
    if (st)
        fprintf(stderr, "export: %s\n", err);
    return (int)st;
}
