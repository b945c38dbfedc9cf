"""Markup end to end: a dataset with strong, emphasis, links, footnotes, a
list, a markup cell and an image, rendered by quire, read back with
pikepdf (fonts of each shown string, link annotations), pdftotext and
pdfimages.

usage: check_markup.py QUIRE PLUGIN_DIR DATASET TEMPLATE WORKDIR"""
import os
import re
import subprocess
import sys

import pikepdf

quire, plugins, dataset, template, work = sys.argv[1:6]
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


out = os.path.join(work, "out-markup")
subprocess.run([quire, "render", dataset, "-t", template, "-f", "pdf", "-o", out,
                "--plugin-dir", plugins, "--quiet"], check=True)
pdf = os.path.join(out, "markup-brief.pdf")
doc = pikepdf.open(pdf)


def tounicode(font):
    """code -> text of a Type 0 font, read from its ToUnicode CMap."""
    m = {}
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return m
    text = cmap.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            m[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be", "replace")
    return m


def shown(page):
    """(text, font BaseFont, slanted) of every string the page shows,
    decoded through the font's ToUnicode map (2-byte codes)."""
    fonts = page.get("/Resources", {}).get("/Font", {})
    font, slant, found, umap = "", False, [], {}
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "Tf":
            f = fonts.get(str(operands[0]))
            font = str(f.get("/BaseFont")) if f is not None else ""
            umap = tounicode(f) if f is not None else {}
        elif op == "Tm":
            slant = abs(float(operands[2])) > 0.1
        elif op in ("Tj", "TJ"):
            parts = operands[0] if op == "TJ" else [operands[0]]
            raw = b"".join(bytes(p) for p in parts if isinstance(p, pikepdf.String))
            text = "".join(umap.get(int.from_bytes(raw[i:i + 2], "big"), "?")
                           for i in range(0, len(raw) - 1, 2))
            found.append((text, font, slant))
    return found


strings = [s for page in doc.pages for s in shown(page)]
expect(any("faster" in t and "Bold" in f for t, f, _ in strings),
       "**strong** is set in the bold face")
expect(any("fourth" in t and s and "Bold" not in f for t, f, s in strings),
       "*emphasis* is the regular face slanted")
expect(any("AWS" in t and "Bold" in f for t, f, _ in strings),
       "a markup table cell keeps its strong run")
fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
expect("NanumGothicBold" in fonts and "NanumGothic " in fonts, "both faces embedded (pdffonts)")

uris, gotos = set(), 0
for page in doc.pages:
    for a in page.get("/Annots", []):
        act = a.get("/A")
        if act is not None and act.get("/S") == "/URI":
            uris.add(str(act.get("/URI")))
        elif "/Dest" in a or (act is not None and act.get("/S") == "/GoTo"):
            gotos += 1
for url in ("https://example.org/report", "https://azure.example", "https://example.org/source"):
    expect(url in uris, "a URI link to " + url)
expect(gotos >= 4, "internal links: contents entries and [the share table](#share) (%d)" % gotos)

pages = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-"],
                        capture_output=True, text=True, check=True).stdout
         for i in range(1, len(doc.pages) + 1)]


def page_of(text):
    return [i for i, t in enumerate(pages) if text in t]


for ref, note in (("faster than revenue", "Synergy and Canalys count"),
                  ("The leader held its share", "Quarterly revenue basis")):
    expect(page_of(ref) and page_of(ref) == page_of(note),
           "footnote '%s' on the page of its reference" % note)
expect(any(re.search(r"•\s*First point of a list", t) for t in pages), "a bulleted list")
expect(page_of("A blue band."), "the image's caption")
images = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True,
                        check=True).stdout.splitlines()[2:]
expect(len(images) >= 3, "the image and the logo on the cover and in headers (%d)" % len(images))

print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
sys.exit(1 if failures else 0)
