/* expand.h — {placeholders} of template headers and footers. */
#ifndef QUIRE_EXPAND_H
#define QUIRE_EXPAND_H

#include <quire/quire-plugin.h>

/* Expands {title}, {subtitle}, {period}, {date}, {author}, {organization},
 * {id}, {language}, {page}, {pages} and every params key of ds in pattern.
 * A known name whose value is absent expands to nothing; an unknown name,
 * or {page}/{pages} when page/pages < 0, stays as written. Writes at most
 * size bytes (NUL-terminated when size > 0) into out and returns the
 * length the whole result needs, like snprintf. */
size_t expand_placeholders(const quire_dataset *ds, const char *pattern, int page,
                           int pages, char *out, size_t size);

#endif
