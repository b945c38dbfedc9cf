/* loader_files.c — temporary files for the loader's unit tests. */
#define _GNU_SOURCE  /* nftw */
#include "loader_files.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[256];
static char path[512];

const char *files_dir(void)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "%s/quire-loader-XXXXXX",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

const char *files_write(const char *name, const char *text, size_t len)
{
    snprintf(path, sizeof path, "%s/%s", files_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(text, 1, len ? len : strlen(text), f);
    fclose(f);
    return path;
}

static int remove_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(p);
}

void files_cleanup(void)
{
    if (dir[0])
        nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
    dir[0] = '\0';
}

load_status files_load(const char *p, const dataset_override *sets, size_t n,
                       quire_dataset **ds, char **msgs)
{
    size_t len;
    FILE *out = open_memstream(msgs, &len);
    diag d;
    diag_init(&d, out);
    load_status st = dataset_load(p, sets, n, 0, &d, ds);
    fclose(out);
    return st;
}
