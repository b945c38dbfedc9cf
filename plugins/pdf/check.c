/* check.c — what `validate` and `render` ask before anything is written:
 * the template's fonts resolve to faces we can embed, every character of
 * the text is in some installed font (check_glyphs.c), and every image
 * (the dataset's and the logo) decodes as the export will. */
#include "pdf.h"
#include "standard.h"

#include "check_report.h"
#include "font_face.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pdf_check_report(const quire_job *job, const quire_pos *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    check_refusev(job, "pdf-check", at, fmt, ap);
    va_end(ap);
    return 1;
}

/* Opens the face as the export will (into the process-wide cache, which
 * export children forked later inherit). */
static int check_font(const quire_job *job, const char *pattern)
{
    char path[4096], why[160];
    int index = 0;
    const quire_pos *at = &job->tmpl->fonts_at;
    if (job->host->find_font(job, pattern, path, sizeof path, &index) != QUIRE_OK)
        return -1; /* the host reported it at the fonts: key */
    const font_face *face = font_face_open(path, (unsigned)(index < 0 ? 0 : index), why,
                                           sizeof why);
    if (!face) {
        pdf_check_report(job, at, "font '%s' (%s) %s", pattern, path, why);
        return -1;
    }
    return 0;
}

/* The image decodes as the export will decode it. libharu never sees an
 * image here: check() runs in the main process, and libharu 2.3.0's PNG
 * reader can free memory twice on a small hostile PNG (image.c). */
static int check_image(const quire_job *job, const quire_image *im)
{
    if (!im || im->format != QUIRE_IMAGE_PNG)
        return 0;   /* a JPEG goes to libharu as it is; the host decoded it */
    size_t size;
    unsigned char *owned;
    const unsigned char *data = pdf_image_bytes(job->dataset, im, &size, &owned);
    pdf_pixels px;
    int ok = data && pdf_pixels_from_png(data, size, &px) == 0;
    if (ok)
        pdf_pixels_free(&px);
    free(owned);
    if (ok)
        return 0;
    pdf_check_report(job, &im->at, "image '%s' cannot be embedded in the PDF", im->path);
    return -1;
}

/* max_rows counts rows shown: 0 or fewer would show none (template-guide.md). */
static int check_max_rows(const quire_job *job)
{
    const quire_option *rows = job->struct_size > offsetof(quire_job, options)
                                   ? quire_job_option(job, "max_rows") : NULL;
    if (!rows || rows->integer >= 1)
        return 0;
    if (rows->origin == QUIRE_FROM_COMMAND_LINE)
        pdf_check_report(job, NULL, "-O pdf.max_rows=%lld: max_rows must be 1 or more",
                         rows->integer);
    else
        pdf_check_report(job, &rows->at, "max_rows must be 1 or more, got %lld",
                         rows->integer);
    return 1;
}

quire_status pdf_check(const quire_job *job, char *err, size_t err_size)
{
    const quire_template *tp = job->tmpl;
    const quire_dataset *ds = job->dataset;
    const char *body = tp->font_body ? tp->font_body : PDF_DEFAULT_BODY;
    const char *bold = tp->font_bold ? tp->font_bold : PDF_DEFAULT_BOLD;
    int bad = check_font(job, body);
    if (strcmp(body, bold))
        bad |= check_font(job, bold);
    for (size_t i = 0; i < ds->n_images; i++)
        bad |= check_image(job, quire_image_at(ds, i));
    bad |= check_image(job, tp->logo.image);
    if (!bad)
        bad |= check_glyphs(job, body) != 0;
    bad |= standard_check(job) != 0;
    bad |= pdf_check_charts(job);
    bad |= check_max_rows(job);
    if (bad)
        snprintf(err, err_size, "the PDF cannot be made from this dataset and template");
    return bad ? QUIRE_ERR_INPUT : QUIRE_OK;
}
