/* dataset_csv.c — a table's rows from its `csv:` file: header checked
 * against the columns, then every record typed like an inline row. Errors
 * name the CSV file and its own line and column. */
#include "dataset_build.h"

#include "csv_read.h"
#include "utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The CSV path as the user reads it: relative to the dataset's folder. */
static char *csv_path(const char *dataset, const char *csv)
{
    const char *slash = strrchr(dataset, '/');
    size_t dir = csv[0] == '/' || !slash ? 0 : (size_t)(slash - dataset + 1);
    char *p = malloc(dir + strlen(csv) + 1);
    if (p) {
        memcpy(p, dataset, dir);
        strcpy(p + dir, csv);
    }
    return p;
}

static int field_utf8_ok(loader *ld, csv_reader *r, const char *file)
{
    size_t bad = utf8_check(r->field, r->field_len);
    const char *nul = memchr(r->field, '\0', bad);
    if (nul) {
        /* a C string would silently end there */
        diag_error(ld->d, file, r->field_line, r->field_col, "a NUL byte in the field");
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
            field_utf8_ok(ld, r, file);
            diag_error(ld->d, file, r->field_line, r->field_col,
                       "CSV header field %zu is '%.*s'; table '%s' expects column '%s'", i + 1,
                       (int)(r->field_len > 60 ? 60 : r->field_len), r->field, tb->t.id,
                       cols[i].id);
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

void table_load_csv(loader *ld, table_build *tb)
{
    csv_reader *r = malloc(sizeof *r);
    char *file = csv_path(ld->path, tb->csv);
    struct stat st;
    if (!r || !file) {
        diag_error(ld->d, ld->path, tb->csv_at.line, tb->csv_at.col, "out of memory");
        goto cleanup;
    }
    if (csv_open(r, file) != 0) {
        diag_error(ld->d, ld->path, tb->csv_at.line, tb->csv_at.col,
                   "cannot open CSV file '%s': %s", file, strerror(errno));
        free(r);
        r = NULL;
        goto cleanup;
    }
    if (fstat(fileno(r->file), &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_error(ld->d, ld->path, tb->csv_at.line, tb->csv_at.col,
                   "cannot open CSV file '%s': %s", file, strerror(EISDIR));
        goto cleanup;
    }
    if (csv_header(ld, tb, r, file))
        csv_records(ld, tb, r, file);
    if (r->error)
        diag_error(ld->d, file, r->error_line, r->error_col, "%s", r->error);
cleanup:
    if (r)
        csv_close(r);
    free(r);
    free(file);
}
