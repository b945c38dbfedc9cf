#!/usr/bin/python3
"""The text layer's links and line breaks, end to end (issue 16, item 6).

- An in-text link's text is inside its Link structure element, with the
  OBJR of its annotation(s); a link that wraps is ONE Link element, whose
  annotations (one per line) all point back to it through /StructParent
  and the ParentTree, and whose rectangles cover the link's words on each
  line and no other word; a link that a page break splits is one Link
  element too, with an annotation on each page.
- A line break that stood for a space reads as a space: in the structure's
  text (what a screen reader reads: pdfinfo -struct-text), in pdftotext and
  in pdftotext -raw no two words of a paragraph or a wrapped heading are
  glued together.
- A footnote reference is a Link to its note holding a Reference element
  (the number), and reads as "[1]" in pdftotext, apart from the words.
- A ligature reads as its letters: DejaVu Sans sets "ffi" as one glyph,
  and "office", "efficient", "affinity" extract whole.

usage: check_links.py QUIRE PLUGIN_DIR SOURCE_DIR WORK_DIR"""
import html
import os
import re
import shutil
import subprocess
import sys

import pikepdf

quire, plugin_dir, src, work = sys.argv[1:5]
data = os.path.join(src, "tests", "text", "data")
failures = []


def expect(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def tool(*args):
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def words_of(s):
    return re.findall(r"[\w'’]+", s)


# the dataset's texts, as the reader sees them (markup removed)
LONG_LINK = ("the long report of the cloud spending committee on regional data centres, "
             "their power use and the water they draw from the rivers nearby")
SHORT_LINK = "the table of names"
HEADING = ("A heading long enough to wrap onto a second line of the page, so that its "
           "break is tested as well")
PARAGRAPHS = [
    "The board met in 2025 and read " + LONG_LINK + " before lunch; see " + SHORT_LINK +
    " too.",
    "In 2025 Board members of the regional office met NOK traders and the office staff to "
    "discuss the affinity of efficient offices with fluffy waffles while the 2025 Board "
    "reviewed regional NOK accounts and officers filed reports about official difficulties "
    "in efficient offices across the region for many weeks.",
]

shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
out = os.path.join(work, "out")
r = subprocess.run([quire, "render", os.path.join(data, "links.yaml"), "-t",
                    os.path.join(data, "links_template.yaml"), "-f", "pdf", "-o", out,
                    "--quiet", "--plugin-dir", plugin_dir], capture_output=True, text=True)
expect(r.returncode == 0 and not r.stderr.strip(), "the links brief renders: %s" % r.stderr)
pdf_path = os.path.join(out, "links.pdf")
if not os.path.exists(pdf_path):
    sys.exit(1)


# -- the structure: Link elements and their annotations --------------------------
def struct_text(path):
    """pdfinfo -struct-text as (depth, line) pairs."""
    rows = []
    for line in tool("pdfinfo", "-struct-text", path).splitlines():
        stripped = line.lstrip(" ")
        rows.append(((len(line) - len(stripped)) // 2, stripped))
    return rows


def element_texts(rows, name):
    """The text of every element called name (its quoted lines, in order,
    nested ones included) and how many objects (OBJRs) it refers to."""
    found = []
    for i, (depth, line) in enumerate(rows):
        if not re.match(r"%s\b" % name, line):
            continue
        text, objects = "", 0
        for d, l in rows[i + 1:]:
            if d <= depth:
                break
            if l.startswith('"') and l.endswith('"'):
                text += l[1:-1]
            elif l.startswith("Object "):
                objects += 1
        found.append((text, objects))
    return found


rows = struct_text(pdf_path)
links = element_texts(rows, "Link")
norm = lambda s: " ".join(s.split())
link_texts = [norm(t) for t, _ in links]
expect(link_texts == [LONG_LINK, SHORT_LINK, "1"],
       "each Link element holds its link's text (the footnote reference its number): %r"
       % link_texts)
refs = element_texts(rows, "Reference")
expect([t for t, _ in refs] == ["1"], "the footnote number is a Reference element: %r" % refs)

pdf = pikepdf.open(pdf_path)
root = pdf.Root.StructTreeRoot


def parent_tree(node, out):
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        parent_tree(kid, out)
    return out


parents = parent_tree(root.ParentTree, {})


def elements(node, out):
    kids = node.get("/K")
    if kids is None:
        return out
    for k in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(k, pikepdf.Dictionary) and "/S" in k:
            out.append(k)
            elements(k, out)
    return out


def kids_of(e):
    k = e.get("/K")
    return [] if k is None else list(k) if isinstance(k, pikepdf.Array) else [k]


link_elems = [e for e in elements(root, []) if e.S == "/Link"]
expect(len(link_elems) == 3, "three Link elements, one per link: %d" % len(link_elems))
annots = [(pno, a) for pno, p in enumerate(pdf.pages) for a in p.get("/Annots", [])
          if a.get("/Subtype") == "/Link"]
for e in link_elems:
    mcids = [k for k in kids_of(e) if isinstance(k, int) or
             (isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR")]
    objrs = [k.Obj for k in kids_of(e)
             if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
    inner = [k for k in kids_of(e) if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    expect((mcids or [k.S for k in inner] == ["/Reference"]) and objrs,
           "a Link element has its text (MCIDs, or a Reference's) and its OBJRs")
    for a in objrs:
        sp = a.get("/StructParent")
        expect(sp is not None and parents.get(int(sp)) is not None and
               parents[int(sp)].objgen == e.objgen,
               "the annotation's /StructParent maps back to its Link element")
mine = {e.objgen: [k.Obj.objgen for k in kids_of(e) if isinstance(k, pikepdf.Dictionary)
                   and k.get("/Type") == "/OBJR"] for e in link_elems}
every_objr = sorted(o for objs in mine.values() for o in objs)
expect(every_objr == sorted(a.objgen for _, a in annots),
       "every link annotation has exactly one OBJR, in a Link element")

# the wrapped link: one element, one annotation per line, each covering that
# line's words of the link (pdftotext -bbox), none covering other words
bbox = tool("pdftotext", "-bbox", pdf_path, "-")
page_h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', bbox).group(1))
words = [(float(x0), page_h - float(y1), float(x1), page_h - float(y0), html.unescape(w))
         for x0, y0, x1, y1, w in re.findall(
             r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
             bbox.split("</page>")[0])]


def inside(word, rect):
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]


long_elem = next((e for e, t in zip(link_elems, link_texts) if t == LONG_LINK), None)
if long_elem is not None:
    rects = [[float(v) for v in pdf.get_object(og).Rect] for og in mine[long_elem.objgen]]
    expect(len(rects) >= 2, "the wrapped link has an annotation per line: %d" % len(rects))
    tops = [r[3] for r in rects]
    expect(len(set(round(t) for t in tops)) == len(rects), "on different lines: %r" % rects)
    covered = [w[4] for w in words if any(inside(w, r) for r in rects)]
    expect(norm(" ".join(covered)) == LONG_LINK,
           "the wrapped link's rectangles cover its words and no other: %r" % covered)

# -- line breaks read as spaces ---------------------------------------------------
plain = tool("pdftotext", "-enc", "UTF-8", pdf_path, "-")
raw = tool("pdftotext", "-raw", "-enc", "UTF-8", pdf_path, "-")
# (the footnote number, a Reference in the first paragraph, is read with it)
p_texts = [norm(t) for t, _ in element_texts(rows, "P")]
if p_texts and p_texts[0].endswith("1"):
    p_texts[0] = p_texts[0][:-1]
expect(p_texts[:2] == PARAGRAPHS, "the paragraphs' structure text, word for word: %r" % p_texts)
h_texts = [norm(t) for t, _ in element_texts(rows, "H2")]
expect(HEADING in h_texts, "the wrapped heading's structure text keeps its space: %r" % h_texts)
# what a reader of the structure gets: each element's pieces joined as they are
read = "\n".join(t for t, _ in element_texts(rows, "P") + element_texts(rows, "H2"))
# the pairs of words that a line break separates (pdftotext's lines)
breaks = []
lines = [l for l in plain.splitlines() if l.strip()]
for a, b in zip(lines, lines[1:]):
    wa, wb = words_of(a), words_of(b)
    if wa and wb:
        breaks.append((wa[-1], wb[0]))
for text in PARAGRAPHS + [HEADING]:
    w = words_of(text)
    inner = [b for b in breaks if b in set(zip(w, w[1:]))]
    expect(inner, "%r... wraps between two of its words: %r" % (text[:20], inner))
    for x, y in inner:
        expect(re.search(r"\b%s\W*\s+%s\b" % (x, y), read) is not None,
               "the structure text reads %s, a space, %s" % (x, y))
    glued = {x + y for x, y in zip(w, w[1:])}
    for name, extracted in (("pdftotext", plain), ("pdftotext -raw", raw),
                            ("the structure text", read)):
        bad = glued & set(words_of(extracted))
        expect(not bad, "%s glues no two words of %r...: %r" % (name, text[:20], sorted(bad)))

# -- the footnote reference: a link to its note ----------------------------------
note_elems = [e for e in link_elems if any(isinstance(k, pikepdf.Dictionary) and
                                           k.get("/S") == "/Reference" for k in kids_of(e))]
expect(len(note_elems) == 1, "one Link holds the footnote reference")
for e in note_elems:
    for og in mine[e.objgen]:
        a = pdf.get_object(og)
        dest = a.get("/Dest")
        expect(dest is not None and dest[0].objgen == pdf.pages[0].obj.objgen and
               float(dest[2]) < 200,
               "its annotation goes to the note at the foot of page 1: %r" % (dest,))
expect("too.[1]" in plain.replace("\n", " "), "pdftotext reads the reference as [1]")
notes = element_texts(rows, "Note")
expect(any("A note at the foot of the page." in t for t, _ in notes), "the Note holds the note")

# -- ligatures read as their letters ----------------------------------------------
for word in ("office", "efficient", "affinity", "offices", "fluffy", "official"):
    expect(word in words_of(plain) and word in words_of(raw), "pdftotext reads %s" % word)
ligature_mapped = False
for page in pdf.pages:
    for _, font in page.Resources.get("/Font", {}).items():
        tu = font.get("/ToUnicode")
        if tu is not None and "DejaVuSans" in str(font.BaseFont) and \
                "<006600660069>" in tu.read_bytes().decode("latin-1"):
            ligature_mapped = True
expect(ligature_mapped, "the ffi ligature glyph is used and maps to f, f, i in ToUnicode")

# -- a link that a page break splits: still one Link element ---------------------
# One paragraph longer than a page, with a link in every sentence: the page
# breaks between two lines, and the link those lines share keeps one Link
# element, with an annotation on each page (each in its page's /Annots,
# each mapping back to it) and its text on both pages in order.
OVER = LONG_LINK
body = " ".join("Words %d then [%s](https://example.org/r%d) and more." % (i, OVER, i)
                for i in range(60))
with open(os.path.join(data, "links.yaml"), encoding="utf-8") as f:
    head = f.read().split("sections:")[0].replace("id: links", "id: over")
with open(os.path.join(work, "over.yaml"), "w", encoding="utf-8") as f:
    f.write(head + 'sections:\n  - id: report\n    heading: Over\n    body:\n      - "%s"\n'
            % body)
with open(os.path.join(work, "over_template.yaml"), "w", encoding="utf-8") as f:
    with open(os.path.join(data, "links_template.yaml"), encoding="utf-8") as t:
        f.write(t.read().replace("  - table: names\n", ""))
r = subprocess.run([quire, "render", os.path.join(work, "over.yaml"), "-t",
                    os.path.join(work, "over_template.yaml"), "-f", "pdf", "-o", out,
                    "--quiet", "--plugin-dir", plugin_dir], capture_output=True, text=True)
expect(r.returncode == 0 and not r.stderr.strip(), "the long paragraph renders: %s" % r.stderr)
over = pikepdf.open(os.path.join(out, "over.pdf"))
page_of = {p.obj.objgen: i for i, p in enumerate(over.pages)}
over_parents = parent_tree(over.Root.StructTreeRoot.ParentTree, {})
over_links = [e for e in elements(over.Root.StructTreeRoot, []) if e.S == "/Link"]
expect(len(over_links) == 60, "one Link element per link: %d" % len(over_links))
over_texts = [norm(t) for t, _ in element_texts(struct_text(os.path.join(out, "over.pdf")),
                                                "Link")]
expect(over_texts == [OVER] * 60, "every Link element holds its whole link text")
split = []
for e in over_links:
    objrs = [k for k in kids_of(e) if isinstance(k, pikepdf.Dictionary)
             and k.get("/Type") == "/OBJR"]
    if len({page_of[k.Pg.objgen] for k in objrs}) > 1:
        split.append((e, objrs))
expect(len(split) >= 1, "a link is split by a page break: %d" % len(split))
for e, objrs in split:
    pages = [page_of[k.Pg.objgen] for k in objrs]
    expect(pages == sorted(pages) and pages[-1] == pages[0] + 1,
           "its annotations are on two consecutive pages, in order: %r" % pages)
    for k in objrs:
        annots_of_page = [a.objgen for a in over.pages[page_of[k.Pg.objgen]].get("/Annots", [])]
        expect(k.Obj.objgen in annots_of_page, "each annotation is in its own page's /Annots")
        sp = k.Obj.get("/StructParent")
        expect(sp is not None and over_parents.get(int(sp)) is not None and
               over_parents[int(sp)].objgen == e.objgen,
               "each annotation's /StructParent maps back to the one Link element")
    marked = {page_of[k.Pg.objgen] for k in kids_of(e)
              if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"}
    if "/Pg" in e and any(isinstance(k, int) for k in kids_of(e)):
        marked.add(page_of[e.Pg.objgen])
    expect(marked == set(pages), "its text is marked on both pages: %r" % sorted(marked))

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
