/* depfile.c — --depfile FILE: the run's dependencies in Make syntax.
 *
 * Names are escaped as GCC's -MD escapes them (a space or tab and the
 * backslashes before it, '#', '$') plus ':' (a second colon would make a
 * static pattern rule) and the wildcards '*', '?', '[', ']' (make would
 * expand them to the files they match); a newline cannot be written at
 * all. */
#define _GNU_SOURCE /* dladdr */
#include "depfile.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Distinct strings in first-seen order. */
typedef struct names {
    const char **items;
    size_t n, cap;
    int failed;
} names;

static void add(names *l, const char *s)
{
    if (!s || l->failed)
        return;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        const char **p = realloc(l->items, cap * sizeof *p);
        if (!p) {
            l->failed = 1;
            return;
        }
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = s;
}

int depfile_escape(FILE *f, const char *s)
{
    if (strchr(s, '\n') || strchr(s, '\r'))
        return -1;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            /* backslashes right before a space are doubled, then \ */
            for (const char *q = p; q > s && q[-1] == '\\'; q--)
                fputc('\\', f);
            fputc('\\', f);
        } else if (strchr("#:*?[]", *p)) {
            fputc('\\', f);
        } else if (*p == '$') {
            fputc('$', f);
        }
        fputc(*p, f);
    }
    return 0;
}

/* The shared object a plugin's descriptor lives in. */
static const char *plugin_file(const quire_plugin *p)
{
    Dl_info info;
    return dladdr(p, &info) && info.dli_fname && info.dli_fname[0] ? info.dli_fname : NULL;
}

/* The inputs of a dataset rendered with its template by the given tasks. */
static void inputs_of(const quire_dataset *ds, const quire_template *tmpl,
                      const render_task *tasks, const render_result *results, size_t n,
                      names *in)
{
    add(in, ds->path);
    add(in, tmpl ? tmpl->path : NULL);
    for (size_t i = 0; i < ds->n_tables; i++)
        add(in, quire_table_at(ds, i)->csv_path);
    for (size_t i = 0; i < ds->n_images; i++)
        add(in, quire_image_at(ds, i)->path);
    if (tmpl && tmpl->logo.image)
        add(in, tmpl->logo.image->path);
    for (size_t k = 0; k < n; k++) {
        if (tasks[k].dataset != ds || !results[k].committed)
            continue;
        for (size_t i = 0; i < results[k].n_fonts; i++)
            add(in, results[k].fonts[i]);
    }
    for (size_t k = 0; k < n; k++)
        if (tasks[k].dataset == ds && results[k].committed)
            add(in, plugin_file(tasks[k].plugin));
}

/* target1 target2: input1 input2 ... for one dataset. */
static int write_rule(FILE *f, const render_task *tasks, const render_result *results,
                      size_t n, size_t first, const char **bad)
{
    const quire_dataset *ds = tasks[first].dataset;
    names out = {0}, in = {0};
    for (size_t k = first; k < n; k++)
        if (tasks[k].dataset == ds && results[k].committed)
            for (size_t i = 0; i < results[k].n_files; i++)
                add(&out, results[k].files[i]);
    inputs_of(ds, tasks[first].tmpl, tasks, results, n, &in);
    int rc = out.failed || in.failed ? -1 : 0;
    *bad = rc ? "out of memory" : NULL;
    for (size_t i = 0; rc == 0 && i < out.n; i++) {
        if (i > 0)
            fputc(' ', f);
        if (depfile_escape(f, out.items[i]) != 0)
            *bad = out.items[i], rc = -1;
    }
    if (rc == 0 && out.n > 0) {
        fputc(':', f);
        for (size_t i = 0; rc == 0 && i < in.n; i++) {
            fputs(" \\\n  ", f);
            if (depfile_escape(f, in.items[i]) != 0)
                *bad = in.items[i], rc = -1;
        }
        fputc('\n', f);
    }
    free(out.items);
    free(in.items);
    return rc;
}

static int write_rules(FILE *f, const render_task *tasks, const render_result *results,
                       size_t n, char *err, size_t size)
{
    for (size_t k = 0; k < n; k++) {
        int seen = 0;
        for (size_t j = 0; j < k && !seen; j++)
            seen = tasks[j].dataset == tasks[k].dataset;
        if (seen)
            continue;
        const char *bad;
        if (write_rule(f, tasks, results, n, k, &bad) != 0) {
            if (strcmp(bad, "out of memory") == 0)
                snprintf(err, size, "out of memory");
            else
                snprintf(err, size, "a file name holds a line break, which Make cannot read");
            return -1;
        }
    }
    return 0;
}

int depfile_write(const char *path, const render_task *tasks, const render_result *results,
                  size_t n, char *err, size_t size)
{
    char *temp = malloc(strlen(path) + 16);
    if (!temp) {
        snprintf(err, size, "out of memory");
        return -1;
    }
    /* Beside the target, so that the rename stays on one file system. */
    sprintf(temp, "%s.XXXXXX", path);
    int fd = mkstemp(temp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, size, "%s", strerror(errno));
        if (fd >= 0)
            close(fd);
        free(temp);
        return -1;
    }
    int rc = write_rules(f, tasks, results, n, err, size);
    mode_t mask = umask(0);   /* mkstemp's 0600 becomes the user's usual mode */
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 && rc == 0) {
        snprintf(err, size, "%s", strerror(errno));
        rc = -1;
    }
    if (fclose(f) != 0 && rc == 0) {
        snprintf(err, size, "%s", strerror(errno));
        rc = -1;
    }
    if (rc == 0 && rename(temp, path) != 0) {
        snprintf(err, size, "%s", strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        unlink(temp);
    free(temp);
    return rc;
}
