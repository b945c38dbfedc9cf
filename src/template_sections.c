/* template_sections.c — the template's plugin sections (`pdf:`, `xlsx:`,
 * any plugin's name): each key kept as written, with its position, for
 * options.c to check against the plugin's declared options. */
#include "options.h"
#include "template_model.h"

#include <string.h>

/* A plugin name becomes part of a file name (quire-<name>.so). */
static int is_plugin_name(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

typedef struct section_read {
    template_src *t;
    template_section *s;
    tpl_list settings;    /* option_setting */
} section_read;

/* One key of a section: a scalar or a list of scalars. */
static void read_setting(ywalk *w, section_read *r, const yev *key, const yev *v)
{
    char name[200];
    snprintf(name, sizeof name, "%s.%s", r->s->name, key->value);
    option_setting *prev = r->settings.items;
    for (size_t i = 0; i < r->settings.n; i++)
        if (strcmp(prev[i].key, key->value) == 0) {
            yw_error(w, key, "duplicate key '%s' (first at line %ld, column %ld)", key->value,
                     prev[i].at.line, prev[i].at.col);
            yw_skip(w, v);
            return;
        }
    const char *k = arena_strdup(w->a, key->value);
    option_setting *o = k ? tpl_push(w, &r->settings, sizeof *o) : NULL;
    if (!o)
        return;
    o->key = k;
    o->at = (quire_pos){r->t->path, key->line, key->col};
    if (v->kind == YEV_MAP_START) {
        yw_error(w, v, "'%s' expects a value or a list of values, not a mapping", name);
        yw_skip(w, v);
        r->settings.n--;
        return;
    }
    tpl_list values = {0};
    o->is_list = v->kind == YEV_SEQ_START;
    yev item = *v;
    while (!o->is_list || (yw_next(w, &item) && item.kind != YEV_SEQ_END)) {
        const char *s = NULL;
        if (item.kind != YEV_SCALAR) {
            yw_error(w, &item, "'%s' expects a list of values, not %s", name,
                     yw_kind_name(&item));
            yw_skip(w, &item);
        } else if (yw_string(w, &item, name, &s)) {
            const char **slot = tpl_push(w, &values, sizeof *slot);
            if (slot)
                *slot = s ? s : "";
        }
        if (!o->is_list)
            break;
    }
    o->values = values.items;
    o->n_values = values.n;
    /* `key:` with nothing is "not set": drop it. */
    if (!o->is_list && v->kind == YEV_SCALAR && yw_is_null(v))
        r->settings.n--;
}

int tpl_read_section(ywalk *w, template_src *t, const yev *key, const yev *value)
{
    if (!is_plugin_name(key->value) || (value->kind != YEV_MAP_START && !yw_is_null(value)))
        return 0;
    for (size_t i = 0; i < t->n_sections; i++)
        if (strcmp(t->sections[i].name, key->value) == 0) {
            yw_error(w, key, "duplicate key '%s' (first at line %ld, column %ld)", key->value,
                     t->sections[i].at.line, t->sections[i].at.col);
            yw_skip(w, value);
            return 1;
        }
    tpl_list list = {t->sections, t->n_sections, t->n_sections};
    template_section *s = tpl_push(w, &list, sizeof *s);
    if (!s)
        return 1;
    t->sections = list.items;
    t->n_sections = list.n;
    s->name = arena_strdup(w->a, key->value);
    s->at = (quire_pos){t->path, key->line, key->col};
    if (value->kind != YEV_MAP_START)
        return 1;
    section_read r = {.t = t, .s = s};
    yev k, v;
    while (yw_next(w, &k) && k.kind != YEV_MAP_END) {
        if (k.kind != YEV_SCALAR) {
            yw_error(w, &k, "keys of %s must be plain strings, not %s", s->name,
                     yw_kind_name(&k));
            yw_skip(w, &k);
            if (!yw_next(w, &v))
                break;
            yw_skip(w, &v);
            continue;
        }
        /* The key's text lives until the next event. */
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(k.length < 127 ? k.length : 127), k.value);
        k.value = name;
        k.length = strlen(name);
        if (!yw_next(w, &v))
            break;
        read_setting(w, &r, &k, &v);
    }
    /* Sections are few and stay where the list put them: re-read s. */
    s = &t->sections[t->n_sections - 1];
    s->settings = r.settings.items;
    s->n_settings = r.settings.n;
    return 1;
}

size_t template_n_sections(const template_src *t)
{
    return t->n_sections;
}

const template_section *template_section_at(const template_src *t, size_t i)
{
    return i < t->n_sections ? &t->sections[i] : NULL;
}

const template_section *template_plugin_section(const template_src *t, const char *plugin)
{
    for (size_t i = 0; i < t->n_sections; i++)
        if (strcmp(t->sections[i].name, plugin) == 0)
            return &t->sections[i];
    return NULL;
}

const option_setting *template_plugin_settings(const template_src *t, const char *plugin,
                                               option_setting *buf, size_t *n)
{
    const template_section *s = template_plugin_section(t, plugin);
    *n = s ? s->n_settings : 0;
    return s ? s->settings : buf;
}
