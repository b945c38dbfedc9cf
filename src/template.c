/* template.c — reading a layout template (SPEC "Template") into a
 * template_src: the page, fonts, palette, header/footer, formats, xlsx
 * options, and the body (template_body.c). Binding is in template_bind.c. */
#include "template.h"
#include "template_model.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_MARGIN_MM 18.0
/* Room the margins must leave for content, so blocks can be laid out. */
#define MIN_CONTENT_MM 50.0

static const uint32_t default_palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68,
                                           0xc0504d, 0x8064a2, 0x4bacc6};

typedef struct page_size {
    const char *name;
    double w, h;      /* portrait, points */
} page_size;

static const page_size page_sizes[] = {
    {"A4", 595.276, 841.89},
    {"A5", 419.528, 595.276},
    {"Letter", 612, 792},
    {"Legal", 612, 1008},
};
static const char *const size_names[] = {"A4", "A5", "Letter", "Legal", NULL};

/* What the reader needs beyond the template itself. */
typedef struct parse_ctx {
    template_src *t;
    int has_version, has_body;
    yaml_node_t *margin;     /* where margins were given, for the room check */
} parse_ctx;

tpl_pos tpl_pos_of(const yaml_node_t *n)
{
    return (tpl_pos){yr_line(n), yr_col(n)};
}

/* Replaces *slot with a copy of s (NULL stays NULL). */
static void set_string(char **slot, const char *s)
{
    free(*slot);
    *slot = s ? strdup(s) : NULL;
}

static void read_version(tpl_reader *r, yaml_node_t *v, parse_ctx *c)
{
    c->has_version = 1;
    if (v->type == YAML_SCALAR_NODE && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
        !strcmp((const char *)v->data.scalar.value, "1"))
        return;
    if (v->type == YAML_SCALAR_NODE)
        yr_error(r, v, "unsupported quire-template version '%s' (this quire reads version 1)",
                 (const char *)v->data.scalar.value);
    else
        yr_error(r, v, "quire-template expects the version number 1, got %s", yr_kind(v));
}

static void read_size(tpl_reader *r, yaml_node_t *v, template_src *t)
{
    const char *s = yr_string(r, v, "page.size");
    if (!s)
        return;
    int i = yr_lookup(s, size_names);
    if (i >= 0) {
        t->page_size = page_sizes[i].name;
        t->page_w = page_sizes[i].w;
        t->page_h = page_sizes[i].h;
        return;
    }
    const char *near = suggest_nearest(s, size_names);
    if (near)
        yr_error(r, v, "unknown page size '%s'; did you mean '%s'?", s, near);
    else
        yr_error(r, v, "unknown page size '%s' (A4, A5, Letter or Legal)", s);
}

static void read_orientation(tpl_reader *r, yaml_node_t *v, template_src *t)
{
    static const char *const names[] = {"portrait", "landscape", NULL};
    const char *s = yr_string(r, v, "page.orientation");
    if (!s)
        return;
    int i = yr_lookup(s, names);
    if (i >= 0) {
        t->landscape = i == 1;
        return;
    }
    const char *near = suggest_nearest(s, names);
    if (near)
        yr_error(r, v, "unknown orientation '%s'; did you mean '%s'?", s, near);
    else
        yr_error(r, v, "unknown orientation '%s' (portrait or landscape)", s);
}

static int read_margin_value(tpl_reader *r, yaml_node_t *v, const char *what, double *out)
{
    double mm;
    if (!yr_number(r, v, what, &mm))
        return 0;
    if (mm < 0) {
        yr_error(r, v, "%s must not be negative", what);
        return 0;
    }
    *out = mm;
    return 1;
}

static void margin_side(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    static const char *const what[] = {"page.margin_mm.top", "page.margin_mm.right",
                                       "page.margin_mm.bottom", "page.margin_mm.left"};
    template_src *t = ctx;
    read_margin_value(r, v, what[key], &t->margin_mm[key]);
}

static void read_margin(tpl_reader *r, yaml_node_t *v, parse_ctx *c)
{
    static const char *const sides[] = {"top", "right", "bottom", "left", NULL};
    c->margin = v;
    if (v->type == YAML_MAPPING_NODE) {
        yr_mapping(r, v, "page.margin_mm", sides, margin_side, c->t);
        return;
    }
    double mm;
    if (read_margin_value(r, v, "page.margin_mm", &mm))
        for (int i = 0; i < 4; i++)
            c->t->margin_mm[i] = mm;
}

static void page_key(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    parse_ctx *c = ctx;
    switch (key) {
    case 0: read_size(r, v, c->t); break;
    case 1: read_orientation(r, v, c->t); break;
    default: read_margin(r, v, c); break;
    }
}

static void font_key(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    template_src *t = ctx;
    const char *s = yr_string(r, v, key ? "fonts.bold" : "fonts.body");
    if (s && !*s)
        yr_error(r, v, "%s must name a font", key ? "fonts.bold" : "fonts.body");
    else if (s)
        set_string(key ? &t->font_bold : &t->font_body, s);
}

static void xlsx_key(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    template_src *t = ctx;
    yr_bool(r, v, key ? "xlsx.charts" : "xlsx.summary_sheet",
            key ? &t->xlsx_charts : &t->xlsx_summary_sheet);
}

static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* "#rrggbb" to 0xRRGGBB; 0 when malformed. */
static int parse_colour(const char *s, uint32_t *out)
{
    if (s[0] != '#' || strlen(s) != 7)
        return 0;
    uint32_t v = 0;
    for (int i = 1; i < 7; i++) {
        int h = hex_digit(s[i]);
        if (h < 0)
            return 0;
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return 1;
}

static void read_palette(tpl_reader *r, yaml_node_t *v, template_src *t)
{
    if (v->type != YAML_SEQUENCE_NODE) {
        yr_error(r, v, "palette expects a list of \"#rrggbb\" colours, got %s", yr_kind(v));
        return;
    }
    size_t n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
    if (n == 0) {
        yr_error(r, v, "palette needs at least one colour");
        return;
    }
    uint32_t *colours = calloc(n, sizeof *colours);
    size_t good = 0;
    for (size_t i = 0; colours && i < n; i++) {
        yaml_node_t *item = yr_node(r, v->data.sequence.items.start[i]);
        if (!item)
            break;
        const char *s = yr_string(r, item, "palette");
        if (s && parse_colour(s, &colours[i]))
            good++;
        else if (s)
            yr_error(r, item, "palette colour '%s' is not of the form \"#rrggbb\"", s);
    }
    if (good != n) {
        free(colours);
        return;
    }
    free(t->palette);
    t->palette = colours;
    t->n_palette = n;
}

/* A plugin name becomes part of a file name (quire-<name>.so). */
static int is_format_name(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

static void add_format(tpl_reader *r, yaml_node_t *item, template_src *t)
{
    const char *s = yr_string(r, item, "formats");
    if (!s)
        return;
    if (!is_format_name(s)) {
        yr_error(r, item, "format '%s' is not a plugin name ([a-z0-9][a-z0-9_-]*)", s);
        return;
    }
    for (size_t i = 0; i < t->n_formats; i++)
        if (!strcmp(t->formats[i], s)) {
            yr_error(r, item, "format '%s' is listed twice", s);
            return;
        }
    t->formats[t->n_formats++] = strdup(s);
}

static void read_formats(tpl_reader *r, yaml_node_t *v, template_src *t)
{
    if (t->formats)
        return;
    if (v->type == YAML_MAPPING_NODE) {
        yr_error(r, v, "formats expects a list of format names, got a mapping");
        return;
    }
    /* A single name is accepted as a list of one. */
    size_t n = v->type == YAML_SCALAR_NODE
                   ? 1 : (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
    t->formats = calloc(n ? n : 1, sizeof *t->formats);
    if (v->type == YAML_SCALAR_NODE) {
        add_format(r, v, t);
        return;
    }
    for (size_t i = 0; t->formats && i < n; i++) {
        yaml_node_t *item = yr_node(r, v->data.sequence.items.start[i]);
        if (!item)
            return;
        add_format(r, item, t);
    }
}

static void read_text(tpl_reader *r, yaml_node_t *v, const char *what, char **slot)
{
    if (yr_is_null(v)) {
        set_string(slot, NULL);
        return;
    }
    const char *s = yr_string(r, v, what);
    if (s)
        set_string(slot, s);
}

static void root_key(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    static const char *const page_keys[] = {"size", "orientation", "margin_mm", NULL};
    static const char *const font_keys[] = {"body", "bold", NULL};
    static const char *const xlsx_keys[] = {"summary_sheet", "charts", NULL};
    parse_ctx *c = ctx;
    template_src *t = c->t;
    const char *s;
    switch (key) {
    case 0: read_version(r, v, c); break;
    case 1:
        if ((s = yr_string(r, v, "name")))
            set_string(&t->name, s);
        break;
    case 2: yr_mapping(r, v, "page", page_keys, page_key, c); break;
    case 3: yr_mapping(r, v, "fonts", font_keys, font_key, t); break;
    case 4: read_palette(r, v, t); break;
    case 5: read_text(r, v, "header", &t->header); break;
    case 6: read_text(r, v, "footer", &t->footer); break;
    case 7: read_formats(r, v, t); break;
    case 8:
        c->has_body = 1;
        tpl_read_body(r, v, t);
        break;
    default: yr_mapping(r, v, "xlsx", xlsx_keys, xlsx_key, t); break;
    }
}

static const char *const root_keys[] = {"quire-template", "name", "page", "fonts", "palette",
                                        "header", "footer", "formats", "body", "xlsx", NULL};

/* The file's base name without its extension: the name when none is given. */
static char *name_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static template_src *src_new(const char *path)
{
    template_src *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->path = strdup(path);
    t->page_size = page_sizes[0].name;
    t->page_w = page_sizes[0].w;
    t->page_h = page_sizes[0].h;
    for (int i = 0; i < 4; i++)
        t->margin_mm[i] = DEFAULT_MARGIN_MM;
    t->font_body = strdup("NanumGothic");
    t->font_bold = strdup("NanumGothic:bold");
    t->n_palette = sizeof default_palette / sizeof default_palette[0];
    t->palette = malloc(sizeof default_palette);
    if (t->palette)
        memcpy(t->palette, default_palette, sizeof default_palette);
    t->xlsx_summary_sheet = 1;
    t->xlsx_charts = 1;
    return t;
}

static void check_room(tpl_reader *r, const parse_ctx *c)
{
    const template_src *t = c->t;
    double w = (t->landscape ? t->page_h : t->page_w) / MM_TO_PT;
    double h = (t->landscape ? t->page_w : t->page_h) / MM_TO_PT;
    const double *m = t->margin_mm;
    if (w - m[1] - m[3] < MIN_CONTENT_MM || h - m[0] - m[2] < MIN_CONTENT_MM)
        yr_error(r, c->margin, "margins leave less than %.0f mm of the %s %s page for content",
                 MIN_CONTENT_MM, t->page_size, t->landscape ? "landscape" : "portrait");
}

static void read_root(tpl_reader *r, template_src *t)
{
    yaml_node_t *root = yr_root(r);
    parse_ctx c = {.t = t};
    if (!root)
        return;
    if (root->type != YAML_MAPPING_NODE) {
        yr_error(r, root, "a template is a mapping starting with 'quire-template: 1', got %s",
                 yr_kind(root));
        return;
    }
    yr_mapping(r, root, "the template", root_keys, root_key, &c);
    if (r->capped)
        return;
    if (!c.has_version)
        yr_error(r, root, "missing 'quire-template: 1'");
    if (!c.has_body)
        yr_error(r, root, "missing 'body:', the list of blocks to render");
    if (c.margin)
        check_room(r, &c);
    if (!t->name)
        t->name = name_from_path(t->path);
}

template_src *template_parse(const char *path, diag *d)
{
    int errors = d->errors;
    tpl_reader r;
    template_src *t = NULL;
    if (!yr_load(&r, path, d))
        goto cleanup;
    t = src_new(path);
    if (!t) {
        diag_error(d, path, 0, 0, "out of memory reading template");
        goto cleanup;
    }
    read_root(&r, t);
    if (d->errors > errors) {
        template_src_free(t);
        t = NULL;
    }
cleanup:
    yr_close(&r);
    return t;
}

void template_src_free(template_src *t)
{
    if (!t)
        return;
    free(t->path);
    free(t->name);
    free(t->font_body);
    free(t->font_bold);
    free(t->palette);
    free(t->header);
    free(t->footer);
    for (size_t i = 0; i < t->n_formats; i++)
        free(t->formats[i]);
    free(t->formats);
    tpl_blocks_free(t->blocks, t->n_blocks);
    free(t);
}

quire_strings template_formats(const template_src *t)
{
    return (quire_strings){(const char *const *)t->formats, t->n_formats};
}
