/* pdf_tail.h — objects of quire's own written after the ones libharu
 * saved, in the same file and the same revision.
 *
 * libharu keeps every object it makes in memory until the file is saved:
 * a 100,000-row table's structure tree (seven elements a row) cost it
 * about 10 KB a row. The structure tree is written here instead, straight
 * to the file from quire's own compact records: libharu saves its objects
 * (1 to base - 1), then pdf_tail takes its cross-reference table and
 * trailer off the end, quire writes objects base, base + 1, ... and
 * pdf_tail writes one cross-reference table for them all and the trailer
 * with /Size grown. The file stays one revision (no incremental update),
 * and libharu's objects may refer to quire's by number (the structure tree
 * root's /K). No libharu call here: these are plain file bytes. */
#ifndef QUIRE_PDF_TAIL_H
#define QUIRE_PDF_TAIL_H

#include <stddef.h>
#include <stdio.h>

typedef struct pdf_tail pdf_tail;

/* Opens the saved file at path, whose objects must be numbered 1 to
 * base - 1 (libharu's single cross-reference section); NULL (why says
 * why) when it is not such a file or memory runs out. */
pdf_tail *tail_open(const char *path, size_t base, char *why, size_t why_size);
/* Sets the header's version to 1.minor: libharu writes the header from
 * a field of its own that no call sets to 1.7 (2.3.0 reaches 1.6). The
 * header "%PDF-1.x" keeps its 8 bytes, so no offset moves. -1 when the
 * file does not start so. */
int tail_version(pdf_tail *t, int minor);
/* Starts object number num, which must be the next one (base, base + 1,
 * ...): writes "num 0 obj" and returns the file to write its body to,
 * which tail_end_object() ends. NULL on failure. */
FILE *tail_object(pdf_tail *t, size_t num);
void tail_end_object(pdf_tail *t);
/* Writes the cross-reference table and the trailer and closes the file;
 * frees t. -1 when anything failed (the file is then not a PDF). */
int tail_close(pdf_tail *t);

#endif
