/* host.h — the services quire offers its plugins (quire_host). */
#ifndef QUIRE_HOST_H
#define QUIRE_HOST_H

#include "diag.h"
#include "output.h"
#include <quire/quire-plugin.h>
#include <signal.h>

/* The host's side of one export; quire_job.host_data points to it. */
typedef struct host_job {
    quire_job pub;            /* what the plugin sees */
    const char *format;       /* the plugin's name, for messages */
    output_set *outputs;      /* [0] is job->output_path; then open_output()'s */
    int quiet;                /* --quiet: no notes, warnings or progress */
    int show_progress;        /* stderr is a terminal and not quiet */
    int last_percent;
    diag *report_to;          /* check(): where host->report goes; NULL: stderr */
    int reported_errors;      /* errors the plugin reported with host->report */
    char **fonts;             /* font files find_font() gave the plugin, once each */
    size_t n_fonts;
} host_job;

/* The table handed to every plugin. */
extern const quire_host host_services;

/* Set in the export's child process when the parent asks it to stop
 * (SIGTERM): progress() then tells the plugin to return. */
extern volatile sig_atomic_t host_cancel_requested;

/* Prepares hj for one export of ds with tmpl into outputs, whose first
 * file is the main output (job->output_path). */
void host_job_init(host_job *hj, const quire_dataset *ds, const quire_template *tmpl,
                   output_set *outputs, const char *format);

/* Prepares hj for one check() of ds with tmpl: no output; reports go to d. */
void host_job_init_check(host_job *hj, const quire_dataset *ds, const quire_template *tmpl,
                         const char *format, diag *d);

/* Clears the progress line of the job, if one was shown. */
void host_job_end_progress(host_job *hj);

/* Frees what the job collected (the font files); not the outputs. */
void host_job_free(host_job *hj);

#endif
