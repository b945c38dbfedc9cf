/*
 * plugin_test.c — quire-plugin-test: runs one exporter plugin on a sample
 * dataset under a strict host, so that its author can test it without
 * the whole program (and under valgrind: `valgrind --leak-check=full
 * quire-plugin-test ./quire-mine.so`).
 *
 * The dataset and template are loaded and checked by quire's own code,
 * and the plugin's options typed from its descriptor as quire does. Then
 * the plugin runs in a private temporary directory (its working directory
 * and TMPDIR), and the tool checks that
 *   - check() (when it has one) accepts the sample and export() succeeds,
 *   - it writes exactly its outputs (the main one and those it asked for
 *     with open_output), nothing in the working directory, TMPDIR, or the
 *     directories of the dataset and template,
 *   - two runs give the same bytes,
 *   - every failure returns a status other than QUIRE_OK with a one-line
 *     message in err: an output it cannot create, open_output refused,
 *     progress() asking it to stop (QUIRE_ERR_CANCELLED),
 *   - every host call keeps the contract of quire-plugin.h.
 * Exit status: 0 all checks passed, 1 usage, 2 invalid dataset or
 * template, 3 plugin not loadable, 4 a check failed.
 */
#define _GNU_SOURCE /* asprintf */
#include "cli.h"
#include "diag.h"
#include "exit_code.h"
#include "fonts.h"
#include "plan.h"
#include "prepare.h"
#include "registry.h"
#include "sandbox.h"
#include "self_dirs.h"
#include "strict_host.h"

#include <libgen.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ERR_SIZE 512
#define MAX_O 64

static int n_checks, n_failed;

static void result(int ok, const char *fmt, ...) QUIRE_PRINTF(2, 3);
static void result(int ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(ok ? "ok: " : "FAIL: ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    n_checks++;
    n_failed += !ok;
}

static const char usage[] =
    "Usage: quire-plugin-test [OPTION]... PLUGIN.so\n"
    "Runs one exporter plugin (a file quire-NAME.so) on a sample dataset under a\n"
    "strict host: it must write its outputs and nothing else, give the same bytes\n"
    "twice, and fail with a message in err where it cannot succeed.\n"
    "\n"
    "  -d, --dataset FILE      the dataset (default: the installed sample,\n"
    "                          data/cloud-ai-briefing.yaml)\n"
    "  -t, --template FILE     the template (default: the dataset's)\n"
    "  -O [NAME.]KEY=VALUE     an option of the plugin, as -O NAME.KEY=VALUE of quire\n"
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 all checks passed, 1 usage error, 2 invalid dataset or template,\n"
    "3 plugin not loadable, 4 a check failed. Run it under valgrind to check memory.\n";

typedef struct args {
    const char *plugin, *dataset, *tmpl;
    const char *opts[MAX_O];
    size_t n_opts;
} args;

static int parse_args(int argc, char **argv, args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(usage, stdout);
            exit(0);
        } else if ((!strcmp(s, "-d") || !strcmp(s, "--dataset")) && has_value) {
            a->dataset = argv[++i];
        } else if ((!strcmp(s, "-t") || !strcmp(s, "--template")) && has_value) {
            a->tmpl = argv[++i];
        } else if (!strcmp(s, "-O") && has_value && a->n_opts < MAX_O) {
            a->opts[a->n_opts++] = argv[++i];
        } else if (s[0] == '-' || a->plugin) {
            fprintf(stderr, "quire-plugin-test: unexpected argument '%s'\n%s", s, usage);
            return EXIT_USAGE;
        } else {
            a->plugin = s;
        }
    }
    if (!a->plugin) {
        fprintf(stderr, "quire-plugin-test: no plugin given\n%s", usage);
        return EXIT_USAGE;
    }
    return 0;
}

/* The installed sample dataset (or the source tree's, from a build tree). */
static char *sample_dataset(void)
{
    for (const char *const *d = self_data_dirs(); *d; d++) {
        char *p = NULL;
        if (asprintf(&p, "%s/data/cloud-ai-briefing.yaml", *d) >= 0 && access(p, R_OK) == 0)
            return p;
        free(p);
    }
    return NULL;
}

/* err after a failure: NUL-terminated within its size, one line, not empty. */
static void check_err(const char *what, quire_status st, const char *err)
{
    const char *nul = memchr(err, '\0', ERR_SIZE);
    if (st == QUIRE_OK) {
        result(0, "%s: returned QUIRE_OK", what);
        return;
    }
    int ok = nul && err[0] && !strchr(err, '\n');
    result(ok, "%s: status %d, err %s%s%s", what, (int)st,
           !nul ? "not NUL-terminated" : !err[0] ? "left empty" : "\"",
           nul && err[0] ? err : "", nul && err[0] ? (strchr(err, '\n') ? "\" (more than one line)" : "\"") : "");
}

typedef struct run {
    strict_job job;
    quire_status status;
    char err[ERR_SIZE];
} run;

/* One export into workdir (NULL: check()), with the given failures. */
static void run_plugin(run *r, const render_task *t, const char *workdir, int fail_open,
                       int cancel)
{
    memset(r->err, 0x7f, sizeof r->err);   /* a plugin must terminate what it writes */
    r->err[0] = '\0';
    if (strict_job_init(&r->job, t->dataset, t->tmpl, t->options, t->n_options, workdir,
                        t->plugin->extension) != 0) {
        r->status = QUIRE_ERR_EXPORT;
        return;
    }
    r->job.fail_open_output = fail_open;
    r->job.cancel = cancel;
    quire_export_fn fn = workdir ? t->plugin->export_fn : t->plugin->check_fn;
    r->status = fn(&r->job.pub, r->err, sizeof r->err);
    if (r->job.violations)
        result(0, "%d host call(s) broke the contract (above)", r->job.violations);
}

/* workdir holds exactly the run's outputs, each a non-empty regular file. */
static void check_outputs(const run *r, const char *workdir)
{
    char *snap = sandbox_snapshot(workdir);
    size_t files = 0;
    for (const char *p = snap; p && *p; p = strchr(p, '\n') + 1)
        files++;
    int ok = snap != NULL && files == r->job.n_outputs;
    for (size_t i = 0; ok && i < r->job.n_outputs; i++) {
        const char *name = strrchr(r->job.outputs[i], '/') + 1;
        char *line = NULL;
        ok = asprintf(&line, "%s f ", name) >= 0 && strstr(snap, line) &&
             (i > 0 || !strstr(strstr(snap, line), " f 0 "));
        free(line);
    }
    result(ok, "export wrote exactly its %zu output(s), the main one not empty%s%s",
           r->job.n_outputs, ok ? "" : "; found:\n", ok || !snap ? "" : snap);
    free(snap);
}

static void check_same(const run *a, const run *b)
{
    int ok = a->job.n_outputs == b->job.n_outputs;
    for (size_t i = 0; ok && i < a->job.n_outputs; i++)
        ok = sandbox_same_file(a->job.outputs[i], b->job.outputs[i]);
    result(ok, "a second export gives the same bytes");
}

/* A tree the plugin must not touch. */
typedef struct watched {
    const char *what;
    char *dir, *before;
} watched;

static void watch(watched *w, const char *what, const char *dir)
{
    w->what = what;
    w->dir = dir ? strdup(dir) : NULL;
    w->before = w->dir ? sandbox_snapshot(w->dir) : NULL;
}

static void check_untouched(watched *w)
{
    if (!w->dir)
        return;
    char *after = sandbox_snapshot(w->dir);
    char *diff = after && w->before ? sandbox_diff(w->before, after) : NULL;
    result(diff && !diff[0], "nothing written in %s (%s)%s%s", w->what, w->dir,
           diff && diff[0] ? ":\n" : "", diff ? diff : "");
    free(diff);
    free(after);
    free(w->before);
    free(w->dir);
}

static void check_descriptor(const quire_plugin *pl)
{
    printf("plugin %s %s (ABI %u), .%s: %s\n", pl->name, pl->version ? pl->version : "?",
           pl->abi_version, pl->extension, pl->description ? pl->description : "");
    result(pl->version && pl->description && pl->description[0],
           "descriptor has a version and a description");
    for (size_t i = 0; i < pl->n_options; i++) {
        const quire_option_decl *o = QUIRE_AT(pl->options, pl->option_decl_size, i);
        int ok = o->name && o->name[0] >= 'a' && o->name[0] <= 'z' &&
                 strspn(o->name, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(o->name) &&
                 o->help && o->help[0] && o->default_value;
        result(ok, "option %s: a [a-z][a-z0-9_]* name, a default and a help line",
               o->name ? o->name : "(null)");
    }
}

/* Every run of the plugin, in the sandbox root. */
static void test_plugin(const render_task *t, const char *root)
{
    check_descriptor(t->plugin);
    run r[5];
    char *w1 = sandbox_subdir(root, "out1"), *w2 = sandbox_subdir(root, "out2");
    char *w3 = sandbox_subdir(root, "out3"), *w4 = sandbox_subdir(root, "out4");
    char *missing = NULL;
    if (!w1 || !w2 || !w3 || !w4 || asprintf(&missing, "%s/missing", root) < 0) {
        result(0, "cannot create the sandbox's directories");
        goto cleanup;
    }
    if (t->plugin->check_fn) {
        run_plugin(&r[0], t, NULL, 0, 0);
        result(r[0].status == QUIRE_OK && !r[0].job.errors_reported,
               "check() accepts the sample (status %d%s%s)", (int)r[0].status,
               r[0].status ? ", err: " : "", r[0].status ? r[0].err : "");
        strict_job_free(&r[0].job);
    }
    run_plugin(&r[1], t, w1, 0, 0);
    result(r[1].status == QUIRE_OK, "export succeeds (status %d%s%s)", (int)r[1].status,
           r[1].status ? ", err: " : "", r[1].status ? r[1].err : "");
    if (r[1].status == QUIRE_OK) {
        check_outputs(&r[1], w1);
        run_plugin(&r[2], t, w2, 0, 0);
        check_same(&r[1], &r[2]);
        strict_job_free(&r[2].job);
    }
    if (r[1].job.progress_calls) {
        run_plugin(&r[2], t, w3, 0, 1);
        check_err("progress() asked to stop", r[2].status, r[2].err);
        result(r[2].status == QUIRE_ERR_CANCELLED, "stopped with QUIRE_ERR_CANCELLED");
        strict_job_free(&r[2].job);
    }
    if (r[1].job.open_output_calls) {
        run_plugin(&r[3], t, w4, 1, 0);
        check_err("open_output() refused", r[3].status, r[3].err);
        strict_job_free(&r[3].job);
    }
    run_plugin(&r[4], t, missing, 0, 0);
    check_err("an output that cannot be created", r[4].status, r[4].err);
    strict_job_free(&r[4].job);
    strict_job_free(&r[1].job);
cleanup:
    free(w1);
    free(w2);
    free(w3);
    free(w4);
    free(missing);
}

/* NAME of DIR/quire-NAME.so, and DIR. */
static int split_plugin_path(const char *path, char **dir, char **name)
{
    char *copy = strdup(path), *real = realpath(path, NULL);
    const char *base = copy ? basename(copy) : "";
    size_t n = strlen(base);
    *dir = *name = NULL;
    if (real && n > 9 && !strncmp(base, "quire-", 6) && !strcmp(base + n - 3, ".so")) {
        *name = strndup(base + 6, n - 9);
        char *d = strdup(real);
        *dir = d ? strdup(dirname(d)) : NULL;
        free(d);
    }
    free(copy);
    free(real);
    return *dir && *name ? 0 : -1;
}

int main(int argc, char **argv)
{
    args a = {0};
    int code = parse_args(argc, argv, &a);
    if (code)
        return code;
    char *dir = NULL, *name = NULL, *sample = NULL, *root = NULL, *tmp = NULL, *cwd = NULL;
    char *qargv[8 + 2 * MAX_O], *owned[MAX_O] = {0}, start_cwd[PATH_MAX] = "";
    cli_options o = {0};
    prepared p = {0};
    plan pl = {0};
    registry *reg = NULL;
    diag d;
    diag_init(&d, stderr);
    if (split_plugin_path(a.plugin, &dir, &name) != 0) {
        fprintf(stderr, "quire-plugin-test: %s: not a readable file named quire-NAME.so\n",
                a.plugin);
        code = EXIT_USAGE;
        goto cleanup;
    }
    if (!a.dataset && !(a.dataset = sample = sample_dataset())) {
        fprintf(stderr, "quire-plugin-test: no sample dataset installed; give one with -d\n");
        code = EXIT_USAGE;
        goto cleanup;
    }
    /* The command line quire would get: validate DATASET -f NAME ... */
    int n = 0;
    qargv[n++] = "quire";
    qargv[n++] = "validate";
    qargv[n++] = (char *)a.dataset;
    qargv[n++] = "-f";
    qargv[n++] = name;
    if (a.tmpl) {
        qargv[n++] = "-t";
        qargv[n++] = (char *)a.tmpl;
    }
    for (size_t i = 0; i < a.n_opts; i++) {
        /* KEY=VALUE, or quire's own NAME.KEY=VALUE (a key has no dot) */
        const char *dot = strchr(a.opts[i], '.'), *eq = strchr(a.opts[i], '=');
        if (dot && (!eq || dot < eq) &&
            ((size_t)(dot - a.opts[i]) != strlen(name) ||
             strncmp(a.opts[i], name, strlen(name)) != 0)) {
            fprintf(stderr, "quire-plugin-test: -O %s: the plugin tested is %s\n", a.opts[i],
                    name);
            code = EXIT_USAGE;
            goto cleanup;
        }
        if (asprintf(&owned[i], "%s%s%s", dot && (!eq || dot < eq) ? "" : name,
                     dot && (!eq || dot < eq) ? "" : ".", a.opts[i]) < 0)
            goto cleanup;
        qargv[n++] = "-O";
        qargv[n++] = owned[i];
    }
    qargv[n] = NULL;
    if ((code = cli_parse(n, qargv, &o, stderr)) != 0)
        goto cleanup;
    if ((code = prepare_all(&o, &d, &p)) != 0)
        goto cleanup;
    const char *dirs[] = {dir};
    if (!(reg = registry_new(dirs, 1, NULL))) {
        code = EXIT_EXPORT;
        goto cleanup;
    }
    if ((code = plan_make(&o, &p, reg, &d, &pl)) != 0 || pl.n_tasks != 1) {
        code = code ? code : EXIT_PLUGIN;
        goto cleanup;
    }
    /* The sandbox: a private working directory and TMPDIR. */
    const char *base = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    if (asprintf(&root, "%s/quire-plugin-test-XXXXXX", base) < 0 || !mkdtemp(root) ||
        !(tmp = sandbox_subdir(root, "tmp")) || !(cwd = sandbox_subdir(root, "cwd")) ||
        !getcwd(start_cwd, sizeof start_cwd) || chdir(cwd) != 0) {
        perror("quire-plugin-test: the sandbox");
        code = EXIT_EXPORT;
        goto cleanup;
    }
    setenv("TMPDIR", tmp, 1);
    watched w[4];
    watch(&w[0], "the working directory", cwd);
    watch(&w[1], "TMPDIR", tmp);
    watch(&w[2], "the dataset's directory", pl.tasks[0].dataset->dir);
    watch(&w[3], "the template's directory", pl.tasks[0].tmpl->dir);
    test_plugin(&pl.tasks[0], root);
    char now[PATH_MAX];
    result(getcwd(now, sizeof now) && !strcmp(now, cwd), "the working directory is unchanged");
    for (int i = 0; i < 4; i++)
        check_untouched(&w[i]);
    printf("%d checks, %d failed\n", n_checks, n_failed);
    code = n_failed ? EXIT_EXPORT : EXIT_OK;
cleanup:
    if (start_cwd[0] && chdir(start_cwd) != 0)
        perror("quire-plugin-test");
    sandbox_remove(root);
    free(root);
    free(tmp);
    free(cwd);
    plan_free(&pl);
    registry_free(reg);
    prepare_free(&p);
    cli_free(&o);
    for (size_t i = 0; i < MAX_O; i++)
        free(owned[i]);
    free(sample);
    free(dir);
    free(name);
    fonts_shutdown();
    return code;
}
