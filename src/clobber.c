/* clobber.c — refusing a run that would write over one of its inputs.
 *
 * An output replaced its own input once (`-o .` with a csv: file named
 * like the dataset's CSV output), and `quire watch` then re-rendered
 * forever. Files are told apart by device and inode, not by name. The
 * main outputs, --depfile and --manifest are checked before the render;
 * the extra files a plugin asks for (host->open_output) when it asks, in
 * its process, before it writes them — nothing is committed then. */
#include "clobber.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static clobber_set *for_exports;

static int cmp_id(const void *pa, const void *pb)
{
    const clobber_id *a = pa, *b = pb;
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    return a->ino < b->ino ? -1 : a->ino > b->ino;
}

static int add_id(clobber_set *s, const struct stat *st)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        clobber_id *ids = realloc(s->ids, cap * sizeof *ids);
        if (!ids)
            return -1;
        s->ids = ids;
        s->cap = cap;
    }
    s->ids[s->n++] = (clobber_id){st->st_dev, st->st_ino};
    return 0;
}

/* The file path names and, when path is a symlink, the link. */
static int add_path(clobber_set *s, const char *path)
{
    struct stat st;
    int rc = 0;
    if (!path || !*path)
        return 0;
    if (stat(path, &st) == 0)
        rc |= add_id(s, &st);
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        rc |= add_id(s, &st);
    return rc;
}

static int add_inputs(clobber_set *s, const quire_dataset *ds, const quire_template *tp)
{
    int rc = add_path(s, ds->path);
    if (tp)
        rc |= add_path(s, tp->path);
    for (size_t i = 0; i < ds->n_tables; i++)
        rc |= add_path(s, quire_table_at(ds, i)->csv_path);
    for (size_t i = 0; i < ds->n_images; i++)
        rc |= add_path(s, quire_image_at(ds, i)->path);
    if (tp && tp->logo.image)
        rc |= add_path(s, tp->logo.image->path);
    return rc;
}

/* Sorts and drops repeats, so that a long batch whose windows are looked
 * at twice keeps one entry per file. */
static void tidy(clobber_set *s)
{
    if (s->sorted == s->n)
        return;
    qsort(s->ids, s->n, sizeof *s->ids, cmp_id);
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++)
        if (k == 0 || cmp_id(&s->ids[k - 1], &s->ids[i]) != 0)
            s->ids[k++] = s->ids[i];
    s->n = s->sorted = k;
}

int clobber_add_prepared(clobber_set *s, const prepared *p)
{
    int rc = 0;
    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].dataset)
            rc |= add_inputs(s, p->items[i].dataset, p->items[i].tmpl);
    tidy(s);
    return rc ? -1 : 0;
}

int clobber_has(clobber_set *s, const struct stat *st)
{
    tidy(s);
    clobber_id key = {st->st_dev, st->st_ino};
    return s->n && bsearch(&key, s->ids, s->n, sizeof key, cmp_id) != NULL;
}

int clobber_path_is_input(clobber_set *s, const char *path, struct stat *st)
{
    struct stat to;   /* the file itself, or one a symlink there leads to */
    if (!path || !*path || lstat(path, st) != 0)
        return 0;
    if (clobber_has(s, st))
        return 1;
    if (stat(path, &to) != 0 || !clobber_has(s, &to))
        return 0;
    *st = to;
    return 1;
}

static int same_file(const struct stat *a, const char *path)
{
    struct stat b;
    return path && ((stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino) ||
                    (lstat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino));
}

/* The path by which ds or tp names the file st, or NULL. */
static const char *input_named(const struct stat *st, const quire_dataset *ds,
                               const quire_template *tp)
{
    if (same_file(st, ds->path))
        return ds->path;
    if (tp && same_file(st, tp->path))
        return tp->path;
    for (size_t i = 0; i < ds->n_tables; i++)
        if (same_file(st, quire_table_at(ds, i)->csv_path))
            return quire_table_at(ds, i)->csv_path;
    for (size_t i = 0; i < ds->n_images; i++)
        if (same_file(st, quire_image_at(ds, i)->path))
            return quire_image_at(ds, i)->path;
    if (tp && tp->logo.image && same_file(st, tp->logo.image->path))
        return tp->logo.image->path;
    return NULL;
}

static const char *name_in_tasks(const struct stat *st, const render_task *tasks, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const char *name = input_named(st, tasks[k].dataset, tasks[k].tmpl);
        if (name)
            return name;
    }
    return "an input of another dataset of this run";
}

int clobber_check(clobber_set *s, const char *outdir, const render_task *tasks, size_t n,
                  const char *const *extra, diag *d)
{
    int bad = 0;
    struct stat st;
    int dir = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    for (size_t k = 0; dir >= 0 && k < n; k++) {
        char name[512];
        snprintf(name, sizeof name, "%s.%s", tasks[k].dataset->id, tasks[k].plugin->extension);
        if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !clobber_has(s, &st))
            continue;   /* nothing there yet, or not an input */
        const char *input = input_named(&st, tasks[k].dataset, tasks[k].tmpl);
        diag_error(d, tasks[k].dataset->path, 0, 0,
                   "%s: the output %s/%s would replace the input %s; choose another -o",
                   tasks[k].plugin->name, outdir, name,
                   input ? input : name_in_tasks(&st, tasks, n));
        bad = 1;
    }
    if (dir >= 0)
        close(dir);
    for (size_t i = 0; extra && extra[i]; i++) {
        if (!clobber_path_is_input(s, extra[i], &st))
            continue;
        fprintf(stderr, "quire: %s: writing there would replace %s, an input of this run\n",
                extra[i], name_in_tasks(&st, tasks, n));
        bad = 1;
    }
    return bad ? -1 : 0;
}

void clobber_use_for_exports(clobber_set *s)
{
    for_exports = s;
}

int clobber_export_name(const char *outdir, const char *name, const quire_dataset *ds,
                        const quire_template *tmpl, char *input_name, size_t size)
{
    struct stat st;
    char path[4096];
    if (!for_exports || snprintf(path, sizeof path, "%s/%s", outdir, name) >= (int)sizeof path ||
        lstat(path, &st) != 0 || !clobber_has(for_exports, &st))
        return 0;
    const char *input = input_named(&st, ds, tmpl);
    snprintf(input_name, size, "%s", input ? input : "another input of this run");
    return 1;
}

void clobber_free(clobber_set *s)
{
    if (for_exports == s)
        for_exports = NULL;
    free(s->ids);
    *s = (clobber_set){0};
}
