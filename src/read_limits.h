/* read_limits.h — the one set of limits on what quire reads, shared by the
 * dataset and the template readers. A real file never comes near them;
 * they exist so that a hostile one is refused quickly (exit 2) instead of
 * exhausting time or memory. */
#ifndef QUIRE_READ_LIMITS_H
#define QUIRE_READ_LIMITS_H

/* Mappings and lists inside each other. A dataset needs four, a template
 * five; libyaml's scanner slows down quadratically with depth. */
#define QUIRE_MAX_DEPTH 64

/* What aliases may produce in one file, counted as the expansion would
 * deliver it: nodes (every scalar, list and mapping start and end) and the
 * bytes of the scalars. A billion-laughs file or one big string aliased
 * thousands of times hits these before it costs time or memory. Aliases
 * repeat a value a few times; at the old 16 MiB a 20 KB file made a 15 MB
 * PDF in 9 s of CPU (found by fuzz_export). */
#define QUIRE_MAX_ALIAS_NODES 1000000
#define QUIRE_MAX_ALIAS_BYTES (1L * 1024 * 1024)

/* After this many errors a file stops being read: a million bad cells
 * would otherwise print a million lines. */
#define QUIRE_MAX_ERRORS 100

/* Templates are a few kilobytes; anything this large is not one. */
#define QUIRE_MAX_TEMPLATE_BYTES (16L * 1024 * 1024)

#endif
