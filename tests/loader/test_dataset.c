/* test_dataset.c — a full dataset read into the view: every field, types,
 * nulls, decimals, dates, defaults, unit labels, aliases, BOM and CRLF. */
#include "loader_files.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *full =
    "quire: 1\n"
    "id: cloud-ai-briefing\n"
    "title: 클라우드 브리핑\n"
    "subtitle: 부제\n"
    "period: 2025-Q1\n"
    "date: 2025-04-15\n"
    "author: 권하영\n"
    "organization: 어느 연구소\n"
    "template: quarterly-brief\n"
    "summary:\n  - 첫 문단\n  - 둘째 문단\n"
    "figures:\n"
    "  - id: capex\n"
    "    label: 설비투자\n"
    "    value: 209.50\n"
    "    unit: USD bn\n"
    "    change: {value: 42, unit: \"%\", basis: YoY}\n"
    "    source: [s1, s2]\n"
    "    note: 메모\n"
    "  - id: bare\n"
    "    value: -3\n"
    "tables:\n"
    "  - id: share\n"
    "    source: s1\n"
    "    columns:\n"
    "      - {id: provider, label: 사업자, type: text}\n"
    "      - {id: q4, type: percent}\n"
    "      - {id: sales, type: currency, currency: KRW, scale: 1e8}\n"
    "      - {id: usd, type: currency, currency: USD, scale: 1e9, format: '#,##0.0'}\n"
    "      - {id: eur, type: currency, currency: EUR, scale: 1e8}\n"
    "      - {id: n, type: integer}\n"
    "      - {id: day, type: date}\n"
    "      - {id: x, type: number}\n"
    "    rows:\n"
    "      - [AWS, 31, 1.50, 2, 3, 9007199254740992, 1970-01-02, 1e3]\n"
    "      - [00417, 24.25, null, ~, Null, -4, NULL, 0.001]\n"
    "      - [\"quoted\", 11, 3, 4, 5, 0, 2000-03-01, -12.5e-1]\n"
    "sections:\n"
    "  - id: market\n"
    "    heading: 시장\n"
    "    body: 한 문단\n"
    "  - id: plain\n"
    "    body: [a, b, c]\n"
    "sources:\n"
    "  - {id: s1, title: 기사, publisher: 디지털데일리, author: 권하영, date: 2024-12-26,"
    " url: 'https://example.com/a'}\n"
    "  - {id: s2}\n"
    "params:\n"
    "  region: 부산\n"
    "  empty: null\n";

static quire_dataset *load_ok(const char *name, const char *text, size_t len)
{
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    load_status st = files_load(files_write(name, text, len), NULL, 0, &ds, &msgs);
    if (st != LOAD_OK)
        fprintf(stderr, "%s", msgs);
    assert_int_equal(st, LOAD_OK);
    assert_string_equal(msgs, "");
    free(msgs);
    return ds;
}

static void test_top_level(void **state)
{
    quire_dataset *ds = load_ok("full.yaml", full, 0);
    assert_int_equal(ds->struct_size, sizeof *ds);
    assert_string_equal(ds->id, "cloud-ai-briefing");
    assert_string_equal(ds->title, "클라우드 브리핑");
    assert_string_equal(ds->subtitle, "부제");
    assert_string_equal(ds->period, "2025-Q1");
    assert_string_equal(ds->date, "2025-04-15");
    assert_string_equal(ds->language, "ko");
    assert_string_equal(ds->author, "권하영");
    assert_string_equal(ds->organization, "어느 연구소");
    assert_string_equal(dataset_template_name(ds), "quarterly-brief");
    assert_int_equal(ds->timestamp, 1744675200);  /* 2025-04-15T00:00:00Z */
    assert_int_equal(ds->summary.count, 2);
    assert_string_equal(ds->summary.items[1], "둘째 문단");
    assert_int_equal(ds->n_params, 2);
    assert_string_equal(ds->params[0].key, "region");
    assert_string_equal(ds->params[0].value, "부산");
    assert_string_equal(ds->params[1].value, "");
    dataset_free(ds);
}

static void test_figures_sections_sources(void **state)
{
    quire_dataset *ds = load_ok("full.yaml", full, 0);
    assert_int_equal(ds->n_figures, 2);
    const quire_figure *f = &ds->figures[0];
    assert_string_equal(f->label, "설비투자");
    assert_true(f->value == 209.5);
    assert_int_equal(f->decimals, 2);
    assert_string_equal(f->unit, "USD bn");
    assert_true(f->has_change);
    assert_true(f->change_value == 42);
    assert_string_equal(f->change_unit, "%");
    assert_string_equal(f->change_basis, "YoY");
    assert_int_equal(f->sources.count, 2);
    assert_string_equal(f->sources.items[1], "s2");
    assert_string_equal(f->note, "메모");
    f = &ds->figures[1];
    assert_string_equal(f->label, "bare");  /* the id when no label */
    assert_false(f->has_change);
    assert_null(f->unit);
    assert_null(f->note);
    assert_int_equal(ds->n_sections, 2);
    assert_int_equal(ds->sections[0].paragraphs.count, 1);
    assert_string_equal(ds->sections[0].paragraphs.items[0], "한 문단");
    assert_string_equal(ds->sections[1].heading, "plain");
    assert_int_equal(ds->sections[1].paragraphs.count, 3);
    assert_int_equal(ds->n_sources, 2);
    assert_string_equal(ds->sources[0].publisher, "디지털데일리");
    assert_string_equal(ds->sources[0].date, "2024-12-26");
    assert_string_equal(ds->sources[0].url, "https://example.com/a");
    assert_string_equal(ds->sources[1].title, "s2");
    assert_null(ds->sources[1].url);
    assert_ptr_equal(quire_find_source(ds, "s2"), &ds->sources[1]);
    dataset_free(ds);
}

static void test_table_cells(void **state)
{
    quire_dataset *ds = load_ok("full.yaml", full, 0);
    assert_int_equal(ds->n_tables, 1);
    const quire_table *t = &ds->tables[0];
    assert_string_equal(t->title, "share");
    assert_null(t->description);
    assert_int_equal(t->sources.count, 1);
    assert_int_equal(t->n_columns, 8);
    assert_int_equal(t->n_rows, 3);
    const quire_column *c = t->columns;
    /* text keeps the scalar as written */
    assert_int_equal(c[0].type, QUIRE_TEXT);
    assert_string_equal(c[0].label, "사업자");
    assert_null(c[0].numbers);
    assert_string_equal(c[0].texts[1], "00417");
    assert_string_equal(c[0].texts[2], "quoted");
    /* numbers, decimals as written, nulls as NaN */
    assert_string_equal(c[1].label, "q4");
    assert_true(c[1].numbers[1] == 24.25);
    assert_int_equal(c[1].decimals[1], 2);
    assert_true(c[2].numbers[0] == 1.5);
    assert_int_equal(c[2].decimals[0], 2);
    assert_true(quire_cell_is_null(&c[2], 1));
    assert_true(quire_cell_is_null(&c[3], 1));
    assert_true(quire_cell_is_null(&c[4], 1));
    assert_true(isnan(c[4].numbers[1]));
    assert_null(c[2].texts);
    assert_true(c[5].numbers[0] == 9007199254740992.0);
    assert_true(c[5].numbers[1] == -4);
    assert_true(c[7].numbers[0] == 1000);
    assert_int_equal(c[7].decimals[0], 0);
    assert_int_equal(c[7].decimals[1], 3);
    assert_true(c[7].numbers[2] == -1.25);
    assert_int_equal(c[7].decimals[2], 2);
    /* dates: days since 1970-01-01 and the text */
    assert_int_equal(c[6].type, QUIRE_DATE);
    assert_true(c[6].numbers[0] == 1);
    assert_string_equal(c[6].texts[0], "1970-01-02");
    assert_true(c[6].numbers[2] == 11017);
    assert_true(quire_cell_is_null(&c[6], 1));
    /* units */
    assert_string_equal(c[1].unit_label, "%");
    assert_string_equal(c[2].unit_label, "억원");
    assert_string_equal(c[2].currency, "KRW");
    assert_true(c[2].scale == 1e8);
    assert_string_equal(c[3].unit_label, "십억달러");
    assert_string_equal(c[3].format, "#,##0.0");
    assert_string_equal(c[4].unit_label, "억유로");
    assert_null(c[5].unit_label);
    assert_null(c[0].format);
    assert_true(c[0].scale == 1);
    dataset_free(ds);
}

static void test_unit_labels_in_english(void **state)
{
    quire_dataset *ds = load_ok("en.yaml",
                                "quire: 1\nid: en\ntitle: T\nlanguage: en-US\ntables:\n"
                                "  - id: t\n    columns:\n"
                                "      - {id: a, type: currency, currency: KRW, scale: 1e8}\n"
                                "      - {id: b, type: currency, currency: USD}\n"
                                "      - {id: c, type: currency, currency: JPY, scale: 1e6}\n"
                                "      - {id: d, type: currency, currency: CNY, scale: 2500}\n"
                                "    rows: []\n",
                                0);
    const quire_column *c = ds->tables[0].columns;
    assert_string_equal(ds->language, "en-US");
    assert_string_equal(c[0].unit_label, "KRW 100m");
    assert_string_equal(c[1].unit_label, "USD");
    assert_string_equal(c[2].unit_label, "JPY m");
    assert_string_equal(c[3].unit_label, "CNY ×2500");
    assert_int_equal(ds->tables[0].n_rows, 0);
    assert_non_null(c[0].numbers);
    dataset_free(ds);
}

static void test_bom_crlf(void **state)
{
    const char text[] = "\xEF\xBB\xBFquire: 1\r\nid: bom\r\ntitle: \"BOM, CRLF\"\r\n"
                        "summary: |\r\n  two\r\n  lines\r\n";
    quire_dataset *ds = load_ok("bom.yaml", text, sizeof text - 1);
    assert_string_equal(ds->id, "bom");
    assert_string_equal(ds->title, "BOM, CRLF");
    assert_string_equal(ds->summary.items[0], "two\nlines\n");
    dataset_free(ds);
}

static void test_aliases(void **state)
{
    quire_dataset *ds = load_ok("alias.yaml",
                                "quire: 1\nid: alias\ntitle: &t Shared title\n"
                                "subtitle: *t\n"
                                "tables:\n"
                                "  - id: a\n    columns: &cols\n"
                                "      - {id: name, type: text}\n"
                                "      - {id: v, type: number}\n"
                                "    rows: &rows [[x, 1.5], [y, null]]\n"
                                "  - id: b\n    columns: *cols\n    rows: *rows\n",
                                0);
    assert_string_equal(ds->subtitle, "Shared title");
    assert_int_equal(ds->n_tables, 2);
    const quire_table *b = &ds->tables[1];
    assert_int_equal(b->n_columns, 2);
    assert_int_equal(b->n_rows, 2);
    assert_string_equal(b->columns[0].texts[1], "y");
    assert_true(b->columns[1].numbers[0] == 1.5);
    assert_true(quire_cell_is_null(&b->columns[1], 1));
    dataset_free(ds);
}

static void test_timestamp(void **state)
{
    const char *plain = "quire: 1\nid: nodate\ntitle: T\n";
    unsetenv("SOURCE_DATE_EPOCH");
    quire_dataset *ds = load_ok("nodate.yaml", plain, 0);
    assert_int_equal(ds->timestamp, -1);
    assert_null(ds->date);
    dataset_free(ds);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    ds = load_ok("nodate.yaml", plain, 0);
    assert_int_equal(ds->timestamp, 1700000000);
    dataset_free(ds);
    /* date wins over SOURCE_DATE_EPOCH */
    ds = load_ok("date.yaml", "quire: 1\nid: d\ntitle: T\ndate: 1970-01-02\n", 0);
    assert_int_equal(ds->timestamp, 86400);
    dataset_free(ds);
    /* The last second of year 9999 is the last one PDF and XLSX can show;
     * after it, and for anything but whole seconds, the dataset is invalid. */
    setenv("SOURCE_DATE_EPOCH", "253402300799", 1);
    ds = load_ok("nodate.yaml", plain, 0);
    assert_int_equal(ds->timestamp, INT64_C(253402300799));
    dataset_free(ds);
    static const char *const bad[] = {"not a number", "253402300800", "-1", "1.5", " 1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setenv("SOURCE_DATE_EPOCH", bad[i], 1);
        char *msgs = NULL;
        ds = (quire_dataset *)1;
        assert_int_equal(files_load(files_write("nodate.yaml", plain, 0), NULL, 0, &ds, &msgs),
                         LOAD_INVALID);
        assert_null(ds);
        assert_non_null(strstr(msgs, "nodate.yaml: error: SOURCE_DATE_EPOCH='"));
        assert_non_null(strstr(msgs, "' is not a time quire can write"));
        free(msgs);
    }
    /* Empty is unset. */
    setenv("SOURCE_DATE_EPOCH", "", 1);
    ds = load_ok("nodate.yaml", plain, 0);
    assert_int_equal(ds->timestamp, -1);
    dataset_free(ds);
    unsetenv("SOURCE_DATE_EPOCH");
}

static void test_missing_file(void **state)
{
    quire_dataset *ds = (quire_dataset *)1;
    char *msgs = NULL;
    assert_int_equal(files_load("no-such-dir/x.yaml", NULL, 0, &ds, &msgs), LOAD_INVALID);
    assert_null(ds);
    assert_string_equal(msgs, "no-such-dir/x.yaml: error: cannot open: No such file or directory\n");
    free(msgs);
    assert_int_equal(files_load(files_dir(), NULL, 0, &ds, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, "cannot open: Is a directory"));
    free(msgs);
}

static void test_error_cap(void **state)
{
    /* 150 bad cells: the first 100 are reported, then the loader stops */
    char text[8192] = "quire: 1\nid: cap\ntitle: T\ntables:\n  - id: t\n"
                      "    columns: [{id: n, type: number}]\n    rows:\n";
    for (int i = 0; i < 150; i++)
        strcat(text, "      - [x]\n");
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    assert_int_equal(files_load(files_write("cap.yaml", text, 0), NULL, 0, &ds, &msgs),
                     LOAD_INVALID);
    size_t lines = 0;
    for (const char *p = msgs; (p = strchr(p, '\n')); p++)
        lines++;
    assert_int_equal(lines, 101);
    assert_non_null(strstr(msgs, "cap.yaml: error: too many errors; stopping here\n"));
    free(msgs);
}

static int teardown(void **state)
{
    files_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_top_level),
        cmocka_unit_test(test_figures_sections_sources),
        cmocka_unit_test(test_table_cells),
        cmocka_unit_test(test_unit_labels_in_english),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_timestamp),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_error_cap),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
