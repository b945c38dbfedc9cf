/* sandbox.c — snapshots of directory trees, to see what a plugin wrote
 * where it should not have. */
#define _GNU_SOURCE /* asprintf */
#include "sandbox.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* nftw has no user pointer: one walk at a time. */
static FILE *walk_out;
static size_t walk_root_len;

static int walk_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
    if (f->level == 0)
        return 0;
    fprintf(walk_out, "%s %c %lld %lld.%09ld\n", path + walk_root_len + 1,
            type == FTW_D || type == FTW_DP ? 'd' : S_ISLNK(st->st_mode) ? 'l' : 'f',
            (long long)st->st_size, (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
    return 0;
}

static int cmp_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Splits text into lines (in place), sorted. */
static char **lines_of(char *text, size_t *n)
{
    size_t cap = 16, count = 0;
    char **v = malloc(cap * sizeof *v);
    for (char *save = NULL, *l = strtok_r(text, "\n", &save); v && l;
         l = strtok_r(NULL, "\n", &save)) {
        if (count == cap) {
            char **w = realloc(v, (cap *= 2) * sizeof *v);
            if (!w) {
                free(v);
                return NULL;
            }
            v = w;
        }
        v[count++] = l;
    }
    if (v)
        qsort(v, count, sizeof *v, cmp_lines);
    *n = count;
    return v;
}

char *sandbox_snapshot(const char *dir)
{
    char *buf = NULL;
    size_t size = 0;
    walk_out = open_memstream(&buf, &size);
    if (!walk_out)
        return NULL;
    walk_root_len = strlen(dir);
    int rc = nftw(dir, walk_one, 16, FTW_PHYS);
    if (fclose(walk_out) != 0 || rc != 0) {
        free(buf);
        return NULL;
    }
    size_t n;
    char **lines = lines_of(buf, &n);
    char *sorted = NULL;
    size = 0;
    FILE *f = lines ? open_memstream(&sorted, &size) : NULL;
    for (size_t i = 0; f && i < n; i++)
        fprintf(f, "%s\n", lines[i]);
    if (f && fclose(f) != 0) {
        free(sorted);
        sorted = NULL;
    }
    free(lines);
    free(buf);
    return sorted;
}

static int contains(char **v, size_t n, const char *s)
{
    return bsearch(&s, v, n, sizeof *v, cmp_lines) != NULL;
}

char *sandbox_diff(const char *before, const char *after)
{
    char *a = strdup(before), *b = strdup(after), *out = NULL;
    size_t na = 0, nb = 0, size = 0;
    char **la = a ? lines_of(a, &na) : NULL, **lb = b ? lines_of(b, &nb) : NULL;
    FILE *f = la && lb ? open_memstream(&out, &size) : NULL;
    for (size_t i = 0; f && i < nb; i++)
        if (!contains(la, na, lb[i]))
            fprintf(f, "+ %s\n", lb[i]);
    for (size_t i = 0; f && i < na; i++)
        if (!contains(lb, nb, la[i]))
            fprintf(f, "- %s\n", la[i]);
    if (f && fclose(f) != 0) {
        free(out);
        out = NULL;
    }
    free(la);
    free(lb);
    free(a);
    free(b);
    return out;
}

char *sandbox_subdir(const char *parent, const char *name)
{
    char *p = NULL;
    if (asprintf(&p, "%s/%s", parent, name) < 0)
        return NULL;
    if (mkdir(p, 0700) != 0) {
        free(p);
        return NULL;
    }
    return p;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *f)
{
    return remove(path) == 0 ? 0 : 0;   /* best effort: go on */
}

void sandbox_remove(const char *dir)
{
    if (dir)
        nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int sandbox_same_file(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb;
    while (same) {
        int ca = getc(fa), cb = getc(fb);
        same = ca == cb;
        if (ca == EOF || cb == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}
