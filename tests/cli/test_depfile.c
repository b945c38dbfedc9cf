/* Unit tests of --depfile's escaping: what Make reads back as the name. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "depfile.h"

/* The escaped name (the caller frees it). */
static char *escaped(const char *name, int *rc)
{
    char *buf = NULL;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    *rc = depfile_escape(f, name);
    fclose(f);
    return buf;
}

static void test_escape(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"data/x.yaml", "data/x.yaml"},
        {"my data/x.yaml", "my\\ data/x.yaml"},
        {"#1.csv", "\\#1.csv"},
        {"$HOME.csv", "$$HOME.csv"},
        {"C:x.csv", "C\\:x.csv"},
        {"{a}@b!,+~.csv", "{a}@b!,+~.csv"},
        {"사업비.csv", "사업비.csv"},
    };
    int rc;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *e = escaped(cases[i].in, &rc);
        assert_string_equal(e, cases[i].out);
        assert_int_equal(rc, 0);
        free(e);
    }
}

/* What make or ninja would misread is refused, and nothing is written. */
static void test_refused(void **state)
{
    (void)state;
    static const char *const names[] = {
        "line\nbreak.csv", "cr\r.csv", "a\tb", "dir\\ x", "dir\\x", "trailing\\", "x[1].csv",
        "*.csv", "?.csv", "a;b", "a|b", "a%b", "a=b", "a(b)", "'q'", "\"q\"", "a&b",
        "end:", "~/x.csv", "", "<", ">", "`", "^", "\x7f", "space at the end ",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char why[96];
        int rc;
        assert_non_null(depfile_refusal(names[i], why, sizeof why));
        char *e = escaped(names[i], &rc);
        assert_int_equal(rc, -1);
        assert_string_equal(e, "");
        free(e);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
