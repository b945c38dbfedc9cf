/* cells.h — the one scalar module of quire: null, booleans, numbers as
 * YAML writes them, calendar dates, ids, for the dataset (its cells, CSV
 * fields included) and the template alike. Pure functions over
 * (pointer, length). */
#ifndef QUIRE_CELLS_H
#define QUIRE_CELLS_H

#include <stddef.h>
#include <stdint.h>

typedef enum cell_status {
    CELL_OK = 0,
    CELL_NOT_NUMBER,  /* not a number as YAML writes one */
    CELL_NOT_FINITE,  /* .inf, .nan, or too big for a double (1e999) */
    CELL_NOT_EXACT,   /* an integer written beyond +-2^53: a double would round it */
    CELL_UNDERFLOW,   /* not zero, but below the smallest normal double (1e-400) */
} cell_status;

/* Parses a YAML 1.2 core-schema number: [-+]digits[.digits][e[-+]digits],
 * [-+].inf, .nan. *decimals: digits after the point as written, less the
 * exponent ("31.50" -> 2, "1.5e1" -> 0), at most 255. An integer written
 * without point or exponent must lie within +-2^53 (CELL_NOT_EXACT); a
 * number that is not zero must not round to zero or to a subnormal
 * (CELL_UNDERFLOW). */
cell_status cells_parse_number(const char *s, size_t len, double *value,
                               unsigned char *decimals);

/* What a status other than CELL_OK means, for "expects a number, got X:
 * <reason>" messages: "not a number", "not finite", ... */
const char *cells_status_reason(cell_status st);

/* 1 when value is a whole number within +-2^53 (exact in a double). */
int cells_is_integer(double value);

/* Parses YYYY-MM-DD of a date that exists on the proleptic Gregorian
 * calendar; *days: days since 1970-01-01. Returns 0 or -1. */
int cells_parse_date(const char *s, size_t len, int64_t *days);
/* Parses a period as `as_of:` and a source's date write it: a date
 * YYYY-MM-DD, a month YYYY-MM or (quarters allowed) a quarter YYYY-Qn
 * (n 1-4). *first and *last are the days it spans. 0, or -1 when s is
 * none of these. */
int cells_parse_period(const char *s, size_t len, int quarters, int64_t *first,
                       int64_t *last);

/* Parses a YAML 1.2 core-schema boolean: true/True/TRUE, false/False/FALSE.
 * Returns 0 with *out set, or -1. */
int cells_parse_bool(const char *s, size_t len, int *out);

/* 1 for the plain scalars YAML reads as null: "", "~", null, Null, NULL. */
int cells_is_null(const char *s, size_t len);

/* Ids: [a-z0-9][a-z0-9_-]* (with_underscore) or [a-z0-9][a-z0-9-]*. */
int cells_valid_id(const char *s, int with_underscore);

/* A BCP 47 tag, checked loosely: letters, then -subtags of 1..8 alnum. */
int cells_valid_language(const char *s);

#endif
