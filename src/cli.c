/* cli.c — the command line: subcommands, options, help texts.
 *
 * Hand-written rather than getopt_long: no global state (unit tests parse
 * many command lines), options may follow the datasets, and each option
 * knows which subcommands accept it. */
#include "cli.h"

#include "exit_code.h"
#include "suggest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { R = 1 << CLI_RENDER | 1 << CLI_WATCH, V = 1 << CLI_VALIDATE, P = 1 << CLI_PLUGINS,
       S = 1 << CLI_SCHEMA, RO = 1 << CLI_RENDER, M = 1 << CLI_MANIFEST };

typedef enum opt_id { OPT_TEMPLATE, OPT_FORMATS, OPT_OUTDIR, OPT_JOBS, OPT_SET,
                      OPT_PLUGIN_DIR, OPT_QUIET, OPT_HELP, OPT_PLUGIN_OPTION,
                      OPT_KEEP_GOING, OPT_DEPFILE, OPT_ANY_PATH, OPT_OPTIONS,
                      OPT_DATASETS_FROM, OPT_SHARD, OPT_MANIFEST } opt_id;

static const struct option_def {
    const char *name;
    char short_name;
    int takes_arg;
    int commands;
    opt_id id;
} options[] = {
    {"template", 't', 1, R | V, OPT_TEMPLATE},
    {"formats", 'f', 1, R | V | M, OPT_FORMATS},
    {"format", 0, 1, R | V | M, OPT_FORMATS},
    {"outdir", 'o', 1, R, OPT_OUTDIR},
    {"output", 0, 1, R, OPT_OUTDIR},
    {"jobs", 'j', 1, R, OPT_JOBS},
    {"set", 0, 1, R | V, OPT_SET},
    {"option", 'O', 1, R | V, OPT_PLUGIN_OPTION},
    {"keep-going", 'k', 0, R | V, OPT_KEEP_GOING},
    {"depfile", 0, 1, R, OPT_DEPFILE},
    {"allow-any-path", 0, 0, R | V, OPT_ANY_PATH},
    {"datasets-from", 0, 1, RO | V | M, OPT_DATASETS_FROM},
    {"shard", 0, 1, RO, OPT_SHARD},
    {"manifest", 0, 1, RO, OPT_MANIFEST},
    {"plugin-dir", 0, 1, R | V | P, OPT_PLUGIN_DIR},
    {"options", 0, 0, P, OPT_OPTIONS},
    {"quiet", 'q', 0, R | V | M, OPT_QUIET},
    {"help", 'h', 0, R | V | P | S | M, OPT_HELP},
};

#ifndef QUIRE_VERSION
#define QUIRE_VERSION "unknown"
#endif

#define MAX_JOBS 256

static const char *command_name(cli_command c)
{
    switch (c) {
    case CLI_RENDER: return "render";
    case CLI_VALIDATE: return "validate";
    case CLI_PLUGINS: return "plugins";
    case CLI_WATCH: return "watch";
    case CLI_SCHEMA: return "schema";
    case CLI_MANIFEST: return "manifest";
    default: return NULL;
    }
}

static int usage_error(const cli_options *o, FILE *err, const char *fmt, const char *arg)
{
    const char *name = command_name(o->command);
    fprintf(err, "quire: %s%s", name ? name : "", name ? ": " : "");
    fprintf(err, fmt, arg);
    fprintf(err, "\nTry 'quire %s%s--help'.\n", name ? name : "", name ? " " : "");
    return EXIT_USAGE;
}

static int push(void *arrayp, size_t *count, size_t elem, const void *value)
{
    char **array = arrayp;
    char *grown = realloc(*array, (*count + 1) * elem);
    if (!grown)
        return -1;
    memcpy(grown + *count * elem, value, elem);
    *array = grown;
    (*count)++;
    return 0;
}

/* -f pdf,xlsx: names in order, duplicates and empty items dropped. */
static int add_formats(cli_options *o, const char *list, FILE *err)
{
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        int seen = n == 0;
        for (size_t i = 0; !seen && i < o->n_formats; i++)
            seen = strlen(o->formats[i]) == n && memcmp(o->formats[i], p, n) == 0;
        char *name = seen ? NULL : strndup(p, n);
        if (!seen && (!name || push(&o->formats, &o->n_formats, sizeof name, &name) != 0)) {
            free(name);
            return usage_error(o, err, "%s", "out of memory");
        }
        p += n + (p[n] == ',');
    }
    if (o->n_formats == 0)
        return usage_error(o, err, "-f '%s' names no format", list);
    return 0;
}

static int set_jobs(cli_options *o, const char *arg, FILE *err)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > MAX_JOBS)
        return usage_error(o, err, "-j expects a number from 1 to 256, got '%s'", arg);
    o->jobs = (int)n;
    return 0;
}

static int add_set(cli_options *o, const char *arg, FILE *err)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg)
        return usage_error(o, err, "--set expects KEY=VALUE, got '%s'", arg);
    dataset_override s = {strndup(arg, (size_t)(eq - arg)), eq + 1};
    if (!s.key || push(&o->sets, &o->n_sets, sizeof s, &s) != 0) {
        free((char *)s.key);
        return usage_error(o, err, "%s", "out of memory");
    }
    return 0;
}

/* -O PLUGIN.KEY=VALUE; whether PLUGIN and KEY exist is checked once the
 * plugins are loaded (src/options.c). */
static int add_plugin_option(cli_options *o, const char *arg, FILE *err)
{
    const char *dot = strchr(arg, '.'), *eq = strchr(arg, '=');
    if (!dot || !eq || dot > eq || dot == arg || eq == dot + 1)
        return usage_error(o, err, "-O expects PLUGIN.KEY=VALUE (e.g. pdf.standard=ua-1), "
                                   "got '%s'", arg);
    cli_plugin_option po = {arg, strndup(arg, (size_t)(dot - arg)),
                            strndup(dot + 1, (size_t)(eq - dot - 1)), eq + 1};
    if (!po.plugin || !po.key ||
        push(&o->plugin_options, &o->n_plugin_options, sizeof po, &po) != 0) {
        free(po.plugin);
        free(po.key);
        return usage_error(o, err, "%s", "out of memory");
    }
    return 0;
}

static const char *env(const char *name)
{
    return getenv(name);
}

static int set_shard(cli_options *o, const char *arg, FILE *err)
{
    char why[512];
    if (shard_parse(arg, env, &o->shard, why, sizeof why) != 0)
        return usage_error(o, err, "%s", why);
    o->sharded = 1;
    return 0;
}

static int apply(cli_options *o, opt_id id, const char *arg, FILE *err)
{
    switch (id) {
    case OPT_TEMPLATE: o->template_path = arg; return 0;
    case OPT_FORMATS: return add_formats(o, arg, err);
    case OPT_OUTDIR: o->outdir = arg; return 0;
    case OPT_JOBS: return set_jobs(o, arg, err);
    case OPT_SET: return add_set(o, arg, err);
    case OPT_PLUGIN_DIR:
        if (push(&o->plugin_dirs, &o->n_plugin_dirs, sizeof arg, &arg) != 0)
            return usage_error(o, err, "%s", "out of memory");
        return 0;
    case OPT_QUIET: o->quiet = 1; return 0;
    case OPT_HELP: o->help = 1; return 0;
    case OPT_PLUGIN_OPTION: return add_plugin_option(o, arg, err);
    case OPT_KEEP_GOING: o->keep_going = 1; return 0;
    case OPT_DEPFILE: o->depfile = arg; return 0;
    case OPT_ANY_PATH: o->allow_any_path = 1; return 0;
    case OPT_OPTIONS: o->list_options = 1; return 0;
    case OPT_DATASETS_FROM: o->datasets_from = arg; return 0;
    case OPT_SHARD: return set_shard(o, arg, err);
    case OPT_MANIFEST: o->manifest = arg; return 0;
    }
    return 0;
}

static const struct option_def *find_option(const char *arg, size_t len, int is_long)
{
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        if (is_long ? strlen(options[i].name) == len && !memcmp(options[i].name, arg, len)
                    : options[i].short_name == arg[0])
            return &options[i];
    }
    return NULL;
}

/* One option at argv[*i]; consumes its argument too. */
static int parse_option(cli_options *o, int argc, char **argv, int *i, FILE *err)
{
    const char *a = argv[*i];
    int is_long = a[1] == '-';
    const char *name = a + 1 + is_long;
    const char *eq = is_long ? strchr(name, '=') : NULL;
    size_t len = is_long ? (eq ? (size_t)(eq - name) : strlen(name)) : 1;
    const struct option_def *def = find_option(name, len, is_long);
    if (!def || !(def->commands & (1 << o->command)))
        return usage_error(o, err, "unknown option '%s'", a);
    const char *arg = NULL;
    if (def->takes_arg) {
        if (eq)
            arg = eq + 1;
        else if (!is_long && name[1])
            arg = name + 1;            /* -fcsv */
        else if (*i + 1 < argc)
            arg = argv[++*i];
        else
            return usage_error(o, err, "option '%s' needs a value", a);
    } else if (eq || (!is_long && name[1])) {
        return usage_error(o, err, "option '%s' takes no value", a);
    }
    return apply(o, def->id, arg, err);
}

static cli_command find_command(const char *word)
{
    static const cli_command all[] = {CLI_RENDER, CLI_VALIDATE, CLI_PLUGINS, CLI_WATCH,
                                      CLI_SCHEMA, CLI_MANIFEST};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(word, command_name(all[i])) == 0)
            return all[i];
    return CLI_NONE;
}

static int unknown_command(cli_options *o, const char *word, FILE *err)
{
    static const char *const names[] = {"render", "validate", "plugins", "watch", "schema",
                                        "manifest", NULL};
    const char *near = suggest_nearest(word, names);
    if (!near)
        return usage_error(o, err, "unknown command '%s'", word);
    fprintf(err, "quire: unknown command '%s'; did you mean '%s'?\n", word, near);
    fprintf(err, "Try 'quire --help'.\n");
    return EXIT_USAGE;
}

/* argv[1], and for `quire help COMMAND` argv[2]. */
static int parse_command(cli_options *o, int argc, char **argv, FILE *err)
{
    const char *word = argv[1];
    if ((o->command = find_command(word)) != CLI_NONE)
        return 0;
    if (!strcmp(word, "--version") || !strcmp(word, "-V"))
        return o->command = CLI_VERSION, 0;
    if (strcmp(word, "--help") && strcmp(word, "-h") && strcmp(word, "help"))
        return unknown_command(o, word, err);
    o->help = 1;
    if (!strcmp(word, "help") && argc > 2 && (o->command = find_command(argv[2])) == CLI_NONE)
        return unknown_command(o, argv[2], err);
    return 0;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

/* manifest check [DATASET.yaml...] MANIFEST...: the arguments ending in
 * .yaml or .yml are datasets, the others manifests. */
static int check_manifest(cli_options *o, FILE *err)
{
    if (o->n_datasets == 0 || strcmp(o->datasets[0], "check") != 0)
        return usage_error(o, err, "%s", o->n_datasets ? "the only subcommand is 'check'"
                                                       : "expects: check MANIFEST...");
    size_t kept = 0;
    o->manifests = calloc(o->n_datasets, sizeof *o->manifests);
    if (!o->manifests)
        return usage_error(o, err, "%s", "out of memory");
    for (size_t i = 1; i < o->n_datasets; i++) {
        const char *a = o->datasets[i];
        if (ends_with(a, ".yaml") || ends_with(a, ".yml"))
            o->datasets[kept++] = a;
        else
            o->manifests[o->n_manifests++] = a;
    }
    o->n_datasets = kept;
    if (o->n_manifests == 0)
        return usage_error(o, err, "%s", "no manifest given");
    return 0;
}

/* Checks what the options together require. */
static int check(cli_options *o, FILE *err)
{
    if (o->help || o->command == CLI_VERSION)
        return 0;
    if (o->command == CLI_NONE)
        return usage_error(o, err, "%s", "no command given");
    if (o->command == CLI_SCHEMA) {
        if (o->n_datasets != 1 || (strcmp(o->datasets[0], "dataset") != 0 &&
                                   strcmp(o->datasets[0], "template") != 0))
            return usage_error(o, err, "%s", "expects one argument: dataset or template");
        o->schema = o->datasets[0];
        return 0;
    }
    if (o->command == CLI_MANIFEST)
        return check_manifest(o, err);
    if (o->command != CLI_PLUGINS && o->n_datasets == 0 && !o->datasets_from)
        return usage_error(o, err, "%s", "no dataset given");
    if (o->depfile && o->manifest && strcmp(o->depfile, o->manifest) == 0)
        return usage_error(o, err, "--depfile and --manifest name one file '%s'", o->manifest);
    if (o->command == CLI_PLUGINS && o->n_datasets > 0)
        return usage_error(o, err, "unexpected argument '%s'", o->datasets[0]);
    if (!o->outdir[0])
        return usage_error(o, err, "%s", "-o needs a directory");
    return 0;
}

int cli_parse(int argc, char **argv, cli_options *o, FILE *err)
{
    *o = (cli_options){.command = CLI_NONE, .outdir = "out", .jobs = 1};
    if (argc < 2)
        return check(o, err);
    if (parse_command(o, argc, argv, err) != 0)
        return EXIT_USAGE;
    if (o->help && !strcmp(argv[1], "help")) {
        if (argc > 3)
            return usage_error(o, err, "unexpected argument '%s'", argv[3]);
        return 0;
    }
    if (o->command == CLI_NONE || o->command == CLI_VERSION) {
        if (argc > 2)
            return usage_error(o, err, "unexpected argument '%s'", argv[2]);
        return 0;
    }
    int positional_only = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!positional_only && strcmp(a, "--") == 0) {
            positional_only = 1;
        } else if (!positional_only && a[0] == '-' && a[1]) {
            if (parse_option(o, argc, argv, &i, err) != 0)
                return EXIT_USAGE;
        } else if (push(&o->datasets, &o->n_datasets, sizeof a, &a) != 0) {
            return usage_error(o, err, "%s", "out of memory");
        }
    }
    return check(o, err);
}

void cli_free(cli_options *o)
{
    for (size_t i = 0; i < o->n_formats; i++)
        free(o->formats[i]);
    free(o->formats);
    for (size_t i = 0; i < o->n_sets; i++)
        free((char *)o->sets[i].key);
    free(o->sets);
    free(o->datasets);
    free(o->manifests);
    free(o->plugin_dirs);
    for (size_t i = 0; i < o->n_plugin_options; i++) {
        free(o->plugin_options[i].plugin);
        free(o->plugin_options[i].key);
    }
    free(o->plugin_options);
    *o = (cli_options){0};
}

static const char overview[] =
    "Usage: quire COMMAND [OPTION]...\n"
    "Turns YAML datasets into reports (PDF, XLSX, CSV, ...) through exporter plugins.\n"
    "\n"
    "Commands:\n"
    "  render DATASET.yaml...    write OUTDIR/<id>.<ext> for each dataset and format\n"
    "  validate DATASET.yaml...  check datasets, their template and plugin options;\n"
    "                            print only errors\n"
    "  watch DATASET.yaml...     render, then again whenever an input changes\n"
    "  schema dataset|template   print the JSON Schema of a dataset or a template\n"
    "  plugins [--options]       list the exporter plugins found (and their options)\n"
    "  manifest check MANIFEST...  report the datasets and formats a (sharded) run\n"
    "                            did not write, wrote twice, or whose files changed\n"
    "\n"
    "  quire COMMAND --help      options of a command (also: quire help COMMAND)\n"
    "  quire --version           print the version\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid dataset or template,\n"
    "3 plugin not found, not loadable or of another ABI, 4 export or I/O failure,\n"
    "128+N interrupted by signal N (130 SIGINT, 143 SIGTERM).\n";

#define RENDER_OPTIONS                                                               \
    "  -t, --template FILE     layout template, or the name of an installed one\n"     \
    "                          (default: the dataset's `template:`, else default.yaml)\n" \
    "  -f, --formats LIST      comma-separated plugin names, e.g. pdf,xlsx,csv\n"       \
    "                          (default: the template's formats, else pdf,xlsx)\n"      \
    "  -o, --outdir DIR        output directory, created if missing (default: out)\n"   \
    "  -j, --jobs N            run N exports in parallel (default: 1)\n"                \
    "      --set KEY=VALUE     override title, subtitle, period, date, author,\n"       \
    "                          organization or a params key; repeatable\n"              \
    "  -O PLUGIN.KEY=VALUE     set an option of one plugin (pdf.standard=ua-1,a-2b,\n"  \
    "                          csv.bom=true); see quire plugins --options; repeatable\n"\
    "  -k, --keep-going        render every valid dataset, report the invalid ones\n"   \
    "                          (exit 2 at the end if any was invalid)\n"                \
    "      --depfile FILE      write the run's dependencies in Make syntax\n"           \
    "      --allow-any-path    let datasets and templates name files outside their\n"   \
    "                          directory (trusted inputs only)\n"                       \
    "      --plugin-dir DIR    search DIR for plugins first; repeatable\n"              \
    "  -q, --quiet             print nothing but errors\n"                              \
    "  -h, --help              this help\n"                                             \
    "\n"                                                                                \
    "Plugins are searched in --plugin-dir, then QUIRE_PLUGIN_PATH (colon-separated,\n"  \
    "absolute directories), then the installed plugin directory; a binary run from\n"   \
    "its build tree uses the build tree's. Never the current directory.\n"             \
    "-t, -f, -O and --set apply to every dataset; -O wins over the template's\n"        \
    "plugin section (pdf:, xlsx:, csv:), which wins over the plugin's default.\n"

static const char render_help[] =
    "Usage: quire render DATASET.yaml... [OPTION]...\n"
    "       quire render --datasets-from FILE|- [--shard I/N|N] [--manifest FILE] ...\n"
    "Writes OUTDIR/<id>.<ext> for each dataset and each format, atomically.\n"
    "\n"
    "      --datasets-from FILE  read more dataset paths from FILE, one a line\n"
    "                          (-: standard input; empty lines are skipped)\n"
    "      --shard I/N         render only the datasets whose path hashes to I\n"
    "                          modulo N (64-bit FNV-1a of the path as given)\n"
    "      --shard N           I from JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or\n"
    "                          AWS_BATCH_JOB_ARRAY_INDEX, the first that is set\n"
    "      --manifest FILE     write, at the end, one JSON line per output written\n"
    "                          (dataset, id, format, path, bytes, sha256)\n"
    RENDER_OPTIONS;

static const char watch_help[] =
    "Usage: quire watch DATASET.yaml... [OPTION]...\n"
    "Renders like quire render --keep-going, then renders again, about 200 ms after\n"
    "the last change, each dataset whose file, template, CSV files or images (or the\n"
    "template's logo) changed. Errors are printed and watching goes on; the last good\n"
    "outputs stay. Ctrl-C or SIGTERM ends it (exit 0). Takes the options of render\n"
    "but --depfile.\n"
    "\n" RENDER_OPTIONS;

static const char validate_help[] =
    "Usage: quire validate DATASET.yaml... [OPTION]...\n"
    "Checks the datasets, the template each would be rendered with and, through each\n"
    "plugin's check, what rendering would need (fonts, images, options, standards);\n"
    "prints nothing but errors (file:line:col: error: message). Exit 0 when all are\n"
    "valid.\n"
    "\n"
    "      --datasets-from FILE  read more dataset paths from FILE, one a line (-: stdin)\n"
    "  -t, --template FILE     check against this template instead\n"
    "  -f, --formats LIST      check for these formats (default: as render would)\n"
    "      --set KEY=VALUE     check with this override applied; repeatable\n"
    "  -O PLUGIN.KEY=VALUE     check with this plugin option; repeatable\n"
    "  -k, --keep-going        accepted for symmetry with render\n"
    "      --allow-any-path    as for render\n"
    "      --plugin-dir DIR    search DIR for plugins first; repeatable\n"
    "  -q, --quiet             accepted for symmetry with render\n"
    "  -h, --help              this help\n";

static const char plugins_help[] =
    "Usage: quire plugins [--options] [--plugin-dir DIR]...\n"
    "Lists every exporter plugin found, one tab-separated line each:\n"
    "name, file extension, plugin version, ABI version, path, description.\n"
    "With --options, one line per plugin option instead: PLUGIN.KEY, type,\n"
    "default, help. A file that cannot be loaded is a warning on stderr.\n"
    "\n"
    "      --options           list the options each plugin takes\n"
    "      --plugin-dir DIR    search DIR first; repeatable\n"
    "  -h, --help              this help\n";

static const char manifest_help[] =
    "Usage: quire manifest check [--datasets-from FILE|-] [DATASET.yaml...] MANIFEST...\n"
    "Reads the manifests that quire render --manifest wrote (one per shard) and\n"
    "prints one line per problem, tab-separated (DATASET, FORMAT, what): a dataset\n"
    "and format no manifest lists, an output listed twice, a file that is absent or\n"
    "whose size or sha256 differs from its manifest, an output of a dataset not in\n"
    "the list. Exit 0 when the run is complete, 2 otherwise.\n"
    "Arguments ending in .yaml or .yml are datasets, the others manifests. The\n"
    "datasets expected: the list given, else every dataset a manifest names. The\n"
    "formats expected: -f, else every format a manifest names.\n"
    "\n"
    "      --datasets-from FILE  the dataset list the run was given (-: stdin)\n"
    "  -f, --formats LIST      the formats every dataset must have\n"
    "  -q, --quiet             no summary line on stderr\n"
    "  -h, --help              this help\n";

static const char schema_help[] =
    "Usage: quire schema dataset|template\n"
    "Prints the JSON Schema (draft 2020-12) of the dataset or the template format,\n"
    "for editors: # yaml-language-server: $schema=<installed share/quire/schema/...>.\n";

void cli_help(cli_command c, FILE *out)
{
    switch (c) {
    case CLI_RENDER: fputs(render_help, out); break;
    case CLI_VALIDATE: fputs(validate_help, out); break;
    case CLI_PLUGINS: fputs(plugins_help, out); break;
    case CLI_WATCH: fputs(watch_help, out); break;
    case CLI_SCHEMA: fputs(schema_help, out); break;
    case CLI_MANIFEST: fputs(manifest_help, out); break;
    default: fputs(overview, out); break;
    }
}

void cli_version(FILE *out)
{
    fprintf(out, "quire %s (plugin ABI %d)\n", QUIRE_VERSION, QUIRE_ABI_VERSION);
}
