/* fuzz_files.c — the harnesses' temporary files and shared checks. */
#define _GNU_SOURCE  /* nftw */
#include "fuzz_files.h"

#include "utf8.h"

#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];

const unsigned char fuzz_png[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
    0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08,
    0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D,
    0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
const size_t fuzz_png_size = sizeof fuzz_png;

static int remove_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(p);
}

static void remove_dir(void)
{
    if (dir[0])
        nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

const char *fuzz_dir(void)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/quire-fuzz-XXXXXX", tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
        atexit(remove_dir);
    }
    return dir;
}

const char *fuzz_write(const char *name, const void *data, size_t len)
{
    static char paths[4][512];
    static const char *names[4];
    int slot = 0;
    while (slot < 4 && names[slot] && strcmp(names[slot], name) != 0)
        slot++;
    if (slot == 4)
        abort();
    names[slot] = name;
    snprintf(paths[slot], sizeof paths[slot], "%s/%s", fuzz_dir(), name);
    FILE *f = fopen(paths[slot], "wb");
    if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0)
        abort();
    return paths[slot];
}

void fuzz_remove(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    unlink(path);
}

void fuzz_diag_open(fuzz_diag *fd)
{
    fd->text = NULL;
    fd->len = 0;
    fd->out = open_memstream(&fd->text, &fd->len);
    if (!fd->out)
        abort();
    diag_init(&fd->d, fd->out);
}

static void check_line(const char *line, size_t n)
{
    size_t dn = strlen(fuzz_dir());
    if (n < dn || memcmp(line, fuzz_dir(), dn) != 0)
        abort();  /* a forged or broken line: it does not start with our file */
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)line[i] < 0x20 || line[i] == 0x7F)
            abort();
    if (!memmem(line, n, ": error: ", 9) && !memmem(line, n, ": warning: ", 11))
        abort();
}

void fuzz_diag_check(fuzz_diag *fd)
{
    fclose(fd->out);
    if (utf8_check(fd->text, fd->len) != fd->len)
        abort();
    const char *p = fd->text, *end = fd->text + fd->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            abort();  /* every message ends its line */
        check_line(p, (size_t)(nl - p));
        p = nl + 1;
    }
    free(fd->text);
    fd->text = NULL;
}

static volatile size_t sink;

static void check_string(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (utf8_check(s, n) != n)
        abort();
    sink += n;
}

static void check_strings(quire_strings l)
{
    for (size_t i = 0; i < l.count; i++) {
        if (!l.items[i])
            abort();
        check_string(l.items[i]);
    }
}

static void check_text(const quire_text *t)
{
    check_string(t->plain);
    for (size_t i = 0; i < t->n_runs; i++) {
        const quire_run *r = (const quire_run *)((const char *)t->runs + i * t->run_size);
        if (!r->text)
            abort();
        check_string(r->text);
        check_string(r->link);
    }
}

static void check_prose(const quire_prose *p)
{
    for (size_t i = 0; i < p->n_paras; i++) {
        const quire_para *q = (const quire_para *)((const char *)p->paras + i * p->para_size);
        check_text(&q->text);
        for (size_t k = 0; k < q->n_items; k++)
            check_text((const quire_text *)((const char *)q->items + k * q->item_size));
    }
}

static void check_table(const quire_table *t)
{
    check_string(t->id);
    check_string(t->title);
    check_string(t->description);
    check_strings(t->sources);
    check_text(&t->description_text);
    for (size_t c = 0; c < t->n_columns; c++) {
        const quire_column *col =
            (const quire_column *)((const char *)t->columns + c * t->column_size);
        check_string(col->id);
        check_string(col->label);
        check_string(col->unit_label);
        if (!col->numbers && !col->texts && t->n_rows)
            abort();
        for (size_t r = 0; r < t->n_rows; r++) {
            if (col->numbers && !isnan(col->numbers[r]) && !isfinite(col->numbers[r]))
                abort();  /* SPEC: numbers are finite */
            if (col->decimals)
                sink += col->decimals[r];
            if (col->texts)
                check_string(col->texts[r]);
            if (col->markup && col->rich)
                check_text((const quire_text *)((const char *)col->rich + r * col->text_size));
        }
    }
}

void fuzz_check_dataset(const quire_dataset *ds)
{
    const char *id = ds->id;
    if (!id || !*id)
        abort();
    for (const char *p = id; *p; p++)  /* an output file name: [a-z0-9][a-z0-9-]* */
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p == '-' && p > id)))
            abort();
    const char *fields[] = {ds->title, ds->subtitle, ds->period, ds->date, ds->language,
                            ds->author, ds->organization, ds->path, ds->dir};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        check_string(fields[i]);
    if (!ds->title)
        abort();
    check_strings(ds->summary);
    check_prose(&ds->summary_text);
    for (size_t i = 0; i < ds->n_figures; i++) {
        const quire_figure *f =
            (const quire_figure *)((const char *)ds->figures + i * ds->figure_size);
        check_string(f->id);
        check_string(f->label);
        check_string(f->unit);
        check_string(f->note);
        check_strings(f->sources);
        check_text(&f->note_text);
        if (!isfinite(f->value))
            abort();
    }
    for (size_t i = 0; i < ds->n_tables; i++)
        check_table((const quire_table *)((const char *)ds->tables + i * ds->table_size));
    for (size_t i = 0; i < ds->n_sections; i++) {
        const quire_section *s =
            (const quire_section *)((const char *)ds->sections + i * ds->section_size);
        check_string(s->id);
        check_string(s->heading);
        check_strings(s->paragraphs);
        check_prose(&s->body);
    }
    for (size_t i = 0; i < ds->n_sources; i++) {
        const quire_source *s =
            (const quire_source *)((const char *)ds->sources + i * ds->source_size);
        const char *sf[] = {s->id, s->title, s->publisher, s->author, s->date, s->url};
        for (size_t k = 0; k < 6; k++)
            check_string(sf[k]);
    }
    for (size_t i = 0; i < ds->n_params; i++) {
        const quire_param *p = (const quire_param *)((const char *)ds->params + i * ds->param_size);
        check_string(p->key);
        check_string(p->value);
    }
    for (size_t i = 0; i < ds->n_footnotes; i++) {
        const quire_footnote *f =
            (const quire_footnote *)((const char *)ds->footnotes + i * ds->footnote_size);
        check_string(f->id);
        check_text(&f->text);
    }
    for (size_t i = 0; i < ds->n_images; i++) {
        const quire_image *im =
            (const quire_image *)((const char *)ds->images + i * ds->image_size);
        check_string(im->id);
        check_string(im->path);
        check_string(im->alt);
        check_text(&im->caption);
    }
}
