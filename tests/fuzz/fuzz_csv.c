/* fuzz_csv.c — libFuzzer harness for the CSV reader alone, read from
 * memory: every field is NUL-terminated within the cap, positions only
 * move forward, an error has a message and a position, and the reader
 * ends (at most one field per input byte, plus the last). */
#include "csv_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* fmemopen refuses an empty buffer: give it one byte and read none */
    FILE *f = fmemopen(size ? (void *)data : (void *)"", size ? size : 1, "rb");
    if (!f)
        abort();
    if (!size)
        fgetc(f);
    csv_reader *r = malloc(sizeof *r);
    if (!r || csv_init(r, f) != 0)
        abort();
    long line = 1, col = 1;
    size_t fields = 0;
    for (;;) {
        csv_result res = csv_next_field(r);
        if (res == CSV_EOF)
            break;
        if (res == CSV_ERROR) {
            if (!r->error || !r->error[0] || r->error_line < 1 || r->error_col < 1)
                abort();
            if (r->field_len != 0)
                abort();  /* nothing of a failed field is left to quote */
            break;
        }
        if (r->field_len > CSV_MAX_FIELD || r->field[r->field_len] != '\0')
            abort();
        if (r->field_line < line || (r->field_line == line && r->field_col < col))
            abort();
        line = r->field_line;
        col = r->field_col;
        if (++fields > size + 1)
            abort();
    }
    csv_close(r);
    free(r);
    return 0;
}
