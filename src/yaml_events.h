/* yaml_events.h — libyaml's event stream, made safe for the readers of
 * datasets and templates: aliases replayed from recorded anchors (with a
 * cap on the nodes and bytes they produce), a nesting limit, one document
 * per file, no NUL in a scalar, and 1-based positions. */
#ifndef QUIRE_YAML_EVENTS_H
#define QUIRE_YAML_EVENTS_H

#include "arena.h"
#include "diag.h"
#include "read_limits.h"
#include "strmap.h"

#include <stdio.h>
#include <yaml.h>

/* Kept for the readers that name them. */
#define YEV_MAX_DEPTH QUIRE_MAX_DEPTH
#define YEV_MAX_REPLAYED QUIRE_MAX_ALIAS_NODES

typedef enum yev_kind {
    YEV_SCALAR,
    YEV_SEQ_START,
    YEV_SEQ_END,
    YEV_MAP_START,
    YEV_MAP_END,
    YEV_END         /* end of the one document (or an empty file) */
} yev_kind;

typedef struct yev {
    yev_kind kind;
    const char *value;  /* SCALAR: NUL-terminated, valid until the next yev_next() */
    size_t length;
    int plain;          /* SCALAR: unquoted and untagged, so it may be a number or null */
    long line, col;     /* 1-based */
} yev;

typedef struct yev_record yev_record;

/* One replay in progress: record index and the next item. Replays nest
 * when an anchored node holds an alias. */
typedef struct yev_frame {
    size_t record, pos;
} yev_frame;

typedef struct yev_source {
    yaml_parser_t parser;
    int parsing;            /* parser initialized */
    const unsigned char *bytes;  /* the whole file, in strings: what was read */
    size_t size;
    const char *path;
    const char *what;       /* "dataset" (the default), "template": for messages */
    diag *d;
    arena *strings;         /* copies of recorded scalars */
    int started, empty;
    int depth;
    yev_record *records;    /* every anchor seen, newest last */
    size_t n_records, cap_records;
    strmap anchors;         /* anchor name -> newest record with that name */
    size_t *open;           /* records still recording, innermost last */
    size_t n_open, cap_open;
    yev_frame *replay;      /* the alias being replayed: a stack, innermost last */
    size_t n_replay, cap_replay;
    size_t alias_nodes, alias_bytes;  /* what aliases produced so far, for the caps */
    yaml_event_t event;     /* the last parser event, freed on the next call */
    int have_event;
    char open_error[128];   /* why yev_open failed ("not a regular file (a FIFO)") */
} yev_source;

/* Reads path, a regular file (a FIFO or device is refused at once), whole
 * into strings (src->bytes: plugins attach these, not the file again).
 * Returns 0, or -1 with errno set and the reason in src->open_error
 * (nothing reported). Set src->what afterwards when the file is not a
 * dataset. */
int yev_open(yev_source *src, const char *path, diag *d, arena *strings);
/* Frees everything but the arena's strings. */
void yev_close(yev_source *src);

/* The next event. Returns 1, or 0 after reporting a fatal error (a YAML
 * syntax error, a bomb, too deep, a second document): stop reading then.
 * A NUL in a scalar is reported and the scalar delivered cut at the NUL. */
int yev_next(yev_source *src, yev *out);

/* Where in the file the character at offset (bytes) of a scalar's value
 * is, the scalar starting at line:col of bytes (its quote, its | or >, or
 * its first character). For messages about a character inside a long,
 * folded or literal scalar. Returns 1 with *at_line, *at_col set, or 0
 * when the value cannot be followed through the source (an escape such as
 * \u00e9 in a double-quoted scalar): then say where the scalar starts. */
int yev_locate(const unsigned char *bytes, size_t size, long line, long col, const char *value,
               size_t offset, long *at_line, long *at_col);

/* 1 when the plain scalar ev stands in a flow collection ({ } or [ ])
 * right after ", " and is followed by nothing but ',', '}' or ']': most
 * often the tail of a value that held ", " and was not quoted ("label:
 * City, Korea" in braces makes a key "Korea"). For the hint "quote the
 * value" beside the error such a split causes. */
int yev_comma_tail(const yev_source *src, const yev *ev);

/* 1 when the collection ev starts is written in flow style ([ ] or { }). */
int yev_is_flow(const yev_source *src, const yev *ev);

#endif
