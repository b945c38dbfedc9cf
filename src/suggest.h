/* suggest.h — "did you mean ...?" for misspelt keys and ids. */
#ifndef QUIRE_SUGGEST_H
#define QUIRE_SUGGEST_H

#include <stddef.h>

/* The candidate nearest to word by edit distance, or NULL when none is close
 * enough to be a plausible typo. candidates is NULL-terminated. */
const char *suggest_nearest(const char *word, const char *const *candidates);

#endif
