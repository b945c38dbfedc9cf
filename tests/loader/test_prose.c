/* test_prose.c — what ABI 2 adds to the view: prose as runs (paragraphs and
 * lists), footnotes numbered by first reference, internal links resolved,
 * images checked and measured, markup cells, languages inferred, days. */
#include "loader_files.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* A 3×2 red PNG (RGB, one IDAT), made with Python's zlib and struct. */
static const unsigned char png_3x2[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12,
    0x16, 0xf1, 0x4d, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xcf, 0xc0, 0x00, 0x41, 0x0c, 0x70, 0x16, 0x00, 0x41, 0xd2, 0x05, 0xfb, 0x87, 0xf0, 0xb9,
    0x48, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static const char *run_text(const quire_text *t, size_t i)
{
    return quire_run_at(t, i)->text;
}

static void test_prose_runs(void **state)
{
    const char *p = files_write("prose.yaml",
        "quire: 1\nid: p\ntitle: Prose\n"
        "summary:\n"
        "  - 'Cloud **grew** by [half](https://example.com/a).[^n2]'\n"
        "  - [first *item*, 'second, see [the table](#share)[^n1]']\n"
        "tables:\n"
        "  - id: share\n    columns: [{id: who, type: text, markup: true}]\n"
        "    rows: [['**AWS**'], [null]]\n"
        "footnotes:\n"
        "  - {id: n1, text: 'One.'}\n"
        "  - {id: n2, text: 'Two, *slanted*.'}\n"
        "  - {id: n3, text: 'Never cited.'}\n"
        "sources: [{id: s, title: S, url: 'mailto:desk@example.com', date: 2025-01-31}]\n", 0);
    quire_dataset *ds;
    char *msgs;
    assert_int_equal(files_load(p, NULL, 0, &ds, &msgs), LOAD_OK);
    /* n3 is cited nowhere in the file: binding a template warns (it may cite it) */
    assert_null(strstr(msgs, "never referenced"));
    free(msgs);
    assert_string_equal(ds->language, "en");
    assert_int_equal(ds->summary_text.n_paras, 2);
    const quire_para *para = quire_para_at(&ds->summary_text, 0);
    assert_int_equal(para->kind, QUIRE_PARA_TEXT);
    assert_string_equal(para->text.plain, "Cloud grew by half.");
    assert_string_equal(ds->summary.items[0], "Cloud grew by half.");
    assert_string_equal(run_text(&para->text, 1), "grew");
    assert_int_equal(quire_run_at(&para->text, 1)->flags, QUIRE_RUN_STRONG);
    const quire_run *link = quire_run_at(&para->text, 3);
    assert_int_equal(link->target, QUIRE_TARGET_URL);
    assert_string_equal(link->link, "https://example.com/a");
    const quire_run *ref = quire_run_at(&para->text, para->text.n_runs - 1);
    assert_int_equal(ref->footnote, 1);   /* n2 is referenced first */
    const quire_para *list = quire_para_at(&ds->summary_text, 1);
    assert_int_equal(list->kind, QUIRE_PARA_LIST);
    assert_int_equal(list->n_items, 2);
    assert_string_equal(list->text.plain, "first item\nsecond, see the table");
    const quire_text *second = quire_item_at(list, 1);
    int saw_table = 0, saw_note = 0;
    for (size_t i = 0; i < second->n_runs; i++) {
        saw_table |= quire_run_at(second, i)->target == QUIRE_TARGET_TABLE;
        saw_note |= quire_run_at(second, i)->footnote == 2;
    }
    assert_true(saw_table && saw_note);
    assert_int_equal(quire_footnote_at(ds, 0)->number, 2);
    assert_int_equal(quire_footnote_at(ds, 1)->number, 1);
    assert_int_equal(quire_footnote_at(ds, 2)->number, 0);
    assert_string_equal(quire_find_footnote(ds, 1)->id, "n2");
    const quire_column *c = quire_column_at(quire_table_at(ds, 0), 0);
    assert_true(c->markup);
    assert_string_equal(c->texts[0], "AWS");
    assert_int_equal(c->rich[0].runs[0].flags, QUIRE_RUN_STRONG);
    assert_null(c->texts[1]);
    assert_int_equal(quire_source_at(ds, 0)->day, 20119);   /* 2025-01-31 */
    assert_int_equal(ds->day, QUIRE_NO_DAY);
    dataset_free(ds);
}

static void test_images(void **state)
{
    files_write("map.png", (const char *)png_3x2, sizeof png_3x2);
    files_write("broken.png", (const char *)png_3x2, 40);
    files_write("text.png", "not an image at all", 0);
    const char *p = files_write("img.yaml",
        "quire: 1\nid: i\ntitle: 지도\n"
        "images:\n"
        "  - {id: map, file: map.png, alt: 'A map', caption: 'The *map*', source: s}\n"
        "sources: [{id: s, title: S}]\n", 0);
    quire_dataset *ds;
    char *msgs;
    assert_int_equal(files_load(p, NULL, 0, &ds, &msgs), LOAD_OK);
    free(msgs);
    assert_string_equal(ds->language, "ko");   /* Hangul in the title */
    assert_int_equal(ds->n_images, 1);
    const quire_image *img = quire_image_at(ds, 0);
    assert_int_equal(img->format, QUIRE_IMAGE_PNG);
    assert_int_equal(img->width_px, 3);
    assert_int_equal(img->height_px, 2);
    assert_true(img->path[0] == '/');
    assert_non_null(strstr(img->path, "/map.png"));
    assert_string_equal(img->caption.plain, "The map");
    assert_int_equal(img->at.line, 5);
    dataset_free(ds);

    p = files_write("bad-img.yaml",
        "quire: 1\nid: i\ntitle: T\n"
        "images:\n"
        "  - {id: a, file: broken.png}\n"
        "  - {id: b, file: text.png}\n"
        "  - {id: c, file: missing.png}\n"
        "  - {id: d, file: ../outside.png}\n"
        "  - {id: e, file: map.png, alt: x, decorative: true}\n", 0);
    assert_int_equal(files_load(p, NULL, 0, &ds, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, ":5:19: error: image 'broken.png': not a valid PNG image"));
    assert_non_null(strstr(msgs, ":6:19: error: image 'text.png': not a PNG or JPEG image"));
    assert_non_null(strstr(msgs, ":7:19: error: image 'missing.png':"));
    assert_non_null(strstr(msgs, ":8:19: error: image '../outside.png':"));
    assert_non_null(strstr(msgs, "has 'alt' and 'decorative: true'"));
    free(msgs);
}

static void test_prose_errors(void **state)
{
    const char *p = files_write("bad-prose.yaml",
        "quire: 1\nid: b\ntitle: T\n"
        "summary: 'an **unclosed one'\n"
        "figures:\n"
        "  - {id: f, value: 1, note: 'see [x](#nowhere)'}\n"
        "sections:\n"
        "  - {id: s, body: ['cited[^nope]', [ok, 'bad [link](ftp://x)']]}\n"
        "sources: [{id: s, title: S, url: 'www.example.com'}]\n"
        "language: ko_KR\n", 0);
    quire_dataset *ds;
    char *msgs;
    assert_int_equal(files_load(p, NULL, 0, &ds, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, "bad-prose.yaml:4:14: error: unclosed '**'"));
    assert_null(strstr(msgs, "'#nowhere'"));  /* a chart's, maybe: the template says */
    assert_non_null(strstr(msgs, "bad-prose.yaml:8:20: error: unknown footnote 'nope'"));
    assert_non_null(strstr(msgs, "bad-prose.yaml:8:53: error: link target"));
    assert_non_null(strstr(msgs, "bad-prose.yaml:9:34: error: 'url' expects an absolute http"));
    assert_non_null(strstr(msgs, "bad-prose.yaml:10:11: error: 'language' expects a BCP 47"));
    free(msgs);
}

/* An id the dataset does not have is left to the template's charts, with
 * the link's position for the error when no chart has it. */
static void test_link_to_chart(void **state)
{
    const char *p = files_write("chart-link.yaml",
        "quire: 1\nid: b\ntitle: T\n"
        "figures:\n"
        "  - {id: f, value: 1, note: 'see [x](#nowhere) and [y](#f)'}\n", 0);
    quire_dataset *ds;
    char *msgs;
    assert_int_equal(files_load(p, NULL, 0, &ds, &msgs), LOAD_OK);
    const char *id;
    long line, col;
    assert_true(dataset_chart_link(ds, 0, &id, &line, &col));
    assert_string_equal(id, "nowhere");
    assert_int_equal(line, 5);
    assert_int_equal(col, 29);
    assert_false(dataset_chart_link(ds, 1, &id, &line, &col));
    const quire_text *note = &quire_figure_at(ds, 0)->note_text;
    int chart = 0, figure = 0;
    for (size_t i = 0; i < note->n_runs; i++) {
        chart += quire_run_at(note, i)->target == QUIRE_TARGET_CHART;
        figure += quire_run_at(note, i)->target == QUIRE_TARGET_FIGURE;
    }
    assert_int_equal(chart, 1);
    assert_int_equal(figure, 1);
    dataset_free(ds);
    free(msgs);
}

static int cleanup(void **state)
{
    files_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prose_runs),
        cmocka_unit_test(test_images),
        cmocka_unit_test(test_prose_errors),
        cmocka_unit_test(test_link_to_chart),
    };
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
