/* fuzz_files.h — what the harnesses share: a private folder for the files
 * the loaders read by name, and the checks every run must pass (the
 * diagnostics and the dataset view). A failed check abort()s, which
 * libFuzzer reports as a crash with the input that caused it. */
#ifndef QUIRE_FUZZ_FILES_H
#define QUIRE_FUZZ_FILES_H

#include "diag.h"
#include <quire/quire-plugin.h>

#include <stddef.h>

/* The harness's own temporary folder, made on first use and removed at exit. */
const char *fuzz_dir(void);
/* Writes len bytes to fuzz_dir()/name; returns the path (static storage per
 * name slot: at most 4 names). */
const char *fuzz_write(const char *name, const void *data, size_t len);
/* Removes fuzz_dir()/name if it is there. */
void fuzz_remove(const char *name);

/* A 1x1 RGB PNG, for the image and logo keys to find. */
extern const unsigned char fuzz_png[];
extern const size_t fuzz_png_size;

/* A diag writing to memory: fuzz_diag_open, load, fuzz_diag_check. */
typedef struct fuzz_diag {
    diag d;
    char *text;
    size_t len;
    FILE *out;
} fuzz_diag;
void fuzz_diag_open(fuzz_diag *fd);
/* Closes the stream and checks every line: it names a file of fuzz_dir(),
 * says "error:" or "warning:", holds no control character and is valid
 * UTF-8 (diag escapes whatever the input holds); then frees the text. */
void fuzz_diag_check(fuzz_diag *fd);

/* Reads every field of a loaded dataset (so ASan sees any dangling or
 * short array) and checks what SPEC promises: a safe id, UTF-8 strings,
 * rows of the stated length. */
void fuzz_check_dataset(const quire_dataset *ds);

#endif
