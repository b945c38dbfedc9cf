/* diag.c — errors in the form editors understand: file:line:col: error: msg */
#include "diag.h"

#include <stdarg.h>

void diag_init(diag *d, FILE *out)
{
    d->out = out;
    d->errors = 0;
    d->warnings = 0;
}

static void report(diag *d, const char *kind, const char *file, long line, long col,
                   const char *fmt, va_list ap)
{
    /* One fprintf call per line, so lines of parallel jobs never interleave. */
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (line > 0 && col > 0)
        fprintf(d->out, "%s:%ld:%ld: %s: %s\n", file, line, col, kind, msg);
    else if (line > 0)
        fprintf(d->out, "%s:%ld: %s: %s\n", file, line, kind, msg);
    else
        fprintf(d->out, "%s: %s: %s\n", file, kind, msg);
}

void diag_error(diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, "error", file, line, col, fmt, ap);
    va_end(ap);
    d->errors++;
}

void diag_warning(diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, "warning", file, line, col, fmt, ap);
    va_end(ap);
    d->warnings++;
}
