/* docinfo.c — the document information dictionary and viewer settings.
 *
 * Dates come only from the dataset's timestamp (its `date`, else
 * SOURCE_DATE_EPOCH), never from the clock, so that two renders of one
 * input are byte-identical. */
#include "pdf.h"

#include <stdio.h>
#include <time.h>

static const char *const info_keys[] = {
    [HPDF_INFO_TITLE] = "Title", [HPDF_INFO_AUTHOR] = "Author",
    [HPDF_INFO_SUBJECT] = "Subject", [HPDF_INFO_KEYWORDS] = "Keywords",
    [HPDF_INFO_CREATOR] = "Creator",
};

const char *docinfo_value(const pdf_ctx *ctx, HPDF_InfoType type, char *buf, size_t size)
{
    const quire_dataset *ds = ctx->ds;
    const char *author = ds->author && *ds->author ? ds->author : ds->organization;
    switch (type) {
    case HPDF_INFO_TITLE: return ds->title && *ds->title ? ds->title : NULL;
    case HPDF_INFO_AUTHOR: return author && *author ? author : NULL;
    case HPDF_INFO_SUBJECT: return ds->subtitle && *ds->subtitle ? ds->subtitle : NULL;
    case HPDF_INFO_CREATOR: return "quire";
    case HPDF_INFO_KEYWORDS:
        snprintf(buf, size, "%s%s%s%s%s", ds->id ? ds->id : "", ds->period ? ", " : "",
                 ds->period ? ds->period : "", ds->organization ? ", " : "",
                 ds->organization ? ds->organization : "");
        return buf;
    default: return NULL;
    }
}

/* Written as UTF-16 text strings of our own: every character, beyond the
 * BMP too, as the XMP packet (xmp.c, from docinfo_value) has it. */
static void set_info(pdf_ctx *ctx, HPDF_Dict info, HPDF_InfoType type)
{
    char buf[512];
    const char *value = docinfo_value(ctx, type, buf, sizeof buf);
    if (info && value && *value && embed_text_string(ctx->doc, info, info_keys[type], value))
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
}

static void set_dates(pdf_ctx *ctx)
{
    if (ctx->ds->timestamp < 0)
        return;
    time_t t = (time_t)ctx->ds->timestamp;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return;
    /* '+' with no offset: libharu writes 'Z' as Z00'00', which readers
     * (PDFBox) do not match against the XMP date; +00'00' they do */
    HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   tm.tm_sec, '+', 0, 0};
    HPDF_SetInfoDateAttr(ctx->doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(ctx->doc, HPDF_INFO_MOD_DATE, d);
}

void docinfo_write(pdf_ctx *ctx)
{
    HPDF_Dict info = embed_info_dict(ctx->doc);
    const HPDF_InfoType types[] = {HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT,
                                   HPDF_INFO_KEYWORDS, HPDF_INFO_CREATOR};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        set_info(ctx, info, types[i]);
    set_dates(ctx);
    HPDF_SetPageMode(ctx->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}
