/* manifest_check.c — quire manifest check (see manifest_check.h).
 *
 * A run is complete when every dataset of its list has, for every format
 * expected, outputs listed by exactly one manifest, no output path is
 * listed twice, and every listed file still has the size and SHA-256 the
 * manifest gives. Each problem is one line, DATASET, FORMAT and what, so
 * that `cut -f1 | sort -u` gives the datasets to render again. */
#include "manifest_check.h"

#include "exit_code.h"
#include "strmap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

typedef struct checker {
    manifest m;
    const char **datasets;      /* expected, in order */
    size_t n_datasets;
    const char **formats;       /* expected, in order */
    size_t n_formats;
    strmap dataset_index;
    const char **cell;          /* n_datasets × n_formats: the manifest that listed it */
    size_t problems;
    FILE *out;
} checker;

static void problem(checker *c, const char *dataset, const char *format, const char *fmt,
                    const char *a, const char *b)
{
    fprintf(c->out, "%s\t%s\t", dataset, format);
    fprintf(c->out, fmt, a, b);
    fputc('\n', c->out);
    c->problems++;
}

static size_t format_index(const checker *c, const char *format)
{
    for (size_t i = 0; i < c->n_formats; i++)
        if (strcmp(c->formats[i], format) == 0)
            return i;
    return c->n_formats;
}

/* The expected datasets and formats: given, else every one the manifests name. */
static int expected(checker *c, const manifest_check_input *in)
{
    size_t nd = in->n_datasets ? in->n_datasets : c->m.n;
    size_t nf = in->n_formats ? in->n_formats : c->m.n;
    c->datasets = malloc((nd ? nd : 1) * sizeof *c->datasets);
    c->formats = malloc((nf ? nf : 1) * sizeof *c->formats);
    if (!c->datasets || !c->formats)
        return -1;
    for (size_t i = 0; i < in->n_formats; i++)
        c->formats[c->n_formats++] = in->formats[i];
    for (size_t i = 0; !in->n_formats && i < c->m.n; i++)
        if (format_index(c, c->m.items[i].format) == c->n_formats)
            c->formats[c->n_formats++] = c->m.items[i].format;
    for (size_t i = 0; i < nd; i++) {
        const char *d = in->n_datasets ? in->datasets[i] : c->m.items[i].dataset;
        if (strmap_get(&c->dataset_index, d))
            continue;   /* listed twice: render took it once too */
        if (strmap_put(&c->dataset_index, d, c->n_datasets) != 0)
            return -1;
        c->datasets[c->n_datasets++] = d;
    }
    c->cell = calloc(c->n_datasets * c->n_formats + 1, sizeof *c->cell);
    return c->cell ? 0 : -1;
}

static void check_file(checker *c, const manifest_entry *e)
{
    uint64_t bytes;
    char hex[65];
    char a[32], b[32];
    if (manifest_hash_file(AT_FDCWD, e->path, &bytes, hex) != 0) {
        problem(c, e->dataset, e->format, "%s: %s", e->path,
                errno == ENOENT ? "absent" : strerror(errno));
    } else if (bytes != e->bytes) {
        snprintf(a, sizeof a, "%llu", (unsigned long long)bytes);
        snprintf(b, sizeof b, "%llu", (unsigned long long)e->bytes);
        fprintf(c->out, "%s\t%s\t%s: %s bytes, the manifest says %s\n", e->dataset, e->format,
                e->path, a, b);
        c->problems++;
    } else if (strcmp(hex, e->sha256) != 0) {
        problem(c, e->dataset, e->format, "%s: sha256 differs from the manifest (%s)", e->path,
                e->from);
    }
}

/* One listed output: known dataset, listed once, file as written. */
static int check_entry(checker *c, strmap *paths, size_t i)
{
    const manifest_entry *e = &c->m.items[i];
    size_t *first = strmap_get(paths, e->path);
    if (first) {
        const manifest_entry *f = &c->m.items[*first];
        fprintf(c->out, "%s\t%s\t%s: written twice (%s:%zu and %s:%zu)\n", e->dataset,
                e->format, e->path, f->from, f->line, e->from, e->line);
        c->problems++;
        return 0;
    }
    if (strmap_put(paths, e->path, i) != 0)
        return -1;
    size_t *d = strmap_get(&c->dataset_index, e->dataset);
    size_t f = format_index(c, e->format);
    if (!d) {
        problem(c, e->dataset, e->format, "%s: not a dataset of the list (%s)", e->path, e->from);
    } else if (f < c->n_formats) {
        const char **cell = &c->cell[*d * c->n_formats + f];
        if (*cell && strcmp(*cell, e->from) != 0)
            problem(c, e->dataset, e->format, "written twice: listed by %s and by %s", *cell,
                    e->from);
        else
            *cell = e->from;
    }
    check_file(c, e);
    return 0;
}

int manifest_check(const manifest_check_input *in, FILE *out, FILE *err, FILE *notes)
{
    checker c = {.out = out};
    strmap paths;
    strmap_init(&paths);
    strmap_init(&c.dataset_index);
    int code = EXIT_OK;
    for (size_t i = 0; i < in->n_manifests; i++)
        if (manifest_read(&c.m, in->manifests[i], err) != 0)
            code = EXIT_INVALID;
    if (code != EXIT_OK)
        goto done;
    if (expected(&c, in) != 0)
        goto out_of_memory;
    for (size_t i = 0; i < c.m.n; i++)
        if (check_entry(&c, &paths, i) != 0)
            goto out_of_memory;
    for (size_t d = 0; d < c.n_datasets; d++)
        for (size_t f = 0; f < c.n_formats; f++)
            if (!c.cell[d * c.n_formats + f])
                problem(&c, c.datasets[d], c.formats[f], "%smissing%s", "", "");
    /* No format named anywhere and none given: every dataset lacks all. */
    for (size_t d = 0; c.n_formats == 0 && d < c.n_datasets; d++)
        problem(&c, c.datasets[d], "(any)", "%smissing%s", "", "");
    if (notes) {
        char what[64] = "complete";
        if (c.problems)
            snprintf(what, sizeof what, "%zu problem%s", c.problems, c.problems == 1 ? "" : "s");
        fprintf(notes, "quire: manifest check: %zu dataset%s x %zu format%s, %zu file%s in %zu "
                       "manifest%s: %s\n",
                c.n_datasets, c.n_datasets == 1 ? "" : "s", c.n_formats,
                c.n_formats == 1 ? "" : "s", c.m.n, c.m.n == 1 ? "" : "s", in->n_manifests,
                in->n_manifests == 1 ? "" : "s", what);
    }
    code = c.problems ? EXIT_INVALID : EXIT_OK;
    goto done;
out_of_memory:
    fprintf(err, "quire: out of memory\n");
    code = EXIT_EXPORT;
done:
    strmap_free(&paths);
    strmap_free(&c.dataset_index);
    free(c.cell);
    free(c.datasets);
    free(c.formats);
    manifest_free(&c.m);
    return code;
}
