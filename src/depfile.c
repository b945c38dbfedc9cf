/* depfile.c — --depfile FILE: the run's dependencies, read alike by GNU
 * make and ninja.
 *
 * The two readers agree on few characters, so a name is written only when
 * both read it back as itself: letters, digits, bytes from 0x80 (UTF-8)
 * and + , / _ . ~ { } @ ! - as they are; a space, '#' and ':' after a
 * backslash; '$' doubled. Every other character is refused, never
 * escaped half-way: ';' or '|' would start make's recipe or order-only
 * list, '=' a variable, '%' a pattern, '(' an archive member, '*?[]' a
 * wildcard, and ninja ends a name at any of them, at a quote, '&', a tab
 * or a backslash. A name may not end in a space: make drops blanks before
 * the backslash-newline that ends it. A refused input is reported at its place in the dataset
 * or template before anything is rendered (depfile_check). */
#define _GNU_SOURCE /* dladdr */
#include "depfile.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
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

static int has(const names *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return 1;
    return 0;
}

static void add(names *l, const char *s)
{
    if (!s || l->failed || has(l, s))
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

/* Characters both readers take as they are: ninja's depfile lexer keeps a
 * name going only over these, and make gives none of them a meaning
 * inside a word ('~' only at a word's start). */
static int plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || (c && strchr("+,/_.~{}@!-", c) != NULL);
}

const char *depfile_refusal(const char *s, char *why, size_t size)
{
    if (!*s)
        return "an empty name";
    if (s[0] == '~')
        return "a name starting with '~', which make expands to a home directory";
    /* make drops the blanks before a backslash-newline, an escaped one
     * too, so the name would run into the next (found by fuzz_depfile) */
    if (s[strlen(s) - 1] == ' ')
        return "a name ending in a space, which make cannot read back";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (plain(*p) || *p == ' ' || *p == '#' || *p == '$' || (*p == ':' && p[1]))
            continue;
        if (*p == ':')
            return "a name ending in ':', which ninja cannot read back";
        if (*p == '\n' || *p == '\r')
            return "a line break, which make and ninja cannot read";
        if (*p < 0x20 || *p == 0x7f)
            return "a control character, which make and ninja cannot read";
        snprintf(why, size, "'%c', which make and ninja cannot both read as itself", *p);
        return why;
    }
    return NULL;
}

int depfile_escape(FILE *f, const char *s)
{
    char why[96];
    if (depfile_refusal(s, why, sizeof why))
        return -1;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == ':')
            fputc('\\', f);   /* no backslash precedes it: refused above */
        else if (*p == '$')
            fputc('$', f);
        fputc(*p, f);
    }
    return 0;
}

/* Reports name at its place when refused; returns 1 when it was. */
static int refuse(diag *d, const char *name, const char *what, const quire_pos *at)
{
    char why[96];
    const char *reason = depfile_refusal(name, why, sizeof why);
    if (!reason)
        return 0;
    if (at && at->file)
        diag_error(d, at->file, at->line, at->col,
                   "--depfile: the %s '%s' holds %s; rename it or drop --depfile",
                   what, name, reason);
    else
        diag_error(d, name, 0, 0, "--depfile: the %s holds %s; rename it or drop --depfile",
                   what, reason);
    return 1;
}

int depfile_check(const char *outdir, const render_task *tasks, size_t n, diag *d)
{
    int bad = refuse(d, outdir, "output directory", NULL);
    for (size_t k = 0; k < n; k++) {
        int seen = 0;
        for (size_t j = 0; j < k && !seen; j++)
            seen = tasks[j].dataset == tasks[k].dataset;
        if (seen)
            continue;
        const quire_dataset *ds = tasks[k].dataset;
        const quire_template *t = tasks[k].tmpl;
        bad |= refuse(d, ds->path, "dataset file", NULL);
        if (t)
            bad |= refuse(d, t->path, "template file", NULL);
        for (size_t i = 0; i < ds->n_tables; i++) {
            const quire_table *tb = quire_table_at(ds, i);
            if (tb->csv_path)
                bad |= refuse(d, tb->csv_path, "csv: file", &tb->at);
        }
        for (size_t i = 0; i < ds->n_images; i++)
            bad |= refuse(d, quire_image_at(ds, i)->path, "image file", &quire_image_at(ds, i)->at);
        if (t && t->logo.image)
            bad |= refuse(d, t->logo.image->path, "logo file", &t->logo.image->at);
    }
    return bad ? -1 : 0;
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

/* Writes each of l's names, escaped and separated by sep; the first name
 * that cannot be written goes to *bad. */
static int write_names(FILE *f, const names *l, const char *sep, const char **bad)
{
    for (size_t i = 0; i < l->n; i++) {
        if (i > 0)
            fputs(sep, f);
        if (depfile_escape(f, l->items[i]) != 0) {
            *bad = l->items[i];
            return -1;
        }
    }
    return 0;
}

/* One rule per dataset, "target1 target2: input1 input2 ...", then an
 * empty rule for every input that is no target (as gcc -MP writes), so
 * that a renamed or deleted input makes the next make run quire again
 * instead of stopping with "No rule to make target". */
static int write_rules(FILE *f, const render_task *tasks, const render_result *results,
                       size_t n, const char **bad)
{
    names targets = {0}, inputs = {0};
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < n; k++) {
        int seen = 0;
        for (size_t j = 0; j < k && !seen; j++)
            seen = tasks[j].dataset == tasks[k].dataset;
        if (seen)
            continue;
        const quire_dataset *ds = tasks[k].dataset;
        names out = {0}, in = {0};
        for (size_t j = k; j < n; j++)
            if (tasks[j].dataset == ds && results[j].committed)
                for (size_t i = 0; i < results[j].n_files; i++)
                    add(&out, results[j].files[i]);
        inputs_of(ds, tasks[k].tmpl, tasks, results, n, &in);
        if (out.failed || in.failed)
            rc = -1, *bad = NULL;
        if (rc == 0 && out.n > 0) {
            rc = write_names(f, &out, " ", bad);
            if (rc == 0) {
                fputs(": \\\n  ", f);
                rc = write_names(f, &in, " \\\n  ", bad);
                fputc('\n', f);
            }
            for (size_t i = 0; i < out.n; i++)
                add(&targets, out.items[i]);
            for (size_t i = 0; i < in.n; i++)
                add(&inputs, in.items[i]);
        }
        free(out.items);
        free(in.items);
    }
    if (targets.failed || inputs.failed)
        rc = -1, *bad = NULL;
    for (size_t i = 0; rc == 0 && i < inputs.n; i++) {
        if (has(&targets, inputs.items[i]))
            continue;
        fputc('\n', f);
        rc = depfile_escape(f, inputs.items[i]);
        *bad = inputs.items[i];
        fputs(":\n", f);
    }
    free(targets.items);
    free(inputs.items);
    return rc;
}

/* The rules into f; a message into err on failure. */
static int write_all(FILE *f, const render_task *tasks, const render_result *results,
                     size_t n, char *err, size_t size)
{
    const char *bad = NULL;
    if (write_rules(f, tasks, results, n, &bad) == 0)
        return 0;
    char why[96];
    if (!bad)
        snprintf(err, size, "out of memory");
    else
        snprintf(err, size, "%s holds %s", bad, depfile_refusal(bad, why, sizeof why));
    return -1;
}

/* --depfile onto a device or a FIFO (/dev/null, /dev/stdout): written to,
 * never replaced by a regular file. */
static int write_special(const char *path, const render_task *tasks,
                         const render_result *results, size_t n, char *err, size_t size)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, size, "%s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int rc = write_all(f, tasks, results, n, err, size);
    if (fclose(f) != 0 && rc == 0) {
        snprintf(err, size, "%s", strerror(errno));
        rc = -1;
    }
    return rc;
}

int depfile_write(const char *path, const render_task *tasks, const render_result *results,
                  size_t n, char *err, size_t size)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return write_special(path, tasks, results, n, err, size);
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
    int rc = write_all(f, tasks, results, n, err, size);
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
