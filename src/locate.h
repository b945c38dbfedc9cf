/* locate.h — finding the template a dataset is rendered with. */
#ifndef QUIRE_LOCATE_H
#define QUIRE_LOCATE_H

#include "diag.h"
#include <quire/quire-plugin.h>

/* The template path for ds: explicit (-t) when given — a plain name
 * without '/' or .yaml that is no file here is looked up like `template:
 * NAME`; else the dataset's
 * `template: NAME` as NAME.yaml beside the dataset, then in the templates/
 * of self_data_dirs() (installed, then the source tree for a build-tree
 * binary); else default.yaml from those. NAME.yaml beside the dataset
 * follows the rules of csv: files (input_path.h: no symlink out of the
 * folder unless allow_any). Returns a malloc'd path, or NULL with an error
 * reported to d. */
char *locate_template(const char *explicit_path, const quire_dataset *ds, int allow_any,
                      diag *d);

#endif
