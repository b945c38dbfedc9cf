/* check.c — what `validate` and `render` ask before anything is written:
 * every image the page embeds (the dataset's and the logo) can be read as
 * the export will read it. */
#include "html.h"

#include "check_report.h"

#include <stddef.h>
#include <stdlib.h>

static int check_image(const quire_job *job, const quire_image *im)
{
    char why[256];
    size_t n;
    if (!im || !im->path)
        return 0;
    unsigned char *data = media_read(im, &n, why, sizeof why);
    if (data) {
        free(data);
        return 0;
    }
    check_refuse(job, "html-check", &im->at, "image '%s' %s", im->path, why);
    return -1;
}

quire_status html_check(const quire_job *job, char *err, size_t err_size)
{
    const quire_dataset *ds = job->dataset;
    int bad = 0;
    for (size_t i = 0; i < ds->n_images; i++)
        bad |= check_image(job, quire_image_at(ds, i));
    if (job->tmpl->logo.on_cover || job->tmpl->logo.on_header)
        bad |= check_image(job, job->tmpl->logo.image);
    return bad ? QUIRE_ERR_INPUT : QUIRE_OK;
}
