/* template.c — reading a layout template (SPEC "Template") into a
 * template_src through the shared YAML walker (yaml_walk.h): the page,
 * fonts, palette, header/footer, formats, logo, plugin sections
 * (template_sections.c) and the body (template_body.c). Binding is in
 * template_bind.c.
 *
 * Where SPEC is silent:
 *  - A top-level key that is no template key and holds a mapping is a
 *    plugin section (`pdf:`, `xlsx:`); one near a template key (`pag:`) is
 *    an unknown key with a did-you-mean instead.
 *  - logo: `file` is required; `width_mm` defaults to 30; `on` to [cover];
 *    a logo without `alt` is decorative (an artifact in a tagged PDF). */
#include "template.h"
#include "schema_keys.h"
#include "template_model.h"

#include "cells.h"
#include "image_probe.h"
#include "input_path.h"
#include "suggest.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_MARGIN_MM 18.0
#define DEFAULT_LOGO_MM 30.0
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
static const char *const size_names[] = {PAGE_SIZE_NAMES, NULL};

enum { TEMPLATE_KEYS(KEY_ENUM) };
static const char *const root_keys[] = {TEMPLATE_KEYS(KEY_NAME) NULL};
enum { PAGE_KEYS(KEY_ENUM) };
static const char *const page_keys[] = {PAGE_KEYS(KEY_NAME) NULL};
enum { FONT_KEYS(KEY_ENUM) };
static const char *const font_keys[] = {FONT_KEYS(KEY_NAME) NULL};
enum { LOGO_KEYS(KEY_ENUM) };
static const char *const logo_keys[] = {LOGO_KEYS(KEY_NAME) NULL};

/* What the reader needs beyond the template itself. */
typedef struct parse_ctx {
    template_src *t;
    int has_version, has_body;
    tpl_pos margin_at;       /* where margins were given, for the room check */
    tpl_list formats;
} parse_ctx;

void *tpl_push(ywalk *w, tpl_list *list, size_t size)
{
    return yw_push(w, list, size);
}

static void read_version(ywalk *w, const yev *v, parse_ctx *c)
{
    c->has_version = 1;
    if (v->kind == YEV_SCALAR && v->plain && v->length == 1 && v->value[0] == '1')
        return;
    if (v->kind == YEV_SCALAR)
        yw_error(w, v, "unsupported quire-template version '%.*s' (this quire reads version 1)",
                 (int)(v->length > 20 ? 20 : v->length), v->value);
    else {
        yw_error(w, v, "'quire-template' expects the version number 1, not %s",
                 yw_kind_name(v));
        yw_skip(w, v);
    }
}

/* A name from a fixed list, with its own message ("unknown page size"). */
static int read_named(ywalk *w, const yev *v, const char *key, const char *what,
                      const char *const *names, const char *all, int *out)
{
    const char *s = NULL;
    if (!yw_string(w, v, key, &s))
        return 0;
    if (!s) {
        yw_error(w, v, "'%s' expects %s, got nothing", key, all);
        return 0;
    }
    int i = yw_lookup(s, names);
    if (i >= 0) {
        *out = i;
        return 1;
    }
    const char *near = suggest_nearest(s, names);
    if (near)
        yw_error(w, v, "unknown %s '%s'; did you mean '%s'?", what, s, near);
    else
        yw_error(w, v, "unknown %s '%s' (%s)", what, s, all);
    return 0;
}

static int read_margin_value(ywalk *w, const yev *v, const char *key, double *out)
{
    double mm;
    if (!yw_number(w, v, key, &mm, NULL))
        return 0;
    if (mm < 0) {
        yw_error(w, v, "'%s' must not be negative", key);
        return 0;
    }
    *out = mm;
    return 1;
}

static void margin_side(ywalk *w, void *obj, int key, const yev *v)
{
    static const char *const what[] = {"page.margin_mm.top", "page.margin_mm.right",
                                       "page.margin_mm.bottom", "page.margin_mm.left"};
    template_src *t = obj;
    read_margin_value(w, v, what[key], &t->margin_mm[key]);
}

static void read_margin(ywalk *w, const yev *v, parse_ctx *c)
{
    static const char *const sides[] = {"top", "right", "bottom", "left", NULL};
    c->margin_at = yw_mark(v);
    if (v->kind == YEV_MAP_START) {
        yw_mapping(w, v, "page.margin_mm", sides, margin_side, c->t);
        return;
    }
    double mm;
    if (read_margin_value(w, v, "page.margin_mm", &mm))
        for (int i = 0; i < 4; i++)
            c->t->margin_mm[i] = mm;
}

static void page_key(ywalk *w, void *obj, int key, const yev *v)
{
    static const char *const orientations[] = {ORIENTATION_NAMES, NULL};
    parse_ctx *c = obj;
    int i;
    switch (key) {
    case PAGE_SIZE:
        if (read_named(w, v, "page.size", "page size", size_names, "A4, A5, Letter or Legal",
                       &i)) {
            c->t->page_size = page_sizes[i].name;
            c->t->page_w = page_sizes[i].w;
            c->t->page_h = page_sizes[i].h;
        }
        break;
    case PAGE_ORIENTATION:
        if (read_named(w, v, "page.orientation", "orientation", orientations,
                       "portrait or landscape", &i))
            c->t->landscape = i == 1;
        break;
    default: read_margin(w, v, c); break;
    }
}

static void font_key(ywalk *w, void *obj, int key, const yev *v)
{
    template_src *t = obj;
    int bold = key == FONT_BOLD;
    yw_text(w, v, bold ? "fonts.bold" : "fonts.body", bold ? &t->font_bold : &t->font_body);
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

static void read_palette(ywalk *w, const yev *v, template_src *t)
{
    if (v->kind != YEV_SEQ_START) {
        yw_error(w, v, "'palette' expects a list of \"#rrggbb\" colours, not %s",
                 yw_kind_name(v));
        yw_skip(w, v);
        return;
    }
    tpl_list colours = {0};
    int bad = 0;
    yev item;
    while (yw_next(w, &item) && item.kind != YEV_SEQ_END) {
        const char *s = NULL;
        uint32_t *slot = tpl_push(w, &colours, sizeof *slot);
        if (!slot || !yw_string(w, &item, "palette", &s) || !s) {
            bad = 1;
            if (s == NULL && item.kind == YEV_SCALAR)
                yw_error(w, &item, "palette colour is missing");
        } else if (!parse_colour(s, slot)) {
            yw_error(w, &item, "palette colour '%s' is not of the form \"#rrggbb\"", s);
            bad = 1;
        }
    }
    if (w->fatal || bad)
        return;
    if (colours.n == 0) {
        yw_error(w, v, "palette needs at least one colour");
        return;
    }
    t->palette = colours.items;
    t->n_palette = colours.n;
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

static void add_format(ywalk *w, const yev *item, parse_ctx *c)
{
    const char *s = NULL;
    if (!yw_text(w, item, "formats", &s))
        return;
    if (!is_format_name(s)) {
        yw_error(w, item, "format '%s' is not a plugin name ([a-z0-9][a-z0-9_-]*)", s);
        return;
    }
    const char **have = c->formats.items;
    for (size_t i = 0; i < c->formats.n; i++)
        if (!strcmp(have[i], s)) {
            yw_error(w, item, "format '%s' is listed twice", s);
            return;
        }
    const char **slot = tpl_push(w, &c->formats, sizeof *slot);
    if (slot)
        *slot = s;
}

static void read_formats(ywalk *w, const yev *v, parse_ctx *c)
{
    /* A single name is accepted as a list of one. */
    if (v->kind == YEV_SCALAR)
        add_format(w, v, c);
    else if (v->kind != YEV_SEQ_START) {
        yw_error(w, v, "'formats' expects a list of format names, not %s", yw_kind_name(v));
        yw_skip(w, v);
    } else {
        yev item;
        while (yw_next(w, &item) && item.kind != YEV_SEQ_END)
            add_format(w, &item, c);
    }
    c->t->formats = c->formats.items;
    c->t->n_formats = c->formats.n;
}

/* ---- logo ---- */


static void logo_on(ywalk *w, const yev *v, tpl_logo *logo)
{
    static const char *const places[] = {LOGO_PLACE_NAMES, NULL};
    logo->on_cover = logo->on_header = 0;
    yev item = *v;
    int list = v->kind == YEV_SEQ_START;
    if (v->kind == YEV_MAP_START) {
        yw_error(w, v, "'logo.on' expects cover, header or a list of them, not a mapping");
        yw_skip(w, v);
        return;
    }
    while (!list || (yw_next(w, &item) && item.kind != YEV_SEQ_END)) {
        int i;
        if (yw_choice(w, &item, "logo.on", places, &i))
            *(i ? &logo->on_header : &logo->on_cover) = 1;
        if (!list)
            break;
    }
}

static void logo_file(ywalk *w, const yev *v, template_src *t)
{
    const char *rel = NULL;
    if (!yw_text(w, v, "logo.file", &rel))
        return;
    char path[PATH_MAX], err[512];
    tpl_logo *logo = &t->logo;
    logo->image.at = (quire_pos){t->path, w->key.line, w->key.col};
    if (input_resolve(t->dir, rel, t->allow_any_path, path, sizeof path, err, sizeof err) != 0) {
        yw_error_at(w, w->key, "logo '%s': %s", rel, err);
        return;
    }
    char *abs = realpath(path, NULL);
    if (!abs) {
        yw_error_at(w, w->key, "logo '%s': %s", rel, strerror(errno));
        return;
    }
    logo->image.path = arena_strdup(w->a, abs);
    free(abs);
    int probed = image_probe(logo->image.path, w->a, &logo->image, err, sizeof err);
    if (probed == IMAGE_OUT_OF_MEMORY)
        diag_out_of_memory(w->d, w->path, w->key.line, w->key.col);
    else if (probed != 0)
        yw_error_at(w, w->key, "logo '%s': %s", rel, err);
}

static void logo_key(ywalk *w, void *obj, int key, const yev *v)
{
    template_src *t = obj;
    tpl_logo *logo = &t->logo;
    switch (key) {
    case LOGO_FILE: logo_file(w, v, t); break;
    case LOGO_WIDTH:
        if (yw_number(w, v, "logo.width_mm", &logo->width_mm, NULL) && !(logo->width_mm > 0)) {
            yw_error(w, v, "'logo.width_mm' must be greater than 0");
            logo->width_mm = DEFAULT_LOGO_MM;
        }
        break;
    case LOGO_ALT: yw_text(w, v, "logo.alt", &logo->image.alt); break;
    case LOGO_ON: logo_on(w, v, logo); break;
    }
}

static void read_logo(ywalk *w, const yev *v, template_src *t)
{
    tpl_logo *logo = &t->logo;
    logo->given = 1;
    logo->pos = yw_mark(v);
    logo->width_mm = DEFAULT_LOGO_MM;
    logo->on_cover = 1;
    if (!yw_mapping(w, v, "logo", logo_keys, logo_key, t) || w->fatal)
        return;
    if (!logo->image.path && !logo->image.at.line)
        yw_error(w, v, "logo needs 'file:', a PNG or JPEG image");
    logo->image.decorative = logo->image.alt == NULL;
}

static void root_key(ywalk *w, void *obj, int key, const yev *v)
{
    parse_ctx *c = obj;
    template_src *t = c->t;
    switch (key) {
    case ROOT_VERSION: read_version(w, v, c); break;
    case ROOT_NAME: yw_text(w, v, "name", &t->name); break;
    case ROOT_PAGE: yw_mapping(w, v, "page", page_keys, page_key, c); break;
    case ROOT_FONTS:
        t->fonts_at = w->key;
        yw_mapping(w, v, "fonts", font_keys, font_key, t);
        break;
    case ROOT_PALETTE: read_palette(w, v, t); break;
    case ROOT_HEADER:
        t->header_at = w->key;
        yw_string(w, v, "header", &t->header);
        break;
    case ROOT_FOOTER:
        t->footer_at = w->key;
        yw_string(w, v, "footer", &t->footer);
        break;
    case ROOT_FORMATS: read_formats(w, v, c); break;
    case ROOT_BODY:
        c->has_body = 1;
        tpl_read_body(w, v, t);
        break;
    case ROOT_LOGO: read_logo(w, v, t); break;
    }
}

/* A key that is no template key: a plugin section when it holds a
 * mapping and does not look like a misspelt template key. */
static int other_key(ywalk *w, void *obj, const yev *key, const yev *value)
{
    parse_ctx *c = obj;
    if (suggest_nearest(key->value, root_keys))
        return 0;
    return tpl_read_section(w, c->t, key, value);
}

/* The file's base name without its extension: the name when none is given. */
static const char *name_from_path(arena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return arena_strndup(a, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* The absolute folder of path, in the arena. */
static const char *dir_of(arena *a, const char *path)
{
    char dir[PATH_MAX];
    if (input_dir_of(path, dir, sizeof dir) != 0)
        return NULL;
    char *real = realpath(dir, NULL);
    const char *out = real ? arena_strdup(a, real) : NULL;
    free(real);
    return out;
}

static template_src *src_new(const char *path, int allow_any_path)
{
    template_src *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    arena_init(&t->mem);
    t->path = arena_strdup(&t->mem, path);
    t->dir = dir_of(&t->mem, path);
    t->allow_any_path = allow_any_path;
    t->page_size = page_sizes[0].name;
    t->page_w = page_sizes[0].w;
    t->page_h = page_sizes[0].h;
    for (int i = 0; i < 4; i++)
        t->margin_mm[i] = DEFAULT_MARGIN_MM;
    t->font_body = "NanumGothic";
    t->font_bold = "NanumGothic:bold";
    t->fonts_at = (tpl_pos){1, 1};
    t->n_palette = sizeof default_palette / sizeof default_palette[0];
    t->palette = arena_alloc(&t->mem, sizeof default_palette);
    if (!t->path || !t->palette) {
        template_src_free(t);
        return NULL;
    }
    if (!t->dir)
        t->dir = ".";
    memcpy(t->palette, default_palette, sizeof default_palette);
    return t;
}

static void check_room(ywalk *w, const parse_ctx *c)
{
    const template_src *t = c->t;
    double wd = (t->landscape ? t->page_h : t->page_w) / MM_TO_PT;
    double h = (t->landscape ? t->page_w : t->page_h) / MM_TO_PT;
    const double *m = t->margin_mm;
    if (wd - m[1] - m[3] < MIN_CONTENT_MM || h - m[0] - m[2] < MIN_CONTENT_MM)
        yw_error_at(w, c->margin_at,
                    "margins leave less than %.0f mm of the %s %s page for content",
                    MIN_CONTENT_MM, t->page_size, t->landscape ? "landscape" : "portrait");
    else if (t->logo.given && t->logo.width_mm > wd - m[1] - m[3])
        yw_error_at(w, t->logo.pos, "logo.width_mm %g is wider than the page's %.0f mm of "
                    "content", t->logo.width_mm, wd - m[1] - m[3]);
}

static void read_document(ywalk *w, template_src *t)
{
    yev root, end;
    parse_ctx c = {.t = t};
    if (!yw_next(w, &root))
        return;
    if (root.kind == YEV_END) {
        yw_error(w, &root, "empty template: expected a mapping starting with "
                           "'quire-template: 1'");
        return;
    }
    if (root.kind != YEV_MAP_START) {
        yw_error(w, &root, "a template is a mapping starting with 'quire-template: 1', got %s",
                 yw_kind_name(&root));
        return;
    }
    yw_mapping_other(w, &root, "the template", root_keys, root_key, other_key, &c);
    if (w->fatal)
        return;
    if (!c.has_version)
        yw_error(w, &root, "missing 'quire-template: 1'");
    if (!c.has_body)
        yw_error(w, &root, "missing 'body:', the list of blocks to render");
    if (c.margin_at.line || t->logo.given)
        check_room(w, &c);
    tpl_check_body(w, t);
    if (!t->name)
        t->name = name_from_path(&t->mem, t->path);
    yw_next(w, &end);  /* reports a second document */
}

template_src *template_load(const char *path, int allow_any_path, diag *d)
{
    int errors = d->errors;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        diag_error(d, path, 0, 0, "cannot read template: %s",
                   S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
        return NULL;
    }
    if (stat(path, &st) == 0 && st.st_size > QUIRE_MAX_TEMPLATE_BYTES) {
        diag_error(d, path, 0, 0, "template is larger than %ld bytes",
                   (long)QUIRE_MAX_TEMPLATE_BYTES);
        return NULL;
    }
    template_src *t = src_new(path, allow_any_path);
    if (!t) {
        diag_out_of_memory(d, path, 0, 0);
        return NULL;
    }
    ywalk w;
    if (yw_open(&w, t->path, "template", d, &t->mem) != 0) {
        if (errno == ENOMEM)
            diag_out_of_memory(d, path, 0, 0);
        else
            diag_error(d, path, 0, 0, "cannot open template: %s", w.src.open_error);
        template_src_free(t);
        return NULL;
    }
    read_document(&w, t);
    yw_close(&w);
    if (d->errors > errors) {
        template_src_free(t);
        return NULL;
    }
    return t;
}

template_src *template_parse(const char *path, diag *d)
{
    return template_load(path, 0, d);
}

void template_src_free(template_src *t)
{
    if (!t)
        return;
    arena_free(&t->mem);
    free(t);
}

quire_strings template_formats(const template_src *t)
{
    return (quire_strings){(const char *const *)t->formats, t->n_formats};
}
