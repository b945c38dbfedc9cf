/* output.h — atomic outputs: temporary files in OUTDIR, renamed into place
 * only on success, removed on failure and on SIGINT/SIGTERM. */
#ifndef QUIRE_OUTPUT_H
#define QUIRE_OUTPUT_H

#include <stddef.h>

/* The files one job writes: a temporary path and the final path it becomes. */
typedef struct output_file {
    char *temp;
    char *final;
} output_file;

typedef struct output_set {
    output_file *files;
    size_t count, cap;
} output_set;

/* Creates the directory and its parents (mkdir -p) and checks that it is
 * writable. Returns 0, or -1 with errno set. */
int output_make_dir(const char *dir);

/* Creates an empty temporary file beside OUTDIR/name, registers it for
 * removal on interruption, and adds it to set. Returns the temporary path
 * (owned by set), or NULL with errno set (EEXIST: name already in set). */
const char *output_add(output_set *set, const char *outdir, const char *name);

/* Renames every temporary file over its final name. Returns 0, or -1 with
 * errno set and *failed naming the final path that could not be written;
 * the files not yet renamed are removed. */
int output_commit(output_set *set, const char **failed);

/* Removes every temporary file of set (a failed job). */
void output_abort(output_set *set);

/* Frees set (after commit or abort); accepts an empty set. */
void output_set_free(output_set *set);

/* Blocks SIGINT and SIGTERM in this thread (and the threads it starts) and
 * starts a watcher thread that handles them: it tells running plugins to
 * stop (output_interrupted), gives them a moment, then removes every
 * registered temporary file and exits with 128 + signal. Returns 0 or -1. */
int output_guard_start(void);

/* Stops the watcher and restores the signal mask. Returns the signal that
 * interrupted the run, or 0. */
int output_guard_stop(void);

/* The signal that interrupted the run, or 0. Safe from any thread. */
int output_interrupted(void);

#endif
