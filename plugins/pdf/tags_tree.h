/* tags_tree.h — the records of the structure tree, shared by the file
 * that builds them while pages are drawn (tags.c) and the one that writes
 * them to the file (tags_write.c). Compact on purpose: a 100,000-row table
 * has 700,000 elements, kept here until the file is written (about 64
 * bytes an element and 12 a kid; libharu's own objects took 10 KB a row). */
#ifndef QUIRE_PDF_TAGS_TREE_H
#define QUIRE_PDF_TAGS_TREE_H

#include <hpdf.h>
#include <stddef.h>

#define MAX_LEVELS 32

enum { KID_ELEM, KID_MCID, KID_OBJR };

typedef struct tag_kid {
    int kind;
    int v;        /* element index, MCID, or annotation index */
    int page;     /* 0-based page of an MCID */
} tag_kid;

typedef struct tag_elem {
    const char *type;
    char *alt;            /* Figure: /Alt (owned) */
    char *actual;         /* /ActualText (owned) */
    const char *scope;    /* TH: "Column" or "Row" */
    tag_kid *kids;        /* grown from one: most elements have one kid */
    size_t n_kids, cap_kids;
    int parent;           /* -1 for the Document */
    int page;             /* page of its first MCID, -1 */
} tag_elem;

/* One page_begin() of the drawing pass. */
typedef struct tag_level {
    int role;
    int artifact;         /* this level (or one below it) is an artifact */
    int elem;             /* its element, -1 until something needs it */
    int aux[2];           /* LI: Lbl, LBody; Table: THead, TBody; TR: the cell;
                             TOC: its title; TOCI: its Link */
    char *alt;            /* Figure: the alt given before the element exists */
} tag_level;

typedef struct tag_page {
    int *owner;           /* MCID -> element */
    size_t n, cap;
} tag_page;

typedef struct tag_annot {
    HPDF_Dict annot;
    int elem, page;
} tag_annot;

struct tags {
    tag_elem *elems;
    size_t n_elems, cap_elems;
    tag_level levels[MAX_LEVELS];
    size_t n_levels;      /* may exceed MAX_LEVELS: the excess is ignored */
    tag_page *pages;
    size_t n_pages;
    tag_annot *annots;
    size_t n_annots, cap_annots;
    /* the open marked-content sequence */
    int open;             /* 0 none, 1 artifact, 2 tagged */
    int open_elem;
    HPDF_Page open_page;
    int seen_h1;
    int loose;            /* a P for text drawn outside any role, or -1 */
    /* links in text: the Link element whose text is drawn now (-1), and
     * the last one, which a link that wraps continues */
    int link, link_last, link_parent, link_text;
    const void *link_key;
    int failed;
    /* written: the StructTreeRoot is object root (0 before the save),
     * elements are objects base + index, then the parent tree */
    size_t root, base;
};

/* libharu refuses an array of more than 32,767 items, and readers have
 * their own limits: no array the tree writes gets more than this. */
#define TAGS_MAX_KIDS 4096

#endif
