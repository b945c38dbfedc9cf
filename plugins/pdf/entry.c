/* entry.c — the PDF plugin's descriptor: its name, its options and its
 * two calls. The rest of the plugin is the static library quire_pdf_core,
 * which tests and benchmarks link too. */
#include "pdf.h"

static const char *const standards[] = {"ua-1", "a-2b", "a-3b", NULL};
static const quire_option_decl options[] = {
    {"standard", QUIRE_OPT_LIST, "", "PDF standards to meet", standards},
    {"max_rows", QUIRE_OPT_INT, "500",
     "rows of a table shown before a line saying how many follow (the workbook has all)", NULL},
};

QUIRE_PLUGIN_DEFINE2("pdf", "pdf", "2.0.0",
                     "PDF brief: cover, contents, figures, tables and vector charts (libharu)",
                     pdf_export, pdf_check, options, sizeof options / sizeof options[0])
