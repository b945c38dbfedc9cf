/*
 * xlsx_combo.h — one Excel chart drawn as several chart groups in one plot
 * area: lines over bars, a secondary value axis, reference lines and a
 * date axis, none of which libxlsxwriter 1.1.4 writes itself.
 *
 * The chart holds every series while the workbook is built, so that
 * libxlsxwriter fills their caches from the sheet. When the workbook is
 * written, the chart's plot area is written through this module: the
 * series registered with xlsx_combo_move() go into further groups (a
 * lineChart on the primary axes; a lineChart or a chart of the chart's own
 * type on secondary axes), reference lines become literal series, and the
 * category axis becomes a c:dateAx. The state lives in the exporting
 * thread until xlsx_charts_done().
 */
#ifndef QUIRE_XLSX_COMBO_H
#define QUIRE_XLSX_COMBO_H

#include <xlsxwriter.h>

typedef struct xlsx_combo xlsx_combo;

/** Takes over writing chart's plot area. scatter: references become
 * scatter series (two points across the x range). NULL when out of memory. */
xlsx_combo *xlsx_combo_new(lxw_chart *chart, int scatter);

/** Series s of the chart is drawn on the right axis and/or as a line. */
int xlsx_combo_move(xlsx_combo *c, lxw_chart_series *s, int right, int line);

/** A reference line at value (in axis units) across n categories (or from
 * x0 to x1 on a scatter chart), named label, on the right axis or not.
 * vals (and on a scatter chart xs): the sheet's cells that hold the same
 * numbers, as a formula ("'Sheet'!$K$2:$K$6"), or NULL to write them as
 * literals (LibreOffice drops literal series beside sheet-bound ones). */
int xlsx_combo_reference(xlsx_combo *c, int right, const char *label, double value, size_t n,
                         double x0, double x1, const char *vals, const char *xs);

/** The secondary value axis: its title (or NULL) and number format (or NULL). */
int xlsx_combo_right_axis(xlsx_combo *c, const char *title, const char *num_format);

/** The category axis is a date axis over these dates (days since 1970,
 * NaN for none): its base unit and major unit follow the dates' span.
 * Returns the months between ticks. */
int xlsx_combo_date_axis(xlsx_combo *c, const double *days, size_t n);

/** The chart shows its data in another order than the sheet's (sort:):
 * series 0..n_series-1 get these categories and values as literals. */
int xlsx_combo_literal(xlsx_combo *c, size_t n_series, const char *const *cats,
                       const double *const *vals, size_t n);

/** s is the chart's next data series (0, 1, ... in the template's
 * order): the literals of that series go to s wherever it is written. */
int xlsx_combo_series(xlsx_combo *c, lxw_chart_series *s);

/** Bar value labels get an explicit outside-end position. */
void xlsx_combo_labels_out_end(xlsx_combo *c);

/** Keeps the reference lines out of chart's legend. */
void xlsx_combo_hide_references(xlsx_combo *c, lxw_chart *chart);

#endif
