/*
 * test_names_widths.c — unit tests of the XLSX plugin's sheet names and
 * column widths: Excel's naming rules and East Asian width.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "xlsx.h"

static char name[LXW_MAX_SHEETNAME_LENGTH];

static const char *make(xlsx_ctx *ctx, const char *title)
{
    assert_int_equal(xlsx_names_make(ctx, title, 1, name), QUIRE_OK);
    return name;
}

static void test_rules(void **state)
{
    xlsx_ctx ctx = {0};
    assert_string_equal(make(&ctx, "a[b]c:d*e?f/g\\h"), "a_b_c_d_e_f_g_h");
    assert_string_equal(make(&ctx, "''quoted''"), "quoted");
    assert_string_equal(make(&ctx, "'''"), "Sheet");
    assert_string_equal(make(&ctx, "tab\there"), "tab here");
    /* 31 characters, not bytes: 40 Hangul syllables keep 31. */
    const char *ko = "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타";
    assert_int_equal(utf8_strlen(make(&ctx, ko)), 31);
    xlsx_names_free(&ctx.names);
}

static void test_unique(void **state)
{
    xlsx_ctx ctx = {0};
    assert_int_equal(xlsx_names_reserve(&ctx, "History"), QUIRE_OK);
    assert_string_equal(make(&ctx, "history"), "history (2)");
    assert_string_equal(make(&ctx, "Ärger"), "Ärger");
    assert_string_equal(make(&ctx, "ärger"), "ärger (2)");  /* case-insensitive beyond ASCII */
    char long_name[64];
    memset(long_name, 'x', 40);
    long_name[40] = '\0';
    assert_string_equal(make(&ctx, long_name), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    assert_string_equal(make(&ctx, long_name), "xxxxxxxxxxxxxxxxxxxxxxxxxxx (2)");
    for (int i = 3; i <= 12; i++)
        make(&ctx, long_name);
    assert_string_equal(name, "xxxxxxxxxxxxxxxxxxxxxxxxxx (12)");
    /* A character outside the BMP takes two of Excel's 31 units. */
    char emoji[160] = "";
    for (int i = 0; i < 20; i++)
        strcat(emoji, "\xf0\x9f\x98\x80");
    assert_int_equal(utf8_strlen(make(&ctx, emoji)), 15);
    xlsx_names_free(&ctx.names);
}

/* Issue 21, 6: n tables of one title (and parts of a long table) cost
 * about n tries, not n²: four times the tables, at most five times the
 * work; and the names are the same as one by one. */
static unsigned long tries_for(size_t n)
{
    xlsx_ctx ctx = {0};
    char name[LXW_MAX_SHEETNAME_LENGTH], want[64];
    unsigned long before = xlsx_names_tries();
    assert_int_equal(xlsx_names_reserve(&ctx, "Same (3)"), QUIRE_OK);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(xlsx_names_make(&ctx, "Same", 1, name), QUIRE_OK);
        size_t k = i + 1 + (i >= 2);   /* "Same (3)" was taken before */
        if (k == 1)
            snprintf(want, sizeof want, "Same");
        else
            snprintf(want, sizeof want, "Same (%zu)", k);
        assert_string_equal(name, want);
    }
    assert_int_equal(xlsx_names_make(&ctx, "Same", 2, name), QUIRE_OK);   /* a part */
    snprintf(want, sizeof want, "Same (%zu)", n + 2);
    assert_string_equal(name, want);
    assert_int_equal(xlsx_names_make(&ctx, "Same", (unsigned)n + 10, name), QUIRE_OK);
    snprintf(want, sizeof want, "Same (%zu)", n + 10);
    assert_string_equal(name, want);
    xlsx_names_free(&ctx.names);
    return xlsx_names_tries() - before;
}

static void test_equal_titles_linear(void **state)
{
    (void)state;
    unsigned long a = tries_for(1000), b = tries_for(4000);
    if (b > 5 * a)
        fail_msg("1000 equal titles: %lu tries, 4000: %lu", a, b);
}

static void test_widths(void **state)
{
    assert_int_equal(xlsx_text_width("abc"), 3);
    assert_int_equal(xlsx_text_width("사업자"), 6);
    assert_int_equal(xlsx_text_width("ＡＢ"), 4);
    assert_int_equal(xlsx_text_width("long line\nshort"), 9);
    assert_int_equal(xlsx_number_width(1234567.5, 1), strlen("1,234,567.5"));
    assert_int_equal(xlsx_number_width(-999, 0), strlen("-999"));
    assert_int_equal(xlsx_number_width(0.25, 2), strlen("0.25"));
    assert_int_equal(xlsx_number_width(1000, 0), strlen("1,000"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_unique),
        cmocka_unit_test(test_widths),
        cmocka_unit_test(test_equal_titles_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
