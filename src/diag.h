/* diag.h — collecting errors as "file:line:col: error: message". */
#ifndef QUIRE_DIAG_H
#define QUIRE_DIAG_H

#include <stdio.h>

/* Where diagnostics go. Lines are 1-based; col 0 means "no column". */
typedef struct diag {
    FILE *out;      /* stderr normally; a memstream in unit tests */
    int errors;
    int warnings;
} diag;

void diag_init(diag *d, FILE *out);
void diag_error(diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_warning(diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
