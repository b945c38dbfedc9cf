/* bad_case.c — loads one dataset of the bad-input corpus and compares the
 * diagnostics with the expected ones, byte for byte.
 *
 * usage: bad_case NAME.yaml NAME.err   (run in tests/bad/)
 * NAME.set, when present, holds --set overrides, one KEY=VALUE a line. */
#include "dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getdelim(&buf, &cap, '\0', f);
    fclose(f);
    if (n < 0) {
        free(buf);
        return strdup("");
    }
    return buf;
}

/* Reads NAME.set beside the dataset into sets (keys and values point into
 * the returned buffer). */
static char *read_sets(const char *yaml, dataset_override *sets, size_t max, size_t *n)
{
    char path[512];
    snprintf(path, sizeof path, "%.*s.set", (int)(strlen(yaml) - 5), yaml);
    *n = 0;
    char *text = slurp(path);
    if (!text)
        return NULL;
    for (char *line = strtok(text, "\n"); line && *n < max; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        sets[*n].key = line;
        sets[(*n)++].value = eq + 1;
    }
    return text;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bad_case NAME.yaml NAME.err\n");
        return 2;
    }
    char *got = NULL;
    size_t got_len = 0;
    FILE *out = open_memstream(&got, &got_len);
    diag d;
    diag_init(&d, out);
    dataset_override sets[8];
    size_t n_sets;
    char *set_text = read_sets(argv[1], sets, 8, &n_sets);
    quire_dataset *ds = NULL;
    load_status st = dataset_load(argv[1], sets, n_sets, 0, &d, &ds);
    fclose(out);
    char *want = slurp(argv[2]);
    int ok = want && st != LOAD_OK && !ds && strcmp(got, want) == 0;
    if (!ok) {
        fprintf(stderr, "status %d\n--- expected (%s)\n%s--- got\n%s", (int)st, argv[2],
                want ? want : "(cannot read)\n", got);
    }
    dataset_free(ds);
    free(want);
    free(got);
    free(set_text);
    return ok ? 0 : 1;
}
