/* Test plugin "swap": in check() — after quire has read and checked the
 * inputs, before any export — replaces the dataset, every csv: file and
 * every image with a symlink to the file named by TP_SWAP_TARGET (one
 * outside the folder, as another user sharing it would). An export that
 * opened an input again by name would then read that file instead. Its
 * own export writes an empty file. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int swap(const char *path)
{
    const char *target = getenv("TP_SWAP_TARGET");
    char kept[4096];
    if (!path || !target || snprintf(kept, sizeof kept, "%s.orig", path) >= (int)sizeof kept)
        return -1;
    return rename(path, kept) == 0 && symlink(target, path) == 0 ? 0 : -1;
}

static quire_status check(const quire_job *job, char *err, size_t size)
{
    const quire_dataset *ds = job->dataset;
    int bad = swap(ds->path);
    for (size_t i = 0; i < ds->n_tables; i++)
        if (quire_table_at(ds, i)->csv_path)
            bad |= swap(quire_table_at(ds, i)->csv_path);
    for (size_t i = 0; i < ds->n_images; i++)
        bad |= swap(quire_image_at(ds, i)->path);
    if (bad) {
        snprintf(err, size, "could not swap the inputs");
        return QUIRE_ERR_EXPORT;
    }
    return QUIRE_OK;
}

static quire_status export_empty(const quire_job *job, char *err, size_t size)
{
    FILE *f = fopen(job->output_path, "w");
    (void)err, (void)size;
    return f && fclose(f) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE2("swap", "swap", "0.0.1", "swaps its inputs for symlinks in check()",
                     export_empty, check, NULL, 0)
