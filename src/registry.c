/* registry.c — finding exporter plugins and loading them with dlopen.
 *
 * A plugin is checked before anything of it runs but its entry function:
 * the exact ABI version (a plugin built against another layout of the
 * structs would read garbage) and a descriptor at least as large as ours.
 *
 * A directory is searched only if nobody but its owner (and group) can
 * add files to it: a world-writable plugin directory would let any local
 * user run code as whoever runs quire. */
#define _GNU_SOURCE /* asprintf */
#include "registry.h"

#include "self_dirs.h"
#include "suggest.h"

#include <dirent.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PREFIX "quire-"
#define SUFFIX ".so"

typedef struct loaded {
    char *name;
    char *path;
    void *handle;
    const quire_plugin *desc;
} loaded;

struct registry {
    char **dirs;
    size_t n_dirs;
    loaded *plugins;
    size_t n_plugins, cap_plugins;
};

/* 1 when others may write into dir (an existing directory). */
static int world_writable(const char *dir)
{
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_IWOTH);
}

static int dirs_add(registry *r, const char *dir, size_t len)
{
    if (len == 0)
        return 0;   /* "a::b" and a trailing ':' never mean "." */
    /* --plugin-dir . : listed and loaded by its absolute path, which
     * `quire plugins` prints and a later cd does not change */
    char *copy = strndup(dir, len);
    if (!copy)
        return -1;
    if (copy[0] != '/') {
        char *abs = realpath(copy, NULL);   /* NULL: not there, listed as given */
        if (abs) {
            free(copy);
            copy = abs;
        }
    }
    if (world_writable(copy)) {
        fprintf(stderr, "quire: warning: plugin directory %s is writable by every user: "
                "not searched\n", copy);
        free(copy);
        return 0;
    }
    char **d = realloc(r->dirs, (r->n_dirs + 1) * sizeof *d);
    if (!d)
        return -1;
    r->dirs = d;
    d[r->n_dirs++] = copy;
    return 0;
}

/* The directories of QUIRE_PLUGIN_PATH; a relative one would depend on
 * the current directory, which is never searched implicitly. */
static int env_add(registry *r, const char *env_path)
{
    for (const char *p = env_path; p && *p;) {
        size_t len = strcspn(p, ":");
        if (len > 0 && p[0] != '/')
            fprintf(stderr, "quire: warning: QUIRE_PLUGIN_PATH entry '%.*s' is not an "
                    "absolute path: not searched\n", (int)len, p);
        else if (dirs_add(r, p, len) != 0)
            return -1;
        p += len + (p[len] == ':');
    }
    return 0;
}

registry *registry_new(const char *const *dirs, size_t n_dirs, const char *env_path)
{
    registry *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n_dirs; i++)
        if (dirs_add(r, dirs[i], strlen(dirs[i])) != 0)
            goto fail;
    if (env_add(r, env_path) != 0)
        goto fail;
    for (const char *const *own = self_plugin_dirs(); *own; own++)
        if (dirs_add(r, *own, strlen(*own)) != 0)
            goto fail;
    return r;
fail:
    registry_free(r);
    return NULL;
}

void registry_free(registry *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_plugins; i++) {
        if (r->plugins[i].handle)
            dlclose(r->plugins[i].handle);
        free(r->plugins[i].name);
        free(r->plugins[i].path);
    }
    free(r->plugins);
    for (size_t i = 0; i < r->n_dirs; i++)
        free(r->dirs[i]);
    free(r->dirs);
    free(r);
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Checks the descriptor of an opened plugin; 0, or -1 with a reason. */
static int check_descriptor(const quire_plugin *d, const char *name, const char *path,
                            char *err, size_t size)
{
    if (!d) {
        snprintf(err, size, "plugin %s: its entry function returned no descriptor", path);
        return -1;
    }
    if (d->abi_version != QUIRE_ABI_VERSION) {
        snprintf(err, size, "plugin %s: ABI version %u, this quire needs %u", path,
                 d->abi_version, (unsigned)QUIRE_ABI_VERSION);
        return -1;
    }
    if (d->struct_size < sizeof(quire_plugin)) {
        snprintf(err, size, "plugin %s: descriptor of %zu bytes, this quire needs %zu",
                 path, d->struct_size, sizeof(quire_plugin));
        return -1;
    }
    if (!d->name || !d->extension || !d->export_fn) {
        snprintf(err, size, "plugin %s: descriptor lacks a name, an extension or an export function",
                 path);
        return -1;
    }
    if (!d->extension[0] || strchr(d->extension, '/')) {
        snprintf(err, size, "plugin %s: invalid file extension '%s'", path, d->extension);
        return -1;
    }
    if (strcmp(d->name, name) != 0) {
        snprintf(err, size, "plugin %s: calls itself '%s', not '%s'", path, d->name, name);
        return -1;
    }
    return 0;
}

/* dlopens path and checks it; stores handle and descriptor. */
static int open_plugin(const char *path, const char *name, void **handle,
                       const quire_plugin **desc, char *err, size_t size)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, size, "plugin %s: cannot be loaded: %s", path, dlerror());
        return -1;
    }
    const quire_plugin *(*entry)(void);
    *(void **)&entry = dlsym(h, QUIRE_PLUGIN_ENTRY_NAME);
    if (!entry) {
        snprintf(err, size, "plugin %s: no symbol %s (not a quire plugin?)", path,
                 QUIRE_PLUGIN_ENTRY_NAME);
        dlclose(h);
        return -1;
    }
    const quire_plugin *d = entry();
    if (check_descriptor(d, name, path, err, size) != 0) {
        dlclose(h);
        return -1;
    }
    *handle = h;
    *desc = d;
    return 0;
}

static loaded *remember(registry *r, const char *name, const char *path)
{
    if (r->n_plugins == r->cap_plugins) {
        size_t cap = r->cap_plugins ? r->cap_plugins * 2 : 8;
        loaded *p = realloc(r->plugins, cap * sizeof *p);
        if (!p)
            return NULL;
        r->plugins = p;
        r->cap_plugins = cap;
    }
    loaded *l = &r->plugins[r->n_plugins];
    *l = (loaded){strdup(name), strdup(path), NULL, NULL};
    if (!l->name || !l->path) {
        free(l->name);
        free(l->path);
        return NULL;
    }
    r->n_plugins++;
    return l;
}

static loaded *find_loaded(registry *r, const char *name)
{
    for (size_t i = 0; i < r->n_plugins; i++)
        if (strcmp(r->plugins[i].name, name) == 0)
            return &r->plugins[i];
    return NULL;
}

/* A name is looked up as a file name: it must not reach into another
 * directory. */
static int name_is_safe(const char *name)
{
    return name[0] && !strchr(name, '/') && strcmp(name, ".") && strcmp(name, "..");
}

const quire_plugin *registry_load(registry *r, const char *name, char *err, size_t size)
{
    loaded *l = find_loaded(r, name);
    if (l && l->desc)
        return l->desc;
    for (size_t i = 0; name_is_safe(name) && i < r->n_dirs; i++) {
        char *path = NULL;
        if (asprintf(&path, "%s/" PREFIX "%s" SUFFIX, r->dirs[i], name) < 0)
            break;
        if (!is_file(path)) {
            free(path);
            continue;
        }
        void *h = NULL;
        const quire_plugin *d = NULL;
        int rc = open_plugin(path, name, &h, &d, err, size);
        if (rc == 0 && !(l = remember(r, name, path))) {
            snprintf(err, size, "out of memory");
            dlclose(h);
            rc = -1;
        }
        free(path);
        if (rc != 0)
            return NULL;   /* the first match wins, even a broken one */
        l->handle = h;
        l->desc = d;
        return d;
    }
    char names[512], split[512];
    registry_names(r, names, sizeof names);
    /* the names found, as a list for the did-you-mean (-f pfd) */
    const char *list[64];
    size_t n = 0;
    memcpy(split, names, sizeof split);
    for (char *save = NULL, *t = strtok_r(split, ", ", &save); t && n < 63;
         t = strtok_r(NULL, ", ", &save))
        list[n++] = t;
    list[n] = NULL;
    const char *near = suggest_nearest(name, list);
    snprintf(err, size, "no plugin for format '%s'%s%s%s (no quire-%s.so in the plugin path); "
             "found: %s", name, near ? " (did you mean '" : "", near ? near : "",
             near ? "'?)" : "", name, names[0] ? names : "none");
    return NULL;
}

static int plugin_file(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return n > strlen(PREFIX) + strlen(SUFFIX) &&
           strncmp(e->d_name, PREFIX, strlen(PREFIX)) == 0 &&
           strcmp(e->d_name + n - strlen(SUFFIX), SUFFIX) == 0;
}

/* A list of names already met, so that a later directory cannot shadow. */
typedef struct name_set {
    char **items;
    size_t count;
} name_set;

/* Takes ownership of name; returns 0 when it is new, -1 when seen (or out
 * of memory), freeing it then. */
static int name_set_add(name_set *s, char *name)
{
    for (size_t i = 0; name && i < s->count; i++)
        if (strcmp(s->items[i], name) == 0)
            goto fail;
    char **items = name ? realloc(s->items, (s->count + 1) * sizeof *items) : NULL;
    if (!items)
        goto fail;
    s->items = items;
    s->items[s->count++] = name;
    return 0;
fail:
    free(name);
    return -1;
}

static void name_set_free(name_set *s)
{
    for (size_t i = 0; i < s->count; i++)
        free(s->items[i]);
    free(s->items);
}

/* Calls fn for each plugin file of the search path whose name was not met
 * in an earlier directory: the ones render would use. */
static void each_file(registry *r,
                      void (*fn)(registry *, const char *name, const char *path, void *),
                      void *arg)
{
    name_set seen = {0};
    for (size_t i = 0; i < r->n_dirs; i++) {
        struct dirent **list;
        int n = scandir(r->dirs[i], &list, plugin_file, alphasort);
        for (int k = 0; k < n; k++) {
            const char *file = list[k]->d_name;
            char *name = strndup(file + strlen(PREFIX),
                                 strlen(file) - strlen(PREFIX) - strlen(SUFFIX));
            char *path = NULL;
            if (name_set_add(&seen, name) == 0 &&
                asprintf(&path, "%s/%s", r->dirs[i], file) >= 0) {
                if (is_file(path))
                    fn(r, name, path, arg);
                free(path);
            }
            free(list[k]);
        }
        if (n >= 0)
            free(list);
    }
    name_set_free(&seen);
}

typedef struct list_ctx {
    FILE *out, *warn;
    size_t count;
} list_ctx;

static void list_one(registry *r, const char *name, const char *path, void *arg)
{
    list_ctx *c = arg;
    char err[1024];
    const quire_plugin *d = registry_load(r, name, err, sizeof err);
    if (!d) {
        fprintf(c->warn, "quire: warning: %s\n", err);
        return;
    }
    loaded *l = find_loaded(r, name);
    fprintf(c->out, "%s\t%s\t%s\t%u\t%s\t%s\n", d->name, d->extension,
            d->version ? d->version : "", d->abi_version, l->path,
            d->description ? d->description : "");
    c->count++;
}

size_t registry_list(registry *r, FILE *out, FILE *warn)
{
    list_ctx c = {out, warn, 0};
    each_file(r, list_one, &c);
    return c.count;
}

typedef struct names_ctx {
    char *buf;
    size_t size, len;
} names_ctx;

static void name_one(registry *r, const char *name, const char *path, void *arg)
{
    names_ctx *c = arg;
    if (c->len >= c->size)
        return;
    int n = snprintf(c->buf + c->len, c->size - c->len, "%s%s", c->len ? ", " : "", name);
    if (n > 0)
        c->len += (size_t)n;
}

void registry_names(registry *r, char *buf, size_t size)
{
    names_ctx c = {buf, size, 0};
    if (size > 0)
        buf[0] = '\0';
    each_file(r, name_one, &c);
}
