/* footnote_order.h — footnotes numbered in the order the document shows
 * them (issue 19). */
#ifndef QUIRE_FOOTNOTE_ORDER_H
#define QUIRE_FOOTNOTE_ORDER_H

#include "arena.h"
#include "diag.h"

#include <quire/quire-plugin.h>

/* Renumbers the footnotes of ds in the order of their first reference as
 * the bound template q shows its blocks (each block's prose in reading
 * order), then those referenced only where q shows nothing, in their
 * earlier order; rewrites every reference run of ds and of q's charts to
 * match, and warns about a footnote that nothing references (number 0).
 * Number texts past 999 are allocated in a (the bound template's arena).
 * Returns 0, or -1 when out of memory (reported). */
int footnote_order(quire_dataset *ds, const quire_template *q, arena *a, diag *d);

/* The work done so far (texts' runs looked at, footnotes found): the
 * tests check that it grows linearly with the number of footnotes. */
unsigned long long footnote_order_steps(void);

#endif
