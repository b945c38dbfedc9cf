"""x_title and y_title on every chart type with axes (issue 20 §7).

usage: check_axis_titles.py QUIRE PLUGIN_DIR WORKDIR

A bar, line, area, scatter and horizontal bar chart, each with its own
x_title and y_title, rendered to PDF, HTML and XLSX:
- the PDF (pdftotext -bbox): every title is printed once; a column, line
  or area chart's x title under its category labels, its y title over its
  top tick label; a scatter's x title replaces the column's label;
- the page's SVG charts carry the same titles as text;
- the workbook's chart XML names its axes with them, the y title with
  the axis' unit as the PDF prints it;
- x_title on a pie chart is refused by validate and render alike
  (file:line:col, exit 2).
"""
import glob
import html
import os
import re
import subprocess
import sys
import zipfile

quire, plugins, work = sys.argv[1:4]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checklib import expect, failures, finish, write_in  # noqa: E402
os.makedirs(work, exist_ok=True)


def write(name, text):
    return write_in(work, name, text)


TYPES = {"bar": "", "line": "", "area": "", "scatter": ", x: spend, label: name",
         "hbar": ", horizontal: true"}
body = []
for t, extra in TYPES.items():
    kind = "bar" if t == "hbar" else t
    x = "" if t == "scatter" else ", x: name"
    body.append(f"  - chart: {{table: t, type: {kind}{x}, y: growth{extra}, title: Chart {t}, "
                f"x_title: Xt{t}, y_title: Yt{t}}}")
write("titles-tpl.yaml", "quire-template: 1\nbody:\n" + "\n".join(body) + "\n")
ds = write("titles.yaml", """quire: 1
id: titles
title: Axis titles
language: en
template: titles-tpl
tables:
  - id: t
    title: Providers
    columns:
      - {id: name, label: Provider, type: text}
      - {id: spend, label: Spending, type: number}
      - {id: growth, label: Growth, type: percent}
    rows: [[Alpha, 10, 17], [Beta, 30, 31], [Gamma, 20, 28]]
""")
out = os.path.join(work, "out")
subprocess.run([quire, "render", ds, "-f", "pdf,html,xlsx", "-o", out, "--plugin-dir", plugins,
                "--quiet"], check=True)

# ---- PDF ----
bbox = subprocess.run(["pdftotext", "-bbox", os.path.join(out, "titles.pdf"), "-"],
                      capture_output=True, text=True, check=True).stdout
words = []   # (page, word, yMin)
page = 0
for line in bbox.splitlines():
    if "<page " in line:
        page += 1
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>',
                  line)
    if m:
        words.append((page, html.unescape(m.group(3)), float(m.group(2))))


def ys(word):
    return [(p, y) for p, w, y in words if w == word]


for t in TYPES:
    for axis in ("Xt", "Yt"):
        got = ys(axis + t)
        expect(len(got) == 1, f"pdf: {axis}{t} printed once, got {got}")
# a chart's own words are those between its title and the next chart's
placed = 0
for t in ("bar", "line", "area"):
    title = [(p, y) for p, w, y in words if w == t and
                             any(w2 == "Chart" and p2 == p and abs(y2 - y) < 1 for p2, w2, y2 in words)]
    xt, yt = ys("Xt" + t), ys("Yt" + t)
    if not (title and xt and yt):
        continue
    placed += 1
    p, top = title[0]
    cats = [y for p2, w, y in words if p2 == p and w in ("Alpha", "Gamma") and top < y < xt[0][1] + 40]
    ticks = [y for p2, w, y in words if p2 == p and re.fullmatch(r"\d+", w) and top < y < xt[0][1]]
    expect(cats and all(xt[0][1] > y for y in cats),
           f"pdf {t}: the x title under the category labels ({xt}, {cats})")
    expect(ticks and yt[0][1] < min(ticks), f"pdf {t}: the y title over the tick labels ({yt}, {ticks})")
expect(placed == 3, f"pdf: the titles of 3 charts placed, found {placed}")
expect(not ys("Spending"), "pdf scatter: x_title replaces the x column's label")

# ---- HTML ----
page = open(os.path.join(out, "titles.html"), encoding="utf-8").read()
texts = [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<text[^>]*>(.*?)</text>", page)]
for t in TYPES:
    for axis in ("Xt", "Yt"):
        expect(any(s.startswith(axis + t) for s in texts), f"html: svg text {axis}{t}")

# ---- XLSX ----
with zipfile.ZipFile(os.path.join(out, "titles.xlsx")) as z:
    charts = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart"))
for t in TYPES:
    expect(f"<a:t>Xt{t}</a:t>" in charts, f"xlsx: axis title Xt{t}")
    # the y title carries the axis' unit, as the PDF prints it
    expect(f"<a:t>Yt{t} (%)</a:t>" in charts, f"xlsx: axis title Yt{t} (%)")
    pdf_words = [w for _, w, _ in words]
    at = pdf_words.index("Yt" + t) if "Yt" + t in pdf_words else -1
    expect(at >= 0 and pdf_words[at + 1:at + 2] == ["(%)"], f"pdf: Yt{t} (%)")

# ---- a pie has no axes ----
write("pie-tpl.yaml", "quire-template: 1\nbody:\n  - chart: {table: t, type: pie, y: growth, x_title: No}\n")
pie = write("pie.yaml", open(ds, encoding="utf-8").read().replace("titles-tpl", "pie-tpl"))
for cmd in (["validate", pie], ["render", pie, "-f", "pdf", "-o", os.path.join(work, "pie")]):
    r = subprocess.run([quire] + cmd + ["--plugin-dir", plugins], capture_output=True, text=True)
    expect(r.returncode == 2 and re.search(r"pie-tpl\.yaml:3:\d+: error: 'x_title' applies to", r.stderr),
           f"{cmd[0]}: x_title on a pie refused: {r.returncode} {r.stderr!r}")

finish("axis titles: PDF, HTML and XLSX")
