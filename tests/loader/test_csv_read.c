/* test_csv_read.c — the CSV reader on its own: a read error is an error,
 * not an early end; a failed field leaves nothing to quote. */
#define _GNU_SOURCE  /* fopencookie */
#include "csv_read.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <cmocka.h>

/* A stream that yields its text once, then fails like a broken disk. */
typedef struct failing {
    const char *text;
    size_t at;
} failing;

static ssize_t failing_read(void *cookie, char *buf, size_t size)
{
    failing *f = cookie;
    size_t left = strlen(f->text) - f->at;
    if (left == 0)
        return -1;
    size_t n = left < size ? left : size;
    memcpy(buf, f->text + f->at, n);
    f->at += n;
    return (ssize_t)n;
}

static void test_read_error(void **state)
{
    failing f = {"a,b\n1,2", 0};
    cookie_io_functions_t io = {.read = failing_read};
    FILE *file = fopencookie(&f, "r", io);
    assert_non_null(file);
    csv_reader *r = malloc(sizeof *r);
    assert_int_equal(csv_init(r, file), 0);
    csv_result res;
    int fields = 0;
    while ((res = csv_next_field(r)) == CSV_FIELD || res == CSV_LAST_FIELD)
        fields++;
    /* without the check, "1,2" would be taken for a whole last record */
    assert_int_equal(res, CSV_ERROR);
    assert_string_equal(r->error, "cannot read the file (an I/O error)");
    assert_true(fields < 4);
    csv_close(r);
    free(r);
}

static void test_failed_field_is_empty(void **state)
{
    static const char text[] = "name\n\"secret never closed";
    FILE *file = fmemopen((void *)text, sizeof text - 1, "r");
    csv_reader *r = malloc(sizeof *r);
    assert_int_equal(csv_init(r, file), 0);
    assert_int_equal(csv_next_field(r), CSV_LAST_FIELD);
    assert_string_equal(r->field, "name");
    assert_int_equal(csv_next_field(r), CSV_ERROR);
    assert_string_equal(r->error, "unterminated quoted field");
    assert_int_equal(r->error_line, 2);
    assert_int_equal(r->error_col, 1);
    assert_int_equal(r->field_len, 0);
    assert_string_equal(r->field, "");
    csv_close(r);
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_error),
        cmocka_unit_test(test_failed_field_is_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
