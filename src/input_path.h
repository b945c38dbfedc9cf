/* input_path.h — the files a dataset or template names (csv:, images, a
 * logo): resolved against the folder of the file that names them, kept
 * inside that folder's tree, and opened only when they are regular files.
 *
 * SPEC (Version 2, command line): such a file must be a regular file inside
 * the directory of the file that names it — no absolute path, no `..` or
 * symlink whose real location leaves it — unless --allow-any-path is given.
 * The dataset and template themselves, named on the command line, are not
 * confined, but they too must be regular files (a FIFO would block).
 *
 * Each input is read once (input_read_all) and what was read is what is
 * checked, rendered and attached: plugins get the bytes (quire_image.data,
 * quire_table.csv_data, quire_dataset.source), so a file swapped in the
 * folder after the check changes nothing. */
#ifndef QUIRE_INPUT_PATH_H
#define QUIRE_INPUT_PATH_H

#include "arena.h"

#include <stddef.h>
#include <stdio.h>

/* Writes the folder of file into out ("." for a bare name, "/" for "/x").
 * Returns 0, or -1 when it does not fit. */
int input_dir_of(const char *file, char *out, size_t out_size);

/* Resolves rel, named by a file in base_dir, into out: base_dir/rel as the
 * user reads it (rel alone when base_dir is "." or rel is absolute and
 * allow_any). Unless allow_any, refuses an absolute rel, a rel whose `..`
 * climbs above base_dir, and a file whose real location (symlinks resolved)
 * is outside base_dir's real tree; a missing file is refused too (with
 * strerror). Returns 0, or -1 with a reason in err (no trailing period),
 * e.g. "'../x.csv' is outside the folder of the file that names it (pass
 * --allow-any-path to allow it)". */
int input_resolve(const char *base_dir, const char *rel, int allow_any, char *out,
                  size_t out_size, char *err, size_t err_size);

/* Opens path for reading without blocking on a FIFO and without taking a
 * terminal, refuses anything but a regular file (FIFO, device, directory,
 * socket), then makes the descriptor blocking again. Returns the descriptor
 * (O_CLOEXEC), or -1 with errno set and a reason in err ("Is a directory",
 * "not a regular file (a FIFO)", or strerror). */
int input_open_regular_fd(const char *path, char *err, size_t err_size);

/* The same as a stdio stream ("rb"). Returns 0 and sets *out, or -1. */
int input_open_regular(const char *path, FILE **out, char *err, size_t err_size);

/* Reads the whole regular file at path (input_open_regular_fd) into a,
 * NUL-terminated (the NUL not counted in *size), at most max bytes.
 * Returns 0, or -1 with errno set (ENOMEM when memory ran out, EFBIG when
 * larger than max) and a reason in err. */
int input_read_all(const char *path, arena *a, long max, const unsigned char **data,
                   size_t *size, char *err, size_t err_size);

#endif
