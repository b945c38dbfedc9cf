/* dataset_table.c — tables: columns, and rows streamed straight into
 * column arrays that grow by doubling (no allocation per cell). */
#include "dataset_build.h"

#include "cells.h"
#include "schema_keys.h"
#include "suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const type_names[] = {COLUMN_TYPE_NAMES, NULL};

enum { COLUMN_KEYS(KEY_ENUM) };
static const char *const column_keys[] = {COLUMN_KEYS(KEY_NAME) NULL};

enum { TABLE_KEYS(KEY_ENUM) };
static const char *const table_keys[] = {TABLE_KEYS(KEY_NAME) NULL};

typedef struct column_read {
    quire_column c;
    int have_type;
    ds_mark at;
    ds_mark markup_at;
} column_read;

static void column_type(loader *ld, column_read *cr, const yev *v)
{
    const char *name = NULL;
    if (!load_string(ld, v, "type", &name) || !name)
        return;
    for (int i = 0; type_names[i]; i++) {
        if (strcmp(name, type_names[i]) == 0) {
            cr->c.type = (quire_type)i;
            cr->have_type = 1;
            return;
        }
    }
    const char *near = suggest_nearest(name, type_names);
    if (near)
        load_error(ld, v, "unknown column type '%s' (did you mean '%s'?)", name, near);
    else
        load_error(ld, v, "unknown column type '%s' (text, number, integer, percent, "
                          "currency, date)", name);
    cr->have_type = -1;
}

static void column_key(loader *ld, void *obj, int key, const yev *v)
{
    column_read *cr = obj;
    unsigned char dec;
    switch (key) {
    case COL_ID: load_id(ld, v, "column", 1, &cr->c.id); break;
    case COL_LABEL: load_string(ld, v, "label", &cr->c.label); break;
    case COL_TYPE: column_type(ld, cr, v); break;
    case COL_CURRENCY:
        if (load_string(ld, v, "currency", &cr->c.currency) && cr->c.currency) {
            const char *s = cr->c.currency;
            if (strlen(s) != 3 || strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3)
                load_error(ld, v, "'currency' expects an ISO 4217 code such as USD or KRW, "
                                  "got '%s'", s);
        }
        break;
    case COL_SCALE:
        if (load_number(ld, v, "scale", &cr->c.scale, &dec) && !(cr->c.scale > 0))
            load_error(ld, v, "'scale' must be greater than 0");
        break;
    case COL_FORMAT: load_string(ld, v, "format", &cr->c.format); break;
    case COL_MARKUP:
        if (v->kind == YEV_SCALAR && v->plain &&
            (!strcmp(v->value, "true") || !strcmp(v->value, "false"))) {
            cr->c.markup = v->value[0] == 't';
            cr->markup_at = (ds_mark){v->line, v->col};
        } else {
            load_error(ld, v, "'markup' expects true or false, not %s", load_kind_name(v));
            load_skip(ld, v);
        }
        break;
    }
}

static void column_check(loader *ld, table_build *tb, column_read *cr, const yev *ev)
{
    if (!cr->c.id) {
        load_error(ld, ev, "a column needs an 'id'");
        return;
    }
    load_unique(ld, &tb->column_ids, "column", cr->c.id, cr->at);
    if (!cr->have_type)
        load_error(ld, ev, "column '%s' needs a 'type' (text, number, integer, percent, "
                           "currency, date)", cr->c.id);
    if (cr->c.type == QUIRE_CURRENCY && !cr->c.currency)
        load_error(ld, ev, "currency column '%s' needs 'currency:' (USD, KRW, ...)", cr->c.id);
    if (cr->c.markup && cr->have_type == 1 && cr->c.type != QUIRE_TEXT)
        diag_error(ld->d, ld->path, cr->markup_at.line, cr->markup_at.col,
                   "column '%s': 'markup' applies to text columns only", cr->c.id);
    if (cr->c.type != QUIRE_CURRENCY && cr->have_type == 1 &&
        (cr->c.currency || cr->c.scale != 1))
        load_error(ld, ev, "column '%s': 'currency' and 'scale' apply to currency columns only",
                   cr->c.id);
}

static void table_columns(loader *ld, table_build *tb, const yev *v)
{
    yev ev;
    if (v->kind != YEV_SEQ_START) {
        load_error(ld, v, "'columns' must be a list, not %s", load_kind_name(v));
        load_skip(ld, v);
        return;
    }
    tb->have_columns = 1;
    while (load_next(ld, &ev) && ev.kind != YEV_SEQ_END) {
        column_read cr = {.c = {.type = QUIRE_TEXT, .scale = 1}, .at = {ev.line, ev.col}};
        load_mapping(ld, &ev, "a column", column_keys, column_key, &cr);
        if (ev.kind != YEV_MAP_START)
            continue;
        column_check(ld, tb, &cr, &ev);
        if (cr.have_type != 1)
            cr.c.type = QUIRE_TEXT;  /* read its cells as text, already reported */
        if (!cr.c.id)
            cr.c.id = "?";
        cr.c.at = (quire_pos){ld->path, cr.at.line, cr.at.col};
        quire_column *c = load_push(ld, &tb->columns, sizeof *c);
        column_build *b = load_push(ld, &tb->data, sizeof *b);
        if (c && b)
            *c = cr.c;
    }
}

int table_reserve(loader *ld, table_build *tb)
{
    if (tb->t.n_rows < tb->cap)
        return 1;
    size_t cap = tb->cap ? tb->cap * 2 : 256;
    quire_column *cols = tb->columns.items;
    column_build *data = tb->data.items;
    for (size_t i = 0; i < tb->columns.n; i++) {
        column_build *b = &data[i];
        if (cols[i].type != QUIRE_TEXT) {
            double *n = realloc(b->numbers, cap * sizeof *n);
            if (n) b->numbers = n;
            unsigned char *d = realloc(b->decimals, cap);
            if (d) b->decimals = d;
            if (!n || !d) goto nomem;
        }
        if (cols[i].type == QUIRE_TEXT || cols[i].type == QUIRE_DATE) {
            const char **t = realloc(b->texts, cap * sizeof *t);
            if (!t) goto nomem;
            b->texts = t;
        }
    }
    tb->cap = cap;
    return 1;
nomem:
    diag_out_of_memory(ld->d, ld->path, tb->at.line, tb->at.col);
    diag_error(ld->d, ld->path, tb->at.line, tb->at.col, "table '%s' was not read",
               tb->t.id ? tb->t.id : "?");
    ld->fatal = 1;
    return 0;
}

void table_null(table_build *tb, size_t col)
{
    column_build *b = &((column_build *)tb->data.items)[col];
    size_t r = tb->t.n_rows;
    if (b->numbers) {
        b->numbers[r] = NAN;
        b->decimals[r] = 0;
    }
    if (b->texts)
        b->texts[r] = NULL;
}

static void cell_error(loader *ld, const quire_column *c, const char *expects, const char *s,
                       size_t len, int quote, const char *file, long line, long col)
{
    char buf[64];
    if (quote)
        load_quote(s, len, buf, sizeof buf);
    else
        snprintf(buf, sizeof buf, "%.*s", (int)(len > 40 ? 40 : len), s);
    diag_error(ld->d, file, line, col, "column '%s' expects %s, got %s", c->id, expects, buf);
}

void table_cell(loader *ld, table_build *tb, size_t col, const char *s, size_t len,
                int plain, const char *file, long line, long column)
{
    const quire_column *c = &((quire_column *)tb->columns.items)[col];
    column_build *b = &((column_build *)tb->data.items)[col];
    size_t r = tb->t.n_rows;
    int64_t days;
    table_null(tb, col);
    switch (c->type) {
    case QUIRE_TEXT:
        b->texts[r] = arena_strndup(ld->a, s, len);
        return;
    case QUIRE_DATE:
        if (cells_parse_date(s, len, &days) != 0) {
            cell_error(ld, c, "a calendar date YYYY-MM-DD", s, len, 1, file, line, column);
            return;
        }
        b->texts[r] = arena_strndup(ld->a, s, len);
        b->numbers[r] = (double)days;
        return;
    default:
        break;
    }
    double v;
    unsigned char dec = 0;
    cell_status st = plain ? cells_parse_number(s, len, &v, &dec) : CELL_NOT_NUMBER;
    if (st == CELL_NOT_NUMBER)
        cell_error(ld, c, "a number", s, len, 1, file, line, column);
    else if (st == CELL_NOT_FINITE)
        cell_error(ld, c, "a finite number", s, len, 0, file, line, column);
    else if (c->type == QUIRE_INTEGER && (st == CELL_NOT_EXACT || !cells_is_integer(v)))
        cell_error(ld, c, "an integer within \u00b12^53", s, len, 0, file, line, column);
    else if (st != CELL_OK)
        diag_error(ld->d, file, line, column, "column '%s' expects a number, got %.*s (%s)",
                   c->id, (int)(len > 40 ? 40 : len), s, cells_status_reason(st));
    else {
        b->numbers[r] = v;
        b->decimals[r] = c->type == QUIRE_INTEGER ? 0 : dec;
    }
}

/* One cell of an inline row. */
static void row_cell(loader *ld, table_build *tb, size_t col, const yev *ev)
{
    const quire_column *c = &((quire_column *)tb->columns.items)[col];
    if (ev->kind != YEV_SCALAR) {
        load_error(ld, ev, "column '%s' expects a single value, not %s", c->id,
                   load_kind_name(ev));
        load_skip(ld, ev);
        table_null(tb, col);
    } else if (ev->plain && cells_is_null(ev->value, ev->length)) {
        table_null(tb, col);
    } else {
        table_cell(ld, tb, col, ev->value, ev->length, ev->plain, ld->path, ev->line, ev->col);
    }
}

static void table_row(loader *ld, table_build *tb, const yev *row)
{
    size_t n_cols = tb->columns.n, i = 0;
    yev ev;
    if (row->kind != YEV_SEQ_START) {
        load_error(ld, row, "row %zu must be a list of %zu cells, not %s", tb->t.n_rows + 1,
                   n_cols, load_kind_name(row));
        load_skip(ld, row);
        return;
    }
    if (!table_reserve(ld, tb))
        return;
    while (load_next(ld, &ev) && ev.kind != YEV_SEQ_END) {
        if (i < n_cols)
            row_cell(ld, tb, i, &ev);
        else
            load_skip(ld, &ev);
        i++;
    }
    if (ld->fatal)
        return;
    if (i != n_cols)
        load_error(ld, row, "row %zu has %zu cell%s; table '%s' has %zu column%s%s",
                   tb->t.n_rows + 1, i, i == 1 ? "" : "s", tb->t.id ? tb->t.id : "?", n_cols,
                   n_cols == 1 ? "" : "s",
                   i > n_cols && yev_is_flow(&ld->w.src, row)
                       ? "; if a value holds ', ', quote it ([\"Seoul, Korea\", 4])"
                       : "");
    for (; i < n_cols; i++)
        table_null(tb, i);
    tb->t.n_rows++;
}

static void table_rows(loader *ld, table_build *tb, const yev *v)
{
    yev ev;
    if (tb->csv) {
        diag_error(ld->d, ld->path, ld->key.line, ld->key.col,
                   "'rows' and 'csv' cannot both be given");
        load_skip(ld, v);
        return;
    }
    tb->have_rows = 1;
    if (!tb->have_columns) {
        load_error(ld, v, "'rows' must come after 'columns' (rows are read as they stream in)");
        load_skip(ld, v);
        return;
    }
    if (v->kind != YEV_SEQ_START) {
        if (!(v->kind == YEV_SCALAR && v->plain && cells_is_null(v->value, v->length)))
            load_error(ld, v, "'rows' must be a list of rows, not %s", load_kind_name(v));
        load_skip(ld, v);
        tb->have_rows = 1;
        return;
    }
    tb->have_rows = 1;
    while (load_next(ld, &ev) && ev.kind != YEV_SEQ_END)
        table_row(ld, tb, &ev);
}

/* Excel's limits on a sheet name (SPEC: checked at validate, so the
 * workbook never has to rename what the dataset asked for): 1 to 31
 * characters, none of []:*?/\, no apostrophe at either end, not the
 * reserved "History", and no two tables' sheets the same in any case
 * (ASCII letters are compared without case; Excel folds others too). */
#define SHEET_MAX_CHARS 31

static void table_sheet(loader *ld, table_build *tb, const yev *v)
{
    const char *s = NULL;
    char buf[80];
    if (!load_string(ld, v, "sheet", &s) || !s)
        return;
    size_t chars = 0, len = strlen(s);
    for (size_t i = 0; i < len; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    const char *why = NULL;
    if (chars == 0)
        why = "must not be empty";
    else if (chars > SHEET_MAX_CHARS)
        why = "is longer than Excel's 31 characters";
    else if (strpbrk(s, "[]:*?/\\"))
        why = "holds a character Excel does not allow in a sheet name ([ ] : * ? / \\)";
    else if (s[0] == '\'' || s[len - 1] == '\'')
        why = "begins or ends with an apostrophe, which Excel does not allow";
    else if (strcasecmp(s, "History") == 0)
        why = "is reserved by Excel";
    if (why) {
        load_error(ld, v, "'sheet' %s %s", load_quote(s, len, buf, sizeof buf), why);
        return;
    }
    char *folded = arena_strdup(ld->a, s);
    if (!folded)
        return;
    for (char *p = folded; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    const ds_ref *first = idset_add(ld, &ld->sheet_names, folded, (ds_mark){v->line, v->col});
    if (first) {
        load_error(ld, v, "'sheet' %s is already the sheet of another table (line %ld, "
                   "column %ld); sheet names are compared without case", load_quote(s, len, buf,
                   sizeof buf), first->at.line, first->at.col);
        return;
    }
    tb->t.sheet = s;
}

static void table_key(loader *ld, void *obj, int key, const yev *v)
{
    table_build *tb = obj;
    switch (key) {
    case TAB_ID:
        if (load_id(ld, v, "table", 1, &tb->t.id))
            load_unique(ld, &ld->table_ids, "table", tb->t.id, (ds_mark){v->line, v->col});
        break;
    case TAB_TITLE: load_string(ld, v, "title", &tb->t.title); break;
    case TAB_DESCRIPTION:
        if (load_prose(ld, v, "description", &tb->t.description_text))
            tb->t.description = tb->t.description_text.plain;
        break;
    case TAB_SOURCE: load_refs(ld, v, "source", &tb->t.sources); break;
    case TAB_COLUMNS: table_columns(ld, tb, v); break;
    case TAB_ROWS: table_rows(ld, tb, v); break;
    case TAB_AS_OF: load_as_of(ld, v, &tb->t.as_of); break;
    case TAB_SHEET: table_sheet(ld, tb, v); break;
    case TAB_CSV:
        if (tb->have_rows) {
            diag_error(ld->d, ld->path, ld->key.line, ld->key.col,
                       "'rows' and 'csv' cannot both be given");
            load_skip(ld, v);
        } else if (load_string(ld, v, "csv", &tb->csv)) {
            tb->csv_at = ld->key;
        }
        break;
    }
}

/* Hands the column arrays to the view: from here dataset_free frees them. */
static void table_finish(loader *ld, table_build *tb)
{
    if (tb->cap == 0 && tb->columns.n)
        table_reserve(ld, tb);  /* even an empty column has its arrays */
    quire_column *cols = tb->columns.items;
    column_build *data = tb->data.items;
    for (size_t i = 0; i < tb->columns.n; i++) {
        cols[i].numbers = data[i].numbers;
        cols[i].decimals = data[i].decimals;
        cols[i].texts = data[i].texts;
        if (!cols[i].label)
            cols[i].label = cols[i].id;
    }
    strmap_free(&tb->column_ids.index);
    tb->t.columns = cols;
    tb->t.n_columns = tb->columns.n;
    if (!tb->t.title)
        tb->t.title = tb->t.id;
    quire_table *t = load_push(ld, &ld->tables, sizeof *t);
    if (t)
        *t = tb->t;
}

void load_table(loader *ld, const yev *ev)
{
    table_build tb = {.at = {ev->line, ev->col},
                      .t = {.at = {ld->path, ev->line, ev->col},
                            .as_of = {NULL, QUIRE_NO_DAY, QUIRE_NO_DAY, 0}}};
    load_mapping(ld, ev, "a table", table_keys, table_key, &tb);
    if (ev->kind == YEV_MAP_START && !ld->fatal) {
        if (!tb.t.id)
            load_error(ld, ev, "a table needs an 'id'");
        if (!tb.have_columns)
            load_error(ld, ev, "table '%s' needs 'columns'", tb.t.id ? tb.t.id : "?");
        else if (tb.columns.n == 0)
            load_error(ld, ev, "table '%s' has no columns", tb.t.id ? tb.t.id : "?");
        else if (tb.csv)
            table_load_csv(ld, &tb);
        else if (!tb.have_rows)
            load_error(ld, ev, "table '%s' needs 'rows' or 'csv'", tb.t.id ? tb.t.id : "?");
    }
    table_finish(ld, &tb);
}
