/* yaml_events.c — libyaml events with aliases replayed, depth and
 * expansion capped, and errors placed at file:line:col. */
#include "yaml_events.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct yev_record {
    char *anchor;
    yev *events;
    size_t n, cap;
    int start_depth;
    int open;
};

int yev_open(yev_source *src, const char *path, diag *d, arena *strings)
{
    memset(src, 0, sizeof *src);
    src->path = path;
    src->d = d;
    src->strings = strings;
    src->file = fopen(path, "rb");
    if (!src->file)
        return -1;
    if (!yaml_parser_initialize(&src->parser)) {
        fclose(src->file);
        src->file = NULL;
        errno = ENOMEM;
        return -1;
    }
    yaml_parser_set_input_file(&src->parser, src->file);
    return 0;
}

void yev_close(yev_source *src)
{
    if (src->have_event)
        yaml_event_delete(&src->event);
    if (src->file) {
        yaml_parser_delete(&src->parser);
        fclose(src->file);
    }
    for (size_t i = 0; i < src->n_records; i++) {
        free(src->records[i].anchor);
        free(src->records[i].events);
    }
    free(src->records);
    free(src->open);
    strmap_free(&src->anchors);
    memset(src, 0, sizeof *src);
}

/* libyaml only gives a byte offset for encoding errors: count the lines
 * and characters before it. */
static void offset_to_position(const char *path, size_t offset, long *line, long *col)
{
    *line = 1;
    *col = 1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    unsigned char bom[3];
    size_t i = 0;
    if (fread(bom, 1, 3, f) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        i = 3;
    else
        rewind(f);
    int c;
    for (; i < offset && (c = getc(f)) != EOF; i++) {
        if (c == '\n') {
            ++*line;
            *col = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            ++*col;  /* columns count characters, not bytes */
        }
    }
    fclose(f);
}

static void report_syntax_error(yev_source *src)
{
    yaml_parser_t *p = &src->parser;
    const char *problem = p->problem ? p->problem : "cannot parse YAML";
    long line, col;
    if (p->error == YAML_READER_ERROR) {
        offset_to_position(src->path, p->problem_offset, &line, &col);
        if (p->problem_value != -1)
            diag_error(src->d, src->path, line, col, "%s (byte 0x%02X)",
                       problem, (unsigned)p->problem_value & 0xFF);
        else
            diag_error(src->d, src->path, line, col, "%s", problem);
        return;
    }
    line = (long)p->problem_mark.line + 1;
    col = (long)p->problem_mark.column + 1;
    if (p->context)
        diag_error(src->d, src->path, line, col, "%s (%s at line %ld, column %ld)", problem,
                   p->context, (long)p->context_mark.line + 1, (long)p->context_mark.column + 1);
    else
        diag_error(src->d, src->path, line, col, "%s", problem);
}

static int record_push(yev_source *src, yev_record *r, const yev *ev, int copy)
{
    if (r->n == r->cap) {
        /* An anchored scalar is one event: give it room for just that. */
        size_t cap = r->cap ? r->cap * 2 : r->open ? 16 : 1;
        yev *e = realloc(r->events, cap * sizeof *e);
        if (!e)
            return -1;
        r->events = e;
        r->cap = cap;
    }
    yev *e = &r->events[r->n++];
    *e = *ev;
    if (ev->kind == YEV_SCALAR && copy) {
        e->value = arena_strndup(src->strings, ev->value, ev->length);
        if (!e->value)
            return -1;
    }
    return 0;
}

static yev_record *record_new(yev_source *src, const char *anchor)
{
    if (src->n_records == src->cap_records) {
        size_t cap = src->cap_records ? src->cap_records * 2 : 8;
        yev_record *r = realloc(src->records, cap * sizeof *r);
        if (!r)
            return NULL;
        src->records = r;
        src->cap_records = cap;
    }
    yev_record *r = &src->records[src->n_records];
    memset(r, 0, sizeof *r);
    r->anchor = strdup(anchor);
    if (!r->anchor || strmap_put(&src->anchors, r->anchor, src->n_records) != 0) {
        free(r->anchor);
        return NULL;
    }
    src->n_records++;
    return r;
}

static int open_push(yev_source *src, size_t index)
{
    if (src->n_open == src->cap_open) {
        size_t cap = src->cap_open ? src->cap_open * 2 : 8;
        size_t *open = realloc(src->open, cap * sizeof *open);
        if (!open)
            return -1;
        src->open = open;
        src->cap_open = cap;
    }
    src->open[src->n_open++] = index;
    return 0;
}

/* Depth, anchors and recording for one event on its way out. */
static int deliver(yev_source *src, const yev *ev, const char *anchor, int copy)
{
    int starts = ev->kind == YEV_SEQ_START || ev->kind == YEV_MAP_START;
    int ends = ev->kind == YEV_SEQ_END || ev->kind == YEV_MAP_END;
    if (starts && src->depth >= YEV_MAX_DEPTH) {
        diag_error(src->d, src->path, ev->line, ev->col, "nesting deeper than %d levels",
                   YEV_MAX_DEPTH);
        return 0;
    }
    if (anchor) {
        yev_record *r = record_new(src, anchor);
        if (!r)
            goto nomem;
        r->start_depth = src->depth;
        r->open = starts;
        if (starts && open_push(src, src->n_records - 1) != 0)
            goto nomem;
        if (!starts && record_push(src, r, ev, copy) != 0)
            goto nomem;
    }
    if (starts)
        src->depth++;
    if (ends)
        src->depth--;
    for (size_t i = 0; i < src->n_open; i++)
        if (record_push(src, &src->records[src->open[i]], ev, copy) != 0)
            goto nomem;
    /* Open records nest, so the ones this event closes are on top. */
    while (ends && src->n_open &&
           src->records[src->open[src->n_open - 1]].start_depth == src->depth)
        src->records[src->open[--src->n_open]].open = 0;
    return 1;
nomem:
    diag_error(src->d, src->path, ev->line, ev->col, "out of memory");
    return 0;
}

static int start_replay(yev_source *src, const char *anchor, long line, long col)
{
    size_t *index = strmap_get(&src->anchors, anchor);
    if (index) {
        yev_record *r = &src->records[*index];
        if (r->open) {
            diag_error(src->d, src->path, line, col,
                       "alias '*%s' refers to a node that contains it", anchor);
            return 0;
        }
        src->replay = r;
        src->replay_pos = 0;
        src->alias_line = line;
        src->alias_col = col;
        return 1;
    }
    diag_error(src->d, src->path, line, col, "unknown alias '*%s'", anchor);
    return 0;
}

/* The next event of the replayed alias, if one is being replayed. */
static int next_replayed(yev_source *src, yev *out)
{
    yev_record *r = src->replay;
    *out = r->events[src->replay_pos++];
    if (src->replay_pos == r->n)
        src->replay = NULL;
    if (++src->replayed > YEV_MAX_REPLAYED) {
        diag_error(src->d, src->path, src->alias_line, src->alias_col,
                   "aliases expand to more than %d nodes; refusing to expand further",
                   YEV_MAX_REPLAYED);
        return 0;
    }
    return deliver(src, out, NULL, 0);
}

static int scalar_is_plain(const yaml_event_t *e)
{
    if (e->data.scalar.tag)
        return 0;
    return e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

int yev_next(yev_source *src, yev *out)
{
    if (src->replay)
        return next_replayed(src, out);
    for (;;) {
        if (src->have_event) {
            yaml_event_delete(&src->event);
            src->have_event = 0;
        }
        if (!yaml_parser_parse(&src->parser, &src->event)) {
            report_syntax_error(src);
            return 0;
        }
        src->have_event = 1;
        yaml_event_t *e = &src->event;
        memset(out, 0, sizeof *out);
        out->line = (long)e->start_mark.line + 1;
        out->col = (long)e->start_mark.column + 1;
        switch (e->type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        case YAML_NO_EVENT:
            continue;
        case YAML_DOCUMENT_START_EVENT:
            if (src->started) {
                diag_error(src->d, src->path, out->line, out->col,
                           "a second YAML document: a dataset file holds exactly one");
                return 0;
            }
            src->started = 1;
            continue;
        case YAML_STREAM_END_EVENT:
            out->kind = YEV_END;
            src->empty = !src->started;
            if (src->empty)
                out->line = out->col = 1;
            return 1;
        case YAML_ALIAS_EVENT:
            if (!start_replay(src, (const char *)e->data.alias.anchor, out->line, out->col))
                return 0;
            return next_replayed(src, out);
        case YAML_SCALAR_EVENT:
            out->kind = YEV_SCALAR;
            out->value = (const char *)e->data.scalar.value;
            out->length = e->data.scalar.length;
            out->plain = scalar_is_plain(e);
            return deliver(src, out, (const char *)e->data.scalar.anchor, 1);
        case YAML_SEQUENCE_START_EVENT:
            out->kind = YEV_SEQ_START;
            return deliver(src, out, (const char *)e->data.sequence_start.anchor, 1);
        case YAML_SEQUENCE_END_EVENT:
            out->kind = YEV_SEQ_END;
            return deliver(src, out, NULL, 1);
        case YAML_MAPPING_START_EVENT:
            out->kind = YEV_MAP_START;
            return deliver(src, out, (const char *)e->data.mapping_start.anchor, 1);
        case YAML_MAPPING_END_EVENT:
            out->kind = YEV_MAP_END;
            return deliver(src, out, NULL, 1);
        }
    }
}
