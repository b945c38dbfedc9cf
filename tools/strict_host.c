/* strict_host.c — host services that check every call of the plugin.
 * A call that breaks the contract of quire-plugin.h is printed as
 * "FAIL: ..." and counted in strict_job.violations. */
#define _GNU_SOURCE /* asprintf */
#include "strict_host.h"

#include "expand.h"
#include "fonts.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static strict_job *job_of(const quire_job *job)
{
    return job ? (strict_job *)job->host_data : NULL;
}

static void violation(strict_job *j, const char *fmt, ...) QUIRE_PRINTF(2, 3);
static void violation(strict_job *j, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("FAIL: ", stdout);
    vprintf(fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
    if (j)
        j->violations++;
}

/* Every service gets the job the plugin was handed, not a copy of it. */
static strict_job *checked(const quire_job *job, const char *service)
{
    strict_job *j = job_of(job);
    if (!j || &j->pub != job) {
        violation(NULL, "%s() called with a job that is not the one passed to the plugin",
                  service);
        return NULL;
    }
    return j;
}

static const char *severity_name(quire_severity s)
{
    return s == QUIRE_NOTE ? "note" : s == QUIRE_WARNING ? "warning" : "error";
}

static void s_diag(const quire_job *job, quire_severity sev, const char *code,
                   const char *fmt, ...)
{
    strict_job *j = checked(job, "diag");
    if (!fmt || (sev != QUIRE_NOTE && sev != QUIRE_WARNING && sev != QUIRE_ERROR)) {
        violation(j, "diag() with %s", fmt ? "an unknown severity" : "a NULL format");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    printf("  plugin %s%s%s%s: ", severity_name(sev), code ? " [" : "", code ? code : "",
           code ? "]" : "");
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
}

static void s_report(const quire_job *job, quire_severity sev, const quire_pos *at,
                     const char *fmt, ...)
{
    strict_job *j = checked(job, "report");
    if (!fmt) {
        violation(j, "report() with a NULL format");
        return;
    }
    if (j && sev == QUIRE_ERROR)
        j->errors_reported++;
    va_list ap;
    va_start(ap, fmt);
    printf("  plugin report %s:%ld:%ld: %s: ", at && at->file ? at->file : "(job)",
           at ? at->line : 0L, at ? at->col : 0L, severity_name(sev));
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
}

/* Fractions go from 0 to 1 and never back. */
static int s_progress(const quire_job *job, double fraction)
{
    strict_job *j = checked(job, "progress");
    if (!j)
        return 0;
    j->progress_calls++;
    if (!(fraction >= 0.0 && fraction <= 1.0 + 1e-9))
        violation(j, "progress(%g): outside 0 to 1", fraction);
    else if (fraction + 1e-9 < j->last_progress)
        violation(j, "progress(%g) after progress(%g): progress went back", fraction,
                  j->last_progress);
    j->last_progress = fraction;
    return j->cancel;
}

static quire_status s_find_font(const quire_job *job, const char *pattern, char *path,
                                size_t size, int *index)
{
    strict_job *j = checked(job, "find_font");
    if (!pattern || !path || !size || !index) {
        violation(j, "find_font() with a NULL argument or an empty buffer");
        return QUIRE_ERR_INPUT;
    }
    char offered[256];
    fonts_status st = fonts_find(pattern, path, size, index, offered, sizeof offered);
    if (st == FONTS_OK)
        return QUIRE_OK;
    printf("  host: font '%s' not found%s%s\n", pattern, st == FONTS_MISMATCH ? "; offered " : "",
           st == FONTS_MISMATCH ? offered : "");
    return QUIRE_ERR_INPUT;
}

static size_t s_expand(const quire_job *job, const char *pattern, int page, int pages,
                       char *out, size_t size)
{
    strict_job *j = checked(job, "expand");
    if (!pattern || (!out && size)) {
        violation(j, "expand() with a NULL pattern or buffer");
        return 0;
    }
    return expand_placeholders(job->dataset, pattern, page, pages, out, size);
}

/* A suffix names a file beside the main output: ".x.csv", never a path. */
static quire_status s_open_output(const quire_job *job, const char *suffix, char *path,
                                  size_t size)
{
    strict_job *j = checked(job, "open_output");
    if (!j)
        return QUIRE_ERR_EXPORT;
    j->open_output_calls++;
    if (!j->workdir) {
        violation(j, "open_output() during check()");
        return QUIRE_ERR_EXPORT;
    }
    if (!suffix || suffix[0] != '.' || strchr(suffix, '/') || !path || size == 0) {
        violation(j, "open_output('%s'): a suffix starts with '.' and holds no '/'",
                  suffix ? suffix : "(null)");
        return QUIRE_ERR_EXPORT;
    }
    if (j->fail_open_output)
        return QUIRE_ERR_EXPORT;
    char *p = NULL;
    if (asprintf(&p, "%s/%s%s", j->workdir, job->dataset->id, suffix) < 0)
        return QUIRE_ERR_EXPORT;
    for (size_t i = 0; i < j->n_outputs; i++)
        if (strcmp(j->outputs[i], p) == 0) {
            violation(j, "open_output('%s') twice in one export", suffix);
            free(p);
            return QUIRE_ERR_EXPORT;
        }
    if (strlen(p) >= size || j->n_outputs == STRICT_MAX_OUTPUTS) {
        free(p);
        return QUIRE_ERR_EXPORT;
    }
    strcpy(path, p);
    j->outputs[j->n_outputs++] = p;
    return QUIRE_OK;
}

const quire_host strict_host = {
    sizeof(quire_host), QUIRE_ABI_VERSION, s_diag, s_progress, s_find_font, s_expand,
    s_open_output, s_report,
};

int strict_job_init(strict_job *j, const quire_dataset *ds, const quire_template *tmpl,
                    const quire_option *options, size_t n_options, const char *workdir,
                    const char *extension)
{
    *j = (strict_job){0};
    j->workdir = workdir;
    if (workdir && asprintf(&j->outputs[0], "%s/%s.%s", workdir, ds->id, extension) < 0)
        return -1;
    j->n_outputs = workdir ? 1 : 0;
    j->pub = (quire_job){
        .struct_size = sizeof(quire_job), .dataset = ds, .tmpl = tmpl,
        .output_path = workdir ? j->outputs[0] : NULL,
        .final_path = workdir ? j->outputs[0] : NULL, .host = &strict_host, .host_data = j,
        .options = options, .n_options = n_options, .option_size = sizeof(quire_option)};
    return 0;
}

void strict_job_free(strict_job *j)
{
    for (size_t i = 0; i < j->n_outputs; i++)
        free(j->outputs[i]);
    j->n_outputs = 0;
}
