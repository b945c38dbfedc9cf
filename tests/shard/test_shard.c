/* Unit tests of --shard: FNV-1a, the arguments, the index variables, and
 * that the shards of a list are disjoint and cover it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_list.h"
#include "cli.h"
#include "shard.h"

/* A fake environment: NAME=VALUE strings, NULL-terminated. */
static const char *const *fake_env;

static const char *lookup(const char *name)
{
    size_t n = strlen(name);
    for (const char *const *e = fake_env; e && *e; e++)
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
            return *e + n + 1;
    return NULL;
}

static int parse(const char *arg, shard *s, char *err)
{
    return shard_parse(arg, lookup, s, err, 512);
}

static void test_fnv1a_vectors(void **state)
{
    /* the published FNV-1a 64-bit test vectors */
    assert_true(shard_fnv1a("", 0) == 0xcbf29ce484222325u);
    assert_true(shard_fnv1a("a", 1) == 0xaf63dc4c8601ec8cu);
    assert_true(shard_fnv1a("foobar", 6) == 0x85944171f73967e8u);
    /* bytes as given: no normalisation of the path */
    assert_true(shard_fnv1a("./a.yaml", 8) != shard_fnv1a("a.yaml", 6));
}

static void test_explicit_index(void **state)
{
    shard s;
    char err[512];
    fake_env = NULL;
    assert_int_equal(parse("3/8", &s, err), 0);
    assert_true(s.index == 3 && s.count == 8);
    assert_int_equal(parse("0/1", &s, err), 0);
    assert_int_equal(parse("8/8", &s, err), -1);
    assert_non_null(strstr(err, "below 8"));
    assert_int_equal(parse("-1/8", &s, err), -1);
    assert_int_equal(parse("1/0", &s, err), -1);
    assert_int_equal(parse("1/", &s, err), -1);
    assert_int_equal(parse("/8", &s, err), -1);
    assert_int_equal(parse("a/8", &s, err), -1);
    assert_int_equal(parse(" 1/8", &s, err), -1);
    assert_int_equal(parse("1/8x", &s, err), -1);
    assert_int_equal(parse("99999999999999999999/8", &s, err), -1);
}

static void test_index_from_environment(void **state)
{
    shard s;
    char err[512];
    static const char *const none[] = {"PATH=/bin", NULL};
    fake_env = none;
    assert_int_equal(parse("8", &s, err), -1);
    assert_non_null(strstr(err, "JOB_COMPLETION_INDEX"));

    static const char *const slurm[] = {"SLURM_ARRAY_TASK_ID=5", NULL};
    fake_env = slurm;
    assert_int_equal(parse("8", &s, err), 0);
    assert_true(s.index == 5 && s.count == 8);
    assert_int_equal(parse("5", &s, err), -1);   /* 5 is not below 5 */
    assert_non_null(strstr(err, "SLURM_ARRAY_TASK_ID"));

    /* the first that is set wins, in the documented order */
    static const char *const all[] = {"AWS_BATCH_JOB_ARRAY_INDEX=1", "SLURM_ARRAY_TASK_ID=2",
                                      "JOB_COMPLETION_INDEX=3", NULL};
    fake_env = all;
    assert_int_equal(parse("8", &s, err), 0);
    assert_true(s.index == 3);
    static const char *const aws[] = {"AWS_BATCH_JOB_ARRAY_INDEX=7", NULL};
    fake_env = aws;
    assert_int_equal(parse("8", &s, err), 0);
    assert_true(s.index == 7);

    /* set but not a number: an error naming it, not a fall-through */
    static const char *const bad[] = {"JOB_COMPLETION_INDEX=", "SLURM_ARRAY_TASK_ID=1", NULL};
    fake_env = bad;
    assert_int_equal(parse("8", &s, err), -1);
    assert_non_null(strstr(err, "JOB_COMPLETION_INDEX"));
    assert_int_equal(parse("0", &s, err), -1);
}

/* Every path of a list is in exactly one of N shards, and each shard gets
 * a fair part of it. */
static void test_disjoint_and_covering(void **state)
{
    enum { PATHS = 4000 };
    char path[64];
    for (uint64_t n = 1; n <= 16; n++) {
        size_t per[16] = {0};
        for (int i = 0; i < PATHS; i++) {
            snprintf(path, sizeof path, "data/region-%d.yaml", i);
            int owners = 0;
            for (uint64_t k = 0; k < n; k++) {
                shard s = {k, n};
                if (shard_has(&s, path)) {
                    owners++;
                    per[k]++;
                }
            }
            assert_int_equal(owners, 1);
        }
        for (uint64_t k = 0; k < n; k++)   /* within ±25% of an even split */
            assert_true(per[k] * 4 * n >= 3u * PATHS && per[k] * 4 * n <= 5u * PATHS);
    }
}

/* --datasets-from's lines: LF or CRLF, empty lines skipped, NUL refused. */
static void test_list_lines(void **state)
{
    static const char text[] = "a.yaml\r\n\nb c.yaml\n\n./d.yaml";
    FILE *in = fmemopen((void *)text, sizeof text - 1, "r");
    batch_list l = {0};
    assert_int_equal(batch_list_read(&l, "list", in, stderr), 0);
    fclose(in);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.paths[0], "a.yaml");
    assert_string_equal(l.paths[1], "b c.yaml");
    assert_string_equal(l.paths[2], "./d.yaml");
    batch_list_free(&l);

    static const char nul[] = "a.yaml\nb\0.yaml\n";
    in = fmemopen((void *)nul, sizeof nul - 1, "r");
    char *msg = NULL;
    size_t len;
    FILE *err = open_memstream(&msg, &len);
    assert_int_equal(batch_list_read(&l, "list", in, err), 2);
    fclose(err);
    fclose(in);
    assert_non_null(strstr(msg, "list:2: error: a NUL byte"));
    free(msg);
    batch_list_free(&l);
}

/* The command line keeps the shard and the manifest; manifest check
 * sorts its arguments into datasets and manifests. */
static void test_cli(void **state)
{
    char *argv[] = {"quire", "render", "--datasets-from", "-", "--shard", "2/4", "--manifest",
                    "m.jsonl", "-o", "out", NULL};
    cli_options o;
    assert_int_equal(cli_parse(10, argv, &o, stderr), 0);
    assert_string_equal(o.datasets_from, "-");
    assert_true(o.sharded && o.shard.index == 2 && o.shard.count == 4);
    assert_string_equal(o.manifest, "m.jsonl");
    assert_int_equal(o.n_datasets, 0);
    cli_free(&o);

    char *check[] = {"quire", "manifest", "check", "a.yaml", "m.0", "b.yml", "m.1", NULL};
    assert_int_equal(cli_parse(7, check, &o, stderr), 0);
    assert_int_equal(o.command, CLI_MANIFEST);
    assert_int_equal(o.n_datasets, 2);
    assert_string_equal(o.datasets[1], "b.yml");
    assert_int_equal(o.n_manifests, 2);
    assert_string_equal(o.manifests[1], "m.1");
    cli_free(&o);

    char *msg = NULL;
    size_t len;
    FILE *err = open_memstream(&msg, &len);
    char *bad[] = {"quire", "manifest", "check", "a.yaml", NULL};
    assert_int_equal(cli_parse(4, bad, &o, err), 1);
    cli_free(&o);
    char *watch[] = {"quire", "watch", "a.yaml", "--shard", "0/2", NULL};
    assert_int_equal(cli_parse(5, watch, &o, err), 1);   /* render only */
    cli_free(&o);
    fclose(err);
    assert_non_null(strstr(msg, "no manifest given"));
    assert_non_null(strstr(msg, "unknown option '--shard'"));
    free(msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fnv1a_vectors),
        cmocka_unit_test(test_explicit_index),
        cmocka_unit_test(test_index_from_environment),
        cmocka_unit_test(test_disjoint_and_covering),
        cmocka_unit_test(test_list_lines),
        cmocka_unit_test(test_cli),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
