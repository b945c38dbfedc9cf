"""The issue 19 features of the PDF, through the real program and poppler.

usage: check_dated.py QUIRE PLUGIN_DIR WORKDIR

- as_of: the cover's "Data as of", each key-figure card, the chart's and
  the table's source lines (a figure's own date over the dataset's);
- a source's inferred date: marked in source lines and the sources list;
- a table's description under a chart drawn from it, and the chart's note;
  a footnote marker in a chart title;
- the summary in the contents;
- a footer whose placeholder is empty has no stray separator;
- a table's source line on the page of its last row, wherever the table
  ends (thirty tables after fillers of growing length)."""
import os
import re
import subprocess
import sys

quire, plugins, work = sys.argv[1:4]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checklib import expect, failures, finish, write_in  # noqa: E402


def write(name, text):
    return write_in(work, name, text)


def render(dataset):
    out = os.path.join(work, "out")
    subprocess.run([quire, "render", dataset, "-f", "pdf", "-o", out, "--plugin-dir", plugins,
                    "--quiet"], check=True)
    return out


def pages_text(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout).group(1))
    return [re.sub(r"[ \t]+", " ", subprocess.run(
        ["pdftotext", "-f", str(p), "-l", str(p), "-layout", pdf, "-"],
        capture_output=True, text=True, check=True).stdout) for p in range(1, n + 1)]


os.makedirs(work, exist_ok=True)

# ---- dated figures, tables, sources; notes under a chart ----
write("dated-tpl.yaml", """quire-template: 1
footer: "{period} · {page} / {pages}"
body:
  - cover
  - contents
  - summary
  - figures: all
  - heading: Market
  - chart: {table: share, title: "Market share[^chartnote]", note: "Bars of *two* firms."}
  - heading: Detail
  - table: share
  - sources
""")
ds = write("dated.yaml", """quire: 1
id: dated
title: Dated brief
language: en
date: 2025-08-01
as_of: 2025-Q2
summary: [One paragraph.]
figures:
  - {id: own, label: Own date, value: 31, unit: "%", as_of: 2025-03, source: early}
  - {id: inherits, label: Inherited date, value: 4, unit: USD bn, source: late}
tables:
  - id: share
    title: Cloud market share
    as_of: 2024-12-31
    description: "CAVEAT: the firms measure differently."
    source: [early, late]
    columns: [{id: firm, type: text}, {id: pct, type: percent}]
    rows: [[AWS, 31], [Microsoft, 24], [LASTROW, 11]]
sources:
  - {id: early, publisher: Daily, title: Early article, date: 2024-03, date_inferred: true}
  - {id: late, publisher: Daily, title: Late article, date: 2024-05-02}
footnotes:
  - {id: chartnote, text: A note on the chart's title.}
template: dated-tpl
""")
pages = pages_text(os.path.join(render(ds), "dated.pdf"))
whole = "\n".join(pages)
expect(re.search(r"Data as of\s+2025-Q2", pages[0]), "cover: Data as of 2025-Q2")
expect("Summary" in pages[1] and "Market" in pages[1], f"contents list the summary: {pages[1]!r}")
raw = subprocess.run(["pdftotext", os.path.join(work, "out", "dated.pdf"), "-"],
                     capture_output=True, text=True, check=True).stdout
figs = re.sub(r"\s+", " ", raw)   # reading order: each card's lines together
expect(re.search(r"as of\s+2025-03", figs), "a figure's own as_of on its card")
expect(re.search(r"as of\s+2025-Q2", figs), "the dataset's as_of on a card without its own")
expect("Daily (2024-03 inferred)" in whole, "an inferred date marked in a source line")
expect("2024-03 (inferred)" in whole, "an inferred date marked in the sources list")
lines = [l.strip() for l in whole.splitlines() if l.strip()]
src = [i for i, l in enumerate(lines) if "as of 2024-12-31" in l]
expect(len(src) == 2, f"the chart's and the table's source lines carry the table's as_of: {src}")
chart = next((i for i, l in enumerate(lines) if l.startswith("Market share")), -1)
caveat = [i for i, l in enumerate(lines) if "CAVEAT" in l]
note = [i for i, l in enumerate(lines) if "Bars of two firms." in l]
detail = next((i for i, l in enumerate(lines) if l == "Detail"), -1)
expect(chart >= 0 and len(caveat) == 2 and chart < caveat[0] < detail,
       f"the description under the chart and above the table: {chart} {caveat} {detail}")
expect(note and chart < note[0] < detail, "the chart's note under the chart")
expect(re.search(r"Market share\s*\[?1\]?", whole), "the chart title's footnote marker")
expect("1 A note on the chart's title." in whole, "the chart title's footnote at the foot")
# the dataset has no period: the footer reads "2 / 5", not "· 2 / 5"
for n, p in enumerate(pages[1:], 2):
    foot = [l.strip() for l in p.splitlines() if l.strip()][-1]
    expect(re.fullmatch(r"\d+ ?/ ?\d+", foot), f"page {n}: footer {foot!r} without a separator")

# ---- a table's source line stays with its last row ----
# Forty tables, each after a section one short line longer than the last,
# so that the tables end all over their pages; each names eight sources,
# so that its source line runs to three lines.
N = 40
body, sections, tables = ["quire-template: 1", "body:"], [], []
srcs = ", ".join(f"src{k}" for k in range(8))
for i in range(N):
    filler = " ".join(["filler words fill the page"] * (3 * i + 1))
    sections.append(f"  - {{id: s{i}, heading: Part {i}, body: \"{filler}\"}}")
    rows = ", ".join(f"[row{i}x{r}, {r}]" for r in range(5)) + f", [LAST{i}, 9]"
    tables.append(f"  - {{id: t{i}, title: Table {i}, source: [{srcs}], columns: [{{id: k, "
                  f"type: text}}, {{id: v, type: number}}], rows: [{rows}]}}")
    body += [f"  - section: s{i}", f"  - table: t{i}"]
write("keep-tpl.yaml", "\n".join(body) + "\n")
keep = write("keep.yaml", "\n".join(
    ["quire: 1", "id: keep", "title: Keep", "language: en", "template: keep-tpl", "sources:"] +
    [f"  - {{id: src{k}, publisher: The Publisher Number {k} of Long Names}}" for k in range(8)] +
    ["sections:"] + sections + ["tables:"] + tables) + "\n")
pages = pages_text(os.path.join(render(keep), "keep.pdf"))
for i in range(N):
    last = [n for n, p in enumerate(pages) if re.search(rf"\bLAST{i}\b", p)]
    expect(len(last) == 1 and re.search(rf"\bLAST{i}\b[^\n]*\n(\s*\n)*\s*Source: The Publisher",
                                        pages[last[0]]),
           f"table {i}: its source line on the page of its last row (page {last})")

finish()
