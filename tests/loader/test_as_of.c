/* test_as_of.c — the keys of issue 19 in the view: as_of on the dataset,
 * figures and tables (written, spanned days, inherited), a source's
 * date_inferred and month date, a table's sheet name; and their errors. */
#include "loader_files.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Days since 1970-01-01 of a few dates, computed by hand. */
#define DAY_2025_04_01 20179
#define DAY_2025_06_30 20269
#define DAY_2025_03_01 20148
#define DAY_2025_03_31 20178
#define DAY_2024_12_31 20088
#define DAY_2024_03_01 19783

static const char *dataset =
    "quire: 1\nid: asof\ntitle: T\nas_of: 2025-Q2\n"
    "figures:\n"
    "  - {id: own, value: 1, as_of: 2025-03}\n"
    "  - {id: inherits, value: 2}\n"
    "tables:\n"
    "  - {id: dated, as_of: 2024-12-31, sheet: Short name, columns: [{id: a, type: text}],"
    " rows: []}\n"
    "  - {id: undated, columns: [{id: a, type: text}], rows: []}\n"
    "sources:\n"
    "  - {id: s, date: 2024-03, date_inferred: true}\n"
    "  - {id: t, date: 2024-03-05}\n";

static quire_dataset *load(const char *text, char **msgs, load_status *st)
{
    quire_dataset *ds = NULL;
    *st = files_load(files_write("d.yaml", text, 0), NULL, 0, &ds, msgs);
    return ds;
}

static void test_as_of_view(void **state)
{
    char *msgs;
    load_status st;
    quire_dataset *ds = load(dataset, &msgs, &st);
    assert_int_equal(st, LOAD_OK);
    assert_string_equal(msgs, "");
    assert_string_equal(ds->as_of.text, "2025-Q2");
    assert_int_equal(ds->as_of.first, DAY_2025_04_01);
    assert_int_equal(ds->as_of.last, DAY_2025_06_30);
    assert_int_equal(ds->as_of.inherited, 0);

    const quire_figure *own = quire_figure_at(ds, 0), *inh = quire_figure_at(ds, 1);
    assert_string_equal(own->as_of.text, "2025-03");
    assert_int_equal(own->as_of.first, DAY_2025_03_01);
    assert_int_equal(own->as_of.last, DAY_2025_03_31);
    assert_int_equal(own->as_of.inherited, 0);
    assert_string_equal(inh->as_of.text, "2025-Q2");
    assert_int_equal(inh->as_of.inherited, 1);

    const quire_table *dated = quire_table_at(ds, 0), *undated = quire_table_at(ds, 1);
    assert_string_equal(dated->as_of.text, "2024-12-31");
    assert_int_equal(dated->as_of.first, DAY_2024_12_31);
    assert_int_equal(dated->as_of.last, DAY_2024_12_31);
    assert_string_equal(dated->sheet, "Short name");
    assert_string_equal(undated->as_of.text, "2025-Q2");
    assert_int_equal(undated->as_of.inherited, 1);
    assert_null(undated->sheet);

    const quire_source *s = quire_source_at(ds, 0), *t = quire_source_at(ds, 1);
    assert_string_equal(s->date, "2024-03");
    assert_int_equal(s->day, DAY_2024_03_01);
    assert_int_equal(s->date_inferred, 1);
    assert_int_equal(t->date_inferred, 0);
    free(msgs);
    dataset_free(ds);
}

static void test_no_as_of(void **state)
{
    char *msgs;
    load_status st;
    quire_dataset *ds = load("quire: 1\nid: x\ntitle: T\nfigures: [{id: f, value: 1}]\n",
                             &msgs, &st);
    assert_int_equal(st, LOAD_OK);
    assert_null(ds->as_of.text);
    assert_int_equal(ds->as_of.first, QUIRE_NO_DAY);
    assert_null(quire_figure_at(ds, 0)->as_of.text);
    assert_int_equal(quire_figure_at(ds, 0)->as_of.last, QUIRE_NO_DAY);
    assert_int_equal(quire_figure_at(ds, 0)->as_of.inherited, 0);
    free(msgs);
    dataset_free(ds);
}

#define ONE_COLUMN "columns: [{id: a, type: text}], rows: []"

/* Each bad value is reported at its own position, once. */
static void test_errors(void **state)
{
    static const struct { const char *yaml, *message; } cases[] = {
        {"as_of: 2025-Q0\n", "3:8: error: 'as_of' expects a date YYYY-MM-DD, a month "
                             "YYYY-MM or a quarter YYYY-Qn, got \"2025-Q0\""},
        {"as_of: 2025-13\n", "got \"2025-13\""},
        {"as_of: 2025-02-30\n", "got \"2025-02-30\""},
        {"as_of: Q2 2025\n", "got \"Q2 2025\""},
        {"sources: [{id: s, date: 2024-Q1}]\n",
         "'date' expects a calendar date YYYY-MM-DD or a month YYYY-MM, got \"2024-Q1\""},
        {"sources: [{id: s, date_inferred: true}]\n",
         "3:34: error: 'date_inferred' marks a 'date', and source 's' has none"},
        {"sources: [{id: s, date_inferred: yes}]\n", "'date_inferred' expects true or false"},
        {"tables: [{id: t, sheet: 'abcdefghijabcdefghijabcdefghij12', " ONE_COLUMN "}]\n",
         "is longer than Excel's 31 characters"},
        {"tables: [{id: t, sheet: \"'quoted\", " ONE_COLUMN "}]\n", "begins or ends with an apostrophe"},
        {"tables: [{id: t, sheet: 'a/b', " ONE_COLUMN "}]\n", "does not allow in a sheet name"},
        {"tables: [{id: t, sheet: history, " ONE_COLUMN "}]\n", "is reserved by Excel"},
        {"tables: [{id: t, sheet: '', " ONE_COLUMN "}]\n", "must not be empty"},
        {"tables:\n  - {id: t, sheet: Same, columns: [{id: a, type: text}], rows: []}\n"
         "  - {id: u, sheet: sAME, columns: [{id: a, type: text}], rows: []}\n",
         "5:20: error: 'sheet' \"sAME\" is already the sheet of another table (line 4, "
         "column 20)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[400], *msgs;
        load_status st;
        snprintf(text, sizeof text, "quire: 1\nid: x\n%stitle: T\n", cases[i].yaml);
        /* title after the case, so that line numbers in messages start at 3 */
        quire_dataset *ds = load(text, &msgs, &st);
        if (!strstr(msgs, cases[i].message))
            fail_msg("case %zu: %s\nwant: %s", i, msgs, cases[i].message);
        assert_int_equal(st, LOAD_INVALID);
        assert_null(ds);
        const char *second = strstr(msgs, "error:");
        assert_null(strstr(second + 1, "error:"));
        free(msgs);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_as_of_view),
        cmocka_unit_test(test_no_as_of),
        cmocka_unit_test(test_errors),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    files_cleanup();
    return failed;
}
