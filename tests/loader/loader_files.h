/* loader_files.h — temporary files for the loader's unit tests. */
#ifndef LOADER_FILES_H
#define LOADER_FILES_H

#include "dataset.h"

#include <stddef.h>

/* A fresh temporary folder (removed by files_cleanup). */
const char *files_dir(void);
/* Writes len bytes (strlen when len is 0) to dir/name; returns the path,
 * valid until the next call. */
const char *files_write(const char *name, const char *text, size_t len);
/* Removes the folder and what the tests wrote in it. */
void files_cleanup(void);

/* Loads path; the diagnostics end up in *msgs (caller frees). */
load_status files_load(const char *path, const dataset_override *sets, size_t n,
                       quire_dataset **ds, char **msgs);

#endif
