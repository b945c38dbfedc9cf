/* host.c — the services quire offers its plugins (quire_host). */
#include "host.h"

#include "clobber.h"
#include "diag.h"

#include "expand.h"
#include "fonts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SUFFIX 200

volatile sig_atomic_t host_cancel_requested;

static host_job *host_of(const quire_job *job)
{
    return job->host_data;
}

static void host_diag(const quire_job *job, quire_severity severity, const char *code,
                      const char *fmt, ...)
{
    if (severity != QUIRE_ERROR && host_of(job)->quiet)
        return;
    static const char *const names[] = {"note", "warning", "error"};
    const char *kind = severity <= QUIRE_ERROR ? names[severity] : "error";
    char raw[1024], msg[1024], tag[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    /* A plugin's words may quote the dataset: never raw ESC, BEL or C1. */
    diag_escape(raw, msg, sizeof msg);
    /* One call per line: lines of parallel jobs never interleave. */
    if (code && *code)
        fprintf(stderr, "%s: %s [%s]: %s\n", job->final_path, kind,
                diag_escape(code, tag, sizeof tag), msg);
    else
        fprintf(stderr, "%s: %s: %s\n", job->final_path, kind, msg);
}

static int host_progress(const quire_job *job, double fraction)
{
    host_job *hj = host_of(job);
    if (hj->show_progress && fraction >= 0 && fraction <= 1) {
        int percent = (int)(fraction * 100);
        if (percent != hj->last_percent) {
            hj->last_percent = percent;
            fprintf(stderr, "\r%s %3d%%\033[K", job->final_path, percent);
        }
    }
    return host_cancel_requested != 0;
}

/* The font files an export uses are inputs of its outputs (--depfile). */
static int note_font(host_job *hj, const char *path)
{
    for (size_t i = 0; i < hj->n_fonts; i++)
        if (strcmp(hj->fonts[i], path) == 0)
            return 0;
    char **f = realloc(hj->fonts, (hj->n_fonts + 1) * sizeof *f);
    if (!f)
        return -1;
    hj->fonts = f;
    if (!(f[hj->n_fonts] = strdup(path)))
        return -1;
    hj->n_fonts++;
    return 0;
}

static quire_status host_find_font(const quire_job *job, const char *pattern, char *path,
                                   size_t size, int *index)
{
    char offered[256];
    host_job *hj = host_of(job);
    fonts_status st = fonts_find(pattern, path, size, index, offered, sizeof offered);
    if (st != FONTS_OK && hj->report_to && job->tmpl) {
        /* check(): an input error at the template's fonts: key */
        const quire_pos *at = &job->tmpl->fonts_at;
        const char *file = at->file ? at->file : job->tmpl->path;
        if (st == FONTS_MISMATCH)
            diag_error(hj->report_to, file, at->line, at->col,
                       "font '%s' not found: fontconfig offers '%s' instead", pattern, offered);
        else
            diag_error(hj->report_to, file, at->line, at->col,
                       "font pattern '%s' matches no font", pattern);
        hj->reported_errors++;
        return QUIRE_ERR_INPUT;
    }
    switch (st) {
    case FONTS_OK:
        if (strlen(path) + 1 >= size) {
            host_diag(job, QUIRE_ERROR, "font-path", "font file path too long for %s", pattern);
            return QUIRE_ERR_EXPORT;
        }
        if (hj->outputs && note_font(hj, path) != 0) {   /* exports only, not check() */
            host_diag(job, QUIRE_ERROR, "font-path", "out of memory");
            return QUIRE_ERR_EXPORT;
        }
        return QUIRE_OK;
    case FONTS_MISMATCH:
        host_diag(job, QUIRE_ERROR, "font-family",
                  "font '%s' not found: fontconfig offers '%s' instead", pattern, offered);
        return QUIRE_ERR_INPUT;
    default:
        host_diag(job, QUIRE_ERROR, "font-pattern", "font pattern '%s' matches no font",
                  pattern);
        return QUIRE_ERR_INPUT;
    }
}

static size_t host_expand(const quire_job *job, const char *pattern, int page, int pages,
                          char *out, size_t size)
{
    return expand_placeholders(job->dataset, pattern ? pattern : "", page, pages, out, size);
}

/* A suffix becomes part of a file name in OUTDIR: it must not leave it,
 * and it must print as it is in messages. */
static int suffix_is_safe(const char *suffix)
{
    size_t n = suffix ? strlen(suffix) : 0;
    if (n == 0 || n > MAX_SUFFIX)
        return 0;
    for (const unsigned char *p = (const unsigned char *)suffix; *p; p++)
        if (*p == '/' || *p < 0x20 || *p == 0x7f)
            return 0;
    return 1;
}

static quire_status host_open_output(const quire_job *job, const char *suffix, char *path,
                                     size_t size)
{
    host_job *hj = host_of(job);
    if (!suffix_is_safe(suffix)) {
        host_diag(job, QUIRE_ERROR, "output-name", "invalid output suffix '%s'",
                  suffix ? suffix : "(null)");
        return QUIRE_ERR_EXPORT;
    }
    char name[512];
    snprintf(name, sizeof name, "%s%s", job->dataset->id, suffix);
    char input[512];
    if (clobber_export_name(hj->outputs->outdir, name, job->dataset, job->tmpl, input,
                            sizeof input)) {
        host_diag(job, QUIRE_ERROR, "output-name", "%s/%s would replace the input %s; "
                  "choose another -o", hj->outputs->outdir, name, input);
        return QUIRE_ERR_INPUT;
    }
    const char *temp = output_add(hj->outputs, name);
    if (!temp) {
        host_diag(job, QUIRE_ERROR, "output-name", "cannot create %s/%s: %s",
                  hj->outputs->outdir, name,
                  errno == EEXIST ? "already asked for" : strerror(errno));
        return QUIRE_ERR_EXPORT;
    }
    if (strlen(temp) + 1 > size) {
        host_diag(job, QUIRE_ERROR, "output-name", "path buffer too small for %s", temp);
        return QUIRE_ERR_EXPORT;
    }
    memcpy(path, temp, strlen(temp) + 1);
    return QUIRE_OK;
}

static void host_report(const quire_job *job, quire_severity severity, const quire_pos *at,
                        const char *fmt, ...)
{
    host_job *hj = host_of(job);
    if (severity != QUIRE_ERROR && hj->quiet)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *file = at && at->file ? at->file : job->dataset->path;
    long line = at ? at->line : 0, col = at ? at->col : 0;
    diag local;
    diag *d = hj->report_to;
    if (!d)
        diag_init(d = &local, stderr);
    if (severity == QUIRE_ERROR) {
        diag_error(d, file, line, col, "%s: %s", hj->format, msg);
        hj->reported_errors++;
    } else {
        diag_warning(d, file, line, col, "%s: %s", hj->format, msg);
    }
}

const quire_host host_services = {
    .struct_size = sizeof(quire_host),
    .abi_version = QUIRE_ABI_VERSION,
    .diag = host_diag,
    .progress = host_progress,
    .find_font = host_find_font,
    .expand = host_expand,
    .open_output = host_open_output,
    .report = host_report,
};

void host_job_init(host_job *hj, const quire_dataset *ds, const quire_template *tmpl,
                   output_set *outputs, const char *format)
{
    hj->outputs = outputs;
    hj->format = format;
    hj->last_percent = -1;
    hj->pub = (quire_job){
        .struct_size = sizeof(quire_job),
        .dataset = ds,
        .tmpl = tmpl,
        .output_path = outputs->files[0].temp,
        .final_path = outputs->files[0].final,
        .host = &host_services,
        .host_data = hj,
    };
}

void host_job_init_check(host_job *hj, const quire_dataset *ds, const quire_template *tmpl,
                         const char *format, diag *d)
{
    hj->format = format;
    hj->last_percent = -1;
    hj->report_to = d;
    hj->pub = (quire_job){
        .struct_size = sizeof(quire_job),
        .dataset = ds,
        .tmpl = tmpl,
        .output_path = NULL,
        .final_path = ds->path,
        .host = &host_services,
        .host_data = hj,
    };
}

void host_job_end_progress(host_job *hj)
{
    if (hj->show_progress && hj->last_percent >= 0)
        fputs("\r\033[K", stderr);
}

void host_job_free(host_job *hj)
{
    for (size_t i = 0; i < hj->n_fonts; i++)
        free(hj->fonts[i]);
    free(hj->fonts);
    hj->fonts = NULL;
    hj->n_fonts = 0;
}
