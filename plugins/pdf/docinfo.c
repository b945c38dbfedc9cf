/* docinfo.c — the document information dictionary and viewer settings.
 *
 * Dates come only from the dataset's timestamp (its `date`, else
 * SOURCE_DATE_EPOCH), never from the clock, so that two renders of one
 * input are byte-identical. */
#include "pdf.h"

#include <stdio.h>
#include <time.h>

static void set_info(pdf_ctx *ctx, HPDF_InfoType type, const char *value)
{
    if (value && *value)
        HPDF_SetInfoAttr(ctx->doc, type, value);
}

static void set_dates(pdf_ctx *ctx)
{
    if (ctx->ds->timestamp < 0)
        return;
    time_t t = (time_t)ctx->ds->timestamp;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return;
    HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   tm.tm_sec, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(ctx->doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(ctx->doc, HPDF_INFO_MOD_DATE, d);
}

void docinfo_write(pdf_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    char keywords[512];
    snprintf(keywords, sizeof keywords, "%s%s%s%s%s", ds->id ? ds->id : "",
             ds->period ? ", " : "", ds->period ? ds->period : "",
             ds->organization ? ", " : "", ds->organization ? ds->organization : "");
    set_info(ctx, HPDF_INFO_TITLE, ds->title);
    set_info(ctx, HPDF_INFO_AUTHOR, ds->author ? ds->author : ds->organization);
    set_info(ctx, HPDF_INFO_SUBJECT, ds->subtitle);
    set_info(ctx, HPDF_INFO_KEYWORDS, keywords);
    set_info(ctx, HPDF_INFO_CREATOR, "quire");
    set_dates(ctx);
    HPDF_SetPageMode(ctx->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}
