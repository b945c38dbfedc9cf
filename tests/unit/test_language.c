/* test_language.c — one rule for the language of quire's own words
 * (quire_language_korean / quire_dataset_korean, language_words) and the
 * warning for a primary subtag that is no language (issue 20 §4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <quire/quire-plugin.h>

#include "language.h"

static void test_one_rule(void **state)
{
    static const char *const korean[] = {"ko", "KO", "Ko", "ko-KR", "KO-kr", "ko-Kore-KR"};
    static const char *const other[] = {"kok", "en", "en-US", "kor", "k", "", "koKR", "x-ko"};
    (void)state;
    for (size_t i = 0; i < sizeof korean / sizeof *korean; i++) {
        assert_true(quire_language_korean(korean[i]));
        assert_string_equal(language_words(korean[i]), "ko");
    }
    for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
        assert_false(quire_language_korean(other[i]));
        assert_string_equal(language_words(other[i]), "en");
    }
    assert_false(quire_language_korean(NULL));
}

/* The host's decision wins; a view without it (an older host, a test's
 * own view) falls back to the same rule. */
static void test_dataset_words(void **state)
{
    quire_dataset d = {.struct_size = sizeof d, .language = "KO"};
    (void)state;
    assert_true(quire_dataset_korean(&d));
    d.words = "en";
    assert_false(quire_dataset_korean(&d));
    d.words = "ko", d.language = "en";
    assert_true(quire_dataset_korean(&d));
    d.struct_size = offsetof(quire_dataset, words);   /* a host before the field */
    assert_false(quire_dataset_korean(&d));
}

/* What language_check says about tag, "" when nothing. */
static char *check(const char *tag, int *warnings)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag d;
    assert_non_null(f);
    diag_init(&d, f);
    language_check(&d, "brief.yaml", 4, 11, tag);
    fclose(f);
    *warnings = d.warnings;
    assert_int_equal(d.errors, 0);
    return out;
}

static void test_warnings(void **state)
{
    static const struct { const char *tag, *hint; } slips[] = {
        {"kr", "'ko'"}, {"KR", "'ko'"}, {"english", "'en'"}, {"kor", "'ko'"}, {"jp-JP", "'ja'"},
        {"Korean", "'ko'"}};
    static const char *const fine[] = {"ko", "KO", "en-US", "kok", "zh-Hant-TW", "de", "x-private"};
    int n;
    (void)state;
    for (size_t i = 0; i < sizeof slips / sizeof *slips; i++) {
        char *msg = check(slips[i].tag, &n);
        print_message("%s", msg);
        assert_int_equal(n, 1);
        assert_non_null(strstr(msg, "brief.yaml:4:11: warning: "));
        assert_non_null(strstr(msg, slips[i].hint));
        assert_non_null(strstr(msg, "did you mean"));
        free(msg);
    }
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
        char *msg = check(fine[i], &n);
        assert_int_equal(n, 0);
        assert_string_equal(msg, "");
        free(msg);
    }
    char *msg = check("qq", &n);   /* no language, no likely one */
    assert_int_equal(n, 1);
    assert_non_null(strstr(msg, "no ISO 639 language"));
    free(msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_rule),
        cmocka_unit_test(test_dataset_words),
        cmocka_unit_test(test_warnings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
