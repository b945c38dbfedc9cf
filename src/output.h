/* output.h — atomic outputs: every export writes into a private directory
 * of OUTDIR, and its files are renamed into OUTDIR together, or not at all.
 *
 * OUTDIR/.quire-XXXXXX is created with mode 0700 (no other user can swap a
 * file in it for a symlink while a plugin writes it by name) and stays
 * locked (flock) while its run lives, so that a later run can tell the
 * directory of a killed run from one in use and remove it. Plugins get
 * paths through /proc/self/fd/N of the open directory, so another user who
 * can write OUTDIR cannot redirect them by renaming it; it is removed
 * through its descriptor, and the sweep removes only directories with the
 * marker file a run of this user put there. */
#ifndef QUIRE_OUTPUT_H
#define QUIRE_OUTPUT_H

#include <stdio.h>

/* One file of an export: the same name in the private directory and in OUTDIR. */
typedef struct output_file {
    char *name;    /* a plain file name: no '/', never hidden */
    char *temp;    /* PRIVATE/name: what the plugin writes */
    char *final;   /* OUTDIR/name */
} output_file;

/* The files of one export and the private directory they are written in. */
typedef struct output_set {
    const char *outdir;
    int outdir_fd;         /* borrowed: OUTDIR, opened once per run */
    char *private_dir;     /* /proc/self/fd/N (OUTDIR/.quire-XXXXXX without /proc):
                              the path plugins write under */
    char *private_name;    /* .quire-XXXXXX, its name in OUTDIR */
    int private_fd;        /* open and locked; -1 when there is none */
    output_file *files;
    size_t count, cap;
} output_set;

/* Creates the directory and its parents (mkdir -p) and checks that it is
 * writable. Returns 0, or -1 with errno set. */
int output_make_dir(const char *dir);

/* Removes the private directories that runs which died (SIGKILL, a power
 * cut) left in OUTDIR: those of this user that no live process holds
 * locked. Each removal is a note on notes (NULL: silent). Returns how many
 * were removed. */
size_t output_sweep(int outdir_fd, const char *outdir, FILE *notes);

/* Creates and locks a new private directory in OUTDIR (outdir_fd is the
 * open OUTDIR). Returns 0, or -1 with errno set. */
int output_set_init(output_set *set, const char *outdir, int outdir_fd);

/* Creates the empty file PRIVATE/name and adds it to set. Returns its
 * path (owned by set), or NULL with errno set (EEXIST: name already in
 * set; EINVAL: not a plain file name). */
const char *output_add(output_set *set, const char *name);

/* Adds PRIVATE/name, which another process (the export's child) created,
 * to set. Returns 0, or -1 with errno set as output_add. */
int output_adopt(output_set *set, const char *name);

/* Replaces OUTDIR's files by the set's, all or none: first checks that
 * every file is a regular file and no target is a directory, keeps the
 * older files aside, and puts them back if one rename fails. A symlink at
 * a target is replaced, never followed. Returns 0, or -1 with a message
 * naming the file that could not be written in err ("o/x.csv: Is a
 * directory"). */
int output_commit(output_set *set, char *err, size_t size);

/* Removes the private directory with whatever is left in it (after a
 * commit, the older files; after a failure, the new ones) and frees set. */
void output_set_free(output_set *set);

/* Empties the private directory for the next export of the same process
 * slot (render.c): removes every file but the marker and forgets the
 * set's files, keeping the directory open and locked. Returns 0, or -1
 * when the directory cannot be reused (its mode was changed, its marker is
 * gone, a file could not be removed): then output_set_free it. */
int output_set_empty(output_set *set);

/* Frees set without touching its files: for the child process, whose
 * parent commits or removes them. */
void output_set_forget(output_set *set);

/* Removes the directory name of dirfd with everything in it, never
 * following a symlink. Returns 0, or -1 with errno set. */
int output_remove_tree(int dirfd, const char *name);

/* For unit tests only: replaces renameat() in output_commit, to make a
 * rename fail after the checks passed. NULL: renameat. */
extern int (*output_rename_hook)(int, const char *, int, const char *);

#endif
