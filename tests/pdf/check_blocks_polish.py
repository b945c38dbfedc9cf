"""The block polish of issue 20 §7, read back from the PDF and the page.

usage: check_blocks_polish.py QUIRE PLUGIN_DIR WORKDIR

- the cover's title never leaves its last word alone on a line
  (pdftotext -bbox: the words of its last line);
- image blocks take width_mm and align (the image's placement in the page's
  content stream, pikepdf; the page's <figure> class and width);
- an image's Caption is a child of its Figure, not of Document (pikepdf);
- an empty column label is no empty TH (every TH has content; the page's
  <th> too);
- the summary's rule runs unbroken past a list (the bars drawn at the left
  margin cover the summary from its first line to its last).
"""
import os
import re
import struct
import subprocess
import sys
import zlib

import pikepdf

quire, plugins, work = sys.argv[1:4]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checklib import expect, failures, finish, write_in  # noqa: E402
os.makedirs(work, exist_ok=True)
MM = 72 / 25.4


def write(name, text):
    return write_in(work, name, text)


def png(path, w, h):
    raw = b"".join(b"\x00" + bytes([40, 90, 140]) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# A title that breaks greedily with "region" alone on its last line (26 pt, A4).
TITLE = "Cloud infrastructure spending across Korea Japan and the wider Asia Pacific region"
png(os.path.join(work, "wide.png"), 40, 20)
write("blocks-tpl.yaml", """quire-template: 1
body:
  - cover
  - summary
  - image: {image: left, width_mm: 50, align: left}
  - image: {image: right, width_mm: 60, align: right}
  - image: full
  - table: t
""")
ds = write("blocks.yaml", f"""quire: 1
id: blocks
title: "{TITLE}"
language: en
template: blocks-tpl
summary:
  - The first paragraph of the summary, long enough to say something about the market.
  - "- a first point of the list\\n- a second point of the list\\n- a third point"
  - The last paragraph closes the summary.
images:
  - {{id: left, file: wide.png, alt: A left image, caption: Left caption}}
  - {{id: right, file: wide.png, alt: A right image, caption: Right caption}}
  - {{id: full, file: wide.png, alt: A full image}}
tables:
  - id: t
    title: Values
    columns: [{{id: name, label: "", type: text}}, {{id: v, label: Value, type: number}}]
    rows: [[A, 1], [B, 2]]
""")
out = os.path.join(work, "out")
subprocess.run([quire, "render", ds, "-f", "pdf,html", "-o", out, "--plugin-dir", plugins,
                "--quiet"], check=True)
pdf_path = os.path.join(out, "blocks.pdf")

# ---- the cover's title ----
bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf_path, "-"],
                      capture_output=True, text=True, check=True).stdout
words = [(float(m.group(1)), m.group(2)) for m in re.finditer(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', bbox)]
title_words = TITLE.split()
lines = {}
for y, w in words:
    if w in title_words:
        lines.setdefault(round(y), []).append(w)
title_lines = [lines[y] for y in sorted(lines) if len(lines[y]) >= 1]
expect(len(title_lines) >= 2, f"cover: the title on several lines {title_lines}")
expect(title_lines and len(title_lines[-1]) >= 2,
       f"cover: the title's last line has more than one word {title_lines}")

# ---- images: width_mm and align ----
pdf = pikepdf.open(pdf_path)
placed = []   # (page, x, width)
for n, page in enumerate(pdf.pages):
    ctm = []
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "cm":
            ctm = [float(v) for v in operands]
        elif str(op) == "Do" and ctm:
            name = str(operands[0])
            xo = page.Resources.XObject.get(name)
            if xo is not None and xo.get("/Subtype") == "/Image":
                placed.append((n, ctm[4], ctm[0]))
box = pdf.pages[0].MediaBox
page_w = float(box[2])
widths = sorted(w for _, _, w in placed)
expect(len(placed) == 3, f"three images placed: {placed}")
lefts = [(x, w) for _, x, w in placed if abs(w - 50 * MM) < 0.5]
rights = [(x, w) for _, x, w in placed if abs(w - 60 * MM) < 0.5]
fulls = [(x, w) for _, x, w in placed if w > 60 * MM + 1]
expect(lefts and rights and fulls, f"widths 50 mm, 60 mm and the text width: {widths}")
if lefts and rights and fulls:
    full_x, full_w = fulls[0]
    expect(abs(lefts[0][0] - full_x) < 0.5, f"align left: at the left margin {lefts} {fulls}")
    expect(abs(rights[0][0] + rights[0][1] - (full_x + full_w)) < 0.5,
           f"align right: at the right margin {rights} {fulls}")

# ---- the structure: Caption under Figure, no empty TH ----
parents = []   # (parent type, child type)
ths = []


def has_content(e):
    k = e.get("/K")
    if k is None:
        return False
    if isinstance(k, pikepdf.Array):
        return any(has_content(c) if isinstance(c, pikepdf.Dictionary) and "/S" in c else True
                   for c in k)
    if isinstance(k, pikepdf.Dictionary) and "/S" in k:
        return has_content(k)
    return True


def walk(e, parent):
    if not isinstance(e, pikepdf.Dictionary) or "/S" not in e:
        return
    s = str(e.S)
    parents.append((parent, s))
    if s == "/TH":
        ths.append(has_content(e))
    k = e.get("/K")
    for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
        walk(c, s)


walk(pdf.Root.StructTreeRoot.K, None)
captions = [p for p, s in parents if s == "/Caption"]
expect(captions.count("/Figure") == 2, f"each image's Caption under its Figure: {captions}")
expect("/Document" not in captions, f"no Caption directly under Document: {captions}")
expect(ths and all(ths), f"no empty TH: {ths}")

# ---- the summary's rule ----
summary_page = None
for n in range(len(pdf.pages)):
    text = subprocess.run(["pdftotext", "-f", str(n + 1), "-l", str(n + 1), pdf_path, "-"],
                          capture_output=True, text=True, check=True).stdout
    if "first paragraph of the summary" in text:
        summary_page = n
        break
expect(summary_page is not None, "the summary's page")
if summary_page is not None:
    bars = []
    for operands, op in pikepdf.parse_content_stream(pdf.pages[summary_page]):
        if str(op) == "re" and abs(float(operands[2]) - 2.2) < 0.01:
            y, h = float(operands[1]), float(operands[3])
            bars.append((y, y + h))
    bars.sort()
    gaps = [b[0] - a[1] for a, b in zip(bars, bars[1:]) if b[0] - a[1] > 0.5]
    # the summary: 1 + 3 + 1 paragraphs and items of at least one line each
    expect(len(bars) >= 5, f"the summary's bars: {len(bars)}")
    expect(not gaps, f"the summary's rule unbroken, gaps {gaps}")

# ---- the page ----
page = open(os.path.join(out, "blocks.html"), encoding="utf-8").read()
expect(re.search(r'<figure class="image sized left" style="width:50\.0mm"', page),
       "html: the left image 50 mm wide")
expect(re.search(r'<figure class="image sized right" style="width:60\.0mm"', page),
       "html: the right image 60 mm wide")
expect(not re.search(r"<th[^>]*>\s*</th>", page), "html: no empty <th>")

finish("blocks: title balanced, images sized and aligned, captions in figures, no empty TH, "
       "one summary rule")
