/* numfmt.h — numbers as a reader expects them on paper.
 *
 * Without a format: the decimals as written, thousands separators, a
 * leading '-' for negatives. With an Excel number format: the common subset
 * (0, #, 0.00, #,##0, literal prefix/suffix in quotes or backslashed,
 * trailing %, sections ';' for negatives) as SPEC.md says.
 *
 * Percent: quire's percent columns hold percent points (31 = 31 %). With
 * percent = 1, a format containing '%' is applied to the point value
 * without multiplying ("0.0%" on 31.25 -> "31.3%"), which is what Excel
 * shows for the fraction 0.31 the XLSX stores; without a format, "31%".
 * With percent = 0, '%' multiplies by 100, as in Excel. A format without
 * '%' is taken as written, also for percent columns ("0.0" -> "31.3").
 * Rounding is decimal, half away from zero (0.125 -> "0.13"), as Excel.
 * Outside the subset (dates, E+, '@', 'General'): the default rendering. */
#ifndef QUIRE_PDF_NUMFMT_H
#define QUIRE_PDF_NUMFMT_H

#include <stddef.h>

/* Formats value into buf (size bytes, always NUL-terminated). decimals is
 * the number of digits written after the point in the dataset; format is
 * the column's Excel format or NULL. percent is 1 for percent columns
 * (value in percent points: 31 -> "31%"). Returns the length written. */
size_t numfmt_format(char *buf, size_t size, double value, int decimals,
                     const char *format, int percent);
/* A key figure's number with its unit: "42%", "3.2%p" (a unit starting
 * with % is glued on), "1,200 USD bn" (any other after a space). */
size_t numfmt_with_unit(char *buf, size_t size, double value, int decimals, const char *unit);

#endif
