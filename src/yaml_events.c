/* yaml_events.c — libyaml events with aliases replayed, depth and
 * expansion capped, and errors placed at file:line:col. */
#include "yaml_events.h"

#include "input_path.h"
#include "utf8.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NO_REF SIZE_MAX

/* One recorded event, or a reference to another record: an alias inside
 * an anchored node is kept as the alias, not as its expansion. */
typedef struct yev_item {
    yev ev;
    size_t ref;     /* NO_REF, or the index of the record this item replays */
} yev_item;

struct yev_record {
    char *anchor;
    yev_item *items;
    size_t n, cap;
    int start_depth;
    int open;
    size_t nodes, bytes;    /* what replaying it delivers (saturating) */
};

int yev_open(yev_source *src, const char *path, diag *d, arena *strings)
{
    memset(src, 0, sizeof *src);
    src->path = path;
    src->what = "dataset";
    src->d = d;
    src->strings = strings;
    /* Not fopen(): a FIFO would block it forever, a device never end.
     * Read once, whole: what is parsed is what a plugin attaches. */
    if (input_read_all(path, strings, LONG_MAX / 2, &src->bytes, &src->size, src->open_error,
                       sizeof src->open_error) != 0)
        return -1;
    if (!yaml_parser_initialize(&src->parser)) {
        errno = ENOMEM;
        return -1;
    }
    src->parsing = 1;
    yaml_parser_set_input_string(&src->parser, src->bytes, src->size);
    diag_hold(d);   /* a syntax error further on is listed first */
    return 0;
}

void yev_close(yev_source *src)
{
    if (src->d)
        diag_release(src->d);
    if (src->have_event)
        yaml_event_delete(&src->event);
    if (src->parsing)
        yaml_parser_delete(&src->parser);
    for (size_t i = 0; i < src->n_records; i++) {
        free(src->records[i].anchor);
        free(src->records[i].items);
    }
    free(src->records);
    free(src->open);
    free(src->replay);
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

/* What a new user most often did, from what libyaml says and the
 * character it stopped at. */
static const char *syntax_hint(const yev_source *src)
{
    const yaml_parser_t *p = &src->parser;
    size_t at = p->problem_mark.index;
    if (p->problem && strstr(p->problem, "mapping values are not allowed"))
        return "; a ': ' inside a plain value starts a mapping: quote the value "
               "(title: \"Cloud: the year\")";
    if (p->problem && strstr(p->problem, "cannot start any token") && at < src->size &&
        src->bytes[at] == '\t')
        return "; a tab: YAML indents with spaces only";
    return "";
}

static void report_syntax(yev_source *src);

static void report_syntax_error(yev_source *src)
{
    diag_front(src->d, 1);   /* before the errors the held lines show */
    report_syntax(src);
    diag_front(src->d, 0);
}

static void report_syntax(yev_source *src)
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
        diag_error(src->d, src->path, line, col, "%s (%s at line %ld, column %ld)%s", problem,
                   p->context, (long)p->context_mark.line + 1, (long)p->context_mark.column + 1,
                   syntax_hint(src));
    else
        diag_error(src->d, src->path, line, col, "%s%s", problem, syntax_hint(src));
}

/* Adds a and b, stopping at SIZE_MAX: nested aliases multiply. */
static size_t sat_add(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static int item_push(yev_record *r, const yev *ev, size_t ref, size_t nodes, size_t bytes)
{
    if (r->n == r->cap) {
        /* An anchored scalar is one event: give it room for just that. */
        size_t cap = r->cap ? r->cap * 2 : r->open ? 16 : 1;
        yev_item *items = realloc(r->items, cap * sizeof *items);
        if (!items)
            return -1;
        r->items = items;
        r->cap = cap;
    }
    yev_item *it = &r->items[r->n++];
    if (ev)
        it->ev = *ev;
    else
        memset(&it->ev, 0, sizeof it->ev);
    it->ref = ref;
    r->nodes = sat_add(r->nodes, nodes);
    r->bytes = sat_add(r->bytes, bytes);
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

static int grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 8;
    void *p = realloc(*items, c * size);
    if (!p)
        return -1;
    *items = p;
    *cap = c;
    return 0;
}

static int open_push(yev_source *src, size_t index)
{
    if (grow((void **)&src->open, &src->cap_open, src->n_open, sizeof *src->open) != 0)
        return -1;
    src->open[src->n_open++] = index;
    return 0;
}

/* Depth, anchors and recording for one event on its way out. A replayed
 * event is not recorded again: the open records hold a reference to the
 * record it comes from instead, so memory stays linear in the file. */
static int deliver(yev_source *src, yev *ev, const char *anchor, int replayed)
{
    int starts = ev->kind == YEV_SEQ_START || ev->kind == YEV_MAP_START;
    int ends = ev->kind == YEV_SEQ_END || ev->kind == YEV_MAP_END;
    if (starts && src->depth >= QUIRE_MAX_DEPTH) {
        diag_error(src->d, src->path, ev->line, ev->col, "nesting deeper than %d levels",
                   QUIRE_MAX_DEPTH);
        return 0;
    }
    if (!replayed && (anchor || src->n_open)) {
        yev rec = *ev;  /* one copy of the scalar for every record that holds it */
        if (rec.kind == YEV_SCALAR &&
            !(rec.value = arena_strndup(src->strings, ev->value, ev->length)))
            goto nomem;
        size_t bytes = rec.kind == YEV_SCALAR ? rec.length : 0;
        if (anchor) {
            yev_record *r = record_new(src, anchor);
            if (!r)
                goto nomem;
            r->start_depth = src->depth;
            r->open = starts;
            if (starts && open_push(src, src->n_records - 1) != 0)
                goto nomem;
            if (!starts && item_push(r, &rec, NO_REF, 1, bytes) != 0)
                goto nomem;
        }
        for (size_t i = 0; i < src->n_open; i++)
            if (item_push(&src->records[src->open[i]], &rec, NO_REF, 1, bytes) != 0)
                goto nomem;
    }
    if (starts)
        src->depth++;
    if (ends)
        src->depth--;
    /* Open records nest, so the ones this event closes are on top. */
    while (!replayed && ends && src->n_open &&
           src->records[src->open[src->n_open - 1]].start_depth == src->depth)
        src->records[src->open[--src->n_open]].open = 0;
    return 1;
nomem:
    diag_out_of_memory(src->d, src->path, ev->line, ev->col);
    return 0;
}

static int frame_push(yev_source *src, size_t record)
{
    if (grow((void **)&src->replay, &src->cap_replay, src->n_replay, sizeof *src->replay) != 0)
        return -1;
    src->replay[src->n_replay++] = (yev_frame){record, 0};
    return 0;
}

/* Starts replaying the node anchor names, after checking what it would
 * produce against the caps: a bomb is refused before any of it is built. */
static int start_replay(yev_source *src, const char *anchor, long line, long col)
{
    size_t *index = strmap_get(&src->anchors, anchor);
    if (!index) {
        diag_error(src->d, src->path, line, col, "unknown alias '*%s'", anchor);
        return 0;
    }
    yev_record *r = &src->records[*index];
    if (r->open) {
        diag_error(src->d, src->path, line, col,
                   "alias '*%s' refers to a node that contains it", anchor);
        return 0;
    }
    size_t nodes = sat_add(src->alias_nodes, r->nodes);
    size_t bytes = sat_add(src->alias_bytes, r->bytes);
    if (nodes > QUIRE_MAX_ALIAS_NODES) {
        diag_error(src->d, src->path, line, col,
                   "aliases expand to more than %d nodes; refusing to expand further",
                   QUIRE_MAX_ALIAS_NODES);
        return 0;
    }
    if (bytes > (size_t)QUIRE_MAX_ALIAS_BYTES) {
        diag_error(src->d, src->path, line, col,
                   "aliases expand to more than %ld bytes of text; refusing to expand further",
                   (long)QUIRE_MAX_ALIAS_BYTES);
        return 0;
    }
    src->alias_nodes = nodes;
    src->alias_bytes = bytes;
    for (size_t i = 0; i < src->n_open; i++)
        if (item_push(&src->records[src->open[i]], NULL, *index, r->nodes, r->bytes) != 0)
            goto nomem;
    if (frame_push(src, *index) != 0)
        goto nomem;
    return 1;
nomem:
    diag_out_of_memory(src->d, src->path, line, col);
    return 0;
}

/* The next event of the alias being replayed, following the references
 * of the records it holds. */
static int next_replayed(yev_source *src, yev *out)
{
    for (;;) {
        yev_frame *f = &src->replay[src->n_replay - 1];
        const yev_record *r = &src->records[f->record];
        const yev_item *it = &r->items[f->pos++];
        if (f->pos == r->n)
            src->n_replay--;  /* done with this record: pop it before going deeper */
        if (it->ref == NO_REF) {
            *out = it->ev;
            return deliver(src, out, NULL, 1);
        }
        if (frame_push(src, it->ref) != 0) {
            diag_out_of_memory(src->d, src->path, it->ev.line, it->ev.col);
            return 0;
        }
    }
}

static int scalar_is_plain(const yaml_event_t *e)
{
    if (e->data.scalar.tag)
        return 0;
    return e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

int yev_next(yev_source *src, yev *out)
{
    if (src->n_replay)
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
                           "a second YAML document: a %s file holds exactly one", src->what);
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
            if (memchr(out->value, '\0', out->length)) {
                /* "\0" in a quoted scalar: C strings would stop there. */
                diag_error(src->d, src->path, out->line, out->col,
                           "a NUL character (\\0) is not allowed in a scalar");
                out->length = strlen(out->value);
            }
            unsigned long cp;
            if (utf8_xml_forbidden(out->value, out->length, &cp) < out->length)
                /* "\uFFFF" or "\x01" written as an escape: no XML output could hold it */
                diag_error(src->d, src->path, out->line, out->col,
                           "the character U+%04lX is not allowed in a scalar (XML 1.0, which "
                           "workbooks and PDF metadata are written in, forbids it)", cp);
            return deliver(src, out, (const char *)e->data.scalar.anchor, 0);
        case YAML_SEQUENCE_START_EVENT:
            out->kind = YEV_SEQ_START;
            return deliver(src, out, (const char *)e->data.sequence_start.anchor, 0);
        case YAML_SEQUENCE_END_EVENT:
            out->kind = YEV_SEQ_END;
            return deliver(src, out, NULL, 0);
        case YAML_MAPPING_START_EVENT:
            out->kind = YEV_MAP_START;
            return deliver(src, out, (const char *)e->data.mapping_start.anchor, 0);
        case YAML_MAPPING_END_EVENT:
            out->kind = YEV_MAP_END;
            return deliver(src, out, NULL, 0);
        }
    }
}

/* The byte offset of line:col (1-based, col in characters), or size. */
static size_t offset_of(const unsigned char *b, size_t size, long line, long col)
{
    size_t i = 0;
    for (long l = 1; l < line && i < size; i++)
        l += b[i] == '\n';
    for (long c = 1; c < col && i < size; c++)
        for (i++; i < size && (b[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

int yev_locate(const unsigned char *bytes, size_t size, long line, long col, const char *value,
               size_t offset, long *at_line, long *at_col)
{
    size_t start = offset_of(bytes, size, line, col), p = start;
    if (p >= size)
        return 0;
    if (bytes[p] == '|' || bytes[p] == '>') {
        while (p < size && bytes[p] != '\n')
            p++;   /* the header: | or > with its indicators and comment */
    } else if (bytes[p] == '"' || bytes[p] == '\'') {
        p++;
    }
    /* Each value byte is the next equal source byte; source bytes between
     * are line breaks, indentation, the '' of a single quote, or the \ of
     * a line continuation; a space of the value may be a folded break. */
    for (size_t v = 0; v < offset; v++) {
        unsigned char want = (unsigned char)value[v];
        size_t skipped = 0;
        while (p < size && bytes[p] != want) {
            unsigned char c = bytes[p];
            int gap = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '\\';
            if (!gap && !((want == ' ' || want == '\n') && skipped))
                return 0;
            if (!gap)
                break;   /* a folded break stood for this space */
            p++;
            skipped++;
        }
        if (p >= size)
            return 0;
        if (bytes[p] == want)
            p++;
    }
    while (p < size && (bytes[p] == '\n' || bytes[p] == '\r' || bytes[p] == ' ') &&
           value[offset] && bytes[p] != (unsigned char)value[offset])
        p++;   /* the character itself may begin the next line */
    long l = line, c = col;
    for (size_t i = start; i < p; i++) {
        if (bytes[i] == '\n') {
            l++;
            c = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *at_line = l;
    *at_col = c;
    return 1;
}

/* Byte offset of (line, col) in bytes (col counts characters), or size. */
static size_t position_offset(const unsigned char *b, size_t size, long line, long col)
{
    size_t i = 0;
    for (long l = 1; l < line && i < size; i++)
        if (b[i] == '\n')
            l++;
    for (long c = 1; c < col && i < size && b[i] != '\n'; c++) {
        i++;
        while (i < size && (b[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

int yev_comma_tail(const yev_source *src, const yev *ev)
{
    if (ev->kind != YEV_SCALAR || !ev->plain || !src->bytes || ev->line < 1)
        return 0;
    const unsigned char *b = src->bytes;
    size_t at = position_offset(b, src->size, ev->line, ev->col);
    if (at >= src->size || at < 2)
        return 0;
    /* before: ", " on the same line */
    size_t i = at;
    while (i > 0 && b[i - 1] == ' ')
        i--;
    if (i == at || i == 0 || b[i - 1] != ',')
        return 0;
    /* after the scalar's text: a ',' or a closing bracket, not ':' */
    size_t j = at + ev->length;
    while (j < src->size && b[j] == ' ')
        j++;
    return j < src->size && (b[j] == ',' || b[j] == '}' || b[j] == ']');
}

int yev_is_flow(const yev_source *src, const yev *ev)
{
    if (!src->bytes || ev->line < 1)
        return 0;
    size_t at = position_offset(src->bytes, src->size, ev->line, ev->col);
    return at < src->size && (src->bytes[at] == '[' || src->bytes[at] == '{');
}
