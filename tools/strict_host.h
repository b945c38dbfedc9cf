/* strict_host.h — the host services of quire-plugin-test: the real ones'
 * behaviour (fonts, placeholders, extra outputs), plus a check of every
 * call a plugin makes, and failures on request (open_output refusing,
 * progress asking to stop). */
#ifndef QUIRE_STRICT_HOST_H
#define QUIRE_STRICT_HOST_H

#include <quire/quire-plugin.h>

#define STRICT_MAX_OUTPUTS 4096

/* One export (or check) under the strict host. */
typedef struct strict_job {
    quire_job pub;                  /* what the plugin sees; host_data is this */
    const char *workdir;            /* where open_output puts extra files */
    char *outputs[STRICT_MAX_OUTPUTS]; /* [0] the main output, then open_output's */
    size_t n_outputs;
    /* what to refuse */
    int fail_open_output;           /* open_output returns QUIRE_ERR_EXPORT */
    int cancel;                     /* progress returns nonzero */
    /* what the plugin did */
    size_t progress_calls, open_output_calls, errors_reported;
    double last_progress;
    int violations;                 /* calls that broke the contract (printed) */
} strict_job;

extern const quire_host strict_host;

/* Prepares j for one export: output_path is workdir/<id>.<extension>, or
 * no output at all when workdir is NULL (a check()). */
int strict_job_init(strict_job *j, const quire_dataset *ds, const quire_template *tmpl,
                    const quire_option *options, size_t n_options, const char *workdir,
                    const char *extension);
void strict_job_free(strict_job *j);

#endif
