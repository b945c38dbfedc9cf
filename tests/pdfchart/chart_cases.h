/* chart_cases.h — hand-built tables and charts that exercise every chart
 * type, shared by the chart harness and the benchmark. */
#ifndef QUIRE_TEST_CHART_CASES_H
#define QUIRE_TEST_CHART_CASES_H

#include <quire/quire-plugin.h>

typedef struct chart_case {
    const char *name;
    const quire_dataset *dataset;   /* language and sources */
    quire_chart chart;
    double width;                   /* points; two narrow cases share a page */
    double squeeze;                 /* box height / asked height; 0: as asked */
} chart_case;

/* The cases, in page order. */
const chart_case *chart_cases(size_t *n);

#endif
