/* check_report.h — an exporter's check() refusing its input: at the
 * input's position when the host can place it (ABI 2's report), else as a
 * plain diagnostic under the plugin's tag. */
#ifndef QUIRE_CHECK_REPORT_H
#define QUIRE_CHECK_REPORT_H

#include <stdarg.h>

#include <quire/quire-plugin.h>

/* Reports the error (at may be NULL); returns 1, so that `bad |= ...`
 * collects refusals. tag names the plugin's check ("pdf-check"). */
int check_refuse(const quire_job *job, const char *tag, const quire_pos *at, const char *fmt,
                 ...) QUIRE_PRINTF(4, 5);
int check_refusev(const quire_job *job, const char *tag, const quire_pos *at, const char *fmt,
                  va_list ap) QUIRE_PRINTF(4, 0);

#endif
