/* check_report.c — an exporter's check() refusing its input (see
 * check_report.h): the one place plugins test for the host's report(). */
#include "check_report.h"

#include <stddef.h>
#include <stdio.h>

int check_refusev(const quire_job *job, const char *tag, const quire_pos *at, const char *fmt,
                  va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    const quire_host *h = job->host;
    if (h->struct_size >= offsetof(quire_host, report) + sizeof h->report && h->report)
        h->report(job, QUIRE_ERROR, at, "%s", msg);
    else if (h->diag)
        h->diag(job, QUIRE_ERROR, tag, "%s", msg);
    return 1;
}

int check_refuse(const quire_job *job, const char *tag, const quire_pos *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = check_refusev(job, tag, at, fmt, ap);
    va_end(ap);
    return r;
}
