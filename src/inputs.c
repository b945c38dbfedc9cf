/* inputs.c — the files one prepared dataset was read from.
 *
 * Taken from the loaded dataset and the bound template, so that the list
 * is exactly what was read: a file the loader did not open is not in it. */
#include "inputs.h"

#include <stdlib.h>
#include <string.h>

int inputs_add(input_list *out, const char *path)
{
    if (!path || !path[0])
        return 0;
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->paths[i], path) == 0)
            return 0;
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        char **p = realloc(out->paths, cap * sizeof *p);
        if (!p)
            return -1;
        out->paths = p;
        out->cap = cap;
    }
    char *copy = strdup(path);
    if (!copy)
        return -1;
    out->paths[out->n++] = copy;
    return 0;
}

void input_list_free(input_list *out)
{
    for (size_t i = 0; i < out->n; i++)
        free(out->paths[i]);
    free(out->paths);
    *out = (input_list){0};
}

int inputs_of_item(const prepared_item *item, input_list *out)
{
    const quire_dataset *ds = item->dataset;
    const quire_template *tp = item->tmpl;
    if (!ds)
        return 0;
    int rc = inputs_add(out, ds->path);
    if (tp)
        rc |= inputs_add(out, tp->path);
    for (size_t i = 0; i < ds->n_tables; i++)
        rc |= inputs_add(out, quire_table_at(ds, i)->csv_path);
    for (size_t i = 0; i < ds->n_images; i++)
        rc |= inputs_add(out, quire_image_at(ds, i)->path);
    if (tp && tp->logo.image)
        rc |= inputs_add(out, tp->logo.image->path);
    return rc ? -1 : 0;
}
