/* check_charts.c — what drawing the template's charts would refuse,
 * refused in check() with the input's position (issue 20 §3): a value out
 * of the range an axis holds at its column in the dataset, anything else
 * the chart code refuses at the chart block of the template. */
#include <stdio.h>

#include "chart.h"
#include "standard.h"

/* Values of column c out of a chart's range, reported at the column. */
static int check_column(const quire_job *job, const quire_table *t, const quire_column *c)
{
    for (size_t r = 0; c->numbers && r < t->n_rows; r++)
        if (!chart_value_fits(c->numbers[r]))
            return pdf_check_report(job, &c->at,
                                    "table '%s', column '%s', row %zu: the value %g is out of "
                                    "the range a chart can show (%g to %g in size); the chart "
                                    "of this column cannot be drawn", t->id, c->id, r + 1,
                                    c->numbers[r], CHART_VALUE_MIN, CHART_VALUE_MAX);
    return 0;
}

int pdf_check_charts(const quire_job *job)
{
    const quire_template *tp = job->tmpl;
    int bad = 0;

    for (size_t b = 0; b < tp->n_blocks; b++) {
        const quire_block *blk = quire_block_at(tp, b);
        if (blk->kind != QUIRE_BLOCK_CHART)
            continue;
        const quire_chart *ch = &blk->chart;
        const quire_table *t = ch->table;
        int values = 0;
        if (!t)
            continue;     /* embed_chart() leaves a chart without a table out */
        for (size_t i = 0; t && ch->y && i < ch->n_y; i++)
            if (ch->y[i] < t->n_columns)
                values |= check_column(job, t, quire_column_at(t, ch->y[i]));
        if (t && ch->x < t->n_columns && quire_column_at(t, ch->x)->type != QUIRE_TEXT)
            values |= check_column(job, t, quire_column_at(t, ch->x));
        char err[512];
        if (!values && chart_refusal(ch, err, sizeof err))
            values = pdf_check_report(job, &ch->at, "%s", err);
        bad |= values;
    }
    return bad;
}
