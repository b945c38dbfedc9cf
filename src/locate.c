/* locate.c — finding the template a dataset is rendered with.
 *
 * Templates are found from any working directory: beside the dataset,
 * then where `cmake --install` put them, then in the source tree (a quire
 * run from its build directory). */
#define _GNU_SOURCE /* asprintf */
#include "locate.h"

#include "dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef QUIRE_INSTALL_DATA_DIR
#define QUIRE_INSTALL_DATA_DIR "/usr/local/share/quire"
#endif
#ifndef QUIRE_SOURCE_DIR
#define QUIRE_SOURCE_DIR "."
#endif

static const char *const shared_dirs[] = {
    QUIRE_INSTALL_DATA_DIR "/templates",
    QUIRE_SOURCE_DIR "/templates",
};

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

static char *find_in_shared(const char *file)
{
    char *p = NULL;
    for (size_t i = 0; !p && i < sizeof shared_dirs / sizeof shared_dirs[0]; i++)
        p = try_path(shared_dirs[i], strlen(shared_dirs[i]), file);
    return p;
}

static char *find_named(const char *name, const quire_dataset *ds, diag *d)
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
    if (!p)
        p = find_in_shared(file);
    if (!p)
        diag_error(d, ds->path, line, col,
                   "template '%s' not found: no %s beside the dataset, in %s or in %s", name,
                   file, shared_dirs[0], shared_dirs[1]);
    free(file);
    return p;
}

char *locate_template(const char *explicit_path, const quire_dataset *ds, diag *d)
{
    if (explicit_path)
        return strdup(explicit_path);   /* template_parse names it if missing */
    const char *name = dataset_template_name(ds);
    if (name)
        return find_named(name, ds, d);
    char *p = find_in_shared("default.yaml");
    if (!p)
        diag_error(d, ds->path, 0, 0, "no template given and no default.yaml in %s or %s",
                   shared_dirs[0], shared_dirs[1]);
    return p;
}
