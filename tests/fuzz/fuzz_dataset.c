/* fuzz_dataset.c — libFuzzer harness for the dataset loader. The input is
 * the dataset file; when it holds the separator "\0CSV", what follows is
 * written beside it as t.csv, so `csv: t.csv` reaches the CSV path too;
 * a 1x1 PNG lies beside it as i.png for `images:`.
 * Every load must end with a view that passes fuzz_check_dataset, or with
 * errors (one well-formed line each) and no view. */
#define _GNU_SOURCE  /* memmem */
#include "fuzz_files.h"

#include "dataset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_write("i.png", fuzz_png, fuzz_png_size);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *sep = memmem(data, size, "\0CSV", 4);
    size_t yaml_len = sep ? (size_t)(sep - data) : size;
    const char *path = fuzz_write("d.yaml", data, yaml_len);
    if (sep)
        fuzz_write("t.csv", sep + 4, size - yaml_len - 4);
    else
        fuzz_remove("t.csv");
    fuzz_diag fd;
    fuzz_diag_open(&fd);
    quire_dataset *ds = NULL;
    load_status st = dataset_load(path, NULL, 0, 0, &fd.d, &ds);
    if ((st == LOAD_OK) != (ds != NULL))
        abort();
    if (st == LOAD_OK && fd.d.errors != 0)
        abort();
    if (st != LOAD_OK && fd.d.errors == 0)
        abort();  /* refused without saying why */
    if (ds)
        fuzz_check_dataset(ds);
    fuzz_diag_check(&fd);
    dataset_free(ds);
    return 0;
}
