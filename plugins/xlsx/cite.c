/*
 * cite.c — one line naming sources, the same names as the PDF's source
 * lines (source_line.h: as the core tells them apart, each once), joined
 * by "; ". The sources sheet has every detail.
 */
#include <stdlib.h>
#include <string.h>

#include "source_line.h"
#include "xlsx.h"

char *xlsx_cite(const quire_dataset *ds, const quire_strings *ids)
{
    if (!ids || ids->count == 0)
        return NULL;
    size_t size = 1;   /* room for every name and separator */
    for (size_t i = 0; i < ids->count; i++)
        size += strlen(source_name(ds, ids->items[i])) + 2;
    char *buf = malloc(size);
    if (buf)
        source_names(ds, ids, "; ", buf, size);
    return buf;
}
