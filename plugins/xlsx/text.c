/*
 * text.c — cleaning text of the control characters that XML 1.0 cannot
 * carry (UTF-8 itself is quire_common's utf8.h).
 */
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

static int is_xml_control(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

const char *xlsx_clean_text(xlsx_ctx *ctx, const char *s)
{
    size_t len = 0;
    int dirty = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p; p++, len++)
        dirty |= is_xml_control(*p);
    if (!dirty)
        return s;
    if (len + 1 > ctx->scratch_size) {
        char *grown = realloc(ctx->scratch, len + 1);
        if (!grown)
            return NULL;
        ctx->scratch = grown;
        ctx->scratch_size = len + 1;
    }
    for (size_t i = 0; i <= len; i++)
        ctx->scratch[i] = is_xml_control((unsigned char)s[i]) && s[i] ? ' ' : s[i];
    return ctx->scratch;
}
