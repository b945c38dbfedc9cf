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
    static const struct { const char *in, *out; } cases[] = {
        {"data/x.yaml", "data/x.yaml"},
        {"my data/x.yaml", "my\\ data/x.yaml"},
        {"a\tb", "a\\\tb"},
        {"dir\\ x", "dir\\\\\\ x"},      /* a backslash before a space is doubled */
        {"dir\\x", "dir\\x"},            /* elsewhere it stays */
        {"#1.csv", "\\#1.csv"},
        {"$HOME.csv", "$$HOME.csv"},
        {"C:x.csv", "C\\:x.csv"},
        {"x[1]*?.csv", "x\\[1\\]\\*\\?.csv"},   /* no wildcard expansion */
        {"사업비.csv", "사업비.csv"},
    };
    int rc;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *e = escaped(cases[i].in, &rc);
        assert_string_equal(e, cases[i].out);
        assert_int_equal(rc, 0);
        free(e);
    }
    free(escaped("line\nbreak.csv", &rc));
    assert_int_equal(rc, -1);
    free(escaped("cr\r.csv", &rc));
    assert_int_equal(rc, -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
