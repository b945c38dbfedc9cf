/* prepare.h — loading every dataset of a run and binding its template. */
#ifndef QUIRE_PREPARE_H
#define QUIRE_PREPARE_H

#include "cli.h"
#include "diag.h"
#include "template.h"

typedef struct prepared_item {
    quire_dataset *dataset;
    const template_src *src;   /* owned by the cache below */
    quire_template *tmpl;      /* bound to dataset */
    int ok;                    /* loaded, bound and checked without error */
} prepared_item;

typedef struct template_cache_entry {
    char *path;
    template_src *src;
    int sections_checked;      /* plan.c checked its plugin sections ... */
    int sections_bad;          /* ... and found an error */
} template_cache_entry;

typedef struct prepared {
    prepared_item *items;      /* one per dataset of the command line */
    size_t n_items;
    template_cache_entry *cache;   /* each template file parsed once */
    size_t n_cache;
} prepared;

/* Loads every dataset of o (with its --set overrides) and binds the
 * template each is rendered with, reporting every error to d. Returns the
 * exit code: 0, 1 (a --set key no dataset has) or 2 (invalid or missing
 * dataset or template, or two datasets with one id); with 2, the items
 * that are valid have .ok set (--keep-going renders them). Free p with
 * prepare_free() in every case. */
int prepare_all(const cli_options *o, diag *d, prepared *p);
void prepare_free(prepared *p);

/* As prepare_all, for the next window of a long batch: frees the items of
 * p but keeps its templates, so that each template file is parsed once per
 * run however many windows it has. p starts zeroed. */
int prepare_window(const cli_options *o, diag *d, prepared *p);

#endif
