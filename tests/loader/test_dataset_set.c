/* test_dataset_set.c — --set overrides: allowed keys, params, validation,
 * and the usage error for any other key. */
#include "loader_files.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *yaml = "quire: 1\nid: base\ntitle: T\ndate: 2025-01-01\n"
                          "params:\n  region: 부산\n";

static load_status load_with(const dataset_override *sets, size_t n, quire_dataset **ds,
                             char **msgs)
{
    return files_load(files_write("set.yaml", yaml, 0), sets, n, ds, msgs);
}

static void test_allowed_keys(void **state)
{
    const dataset_override sets[] = {{"title", "New"},        {"subtitle", "Sub"},
                                     {"period", "2025-Q2"},   {"date", "2025-01-02"},
                                     {"author", "A"},         {"organization", "O"},
                                     {"region", "서울"},      {"id", "other-id"}};
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    assert_int_equal(load_with(sets, 8, &ds, &msgs), LOAD_OK);
    assert_string_equal(msgs, "");
    assert_string_equal(ds->title, "New");
    assert_string_equal(ds->subtitle, "Sub");
    assert_string_equal(ds->period, "2025-Q2");
    assert_string_equal(ds->date, "2025-01-02");
    assert_int_equal(ds->timestamp, 1735776000);  /* the overridden date */
    assert_string_equal(ds->author, "A");
    assert_string_equal(ds->organization, "O");
    assert_string_equal(ds->params[0].value, "서울");
    assert_string_equal(ds->id, "other-id");
    dataset_free(ds);
    free(msgs);
}

static void test_unknown_key_is_usage(void **state)
{
    const dataset_override sets[] = {{"language", "en"}};
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    assert_int_equal(load_with(sets, 1, &ds, &msgs), LOAD_USAGE);
    assert_null(ds);
    assert_non_null(strstr(msgs, "error: --set: unknown key 'language' (allowed: title, "
                                 "subtitle, period, date, author, organization, id, region)"));
    free(msgs);
}

static void test_values_are_validated(void **state)
{
    const dataset_override bad_date[] = {{"date", "2025-02-30"}};
    const dataset_override bad_id[] = {{"id", "../x"}};
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    assert_int_equal(load_with(bad_date, 1, &ds, &msgs), LOAD_INVALID);
    assert_null(ds);
    assert_non_null(strstr(msgs, "set.yaml: error: --set date=2025-02-30: expects a calendar "
                                 "date YYYY-MM-DD\n"));
    free(msgs);
    assert_int_equal(load_with(bad_id, 1, &ds, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, "--set id=../x: dataset id is not valid"));
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
        cmocka_unit_test(test_allowed_keys),
        cmocka_unit_test(test_unknown_key_is_usage),
        cmocka_unit_test(test_values_are_validated),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
