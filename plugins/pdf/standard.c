/* standard.c — the `standard` option: what it asks of the input (check())
 * and what it writes into the catalog once the pages are drawn. */
#include "standard.h"

#include "pdf.h"
#include "pdf_objects.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const quire_option *standard_option(const quire_job *job)
{
    if (job->struct_size < offsetof(quire_job, option_size) + sizeof job->option_size)
        return NULL;
    return quire_job_option(job, "standard");
}

unsigned standard_flags(const quire_job *job)
{
    const quire_option *o = standard_option(job);
    unsigned flags = 0;
    if (!o || o->type != QUIRE_OPT_LIST)
        return 0;
    for (size_t i = 0; i < o->list.count; i++) {
        const char *s = o->list.items[i];
        flags |= !strcmp(s, "ua-1") ? PDF_STD_UA1
               : !strcmp(s, "a-2b") ? PDF_STD_A2B
               : !strcmp(s, "a-3b") ? PDF_STD_A3B : 0;
    }
    return flags;
}


/* NULL, "" or only spaces: nothing a reader could be told. */
static int blank(const char *s)
{
    if (!s)
        return 1;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return *s == '\0';
}

/* An image shown under ua-1 needs a text alternative or decorative: true. */
static int check_image(const quire_job *job, const quire_image *im, const char *what)
{
    if (!im || im->decorative || !blank(im->alt))
        return 0;
    return pdf_check_report(job, &im->at,
                  "%s has no alt: text; PDF/UA-1 (standard: ua-1) needs a text alternative "
                  "for every image, or decorative: true for one that carries no information",
                  what);
}

/* PDF/UA-1 rules that depend on what the author wrote: text alternatives
 * and headings that say something. Everything else quire writes itself. */
static int check_ua(const quire_job *job)
{
    const quire_dataset *ds = job->dataset;
    const quire_template *tp = job->tmpl;
    int bad = 0;
    char what[256];
    if (blank(ds->title))
        bad += pdf_check_report(job, NULL, "the dataset's title is empty; PDF/UA-1 "
                                "(standard: ua-1) shows it as the document's title");
    for (size_t i = 0; i < tp->n_blocks; i++) {
        const quire_block *b = quire_block_at(tp, i);
        if (b->kind == QUIRE_BLOCK_IMAGE && b->image) {
            snprintf(what, sizeof what, "image '%s'", b->image->id ? b->image->id : "");
            bad += check_image(job, b->image, what);
        } else if (b->kind == QUIRE_BLOCK_HEADING && blank(b->text)) {
            bad += pdf_check_report(job, &b->at, "the heading is empty; PDF/UA-1 "
                                    "(standard: ua-1) needs headings that describe what follows");
        } else if (b->kind == QUIRE_BLOCK_SECTION && b->section && blank(b->section->heading)) {
            bad += pdf_check_report(job, &b->section->at,
                                    "section '%s' has an empty heading; PDF/UA-1 (standard: "
                                    "ua-1) needs headings that describe what follows",
                                    b->section->id);
        } else if (b->kind == QUIRE_BLOCK_CHART && b->chart.alt_given && blank(b->chart.alt)) {
            bad += pdf_check_report(job, &b->chart.at,
                                    "the chart's alt: is empty; PDF/UA-1 (standard: ua-1) needs "
                                    "a text alternative for every chart (leave alt: out to have "
                                    "one made from the data)");
        }
    }
    if (tp->logo.image && (tp->logo.on_cover || tp->logo.on_header))
        bad += check_image(job, tp->logo.image, "the logo");
    return bad;
}

int standard_check(const quire_job *job)
{
    unsigned flags = standard_flags(job);
    const quire_option *o = standard_option(job);
    int bad = 0;
    if ((flags & PDF_STD_A2B) && (flags & PDF_STD_A3B))
        bad += pdf_check_report(job, o ? &o->at : NULL,
                                "standard: a-2b and a-3b exclude each other (a file is one "
                                "part of PDF/A); choose one");
    if ((flags & PDF_STD_ANY_A) && !pdfa_icc_path())
        bad += pdf_check_report(job, o ? &o->at : NULL,
                      "PDF/A needs an sRGB ICC profile and none is installed "
                      "(/usr/share/color/icc/sRGB.icc: install icc-profiles-free or colord-data)");
    if (flags & PDF_STD_UA1)
        bad += check_ua(job);
    return bad;
}

void standard_pdf_date(int64_t t, char *buf, size_t size)
{
    struct tm tm;
    time_t tt = (time_t)t;
    if (t < 0 || !gmtime_r(&tt, &tm) || !strftime(buf, size, "D:%Y%m%d%H%M%SZ", &tm))
        snprintf(buf, size, "%s", "");
}

void standard_xmp_date(int64_t t, char *buf, size_t size)
{
    struct tm tm;
    time_t tt = (time_t)t;
    if (t < 0 || !gmtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, size, "%s", "");
}

/* /Lang and /ViewerPreferences << /DisplayDocTitle true >>: every brief. */
static int catalog_entries(pdf_ctx *ctx)
{
    HPDF_Doc doc = ctx->doc;
    HPDF_Dict cat = pdfo_catalog(doc);
    const char *lang = ctx->ds->language && *ctx->ds->language ? ctx->ds->language : "en";
    HPDF_STATUS ret = pdfo_add_string(doc, cat, "Lang", lang, NULL);
    HPDF_Dict prefs = pdfo_get_dict(cat, "ViewerPreferences");
    if (!prefs) {
        prefs = pdfo_dict(doc);
        ret |= pdfo_add(cat, "ViewerPreferences", prefs);
    }
    if (prefs)
        ret |= pdfo_add_bool(prefs, "DisplayDocTitle", 1);
    return ret == HPDF_OK ? 0 : -1;
}

/* Every annotation printable (/F 4): PDF/A asks it, and a printed brief
 * should look like the screen. */
static int annotations_printable(pdf_ctx *ctx)
{
    HPDF_STATUS ret = HPDF_OK;
    for (int i = 0; i < ctx->pages; i++) {
        HPDF_Array annots = pdfo_get_array(ctx->pages_made[i], "Annots");
        for (size_t j = 0; j < pdfo_count(annots); j++) {
            HPDF_Dict a = pdfo_item_dict(annots, j);
            if (a && !pdfo_has_number(a, "F"))
                ret |= pdfo_add_int(a, "F", 4);
        }
    }
    return ret == HPDF_OK ? 0 : -1;
}

int standard_finish(pdf_ctx *ctx)
{
    unsigned flags = standard_flags(ctx->job);
    /* the header's PDF 1.7 is set at the save (fileid.c) */
    if (catalog_entries(ctx) || annotations_printable(ctx) || xmp_write(ctx, flags) ||
        ((flags & PDF_STD_ANY_A) && pdfa_output_intent(ctx)) ||
        ((flags & PDF_STD_A3B) && attach_sources(ctx))) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write the document catalog (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(ctx->doc));
        return -1;
    }
    return 0;
}
