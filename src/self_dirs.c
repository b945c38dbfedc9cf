/* self_dirs.c — where this quire's own plugins and data are, found from
 * /proc/self/exe (see self_dirs.h for the rules). */
#define _GNU_SOURCE /* asprintf */
#include "self_dirs.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The install layout, relative to the directory of the installed binary
 * (from CMake: ../lib/quire/plugins, ../share/quire). */
#ifndef QUIRE_REL_PLUGIN_DIR
#define QUIRE_REL_PLUGIN_DIR "../lib/quire/plugins"
#endif
#ifndef QUIRE_REL_DATA_DIR
#define QUIRE_REL_DATA_DIR "../share/quire"
#endif

#define MAX_DIRS 4

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *plugin_dirs[MAX_DIRS + 1];
static const char *data_dirs[MAX_DIRS + 1];
static int build_tree;

/* dir/rel, with the trailing slash rules left to the kernel. */
static char *join(const char *dir, const char *rel, size_t rel_len)
{
    char *p = NULL;
    if (rel_len && rel[0] == '/')   /* a marker may name an absolute path */
        return strndup(rel, rel_len);
    return asprintf(&p, "%s/%.*s", dir, (int)rel_len, rel) < 0 ? NULL : p;
}

/* Appends dir (taking it), canonical when it exists: messages and
 * `quire plugins` then show /p/lib/quire/plugins, not /p/bin/../lib/... */
static void add(const char **list, char *dir)
{
    char *real = dir ? realpath(dir, NULL) : NULL;
    if (real) {
        free(dir);
        dir = real;
    }
    size_t n = 0;
    while (list[n])
        n++;
    if (dir && n < MAX_DIRS)
        list[n] = dir;
    else
        free(dir);
}

/* The marker: "plugins=REL" and "data=REL" lines, relative to its own
 * directory; '#' lines are comments. Returns 0 when there is none. */
static int read_marker(const char *bindir)
{
    char *path = join(bindir, SELF_BUILD_MARKER, strlen(SELF_BUILD_MARKER));
    FILE *f = path ? fopen(path, "r") : NULL;
    free(path);
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (strncmp(line, "plugins=", 8) == 0)
            add(plugin_dirs, join(bindir, line + 8, (size_t)len - 8));
        else if (strncmp(line, "data=", 5) == 0)
            add(data_dirs, join(bindir, line + 5, (size_t)len - 5));
    }
    free(line);
    fclose(f);
    return 1;
}

static void compute(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;   /* no /proc: only --plugin-dir, QUIRE_PLUGIN_PATH and -t work */
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = '\0';
    const char *bindir = exe[0] ? exe : "/";
    /* A build-tree binary is not installed: BIN/.. is its build tree. */
    build_tree = read_marker(bindir);
    if (build_tree)
        return;
    add(plugin_dirs, join(bindir, QUIRE_REL_PLUGIN_DIR, strlen(QUIRE_REL_PLUGIN_DIR)));
    add(data_dirs, join(bindir, QUIRE_REL_DATA_DIR, strlen(QUIRE_REL_DATA_DIR)));
}

const char *const *self_plugin_dirs(void)
{
    pthread_once(&once, compute);
    return plugin_dirs;
}

const char *const *self_data_dirs(void)
{
    pthread_once(&once, compute);
    return data_dirs;
}

