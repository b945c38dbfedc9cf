/* registry.h — finding exporter plugins and loading them with dlopen. */
#ifndef QUIRE_REGISTRY_H
#define QUIRE_REGISTRY_H

#include <stdio.h>
#include <quire/quire-plugin.h>

typedef struct registry registry;

/* A search path: dirs (--plugin-dir, in order), then the directories of
 * QUIRE_PLUGIN_PATH (colon-separated; empty elements are ignored, never
 * read as the current directory; relative ones are refused with a
 * warning), then this quire's own (self_plugin_dirs: the installed
 * directory relative to the executable, then the build tree's for a
 * build-tree binary). A world-writable directory is refused with a
 * warning on stderr. NULL when out of memory. */
registry *registry_new(const char *const *dirs, size_t n_dirs, const char *env_path);

/* dlcloses every plugin loaded; accepts NULL. */
void registry_free(registry *r);

/* Loads quire-<name>.so from the first directory of the search path that
 * has one. On failure returns NULL and writes the reason, a full line
 * without "quire: ", into err. Loading a name twice returns the same
 * descriptor. */
const quire_plugin *registry_load(registry *r, const char *name, char *err, size_t err_size);

/* Prints one tab-separated line per plugin found (name, extension,
 * version, ABI version, path, description) to out, and a warning for each
 * file that cannot be loaded to warn. Returns the number listed. */
size_t registry_list(registry *r, FILE *out, FILE *warn);

/* The names of the plugins found, comma-separated, into buf ("" if none). */
void registry_names(registry *r, char *buf, size_t size);

#endif
