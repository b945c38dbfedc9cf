/* Unit tests of --manifest: the line format both ways, SHA-256, and what
 * manifest check reports. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "manifest.h"
#include "manifest_check.h"

#define ABC_SHA "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define EMPTY_SHA "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static int parse(const char *line, manifest_entry *e, size_t *col, char *err)
{
    return manifest_parse_line(line, strlen(line), e, col, err, 256);
}

static void test_parse_line(void **state)
{
    manifest_entry e;
    size_t col;
    char err[256];
    assert_int_equal(parse("{\"dataset\":\"d/a.yaml\",\"id\":\"a\",\"format\":\"pdf\","
                           "\"path\":\"o/a.pdf\",\"bytes\":3,\"sha256\":\"" ABC_SHA "\"}",
                           &e, &col, err), 0);
    assert_string_equal(e.dataset, "d/a.yaml");
    assert_string_equal(e.path, "o/a.pdf");
    assert_true(e.bytes == 3);
    assert_string_equal(e.sha256, ABC_SHA);
    manifest_entry_free(&e);

    /* any order, spaces, escapes, a surrogate pair, unknown keys */
    assert_int_equal(parse(" { \"sha256\" : \"" ABC_SHA "\", \"bytes\": 0, \"later\": 7, "
                           "\"note\": \"x\", \"path\":\"o/\\u00e9 \\\"q\\\"\\ud83d\\ude00\", "
                           "\"format\":\"csv\",\"id\":\"\\uc11c\",\"dataset\":\"a\\\\b\\/c\"} ",
                           &e, &col, err), 0);
    assert_string_equal(e.path, "o/é \"q\"😀");
    assert_string_equal(e.id, "서");
    assert_string_equal(e.dataset, "a\\b/c");
    manifest_entry_free(&e);

    static const struct { const char *line, *why; } bad[] = {
        {"[1]", "expected '{'"},
        {"{\"dataset\":\"a\"}", "\"id\" is missing"},
        {"{\"bytes\":1,\"bytes\":2}", "given twice"},
        {"{\"bytes\":-1}", "non-negative integer"},
        {"{\"bytes\":01}", "non-negative integer"},
        {"{\"bytes\":99999999999999999999}", "too large"},
        {"{\"sha256\":\"ABC\"}", "64 lowercase hex"},
        {"{\"path\":\"a\\u0000\"}", "a NUL"},
        {"{\"path\":\"\\ud800\"}", "lone surrogate"},
        {"{\"path\":\"a\\x\"}", "unknown escape"},
        {"{\"path\":\"a", "not closed"},
        {"{\"path\":\"a\"} x", "text after"},
        {"{\"path\" \"a\"}", "expected ':'"},
        {"{\"path\":\"a\" \"id\":\"b\"}", "expected ','"},
        {"{\"path\":\"a\tb\"}", "control character"},
        {"{\"id\":{}}", "expected a string"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(parse(bad[i].line, &e, &col, err), -1);
        if (!strstr(err, bad[i].why))
            fail_msg("%s: got '%s', want '%s'", bad[i].line, err, bad[i].why);
        assert_true(col >= 1 && col <= strlen(bad[i].line) + 1);
    }
}

static char dir[] = "/tmp/quire-manifest-XXXXXX";

static void put_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void add(manifest *m, const char *dataset, const char *format, const char *path,
                const char *text)
{
    put_file(path, text);
    char full[256];
    snprintf(full, sizeof full, "%s/%s", dir, path);
    manifest_entry e = {(char *)dataset, "x", (char *)format, full, 0, {0}, NULL, 0};
    assert_int_equal(manifest_hash_file(AT_FDCWD, full, &e.bytes, e.sha256), 0);
    assert_int_equal(manifest_add(m, &e), 0);
}

static void test_hash(void **state)
{
    uint64_t n;
    char hex[65];
    put_file("abc", "abc");
    put_file("empty", "");
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    assert_int_equal(manifest_hash_file(dfd, "abc", &n, hex), 0);
    assert_true(n == 3);
    assert_string_equal(hex, ABC_SHA);
    assert_int_equal(manifest_hash_file(dfd, "empty", &n, hex), 0);
    assert_string_equal(hex, EMPTY_SHA);
    assert_int_equal(manifest_hash_file(dfd, "none", &n, hex), -1);
    assert_int_equal(manifest_hash_file(dfd, ".", &n, hex), -1);   /* not a file */
    close(dfd);
}

/* Writes two shards' manifests, then checks them against a list. */
static char *check(const char *const *datasets, size_t nd, char *const *formats, size_t nf,
                   const char *const *files, size_t n, int *code)
{
    char *out = NULL;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    manifest_check_input in = {datasets, nd, formats, nf, files, n};
    *code = manifest_check(&in, f, stderr, NULL);
    fclose(f);
    return out;
}

static void test_write_read_check(void **state)
{
    char m0[256], m1[256], err[256];
    snprintf(m0, sizeof m0, "%s/m.0", dir);
    snprintf(m1, sizeof m1, "%s/m.1", dir);
    manifest a = {0}, b = {0};
    add(&a, "d/b.yaml", "pdf", "b.pdf", "bbb");
    add(&a, "d/a.yaml", "pdf", "a.pdf", "aaa");
    add(&a, "d/a.yaml", "csv", "a.csv", "1,2");
    add(&b, "d/c.yaml", "pdf", "c.pdf", "ccc");
    assert_int_equal(manifest_write(&a, m0, err, sizeof err), 0);
    assert_int_equal(manifest_write(&b, m1, err, sizeof err), 0);

    /* sorted by path, read back as written */
    manifest r = {0};
    assert_int_equal(manifest_read(&r, m0, stderr), 0);
    assert_int_equal(r.n, 3);
    assert_non_null(strstr(r.items[0].path, "/a.csv"));
    assert_non_null(strstr(r.items[2].path, "/b.pdf"));
    assert_string_equal(r.items[1].sha256, a.items[1].sha256);
    assert_int_equal(r.items[2].line, 3);
    manifest_free(&r);

    const char *list[] = {"d/a.yaml", "d/b.yaml", "d/c.yaml"};
    const char *both[] = {m0, m1};
    int code;
    char *out = check(list, 3, NULL, 0, both, 2, &code);
    /* formats named: pdf and csv; b and c have no csv */
    assert_int_equal(code, 2);
    assert_non_null(strstr(out, "d/b.yaml\tcsv\tmissing\n"));
    assert_non_null(strstr(out, "d/c.yaml\tcsv\tmissing\n"));
    assert_null(strstr(out, "d/a.yaml"));
    free(out);

    char *pdf[] = {"pdf"};
    out = check(list, 3, pdf, 1, both, 2, &code);
    assert_int_equal(code, 0);
    assert_string_equal(out, "");
    free(out);

    /* one shard's manifest lost: its datasets are missing */
    out = check(list, 3, pdf, 1, both, 1, &code);
    assert_int_equal(code, 2);
    assert_string_equal(out, "d/c.yaml\tpdf\tmissing\n");
    free(out);

    /* a file changed, one gone, one grown */
    put_file("a.pdf", "AAA");
    put_file("b.pdf", "bbbb");
    char c_pdf[256];
    snprintf(c_pdf, sizeof c_pdf, "%s/c.pdf", dir);
    unlink(c_pdf);
    out = check(list, 3, pdf, 1, both, 2, &code);
    assert_int_equal(code, 2);
    assert_non_null(strstr(out, "a.pdf: sha256 differs"));
    assert_non_null(strstr(out, "b.pdf: 4 bytes, the manifest says 3"));
    assert_non_null(strstr(out, "c.pdf: absent"));
    free(out);

    /* the same manifest twice: every output written twice */
    const char *twice[] = {m1, m1};
    put_file("c.pdf", "ccc");
    out = check(list + 2, 1, pdf, 1, twice, 2, &code);
    assert_int_equal(code, 2);
    assert_non_null(strstr(out, "c.pdf: written twice"));
    free(out);

    /* a dataset not in the list; no list: the datasets named */
    out = check(list, 1, pdf, 1, both + 1, 1, &code);
    assert_non_null(strstr(out, "d/c.yaml\tpdf\t"));
    assert_non_null(strstr(out, "not a dataset of the list"));
    assert_non_null(strstr(out, "d/a.yaml\tpdf\tmissing"));
    free(out);
    out = check(NULL, 0, NULL, 0, both + 1, 1, &code);
    assert_int_equal(code, 0);
    free(out);

    /* an empty manifest against a list: nothing was written */
    manifest none = {0};
    assert_int_equal(manifest_write(&none, m1, err, sizeof err), 0);
    out = check(list, 1, NULL, 0, both + 1, 1, &code);
    assert_int_equal(code, 2);
    assert_string_equal(out, "d/a.yaml\t(any)\tmissing\n");
    free(out);

    /* a damaged manifest: file:line:col, exit 2 */
    put_file("m.bad", "{\"dataset\":\"a\"}\n");
    char bad[256];
    snprintf(bad, sizeof bad, "%s/m.bad", dir);
    const char *damaged[] = {bad};
    char *msg = NULL;
    size_t len;
    FILE *err_f = open_memstream(&msg, &len);
    manifest_check_input in = {NULL, 0, NULL, 0, damaged, 1};
    assert_int_equal(manifest_check(&in, stdout, err_f, NULL), 2);
    fclose(err_f);
    assert_non_null(strstr(msg, "m.bad:1:16: error: the key \"id\" is missing"));
    free(msg);
    manifest_free(&a);
    manifest_free(&b);
}

static int setup(void **state)
{
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_line),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_write_read_check),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
