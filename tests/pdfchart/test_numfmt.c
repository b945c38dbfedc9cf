/* test_numfmt.c — every form of number the PDF writes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "numfmt.h"

static void check(double v, int decimals, const char *format, int percent, const char *want)
{
    char buf[128];
    size_t n = numfmt_format(buf, sizeof buf, v, decimals, format, percent);
    print_message("%g %d %s -> %s\n", v, decimals, format ? format : "(none)", buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_default(void **state)
{
    check(1234.5, 1, NULL, 0, "1,234.5");
    check(1234567, 0, NULL, 0, "1,234,567");
    check(-1234.56, 2, NULL, 0, "-1,234.56");
    check(100, 0, NULL, 0, "100");
    check(1000, 0, NULL, 0, "1,000");
    check(0, 0, NULL, 0, "0");
    check(-0.0, 1, NULL, 0, "0.0");
    check(12.50, 2, NULL, 0, "12.50");
    check(1e15, 0, NULL, 0, "1,000,000,000,000,000");
    check(0.5, 0, NULL, 0, "1");
}

static void test_rounding(void **state)
{
    check(0.125, 2, NULL, 0, "0.13");      /* decimal half-up, as Excel */
    check(2.675, 2, NULL, 0, "2.68");
    check(-2.5, 0, NULL, 0, "-3");
    check(999.96, 1, NULL, 0, "1,000.0");
    check(9.995, 2, NULL, 0, "10.00");
    check(-0.004, 2, NULL, 0, "0.00");     /* never "-0.00" */
    check(1e-7, 2, NULL, 0, "0.00");
    check(0.0000123, 7, NULL, 0, "0.0000123");
}

static void test_percent(void **state)
{
    check(31, 0, NULL, 1, "31%");
    check(-4.5, 1, NULL, 1, "-4.5%");
    check(31, 0, "0%", 1, "31%");          /* percent points: no multiplying */
    check(31.25, 0, "0.0%", 1, "31.3%");
    check(0.314, 3, "0.0%", 0, "31.4%");   /* other columns: Excel multiplies */
    check(12.34, 2, "0.0\"%\"", 0, "12.3%");
    check(12, 0, "0.0", 1, "12.0");        /* the format as written */
}

static void test_formats(void **state)
{
    check(3.6, 1, "0", 0, "4");
    check(3.14159, 5, "0.0", 0, "3.1");
    check(1234567.8, 1, "#,##0", 0, "1,234,568");
    check(-1234.5, 1, "#,##0.00", 0, "-1,234.50");
    check(1500, 0, "\"USD \"#,##0", 0, "USD 1,500");
    check(12, 0, "\\$#,##0", 0, "$12");
    check(-3.25, 2, "$#,##0.0", 0, "-$3.3");
    check(1200, 0, "#,##0\"억원\"", 0, "1,200억원");
    check(1200, 0, "#,##0\\원", 0, "1,200원");
    check(1234567, 0, "#,##0,", 0, "1,235");
    check(0.5, 1, "#.##", 0, ".5");
    check(5, 0, "00", 0, "05");
    check(1.5, 1, "0.0#", 0, "1.5");
    check(1.567, 3, "0.0#", 0, "1.57");
    check(5, 0, "0_);(0)", 0, "5 ");
    check(1234.5, 1, "[$€-407]#,##0.00", 0, "€1,234.50");
    check(1234.5, 1, "#,##0 [$USD]", 0, "1,235 USD");
}

static void test_sections(void **state)
{
    check(-1234, 0, "#,##0;(#,##0)", 0, "(1,234)");
    check(1234, 0, "#,##0;(#,##0)", 0, "1,234");
    check(-5, 0, "#,##0;[Red]-#,##0", 0, "-5");
    check(0, 0, "0.00;-0.00;\"–\"", 0, "–");
    check(2, 0, "0.00;-0.00;\"–\"", 0, "2.00");
    check(-2, 0, "0.00;-0.00;\"–\"", 0, "-2.00");
    check(-7, 0, "0;\"▼\"0", 0, "▼7");
}

static void test_fallback(void **state)
{
    check(1.5, 1, "yyyy-mm-dd", 0, "1.5");   /* outside the subset */
    check(1234.5, 1, "General", 0, "1,234.5");
    check(1234.5, 1, "0.00E+00", 0, "1,234.5");
    check(1234.5, 1, "@", 0, "1,234.5");
    check(1234.5, 1, "\"unterminated", 0, "1,234.5");
    check(31, 0, "", 1, "31%");
}

static void test_edges(void **state)
{
    char buf[4];
    assert_int_equal(numfmt_format(buf, sizeof buf, 1234567, 0, NULL, 0), 3);
    assert_string_equal(buf, "1,2");
    assert_int_equal(numfmt_format(buf, 0, 1, 0, NULL, 0), 0);
    check(NAN, 0, NULL, 0, "");
    char big[512];
    assert_int_equal(numfmt_format(big, sizeof big, 1e300, 0, NULL, 0), 301 + 100);
    assert_memory_equal(big, "1,000,000,", 10);
    check(1, 200, NULL, 0, "1.00000000000000000000");  /* decimals capped at 20 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default),  cmocka_unit_test(test_rounding),
        cmocka_unit_test(test_percent),  cmocka_unit_test(test_formats),
        cmocka_unit_test(test_sections), cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
