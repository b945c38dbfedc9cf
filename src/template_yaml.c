/* template_yaml.c — checked access to the libyaml document of a template. */
#include "template_yaml.h"
#include "suggest.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Templates are a few kilobytes; anything this large is not one. */
#define TPL_MAX_BYTES (16L * 1024 * 1024)

static char *read_file(const char *path, diag *d, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, path, 0, 0, "cannot open template: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || (long)cap >= TPL_MAX_BYTES)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (!buf)
        diag_error(d, path, 0, 0, "out of memory reading template");
    else if (ferror(f)) {
        diag_error(d, path, 0, 0, "cannot read template: %s", strerror(errno));
        free(buf);
        buf = NULL;
    } else if (n == cap) {
        diag_error(d, path, 0, 0, "template is larger than %ld bytes", TPL_MAX_BYTES);
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* libyaml's reader knows only a byte offset: turn it into line and column
 * (columns count characters, as libyaml's marks do). */
static void offset_to_pos(const char *buf, size_t len, size_t off, long *line, long *col)
{
    *line = 1;
    *col = 1;
    size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    for (; i < off && i < len; i++) {
        if (buf[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (buf[i] != '\r' && ((unsigned char)buf[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

static void report_syntax(yaml_parser_t *p, const char *path, diag *d,
                          const char *buf, size_t len)
{
    long line, col;
    if (p->error == YAML_MEMORY_ERROR) {
        diag_error(d, path, 0, 0, "out of memory parsing template");
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        offset_to_pos(buf, len, p->problem_offset, &line, &col);
        if (p->problem_value != -1)
            diag_error(d, path, line, col, "%s (byte 0x%02X): the file must be UTF-8",
                       p->problem, (unsigned)p->problem_value & 0xFF);
        else
            diag_error(d, path, line, col, "%s", p->problem);
        return;
    }
    /* Worded like the dataset loader's syntax errors (yaml_events.c). */
    const char *problem = p->problem ? p->problem : "cannot parse YAML";
    line = (long)p->problem_mark.line + 1;
    col = (long)p->problem_mark.column + 1;
    if (p->context)
        diag_error(d, path, line, col, "%s (%s at line %ld, column %ld)", problem, p->context,
                   (long)p->context_mark.line + 1, (long)p->context_mark.column + 1);
    else
        diag_error(d, path, line, col, "%s", problem);
}

/* A second document after the first is an error: a template is one file,
 * one document. */
static int check_single(yaml_parser_t *p, const char *path, diag *d,
                        const char *buf, size_t len)
{
    yaml_document_t next;
    if (!yaml_parser_load(p, &next)) {
        report_syntax(p, path, d, buf, len);
        return 0;
    }
    yaml_node_t *root = yaml_document_get_root_node(&next);
    if (root)
        diag_error(d, path, (long)root->start_mark.line + 1, (long)root->start_mark.column + 1,
                   "a template holds one YAML document; found a second one here");
    yaml_document_delete(&next);
    return root == NULL;
}

/* A first pass over the events, before libyaml builds the document: it
 * stops at the first nesting deeper than a template ever needs, because
 * libyaml's scanner slows down quadratically with depth. */
static int check_depth(const char *path, diag *d, const char *buf, size_t len)
{
    yaml_parser_t p;
    yaml_event_t ev;
    int depth = 0, ok = 1, done = 0;
    if (!yaml_parser_initialize(&p)) {
        diag_error(d, path, 0, 0, "out of memory parsing template");
        return 0;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    while (ok && !done) {
        if (!yaml_parser_parse(&p, &ev)) {
            report_syntax(&p, path, d, buf, len);
            ok = 0;
            break;
        }
        if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
            if (++depth > TPL_MAX_DEPTH) {
                diag_error(d, path, (long)ev.start_mark.line + 1, (long)ev.start_mark.column + 1,
                           "nesting deeper than %d levels", TPL_MAX_DEPTH);
                ok = 0;
            }
        } else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return ok;
}

/* Builds r->doc from buf: one document with something in it. */
static int load_document(tpl_reader *r, const char *buf, size_t len)
{
    yaml_parser_t p;
    int ok = 0;
    if (!yaml_parser_initialize(&p)) {
        diag_error(r->d, r->path, 0, 0, "out of memory parsing template");
        return 0;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    if (!yaml_parser_load(&p, &r->doc)) {
        report_syntax(&p, r->path, r->d, buf, len);
        goto cleanup;
    }
    r->has_doc = 1;
    if (!yaml_document_get_root_node(&r->doc)) {
        diag_error(r->d, r->path, 1, 1,
                   "empty template: expected a mapping starting with 'quire-template: 1'");
        goto cleanup;
    }
    ok = check_single(&p, r->path, r->d, buf, len);
cleanup:
    yaml_parser_delete(&p);
    return ok;
}

int yr_load(tpl_reader *r, const char *path, diag *d)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->d = d;
    size_t len;
    char *buf = read_file(path, d, &len);
    if (!buf)
        return 0;
    int ok = check_depth(path, d, buf, len) && load_document(r, buf, len);
    free(buf);
    return ok;
}

void yr_close(tpl_reader *r)
{
    if (r->has_doc)
        yaml_document_delete(&r->doc);
    r->has_doc = 0;
}

long yr_line(const yaml_node_t *n)
{
    return (long)n->start_mark.line + 1;
}

long yr_col(const yaml_node_t *n)
{
    return (long)n->start_mark.column + 1;
}

void yr_error(tpl_reader *r, const yaml_node_t *n, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(r->d, r->path, n ? yr_line(n) : 1, n ? yr_col(n) : 1, "%s", msg);
}

yaml_node_t *yr_node(tpl_reader *r, int index)
{
    if (r->capped)
        return NULL;
    yaml_node_t *n = yaml_document_get_node(&r->doc, index);
    if (n && ++r->visited > TPL_NODE_CAP) {
        r->capped = 1;
        yr_error(r, n, "more than %d nodes after expanding aliases; is this an alias bomb?",
                 TPL_NODE_CAP);
        return NULL;
    }
    return n;
}

yaml_node_t *yr_root(tpl_reader *r)
{
    return yr_node(r, 1);
}

const char *yr_kind(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_MAPPING_NODE: return "a mapping";
    case YAML_SEQUENCE_NODE: return "a list";
    default: return yr_is_null(n) ? "nothing" : "a single value";
    }
}

static int is_plain(const yaml_node_t *n)
{
    return n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

static const char *value_of(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

int yr_is_null(const yaml_node_t *n)
{
    if (!is_plain(n))
        return 0;
    const char *v = value_of(n);
    return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
           !strcmp(v, "NULL");
}

const char *yr_string(tpl_reader *r, const yaml_node_t *n, const char *what)
{
    if (n->type != YAML_SCALAR_NODE) {
        yr_error(r, n, "%s expects a string, got %s", what, yr_kind(n));
        return NULL;
    }
    if (yr_is_null(n)) {
        yr_error(r, n, "%s expects a string, got nothing", what);
        return NULL;
    }
    return value_of(n);
}

int yr_bool(tpl_reader *r, const yaml_node_t *n, const char *what, int *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", NULL};
    static const char *const no[] = {"false", "False", "FALSE", NULL};
    if (is_plain(n) && yr_lookup(value_of(n), yes) >= 0) {
        *out = 1;
        return 1;
    }
    if (is_plain(n) && yr_lookup(value_of(n), no) >= 0) {
        *out = 0;
        return 1;
    }
    if (n->type == YAML_SCALAR_NODE)
        yr_error(r, n, "%s expects true or false, got '%s'", what, value_of(n));
    else
        yr_error(r, n, "%s expects true or false, got %s", what, yr_kind(n));
    return 0;
}

/* A YAML decimal number: [-+]digits[.digits][e[-+]digits]. No hex, no inf. */
static int is_decimal(const char *s)
{
    int digits = 0;
    if (*s == '-' || *s == '+')
        s++;
    while (*s >= '0' && *s <= '9')
        s++, digits++;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            digits++;
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

int yr_number(tpl_reader *r, const yaml_node_t *n, const char *what, double *out)
{
    if (is_plain(n) && is_decimal(value_of(n))) {
        double v = strtod(value_of(n), NULL);
        if (isfinite(v)) {
            *out = v;
            return 1;
        }
    }
    if (n->type == YAML_SCALAR_NODE)
        yr_error(r, n, "%s expects a number, got '%s'", what, value_of(n));
    else
        yr_error(r, n, "%s expects a number, got %s", what, yr_kind(n));
    return 0;
}

int yr_lookup(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(s, list[i]))
            return i;
    return -1;
}

static void report_unknown(tpl_reader *r, const yaml_node_t *key, const char *what,
                           const char *const *known)
{
    const char *near = suggest_nearest(value_of(key), known);
    if (near)
        yr_error(r, key, "unknown key '%s' in %s; did you mean '%s'?", value_of(key), what, near);
    else
        yr_error(r, key, "unknown key '%s' in %s", value_of(key), what);
}

/* Known keys of any mapping in a template are few; first[] remembers where
 * each was first seen so that duplicates are found in one pass. */
#define YR_MAX_KEYS 32

int yr_mapping(tpl_reader *r, yaml_node_t *n, const char *what,
               const char *const *known, yr_key_fn fn, void *ctx)
{
    if (n->type != YAML_MAPPING_NODE) {
        yr_error(r, n, "%s expects a mapping, got %s", what, yr_kind(n));
        return 0;
    }
    long first[YR_MAX_KEYS] = {0};
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *key = yr_node(r, p->key);
        yaml_node_t *value = key ? yr_node(r, p->value) : NULL;
        if (!value)
            return 1;
        if (key->type != YAML_SCALAR_NODE) {
            yr_error(r, key, "keys in %s must be plain strings, got %s", what, yr_kind(key));
            continue;
        }
        if (is_plain(key) && !strcmp(value_of(key), "<<")) {
            yr_error(r, key, "merge keys (<<) are not supported");
            continue;
        }
        int k = yr_lookup(value_of(key), known);
        if (k < 0 || k >= YR_MAX_KEYS) {
            report_unknown(r, key, what, known);
            continue;
        }
        if (first[k]) {
            yr_error(r, key, "duplicate key '%s' in %s (first at line %ld)", value_of(key),
                     what, first[k]);
            continue;
        }
        first[k] = yr_line(key);
        fn(r, k, key, value, ctx);
    }
    return 1;
}
