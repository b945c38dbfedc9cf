/* schema.h — the JSON Schema of datasets and templates, for editors. */
#ifndef QUIRE_SCHEMA_H
#define QUIRE_SCHEMA_H

#include <stdio.h>

/* Writes the JSON Schema of which ("dataset" or "template") to out.
 * Returns 0, or -1 for another name. */
int schema_write(const char *which, FILE *out);

#endif
