/* inputs.h — the files one prepared dataset was read from: what
 * `quire watch` watches. */
#ifndef QUIRE_INPUTS_H
#define QUIRE_INPUTS_H

#include <stddef.h>

#include "prepare.h"

/* A list of distinct paths, each owned. */
typedef struct input_list {
    char **paths;
    size_t n, cap;
} input_list;

/* Appends to out the files item was read from: the dataset, its template,
 * its CSV files and images, the template's logo. The dataset and template
 * paths are as given or found; CSV files and images are absolute. Skips
 * what out holds already. Returns 0, or -1 when out of memory. */
int inputs_of_item(const prepared_item *item, input_list *out);

/* Appends path unless it is NULL, empty or in out already. Returns 0, or
 * -1 when out of memory. */
int inputs_add(input_list *out, const char *path);

/* Frees the paths and empties out; accepts an empty list. */
void input_list_free(input_list *out);

#endif
