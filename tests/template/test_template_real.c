/* test_template_real.c — the shipped default template bound to datasets
 * read by the real dataset loader: the smallest valid one and the
 * flagship briefing. */
#include "dataset.h"
#include "tpl_test.h"

#include <stdio.h>
#include <stdlib.h>

static quire_dataset *load(const char *path)
{
    diag d;
    diag_init(&d, stderr);
    quire_dataset *ds = NULL;
    assert_int_equal(dataset_load(path, NULL, 0, 0, &d, &ds), LOAD_OK);
    assert_non_null(ds);
    return ds;
}

static quire_template *bind_default(const quire_dataset *ds, template_src **src)
{
    diag d;
    diag_init(&d, stderr);
    *src = template_parse(TEMPLATE_DIR "/default.yaml", &d);
    assert_non_null(*src);
    quire_template *q = template_bind(*src, ds, &d);
    assert_non_null(q);
    assert_int_equal(d.errors, 0);
    return q;
}

/* quire, id and title are all a dataset needs; the default still binds. */
static void default_on_smallest_dataset(void **state)
{
    tpl_write("side.yaml", "quire: 1\nid: tiny\ntitle: Tiny\n");
    quire_dataset *ds = load("side.yaml");
    template_src *src;
    quire_template *q = bind_default(ds, &src);
    static const quire_block_kind kinds[] = {QUIRE_BLOCK_COVER, QUIRE_BLOCK_CONTENTS,
                                             QUIRE_BLOCK_FIGURES, QUIRE_BLOCK_SUMMARY,
                                             QUIRE_BLOCK_SOURCES};
    assert_int_equal(q->n_blocks, 5);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(q->blocks[i].kind, kinds[i]);
    template_free(q);
    template_src_free(src);
    dataset_free(ds);
}

/* Every table and section of the briefing appears, in dataset order. */
static void default_on_briefing(void **state)
{
    quire_dataset *ds = load(DATA_DIR "/cloud-ai-briefing.yaml");
    template_src *src;
    quire_template *q = bind_default(ds, &src);
    size_t tables = 0, sections = 0, charts = 0;
    for (size_t i = 0; i < q->n_blocks; i++) {
        const quire_block *b = &q->blocks[i];
        if (b->kind == QUIRE_BLOCK_TABLE)
            assert_ptr_equal(b->table, &ds->tables[tables++]);
        if (b->kind == QUIRE_BLOCK_SECTION)
            assert_ptr_equal(b->section, &ds->sections[sections++]);
        if (b->kind == QUIRE_BLOCK_CHART) {
            charts++;
            /* The chart comes right before its table. */
            assert_true(i + 1 < q->n_blocks);
            assert_ptr_equal(b->chart.table, q->blocks[i + 1].table);
            assert_int_equal(b->chart.table->columns[b->chart.x].type, QUIRE_TEXT);
            assert_true(b->chart.n_y >= 1 && b->chart.n_y <= 6);
        }
    }
    assert_int_equal(tables, ds->n_tables);
    assert_int_equal(sections, ds->n_sections);
    assert_true(charts >= 1);
    assert_int_equal(q->blocks[2].n_figures, ds->n_figures);
    template_free(q);
    template_src_free(src);
    dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_on_smallest_dataset),
        cmocka_unit_test(default_on_briefing),
    };
    return cmocka_run_group_tests(tests, tpl_setup, tpl_teardown);
}
