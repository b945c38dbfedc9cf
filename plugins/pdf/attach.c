/* attach.c — PDF/A-3b: the brief carries the data it was made from.
 *
 * The dataset file and each table's CSV file become embedded files
 * (/AFRelationship /Source) with their MIME type, size, MD5 checksum and
 * a date, listed in the catalog's /Names /EmbeddedFiles and /AF.
 *
 * What is attached is the bytes the host read and checked
 * (quire_dataset.file_data, quire_table.csv_data), never the files opened
 * again by name: one swapped for a symlink or a FIFO after the check would
 * otherwise put another file into the PDF or hang the export. Only a host
 * that hands over no bytes (older than those fields) has them read again.
 * The --set values the brief was rendered with are attached beside the
 * dataset as set-values.txt (KEY=VALUE lines), so that the attachment and
 * the pages agree.
 *
 * The date is the dataset's timestamp (its `date:`, else
 * SOURCE_DATE_EPOCH) so that two renders of one input are byte-identical
 * wherever they run; only without either is it the file's mtime. */
#include "standard.h"

#include "pdf.h"
#include "pdf_objects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ATTACH_MAX ((size_t)1 << 30) /* libharu streams count in 32 bits */

typedef struct source_file {
    const char *path;     /* absolute, or as the dataset was named; NULL: generated */
    char name[512];       /* relative to the dataset's directory */
    const char *mime;
    const char *what;     /* the table's title, or NULL for the dataset */
    const unsigned char *data;   /* the bytes the host read, or NULL */
    size_t len;
} source_file;

#define SET_VALUES_NAME "set-values.txt"

static const char *mime_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (dot && (!strcmp(dot, ".csv") || !strcmp(dot, ".CSV")))
        return "text/csv";
    if (dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
        return "application/yaml";
    return "application/octet-stream";
}

/* The name shown to readers: the path below the dataset's directory (a CSV
 * may sit in a subfolder), else the file's own name. */
static void name_of(const pdf_ctx *ctx, const char *path, char *buf, size_t size)
{
    const char *dir = ctx->ds->dir;
    size_t n = dir ? strlen(dir) : 0;
    const char *name = path;
    if (n && !strncmp(path, dir, n) && path[n] == '/')
        name = path + n + 1;
    else if (strrchr(path, '/'))
        name = strrchr(path, '/') + 1;
    snprintf(buf, size, "%s", name);
}

/* The bytes the host read of the dataset file and of table t's CSV file,
 * or NULL from a host older than those fields. */
static const unsigned char *dataset_bytes(const quire_dataset *ds, size_t *len)
{
    int has = ds->struct_size >= offsetof(quire_dataset, file_size) + sizeof(size_t);
    *len = has ? ds->file_size : 0;
    return has ? ds->file_data : NULL;
}

static const unsigned char *csv_bytes(const quire_dataset *ds, const quire_table *t,
                                      size_t *len)
{
    int has = ds->table_size >= offsetof(quire_table, csv_size) + sizeof(size_t);
    *len = has ? t->csv_size : 0;
    return has ? t->csv_data : NULL;
}

static size_t n_sets(const quire_dataset *ds)
{
    return ds->struct_size >= offsetof(quire_dataset, n_sets) + sizeof(size_t) ? ds->n_sets : 0;
}

/* The dataset, its tables' CSV files (each once, in the order of the
 * dataset) and the --set values; then sorted by name, as a name tree must
 * be. */
static size_t collect(const pdf_ctx *ctx, source_file *out)
{
    size_t n = 0;
    const quire_dataset *ds = ctx->ds;
    if (ds->path) {
        out[n] = (source_file){ds->path, "", mime_of(ds->path), NULL, NULL, 0};
        out[n].data = dataset_bytes(ds, &out[n].len);
        n++;
    }
    for (size_t i = 0; i < ds->n_tables; i++) {
        const quire_table *t = quire_table_at(ds, i);
        int seen = 0;
        for (size_t j = 0; j < n && t->csv_path; j++)
            seen |= out[j].path && !strcmp(out[j].path, t->csv_path);
        if (t->csv_path && !seen) {
            out[n] = (source_file){t->csv_path, "", mime_of(t->csv_path), t->title, NULL, 0};
            out[n].data = csv_bytes(ds, t, &out[n].len);
            n++;
        }
    }
    for (size_t i = 0; i < n; i++)
        name_of(ctx, out[i].path, out[i].name, sizeof out[i].name);
    if (n_sets(ds)) {
        out[n] = (source_file){NULL, "", "text/plain", NULL, NULL, 0};
        snprintf(out[n].name, sizeof out[n].name, "%s", SET_VALUES_NAME);
        n++;
    }
    /* a handful of files: insertion sort by the bytes of the name */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(out[j - 1].name, out[j].name) > 0; j--) {
            source_file tmp = out[j];
            out[j] = out[j - 1];
            out[j - 1] = tmp;
        }
    return n;
}

/* The --set values as KEY=VALUE lines (malloc'd). */
static unsigned char *set_values(const quire_dataset *ds, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    for (size_t i = 0; i < ds->n_sets; i++) {
        const quire_param *p = QUIRE_AT(ds->sets, ds->param_size, i);
        fprintf(f, "%s=%s\n", p->key, p->value);
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return (unsigned char *)buf;
}

static HPDF_Dict params(pdf_ctx *ctx, const source_file *f, const unsigned char *data,
                        size_t len)
{
    HPDF_Doc doc = ctx->doc;
    HPDF_Dict p = pdfo_dict(doc);
    if (!p)
        return NULL;
    unsigned char digest[16];
    pdfo_md5(data, len, digest);
    int64_t when = ctx->ds->timestamp;
    struct stat st;
    if (when < 0 && f->path && stat(f->path, &st) == 0)
        when = (int64_t)st.st_mtime;
    char date[32];
    standard_pdf_date(when, date, sizeof date);
    HPDF_STATUS ret = pdfo_add_int(p, "Size", (long)len);
    ret |= pdfo_add_bytes(doc, p, "CheckSum", digest, sizeof digest);
    if (*date)
        ret |= pdfo_add_string(doc, p, "ModDate", date, NULL);
    if (ret != HPDF_OK) {
        pdfo_dict_free(p);
        return NULL;
    }
    return p;
}

/* One file specification with its embedded stream; NULL after pdf_fail(). */
static HPDF_Dict filespec(pdf_ctx *ctx, const source_file *f)
{
    HPDF_Doc doc = ctx->doc;
    size_t len = f->len;
    unsigned char *copy = NULL;   /* what this function frees */
    const unsigned char *data = f->data;
    if (!f->path)
        data = copy = set_values(ctx->ds, &len);
    else if (!data)
        data = copy = pdfa_read_file(f->path, ATTACH_MAX, &len);
    if (!data || len > ATTACH_MAX) {
        free(copy);
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot read %s to attach it to the PDF/A-3 file",
                 f->path ? f->path : SET_VALUES_NAME);
        return NULL;
    }
    char desc[600];
    if (!f->path)
        snprintf(desc, sizeof desc, "%s",
                 pdf_label(ctx, "이 보고서를 만든 --set 값 (KEY=VALUE)",
                           "The --set values this brief was rendered with (KEY=VALUE)"));
    else if (f->what)
        snprintf(desc, sizeof desc, pdf_label(ctx, "표 '%s'의 데이터 (CSV)",
                                              "Data of the table '%s' (CSV)"), f->what);
    else
        snprintf(desc, sizeof desc, "%s", pdf_label(ctx, "이 보고서의 데이터셋 (quire YAML)",
                                                    "The dataset of this brief (quire YAML)"));
    /* the stream and the file specification belong to the document from
     * the start; the direct dictionaries are freed here on failure */
    HPDF_Dict ef = pdfo_stream(doc, 1);
    HPDF_Dict spec = ef ? pdfo_dict_indirect(doc) : NULL;
    HPDF_Dict efs = pdfo_dict(doc);
    HPDF_Dict p = ef ? params(ctx, f, data, len) : NULL;
    HPDF_STATUS ret = ef && spec && efs && p ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (ret == HPDF_OK) {
        ret |= pdfo_add_name(ef, "Type", "EmbeddedFile");
        ret |= pdfo_add_name(ef, "Subtype", f->mime);
        ret |= pdfo_add(ef, "Params", p);
        ret |= pdfo_stream_write(ef, data, len);
        ret |= pdfo_add_name(spec, "Type", "Filespec");
        ret |= pdfo_add_string(doc, spec, "F", f->name, NULL);
        if (embed_text_string(doc, spec, "UF", f->name) ||
            embed_text_string(doc, spec, "Desc", desc))
            ret |= HPDF_FAILD_TO_ALLOC_MEM;
        ret |= pdfo_add_name(spec, "AFRelationship", "Source");
        ret |= pdfo_add(efs, "F", ef);
        ret |= pdfo_add(efs, "UF", ef);
        ret |= pdfo_add(spec, "EF", efs);
    } else {
        pdfo_dict_free(efs);
        pdfo_dict_free(p);
    }
    free(copy);
    if (ret != HPDF_OK) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot attach %s (libharu error 0x%04X)",
                 f->path ? f->path : SET_VALUES_NAME,
                 (unsigned)HPDF_GetError(doc));
        return NULL;
    }
    return spec;
}

int attach_sources(pdf_ctx *ctx)
{
    HPDF_Doc doc = ctx->doc;
    source_file *files = calloc(ctx->ds->n_tables + 2, sizeof *files);
    if (!files) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    /* the catalog owns the lists from the start, so a failure frees them */
    HPDF_Dict cat = pdfo_catalog(doc);
    HPDF_Array names = pdfo_array(doc), af = pdfo_array(doc);
    HPDF_Dict tree = pdfo_dict(doc);
    HPDF_Dict names_dict = pdfo_get_dict(cat, "Names");
    HPDF_STATUS ret = pdfo_add(cat, "AF", af);
    if (!names_dict) {
        names_dict = pdfo_dict(doc);
        ret |= pdfo_add(cat, "Names", names_dict);
    }
    ret |= pdfo_add(names_dict, "EmbeddedFiles", tree);
    ret |= pdfo_add(tree, "Names", names);
    size_t n = ret == HPDF_OK ? collect(ctx, files) : 0;
    for (size_t i = 0; i < n && ret == HPDF_OK; i++) {
        HPDF_Dict spec = filespec(ctx, &files[i]);
        if (!spec) {
            free(files);
            return -1;
        }
        ret |= pdfo_push_string(doc, names, files[i].name);
        ret |= pdfo_push(names, spec);
        ret |= pdfo_push(af, spec);
    }
    free(files);
    if (ret != HPDF_OK)
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot list the attached files (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(doc));
    return ret == HPDF_OK ? 0 : -1;
}
