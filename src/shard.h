/* shard.h — --shard I/N and --shard N: which datasets of a list this
 * process renders.
 *
 * A dataset belongs to shard I of N when the 64-bit FNV-1a hash of its
 * path, byte for byte as given, is I modulo N: the shards of one list are
 * disjoint and cover it, whatever the list's order, and a dataset stays in
 * its shard when others are added to the list. */
#ifndef QUIRE_SHARD_H
#define QUIRE_SHARD_H

#include <stddef.h>
#include <stdint.h>

typedef struct shard {
    uint64_t index;   /* I, below count */
    uint64_t count;   /* N >= 1 */
} shard;

/* 64-bit FNV-1a of the n bytes at p. */
uint64_t shard_fnv1a(const void *p, size_t n);

/* Parses the argument of --shard: "I/N", or "N" with I taken from the
 * first of JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID and
 * AWS_BATCH_JOB_ARRAY_INDEX that env (getenv, or a test's) finds set.
 * Returns 0, or -1 with the reason in err (a usage error). */
int shard_parse(const char *arg, const char *(*env)(const char *name), shard *out,
                char *err, size_t size);

/* Whether the dataset at path belongs to shard s. */
int shard_has(const shard *s, const char *path);

#endif
