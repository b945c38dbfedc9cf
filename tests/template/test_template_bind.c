/* test_template_bind.c — binding templates to datasets: the default
 * template on any dataset, `all` expansion, chart defaults and checks, and
 * every bind error at the template's file:line:col. */
#include "tpl_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V1 "quire-template: 1\n"

static char *read_default(void)
{
    FILE *f = fopen(TEMPLATE_DIR "/default.yaml", "rb");
    assert_non_null(f);
    char *text = calloc(1, 65536);
    assert_non_null(text);
    fread(text, 1, 65535, f);
    fclose(f);
    return text;
}

static quire_template *bind_ok(const char *text, const quire_dataset *ds, template_src **src)
{
    char *msgs;
    quire_template *q = tpl_bind(text, ds, src, &msgs);
    assert_string_equal(msgs, "");
    free(msgs);
    assert_non_null(q);
    return q;
}

static void done(quire_template *q, template_src *src)
{
    template_free(q);
    template_src_free(src);
}

static void assert_y(const quire_chart *c, size_t n, const size_t *expected)
{
    assert_int_equal(c->n_y, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(c->y[i], expected[i]);
}

/* The generic layout on the full sample: every kind expanded in order. */
static void default_on_sample(void **state)
{
    const quire_dataset *ds = tpl_sample();
    char *text = read_default();
    template_src *src;
    quire_template *q = bind_ok(text, ds, &src);
    static const quire_block_kind kinds[] = {
        QUIRE_BLOCK_COVER, QUIRE_BLOCK_CONTENTS, QUIRE_BLOCK_FIGURES, QUIRE_BLOCK_SUMMARY,
        QUIRE_BLOCK_SECTION, QUIRE_BLOCK_SECTION,
        QUIRE_BLOCK_CHART, QUIRE_BLOCK_TABLE,     /* cloud-share */
        QUIRE_BLOCK_CHART, QUIRE_BLOCK_TABLE,     /* capex */
        QUIRE_BLOCK_TABLE,                        /* counts: no text column, no chart */
        QUIRE_BLOCK_CHART, QUIRE_BLOCK_TABLE,     /* wide */
        QUIRE_BLOCK_SOURCES};
    assert_int_equal(q->n_blocks, sizeof kinds / sizeof kinds[0]);
    for (size_t i = 0; i < q->n_blocks; i++)
        assert_int_equal(q->blocks[i].kind, kinds[i]);
    assert_string_equal(q->name, "default");
    assert_string_equal(q->header, "{title}");
    assert_string_equal(q->footer, "{period} · {page} / {pages}");
    assert_int_equal(q->formats.count, 2);
    assert_int_equal(q->blocks[2].n_figures, 2);
    assert_ptr_equal(q->blocks[2].figures[1], &ds->figures[1]);
    assert_ptr_equal(q->blocks[4].section, &ds->sections[0]);
    assert_ptr_equal(q->blocks[5].section, &ds->sections[1]);

    const quire_chart *share = &q->blocks[6].chart;
    assert_ptr_equal(share->table, &ds->tables[0]);
    assert_int_equal(share->type, QUIRE_CHART_BAR);
    assert_int_equal(share->x, 0);
    assert_y(share, 2, (const size_t[]){1, 2});
    assert_string_equal(share->title, "Cloud share");
    assert_int_equal(share->stacked | share->horizontal | share->donut | share->value_labels, 0);
    assert_ptr_equal(q->blocks[7].table, &ds->tables[0]);

    /* capex: the date column is neither x nor y, and the plain number
     * (growth) stays off an axis measured in USD. */
    assert_int_equal(q->blocks[8].chart.x, 0);
    assert_y(&q->blocks[8].chart, 1, (const size_t[]){2});
    assert_ptr_equal(q->blocks[10].table, &ds->tables[2]);
    /* wide: at most six series. */
    assert_y(&q->blocks[11].chart, 6, (const size_t[]){1, 2, 3, 4, 5, 6});
    done(q, src);
    free(text);
}

/* The generic layout binds to a dataset with only quire, id and title. */
static void default_on_minimal(void **state)
{
    char *text = read_default();
    template_src *src;
    quire_template *q = bind_ok(text, tpl_minimal(), &src);
    static const quire_block_kind kinds[] = {QUIRE_BLOCK_COVER, QUIRE_BLOCK_CONTENTS,
                                             QUIRE_BLOCK_FIGURES, QUIRE_BLOCK_SUMMARY,
                                             QUIRE_BLOCK_SOURCES};
    assert_int_equal(q->n_blocks, 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(q->blocks[i].kind, kinds[i]);
    assert_int_equal(q->blocks[2].n_figures, 0);
    done(q, src);
    free(text);
}

/* One template source binds to several datasets. */
static void one_source_many_datasets(void **state)
{
    char *text = read_default();
    template_src *src;
    quire_template *q = bind_ok(text, tpl_sample(), &src);
    diag d;
    diag_init(&d, stderr);
    quire_template *q2 = template_bind(src, tpl_minimal(), &d);
    assert_non_null(q2);
    assert_int_equal(q2->n_blocks, 5);
    assert_int_equal(q->n_blocks, 14);
    template_free(q2);
    done(q, src);
    free(text);
}

static void named_blocks(void **state)
{
    const quire_dataset *ds = tpl_sample();
    template_src *src;
    quire_template *q = bind_ok(V1 "body:\n"
                                "  - heading: 핵심 지표\n"
                                "  - figures: [gpu-share, bigtech-capex]\n"
                                "  - section: outlook\n"
                                "  - table: capex\n"
                                "  - table: {table: cloud-share}\n"
                                "  - page_break\n",
                                ds, &src);
    assert_int_equal(q->n_blocks, 6);
    assert_string_equal(q->blocks[0].text, "핵심 지표");
    assert_int_equal(q->blocks[1].n_figures, 2);
    assert_ptr_equal(q->blocks[1].figures[0], &ds->figures[1]);
    assert_ptr_equal(q->blocks[1].figures[1], &ds->figures[0]);
    assert_ptr_equal(q->blocks[2].section, &ds->sections[1]);
    assert_ptr_equal(q->blocks[3].table, &ds->tables[1]);
    assert_ptr_equal(q->blocks[4].table, &ds->tables[0]);
    assert_int_equal(q->blocks[5].kind, QUIRE_BLOCK_PAGE_BREAK);
    done(q, src);
}

static void chart_given(void **state)
{
    const quire_dataset *ds = tpl_sample();
    template_src *src;
    quire_template *q = bind_ok(V1 "body:\n"
                                "  - chart: {table: cloud-share, type: bar, x: provider,\n"
                                "            y: [q1_2024, q4_2023], title: 점유율,\n"
                                "            value_labels: true, stacked: true, horizontal: true}\n"
                                "  - chart: {table: capex, type: pie, y: capex, donut: true}\n"
                                "  - chart: {table: capex, type: line, x: year, y: growth}\n",
                                ds, &src);
    assert_int_equal(q->n_blocks, 3);
    const quire_chart *a = &q->blocks[0].chart, *b = &q->blocks[1].chart,
                      *c = &q->blocks[2].chart;
    assert_int_equal(a->type, QUIRE_CHART_BAR);
    assert_int_equal(a->x, 0);
    assert_y(a, 2, (const size_t[]){2, 1});
    assert_string_equal(a->title, "점유율");
    assert_int_equal(a->value_labels, 1);
    assert_int_equal(a->stacked, 1);
    assert_int_equal(a->horizontal, 1);
    assert_int_equal(a->donut, 0);
    assert_int_equal(b->type, QUIRE_CHART_PIE);
    assert_int_equal(b->x, 0);
    assert_y(b, 1, (const size_t[]){2});
    assert_int_equal(b->donut, 1);
    assert_string_equal(b->title, "Capex");
    assert_int_equal(c->type, QUIRE_CHART_LINE);
    assert_int_equal(c->x, 1);
    assert_y(c, 1, (const size_t[]){3});
    done(q, src);
}

/* A pie over a table with one numeric column takes it by default. */
static void pie_default_y(void **state)
{
    static const quire_column cols[] = {
        {.id = "k", .label = "k", .type = QUIRE_TEXT},
        {.id = "v", .label = "v", .type = QUIRE_NUMBER},
    };
    static const quire_table tab = {.id = "t", .title = "T", .columns = cols, .n_columns = 2};
    static const quire_dataset ds = {.struct_size = sizeof ds, .id = "d", .title = "D",
                                     .tables = &tab, .n_tables = 1};
    template_src *src;
    quire_template *q = bind_ok(V1 "body:\n  - chart: {table: t, type: pie}\n", &ds, &src);
    assert_int_equal(q->blocks[0].chart.x, 0);
    assert_y(&q->blocks[0].chart, 1, (const size_t[]){1});
    done(q, src);
}

/* ---- errors, at the template's file:line:col ---- */

static void unknown_ids(void **state)
{
    tpl_expect_bind_error(
        V1 "body:\n"
           "  - figures: [gpu-share, gpu-shares]\n"
           "  - section: markt\n"
           "  - table: cloud-shar\n"
           "  - chart: {table: nothing-like-it}\n",
        tpl_sample(),
        "t.yaml:3:26: error: no figure 'gpu-shares' in sample.yaml; did you mean 'gpu-share'?\n"
        "t.yaml:4:14: error: no section 'markt' in sample.yaml; did you mean 'market'?\n"
        "t.yaml:5:12: error: no table 'cloud-shar' in sample.yaml; did you mean 'cloud-share'?\n"
        "t.yaml:6:20: error: no table 'nothing-like-it' in sample.yaml\n");
}

static void ids_on_empty_dataset(void **state)
{
    tpl_expect_bind_error(V1 "body: [{section: market}]\n", tpl_minimal(),
                          "t.yaml:2:18: error: no section 'market' in minimal.yaml\n");
}

static void unknown_columns(void **state)
{
    tpl_expect_bind_error(
        V1 "body:\n  - chart: {table: cloud-share, x: providr, y: [q4_2023, q1_2025]}\n",
        tpl_sample(),
        "t.yaml:3:36: error: no column 'providr' in table 'cloud-share'; did you mean "
        "'provider'?\n"
        "t.yaml:3:58: error: no column 'q1_2025' in table 'cloud-share'; did you mean "
        "'q1_2024'?\n");
}

static void column_types(void **state)
{
    tpl_expect_bind_error(
        V1 "body:\n"
           "  - chart: {table: capex, x: capex, y: company}\n"
           "  - chart: {table: capex, type: pie, x: year, y: capex}\n"
           "  - chart: {table: capex, type: line, y: year}\n",
        tpl_sample(),
        "t.yaml:3:30: error: chart x column 'capex' is currency; x takes a text or date "
        "column\n"
        "t.yaml:3:40: error: chart y column 'company' is text; y takes numeric columns "
        "(number, integer, percent, currency)\n"
        "t.yaml:4:41: error: chart x column 'year' is date; x takes a text column\n"
        "t.yaml:5:42: error: chart y column 'year' is date; y takes numeric columns "
        "(number, integer, percent, currency)\n");
}

static void chart_defaults_impossible(void **state)
{
    tpl_expect_bind_error(
        V1 "body:\n"
           "  - chart: {table: counts}\n"
           "  - chart: {table: cloud-share, type: pie}\n",
        tpl_sample(),
        "t.yaml:3:5: error: table 'counts' has no text or date column for the chart's "
        "categories\n"
        "t.yaml:4:5: error: a pie chart takes one y column and table 'cloud-share' has 2 "
        "numeric columns; choose one with 'y:'\n");
}

static void no_numeric_column(void **state)
{
    static const quire_column cols[] = {{.id = "k", .label = "k", .type = QUIRE_TEXT}};
    static const quire_table tab = {.id = "names", .title = "N", .columns = cols,
                                    .n_columns = 1};
    static const quire_dataset ds = {.struct_size = sizeof ds, .path = "n.yaml", .id = "n",
                                     .title = "N", .tables = &tab, .n_tables = 1};
    tpl_expect_bind_error(V1 "body:\n  - chart: {table: names}\n", &ds,
                          "t.yaml:3:5: error: table 'names' has no numeric column to chart\n");
    /* `tables: all` simply shows such a table without a chart. */
    template_src *src;
    quire_template *q = bind_ok(V1 "body: [{tables: all}]\n", &ds, &src);
    assert_int_equal(q->n_blocks, 1);
    assert_int_equal(q->blocks[0].kind, QUIRE_BLOCK_TABLE);
    done(q, src);
}

/* `tables: all` draws no chart for a table without rows. */
static void empty_table_no_chart(void **state)
{
    static const quire_column cols[] = {
        {.id = "k", .label = "k", .type = QUIRE_TEXT},
        {.id = "v", .label = "v", .type = QUIRE_NUMBER},
    };
    static const quire_table tab = {.id = "t", .title = "T", .columns = cols, .n_columns = 2};
    static const quire_dataset ds = {.struct_size = sizeof ds, .id = "d", .title = "D",
                                     .tables = &tab, .n_tables = 1};
    template_src *src;
    quire_template *q = bind_ok(V1 "body: [{tables: all}]\n", &ds, &src);
    assert_int_equal(q->n_blocks, 1);
    assert_int_equal(q->blocks[0].kind, QUIRE_BLOCK_TABLE);
    done(q, src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_on_sample),
        cmocka_unit_test(default_on_minimal),
        cmocka_unit_test(one_source_many_datasets),
        cmocka_unit_test(named_blocks),
        cmocka_unit_test(chart_given),
        cmocka_unit_test(pie_default_y),
        cmocka_unit_test(unknown_ids),
        cmocka_unit_test(ids_on_empty_dataset),
        cmocka_unit_test(unknown_columns),
        cmocka_unit_test(column_types),
        cmocka_unit_test(chart_defaults_impossible),
        cmocka_unit_test(no_numeric_column),
        cmocka_unit_test(empty_table_no_chart),
    };
    return cmocka_run_group_tests(tests, tpl_setup, tpl_teardown);
}
