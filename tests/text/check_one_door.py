#!/usr/bin/python3
"""One module below hpdf.h (issue 16, item 4): plugins/pdf/pdf_objects.c is
the only source that uses libharu's internals: its headers other than
hpdf.h, its object, stream, list and memory calls, and the fields of its
structures. Debian's hpdf.h includes those headers itself, so the compiler
cannot enforce the rule; this test reads every C file of the project.

usage: check_one_door.py SOURCE_DIR"""
import os
import re
import sys

src = sys.argv[1]
ALLOWED = os.path.join("plugins", "pdf", "pdf_objects.c")
INTERNAL = re.compile(
    r"#\s*include\s*[<\"]hpdf_\w+\.h[>\"]"                       # a header below hpdf.h
    r"|\bHPDF_(?:Dict|Array|Xref|Stream|List|Obj|Encoder)_\w+\s*\("  # object-layer calls
    r"|\bHPDF_(?:String|Binary|Name|Number|Real|Boolean|DictStream|Proxy)_New\b"
    r"|\bHPDF_(?:MD5\w*|GetMem|FreeMem|PageAttr|OCLASS_\w+|STREAM_FILTER_\w+)\b"
    r"|->\s*(?:mmgr|xref|catalog|write_fn|free_fn|before_write_fn|after_write_fn|filter"
    r"|pdf_version|page_list|trailer|info|attr|obj_id|gen_no)\b")

bad, scanned, door = [], 0, False
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
for b in bad:
    print("FAIL: libharu below hpdf.h outside %s: %s" % (ALLOWED, b))
if not door:
    print("FAIL: %s does not use libharu's internals: is the rule still checked?" % ALLOWED)
print("%d C files read, %d lines outside the one module" % (scanned, len(bad)))
sys.exit(1 if bad or not door or scanned < 50 else 0)
