/* language.h — the dataset's language: which language quire's own words
 * come in (the one rule of quire-plugin.h, decided once here), and a
 * warning for a primary subtag that is no language quire knows. */
#ifndef QUIRE_LANGUAGE_H
#define QUIRE_LANGUAGE_H

#include "diag.h"

/* "ko" or "en": the language of quire's own words for the BCP 47 tag. */
const char *language_words(const char *bcp47);

/* Warns at file:line:col when tag's primary subtag is no ISO 639 language
 * (or is a country code or a language's name written for one), with a
 * did-you-mean when there is a likely one: kr → ko, english → en. */
void language_check(diag *d, const char *file, long line, long col, const char *tag);

#endif
