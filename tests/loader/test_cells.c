/* test_cells.c — the scalar readers under the loader: numbers and their
 * decimals, calendar dates, ids, UTF-8, and the arena. */
#include "arena.h"
#include "cells.h"
#include "loader_files.h"
#include "utf8.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static cell_status num(const char *s, double *v, unsigned char *dec)
{
    return cells_parse_number(s, strlen(s), v, dec);
}

static void test_numbers(void **state)
{
    double v;
    unsigned char dec;
    assert_int_equal(num("31", &v, &dec), CELL_OK);
    assert_true(v == 31 && dec == 0);
    assert_int_equal(num("31.50", &v, &dec), CELL_OK);
    assert_true(v == 31.5 && dec == 2);
    assert_int_equal(num("-0.125", &v, &dec), CELL_OK);
    assert_true(v == -0.125 && dec == 3);
    assert_int_equal(num("+.5", &v, &dec), CELL_OK);
    assert_true(v == 0.5 && dec == 1);
    assert_int_equal(num("1.5e3", &v, &dec), CELL_OK);
    assert_true(v == 1500 && dec == 0);
    assert_int_equal(num("25e-3", &v, &dec), CELL_OK);
    assert_true(v == 0.025 && dec == 3);
    assert_int_equal(num("0.1", &v, &dec), CELL_OK);
    assert_true(v == 0.1);  /* the fast path rounds like strtod */
    /* Written with a point or an exponent, a number may round... */
    assert_int_equal(num("123456789012345678901234567890.0", &v, &dec), CELL_OK);
    assert_true(v == 123456789012345678901234567890.0);
    assert_int_equal(num("1.2e30", &v, &dec), CELL_OK);
    /* ... an integer as written must be exact: within +-2^53. */
    assert_int_equal(num("123456789012345678901234567890", &v, &dec), CELL_NOT_EXACT);
    assert_int_equal(num("9007199254740993", &v, &dec), CELL_NOT_EXACT);
    assert_int_equal(num("-9007199254740993", &v, &dec), CELL_NOT_EXACT);
    assert_int_equal(num("18446744073709551617", &v, &dec), CELL_NOT_EXACT);
    assert_int_equal(num("9007199254740992", &v, &dec), CELL_OK);
    assert_true(v == 9007199254740992.0);
    assert_int_equal(num("-9007199254740992", &v, &dec), CELL_OK);
    assert_int_equal(num("0009007199254740992", &v, &dec), CELL_OK);
    /* Not zero, but nothing a double holds as a normal number. */
    assert_int_equal(num("1e-400", &v, &dec), CELL_UNDERFLOW);
    assert_int_equal(num("-1e-310", &v, &dec), CELL_UNDERFLOW);
    assert_int_equal(num("0.0000000000000000000000000000001e-290", &v, &dec), CELL_UNDERFLOW);
    assert_int_equal(num("0e-400", &v, &dec), CELL_OK);
    assert_true(v == 0);
    assert_int_equal(num("2.3e-308", &v, &dec), CELL_OK);
    assert_int_equal(num("-1e308", &v, &dec), CELL_OK);
    assert_int_equal(num("1e999", &v, &dec), CELL_NOT_FINITE);
    assert_int_equal(num(".inf", &v, &dec), CELL_NOT_FINITE);
    assert_int_equal(num("-.Inf", &v, &dec), CELL_NOT_FINITE);
    assert_int_equal(num(".NaN", &v, &dec), CELL_NOT_FINITE);
    const char *bad[] = {"", "-", ".", "31%", "1,000", "0x1F", "1e", "e5", "abc", " 1", "1 ",
                         "inf", "nan", "1.2.3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(num(bad[i], &v, &dec), CELL_NOT_NUMBER);
}

static void test_bools(void **state)
{
    int b;
    const char *yes[] = {"true", "True", "TRUE"}, *no[] = {"false", "False", "FALSE"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(cells_parse_bool(yes[i], strlen(yes[i]), &b), 0);
        assert_int_equal(b, 1);
        assert_int_equal(cells_parse_bool(no[i], strlen(no[i]), &b), 0);
        assert_int_equal(b, 0);
    }
    const char *bad[] = {"yes", "no", "1", "0", "on", "tRue", "", "true "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(cells_parse_bool(bad[i], strlen(bad[i]), &b), -1);
}

static void test_integers(void **state)
{
    assert_true(cells_is_integer(9007199254740992.0));
    assert_true(cells_is_integer(-9007199254740992.0));
    assert_false(cells_is_integer(9007199254740994.0));
    assert_false(cells_is_integer(1.5));
    assert_false(cells_is_integer(INFINITY));
    assert_true(cells_is_integer(0));
}

static void test_dates(void **state)
{
    int64_t days;
    assert_int_equal(cells_parse_date("1970-01-01", 10, &days), 0);
    assert_int_equal(days, 0);
    assert_int_equal(cells_parse_date("1969-12-31", 10, &days), 0);
    assert_int_equal(days, -1);
    assert_int_equal(cells_parse_date("2000-02-29", 10, &days), 0);
    assert_int_equal(days, 11016);
    assert_int_equal(cells_parse_date("2024-12-31", 10, &days), 0);
    assert_int_equal(days, 20088);
    const char *bad[] = {"2023-02-29", "1900-02-29", "2024-04-31", "2024-00-10", "2024-13-01",
                         "2024-01-00", "2024-1-01", "2024/01/01", "20240101", "2024-01-01T00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(cells_parse_date(bad[i], strlen(bad[i]), &days), -1);
}

static void test_ids(void **state)
{
    assert_true(cells_valid_id("cloud-ai-2024", 0));
    assert_false(cells_valid_id("cloud_ai", 0));
    assert_true(cells_valid_id("q4_2023", 1));
    assert_false(cells_valid_id("../x", 1));
    assert_false(cells_valid_id("-x", 1));
    assert_false(cells_valid_id("", 1));
    assert_false(cells_valid_id("Abc", 1));
    assert_false(cells_valid_id("a/b", 1));
    assert_true(cells_valid_language("ko"));
    assert_true(cells_valid_language("zh-Hant-TW"));
    assert_false(cells_valid_language("k"));
    assert_false(cells_valid_language("ko_KR"));
    assert_true(cells_is_null("~", 1));
    assert_true(cells_is_null("", 0));
    assert_false(cells_is_null("nil", 3));
}

static void test_utf8(void **state)
{
    assert_int_equal(utf8_check("plain 한글 €", strlen("plain 한글 €")), strlen("plain 한글 €"));
    assert_int_equal(utf8_check("ab\xff", 3), 2);
    assert_int_equal(utf8_check("a\xc3\x28", 3), 1);       /* bad continuation */
    assert_int_equal(utf8_check("\xc0\xaf", 2), 0);        /* overlong */
    assert_int_equal(utf8_check("\xed\xa0\x80", 3), 0);    /* surrogate */
    assert_int_equal(utf8_check("\xf4\x90\x80\x80", 4), 0);/* above U+10FFFF */
    assert_int_equal(utf8_check("\xe2\x82", 2), 0);        /* cut short */
}

static void test_arena(void **state)
{
    arena a;
    arena_init(&a);
    char *s = arena_strndup(&a, "abc", 2);
    assert_string_equal(s, "ab");
    double *d = arena_alloc(&a, 3 * sizeof *d);
    assert_int_equal((uintptr_t)d % _Alignof(double), 0);
    void *big = arena_alloc(&a, 3u << 20);  /* bigger than a chunk */
    assert_non_null(big);
    memset(big, 1, 3u << 20);
    int *g = arena_grow(&a, (int[]){1, 2}, 2 * sizeof(int), 4 * sizeof(int));
    assert_int_equal(g[1], 2);
    arena_free(&a);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),   cmocka_unit_test(test_integers),
        cmocka_unit_test(test_bools),
        cmocka_unit_test(test_dates),     cmocka_unit_test(test_ids),
        cmocka_unit_test(test_utf8),      cmocka_unit_test(test_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
