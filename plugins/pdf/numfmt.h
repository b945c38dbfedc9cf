/* numfmt.h — numbers as a reader expects them on paper.
 *
 * Without a format: the decimals as written, thousands separators, a
 * leading '-' for negatives. With an Excel number format: the common subset
 * (0, #, 0.00, #,##0, literal prefix/suffix in quotes or backslashed,
 * trailing %, sections ';' for negatives) as SPEC.md says. */
#ifndef QUIRE_PDF_NUMFMT_H
#define QUIRE_PDF_NUMFMT_H

#include <stddef.h>

/* Formats value into buf (size bytes, always NUL-terminated). decimals is
 * the number of digits written after the point in the dataset; format is
 * the column's Excel format or NULL. percent is 1 for percent columns
 * (value in percent points: 31 -> "31%"). Returns the length written. */
size_t numfmt_format(char *buf, size_t size, double value, int decimals,
                     const char *format, int percent);

#endif
