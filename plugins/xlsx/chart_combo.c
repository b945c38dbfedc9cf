/*
 * chart_combo.c — writes a chart's plot area as several chart groups; see
 * xlsx_combo.h. The XML libxlsxwriter writes for the chart and for helper
 * charts of the groups is captured in memory and spliced.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_combo.h"

#define RIGHT_AXIS_OFFSET 500   /* secondary axis ids: the primary ones plus this */
#define MAX_MOVED 256

enum { G_LEFT_LINE, G_RIGHT_LINE, G_RIGHT_OWN, G_COUNT };

struct xlsx_combo {
    lxw_chart *chart;
    void (*plot_area)(lxw_chart *);   /* libxlsxwriter's own writer */
    int scatter;
    lxw_chart *group[G_COUNT];         /* helper charts, NULL when unused */
    lxw_chart *axes;                   /* carries the secondary axes' options */
    lxw_chart_series *moved[MAX_MOVED];
    int moved_to[MAX_MOVED];
    size_t n_moved;
    char *refs[2];                     /* <c:ser> XML of the reference lines, per axis */
    size_t n_refs[2];
    int16_t *hidden;                   /* legend entries deleted */
    int date;                          /* category axis as a date axis */
    const char *base_unit;             /* days, months, years */
    int major_months;
    int out_end;                       /* bar labels at the outside end, said explicitly */
    char *literal_cat, **literal_val;  /* sorted charts: <c:cat>, <c:val> of each series */
    size_t n_literal;
    lxw_chart_series **data;           /* the data series, in the template's order */
    size_t n_data;
    struct xlsx_combo *next;
};

static _Thread_local xlsx_combo *combos;

/* ---- growing strings ------------------------------------------------ */

typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static int buf_add(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return -1;
        b->s = p, b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

static int buf_str(buf *b, const char *s)
{
    return buf_add(b, s, strlen(s));
}

static int buf_fmt(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int buf_fmt(buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    return n < 0 || (size_t)n >= sizeof tmp ? -1 : buf_add(b, tmp, (size_t)n);
}

/* XML text with &, < and > escaped. */
static int buf_text(buf *b, const char *s)
{
    for (; *s; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : NULL;
        if (e ? buf_str(b, e) : buf_add(b, s, 1))
            return -1;
    }
    return 0;
}

/* What one of libxlsxwriter's writers writes for chart, as a string. */
static char *capture(lxw_chart *chart, void (*write)(lxw_chart *))
{
    char *s = NULL;
    size_t n = 0;
    FILE *real = chart->file, *mem = open_memstream(&s, &n);
    if (!mem)
        return NULL;
    chart->file = mem;
    write(chart);
    chart->file = real;
    if (fclose(mem) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* ---- building ------------------------------------------------------- */

static void combo_plot_area(lxw_chart *self);

xlsx_combo *xlsx_combo_new(lxw_chart *chart, int scatter)
{
    xlsx_combo *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->chart = chart;
    c->scatter = scatter;
    c->plot_area = chart->write_plot_area;
    chart->write_plot_area = combo_plot_area;
    c->next = combos;
    combos = c;
    return c;
}

static lxw_chart *group_chart(xlsx_combo *c, int g)
{
    if (!c->group[g]) {
        /* the chart's own type for the right axis' bars or areas */
        uint8_t type = g == G_RIGHT_OWN ? c->chart->type : LXW_CHART_LINE;
        c->group[g] = lxw_chart_new(type);
    }
    return c->group[g];
}

int xlsx_combo_move(xlsx_combo *c, lxw_chart_series *s, int right, int line)
{
    int g = !right ? G_LEFT_LINE : line ? G_RIGHT_LINE : G_RIGHT_OWN;
    if (c->n_moved == MAX_MOVED || !group_chart(c, g))
        return -1;
    c->moved[c->n_moved] = s;
    c->moved_to[c->n_moved++] = g;
    return 0;
}

/* A reference series' points: a reference to the sheet's cells with
 * their values cached, or (range NULL) the values as literals. */
static int ref_points(buf *b, const char *tag, size_t n, const double *v, double same,
                      const char *range)
{
    if (range ? buf_fmt(b, "<c:%s><c:numRef><c:f>", tag) || buf_text(b, range) ||
                    buf_str(b, "</c:f><c:numCache>")
              : buf_fmt(b, "<c:%s><c:numLit>", tag))
        return -1;
    if (buf_fmt(b, "<c:formatCode>General</c:formatCode><c:ptCount val=\"%zu\"/>", n))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (buf_fmt(b, "<c:pt idx=\"%zu\"><c:v>%.17g</c:v></c:pt>", i, v ? v[i] : same))
            return -1;
    return buf_fmt(b, range ? "</c:numCache></c:numRef></c:%s>" : "</c:numLit></c:%s>", tag);
}

/* A grey dashed line without markers; idx and order are filled in when
 * written, as the placeholder IDX. */
int xlsx_combo_reference(xlsx_combo *c, int right, const char *label, double value, size_t n,
                         double x0, double x1, const char *vals, const char *xs)
{
    buf b = {0};
    size_t old = c->refs[right] ? strlen(c->refs[right]) : 0;
    int st = 0;

    if (old && buf_str(&b, c->refs[right]))
        return -1;
    st |= buf_str(&b, "<c:ser><c:idx val=\"@IDX@\"/><c:order val=\"@IDX@\"/><c:tx><c:v>");
    st |= buf_text(&b, label);
    st |= buf_str(&b, "</c:v></c:tx><c:spPr><a:ln w=\"15875\"><a:solidFill><a:srgbClr val=\"7F7F7F\"/>"
                      "</a:solidFill><a:prstDash val=\"dash\"/></a:ln></c:spPr>"
                      "<c:marker><c:symbol val=\"none\"/></c:marker>");
    if (c->scatter) {
        double x[2] = {x0, x1};
        st |= ref_points(&b, "xVal", 2, x, 0, vals ? xs : NULL);
        st |= ref_points(&b, "yVal", 2, NULL, value, xs ? vals : NULL);
        st |= buf_str(&b, "<c:smooth val=\"0\"/>");
    } else {
        st |= ref_points(&b, "val", n ? n : 1, NULL, value, vals);
        st |= buf_str(&b, "<c:smooth val=\"0\"/>");
    }
    st |= buf_str(&b, "</c:ser>");
    if (st) {
        free(b.s);
        return -1;
    }
    free(c->refs[right]);
    c->refs[right] = b.s;
    c->n_refs[right]++;
    /* a line group on that axis carries it: the chart's own when it is
     * a line or scatter chart (one group of a type per axis) */
    if (!right && (c->scatter || c->chart->type == LXW_CHART_LINE))
        return 0;
    if (!group_chart(c, right ? G_RIGHT_LINE : G_LEFT_LINE))
        return -1;
    return 0;
}

int xlsx_combo_right_axis(xlsx_combo *c, const char *title, const char *num_format)
{
    if (!c->axes && !(c->axes = lxw_chart_new(LXW_CHART_LINE)))
        return -1;
    chart_axis_off(c->axes->x_axis);
    chart_axis_set_crossing_max(c->axes->x_axis);   /* the value axis on the right */
    chart_axis_major_gridlines_set_visible(c->axes->y_axis, LXW_FALSE);
    if (title)
        chart_axis_set_name(c->axes->y_axis, title);
    if (num_format)
        chart_axis_set_num_format(c->axes->y_axis, num_format);
    return 0;
}

/* Base unit: months when every date is a month's first day, years when
 * every one is a 1 January; ticks every 1, 3, 6, 12, 24... months so that
 * about eight fit. */
int xlsx_combo_date_axis(xlsx_combo *c, const double *days, size_t n)
{
    static const int steps[] = {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200};
    int months_only = 1, years_only = 1;
    double lo = INFINITY, hi = -INFINITY;

    for (size_t i = 0; i < n; i++) {
        if (isnan(days[i]))
            continue;
        long z = lround(days[i]) + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
        months_only &= d == 1;
        years_only &= d == 1 && m == 1;
        lo = fmin(lo, days[i]), hi = fmax(hi, days[i]);
    }
    c->date = 1;
    c->base_unit = years_only ? "years" : months_only ? "months" : "days";
    double span_months = lo <= hi ? (hi - lo) / 30.44 : 0;
    c->major_months = steps[0];
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
        c->major_months = steps[k];
        if (span_months / steps[k] <= 8)
            break;
    }
    if (years_only && c->major_months < 12)
        c->major_months = 12;
    return c->major_months;
}

int xlsx_combo_literal(xlsx_combo *c, size_t n_series, const char *const *cats,
                       const double *const *vals, size_t n)
{
    buf cat = {0};
    int st = buf_fmt(&cat, "<c:cat><c:strLit><c:ptCount val=\"%zu\"/>", n);
    for (size_t i = 0; i < n && !st; i++)
        st = buf_fmt(&cat, "<c:pt idx=\"%zu\"><c:v>", i) || buf_text(&cat, cats[i] ? cats[i] : "") ||
             buf_str(&cat, "</c:v></c:pt>");
    st = st || buf_str(&cat, "</c:strLit></c:cat>");
    c->literal_val = calloc(n_series + 1, sizeof *c->literal_val);
    if (st || !c->literal_val) {
        free(cat.s);
        return -1;
    }
    c->literal_cat = cat.s;
    c->n_literal = n_series;
    for (size_t k = 0; k < n_series; k++) {
        buf v = {0};
        st = buf_fmt(&v, "<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"%zu\"/>", n);
        for (size_t i = 0; i < n && !st; i++)
            if (!isnan(vals[k][i]))
                st = buf_fmt(&v, "<c:pt idx=\"%zu\"><c:v>%.17g</c:v></c:pt>", i, vals[k][i]);
        st = st || buf_str(&v, "</c:numLit></c:val>");
        c->literal_val[k] = v.s;
        if (st)
            return -1;
    }
    return 0;
}

/* Replaces the element open..close after from in xml by with. */
static int replace_element(buf *xml, size_t from, const char *open, const char *close,
                           const char *with, size_t limit)
{
    char *a = strstr(xml->s + from, open);
    char *b = a ? strstr(a, close) : NULL;
    if (!a || !b || (size_t)(a - xml->s) >= limit)
        return 0;
    b += strlen(close);
    buf out = {0};
    if (buf_add(&out, xml->s, (size_t)(a - xml->s)) || buf_str(&out, with) || buf_str(&out, b)) {
        free(out.s);
        return -1;
    }
    free(xml->s);
    *xml = out;
    return 0;
}

int xlsx_combo_series(xlsx_combo *c, lxw_chart_series *s)
{
    lxw_chart_series **d = realloc(c->data, (c->n_data + 1) * sizeof *d);
    if (!d)
        return -1;
    d[c->n_data++] = s;
    c->data = d;
    return 0;
}

/* The sorted literals into what libxlsxwriter wrote for chart (*xml): its
 * n-th <c:ser> is the n-th series of its list. Matched by the series, not
 * by the idx written: a reference or placeholder series may hold any idx,
 * and a series moved to another group is written there. */
static int use_literals(const xlsx_combo *c, const lxw_chart *chart, char **xml)
{
    buf b = {*xml, strlen(*xml), strlen(*xml) + 1};
    size_t at = 0;
    const lxw_chart_series *s;
    int st = 0;

    STAILQ_FOREACH(s, chart->series_list, list_pointers) {
        char *ser = strstr(b.s + at, "<c:ser>");
        if (!ser)
            break;
        size_t pos = (size_t)(ser - b.s), k = 0;
        while (k < c->n_data && c->data[k] != s)
            k++;
        char *end = strstr(ser, "</c:ser>");
        size_t limit = end ? (size_t)(end - b.s) : b.n;
        if (k < c->n_literal) {
            st = replace_element(&b, pos, "<c:cat>", "</c:cat>", c->literal_cat, limit);
            end = st ? NULL : strstr(b.s + pos, "</c:ser>");
            limit = end ? (size_t)(end - b.s) : b.n;
            st = st || replace_element(&b, pos, "<c:val>", "</c:val>", c->literal_val[k], limit);
            if (st)
                break;
        }
        end = strstr(b.s + pos, "</c:ser>");
        at = end ? (size_t)(end - b.s) + strlen("</c:ser>") : b.n;
    }
    *xml = b.s;
    return st;
}

void xlsx_combo_labels_out_end(xlsx_combo *c)
{
    c->out_end = 1;
}

void xlsx_combo_hide_references(xlsx_combo *c, lxw_chart *chart)
{
    size_t n = 0, k = 0, refs = c->n_refs[0] + c->n_refs[1];
    lxw_chart_series *s;
    if (!refs)
        return;
    STAILQ_FOREACH(s, chart->series_list, list_pointers)
        n++;
    free(c->hidden);
    c->hidden = calloc(refs + 1, sizeof *c->hidden);
    if (!c->hidden)
        return;
    for (k = 0; k < refs; k++)
        c->hidden[k] = (int16_t)(n + k);
    c->hidden[refs] = -1;
    chart_legend_delete_series(chart, c->hidden);
}

/* ---- writing -------------------------------------------------------- */

/* The text of s with every "@IDX@" numbered from *idx on, one per series. */
static int add_refs(buf *out, const char *s, uint16_t *idx)
{
    const char *mark = "<c:ser><c:idx val=\"@IDX@\"/><c:order val=\"@IDX@\"/>";
    size_t ml = strlen(mark);
    while (s && *s) {
        const char *p = strstr(s, mark);
        if (!p)
            return buf_str(out, s);
        if (buf_add(out, s, (size_t)(p - s)) ||
            buf_fmt(out, "<c:ser><c:idx val=\"%u\"/><c:order val=\"%u\"/>", *idx, *idx))
            return -1;
        (*idx)++;
        s = p + ml;
    }
    return 0;
}

/* Splices the reference series into a chart group's XML: after its last
 * series, else after its first child (grouping or scatterStyle). */
static int with_refs(buf *out, const char *group, const char *refs, uint16_t *idx)
{
    const char *end = group + strlen(group), *at = NULL;
    for (const char *p = group; (p = strstr(p, "</c:ser>")); p += 8)
        at = p + 8;
    if (!at) {
        const char *first = strstr(group, "/>");
        at = first ? first + 2 : end;
    }
    return buf_add(out, group, (size_t)(at - group)) || add_refs(out, refs, idx) ||
           buf_str(out, at);
}

/* The first chart element of a plot area (after c:layout) up to its axes. */
static const char *first_axis(const char *xml)
{
    const char *best = NULL;
    static const char *const tags[] = {"<c:catAx>", "<c:valAx>", "<c:dateAx>"};
    for (size_t i = 0; i < 3; i++) {
        const char *p = strstr(xml, tags[i]);
        if (p && (!best || p < best))
            best = p;
    }
    return best;
}

static const char *after_last(const char *xml, const char *tag)
{
    const char *at = NULL;
    for (const char *p = xml; (p = strstr(p, tag)); p += strlen(tag))
        at = p + strlen(tag);
    return at;
}

/* The catAx of a plot area as a dateAx: c:lblAlgn goes (dateAx has none),
 * the time units come before its end. */
static int date_axis(buf *out, const xlsx_combo *c, const char *xml, size_t len)
{
    buf tmp = {0};
    if (buf_add(&tmp, xml, len))
        return -1;
    const char *s = tmp.s;
    const char *open = strstr(s, "<c:catAx>"), *close = open ? strstr(open, "</c:catAx>") : NULL;
    int st = 0;
    if (!open || !close) {
        st = buf_str(out, s);
        free(tmp.s);
        return st;
    }
    st |= buf_add(out, s, (size_t)(open - s));
    st |= buf_str(out, "<c:dateAx>");
    for (const char *p = open + 9; p < close && !st;) {
        const char *tag = strstr(p, "<c:lblAlgn ");
        const char *skip = strstr(p, "<c:tickLblSkip ");
        const char *mskip = strstr(p, "<c:tickMarkSkip ");
        const char *aut = strstr(p, "<c:auto val=\"1\"/>");
        const char *next = close;
        const char *cands[] = {tag, skip, mskip, aut};
        for (size_t i = 0; i < 4; i++)
            if (cands[i] && cands[i] < next)
                next = cands[i];
        st |= buf_add(out, p, (size_t)(next - p));
        if (next == close)
            break;
        if (next == aut) {
            st |= buf_str(out, "<c:auto val=\"0\"/>");
            p = next + strlen("<c:auto val=\"1\"/>");
        } else {
            const char *e = strstr(next, "/>");
            p = e ? e + 2 : close;
        }
    }
    st |= buf_fmt(out, "<c:baseTimeUnit val=\"%s\"/><c:majorUnit val=\"%d\"/>"
                       "<c:majorTimeUnit val=\"months\"/></c:dateAx>",
                  c->base_unit, c->major_months);
    st |= buf_str(out, close + strlen("</c:catAx>"));
    free(tmp.s);
    return st;
}

/* The value labels of the bars, at the bar's outside end: beyond its end,
 * so on the negative side of a negative bar (Excel's default, but said,
 * so that every reader places them so). */
static int labels_out_end(buf *xml)
{
    const char *show = "<c:showVal val=\"1\"/>";
    buf out = {0};
    int st = 0;
    const char *p = xml->s;
    for (const char *bar = strstr(xml->s, "<c:barChart>"); !st && bar; bar = strstr(bar + 1, "<c:barChart>")) {
        const char *end = strstr(bar, "</c:barChart>");
        for (const char *q = bar; !st && end && (q = strstr(q, show)) && q < end; q += strlen(show)) {
            /* the series' own labels (not one point's): right after <c:dLbls> or its points */
            size_t at = (size_t)(q - xml->s);
            int own = (at >= 9 && !strncmp(q - 9, "<c:dLbls>", 9)) ||
                      (at >= 9 && !strncmp(q - 9, "</c:dLbl>", 9));
            if (!own)
                continue;
            st = buf_add(&out, p, (size_t)(q - p)) || buf_str(&out, "<c:dLblPos val=\"outEnd\"/>");
            p = q;
        }
    }
    st = st || buf_str(&out, p);
    if (st) {
        free(out.s);
        return -1;
    }
    free(xml->s);
    *xml = out;
    return 0;
}

/* Empty, invisible series numbered from idx: they hold the slots of the
 * other axis' bars, so that bars on the two axes stand side by side in
 * Excel, not over each other. Their legend entries are blank (deleting
 * them by index is read differently by LibreOffice). */
static int placeholders(buf *out, uint16_t idx, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (buf_fmt(out, "<c:ser><c:idx val=\"%zu\"/><c:order val=\"%zu\"/><c:tx><c:v> </c:v></c:tx>"
                         "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"1\"/>"
                         "</c:numLit></c:val></c:ser>", idx + k, idx + k))
            return -1;
    return 0;
}

/* Inserts what at the first "<c:ser>" of xml (before), else after its last
 * "</c:ser>", else after the first empty element (the grouping). */
static int insert_series(buf *xml, const char *what, int before)
{
    char *at = before ? strstr(xml->s, "<c:ser>") : NULL;
    if (!at) {
        const char *last = after_last(xml->s, "</c:ser>");
        const char *first = strstr(xml->s, "<c:grouping ");
        first = first ? strstr(first, "/>") : NULL;
        at = (char *)(last ? last : first ? first + 2 : xml->s + xml->n);
    }
    buf out = {0};
    if (buf_add(&out, xml->s, (size_t)(at - xml->s)) || buf_str(&out, what) || buf_str(&out, at)) {
        free(out.s);
        return -1;
    }
    free(xml->s);
    *xml = out;
    return 0;
}

static size_t count_series(const lxw_chart *chart)
{
    size_t n = 0;
    lxw_chart_series *s;
    STAILQ_FOREACH(s, chart->series_list, list_pointers)
        n++;
    return n;
}

static void combo_plot_area(lxw_chart *self)
{
    xlsx_combo *c = combos;
    while (c && c->chart != self)
        c = c->next;
    if (!c)
        return;
    /* the moved series leave the chart for their groups */
    for (size_t i = 0; i < c->n_moved; i++) {
        STAILQ_REMOVE(self->series_list, c->moved[i], lxw_chart_series, list_pointers);
        STAILQ_INSERT_TAIL(c->group[c->moved_to[i]]->series_list, c->moved[i], list_pointers);
    }
    char *main = capture(self, c->plot_area);
    buf groups = {0}, axes = {0}, out = {0};
    if (main && c->n_literal && use_literals(c, self, &main)) {
        free(main);
        main = NULL;
    }
    uint16_t idx = self->series_index;
    uint32_t right_1 = self->axis_id_1 + RIGHT_AXIS_OFFSET, right_2 = self->axis_id_2 + RIGHT_AXIS_OFFSET;
    int st = main ? 0 : -1, any_right = 0;
    /* clustered bars on both axes: each group keeps slots for the other's */
    size_t left_bars = 0, right_bars = 0;
    buf slots_main = {0};
    if (self->type == LXW_CHART_COLUMN && c->group[G_RIGHT_OWN]) {
        left_bars = count_series(self), right_bars = count_series(c->group[G_RIGHT_OWN]);
        st = st || placeholders(&slots_main, idx, right_bars);
        idx += (uint16_t)right_bars;
    }

    for (int g = 0; g < G_COUNT && !st; g++) {
        lxw_chart *gc = c->group[g];
        if (!gc)
            continue;
        buf slots = {0};
        if (g == G_RIGHT_OWN && left_bars) {
            st = placeholders(&slots, idx, left_bars);
            idx += (uint16_t)left_bars;
        }
        gc->series_index = idx;
        gc->axis_id_1 = g == G_LEFT_LINE ? self->axis_id_1 : right_1;
        gc->axis_id_2 = g == G_LEFT_LINE ? self->axis_id_2 : right_2;
        any_right |= g != G_LEFT_LINE;
        if (self->type == LXW_CHART_COLUMN_STACKED && g == G_RIGHT_OWN)
            gc->grouping = self->grouping;
        char *xml = capture(gc, gc->write_chart_type);
        idx = gc->series_index;
        if (xml && c->n_literal && use_literals(c, gc, &xml)) {
            free(xml);
            xml = NULL;
        }
        const char *refs = g == G_LEFT_LINE ? c->refs[0] : g == G_RIGHT_LINE ? c->refs[1] : NULL;
        if (xml && slots.s) {
            buf x = {xml, strlen(xml), strlen(xml) + 1};
            st = insert_series(&x, slots.s, 1);
            xml = x.s;
        }
        free(slots.s);
        st = st || !xml || with_refs(&groups, xml, refs, &idx);
        free(xml);
    }
    if (!st && any_right) {
        if (!c->axes && xlsx_combo_right_axis(c, NULL, NULL))
            st = -1;
        if (!st) {
            c->axes->axis_id_1 = right_1, c->axes->axis_id_2 = right_2;
            char *xml = capture(c->axes, c->axes->write_plot_area);
            const char *a = xml ? first_axis(xml) : NULL, *b = xml ? after_last(xml, "</c:valAx>") : NULL;
            st = a && b && b > a ? buf_add(&axes, a, (size_t)(b - a)) : -1;
            free(xml);
        }
    }
    if (!st) {
        /* the chart's own group, with references on a scatter chart */
        const char *ax = first_axis(main), *last = after_last(main, "</c:valAx>");
        if (!ax || !last || last < ax) {
            st = -1;
        } else {
            buf head = {0};
            st = buf_add(&head, main, (size_t)(ax - main));
            if (!st && slots_main.s)
                st = insert_series(&head, slots_main.s, 0);
            const char *own_end = c->scatter ? "</c:scatterChart>"
                                : self->type == LXW_CHART_LINE ? "</c:lineChart>" : NULL;
            if (!st && own_end && c->refs[0]) {
                const char *end = strstr(head.s, own_end);
                buf tmp = {0};
                if (end) {
                    size_t at = (size_t)(end - head.s);
                    char save = head.s[at];
                    head.s[at] = '\0';
                    st = with_refs(&tmp, head.s, c->refs[0], &idx);
                    head.s[at] = save;
                    st |= buf_str(&tmp, head.s + at);
                    free(head.s);
                    head = tmp;
                }
            }
            st |= buf_str(&out, head.s ? head.s : "");
            free(head.s);
            st |= buf_str(&out, groups.s ? groups.s : "");
            if (c->date)
                st |= date_axis(&out, c, ax, (size_t)(last - ax));
            else
                st |= buf_add(&out, ax, (size_t)(last - ax));
            st |= buf_str(&out, axes.s ? axes.s : "");
            st |= buf_str(&out, last);
        }
    }
    if (!st && c->out_end)
        st = labels_out_end(&out);
    /* as libxlsxwriter would have written it, when splicing failed */
    fputs(!st ? out.s : main ? main : "", self->file);
    free(main);
    free(slots_main.s);
    free(groups.s);
    free(axes.s);
    free(out.s);
    /* back to the chart, which frees them */
    for (size_t i = 0; i < c->n_moved; i++) {
        STAILQ_REMOVE(c->group[c->moved_to[i]]->series_list, c->moved[i], lxw_chart_series,
                      list_pointers);
        STAILQ_INSERT_TAIL(self->series_list, c->moved[i], list_pointers);
    }
    c->n_moved = 0;
}

void xlsx_charts_done(void)
{
    while (combos) {
        xlsx_combo *c = combos;
        combos = c->next;
        for (int g = 0; g < G_COUNT; g++)
            lxw_chart_free(c->group[g]);
        lxw_chart_free(c->axes);
        free(c->refs[0]);
        free(c->refs[1]);
        free(c->hidden);
        for (size_t k = 0; c->literal_val && k < c->n_literal; k++)
            free(c->literal_val[k]);
        free(c->literal_val);
        free(c->literal_cat);
        free(c->data);
        free(c);
    }
}
