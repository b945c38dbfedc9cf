#!/usr/bin/python3
"""One module below hpdf.h (issue 16, item 4): plugins/pdf/pdf_objects.c is
the only source that uses libharu's internals: its headers other than
hpdf.h, its object, stream, list and memory calls, and the fields of its
structures. Debian's hpdf.h includes those headers itself, so the compiler
cannot enforce the rule; this test reads every C file of the project.

And no file writes libharu's internal structures, pdf_objects.c included
(it calls libharu's functions and reads its fields): refused anywhere are
an assignment (=, op=, ++, --) to a member of a variable declared with one
of libharu's pointer types (HPDF_Dict, HPDF_Doc, ... read from its
headers), through a cast to one, or to a field only libharu's structures
have; in pdf_objects.c, which has no structure of its own, an assignment
to any member at all. The checker first proves on snippets that it
refuses each form.

usage: check_one_door.py SOURCE_DIR [LIBHARU_INCLUDE_DIR]"""
import glob
import os
import re
import sys

src = sys.argv[1]
inc = sys.argv[2] if len(sys.argv) > 2 else "/usr/include"
ALLOWED = os.path.join("plugins", "pdf", "pdf_objects.c")
LIBHARU_FIELDS = (r"mmgr|xref|catalog|write_fn|free_fn|before_write_fn|after_write_fn|filter"
                  r"|filterParams|pdf_version|compression_mode|page_list|trailer|info|attr"
                  r"|obj_id|gen_no|obj_class|start_offset|entry_typ|byte_offset")
INTERNAL = re.compile(
    r"#\s*include\s*[<\"]hpdf_\w+\.h[>\"]"                       # a header below hpdf.h
    r"|\bHPDF_(?:Dict|Array|Xref|Stream|List|Obj|Encoder)_\w+\s*\("  # object-layer calls
    r"|\bHPDF_(?:String|Binary|Name|Number|Real|Boolean|DictStream|Proxy|Null)_New\b"
    r"|\bHPDF_(?:MD5\w*|GetMem|FreeMem|PageAttr|OCLASS_\w+|STREAM_FILTER_\w+)\b"
    r"|->\s*(?:" + LIBHARU_FIELDS + r")\b")

# libharu's types that point to its structures: "typedef struct _HPDF_X_Rec
# *HPDF_X;" and the dictionaries and arrays under other names.
TYPES = set()
for h in glob.glob(os.path.join(inc, "hpdf*.h")):
    with open(h, encoding="latin-1") as f:
        text = f.read()
    TYPES.update(re.findall(r"typedef\s+struct\s+_HPDF_\w+_Rec\s*\*\s*(HPDF_\w+)\s*;", text))
    TYPES.update(re.findall(r"typedef\s+HPDF_(?:Dict|Array)\s+(HPDF_\w+)\s*;", text))
if not {"HPDF_Doc", "HPDF_Dict", "HPDF_Stream"} <= TYPES:
    print("FAIL: libharu's types not found in %s (%d)" % (inc, len(TYPES)))
    sys.exit(1)
TYPE_RE = "|".join(sorted(TYPES, key=len, reverse=True))
ASSIGN = r"\s*(?:=(?!=)|[-+*/%&|^]=|<<=|>>=|\+\+|--)"
MEMBERS = r"(?:\s*(?:->|\.)\s*\w+|\s*\[[^]]*\])*"   # the rest of a member path
DECL = re.compile(r"\b(?:" + TYPE_RE + r")\s+(?:const\s+)?\**\s*(\w+)\s*(?=[;=,)\[])")
CAST_WRITE = re.compile(r"\(\s*\(\s*(?:" + TYPE_RE + r")\s*\)\s*[\w.>-]+\s*\)\s*->\s*\w+" + MEMBERS
                        + ASSIGN)
FIELD_WRITE = re.compile(r"(?:->|\.)\s*(?:" + LIBHARU_FIELDS + r")\b" + ASSIGN
                         + r"|(?:\+\+|--)\s*[\w.>-]*(?:->|\.)\s*(?:" + LIBHARU_FIELDS + r")\b")
ANY_MEMBER_WRITE = re.compile(r"(?:->|\.)\s*\w+(?:\s*\[[^]]*\])*" + ASSIGN
                              + r"|(?:\+\+|--)\s*\w+\s*(?:->|\.)")


def strip(text):
    """Comments and string literals blanked (lines kept)."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", blank, text,
                  flags=re.S)


def chunks(code):
    """The file cut where the brace depth is back to 0: each function
    (its signature and body) is one piece, as is each file-scope
    declaration. (first line number, text) of each."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(code):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if depth == 0 and c in "};":
            out.append((code.count("\n", 0, start) + 1, code[start:i + 1]))
            start = i + 1
    out.append((code.count("\n", 0, start) + 1, code[start:]))
    return out


def var_write(names):
    """A write through a variable of one of libharu's types."""
    if not names:
        return None
    alt = "|".join(sorted(names))
    return re.compile(r"(?<![\w.>])(?:" + alt + r")\s*->\s*\w+" + MEMBERS + ASSIGN
                      + r"|(?:\+\+|--)\s*(?:" + alt + r")\s*->")


def writes(text, door):
    """(line, source line) of each write of libharu's structures; a
    variable's type is known in the function that declares it (or the
    whole file, declared at file scope)."""
    code = strip(text)
    pieces = chunks(code)
    file_names = set()
    for _, piece in pieces:
        if "{" not in piece or re.match(r"\s*(?:static\s+)?(?:const\s+)?\w+\s+\**\w+\s*=", piece):
            file_names.update(DECL.findall(piece))
    found = []
    lines = text.splitlines()
    for first, piece in pieces:
        var = var_write(file_names | set(DECL.findall(piece)))
        for k, line in enumerate(piece.split("\n")):
            hit = FIELD_WRITE.search(line) or CAST_WRITE.search(line) or (var and var.search(line))
            if door and not hit:
                hit = ANY_MEMBER_WRITE.search(line)
            if hit:
                no = first + k
                found.append((no, lines[no - 1].strip()))
    return found


# The checker refuses each form and passes plain code.
BAD = [("HPDF_Dict s = x;\ns->filter = 1;\n", False),
       ("void f(HPDF_Doc doc) { doc->pdf_version = HPDF_VER_17; }\n", False),
       ("void f(HPDF_Dict dict) { dict->attr = w; }\n", False),
       ("void f(HPDF_Dict d) { d->write_fn = fn; }\n", False),
       ("HPDF_Xref x;\nx->start_offset += 2;\n", False),
       ("void f(HPDF_Page page) { ((HPDF_PageAttr)page->attr)->fonts = 0; }\n", False),
       ("HPDF_Page p;\np->list = 0;\n", False),
       ("ctx->doc->compression_mode = 0;\n", False),
       ("void f(pdf_ctx *c) { c->doc->pdf_version = 3; }\n", False),
       ("static void g(void *o) { ((HPDF_Dict)o)->filter = 2; }\n", False),
       ("void f(HPDF_Dict s) { s->header.obj_id = 5; }\n", False),
       ("void f(x *w) { w->fn = 0; }\n", True),
       ("static HPDF_Doc shared;\nvoid f(void) { shared->error.error_no = 0; }\n", False)]
GOOD = [("void f(HPDF_Dict s, ctx *c) { c->pages = 3; if (s->filter == 0) return; }\n", False),
        ("/* s->filter = 1; */ const char *m = \"d->attr = 2\";\n", False),
        ("void f(HPDF_Doc doc) { return doc->xref->start_offset + doc->xref->entries->count; }\n", True),
        ("void f(HPDF_Dict pg) { use(pg); }\nvoid g(tag_page *pg) { pg->n++; pg->owner = 0; }\n", False)]
selftest = [("refused", t) for t, door in BAD if not writes(t, door)]
selftest += [("passed", t) for t, door in GOOD if writes(t, door)]
for what, t in selftest:
    print("FAIL: the checker should have %s: %r" % (what, t))
if selftest:
    sys.exit(1)

bad, scanned, door, written = [], 0, False, []
for top in ("src", "plugins", "include", "tests", "bench", "tools", "fuzz"):
    for root, dirs, files in os.walk(os.path.join(src, top)):
        dirs[:] = [d for d in dirs if not d.startswith(("build", "."))]
        for name in files:
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            scanned += 1
            if rel == ALLOWED:
                door = INTERNAL.search(text) is not None
            for line_no, line in enumerate(text.splitlines(), 1):
                if rel != ALLOWED and INTERNAL.search(line):
                    bad.append("%s:%d: %s" % (rel, line_no, line.strip()))
            for line_no, line in writes(text, rel == ALLOWED):
                written.append("%s:%d: %s" % (rel, line_no, line))
for b in bad:
    print("FAIL: libharu below hpdf.h outside %s: %s" % (ALLOWED, b))
for w in written:
    print("FAIL: a write to libharu's structures (call its functions): %s" % w)
if not door:
    print("FAIL: %s does not use libharu's internals: is the rule still checked?" % ALLOWED)
print("%d C files read, %d lines outside the one module, %d writes to libharu's structures "
      "(%d libharu types)" % (scanned, len(bad), len(written), len(TYPES)))
sys.exit(1 if bad or written or not door or scanned < 50 else 0)
