/* chart_alt.h — a chart's text alternative, written from its data when the
 * template gives no `alt:` (SPEC "Charts"; PDF/UA needs one per figure). */
#ifndef QUIRE_CHART_ALT_H
#define QUIRE_CHART_ALT_H

#include <quire/quire-plugin.h>

/* Points a series may have before the text summarises it (count, range,
 * lowest and highest) instead of listing every value. */
#define CHART_ALT_MAX_POINTS 12

/* Describes c (bound: table, x, series) in language ("ko..." for Korean,
 * anything else English): the chart type, what is plotted and its unit,
 * then the values as written, e.g. "막대 차트, 시장 점유율(%): AWS 31,
 * 마이크로소프트 25, 구글 11". Returns a malloc'd string, or NULL when
 * out of memory. */
char *chart_alt_text(const quire_chart *c, const char *language);

#endif
