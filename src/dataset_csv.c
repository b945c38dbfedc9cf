/* dataset_csv.c — a table's rows from its `csv:` file: header checked
 * against the columns, then every record typed like an inline row. Errors
 * name the CSV file and its own line and column.
 *
 * The file must be a regular file inside the dataset's folder (SPEC:
 * input_path.h) unless --allow-any-path. Since it may be no CSV at all, a
 * message quotes at most a short excerpt of a field (HEADER_EXCERPT). */
#include "dataset_build.h"

#include "csv_read.h"
#include "input_path.h"
#include "utf8.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters of a mismatched header field that a message quotes. */
#define HEADER_EXCERPT 24

static int field_utf8_ok(loader *ld, csv_reader *r, const char *file)
{
    size_t bad = utf8_check(r->field, r->field_len);
    const char *nul = memchr(r->field, '\0', bad);
    if (nul) {
        /* a C string would silently end there */
        diag_error(ld->d, file, r->field_line, r->field_col, "a NUL byte in the field");
        return 0;
    }
    unsigned long cp;
    if (bad == r->field_len && utf8_xml_forbidden(r->field, r->field_len, &cp) < r->field_len) {
        diag_error(ld->d, file, r->field_line, r->field_col,
                   "the character U+%04lX is not allowed in a field (XML 1.0, which workbooks "
                   "and PDF metadata are written in, forbids it)", cp);
        return 0;
    }
    if (bad == r->field_len)
        return 1;
    diag_error(ld->d, file, r->field_line, r->field_col,
               "invalid UTF-8 (byte 0x%02X at offset %zu of the field)",
               (unsigned char)r->field[bad], bad);
    return 0;
}

/* The first record must be the column ids in order. 1 when it is. */
static int csv_header(loader *ld, table_build *tb, csv_reader *r, const char *file)
{
    const quire_column *cols = tb->columns.items;
    size_t i = 0;
    int ok = 1;
    csv_result res;
    do {
        res = csv_next_field(r);
        if (res == CSV_EOF) {
            diag_error(ld->d, file, 1, 1, "empty CSV file: the first line must name the "
                                          "columns of table '%s'", tb->t.id);
            return 0;
        }
        if (res == CSV_ERROR)
            return 0;
        if (i < tb->columns.n && ok && strcmp(r->field, cols[i].id) != 0) {
            char excerpt[4 * HEADER_EXCERPT + 8];
            diag_excerpt(r->field, r->field_len, HEADER_EXCERPT, excerpt, sizeof excerpt);
            diag_error(ld->d, file, r->field_line, r->field_col,
                       "CSV header field %zu is '%s'; table '%s' expects column '%s'", i + 1,
                       excerpt, tb->t.id, cols[i].id);
            ok = 0;
        }
        i++;
    } while (res == CSV_FIELD);
    if (ok && i != tb->columns.n) {
        diag_error(ld->d, file, 1, 1, "CSV header has %zu field%s; table '%s' has %zu column%s",
                   i, i == 1 ? "" : "s", tb->t.id, tb->columns.n, tb->columns.n == 1 ? "" : "s");
        ok = 0;
    }
    return ok;
}

static void csv_field(loader *ld, table_build *tb, csv_reader *r, size_t i, const char *file)
{
    if (r->field_len == 0) {
        table_null(tb, i);
        return;
    }
    if (!field_utf8_ok(ld, r, file)) {
        table_null(tb, i);
        return;
    }
    table_cell(ld, tb, i, r->field, r->field_len, 1, file, r->field_line, r->field_col);
}

/* Reads data records until the end or a malformed field. */
static void csv_records(loader *ld, table_build *tb, csv_reader *r, const char *file)
{
    size_t n_cols = tb->columns.n;
    for (;;) {
        if (ld->fatal || ld->d->errors - ld->first_error >= LOAD_MAX_ERRORS)
            return;
        csv_result res = csv_next_field(r);
        if (res == CSV_EOF || res == CSV_ERROR)
            return;
        if (!table_reserve(ld, tb))
            return;
        long line = r->field_line;
        size_t i = 0;
        for (;; res = csv_next_field(r)) {
            if (res == CSV_ERROR)
                break;
            if (i < n_cols)
                csv_field(ld, tb, r, i, file);
            i++;
            if (res != CSV_FIELD)
                break;
        }
        if (res == CSV_ERROR)
            i = n_cols;  /* reported by the caller; keep the row count sane */
        else if (i != n_cols)
            diag_error(ld->d, file, line, 1, "record has %zu field%s; table '%s' has %zu column%s",
                       i, i == 1 ? "" : "s", tb->t.id, n_cols, n_cols == 1 ? "" : "s");
        for (; i < n_cols; i++)
            table_null(tb, i);
        tb->t.n_rows++;
        if (res == CSV_ERROR)
            return;
    }
}

/* Reads the csv: file of tb whole into the dataset's arena (what is parsed
 * is what a plugin attaches) and opens a stream over those bytes, or
 * reports why not at the csv: key. */
static FILE *open_csv(loader *ld, table_build *tb, char *file, size_t size)
{
    char why[256];
    const unsigned char *data = NULL;
    size_t n = 0;
    if (input_resolve(ld->dir, tb->csv, ld->allow_any_path, file, size, why, sizeof why) == 0 &&
        input_read_all(file, ld->a, LONG_MAX / 2, &data, &n, why, sizeof why) == 0) {
        tb->t.csv_data = data;
        tb->t.csv_size = n;
        /* fmemopen() of 0 bytes fails: give it the terminating NUL, unread */
        FILE *f = fmemopen((void *)data, n ? n : 1, "rb");
        if (f && !n)
            fgetc(f);
        if (f)
            return f;
        snprintf(why, sizeof why, "%s", strerror(errno));
    }
    if (errno == ENOMEM) {
        diag_out_of_memory(ld->d, ld->path, tb->csv_at.line, tb->csv_at.col);
        return NULL;
    }
    diag_error(ld->d, ld->path, tb->csv_at.line, tb->csv_at.col, "cannot open CSV file '%s': %s",
               file[0] ? file : tb->csv, why);
    return NULL;
}

void table_load_csv(loader *ld, table_build *tb)
{
    char file[PATH_MAX];
    FILE *f = open_csv(ld, tb, file, sizeof file);
    if (!f)
        return;
    char real[PATH_MAX];   /* quire_table.csv_path: an input for --depfile */
    tb->t.csv_path = arena_strdup(ld->a, realpath(file, real) ? real : file);
    csv_reader *r = malloc(sizeof *r);
    if (!r || csv_init(r, f) != 0) {
        diag_out_of_memory(ld->d, ld->path, tb->csv_at.line, tb->csv_at.col);
        if (r)
            csv_close(r);
        else
            fclose(f);
        free(r);
        return;
    }
    if (csv_header(ld, tb, r, file))
        csv_records(ld, tb, r, file);
    if (r->error)
        diag_error(ld->d, file, r->error_line, r->error_col, "%s", r->error);
    csv_close(r);
    free(r);
}
