/* batch_list.h — the datasets of a run: those of the command line, then
 * those --datasets-from lists, kept when they belong to --shard. */
#ifndef QUIRE_BATCH_LIST_H
#define QUIRE_BATCH_LIST_H

#include "cli.h"

#include <stdio.h>

typedef struct batch_list {
    const char **paths;   /* this process's datasets, in the order given */
    size_t n, cap;
    size_t n_listed;      /* before --shard */
    char *text;           /* the list file's bytes, which paths point into */
} batch_list;

/* Reads FILE|- of --datasets-from: one path a line, without its line end
 * (LF or CRLF); empty lines are skipped. Appends to l. Returns 0, or the
 * exit code with the reason on err: EXIT_INVALID (cannot be read, a NUL
 * byte: "FILE:LINE: error: ..."), EXIT_EXPORT (out of memory). */
int batch_list_read(batch_list *l, const char *file, FILE *in, FILE *err);

/* The datasets of o: argv's, then --datasets-from's, then those of
 * --shard. An empty list (before --shard) is a usage error. Returns 0 or
 * the exit code (reported on err). Free with batch_list_free() always. */
int batch_list_make(const cli_options *o, batch_list *out, FILE *err);

void batch_list_free(batch_list *l);

#endif
