/* font_cff.h — the little of a CFF table the PDF needs: whether it is
 * CID-keyed, and its charset (the CID of every glyph). */
#ifndef QUIRE_COMMON_FONT_CFF_H
#define QUIRE_COMMON_FONT_CFF_H

#include <stddef.h>
#include <stdint.h>

/* For a CID-keyed CFF table, a malloc'd array of *n CIDs, one per glyph.
 * NULL when the table is name-keyed, malformed or memory ran out. */
uint16_t *font_cff_cids(const unsigned char *cff, size_t len, unsigned *n);

#endif
