/* cli.h — the command line: subcommands, options, help texts. */
#ifndef QUIRE_CLI_H
#define QUIRE_CLI_H

#include <stdio.h>
#include "dataset.h"
#include "shard.h"

typedef enum cli_command {
    CLI_NONE,      /* `quire --help`, or no command */
    CLI_RENDER,
    CLI_VALIDATE,
    CLI_PLUGINS,
    CLI_VERSION,
    CLI_WATCH,     /* render, then again whenever an input changes */
    CLI_SCHEMA,    /* print the JSON Schema of datasets or templates */
    CLI_MANIFEST   /* manifest check: did a (sharded) run write everything */
} cli_command;

/* One -O PLUGIN.KEY=VALUE; all three point into argv. */
typedef struct cli_plugin_option {
    const char *arg;          /* the whole argument, for messages */
    char *plugin;             /* owned */
    char *key;                /* owned */
    const char *value;
} cli_plugin_option;

typedef struct cli_options {
    cli_command command;
    int help;                    /* --help: print the command's help */
    const char **datasets;       /* borrowed from argv */
    size_t n_datasets;
    const char *template_path;   /* -t, or NULL */
    char **formats;              /* -f, split at commas; n_formats == 0: not given */
    size_t n_formats;
    const char *outdir;          /* -o; "out" by default */
    int jobs;                    /* -j; 1 by default */
    dataset_override *sets;      /* --set KEY=VALUE; keys owned, values borrowed */
    size_t n_sets;
    const char **plugin_dirs;    /* --plugin-dir, in order */
    size_t n_plugin_dirs;
    int quiet;
    cli_plugin_option *plugin_options;  /* -O, in order */
    size_t n_plugin_options;
    int keep_going;              /* -k, --keep-going */
    const char *depfile;         /* --depfile FILE, or NULL */
    int allow_any_path;          /* --allow-any-path */
    int list_options;            /* plugins --options */
    const char *schema;          /* schema dataset|template */
    const char *datasets_from;   /* --datasets-from FILE, "-": standard input */
    int sharded;                 /* --shard given: render only shard's datasets */
    shard shard;
    const char *manifest;        /* --manifest FILE, or NULL */
    const char **manifests;      /* manifest check: the MANIFEST arguments */
    size_t n_manifests;
} cli_options;

/* Parses argv into o. Returns 0, or 1 (a usage error, already reported on
 * err with a hint to --help). Free o with cli_free() in both cases. */
int cli_parse(int argc, char **argv, cli_options *o, FILE *err);
void cli_free(cli_options *o);

/* Prints the help of a command (CLI_NONE: the overview). */
void cli_help(cli_command c, FILE *out);

/* Prints "quire VERSION (plugin ABI N)". */
void cli_version(FILE *out);

#endif
