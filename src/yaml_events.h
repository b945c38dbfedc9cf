/* yaml_events.h — libyaml's event stream, made safe for the loader:
 * aliases replayed from recorded anchors (with a cap on expanded events),
 * a nesting limit, one document per file, and 1-based positions. */
#ifndef QUIRE_YAML_EVENTS_H
#define QUIRE_YAML_EVENTS_H

#include "arena.h"
#include "diag.h"
#include "strmap.h"

#include <stdio.h>
#include <yaml.h>

/* Nesting deeper than this is refused: no real dataset needs it. */
#define YEV_MAX_DEPTH 64
/* Events that aliases may replay in one file. A billion-laughs file hits
 * this long before it costs memory; a real dataset never comes near it. */
#define YEV_MAX_REPLAYED 1000000

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

typedef struct yev_source {
    yaml_parser_t parser;
    FILE *file;
    const char *path;
    diag *d;
    arena *strings;         /* copies of recorded scalars */
    int started, ended, empty;
    int depth;
    yev_record *records;    /* every anchor seen, newest last */
    size_t n_records, cap_records;
    strmap anchors;         /* anchor name -> newest record with that name */
    size_t *open;           /* records still recording, innermost last */
    size_t n_open, cap_open;
    yev_record *replay;     /* the alias being replayed, or NULL */
    size_t replay_pos;
    long alias_line, alias_col;  /* the alias being replayed */
    size_t replayed;        /* events replayed so far, for the cap */
    yaml_event_t event;     /* the last parser event, freed on the next call */
    int have_event;
} yev_source;

/* Opens path. Returns 0, or -1 with errno set (nothing reported). */
int yev_open(yev_source *src, const char *path, diag *d, arena *strings);
/* Closes the file and frees everything but the arena's strings. */
void yev_close(yev_source *src);

/* The next event. Returns 1, or 0 after reporting a fatal error (a YAML
 * syntax error, a bomb, too deep, a second document): stop reading then. */
int yev_next(yev_source *src, yev *out);

#endif
