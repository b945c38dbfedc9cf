/* batch_list.c — the datasets of a run (see batch_list.h). */
#include "batch_list.h"

#include "exit_code.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int push(batch_list *l, const char *path)
{
    if (l->n == l->cap) {
        size_t n = l->cap ? l->cap * 2 : 64;
        const char **p = realloc(l->paths, n * sizeof *p);
        if (!p)
            return -1;
        l->paths = p;
        l->cap = n;
    }
    l->paths[l->n++] = path;
    return 0;
}

static char *slurp(FILE *in, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, in);
        if (ferror(in)) {
            free(buf);
            return NULL;
        }
        if (feof(in))
            break;
        if (cap - n < 2) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = b;
            cap *= 2;
        }
    }
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

int batch_list_read(batch_list *l, const char *file, FILE *in, FILE *err)
{
    size_t len;
    if (l->text) {
        fprintf(err, "quire: --datasets-from may be given once\n");
        return EXIT_USAGE;
    }
    l->text = slurp(in, &len);
    if (!l->text) {
        fprintf(err, "%s: error: cannot read the dataset list: %s\n", file, strerror(errno));
        return errno == ENOMEM ? EXIT_EXPORT : EXIT_INVALID;
    }
    if (memchr(l->text, '\0', len)) {
        size_t at = (size_t)((char *)memchr(l->text, '\0', len) - l->text), line = 1;
        for (size_t i = 0; i < at; i++)
            line += l->text[i] == '\n';
        fprintf(err, "%s:%zu: error: a NUL byte in the dataset list\n", file, line);
        return EXIT_INVALID;
    }
    char *save = NULL;
    for (char *line = strtok_r(l->text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n && push(l, line) != 0) {
            fprintf(err, "quire: out of memory\n");
            return EXIT_EXPORT;
        }
    }
    return 0;
}

int batch_list_make(const cli_options *o, batch_list *out, FILE *err)
{
    *out = (batch_list){0};
    for (size_t i = 0; i < o->n_datasets; i++) {
        if (push(out, o->datasets[i]) != 0) {
            fprintf(err, "quire: out of memory\n");
            return EXIT_EXPORT;
        }
    }
    if (o->datasets_from) {
        int is_stdin = strcmp(o->datasets_from, "-") == 0;
        FILE *in = is_stdin ? stdin : fopen(o->datasets_from, "rb");
        if (!in) {
            fprintf(err, "%s: error: cannot read the dataset list: %s\n", o->datasets_from,
                    strerror(errno));
            return EXIT_INVALID;
        }
        int code = batch_list_read(out, is_stdin ? "(standard input)" : o->datasets_from, in, err);
        if (!is_stdin)
            fclose(in);
        if (code != 0)
            return code;
    }
    out->n_listed = out->n;
    if (out->n == 0) {
        fprintf(err, "quire: %s lists no dataset\n", o->datasets_from ? o->datasets_from : "");
        return EXIT_USAGE;
    }
    if (o->sharded) {
        size_t kept = 0;
        for (size_t i = 0; i < out->n; i++)
            if (shard_has(&o->shard, out->paths[i]))
                out->paths[kept++] = out->paths[i];
        out->n = kept;
    }
    return 0;
}

void batch_list_free(batch_list *l)
{
    free(l->paths);
    free(l->text);
    *l = (batch_list){0};
}
