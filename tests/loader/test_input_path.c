/* test_input_path.c — files a dataset names: kept inside its folder unless
 * allowed, and opened only when regular (a FIFO must not block). */
#include "input_path.h"
#include "loader_files.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static char out[4096], err[256];

static void test_dir_of(void **state)
{
    char d[64];
    assert_int_equal(input_dir_of("x.yaml", d, sizeof d), 0);
    assert_string_equal(d, ".");
    assert_int_equal(input_dir_of("data/x.yaml", d, sizeof d), 0);
    assert_string_equal(d, "data");
    assert_int_equal(input_dir_of("/x.yaml", d, sizeof d), 0);
    assert_string_equal(d, "/");
    assert_int_equal(input_dir_of("a//b/x.yaml", d, sizeof d), 0);
    assert_string_equal(d, "a//b");
    assert_int_equal(input_dir_of("abcdef/x", d, 4), -1);
}

static void test_inside(void **state)
{
    const char *dir = files_dir();
    char sub[512];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0700);
    files_write("a.csv", "x\n", 0);
    files_write("sub/b.csv", "x\n", 0);
    assert_int_equal(input_resolve(dir, "a.csv", 0, out, sizeof out, err, sizeof err), 0);
    char want[512];
    snprintf(want, sizeof want, "%s/a.csv", dir);
    assert_string_equal(out, want);
    assert_int_equal(input_resolve(dir, "sub/../sub/./b.csv", 0, out, sizeof out, err,
                                   sizeof err), 0);
    /* from sub/, ../a.csv is still inside the tree of dir, not of sub */
    assert_int_equal(input_resolve(sub, "../a.csv", 0, out, sizeof out, err, sizeof err), -1);
    assert_non_null(strstr(err, "leaves the folder"));
    assert_non_null(strstr(err, "--allow-any-path"));
}

static void test_refused(void **state)
{
    const char *dir = files_dir();
    assert_int_equal(input_resolve(dir, "/etc/passwd", 0, out, sizeof out, err, sizeof err),
                     -1);
    assert_string_equal(out, "/etc/passwd");
    assert_non_null(strstr(err, "absolute path"));
    assert_int_equal(input_resolve(dir, "../../../../etc/shadow", 0, out, sizeof out, err,
                                   sizeof err), -1);
    assert_non_null(strstr(err, "leaves the folder"));
    /* a missing file inside is refused with the system's reason */
    assert_int_equal(input_resolve(dir, "nope.csv", 0, out, sizeof out, err, sizeof err), -1);
    assert_string_equal(err, strerror(ENOENT));
    assert_int_equal(input_resolve(dir, "", 0, out, sizeof out, err, sizeof err), -1);
    /* a symlink inside that leads outside */
    char link[512];
    snprintf(link, sizeof link, "%s/passwd.csv", dir);
    unlink(link);
    assert_int_equal(symlink("/etc/passwd", link), 0);
    assert_int_equal(input_resolve(dir, "passwd.csv", 0, out, sizeof out, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "symbolic link"));
    unlink(link);
}

static void test_allow_any(void **state)
{
    assert_int_equal(input_resolve("data", "/etc/passwd", 1, out, sizeof out, err, sizeof err),
                     0);
    assert_string_equal(out, "/etc/passwd");
    assert_int_equal(input_resolve("data", "../x.csv", 1, out, sizeof out, err, sizeof err), 0);
    assert_string_equal(out, "data/../x.csv");
    assert_int_equal(input_resolve(".", "../x.csv", 1, out, sizeof out, err, sizeof err), 0);
    assert_string_equal(out, "../x.csv");
    char small[8];
    assert_int_equal(input_resolve("data", "long-name.csv", 1, small, sizeof small, err,
                                   sizeof err), -1);
}

static void test_open_regular(void **state)
{
    const char *path = files_write("r.csv", "abc", 0);
    FILE *f = NULL;
    assert_int_equal(input_open_regular(path, &f, err, sizeof err), 0);
    char buf[8] = {0};
    assert_int_equal(fread(buf, 1, sizeof buf, f), 3);
    assert_string_equal(buf, "abc");
    fclose(f);
    assert_int_equal(input_open_regular(files_dir(), &f, err, sizeof err), -1);
    assert_null(f);
    assert_string_equal(err, strerror(EISDIR));
    assert_int_equal(input_open_regular("/dev/zero", &f, err, sizeof err), -1);
    assert_string_equal(err, "not a regular file (a character device)");
    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/fifo", files_dir());
    unlink(fifo);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* would block forever without O_NONBLOCK: no writer ever comes */
    assert_int_equal(input_open_regular(fifo, &f, err, sizeof err), -1);
    assert_string_equal(err, "not a regular file (a FIFO)");
    unlink(fifo);
    assert_int_equal(input_open_regular_fd("/nonexistent/x", err, sizeof err), -1);
    assert_int_equal(errno, ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dir_of),       cmocka_unit_test(test_inside),
        cmocka_unit_test(test_refused),      cmocka_unit_test(test_allow_any),
        cmocka_unit_test(test_open_regular),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    files_cleanup();
    return failed;
}
