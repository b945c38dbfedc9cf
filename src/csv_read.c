/* csv_read.c — RFC 4180 fields read through a 64 KiB buffer, so a CSV of
 * any size costs the memory of its longest field. */
#include "csv_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int csv_open(csv_reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->file = fopen(path, "rb");
    if (!r->file)
        return -1;
    r->field_cap = 256;
    r->field = malloc(r->field_cap);
    if (!r->field) {
        fclose(r->file);
        r->file = NULL;
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
    if (c == '\n') {
        r->line++;
        r->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        r->col++;  /* columns count characters */
    }
    return c;
}

static int append(csv_reader *r, int c)
{
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
        if (append(r, c) != 0)
            return fail(r, "out of memory", r->field_line, r->field_col);
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
        if (append(r, c) != 0)
            return fail(r, "out of memory", r->field_line, r->field_col);
    }
}

csv_result csv_next_field(csv_reader *r)
{
    r->field_len = 0;
    r->field[0] = '\0';
    r->field_quoted = 0;
    r->field_line = r->line;
    r->field_col = r->col;
    int c = peek(r);
    if (c == EOF && r->record_start)
        return CSV_EOF;
    if (c == '"') {
        r->field_quoted = 1;
        return read_quoted(r);
    }
    return read_plain(r);
}
