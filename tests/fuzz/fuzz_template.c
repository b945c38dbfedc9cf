/* fuzz_template.c — libFuzzer harness for the template loader bound to a
 * dataset: the input is the template file, bound to the flagship dataset
 * (data/cloud-ai-briefing.yaml, loaded once), with a small PNG beside it
 * as logo.png. A template must parse and bind without errors, or fail with
 * errors (each a well-formed line) and no result. */
#include "fuzz_files.h"

#include "dataset.h"
#include "template.h"
#include "options.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static quire_dataset *dataset;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    diag d;
    diag_init(&d, stderr);
    const char *path = QUIRE_SOURCE_DIR "/data/cloud-ai-briefing.yaml";
    if (dataset_load(path, NULL, 0, 0, &d, &dataset) != LOAD_OK) {
        fprintf(stderr, "fuzz_template: cannot load %s\n", path);
        abort();
    }
    fuzz_write("logo.png", fuzz_png, fuzz_png_size);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("t.yaml", data, size);
    fuzz_diag fd;
    fuzz_diag_open(&fd);
    template_src *src = template_parse(path, &fd.d);
    if (!src && fd.d.errors == 0)
        abort();
    if (src) {
        quire_strings formats = template_formats(src);
        for (size_t i = 0; i < formats.count; i++)
            if (!formats.items[i])
                abort();
        static const char *const plugins[] = {"pdf", "xlsx", "csv"};
        for (size_t i = 0; i < 3; i++) {
            option_setting buf[16];
            size_t n = 0;
            const option_setting *s = template_plugin_settings(src, plugins[i], buf, &n);
            for (size_t k = 0; k < n; k++)
                if (!s[k].key || (s[k].n_values && !s[k].values))
                    abort();
        }
        int before = fd.d.errors;
        quire_template *t = template_bind(src, dataset, &fd.d);
        if (!t && fd.d.errors == before)
            abort();
        if (t && fd.d.errors != before)
            abort();
        if (t)
            for (size_t i = 0; i < t->n_blocks; i++)
                if (!quire_block_at(t, i))
                    abort();
        template_free(t);
        template_src_free(src);
    }
    fuzz_diag_check(&fd);
    return 0;
}
