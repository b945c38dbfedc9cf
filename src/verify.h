/* verify.h — checking that a file a plugin reported as written is whole,
 * before it replaces an older one.
 *
 * Plugins write through libraries that do not all check their writes (a
 * full disk or a file size limit can cut a workbook's sheet short while
 * the library reports success), so the host checks what the format lets
 * it check cheaply: a ZIP container (.xlsx and its kin) must be complete
 * and consistent, and its XML parts must inflate to their CRC, end with
 * their root element and be well-formed XML (xml_check.c, else libxml2);
 * a PDF must end with startxref and %%EOF. */
#ifndef QUIRE_VERIFY_H
#define QUIRE_VERIFY_H

#include <stddef.h>

/* Checks the file name of directory dirfd, by its extension (other
 * extensions pass unchecked). Returns 0, or -1 with the reason in why
 * ("the ZIP has no end-of-central-directory record"). */
int verify_output(int dirfd, const char *name, char *why, size_t size);

/* The same on a file's bytes; ext without the dot ("xlsx"). */
int verify_bytes(const char *ext, const unsigned char *data, size_t len, char *why,
                 size_t size);

#endif
