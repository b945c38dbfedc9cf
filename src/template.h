/* template.h — reading a layout template and binding it to a dataset. */
#ifndef QUIRE_TEMPLATE_H
#define QUIRE_TEMPLATE_H

#include "diag.h"
#include <quire/quire-plugin.h>

/* A parsed template, not yet tied to a dataset. */
typedef struct template_src template_src;

struct option_setting;  /* options.h */

/* A plugin section of the template: a top-level key that is no template
 * key and holds a mapping (`pdf: {standard: [ua-1]}`, `xlsx:`, any plugin
 * name). Each key is kept as written, with its position: its one scalar,
 * or the scalars of its YAML list. Whether the plugin exists and the keys
 * are its options is checked by the caller (options.c). */
typedef struct template_section {
    const char *name;                        /* "pdf" */
    quire_pos at;                            /* the section's key */
    const struct option_setting *settings;   /* in the order written */
    size_t n_settings;
} template_section;

/* Reads and checks path; NULL (errors reported to d) when missing or
 * invalid. Files it names (logo:) must be regular files inside the
 * template's folder unless allow_any_path. */
template_src *template_load(const char *path, int allow_any_path, diag *d);
/* template_load(path, 0, d). */
template_src *template_parse(const char *path, diag *d);
void template_src_free(template_src *t);

/* The formats the template asks for (`formats:`), possibly empty. */
quire_strings template_formats(const template_src *t);

/* The template's plugin sections, in the order written. */
size_t template_n_sections(const template_src *t);
const template_section *template_section_at(const template_src *t, size_t i);
/* The section named plugin, or NULL. */
const template_section *template_plugin_section(const template_src *t, const char *plugin);

/* The settings of the template's section named after plugin (`pdf:`),
 * borrowed from t (buf is not used; kept for the callers); *n is their
 * number, 0 without such a section. */
const struct option_setting *template_plugin_settings(const template_src *t, const char *plugin,
                                                      struct option_setting *buf, size_t *n);

/* Resolves every id the template names against ds, expands `all`, checks
 * chart columns and header/footer placeholders, and writes chart alt texts;
 * reports errors at the template's file:line:col. Returns NULL on error.
 * Free with template_free(). The result borrows from t and ds. */
quire_template *template_bind(const template_src *t, const quire_dataset *ds, diag *d);
void template_free(quire_template *t);

#endif
