/* clobber.h — refusing a run whose outputs would replace one of its
 * inputs (`-o .` beside a dataset whose CSV file is named like its
 * output, or a plugin's extra file named like another dataset's CSV). */
#ifndef QUIRE_CLOBBER_H
#define QUIRE_CLOBBER_H

#include "diag.h"
#include "prepare.h"
#include "render.h"

#include <sys/stat.h>

/* The files of a run's inputs, by device and inode: a second spelling of
 * a path ("./in/", a symlinked folder) or a hard link is the same file. */
typedef struct clobber_id {
    dev_t dev;
    ino_t ino;
} clobber_id;

typedef struct clobber_set {
    clobber_id *ids;
    size_t n, cap;
    size_t sorted;   /* ids[0..sorted) are sorted and distinct */
} clobber_set;

/* Adds every input of the loaded items of p (the dataset, its template,
 * CSV files, images, the logo): the file a path names and, when the path
 * is a symlink, the link itself (which a rename over that name would
 * replace). Returns 0, or -1 when out of memory. */
int clobber_add_prepared(clobber_set *s, const prepared *p);

/* Whether st (an lstat) is one of the inputs of s. */
int clobber_has(clobber_set *s, const struct stat *st);

/* Whether path, or the file a symlink at path leads to, is an input of s
 * (then st is that file's). */
int clobber_path_is_input(clobber_set *s, const char *path, struct stat *st);

/* Before anything is rendered: reports each task whose main output,
 * OUTDIR/<id>.<extension>, is an input of the run, and a --depfile or
 * --manifest path (extra, NULL-terminated, may be empty) that is one.
 * Returns 0, or -1 when one was reported (exit 2). OUTDIR need not exist. */
int clobber_check(clobber_set *s, const char *outdir, const render_task *tasks, size_t n,
                  const char *const *extra, diag *d);

/* The set the export processes check a plugin's extra files against
 * (host->open_output): set by the parent before it forks them. */
void clobber_use_for_exports(clobber_set *s);

/* In an export's process (which does not hold OUTDIR open): whether
 * OUTDIR/name is an input of the run; input_name gets the input's path when ds or tmpl
 * names it, else "another input of this run". */
int clobber_export_name(const char *outdir, const char *name, const quire_dataset *ds,
                        const quire_template *tmpl, char *input_name, size_t size);

void clobber_free(clobber_set *s);

#endif
