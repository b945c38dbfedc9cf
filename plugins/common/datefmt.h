/* datefmt.h — a date column's Excel date format, applied as the workbook
 * shows it, for the PDF and the page (tables, categories, time axes).
 *
 * The codes (letters in any case): y/yy two-digit year, yyy/yyyy the year;
 * m/mm month number, mmm/mmmm/mmmmm month name (Jan, January, J); d/dd the
 * day, ddd/dddd the weekday (Mon, Monday); e the year; h, s and m after h
 * or before s read 0 (a date has no time). quire adds q, the quarter 1-4,
 * which Excel lacks (`yyyy "Q"q` -> "2025 Q1"; the workbook writes such a
 * cell as that text, see docs/dataset-guide.md). Literals: "quoted",
 * \escaped, and - / . , : ( ) space and any non-ASCII character; [..]
 * (locale, colour) and ';' sections after the first are ignored. Month and
 * day names are Korean (1월, 월, 월요일) in a Korean document. A format
 * with digit placeholders, '@' or another letter is not a date format. */
#ifndef QUIRE_DATEFMT_H
#define QUIRE_DATEFMT_H

#include <stddef.h>

/* What a date format shows, finest first; 0 when format is none. */
enum { DATEFMT_NONE = 0, DATEFMT_DAY, DATEFMT_MONTH, DATEFMT_QUARTER, DATEFMT_YEAR };

/* The finest unit format shows (DATEFMT_DAY ... DATEFMT_YEAR), or
 * DATEFMT_NONE when format is NULL or not a date format. */
int datefmt_unit(const char *format);
/* 1 when format uses quire's quarter code q (Excel has none). */
int datefmt_has_quarter(const char *format);
/* 1 when format shows a month or weekday name (its language matters). */
int datefmt_has_names(const char *format);
/* Writes the date days (since 1970-01-01) under format into buf (always
 * NUL-terminated). korean: names in Korean. Returns the length, 0 when
 * format is not a date format (the caller shows the date as written). */
size_t datefmt_format(char *buf, size_t size, double days, const char *format, int korean);
/* format with each month name (mmm, mmmm, mmmmm) written m"월", as a
 * Korean document shows it; for the workbook, whose readers do not agree
 * on Korean month names. Returns the length (>= size: cut). */
size_t datefmt_months_as_numbers(char *buf, size_t size, const char *format);
/* Civil date of days since 1970-01-01. */
void datefmt_civil(long days, int *y, int *m, int *d);

#endif
