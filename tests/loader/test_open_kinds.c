/* test_open_kinds.c — a dataset or template that is a FIFO, a directory or
 * a device is refused at once, never read (a FIFO would block forever). */
#include "loader_files.h"
#include "template.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static void expect_dataset(const char *path, const char *want)
{
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    assert_int_equal(files_load(path, NULL, 0, &ds, &msgs), LOAD_INVALID);
    assert_null(ds);
    assert_string_equal(msgs, want);
    free(msgs);
}

static char *template_msgs(const char *path)
{
    char *msgs;
    size_t len;
    FILE *out = open_memstream(&msgs, &len);
    diag d;
    diag_init(&d, out);
    assert_null(template_load(path, 0, &d));
    fclose(out);
    return msgs;
}

static void fifo(void **state)
{
    char path[512], want[600];
    snprintf(path, sizeof path, "%s/pipe.yaml", files_dir());
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    alarm(10);  /* a regression would block here: fail instead of hanging */
    snprintf(want, sizeof want, "%s: error: cannot open: not a regular file (a FIFO)\n", path);
    expect_dataset(path, want);
    char *msgs = template_msgs(path);
    snprintf(want, sizeof want, "%s: error: cannot read template: not a regular file\n", path);
    assert_string_equal(msgs, want);
    free(msgs);
    alarm(0);
    unlink(path);
}

static void directory_and_device(void **state)
{
    expect_dataset("/dev/null", "/dev/null: error: cannot open: not a regular file (a character "
                                "device)\n");
    char want[600];
    snprintf(want, sizeof want, "%s: error: cannot open: Is a directory\n", files_dir());
    expect_dataset(files_dir(), want);
    char *msgs = template_msgs("/dev/zero");
    assert_string_equal(msgs, "/dev/zero: error: cannot read template: not a regular file\n");
    free(msgs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fifo),
        cmocka_unit_test(directory_and_device),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    files_cleanup();
    return rc;
}
