/* Unit tests of atomic outputs: temporary files, commit, abort. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

static char dir[] = "/tmp/quire-test-output-XXXXXX";

static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
    closedir(d);
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_file(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int setup(void **state)
{
    umask(022);
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void test_make_dir(void **state)
{
    char path[256];
    snprintf(path, sizeof path, "%s/a/b/c", dir);
    assert_int_equal(output_make_dir(path), 0);
    assert_int_equal(output_make_dir(path), 0);   /* exists: fine */
    snprintf(path, sizeof path, "%s/plain", dir);
    write_file(path, "x");
    assert_int_equal(output_make_dir(path), -1);
    assert_int_equal(errno, ENOTDIR);
    snprintf(path, sizeof path, "%s/plain/sub", dir);
    assert_int_equal(output_make_dir(path), -1);
    snprintf(path, sizeof path, "rm -rf '%s/a' '%s/plain'", dir, dir);
    assert_int_equal(system(path), 0);
}

static void test_commit_renames_every_file(void **state)
{
    output_set set = {0};
    const char *t1 = output_add(&set, dir, "x.csv");
    const char *t2 = output_add(&set, dir, "x.t.csv");
    assert_non_null(t1);
    assert_non_null(t2);
    assert_non_null(strstr(t1, "/.x.csv."));      /* hidden, beside the target */
    assert_null(output_add(&set, dir, "x.csv"));  /* one name, one file */
    assert_int_equal(errno, EEXIST);
    write_file(t1, "one");
    write_file(t2, "two");
    const char *failed = NULL;
    assert_int_equal(output_commit(&set, &failed), 0);
    char path[256];
    snprintf(path, sizeof path, "%s/x.csv", dir);
    assert_string_equal(read_file(path), "one");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);   /* not mkstemp's 0600 */
    snprintf(path, sizeof path, "%s/x.t.csv", dir);
    assert_string_equal(read_file(path), "two");
    assert_int_equal(entries(), 2);
    output_set_free(&set);
}

static void test_abort_keeps_older_file(void **state)
{
    char path[256];
    snprintf(path, sizeof path, "%s/old.pdf", dir);
    write_file(path, "older output");
    output_set set = {0};
    const char *t = output_add(&set, dir, "old.pdf");
    assert_non_null(t);
    write_file(t, "half");
    output_abort(&set);
    output_set_free(&set);
    assert_string_equal(read_file(path), "older output");
    assert_int_equal(entries(), 3);   /* x.csv, x.t.csv, old.pdf: no temporary */
}

static void test_failed_rename_removes_the_rest(void **state)
{
    char path[256];
    snprintf(path, sizeof path, "%s/blocked.pdf", dir);
    assert_int_equal(mkdir(path, 0755), 0);   /* a directory where the file goes */
    output_set set = {0};
    assert_non_null(output_add(&set, dir, "blocked.pdf"));
    assert_non_null(output_add(&set, dir, "after.pdf"));
    const char *failed = NULL;
    assert_int_equal(output_commit(&set, &failed), -1);
    assert_string_equal(failed, path);
    output_set_free(&set);
    assert_int_equal(entries(), 4);   /* the three files and the directory */
}

static void test_guard_start_stop(void **state)
{
    assert_int_equal(output_guard_start(), 0);
    assert_int_equal(output_interrupted(), 0);
    assert_int_equal(output_guard_stop(), 0);
    assert_int_equal(output_guard_start(), 0);
    assert_int_equal(output_guard_stop(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_make_dir),
        cmocka_unit_test(test_commit_renames_every_file),
        cmocka_unit_test(test_abort_keeps_older_file),
        cmocka_unit_test(test_failed_rename_removes_the_rest),
        cmocka_unit_test(test_guard_start_stop),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
