/* locate.h — finding the template a dataset is rendered with. */
#ifndef QUIRE_LOCATE_H
#define QUIRE_LOCATE_H

#include "diag.h"
#include <quire/quire-plugin.h>

/* The template path for ds: explicit (-t) when given; else the dataset's
 * `template: NAME` as NAME.yaml beside the dataset, then in the installed
 * templates directory, then in the source tree's; else default.yaml from
 * the installed, then the source tree's templates. Returns a malloc'd
 * path, or NULL with an error reported to d. */
char *locate_template(const char *explicit_path, const quire_dataset *ds, diag *d);

#endif
