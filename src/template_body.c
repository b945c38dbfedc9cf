/* template_body.c — reading `body:`, the template's list of blocks. Each
 * item is a bare name (`- cover`) or a one-key mapping (`- heading: ...`). */
#include "template_model.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

/* Blocks written as a bare name. */
static const char *const bare_names[] = {"cover", "contents", "summary", "page_break",
                                         "sources", NULL};
static const tpl_kind bare_kinds[] = {TPL_COVER, TPL_CONTENTS, TPL_SUMMARY, TPL_PAGE_BREAK,
                                      TPL_SOURCES};
/* Blocks written as `name: value`. */
static const char *const keyed_names[] = {"heading", "figures", "section", "sections",
                                          "table", "tables", "chart", NULL};
static const char *const all_names[] = {"cover", "contents", "summary", "page_break",
                                        "sources", "heading", "figures", "section",
                                        "sections", "table", "tables", "chart", NULL};

static const char *scalar(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

static int is_word(const yaml_node_t *n, const char *word)
{
    return n->type == YAML_SCALAR_NODE && !strcmp(scalar(n), word);
}

int tpl_read_id(tpl_reader *r, yaml_node_t *n, const char *what, tpl_id *out)
{
    const char *s = yr_string(r, n, what);
    if (!s)
        return 0;
    if (!*s) {
        yr_error(r, n, "%s expects an id, got an empty string", what);
        return 0;
    }
    out->id = strdup(s);
    out->pos = tpl_pos_of(n);
    return out->id != NULL;
}

static size_t seq_len(const yaml_node_t *n)
{
    return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

/* More ids than this in one list is a mistake, and keeps the duplicate
 * check below cheap. */
#define TPL_MAX_IDS 1000

/* A list of ids (or one id as a scalar) into *ids; 0 on any error. */
static int read_ids(tpl_reader *r, yaml_node_t *n, const char *what, tpl_id **ids,
                    size_t *count)
{
    if (n->type == YAML_MAPPING_NODE) {
        yr_error(r, n, "%s expects an id or a list of ids, got a mapping", what);
        return 0;
    }
    size_t len = n->type == YAML_SCALAR_NODE ? 1 : seq_len(n);
    if (len > TPL_MAX_IDS) {
        yr_error(r, n, "%s lists %zu ids; at most %d are allowed", what, len, TPL_MAX_IDS);
        *ids = NULL;
        *count = 0;
        return 0;
    }
    tpl_id *out = calloc(len ? len : 1, sizeof *out);
    size_t got = 0;
    int ok = out != NULL;
    for (size_t i = 0; ok && i < len; i++) {
        yaml_node_t *item = n->type == YAML_SCALAR_NODE ? n
                                                        : yr_node(r, n->data.sequence.items.start[i]);
        if (!item || !tpl_read_id(r, item, what, &out[got])) {
            ok = 0;
            break;
        }
        for (size_t j = 0; j < got; j++)
            if (!strcmp(out[j].id, out[got].id)) {
                yr_error(r, item, "'%s' is listed twice in %s", out[got].id, what);
                ok = 0;
            }
        got++;
    }
    *ids = out;
    *count = got;
    return ok;
}

static void free_ids(tpl_id *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i].id);
    free(ids);
}

/* ---- chart: {table, type, x, y, title, value_labels, stacked, horizontal, donut} ---- */

typedef struct chart_ctx {
    tpl_chart *c;
    int has_table;
    yaml_node_t *y, *stacked, *horizontal, *donut;
} chart_ctx;

static void read_chart_type(tpl_reader *r, yaml_node_t *v, tpl_chart *c)
{
    static const char *const types[] = {"bar", "line", "pie", NULL};
    const char *s = yr_string(r, v, "chart.type");
    if (!s)
        return;
    int i = yr_lookup(s, types);
    if (i >= 0) {
        c->type = (quire_chart_type)i;
        return;
    }
    const char *near = suggest_nearest(s, types);
    if (near)
        yr_error(r, v, "unknown chart type '%s'; did you mean '%s'?", s, near);
    else
        yr_error(r, v, "unknown chart type '%s' (bar, line or pie)", s);
}

static void chart_flag(tpl_reader *r, yaml_node_t *v, const char *what, int *out,
                       yaml_node_t **where)
{
    if (yr_bool(r, v, what, out) && *out)
        *where = v;
}

static void chart_key(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    chart_ctx *cc = ctx;
    tpl_chart *c = cc->c;
    const char *s;
    switch (key) {
    case 0:
        cc->has_table = 1;
        tpl_read_id(r, v, "chart.table", &c->table);
        break;
    case 1: read_chart_type(r, v, c); break;
    case 2: c->has_x = tpl_read_id(r, v, "chart.x", &c->x); break;
    case 3:
        cc->y = v;
        if (!read_ids(r, v, "chart.y", &c->y, &c->n_y)) {
            free_ids(c->y, c->n_y);
            c->y = NULL;
            c->n_y = 0;
        } else if (!c->n_y) {
            yr_error(r, v, "chart.y expects at least one column id");
        }
        break;
    case 4:
        if ((s = yr_string(r, v, "chart.title")))
            c->title = strdup(s);
        break;
    case 5: yr_bool(r, v, "chart.value_labels", &c->value_labels); break;
    case 6: chart_flag(r, v, "chart.stacked", &c->stacked, &cc->stacked); break;
    case 7: chart_flag(r, v, "chart.horizontal", &c->horizontal, &cc->horizontal); break;
    default: chart_flag(r, v, "chart.donut", &c->donut, &cc->donut); break;
    }
}

/* Options that only make sense for one chart type. */
static void check_chart_options(tpl_reader *r, const chart_ctx *cc)
{
    const tpl_chart *c = cc->c;
    if (cc->stacked && c->type != QUIRE_CHART_BAR)
        yr_error(r, cc->stacked, "'stacked' applies to bar charts only");
    if (cc->horizontal && c->type != QUIRE_CHART_BAR)
        yr_error(r, cc->horizontal, "'horizontal' applies to bar charts only");
    if (cc->donut && c->type != QUIRE_CHART_PIE)
        yr_error(r, cc->donut, "'donut' applies to pie charts only");
    if (cc->y && c->type == QUIRE_CHART_PIE && c->n_y > 1)
        yr_error(r, cc->y, "a pie chart takes exactly one y column, got %zu", c->n_y);
}

static void read_chart(tpl_reader *r, yaml_node_t *v, tpl_block *b)
{
    static const char *const keys[] = {"table", "type", "x", "y", "title", "value_labels",
                                       "stacked", "horizontal", "donut", NULL};
    chart_ctx cc = {.c = &b->chart};
    b->chart.type = QUIRE_CHART_BAR;
    if (!yr_mapping(r, v, "chart", keys, chart_key, &cc) || r->capped)
        return;
    if (!cc.has_table)
        yr_error(r, v, "chart needs 'table: ID', the table it draws");
    check_chart_options(r, &cc);
}

/* ---- the other blocks ---- */

static void read_all_only(tpl_reader *r, yaml_node_t *v, tpl_block *b, tpl_kind kind,
                          const char *name, const char *one)
{
    b->kind = kind;
    if (!is_word(v, "all"))
        yr_error(r, v, "'%s' expects 'all'; write '%s: ID' for a single one", name, one);
}

static void read_one_id(tpl_reader *r, yaml_node_t *v, tpl_block *b, const char *name,
                        const char *plural)
{
    if (is_word(v, "all")) {
        yr_error(r, v, "'%s' names one id; write '%s: all' for every one", name, plural);
        return;
    }
    b->ids = calloc(1, sizeof *b->ids);
    if (b->ids && tpl_read_id(r, v, name, &b->ids[0]))
        b->n_ids = 1;
}

static void table_key(tpl_reader *r, int key, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
    read_one_id(r, v, ctx, "table", "tables");
}

static void read_table(tpl_reader *r, yaml_node_t *v, tpl_block *b)
{
    static const char *const keys[] = {"table", NULL};
    b->kind = TPL_TABLE;
    if (v->type != YAML_MAPPING_NODE) {
        read_one_id(r, v, b, "table", "tables");
        return;
    }
    if (yr_mapping(r, v, "table", keys, table_key, b) && !b->n_ids && !r->capped)
        yr_error(r, v, "table needs 'table: ID', the table to show");
}

static void read_figures(tpl_reader *r, yaml_node_t *v, tpl_block *b)
{
    b->kind = TPL_FIGURES;
    if (is_word(v, "all")) {
        b->all = 1;
        return;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
        yr_error(r, v, "'figures' expects 'all' or a list of figure ids");
        return;
    }
    read_ids(r, v, "figures", &b->ids, &b->n_ids);
}

static void read_heading(tpl_reader *r, yaml_node_t *v, tpl_block *b)
{
    b->kind = TPL_HEADING;
    const char *s = yr_string(r, v, "heading");
    if (s && !*s)
        yr_error(r, v, "heading expects a text, got an empty string");
    else if (s)
        b->text = strdup(s);
}

static void read_keyed(tpl_reader *r, int which, yaml_node_t *v, tpl_block *b)
{
    switch (which) {
    case 0: read_heading(r, v, b); break;
    case 1: read_figures(r, v, b); break;
    case 2:
        b->kind = TPL_SECTION;
        read_one_id(r, v, b, "section", "sections");
        break;
    case 3: read_all_only(r, v, b, TPL_SECTIONS_ALL, "sections", "section"); break;
    case 4: read_table(r, v, b); break;
    case 5: read_all_only(r, v, b, TPL_TABLES_ALL, "tables", "table"); break;
    default:
        b->kind = TPL_CHART;
        read_chart(r, v, b);
        break;
    }
}

static void unknown_block(tpl_reader *r, yaml_node_t *n)
{
    const char *near = suggest_nearest(scalar(n), all_names);
    if (near)
        yr_error(r, n, "unknown block '%s'; did you mean '%s'?", scalar(n), near);
    else
        yr_error(r, n, "unknown block '%s'", scalar(n));
}

static void read_bare(tpl_reader *r, yaml_node_t *n, tpl_block *b)
{
    int i = yr_lookup(scalar(n), bare_names);
    if (i >= 0)
        b->kind = bare_kinds[i];
    else if (yr_lookup(scalar(n), keyed_names) >= 0)
        yr_error(r, n, "block '%s' needs a value ('%s: ...')", scalar(n), scalar(n));
    else
        unknown_block(r, n);
}

static void read_mapping_block(tpl_reader *r, yaml_node_t *n, tpl_block *b)
{
    yaml_node_pair_t *p = n->data.mapping.pairs.start;
    if (p == n->data.mapping.pairs.top) {
        yr_error(r, n, "empty block");
        return;
    }
    yaml_node_t *key = yr_node(r, p->key);
    yaml_node_t *value = key ? yr_node(r, p->value) : NULL;
    if (!value)
        return;
    if (key->type != YAML_SCALAR_NODE) {
        yr_error(r, key, "a block's name must be a plain string, got %s", yr_kind(key));
        return;
    }
    if (p + 1 < n->data.mapping.pairs.top) {
        yaml_node_t *extra = yr_node(r, p[1].key);
        if (!extra)
            return;
        yr_error(r, extra, "a block has one key; start a new list item ('- ') or indent "
                 "this key under '%s'", scalar(key));
        return;
    }
    int which = yr_lookup(scalar(key), keyed_names);
    if (which >= 0)
        read_keyed(r, which, value, b);
    else if (yr_lookup(scalar(key), bare_names) >= 0)
        yr_error(r, key, "block '%s' takes no value; write '- %s'", scalar(key), scalar(key));
    else
        unknown_block(r, key);
}

void tpl_read_body(tpl_reader *r, yaml_node_t *body, template_src *t)
{
    if (t->blocks)
        return;
    if (body->type != YAML_SEQUENCE_NODE) {
        yr_error(r, body, "body expects a list of blocks, got %s", yr_kind(body));
        return;
    }
    size_t n = seq_len(body);
    if (!n) {
        yr_error(r, body, "body has no blocks; nothing would be rendered");
        return;
    }
    t->blocks = calloc(n, sizeof *t->blocks);
    for (size_t i = 0; t->blocks && i < n; i++) {
        yaml_node_t *item = yr_node(r, body->data.sequence.items.start[i]);
        if (!item)
            return;
        tpl_block *b = &t->blocks[t->n_blocks++];
        b->pos = tpl_pos_of(item);
        if (item->type == YAML_SCALAR_NODE)
            read_bare(r, item, b);
        else if (item->type == YAML_MAPPING_NODE)
            read_mapping_block(r, item, b);
        else
            yr_error(r, item, "a block is a name ('- cover') or a one-key mapping "
                     "('- heading: ...'), got a list");
    }
}

void tpl_blocks_free(tpl_block *blocks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tpl_block *b = &blocks[i];
        free(b->text);
        free_ids(b->ids, b->n_ids);
        free(b->chart.table.id);
        free(b->chart.x.id);
        free_ids(b->chart.y, b->chart.n_y);
        free(b->chart.title);
    }
    free(blocks);
}
