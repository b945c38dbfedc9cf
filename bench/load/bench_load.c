/* bench_load.c — times dataset_load() on one file. Prints rows, seconds,
 * peak RSS, to set beside bench-floor on the same data. */
#include "dataset.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench-load DATASET.yaml\n");
        return 1;
    }
    diag d;
    diag_init(&d, stderr);
    quire_dataset *ds = NULL;
    double t0 = now();
    load_status st = dataset_load(argv[1], NULL, 0, 0, &d, &ds);
    double secs = now() - t0;
    if (st != LOAD_OK)
        return 2;
    size_t rows = 0, cells = 0;
    for (size_t i = 0; i < ds->n_tables; i++) {
        rows += ds->tables[i].n_rows;
        cells += ds->tables[i].n_rows * ds->tables[i].n_columns;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* CPU time too: the wall clock of a shared machine says little. */
    double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
                 (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    printf("load\trows=%zu\tcells=%zu\tseconds=%.3f\tcpu=%.3f\tpeak_rss_kib=%ld\n", rows, cells, secs, cpu,
           ru.ru_maxrss);
    dataset_free(ds);
    return 0;
}
