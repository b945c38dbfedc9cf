/* fuzz_export.c — libFuzzer harness for the exporters, in process: the
 * PDF plugin (quire_pdf_core) and the XLSX plugin (quire_xlsx) check and
 * export a fuzzed dataset bound to the default template.
 *
 * The input is the dataset file; after a "\0CSV" separator comes t.csv
 * (for `csv: t.csv`), after "\0PNG" i.png (for `images:` with `file:
 * i.png`; without one, a valid 1x1 PNG lies there). The contract of
 * issue 20: every refusal an exporter makes is made in check(), with a
 * message; so when the loader and check() accept a dataset, export() must
 * succeed, and the file it wrote must pass the host's pre-rename check
 * (verify.c: a whole PDF, a whole ZIP whose XML parts parse). Odd-sized
 * inputs render the PDF under ua-1 and a-3b, even ones without a standard. */
#define _GNU_SOURCE  /* memmem */
#include "fuzz_files.h"

#include "dataset.h"
#include "host.h"
#include "output.h"
#include "template.h"
#include "verify.h"

#include "pdf.h"
#include "xlsx.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static template_src *default_template;
static int outdir_fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* the template lies beside the dataset, so that every message of a
     * run names a file of the harness's folder */
    FILE *f = fopen(QUIRE_SOURCE_DIR "/templates/default.yaml", "rb");
    static char text[1 << 16];
    size_t n = f ? fread(text, 1, sizeof text, f) : 0;
    if (!f || n == sizeof text)
        abort();
    fclose(f);
    diag d;
    diag_init(&d, stderr);
    default_template = template_parse(fuzz_write("t.yaml", text, n), &d);
    if (!default_template)
        abort();
    outdir_fd = open(fuzz_dir(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (outdir_fd < 0)
        abort();
    return 0;
}

typedef struct exporter {
    const char *name, *file;
    quire_status (*check)(const quire_job *, char *, size_t);
    quire_status (*export)(const quire_job *, char *, size_t);
} exporter;

static quire_status xlsx_export_default(const quire_job *job, char *err, size_t size)
{
    xlsx_options opt = xlsx_options_default();
    return xlsx_export_opt(job, &opt, err, size);
}

static const exporter exporters[] = {
    {"pdf", "x.pdf", pdf_check, pdf_export},
    {"xlsx", "x.xlsx", xlsx_check, xlsx_export_default},
};

static void run(const exporter *e, const quire_dataset *ds, const quire_template *t,
                const quire_option *opts, size_t n_opts)
{
    fuzz_diag fd;
    fuzz_diag_open(&fd);
    host_job hj = {0};
    host_job_init_check(&hj, ds, t, e->name, &fd.d);
    hj.pub.options = opts;
    hj.pub.n_options = n_opts;
    hj.pub.option_size = sizeof(quire_option);
    char err[1024] = "";
    quire_status st = e->check(&hj.pub, err, sizeof err);
    int refused = st != QUIRE_OK || hj.reported_errors;
    if (st != QUIRE_OK && !err[0] && !hj.reported_errors)
        abort();   /* refused without saying why */
    host_job_free(&hj);
    fuzz_diag_check(&fd);
    if (refused)
        return;

    output_set set;
    if (output_set_init(&set, fuzz_dir(), outdir_fd) != 0 || !output_add(&set, e->file))
        abort();
    hj = (host_job){0};
    host_job_init(&hj, ds, t, &set, e->name);
    hj.quiet = 1;
    hj.pub.options = opts;
    hj.pub.n_options = n_opts;
    hj.pub.option_size = sizeof(quire_option);
    err[0] = '\0';
    st = e->export(&hj.pub, err, sizeof err);
    if (st != QUIRE_OK) {
        fprintf(stderr, "fuzz_export: %s: check() passed, export failed: %s\n", e->name, err);
        abort();
    }
    char why[256];
    if (verify_output(set.private_fd, e->file, why, sizeof why) != 0) {
        fprintf(stderr, "fuzz_export: %s: the output fails the check: %s\n", e->name, why);
        abort();
    }
    host_job_free(&hj);
    output_set_free(&set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *png = memmem(data, size, "\0PNG", 4);
    size_t head = png ? (size_t)(png - data) : size;
    const uint8_t *csv = memmem(data, head, "\0CSV", 4);
    size_t yaml_len = csv ? (size_t)(csv - data) : head;
    const char *path = fuzz_write("d.yaml", data, yaml_len);
    if (csv)
        fuzz_write("t.csv", csv + 4, head - yaml_len - 4);
    else
        fuzz_remove("t.csv");
    if (png)
        fuzz_write("i.png", png + 4, size - head - 4);
    else
        fuzz_write("i.png", fuzz_png, fuzz_png_size);

    fuzz_diag fd;
    fuzz_diag_open(&fd);
    quire_dataset *ds = NULL;
    quire_template *t = NULL;
    if (dataset_load(path, NULL, 0, 0, &fd.d, &ds) == LOAD_OK)
        t = template_bind(default_template, ds, &fd.d);
    fuzz_diag_check(&fd);
    if (t) {
        static const char *const standards[] = {"ua-1", "a-3b"};
        quire_option standard = {
            .name = "standard",
            .type = QUIRE_OPT_LIST,
            .list = {.items = standards, .count = 2},
        };
        for (size_t i = 0; i < sizeof exporters / sizeof exporters[0]; i++)
            run(&exporters[i], ds, t, &standard, i == 0 && size % 2 ? 1 : 0);
    }
    template_free(t);
    dataset_free(ds);
    return 0;
}
