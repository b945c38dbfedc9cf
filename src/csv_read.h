/* csv_read.h — an RFC 4180 reader that streams a file field by field:
 * quoted fields, "" escapes, newlines inside quotes, CRLF, a UTF-8 BOM.
 * Fields and records are capped, so no input grows memory without bound. */
#ifndef QUIRE_CSV_READ_H
#define QUIRE_CSV_READ_H

#include <stddef.h>
#include <stdio.h>

/* A field longer than this is an error: no table cell needs a MiB, and
 * a file of NULs or one endless line must fail fast, not fill memory. */
#define CSV_MAX_FIELD ((size_t)1 << 20)
/* The same for a whole record (one line, or several inside quotes). */
#define CSV_MAX_RECORD ((size_t)16 << 20)

typedef enum csv_result {
    CSV_FIELD,       /* a field, more follow in this record */
    CSV_LAST_FIELD,  /* the last field of a record */
    CSV_EOF,         /* no more records */
    CSV_ERROR        /* malformed: message in error, at error_line:error_col */
} csv_result;

typedef struct csv_reader {
    FILE *file;
    char buf[1 << 16];
    size_t pos, len;
    char *field;         /* the current field, NUL-terminated (may hold NULs) */
    size_t field_len, field_cap;
    size_t record_bytes; /* bytes read since the current record began */
    int record_start;    /* the next field begins a record */
    long line, col;      /* 1-based position of the next byte */
    long field_line, field_col;  /* where the current field starts */
    const char *error;   /* static text: never quotes the file */
    long error_line, error_col;
} csv_reader;

/* Starts reading f, which the reader now owns (csv_close closes it, also
 * when this fails). Returns 0, or -1 with errno set. */
int csv_init(csv_reader *r, FILE *f);
void csv_close(csv_reader *r);

/* Reads the next field into r->field. */
csv_result csv_next_field(csv_reader *r);

#endif
