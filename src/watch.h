/* watch.h — `quire watch`: render, then render again whatever an edit
 * touches, until SIGINT or SIGTERM. */
#ifndef QUIRE_WATCH_H
#define QUIRE_WATCH_H

#include "cli.h"
#include "inputs.h"
#include "prepare.h"

#include <sys/types.h>
#include <time.h>

/* What tells that a file changed: stat's identity, size and times. */
typedef struct file_sig {
    int exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtim, ctim;
} file_sig;

/* What one render pass hands back: for each dataset of its options, the
 * files it was read from, as they were right after loading. */
typedef struct watch_pass {
    input_list *inputs;   /* one per dataset */
    file_sig **sigs;      /* one per input of each dataset (owned by the pass) */
    int *complete;        /* 1: the dataset loaded and its template bound,
                             so its list is whole (else it holds what is known) */
} watch_pass;

/* Renders the datasets of o as `quire render` does and fills pass (when
 * not NULL) before freeing what it prepared. Returns the exit code. */
typedef int (*watch_render_fn)(const cli_options *o, watch_pass *pass);

/* Fills pass from the datasets of o as p prepared them: called by the
 * render function above right after loading, before anything is
 * rendered (a file edited during the render is then seen as changed).
 * Returns 0, or -1 when out of memory. */
int watch_collect(watch_pass *pass, const cli_options *o, const prepared *p);

/* Renders every dataset of o with render (always as with --keep-going),
 * then watches their inputs with inotify (the files and the directories
 * holding them, so that a save by rename is seen) and renders again,
 * about 200 ms after the last change, the datasets whose inputs changed.
 * Returns 0 when SIGINT or SIGTERM ends it; 1 or 3 when the first pass
 * fails in a way no edit of the inputs can fix (a usage error, a plugin
 * that cannot be loaded), 1 for --depfile, 4 when inotify is not
 * available. */
int watch_run(const cli_options *o, watch_render_fn render);

#endif
