/* depfile.h — --depfile FILE: the run's dependencies in Make syntax.
 *
 * One rule per dataset: its outputs that this run wrote, then every file
 * they were made from — the dataset, its template, its CSV files and
 * images, the template's logo, the font files the plugins used, and the
 * plugins' shared objects:
 *
 *     out/x.pdf out/x.xlsx: data/x.yaml templates/t.yaml /abs/data/x.csv ...
 *
 * so that make or ninja re-runs quire exactly when one of them changed. */
#ifndef QUIRE_DEPFILE_H
#define QUIRE_DEPFILE_H

#include "render.h"

#include <stdio.h>

/* Writes path (atomically: a temporary beside it, then a rename) for the
 * n tasks of a run and what became of them; tasks whose files were not
 * committed give no target. Returns 0, or -1 with a message in err. */
int depfile_write(const char *path, const render_task *tasks, const render_result *results,
                  size_t n, char *err, size_t size);

/* Writes s to f escaped for a Make rule (space, tab, '#', ':', '$', the
 * wildcards, '\' before a space). Returns 0, or -1 for a name Make cannot
 * carry (a newline). */
int depfile_escape(FILE *f, const char *s);

#endif
