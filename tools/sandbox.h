/* sandbox.h — directories a plugin runs in, and what it left in them. */
#ifndef QUIRE_SANDBOX_H
#define QUIRE_SANDBOX_H

#include <stddef.h>

/* A directory tree as text: one sorted line per entry below dir,
 * "relative/path type size mtime". NULL when dir cannot be read. */
char *sandbox_snapshot(const char *dir);

/* The lines of after that are not in before, and those of before that
 * are gone, each prefixed "+ " or "- "; "" when the trees are the same.
 * The caller frees it. */
char *sandbox_diff(const char *before, const char *after);

/* mkdir -p of one level under parent: parent/name. Returns a malloc'd path. */
char *sandbox_subdir(const char *parent, const char *name);

/* rm -rf dir (used on our own temporary directories only). */
void sandbox_remove(const char *dir);

/* 1 when the files a and b hold the same bytes. */
int sandbox_same_file(const char *a, const char *b);

#endif
