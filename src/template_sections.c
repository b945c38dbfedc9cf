/* template_sections.c — the template's plugin sections (`xlsx:`) as option
 * settings for src/options.c.
 * Transitional: the template reader knows only the xlsx section and keeps
 * its two booleans; the YAML front-end rewrite keeps every section as
 * written, with positions, and replaces this file. */
#include "options.h"
#include "template_model.h"

#include <string.h>

static const char *const false_value[] = {"false"};

const option_setting *template_plugin_settings(const template_src *t, const char *plugin,
                                               option_setting *buf, size_t *n)
{
    *n = 0;
    if (strcmp(plugin, "xlsx") != 0)
        return buf;
    if (!t->xlsx_summary_sheet)
        buf[(*n)++] = (option_setting){"summary_sheet", {t->path, 0, 0}, false_value, 1, 0};
    if (!t->xlsx_charts)
        buf[(*n)++] = (option_setting){"charts", {t->path, 0, 0}, false_value, 1, 0};
    return buf;
}
