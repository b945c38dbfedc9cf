/* dataset.h — reading and validating a dataset into the plugin view. */
#ifndef QUIRE_DATASET_H
#define QUIRE_DATASET_H

#include "diag.h"
#include <quire/quire-plugin.h>

/* One --set KEY=VALUE of the command line. */
typedef struct dataset_override {
    const char *key;
    const char *value;
} dataset_override;

typedef enum load_status {
    LOAD_OK = 0,
    LOAD_USAGE = 1,    /* a --set key the dataset does not have */
    LOAD_INVALID = 2   /* missing/unreadable file, or any validation error */
} load_status;

/* Reads path (and the CSV files its tables name), applies the overrides,
 * validates everything, reporting every error of the file to d. On success
 * stores a dataset in *out that the caller frees with dataset_free(). */
load_status dataset_load(const char *path, const dataset_override *sets, size_t n_sets,
                         int allow_any_path, diag *d, quire_dataset **out);

/* Frees a dataset from dataset_load(); accepts NULL. */
void dataset_free(quire_dataset *ds);

/* The `template:` name the dataset asks for, or NULL. Borrowed from ds. */
const char *dataset_template_name(const quire_dataset *ds);
/* Where the dataset names it (line 0 when it does not). */
void dataset_template_pos(const quire_dataset *ds, long *line, long *col);

/* The links of the dataset's prose to an id it does not have, which must
 * be a chart's id: of the template (the i-th, or 0 past the last). */
int dataset_chart_link(const quire_dataset *ds, size_t i, const char **id, long *line,
                       long *col);

#endif
