/*
 * csv.c — the reference quire exporter: one RFC 4180 CSV file per table.
 *
 * Copy this file to start your own plugin. It shows everything a plugin
 * does: it declares itself and its two options with QUIRE_PLUGIN_DEFINE2,
 * reads the dataset through the read-only view in job->dataset (always
 * with the quire_*_at() accessors, so that a later host may grow the
 * structs), reads its option with quire_job_option(), asks the host for
 * extra output files, reports progress (and stops when asked to), and
 * returns a status with a one-line message in err on every failure. It
 * allocates nothing the host would have to free, and keeps no state
 * between calls.
 *
 * Output, for a dataset with id `brief`:
 *   OUTDIR/brief.<table-id>.csv  one per table: a header line of column
 *                                ids, then the rows. UTF-8 (with a BOM
 *                                under -O csv.bom=true), CRLF line ends,
 *                                fields quoted only when they contain
 *                                , " CR or LF.
 *   OUTDIR/brief.csv             the index: one line per table (table id,
 *                                title, file name, rows, columns, and
 *                                as_of: when its numbers were true, as
 *                                written, or empty), so that `-f csv` has
 *                                a file of its own name.
 *
 * Values: numbers are written with the fewest digits that read back as
 * the same double; percent in points as in the dataset (31 = 31 %);
 * dates as YYYY-MM-DD; a missing value is an empty field, while an empty
 * text is written "" so the two stay apart.
 *
 * Formulas: a spreadsheet opening the file runs a text that starts with
 * = + - @ (or a tab or CR before one) as a formula — "=HYPERLINK(...)" in a
 * dataset would become a live link or worse. By default (-O
 * csv.formulas=escape) such a text gets a leading ' so it shows as text;
 * -O csv.formulas=keep writes it as it is. Numbers are never touched: -5
 * stays -5.
 */
#include <quire/quire-plugin.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How often (in rows) a long table reports progress and checks for ^C. */
#define ROWS_PER_PROGRESS 65536

/* The UTF-8 byte-order mark: Excel reads a CSV file as UTF-8 only with it. */
static const char utf8_bom[] = "\xEF\xBB\xBF";

/* The options this plugin takes: -O csv.bom=true, or `csv: {bom: true}` in
 * the template. The host checks values against the type and passes them
 * in job->options; without the option it passes the default. */
static const char *const header_choices[] = {"id", "label", NULL};
static const char *const formulas_choices[] = {"escape", "keep", NULL};
static const quire_option_decl csv_options[] = {
    {"bom", QUIRE_OPT_BOOL, "false",
     "start each file with a UTF-8 byte-order mark (for Excel)", NULL},
    {"header", QUIRE_OPT_STRING, "id",
     "the header line: column ids, or labels with their unit (\"Revenue (USD bn)\")",
     header_choices},
    {"formulas", QUIRE_OPT_STRING, "escape",
     "texts starting with = + - @ tab or CR: escape (prefix ') or keep", formulas_choices},
};

/* 1 when the header line holds the columns' labels (-O csv.header=label). */
static int want_labels(const quire_job *job)
{
    const quire_option *o = quire_job_option(job, "header");
    return o && o->type == QUIRE_OPT_STRING && o->string && strcmp(o->string, "label") == 0;
}

static void put_text(FILE *f, const char *s, int escape);

/* A column's header: its id, or its label with its unit when it has one. */
static void put_header(FILE *f, const quire_job *job, const quire_column *c, char *buf, size_t size,
                       int escape)
{
    if (!want_labels(job) || !c->label)
        put_text(f, c->id, escape);
    else if (c->unit_label && *c->unit_label) {
        snprintf(buf, size, "%s (%s)", c->label, c->unit_label);
        put_text(f, buf, escape);
    } else
        put_text(f, c->label, escape);
}

/* 1 when the files start with a BOM. A host older than the option (or a
 * test host) may not pass it: then the declared default applies. */
static int want_bom(const quire_job *job)
{
    const quire_option *o = quire_job_option(job, "bom");
    return o && o->type == QUIRE_OPT_BOOL && o->boolean;
}

/* 1 unless -O csv.formulas=keep (escape is the default, also for a host
 * that does not pass the option). */
static int escape_formulas(const quire_job *job)
{
    const quire_option *o = quire_job_option(job, "formulas");
    return !(o && o->type == QUIRE_OPT_STRING && o->string && !strcmp(o->string, "keep"));
}

/* Opens path for writing, with a BOM when asked; NULL with err set. */
static FILE *open_csv(const quire_job *job, const char *path, char *err, size_t err_size)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, err_size, "%s: %s", job->final_path ? job->final_path : path,
                 strerror(errno));
        return NULL;
    }
    if (want_bom(job))
        fputs(utf8_bom, f);
    return f;
}

/* Writes s as one CSV field, quoted when RFC 4180 requires it, with a
 * leading ' when a spreadsheet would take it for a formula (escape). */
static void put_text(FILE *f, const char *s, int escape)
{
    int formula = escape && s[0] && strchr("=+-@\t\r", s[0]);
    if (!strpbrk(s, ",\"\r\n") && s[0] != '\0') {
        if (formula)
            fputc('\'', f);
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);   /* a quote inside a quoted field is doubled */
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Writes v with the fewest significant digits (15, 16 or 17) that strtod
 * reads back as exactly v: 0.1 stays 0.1, and no value is ever rounded.
 * Whole numbers up to 2^53 are written in full (1000000000000000, not
 * 1e+15): an integer column should look like one. */
static void put_number(FILE *f, double v)
{
    char buf[32];
    if (fabs(v) <= 9007199254740992.0 && v == floor(v)) {
        fprintf(f, "%.0f", v);
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, f);
}

/* A number with the decimals it was written with ("39.0" stays 39.0, as
 * the dataset guide says) when that reads back as the same value; else,
 * and below 0.0001 in size (where %g takes an exponent: 1e-05), put_number's
 * shortest form. */
static void put_written(FILE *f, double v, unsigned decimals)
{
    char buf[64];
    if (decimals > 0 && decimals <= 17 && fabs(v) < 1e15 && fabs(v) >= 1e-4) {
        snprintf(buf, sizeof buf, "%.*f", (int)decimals, v);
        if (strtod(buf, NULL) == v) {
            fputs(buf, f);
            return;
        }
    }
    put_number(f, v);
}

static void put_cell(FILE *f, const quire_column *c, size_t row, int escape)
{
    if (quire_cell_is_null(c, row))
        return;                     /* missing: an empty field */
    if (c->texts)                   /* text, and dates (YYYY-MM-DD) */
        put_text(f, c->texts[row], escape);
    else
        put_written(f, c->numbers[row], c->decimals ? c->decimals[row] : 0);
}

/* Writes one table to path. Returns QUIRE_OK, or an error with err set. */
static quire_status write_table(const quire_job *job, const quire_table *t, const char *path,
                                double done, double share, char *err, size_t err_size)
{
    FILE *f = open_csv(job, path, err, err_size);
    if (!f)
        return QUIRE_ERR_EXPORT;
    quire_status st = QUIRE_OK;
    int escape = escape_formulas(job);
    for (size_t c = 0; c < t->n_columns; c++) {
        if (c > 0)
            fputc(',', f);
        char head[1024];
        put_header(f, job, quire_column_at(t, c), head, sizeof head, escape);
    }
    fputs("\r\n", f);
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_columns; c++) {
            if (c > 0)
                fputc(',', f);
            put_cell(f, quire_column_at(t, c), r, escape);
        }
        fputs("\r\n", f);
        /* Report progress now and then; a nonzero answer means stop. */
        if (r % ROWS_PER_PROGRESS == ROWS_PER_PROGRESS - 1 &&
            job->host->progress(job, done + share * (double)r / (double)t->n_rows)) {
            st = QUIRE_ERR_CANCELLED;
            snprintf(err, err_size, "interrupted");
            break;
        }
    }
    /* Write errors (a full disk) surface at the latest when closing. */
    if (ferror(f) | (fclose(f) != 0)) {
        snprintf(err, err_size, "table %s: write error", t->id);
        st = QUIRE_ERR_EXPORT;
    }
    return st;
}

/* A table's as_of text, or NULL. The field was appended to quire_table
 * after ABI 2 first shipped: a host whose tables are shorter does not
 * have it, which table_size tells (the way to read any appended field). */
static const char *table_as_of(const quire_dataset *d, const quire_table *t)
{
    size_t need = offsetof(quire_table, as_of) + sizeof t->as_of;
    return d->table_size >= need ? t->as_of.text : NULL;
}

/* One index line: which file holds which table. */
static void put_index_line(FILE *index, const quire_job *job, const quire_table *t)
{
    char file[512];
    int escape = escape_formulas(job);
    snprintf(file, sizeof file, "%s.%s.csv", job->dataset->id, t->id);
    put_text(index, t->id, escape);
    fputc(',', index);
    put_text(index, t->title, escape);
    fputc(',', index);
    put_text(index, file, escape);
    fprintf(index, ",%zu,%zu,", t->n_rows, t->n_columns);
    const char *as_of = table_as_of(job->dataset, t);
    if (as_of)
        put_text(index, as_of, escape);
    fputs("\r\n", index);
}

static quire_status csv_export(const quire_job *job, char *err, size_t err_size)
{
    const quire_dataset *ds = job->dataset;
    /* The host created job->output_path; it renames it (and every file
     * from open_output) into place only if we return QUIRE_OK. */
    FILE *index = open_csv(job, job->output_path, err, err_size);
    if (!index)
        return QUIRE_ERR_EXPORT;
    fputs("table,title,file,rows,columns,as_of\r\n", index);
    quire_status st = QUIRE_OK;
    for (size_t i = 0; i < ds->n_tables && st == QUIRE_OK; i++) {
        const quire_table *t = quire_table_at(ds, i);
        double share = 1.0 / (double)ds->n_tables;
        if (job->host->progress(job, share * (double)i)) {
            snprintf(err, err_size, "interrupted");
            st = QUIRE_ERR_CANCELLED;
            break;
        }
        char suffix[256], path[4096];
        snprintf(suffix, sizeof suffix, ".%s.csv", t->id);
        st = job->host->open_output(job, suffix, path, sizeof path);
        if (st != QUIRE_OK) {
            snprintf(err, err_size, "table %s: the host could not open an output file", t->id);
            break;
        }
        st = write_table(job, t, path, share * (double)i, share, err, err_size);
        put_index_line(index, job, t);
    }
    if ((ferror(index) | (fclose(index) != 0)) && st == QUIRE_OK) {
        snprintf(err, err_size, "%s: write error", job->final_path ? job->final_path : "index");
        st = QUIRE_ERR_EXPORT;
    }
    if (st == QUIRE_OK)
        job->host->progress(job, 1.0);
    return st;
}

/* No check(): every valid dataset can be written as CSV. */
QUIRE_PLUGIN_DEFINE2("csv", "csv", "2.0.0",
                     "one RFC 4180 CSV file per table (the reference plugin)", csv_export,
                     NULL, csv_options, sizeof csv_options / sizeof csv_options[0])
