/* manifest_check.h — quire manifest check: did the shards of a run write
 * every dataset × format, once, and are the files still what they wrote. */
#ifndef QUIRE_MANIFEST_CHECK_H
#define QUIRE_MANIFEST_CHECK_H

#include "manifest.h"

#include <stdio.h>

typedef struct manifest_check_input {
    const char *const *datasets;   /* the list the run was given; n == 0: those named */
    size_t n_datasets;
    char *const *formats;          /* -f; n == 0: every format named */
    size_t n_formats;
    const char *const *manifests;  /* the files to read */
    size_t n_manifests;
} manifest_check_input;

/* Prints one line per problem on out ("DATASET\tFORMAT\twhat"), and a
 * summary on notes unless it is NULL. Returns the exit code: 0 complete,
 * 2 a problem or an unreadable manifest (reported on notes... and err),
 * 4 out of memory. */
int manifest_check(const manifest_check_input *in, FILE *out, FILE *err, FILE *notes);

#endif
