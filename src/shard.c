/* shard.c — --shard I/N and --shard N (see shard.h). */
#include "shard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The variables array jobs number their tasks in, in the order looked at. */
static const char *const index_vars[] = {"JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID",
                                         "AWS_BATCH_JOB_ARRAY_INDEX"};

uint64_t shard_fnv1a(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 0xcbf29ce484222325u;   /* the FNV-1a 64-bit offset basis */
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3u;            /* the 64-bit FNV prime */
    }
    return h;
}

/* A decimal number, digits only (no sign, no space), that fits. */
static int parse_number(const char *s, size_t len, uint64_t *out)
{
    if (len == 0 || len > 19)
        return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return 0;
}

static const char *index_from_env(const char *(*env)(const char *), const char **var)
{
    for (size_t i = 0; i < sizeof index_vars / sizeof index_vars[0]; i++) {
        const char *v = env(index_vars[i]);
        if (v) {
            *var = index_vars[i];
            return v;
        }
    }
    return NULL;
}

int shard_parse(const char *arg, const char *(*env)(const char *name), shard *out,
                char *err, size_t size)
{
    const char *slash = strchr(arg, '/');
    const char *count = slash ? slash + 1 : arg;
    if (parse_number(count, strlen(count), &out->count) != 0 || out->count == 0) {
        snprintf(err, size, "--shard expects I/N or N with N a number from 1, got '%s'", arg);
        return -1;
    }
    if (slash) {
        if (parse_number(arg, (size_t)(slash - arg), &out->index) != 0) {
            snprintf(err, size, "--shard expects I/N with I a number from 0, got '%s'", arg);
            return -1;
        }
    } else {
        const char *var = NULL, *v = index_from_env(env, &var);
        if (!v) {
            snprintf(err, size, "--shard %s takes the shard's index from JOB_COMPLETION_INDEX, "
                                "SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX, and none is "
                                "set (or give --shard I/N)", arg);
            return -1;
        }
        if (parse_number(v, strlen(v), &out->index) != 0) {
            snprintf(err, size, "--shard %s: %s is '%s', not a number from 0", arg, var, v);
            return -1;
        }
        if (out->index >= out->count) {
            snprintf(err, size, "--shard %s: %s is %s, not below %s (number array tasks "
                                "from 0, e.g. sbatch --array=0-%llu)", arg, var, v, count,
                     (unsigned long long)out->count - 1);
            return -1;
        }
        return 0;
    }
    if (out->index >= out->count) {
        snprintf(err, size, "--shard %s: the index must be below %llu", arg,
                 (unsigned long long)out->count);
        return -1;
    }
    return 0;
}

int shard_has(const shard *s, const char *path)
{
    return shard_fnv1a(path, strlen(path)) % s->count == s->index;
}
