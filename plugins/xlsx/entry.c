/*
 * entry.c — the plugin's descriptor: quire-xlsx.so's one exported symbol.
 */
#include "xlsx.h"

static quire_status xlsx_export(const quire_job *job, char *err, size_t err_size)
{
    xlsx_options opt = xlsx_options_default();
    return xlsx_export_opt(job, &opt, err, err_size);
}

QUIRE_PLUGIN_DEFINE("xlsx", "xlsx", "1.0.0",
                    "Excel workbook: figures, tables as Excel tables, native charts, sources",
                    xlsx_export)
