/* batch.h — render: a run of any number of datasets in one process.
 *
 * The plugins are loaded once and each template file is parsed once for
 * the whole run; every export child inherits them (and the plugins'
 * process-wide caches, such as loaded font faces) from this process. A
 * list longer than one window (BATCH_WINDOW datasets) is checked whole
 * first, a window at a time, so that an invalid dataset still stops the
 * run before anything is written; then it is rendered a window at a time,
 * so that memory does not grow with the number of datasets. */
#ifndef QUIRE_BATCH_H
#define QUIRE_BATCH_H

#include "cli.h"
#include "watch.h"

#define BATCH_WINDOW 64

/* Renders o's datasets (o->datasets: the run's list, already sharded);
 * pass: watch's, or NULL. Writes --depfile and --manifest. Returns the
 * exit code. */
int batch_render(const cli_options *o, watch_pass *pass);

/* Checks o's datasets as render would, reporting every error (validate). */
int batch_validate(const cli_options *o);

#endif
