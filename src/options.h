/* options.h — plugin options: declared by each plugin in its descriptor,
 * set in the template's section named after the plugin and with -O, typed
 * here once for every plugin. */
#ifndef QUIRE_OPTIONS_H
#define QUIRE_OPTIONS_H

#include "arena.h"
#include "cli.h"
#include "diag.h"

#include <quire/quire-plugin.h>

/* One key of a template's plugin section (`pdf: {standard: [ua-1]}`). */
typedef struct option_setting {
    const char *key;
    quire_pos at;             /* the key's position */
    const char *const *values;/* one scalar, or the items of a YAML list */
    size_t n_values;
    int is_list;              /* the value was a YAML list */
} option_setting;

/* The typed options of one plugin for one template. */
typedef struct option_values {
    quire_option *items;      /* one per declared option, in declaration order */
    size_t n;
    arena strings;
} option_values;

/* Resolves the options of plugin pl: its defaults, then the template's
 * settings, then the -O arguments of cli naming pl. A template setting
 * that is unknown or ill-typed is reported to d at its position (returns
 * 2); an -O one is a usage error on err (returns 1). On success returns 0
 * and fills *out, which the caller frees with option_values_free() in
 * every case. */
int options_resolve(const quire_plugin *pl, const option_setting *settings, size_t n_settings,
                    const char *template_path, const cli_options *cli, diag *d, FILE *err,
                    option_values *out);
void option_values_free(option_values *v);

/* Prints one tab-separated line per option of pl: PLUGIN.KEY, type,
 * default, help (and the allowed values). */
void options_list(const quire_plugin *pl, FILE *out);

/* The option's declaration, or NULL when pl declares no such key. */
const quire_option_decl *options_find(const quire_plugin *pl, const char *key);

/* The nearest declared key of pl to key, for "did you mean", or NULL. */
const char *options_suggest(const quire_plugin *pl, const char *key);

#endif
