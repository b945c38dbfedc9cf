/* test_ticks.c — nice axis ticks and their labels. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ticks.h"

static ticks compute(double lo, double hi, int target)
{
    ticks t;
    assert_int_equal(ticks_compute(lo, hi, target, &t), 0);
    print_message("[%g, %g]/%d -> %g..%g step %g count %d dec %d\n", lo, hi, target,
                  t.min, t.max, t.step, t.count, t.decimals);
    return t;
}

/* 1, 2 or 5 times a power of ten. */
static int is_nice(double step)
{
    double m = step / pow(10, floor(log10(step) + 1e-9));
    return fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 || fabs(m - 5) < 1e-6;
}

static void test_positive(void **state)
{
    ticks t = compute(0, 100, 5);
    assert_true(t.min == 0 && t.max == 100 && t.step == 20 && t.count == 6 && t.decimals == 0);
    t = compute(0, 93, 5);
    assert_true(t.max == 100 && t.step == 20);
    t = compute(0, 31, 4);
    assert_true(t.min == 0 && t.max == 40 && t.step == 10);
    t = compute(0, 10, 4);             /* 2.5 rounds to 2, not up to 5 */
    assert_true(t.step == 2 && t.count == 6);
}

static void test_negative(void **state)
{
    ticks t = compute(-12, 31, 5);
    assert_true(t.min == -20 && t.max == 40 && t.step == 10 && t.count == 7);
    t = compute(-5, -1, 4);
    assert_true(t.min == -5 && t.max == -1 && t.step == 1 && t.count == 5);
    t = compute(100, 0, 5);           /* reversed */
    assert_true(t.min == 0 && t.max == 100);
}

static void test_zero_span(void **state)
{
    ticks t = compute(5, 5, 5);
    assert_true(t.min <= 5 && t.max >= 5 && t.min < t.max && t.count >= 2);
    t = compute(0, 0, 5);
    assert_true(t.min == 0 && t.max == 1 && t.count >= 2);
    t = compute(-3, -3, 5);
    assert_true(t.min <= -3 && t.max >= -3 && t.min < t.max);
}

static void test_tiny_and_huge(void **state)
{
    char buf[64];
    ticks t = compute(0, 0.00042, 5);
    assert_true(fabs(t.step - 0.0001) < 1e-12 && t.decimals == 4);
    ticks_label(buf, sizeof buf, &t, 1);
    assert_string_equal(buf, "0.0001");
    t = compute(0, 3.2e12, 5);
    assert_true(t.step == 5e11 && t.max == 3.5e12 && t.decimals == 0);
    ticks_label(buf, sizeof buf, &t, 2);
    assert_string_equal(buf, "1,000,000,000,000");
    t = compute(1e16, 1e16 + 2, 5);   /* steps below the values' precision */
    for (int i = 1; i < t.count; i++) assert_true(ticks_value(&t, i) > ticks_value(&t, i - 1));
    t = compute(-1.7e308, 1.7e308, 5);
    assert_true(isfinite(t.step) && t.count >= 2 && t.count < 20);
}

static void test_labels(void **state)
{
    char buf[64];
    ticks t = compute(-12, 31, 5);
    ticks_label(buf, sizeof buf, &t, 0);
    assert_string_equal(buf, "-20");
    ticks_label(buf, sizeof buf, &t, 2);
    assert_string_equal(buf, "0");
    t = compute(0, 2.2, 5);
    assert_true(t.step == 0.5 && t.decimals == 1);
    ticks_label(buf, sizeof buf, &t, 3);
    assert_string_equal(buf, "1.5");
    t = compute(0.1, 0.7, 6);         /* 0.1 * 3 is not 0.3 in binary */
    ticks_label(buf, sizeof buf, &t, 2);
    assert_string_equal(buf, "0.3");
}

static void test_not_finite(void **state)
{
    ticks t;
    assert_int_equal(ticks_compute(NAN, 1, 5, &t), -1);
    assert_int_equal(ticks_compute(0, INFINITY, 5, &t), -1);
}

/* Any range: covered, nice, a sensible count. */
static void test_property(void **state)
{
    uint64_t seed = 42;
    for (int i = 0; i < 2000; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        double a = ((int64_t)(seed >> 11) % 2000000 - 1000000) * pow(10, (int)(seed % 13) - 6);
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        double b = a + (double)(seed >> 40) * pow(10, (int)(seed % 11) - 6);
        int target = 2 + (int)(seed % 7);
        ticks t;
        assert_int_equal(ticks_compute(a, b, target, &t), 0);
        if (!(t.min <= fmin(a, b) + 1e-9 * fabs(a) && t.max >= fmax(a, b) - 1e-9 * fabs(b)))
            fail_msg("[%.17g, %.17g] -> %.17g..%.17g step %g", a, b, t.min, t.max, t.step);
        assert_true(is_nice(t.step));
        assert_true(t.count >= 2 && t.count <= 2 * target + 3);
    }
}

/* The axis ends at the next minor tick beyond the data, not a step on. */
static void test_trim(void **state)
{
    ticks t = compute(-0.8, 80, 5);
    assert_true(t.min == -20);            /* untrimmed: a whole step below */
    ticks_trim(&t, -0.8, 80);
    assert_true(t.lo_end == -5 && t.hi_end == 80);   /* a quarter of 20 */
    assert_true(t.min == 0 && t.max == 80);   /* labelled ticks inside the ends */
    t = compute(3, 101, 5);
    ticks_trim(&t, 3, 101);
    assert_true(t.hi_end > 101 && t.hi_end - 101 < t.step / 2);
    assert_true(t.max <= t.hi_end && t.lo_end <= 3 && t.lo_end >= 0);
    ticks f;
    assert_int_equal(ticks_fixed(0, 45, 5, &f), 0);
    assert_true(f.lo_end == 0 && f.hi_end == 45 && f.max <= 45 && f.min >= 0);
    assert_int_equal(ticks_fixed(5, 5, 5, &f), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positive),      cmocka_unit_test(test_negative),
        cmocka_unit_test(test_zero_span),     cmocka_unit_test(test_tiny_and_huge),
        cmocka_unit_test(test_labels),        cmocka_unit_test(test_not_finite),
        cmocka_unit_test(test_property),      cmocka_unit_test(test_trim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
