/* options.c — plugin options: defaults, then the template's plugin
 * section, then -O; every value typed as the plugin declared it.
 *
 * Values are written the same way in all three places: a bool is
 * true/false (on -O also yes/no, on/off, 1/0), a list is a YAML list or comma-separated
 * items. A template error is an input error at the key (exit 2); an -O
 * error is a usage error (exit 1), since it was typed on the command line. */
#include "options.h"

#include "exit_code.h"
#include "suggest.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *type_name(quire_option_type t)
{
    switch (t) {
    case QUIRE_OPT_BOOL: return "bool";
    case QUIRE_OPT_INT: return "integer";
    case QUIRE_OPT_NUMBER: return "number";
    case QUIRE_OPT_STRING: return "string";
    case QUIRE_OPT_LIST: return "list";
    }
    return "?";
}

static const quire_option_decl *decl_at(const quire_plugin *pl, size_t i)
{
    size_t size = pl->option_decl_size ? pl->option_decl_size : sizeof(quire_option_decl);
    return (const quire_option_decl *)(const void *)((const char *)pl->options + i * size);
}

const quire_option_decl *options_find(const quire_plugin *pl, const char *key)
{
    for (size_t i = 0; pl->options && i < pl->n_options; i++)
        if (strcmp(decl_at(pl, i)->name, key) == 0)
            return decl_at(pl, i);
    return NULL;
}

const char *options_suggest(const quire_plugin *pl, const char *key)
{
    const char *names[65];
    size_t n = 0;
    for (size_t i = 0; pl->options && i < pl->n_options && n < 64; i++)
        names[n++] = decl_at(pl, i)->name;
    names[n] = NULL;
    return suggest_nearest(key, names);
}

static int in_choices(const quire_option_decl *decl, const char *v)
{
    if (!decl->choices)
        return 1;
    for (const char *const *c = decl->choices; *c; c++)
        if (strcmp(*c, v) == 0)
            return 1;
    return 0;
}

static void choices_text(const quire_option_decl *decl, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const char *const *c = decl->choices; c && *c && used < size; c++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "", *c);
}

/* Splits "a,b, c" into items in the arena; empty items are dropped. */
static int split_list(arena *a, const char *s, const char ***items, size_t *n)
{
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    const char **out = arena_alloc(a, cap * sizeof *out);
    if (!out)
        return -1;
    *n = 0;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, ",");
        const char *start = p;
        size_t trimmed = len;
        while (trimmed && (*start == ' ')) start++, trimmed--;
        while (trimmed && start[trimmed - 1] == ' ') trimmed--;
        if (trimmed && !(out[*n] = arena_strndup(a, start, trimmed)))
            return -1;
        *n += trimmed != 0;
        p += len + (p[len] == ',');
    }
    *items = out;
    return 0;
}

/* The template's YAML takes true and false only, as every other boolean
 * key of a template does (template-guide.md); -O, typed on a command
 * line, also takes yes/no, on/off, 1/0. */
static int parse_bool(const char *s, int yaml, int *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < (yaml ? 1 : 4); i++) {
        if (strcmp(s, yes[i]) == 0) return *out = 1, 0;
        if (strcmp(s, no[i]) == 0) return *out = 0, 0;
    }
    return -1;
}

/* Types values into o as decl says; on failure writes why. */
static int parse_value(arena *a, const quire_option_decl *decl, const char *const *values,
                       size_t n_values, int is_list, quire_option *o, char *why, size_t size)
{
    int yaml = o->origin == QUIRE_FROM_TEMPLATE;
    if (decl->type != QUIRE_OPT_LIST && (is_list || n_values != 1)) {
        snprintf(why, size, "expects a %s, got a list", type_name(decl->type));
        return -1;
    }
    const char *v = n_values ? values[0] : "";
    char *end;
    switch (decl->type) {
    case QUIRE_OPT_BOOL:
        if (parse_bool(v, yaml, &o->boolean) != 0) {
            snprintf(why, size, "expects true or false, got '%.60s'", v);
            return -1;
        }
        return 0;
    case QUIRE_OPT_INT:
        errno = 0;
        o->integer = strtoll(v, &end, 10);
        if (!*v || *end || errno) {
            snprintf(why, size, "expects an integer, got '%.60s'", v);
            return -1;
        }
        o->number = (double)o->integer;
        return 0;
    case QUIRE_OPT_NUMBER:
        errno = 0;
        o->number = strtod(v, &end);
        if (!*v || *end || errno || !isfinite(o->number)) {
            snprintf(why, size, "expects a number, got '%.60s'", v);
            return -1;
        }
        return 0;
    case QUIRE_OPT_STRING:
        if (!in_choices(decl, v))
            break;
        o->string = arena_strdup(a, v);
        return o->string ? 0 : -1;
    case QUIRE_OPT_LIST: {
        const char **items = NULL;
        size_t n = 0;
        if (!is_list && n_values == 1) {
            if (split_list(a, v, &items, &n) != 0)
                return -1;
        } else {
            items = arena_alloc(a, (n_values ? n_values : 1) * sizeof *items);
            if (!items)
                return -1;
            for (size_t i = 0; i < n_values; i++)
                items[n++] = values[i];
        }
        size_t kept = 0;
        for (size_t i = 0; i < n; i++) {
            if (!in_choices(decl, items[i])) {
                v = items[i];
                goto bad_choice;
            }
            int dup = 0;
            for (size_t k = 0; k < kept; k++)
                dup |= strcmp(items[k], items[i]) == 0;
            if (!dup)
                items[kept++] = items[i];
        }
        o->list = (quire_strings){items, kept};
        return 0;
    }
    }
bad_choice:;
    char allowed[300];
    choices_text(decl, allowed, sizeof allowed);
    snprintf(why, size, "'%.60s' is not one of: %s", v, allowed);
    return -1;
}

static int set_default(arena *a, const quire_plugin *pl, const quire_option_decl *decl,
                       quire_option *o, FILE *err)
{
    char why[400];
    const char *v = decl->default_value ? decl->default_value : "";
    *o = (quire_option){.name = decl->name, .type = decl->type, .origin = QUIRE_FROM_DEFAULT};
    if (parse_value(a, decl, &v, 1, 0, o, why, sizeof why) == 0)
        return 0;
    fprintf(err, "quire: plugin %s: the default of option '%s' is invalid: %s\n", pl->name,
            decl->name, why);
    return EXIT_PLUGIN;
}

/* Types values into the slot of out for decl, from origin at. 0, or -1
 * with the reason in why. */
static int set_value(arena *a, const quire_option_decl *decl, const char *const *values,
                     size_t n_values, int is_list, quire_option_origin origin, quire_pos at,
                     option_values *out, char *why, size_t size)
{
    quire_option next = {.name = decl->name, .type = decl->type, .origin = origin, .at = at};
    if (parse_value(a, decl, values, n_values, is_list, &next, why, size) != 0)
        return -1;
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->items[i].name, decl->name) == 0)
            out->items[i] = next;
    return 0;
}

static int from_template(arena *a, const quire_plugin *pl, const option_setting *s,
                         const char *path, diag *d, option_values *out)
{
    const quire_option_decl *decl = options_find(pl, s->key);
    char why[400];
    if (!decl) {
        const char *near = options_suggest(pl, s->key);
        diag_error(d, path, s->at.line, s->at.col, "%s: unknown option '%s'%s%s%s", pl->name,
                   s->key, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
        return EXIT_INVALID;
    }
    quire_pos at = {path, s->at.line, s->at.col};
    if (set_value(a, decl, s->values, s->n_values, s->is_list, QUIRE_FROM_TEMPLATE, at, out,
                  why, sizeof why) != 0) {
        diag_error(d, path, s->at.line, s->at.col, "%s.%s %s", pl->name, s->key, why);
        return EXIT_INVALID;
    }
    return 0;
}

static int from_cli(arena *a, const quire_plugin *pl, const cli_plugin_option *c, FILE *err,
                    option_values *out)
{
    const quire_option_decl *decl = options_find(pl, c->key);
    char why[400];
    if (!decl) {
        const char *near = options_suggest(pl, c->key);
        fprintf(err, "quire: -O %s: plugin %s has no option '%s'%s%s%s\n", c->arg, pl->name,
                c->key, near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
        return EXIT_USAGE;
    }
    if (set_value(a, decl, &c->value, 1, 0, QUIRE_FROM_COMMAND_LINE, (quire_pos){0}, out, why,
                  sizeof why) != 0) {
        fprintf(err, "quire: -O %s: %s\n", c->arg, why);
        return EXIT_USAGE;
    }
    return 0;
}

int options_resolve(const quire_plugin *pl, const option_setting *settings, size_t n_settings,
                    const char *template_path, const cli_options *cli, diag *d, FILE *err,
                    option_values *out)
{
    *out = (option_values){0};
    arena_init(&out->strings);
    size_t n = pl->options ? pl->n_options : 0;
    out->items = arena_alloc(&out->strings, (n ? n : 1) * sizeof *out->items);
    if (!out->items) {
        fprintf(err, "quire: out of memory\n");
        return EXIT_EXPORT;
    }
    int code = 0;
    for (size_t i = 0; i < n && !code; i++, out->n++)
        code = set_default(&out->strings, pl, decl_at(pl, i), &out->items[i], err);
    int invalid = 0;
    for (size_t i = 0; i < n_settings && !code; i++)
        invalid |= from_template(&out->strings, pl, &settings[i], template_path, d, out) != 0;
    for (size_t i = 0; cli && i < cli->n_plugin_options && !code; i++)
        if (strcmp(cli->plugin_options[i].plugin, pl->name) == 0)
            code = from_cli(&out->strings, pl, &cli->plugin_options[i], err, out);
    return code ? code : invalid ? EXIT_INVALID : 0;
}

void option_values_free(option_values *v)
{
    if (!v)
        return;
    arena_free(&v->strings);
    *v = (option_values){0};
}

void options_list(const quire_plugin *pl, FILE *out)
{
    for (size_t i = 0; pl->options && i < pl->n_options; i++) {
        const quire_option_decl *decl = decl_at(pl, i);
        char allowed[300];
        choices_text(decl, allowed, sizeof allowed);
        fprintf(out, "%s.%s\t%s\t%s\t%s%s%s%s\n", pl->name, decl->name, type_name(decl->type),
                decl->default_value ? decl->default_value : "", decl->help ? decl->help : "",
                allowed[0] ? " (" : "", allowed, allowed[0] ? ")" : "");
    }
}
