/* test_alias_cost.c — aliases are capped by what they produce, not by the
 * events they take: one big anchored string aliased thousands of times,
 * and nested anchors that hold aliases, are refused at once, in little
 * memory (issue 8: 3 GB and 2.8 GB before). The bound is on memory, a
 * size, never on time: a busy machine cannot fail it (issue 20). */
#include "loader_files.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <cmocka.h>

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Loads text, which must fail with one message containing want, within
 * 200 MB more than the process used before. */
static void expect_refused(const char *text, size_t len, const char *want)
{
    const char *path = files_write("bomb.yaml", text, len);
    long rss = max_rss_kb();
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    load_status st = files_load(path, NULL, 0, &ds, &msgs);
    assert_int_equal(st, LOAD_INVALID);
    assert_null(ds);
    if (!strstr(msgs, want))
        fail_msg("expected '%s' in:\n%s", want, msgs);
    assert_true(max_rss_kb() - rss < 200 * 1024);
    free(msgs);
}

/* A 1 MiB string, anchored once, aliased 3,000 times: 3 GiB if expanded. */
static void big_string(void **state)
{
    const size_t big = 1024 * 1024, n = 3000;
    size_t cap = big + n * 4 + 256, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text, cap, "quire: 1\nid: x\ntitle: &s ");
    memset(text + len, 'a', big);
    len += big;
    len += (size_t)snprintf(text + len, cap - len, "\nsummary: [");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s*s", i ? "," : "");
    len += (size_t)snprintf(text + len, cap - len, "]\n");
    expect_refused(text, len, "aliases expand to more than 1048576 bytes of text");
    free(text);
}

/* A billion laughs whose last level sits inside 50 nested anchors: every
 * replayed event used to be copied into each open anchor. */
static void nested_anchors(void **state)
{
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text, cap, "quire: 1\nid: x\ntitle: T\nparams:\n  a: &l0 x\n");
    len += (size_t)snprintf(text + len, cap - len, "summary:\n  - &l1 [");
    for (int i = 0; i < 10; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s*l0", i ? ", " : "");
    len += (size_t)snprintf(text + len, cap - len, "]\n");
    for (int level = 2; level <= 7; level++) {
        len += (size_t)snprintf(text + len, cap - len, "  - &l%d [", level);
        for (int i = 0; i < 10; i++)
            len += (size_t)snprintf(text + len, cap - len, "%s*l%d", i ? ", " : "", level - 1);
        len += (size_t)snprintf(text + len, cap - len, "]\n");
    }
    len += (size_t)snprintf(text + len, cap - len, "  - ");
    for (int i = 0; i < 50; i++)
        len += (size_t)snprintf(text + len, cap - len, "&n%d [", i);
    for (int i = 0; i < 200; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s*l7", i ? ", " : "");
    for (int i = 0; i < 50; i++)
        text[len++] = ']';
    text[len++] = '\n';
    assert_true(len < cap);
    expect_refused(text, len, "aliases expand to more than 1000000 nodes");
    free(text);
}

/* Aliases that stay within the caps still expand in full, nested ones
 * included. */
static void nested_within_caps(void **state)
{
    quire_dataset *ds = NULL;
    char *msgs = NULL;
    const char *text = "quire: 1\nid: x\ntitle: &t Shared\nsubtitle: *t\n"
           "summary: &all [*t, &p para, *p]\n"
           "sections:\n  - {id: s, body: *all}\n";
    const char *path = files_write("ok.yaml", text, 0);
    assert_int_equal(files_load(path, NULL, 0, &ds, &msgs), LOAD_OK);
    assert_string_equal(msgs, "");
    assert_string_equal(ds->subtitle, "Shared");
    assert_int_equal(ds->summary.count, 3);
    assert_int_equal(ds->sections[0].paragraphs.count, 3);
    assert_string_equal(ds->sections[0].paragraphs.items[0], "Shared");
    assert_string_equal(ds->sections[0].paragraphs.items[2], "para");
    free(msgs);
    dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(big_string),
        cmocka_unit_test(nested_anchors),
        cmocka_unit_test(nested_within_caps),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    files_cleanup();
    return rc;
}
