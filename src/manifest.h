/* manifest.h — --manifest FILE: one JSON object a line for every output a
 * run wrote, and reading such lines back (quire manifest check).
 *
 *   {"dataset":"data/a.yaml","id":"a","format":"pdf","path":"out/a.pdf",
 *    "bytes":51234,"sha256":"9f86d0..."}
 *
 * (one line each), sorted by path (strcmp order). */
#ifndef QUIRE_MANIFEST_H
#define QUIRE_MANIFEST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct manifest_entry {
    char *dataset;    /* the dataset's path as given to render */
    char *id;
    char *format;     /* the plugin's name */
    char *path;       /* OUTDIR/name, as written */
    uint64_t bytes;
    char sha256[65];  /* lowercase hex */
    const char *from; /* manifest check: the manifest file it was read from */
    size_t line;      /* ... and its line */
} manifest_entry;

typedef struct manifest {
    manifest_entry *items;
    size_t n, cap;
} manifest;

/* Appends a copy of e (its strings duplicated). Returns 0, or -1 when out
 * of memory. */
int manifest_add(manifest *m, const manifest_entry *e);
void manifest_free(manifest *m);

/* Sorts m by path and writes it to path atomically (a temporary file
 * beside it, flushed to disk, then renamed over it). Returns 0, or -1
 * with the reason in err. */
int manifest_write(manifest *m, const char *path, char *err, size_t size);

/* Parses one line (len bytes, without its newline) into out (strings
 * owned by out; free with manifest_entry_free). Returns 0, or -1 with the
 * reason in err and the 1-based column in *col. */
int manifest_parse_line(const char *line, size_t len, manifest_entry *out, size_t *col,
                        char *err, size_t size);
void manifest_entry_free(manifest_entry *e);

/* Reads every line of the manifest file into m. A bad line is reported
 * on err as "FILE:LINE:COL: error: ..." and ends the read. Returns 0, or
 * -1. */
int manifest_read(manifest *m, const char *file, FILE *err);

/* The size and SHA-256 (lowercase hex) of the file name in dirfd (AT_FDCWD
 * for a path). Returns 0, or -1 with errno set. */
int manifest_hash_file(int dirfd, const char *name, uint64_t *bytes, char hex[65]);

#endif
