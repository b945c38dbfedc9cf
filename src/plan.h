/* plan.h — the exports a run makes (dataset × format, each with its loaded
 * plugin and typed options) and the plugins' checks before any is written.
 * A bad template option or a failed check marks its item invalid
 * (prepared_item.ok), so that --keep-going renders the others. */
#ifndef QUIRE_PLAN_H
#define QUIRE_PLAN_H

#include "options.h"
#include "prepare.h"
#include "registry.h"
#include "render.h"

typedef struct plan {
    render_task *tasks;
    size_t *item_of;          /* the prepared item of each task */
    option_values *values;    /* the options of each task */
    size_t n_tasks;
} plan;

/* Loads the plugin of every format of every valid item of p and types its
 * options (defaults, template section, -O). Returns 0, or the exit code:
 * EXIT_USAGE (a bad -O), EXIT_INVALID (a bad template option, reported to
 * d), EXIT_PLUGIN (a plugin not found or not loadable). Free with
 * plan_free() in every case. */
int plan_make(const cli_options *o, prepared *p, registry *reg, diag *d, plan *out);

/* Calls check() of every task's plugin. An item whose check reports an
 * error is marked invalid in p. Returns EXIT_INVALID when any failed. */
int plan_check(const plan *pl, prepared *p, diag *d);

/* Copies the tasks of the items of p still valid, in order, into out
 * (room for pl->n_tasks); returns their number. */
size_t plan_valid_tasks(const plan *pl, const prepared *p, render_task *out);

void plan_free(plan *pl);

#endif
