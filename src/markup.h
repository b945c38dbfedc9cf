/* markup.h — inline markup of prose fields (SPEC: strong, emphasis, links,
 * footnote references, escapes). The rules are written down at the top of
 * markup.c. */
#ifndef QUIRE_MARKUP_H
#define QUIRE_MARKUP_H

#include "arena.h"

#include <quire/quire-plugin.h>
#include <stddef.h>

typedef struct markup_resolver {
    /* Kind of the internal target `id` ([text](#id)):
     * QUIRE_TARGET_TABLE/FIGURE/SECTION/IMAGE/FOOTNOTE/CHART, or
     * QUIRE_TARGET_NONE when no such id exists. */
    quire_target (*target)(void *ctx, const char *id);
    /* Number of footnote `id` ([^id]), assigning the next number on its
     * first reference; 0 when no footnote has that id. */
    int (*footnote)(void *ctx, const char *id);
    void *ctx;
} markup_resolver;

typedef struct markup_error {
    size_t offset;     /* byte offset in the input where the problem starts */
    char message[200]; /* e.g. "unclosed '**'", "unknown footnote 'n9'"; quoted
                        * ids are cut to fit, never in the middle of a character */
} markup_error;

/* Parses the len bytes at s (valid UTF-8, no NUL) into *out: out->plain
 * (markup removed, escapes resolved, footnote references left out),
 * out->runs / n_runs / run_size. Strings and runs are allocated in a, and
 * only when the input is valid. Returns 0, or -1 with *err filled (out of
 * memory too: message "out of memory"). r may be NULL: then every
 * internal link and footnote is unknown. Empty input gives zero runs and
 * plain "". */
int markup_parse(arena *a, const char *s, size_t len, const markup_resolver *r,
                 quire_text *out, markup_error *err);

/* *out = one run of plain text s, no markup interpretation (for fields that
 * do not take markup); "" gives zero runs like markup_parse, NULL gives
 * plain NULL and zero runs (an absent field). Returns 0, or -1 when out of
 * memory. */
int markup_plain(arena *a, const char *s, quire_text *out);

#endif
