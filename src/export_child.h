/* export_child.h — one export in a child process, and the report it sends
 * its parent through a pipe.
 *
 * The parent forks one child per export. The child calls the plugin and,
 * when the plugin returns, writes one report (status, message, the names
 * of the extra files it asked for, the font files it used) and ends. A plugin that crashes or
 * calls exit() ends the child without a report: the parent sees that, and
 * its outputs are never committed. */
#ifndef QUIRE_EXPORT_CHILD_H
#define QUIRE_EXPORT_CHILD_H

#include <sys/types.h>

#include "output.h"
#include "render.h"

/* What the child sent. */
typedef struct export_report {
    quire_status status;
    int reported_errors;     /* errors the plugin reported with host->report */
    char err[1024];          /* the plugin's message, "" when none */
    char **names;            /* files asked for with open_output, in order */
    size_t n_names;
    char **fonts;            /* font files find_font gave the plugin */
    size_t n_fonts;
} export_report;

/* In the child: runs the export of t into outputs (whose first file is the
 * main output) and writes the report to fd. Never returns. parent is the
 * pid of quire's process: the child dies with it (PR_SET_PDEATHSIG). */
_Noreturn void export_child_run(const render_task *t, output_set *outputs, int quiet, int fd,
                                pid_t parent);

/* In the parent: decodes the len bytes the child sent. Returns 0 when they
 * are one whole report, -1 otherwise (nothing, or cut short). */
int export_report_parse(const char *buf, size_t len, export_report *r);
void export_report_free(export_report *r);

#endif
