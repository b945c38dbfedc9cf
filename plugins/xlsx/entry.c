/*
 * entry.c — the plugin's descriptor: quire-xlsx.so's one exported symbol,
 * and the options it declares.
 */
#include "xlsx.h"

static const quire_option_decl xlsx_option_decls[] = {
    {"summary_sheet", QUIRE_OPT_BOOL, "true",
     "write the summary sheet (title, headline figures, summary)", NULL},
    {"charts", QUIRE_OPT_BOOL, "true", "a native Excel chart for each chart block", NULL},
};

static int bool_option(const quire_job *job, const char *name, int fallback)
{
    const quire_option *o = quire_job_option(job, name);
    return o && o->type == QUIRE_OPT_BOOL ? o->boolean : fallback;
}

static quire_status xlsx_export(const quire_job *job, char *err, size_t err_size)
{
    xlsx_options opt = xlsx_options_default();
    opt.summary_sheet = bool_option(job, "summary_sheet", opt.summary_sheet);
    opt.charts = bool_option(job, "charts", opt.charts);
    return xlsx_export_opt(job, &opt, err, err_size);
}

QUIRE_PLUGIN_DEFINE2("xlsx", "xlsx", "2.0.0",
                     "Excel workbook: figures, tables as Excel tables, native charts, sources",
                     xlsx_export, xlsx_check, xlsx_option_decls,
                     sizeof xlsx_option_decls / sizeof xlsx_option_decls[0])
