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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
