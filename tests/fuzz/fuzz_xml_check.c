/* fuzz_xml_check.c — libFuzzer harness for the fast well-formedness check
 * (src/xml_check.c), against libxml2. verify.c takes the check's "well-
 * formed" without asking libxml2, so a part the check takes and libxml2
 * refuses is a finding; so is a verdict that changes with where the
 * chunks of the part end (the first input byte picks the chunk size). */
#include "xml_check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "xml_reference.h"

static int chunked(const uint8_t *d, size_t n, size_t step)
{
    xml_check *x = xml_check_new();
    if (!x)
        abort();
    while (n > 0) {
        size_t room;
        unsigned char *to = xml_check_space(x, &room);
        size_t k = n < step ? n : step;
        k = k < room ? k : room;
        memcpy(to, d, k);
        xml_check_feed(x, k);
        d += k;
        n -= k;
    }
    int ok = xml_check_end(x);
    xml_check_free(x);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t step = 1 + data[0] % 16;
    data++, size--;
    int whole = xml_check_bytes(data, size);
    if (chunked(data, size, step) != whole)
        abort();   /* the verdict depends on the chunks */
    if (whole && !xml_reference_well_formed(data, size))
        abort();   /* taken here, refused by libxml2 */
    return 0;
}
