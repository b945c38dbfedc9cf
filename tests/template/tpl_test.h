/* tpl_test.h — shared fixtures of the template tests: a scratch directory,
 * templates written from strings, diagnostics captured in memory, and a
 * dataset built by hand (no dependency on the dataset loader). */
#ifndef TPL_TEST_H
#define TPL_TEST_H

#include "template.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

/* cmocka's assert_float_equal works in float; points need double. */
#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

/* cmocka group setup/teardown: a fresh scratch directory as the cwd, so
 * that messages name plain "t.yaml". */
int tpl_setup(void **state);
int tpl_teardown(void **state);

/* Writes text to name in the scratch directory. */
void tpl_write(const char *name, const char *text);

/* Parses text (written as t.yaml); *msgs gets every diagnostic line
 * (caller frees). */
template_src *tpl_parse(const char *text, char **msgs);

/* Parses text, which must fail with exactly the diagnostics expected. */
void tpl_expect_parse_error(const char *text, const char *expected);

/* Parses text (which must succeed) and binds it to ds; *msgs as above. */
quire_template *tpl_bind(const char *text, const quire_dataset *ds, template_src **src,
                         char **msgs);

/* Parses and binds text to ds, which must fail with exactly expected. */
void tpl_expect_bind_error(const char *text, const quire_dataset *ds, const char *expected);

/* The sample dataset "sample.yaml": tables cloud-share (provider text,
 * q4_2023 and q1_2024 percent), capex (company text, year date, capex
 * currency, growth number), counts (a, b integer: no text column),
 * wide (name text and 8 number columns); figures bigtech-capex, gpu-share;
 * sections market, outlook. */
const quire_dataset *tpl_sample(void);

/* A dataset with nothing but id and title. */
const quire_dataset *tpl_minimal(void);

#endif
