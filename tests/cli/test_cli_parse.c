/* Unit tests of the command-line parser: options, values, usage errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Parses a NULL-terminated argument list; the usage text goes to a
 * memstream so tests can look at it. */
static int parse(cli_options *o, char **msg, ...)
{
    char *argv[32] = {"quire"};
    int argc = 1;
    va_list ap;
    va_start(ap, msg);
    for (char *a; (a = va_arg(ap, char *)) != NULL;)
        argv[argc++] = a;
    va_end(ap);
    size_t len;
    FILE *err = open_memstream(msg, &len);
    int rc = cli_parse(argc, argv, o, err);
    fclose(err);
    return rc;
}

static void test_render_all_options(void **state)
{
    cli_options o;
    char *msg;
    assert_int_equal(parse(&o, &msg, "render", "a.yaml", "-t", "t.yaml", "-f", "pdf,csv,pdf",
                           "-o", "dir", "-j", "3", "--set", "period=2025-Q2", "--set=region=부산",
                           "--plugin-dir", "p1", "--plugin-dir=p2", "--quiet", "b.yaml", NULL),
                     0);
    assert_int_equal(o.command, CLI_RENDER);
    assert_int_equal(o.n_datasets, 2);
    assert_string_equal(o.datasets[1], "b.yaml");
    assert_string_equal(o.template_path, "t.yaml");
    assert_int_equal(o.n_formats, 2);   /* the duplicate pdf is dropped */
    assert_string_equal(o.formats[1], "csv");
    assert_string_equal(o.outdir, "dir");
    assert_int_equal(o.jobs, 3);
    assert_int_equal(o.n_sets, 2);
    assert_string_equal(o.sets[1].key, "region");
    assert_string_equal(o.sets[1].value, "부산");
    assert_int_equal(o.n_plugin_dirs, 2);
    assert_string_equal(o.plugin_dirs[1], "p2");
    assert_true(o.quiet);
    cli_free(&o);
    free(msg);
}

static void test_defaults_and_attached_values(void **state)
{
    cli_options o;
    char *msg;
    assert_int_equal(parse(&o, &msg, "render", "-fcsv", "-j2", "x.yaml", NULL), 0);
    assert_string_equal(o.outdir, "out");
    assert_int_equal(o.jobs, 2);
    assert_string_equal(o.formats[0], "csv");
    cli_free(&o);
    free(msg);
    /* "--" ends the options: a dataset may start with a dash. */
    assert_int_equal(parse(&o, &msg, "validate", "--", "-odd.yaml", NULL), 0);
    assert_string_equal(o.datasets[0], "-odd.yaml");
    assert_int_equal(o.jobs, 1);
    cli_free(&o);
    free(msg);
}

static void expect_usage(const char *what, ...)
{
    char *argv[16] = {"quire"};
    int argc = 1;
    va_list ap;
    va_start(ap, what);
    for (char *a; (a = va_arg(ap, char *)) != NULL;)
        argv[argc++] = a;
    va_end(ap);
    char *msg;
    size_t len;
    FILE *err = open_memstream(&msg, &len);
    cli_options o;
    int rc = cli_parse(argc, argv, &o, err);
    fclose(err);
    assert_int_equal(rc, 1);
    if (!strstr(msg, what) || !strstr(msg, "--help")) {
        fprintf(stderr, "expected '%s' in: %s", what, msg);
        fail();
    }
    cli_free(&o);
    free(msg);
}

static void test_usage_errors(void **state)
{
    expect_usage("no command", NULL);
    expect_usage("unknown command 'rendr'; did you mean 'render'?", "rendr", NULL);
    expect_usage("unknown command 'frobnicate'", "frobnicate", NULL);
    expect_usage("did you mean 'plugins'?", "help", "plugin", NULL);
    expect_usage("no dataset", "render", NULL);
    expect_usage("no dataset", "validate", "-t", "x.yaml", NULL);
    expect_usage("unknown option '--bogus'", "render", "a.yaml", "--bogus", NULL);
    expect_usage("unknown option '-o'", "validate", "a.yaml", "-o", "x", NULL);
    expect_usage("PLUGIN.KEY=VALUE", "render", "a.yaml", "-O", "pdf=ua-1", NULL);
    expect_usage("PLUGIN.KEY=VALUE", "render", "a.yaml", "-O", ".standard=x", NULL);
    expect_usage("expects one argument", "schema", "datasets", NULL);
    expect_usage("unknown option '-o'", "plugins", "-o", "x", NULL);
    expect_usage("needs a value", "render", "a.yaml", "-o", NULL);
    expect_usage("-j expects", "render", "a.yaml", "-j", "0", NULL);
    expect_usage("-j expects", "render", "a.yaml", "-j", "2x", NULL);
    expect_usage("-j expects", "render", "a.yaml", "-j", "100000", NULL);
    expect_usage("KEY=VALUE", "render", "a.yaml", "--set", "period", NULL);
    expect_usage("KEY=VALUE", "render", "a.yaml", "--set", "=x", NULL);
    expect_usage("names no format", "render", "a.yaml", "-f", ",", NULL);
    expect_usage("takes no value", "render", "a.yaml", "--quiet=yes", NULL);
    expect_usage("unexpected argument", "plugins", "stray", NULL);
    expect_usage("unexpected argument", "--version", "x", NULL);
}

static void test_help_and_version(void **state)
{
    cli_options o;
    char *msg;
    assert_int_equal(parse(&o, &msg, "--help", NULL), 0);
    assert_true(o.help);
    assert_int_equal(o.command, CLI_NONE);
    cli_free(&o);
    free(msg);
    assert_int_equal(parse(&o, &msg, "render", "--help", NULL), 0);
    assert_true(o.help);
    assert_int_equal(o.command, CLI_RENDER);
    cli_free(&o);
    free(msg);
    assert_int_equal(parse(&o, &msg, "help", "validate", NULL), 0);
    assert_true(o.help);
    assert_int_equal(o.command, CLI_VALIDATE);
    cli_free(&o);
    free(msg);
    assert_int_equal(parse(&o, &msg, "--version", NULL), 0);
    assert_int_equal(o.command, CLI_VERSION);
    cli_free(&o);
    free(msg);
}

static void test_help_texts_name_every_option(void **state)
{
    char *text;
    size_t len;
    FILE *f = open_memstream(&text, &len);
    cli_help(CLI_RENDER, f);
    fclose(f);
    const char *opts[] = {"--template", "--formats", "--outdir", "--jobs", "--set",
                          "--plugin-dir", "--quiet", "--help"};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        assert_non_null(strstr(text, opts[i]));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_render_all_options),
        cmocka_unit_test(test_defaults_and_attached_values),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_help_and_version),
        cmocka_unit_test(test_help_texts_name_every_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
