/* locate.c — finding the template a dataset is rendered with.
 *
 * Templates are found from any working directory: beside the dataset,
 * then in this quire's own data directories (self_dirs.h: the installed
 * share/quire relative to the executable, then the source tree for a
 * build-tree binary). */
#define _GNU_SOURCE /* asprintf */
#include "locate.h"

#include "dataset.h"
#include "input_path.h"
#include "self_dirs.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* dir/file when it exists, else NULL. */
static char *try_path(const char *dir, size_t dir_len, const char *file)
{
    char *p = NULL;
    if (asprintf(&p, "%.*s%s%s", (int)dir_len, dir, dir_len ? "/" : "", file) < 0)
        return NULL;
    if (access(p, F_OK) == 0)
        return p;
    free(p);
    return NULL;
}

/* file in the templates/ of this quire's data directories. */
static char *find_in_shared(const char *file)
{
    char *p = NULL, *rel = NULL;
    if (asprintf(&rel, "templates/%s", file) < 0)
        return NULL;
    for (const char *const *d = self_data_dirs(); !p && *d; d++)
        p = try_path(*d, strlen(*d), rel);
    free(rel);
    return p;
}

/* "A/templates or B/templates", for messages. */
static char *shared_list(void)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    const char *const *d = self_data_dirs();
    for (size_t i = 0; d[i]; i++)
        fprintf(f, "%s%s/templates", i == 0 ? "" : d[i + 1] ? ", " : " or ", d[i]);
    if (!d[0])
        fputs("no installed templates directory", f);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static char *find_named(const char *name, const quire_dataset *ds, int allow_any, diag *d)
{
    long line, col;
    dataset_template_pos(ds, &line, &col);
    if (!name[0] || strchr(name, '/') || name[0] == '.') {
        diag_error(d, ds->path, line, col,
                   "template name '%s' must be a plain name (use -t for a path)", name);
        return NULL;
    }
    char *file = NULL;
    if (asprintf(&file, "%s.yaml", name) < 0)
        return NULL;
    const char *slash = strrchr(ds->path, '/');
    size_t dir_len = slash ? (size_t)(slash - ds->path) + (slash == ds->path) : 0;
    char *p = try_path(ds->path, dir_len, file);
    /* Beside the dataset, NAME.yaml follows the rules of csv: and images:
     * a symlink out of the folder is refused, not read (and quoted). */
    char dir[PATH_MAX], resolved[PATH_MAX], why[512];
    if (p && input_dir_of(ds->path, dir, sizeof dir) == 0 &&
        input_resolve(dir, file, allow_any, resolved, sizeof resolved, why, sizeof why) != 0) {
        diag_error(d, ds->path, line, col, "template '%s': %s", name, why);
        free(p);
        free(file);
        return NULL;
    }
    if (!p)
        p = find_in_shared(file);
    if (!p) {
        char *where = shared_list();
        diag_error(d, ds->path, line, col, "template '%s' not found: no %s beside the dataset or in %s",
                   name, file, where ? where : "the installed templates");
        free(where);
    }
    free(file);
    return p;
}

/* -t NAME (no '/', no .yaml, no such file here) means the template of
 * that name, as `template: NAME` would: `-t quarterly-brief` from any
 * directory. */
static int is_plain_name(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && !strchr(s, '/') && s[0] != '.' &&
           !(n > 5 && strcmp(s + n - 5, ".yaml") == 0) &&
           !(n > 4 && strcmp(s + n - 4, ".yml") == 0) && access(s, F_OK) != 0;
}

char *locate_template(const char *explicit_path, const quire_dataset *ds, int allow_any,
                      diag *d)
{
    if (explicit_path && is_plain_name(explicit_path))
        return find_named(explicit_path, ds, allow_any, d);
    if (explicit_path)
        return strdup(explicit_path);   /* template_parse names it if missing */
    const char *name = dataset_template_name(ds);
    if (name)
        return find_named(name, ds, allow_any, d);
    char *p = find_in_shared("default.yaml");
    if (!p) {
        char *where = shared_list();
        diag_error(d, ds->path, 0, 0, "no template given and no default.yaml in %s",
                   where ? where : "the installed templates");
        free(where);
    }
    return p;
}
