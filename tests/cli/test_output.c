/* Unit tests of atomic outputs: the private directory, commit all or
 * nothing, roll-back, symlinks at targets, and the sweep of dead runs. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

static char dir[] = "/tmp/quire-test-output-XXXXXX";
static int dir_fd = -1;

/* Entries of the test directory, hidden ones included. */
static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static const char *at(const char *name)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
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

static void clear_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'/* '%s'/.[!.]*", dir, dir);
    assert_int_equal(system(cmd), 0);
}

static int setup(void **state)
{
    umask(022);
    if (!mkdtemp(dir))
        return -1;
    dir_fd = open(dir, O_RDONLY | O_DIRECTORY);
    return dir_fd >= 0 ? 0 : -1;
}

static int teardown(void **state)
{
    close(dir_fd);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void test_make_dir(void **state)
{
    assert_int_equal(output_make_dir(at("a/b/c")), 0);
    assert_int_equal(output_make_dir(at("a/b/c")), 0);   /* exists: fine */
    write_file(at("plain"), "x");
    assert_int_equal(output_make_dir(at("plain")), -1);
    assert_int_equal(errno, ENOTDIR);
    assert_int_equal(output_make_dir(at("plain/sub")), -1);
    clear_dir();
}

static void test_private_dir(void **state)
{
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    struct stat st;
    assert_int_equal(stat(set.private_dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);   /* nobody else can swap a file in it */
    assert_int_equal(strncmp(set.private_name, ".quire-", 7), 0);
    /* written through the open directory, not a name others can redirect */
    assert_non_null(strstr(set.private_dir, "/proc/self/fd/"));
    struct stat named;
    assert_int_equal(fstatat(dir_fd, set.private_name, &named, AT_SYMLINK_NOFOLLOW), 0);
    assert_int_equal(named.st_ino, st.st_ino);
    const char *t = output_add(&set, "x.csv");
    assert_non_null(t);
    assert_int_equal(strncmp(t, set.private_dir, strlen(set.private_dir)), 0);
    assert_null(output_add(&set, "x.csv"));        /* one name, one file */
    assert_int_equal(errno, EEXIST);
    assert_null(output_add(&set, "../x.csv"));
    assert_int_equal(errno, EINVAL);
    assert_null(output_add(&set, ".hidden"));
    assert_int_equal(errno, EINVAL);
    char long_name[300];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_null(output_add(&set, long_name));
    assert_int_equal(errno, ENAMETOOLONG);
    assert_int_equal(output_adopt(&set, "x.csv"), -1);
    output_set_free(&set);
    assert_int_equal(entries(), 0);   /* the private directory went with it */
}

static void test_commit_renames_every_file(void **state)
{
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    const char *t1 = output_add(&set, "x.csv");
    const char *t2 = output_add(&set, "x.t.csv");
    assert_non_null(t1);
    assert_non_null(t2);
    write_file(t1, "one");
    write_file(t2, "two");
    /* A file that another process (the export's child) created. */
    char adopted[512];
    snprintf(adopted, sizeof adopted, "%s/x.u.csv", set.private_dir);
    write_file(adopted, "three");
    assert_int_equal(output_adopt(&set, "x.u.csv"), 0);
    write_file(at("x.csv"), "older");
    char err[256];
    assert_int_equal(output_commit(&set, err, sizeof err), 0);
    output_set_free(&set);
    assert_string_equal(read_file(at("x.csv")), "one");
    struct stat st;
    assert_int_equal(stat(at("x.csv"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);   /* the umask's, not 0600 */
    assert_string_equal(read_file(at("x.t.csv")), "two");
    assert_string_equal(read_file(at("x.u.csv")), "three");
    assert_int_equal(entries(), 3);   /* no private directory, no older copy */
    clear_dir();
}

static void test_failed_export_keeps_older_file(void **state)
{
    write_file(at("old.pdf"), "older output");
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    write_file(output_add(&set, "old.pdf"), "half");
    output_set_free(&set);
    assert_string_equal(read_file(at("old.pdf")), "older output");
    assert_int_equal(entries(), 1);
    clear_dir();
}

/* A directory where one file of the set goes: none of the set is
 * committed, the other targets keep their older files. */
static void test_directory_at_a_target(void **state)
{
    write_file(at("x.csv"), "older");
    assert_int_equal(mkdir(at("x.b.csv"), 0755), 0);
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    write_file(output_add(&set, "x.csv"), "new");
    write_file(output_add(&set, "x.a.csv"), "new a");
    write_file(output_add(&set, "x.b.csv"), "new b");
    char err[256];
    assert_int_equal(output_commit(&set, err, sizeof err), -1);
    assert_non_null(strstr(err, "x.b.csv: a directory has that name"));
    output_set_free(&set);
    assert_string_equal(read_file(at("x.csv")), "older");
    assert_int_equal(access(at("x.a.csv"), F_OK), -1);
    assert_int_equal(entries(), 2);
    clear_dir();
}

static int renames;
static int fail_third_rename(int a, const char *from, int b, const char *to)
{
    if (++renames == 3) {
        errno = EIO;
        return -1;
    }
    return renameat(a, from, b, to);
}

/* A rename that fails after the checks passed: the renames done before
 * it are undone, older files come back, new names go. */
static void test_roll_back(void **state)
{
    write_file(at("x.csv"), "older");
    write_file(at("x.c.csv"), "older c");
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    write_file(output_add(&set, "x.csv"), "new");
    write_file(output_add(&set, "x.a.csv"), "new a");
    write_file(output_add(&set, "x.c.csv"), "new c");
    char err[256];
    renames = 0;
    output_rename_hook = fail_third_rename;
    assert_int_equal(output_commit(&set, err, sizeof err), -1);
    output_rename_hook = NULL;
    assert_non_null(strstr(err, "x.c.csv"));
    output_set_free(&set);
    assert_string_equal(read_file(at("x.csv")), "older");
    assert_string_equal(read_file(at("x.c.csv")), "older c");
    assert_int_equal(access(at("x.a.csv"), F_OK), -1);
    assert_int_equal(entries(), 2);
    clear_dir();
}

/* A symlink planted at the final name is replaced, never followed. */
static void test_symlink_at_target(void **state)
{
    write_file(at("victim"), "untouched");
    assert_int_equal(symlink(at("victim"), at("x.pdf")), 0);
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    write_file(output_add(&set, "x.pdf"), "new");
    char err[256];
    assert_int_equal(output_commit(&set, err, sizeof err), 0);
    output_set_free(&set);
    struct stat st;
    assert_int_equal(lstat(at("x.pdf"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_string_equal(read_file(at("x.pdf")), "new");
    assert_string_equal(read_file(at("victim")), "untouched");
    clear_dir();
}

/* A plugin that leaves a symlink (or nothing) at its output path. */
static void test_new_file_must_be_regular(void **state)
{
    write_file(at("victim"), "untouched");
    output_set set;
    assert_int_equal(output_set_init(&set, dir, dir_fd), 0);
    const char *t = output_add(&set, "x.pdf");
    unlink(t);
    assert_int_equal(symlink(at("victim"), t), 0);
    char err[256];
    assert_int_equal(output_commit(&set, err, sizeof err), -1);
    assert_non_null(strstr(err, "something else than a file"));
    unlink(t);
    assert_int_equal(output_commit(&set, err, sizeof err), -1);
    assert_non_null(strstr(err, "did not write it"));
    output_set_free(&set);
    assert_int_equal(entries(), 1);
    clear_dir();
}

/* A dead run's private directory goes; a live one, a symlink, a file,
 * other names and a directory quire did not make (no marker: another
 * user's folder renamed to a .quire- name) stay. Symlinks inside are
 * removed, not followed. */
static void test_sweep(void **state)
{
    write_file(at("victim"), "untouched");
    assert_int_equal(mkdir(at(".quire-Other1"), 0700), 0);
    write_file(at(".quire-Other1/keep"), "not quire's");
    assert_int_equal(mkdir(at(".quire-Dead01"), 0700), 0);
    write_file(at(".quire-Dead01/.quire-private"), "");
    assert_int_equal(mkdir(at(".quire-Dead01/sub"), 0700), 0);
    write_file(at(".quire-Dead01/x.pdf"), "half");
    write_file(at(".quire-Dead01/sub/tmp"), "tmp");
    assert_int_equal(symlink(at("victim"), at(".quire-Dead01/link")), 0);
    assert_int_equal(symlink(dir, at(".quire-Dead01/up")), 0);
    assert_int_equal(symlink(at(".quire-Dead01"), at(".quire-Link01")), 0);
    write_file(at(".quire-File01"), "a file");
    assert_int_equal(mkdir(at(".quire-toolong"), 0700), 0);
    output_set live;
    assert_int_equal(output_set_init(&live, dir, dir_fd), 0);
    write_file(output_add(&live, "x.csv"), "in use");

    char *notes = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&notes, &len);
    assert_int_equal(output_sweep(dir_fd, dir, f), 1);
    fclose(f);
    assert_non_null(strstr(notes, "/.quire-Dead01, left by a run that was killed"));
    free(notes);
    assert_int_equal(access(at(".quire-Dead01"), F_OK), -1);
    assert_string_equal(read_file(at("victim")), "untouched");
    assert_string_equal(read_file(live.files[0].temp), "in use");
    assert_string_equal(read_file(at(".quire-File01")), "a file");
    assert_int_equal(access(at(".quire-toolong"), F_OK), 0);
    assert_string_equal(read_file(at(".quire-Other1/keep")), "not quire's");
    output_set_free(&live);
    assert_int_equal(output_sweep(dir_fd, dir, NULL), 0);
    clear_dir();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_make_dir),
        cmocka_unit_test(test_private_dir),
        cmocka_unit_test(test_commit_renames_every_file),
        cmocka_unit_test(test_failed_export_keeps_older_file),
        cmocka_unit_test(test_directory_at_a_target),
        cmocka_unit_test(test_roll_back),
        cmocka_unit_test(test_symlink_at_target),
        cmocka_unit_test(test_new_file_must_be_regular),
        cmocka_unit_test(test_sweep),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
