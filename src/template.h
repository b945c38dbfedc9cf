/* template.h — reading a layout template and binding it to a dataset. */
#ifndef QUIRE_TEMPLATE_H
#define QUIRE_TEMPLATE_H

#include "diag.h"
#include <quire/quire-plugin.h>

/* A parsed template, not yet tied to a dataset. */
typedef struct template_src template_src;

/* Reads and checks path; NULL (errors reported to d) when missing or invalid. */
template_src *template_parse(const char *path, diag *d);
void template_src_free(template_src *t);

/* The formats the template asks for (`formats:`), possibly empty. */
quire_strings template_formats(const template_src *t);

struct option_setting;
/* The settings of the template's section named after plugin (`pdf:`),
 * stored in buf (room for 16) or borrowed from t; *n is their number. */
const struct option_setting *template_plugin_settings(const template_src *t, const char *plugin,
                                                      struct option_setting *buf, size_t *n);

/* Resolves every id the template names against ds, expands `all`, and checks
 * chart columns; reports errors at the template's file:line:col. Returns NULL
 * on error. Free with template_free(). The result borrows from t and ds. */
quire_template *template_bind(const template_src *t, const quire_dataset *ds, diag *d);
void template_free(quire_template *t);

#endif
