/* csv_read.c — RFC 4180 fields read through a 64 KiB buffer, so a CSV of
 * any size costs the memory of its longest field (at most CSV_MAX_FIELD). */
#include "csv_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int csv_init(csv_reader *r, FILE *f)
{
    memset(r, 0, sizeof *r);
    r->file = f;
    r->field_cap = 256;
    r->field = malloc(r->field_cap);
    if (!r->field) {
        errno = ENOMEM;
        return -1;
    }
    r->line = r->col = 1;
    r->record_start = 1;
    r->len = fread(r->buf, 1, sizeof r->buf, r->file);
    if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
    return 0;
}

void csv_close(csv_reader *r)
{
    if (r->file)
        fclose(r->file);
    free(r->field);
    r->file = NULL;
    r->field = NULL;
}

static int peek(csv_reader *r)
{
    if (r->pos == r->len) {
        r->len = fread(r->buf, 1, sizeof r->buf, r->file);
        r->pos = 0;
        if (r->len == 0)
            return EOF;
    }
    return (unsigned char)r->buf[r->pos];
}

static int get(csv_reader *r)
{
    int c = peek(r);
    if (c == EOF)
        return EOF;
    r->pos++;
    r->record_bytes++;
    if (c == '\n') {
        r->line++;
        r->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        r->col++;  /* columns count characters */
    }
    return c;
}

/* 0, or -1 out of memory, or -2 over the field cap. */
static int append(csv_reader *r, int c)
{
    if (r->field_len >= CSV_MAX_FIELD)
        return -2;
    if (r->field_len + 1 >= r->field_cap) {
        size_t cap = r->field_cap * 2;
        char *f = realloc(r->field, cap);
        if (!f)
            return -1;
        r->field = f;
        r->field_cap = cap;
    }
    r->field[r->field_len++] = (char)c;
    return 0;
}

static csv_result fail(csv_reader *r, const char *msg, long line, long col)
{
    r->field_len = 0;
    r->field[0] = '\0';  /* no caller may quote a field that failed */
    r->error = msg;
    r->error_line = line;
    r->error_col = col;
    return CSV_ERROR;
}

/* After a field: a comma, a line end (LF or CRLF) or the end of the file. */
static csv_result field_end(csv_reader *r)
{
    long line = r->line, col = r->col;
    int c = get(r);
    r->field[r->field_len] = '\0';
    r->record_start = 0;
    if (c == ',')
        return CSV_FIELD;
    if (c == '\r' && peek(r) == '\n')
        c = get(r);
    if (c == '\n' || c == '\r' || c == EOF) {
        r->record_start = 1;
        return CSV_LAST_FIELD;
    }
    return fail(r, "expected ',' or a line end after a quoted field", line, col);
}

static csv_result append_failed(csv_reader *r, int rc)
{
    if (rc == -2)
        return fail(r, "a field longer than 1 MiB (the CSV field limit)", r->field_line,
                    r->field_col);
    return fail(r, "out of memory", r->field_line, r->field_col);
}

static csv_result read_quoted(csv_reader *r)
{
    get(r);  /* the opening quote */
    for (;;) {
        int c = get(r);
        if (c == EOF)
            return fail(r, "unterminated quoted field", r->field_line, r->field_col);
        if (c == '"') {
            if (peek(r) != '"')
                return field_end(r);
            get(r);
        }
        int rc = append(r, c);
        if (rc != 0)
            return append_failed(r, rc);
    }
}

static csv_result read_plain(csv_reader *r)
{
    for (;;) {
        int c = peek(r);
        if (c == ',' || c == '\n' || c == '\r' || c == EOF)
            return field_end(r);
        if (c == '"')
            return fail(r, "a quote inside an unquoted field (quote the whole field)",
                        r->line, r->col);
        get(r);
        int rc = append(r, c);
        if (rc != 0)
            return append_failed(r, rc);
    }
}

static csv_result next_field(csv_reader *r)
{
    r->field_len = 0;
    r->field[0] = '\0';
    r->field_line = r->line;
    r->field_col = r->col;
    if (r->record_start)
        r->record_bytes = 0;
    else if (r->record_bytes > CSV_MAX_RECORD)
        return fail(r, "a record longer than 16 MiB (the CSV record limit)", r->line,
                    r->col);
    int c = peek(r);
    if (c == EOF && r->record_start)
        return CSV_EOF;
    if (c == '"')
        return read_quoted(r);
    return read_plain(r);
}

csv_result csv_next_field(csv_reader *r)
{
    csv_result res = next_field(r);
    /* fread reports a failed read as a short one: never take it for the end */
    if (res != CSV_ERROR && ferror(r->file))
        return fail(r, "cannot read the file (an I/O error)", r->line, r->col);
    return res;
}
