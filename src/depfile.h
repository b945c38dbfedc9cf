/* depfile.h — --depfile FILE: the run's dependencies in Make syntax.
 *
 * One rule per dataset: its outputs that this run wrote, then every file
 * they were made from — the dataset, its template, its CSV files and
 * images, the template's logo, the font files the plugins used, and the
 * plugins' shared objects:
 *
 *     out/x.pdf out/x.xlsx: data/x.yaml templates/t.yaml /abs/data/x.csv ...
 *
 * so that make or ninja re-runs quire exactly when one of them changed.
 * Names are written so that GNU make and ninja both read them back as
 * they are, or refused (see depfile.c). */
#ifndef QUIRE_DEPFILE_H
#define QUIRE_DEPFILE_H

#include "diag.h"
#include "render.h"

#include <stdio.h>

/* Before anything is rendered: reports, at its place in the dataset or
 * template, each input name (and the output directory) that --depfile
 * could not write for both make and ninja (depfile_refusal). Returns 0, or
 * -1 when one was reported. */
int depfile_check(const char *outdir, const render_task *tasks, size_t n, diag *d);

/* Writes path (atomically: a temporary beside it, then a rename; a device
 * or FIFO such as /dev/null is written to, never replaced) for the n tasks
 * of a run and what became of them; tasks whose files were not committed
 * give no target. Each input also gets an empty rule of its own (gcc -MP).
 * Returns 0, or -1 with a message in err. */
int depfile_write(const char *path, const render_task *tasks, const render_result *results,
                  size_t n, char *err, size_t size);

/* Why make and ninja cannot both read name s back as itself (a static
 * string, or one written into why), or NULL when they can. */
const char *depfile_refusal(const char *s, char *why, size_t size);

/* Writes s to f escaped for make and ninja alike ('\' before a space, '#'
 * and ':', '$' doubled). Returns 0, or -1 (nothing written) for a name
 * depfile_refusal refuses. */
int depfile_escape(FILE *f, const char *s);

#endif
