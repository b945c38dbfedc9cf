/*
 * cite.c — one line naming sources, each as the core tells it apart from
 * the dataset's others ("디지털데일리 (2024-03-02)"), the same names as the
 * PDF's source lines; "Publisher, Title (2024-12-26)" for a view without
 * them (built by hand). The sources sheet has every detail.
 */
#include <stdio.h>
#include <stdlib.h>

#include "xlsx.h"

static void cite_one(FILE *f, const quire_source *s)
{
    if (s->cite) {
        fputs(s->cite, f);
        return;
    }
    if (s->publisher)
        fprintf(f, "%s, ", s->publisher);
    fputs(s->title ? s->title : s->id, f);
    if (s->date)
        fprintf(f, " (%s)", s->date);
}

char *xlsx_cite(const quire_dataset *ds, const quire_strings *ids)
{
    char *buf = NULL;
    size_t size = 0;

    if (!ids || ids->count == 0)
        return NULL;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    for (size_t i = 0; i < ids->count; i++) {
        const quire_source *s = quire_find_source(ds, ids->items[i]);
        if (i)
            fputs("; ", f);
        if (s)
            cite_one(f, s);
        else
            fputs(ids->items[i], f);
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}
