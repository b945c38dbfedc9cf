#!/usr/bin/python3
"""check_chart_labels.py OUTDIR [NAME...] — the SVG charts' labels stand
where the PDF's do (render_all.py's pages: the HTML and the PDF of one
brief).

The page's wide drawing of a chart is as wide as the PDF's column and is
laid out by the same chart layout, measuring labels in the same faces:
so every label of it (its left end x - width * 0, 0.5 or 1 for its anchor,
and its right end) must be found in the PDF, read back by pdftotext
-bbox, at x + the template's left margin, within TOL points, and the
labels of one chart must share one vertical offset (the chart's top on
its PDF page). Labels set at an angle are left out (their box is not
their advance). Fails unless every chart of a page is found so."""
import html
import os
import re
import subprocess
import sys

TOL = 0.25  # points: the SVG writes two decimals; pdftotext reads glyph boxes

TEXT = re.compile(r'<text ([^>]*)>([^<]*)</text>')
ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r'([^<]*)</word>')


def wide_charts(page):
    """[(labels, width)] of every wide drawing: labels are (text, left,
    right, baseline) in points of the drawing."""
    charts = []
    for m in re.finditer(r'<svg class="plot wide"[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"(.*?)</svg>',
                         page, re.S):
        labels = []
        for t in TEXT.finditer(m.group(3)):
            a = dict(ATTR.findall(t.group(1)))
            if "transform" in a:
                continue
            text = html.unescape(t.group(2))
            x, w = float(a["x"]), float(a["textLength"])
            left = x - w * {"start": 0, "middle": 0.5, "end": 1}[a.get("text-anchor", "start")]
            labels.append((text, left, left + w, float(a["y"]),
                           (a["font-size"], a.get("font-weight", ""))))
        charts.append((labels, float(m.group(1))))
    return charts


def pdf_pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for p in out.split("<page ")[1:]:
        pages.append([(html.unescape(w[4]),) + tuple(float(v) for v in w[:4])
                      for w in WORD.findall(p)])
    return pages


def placed(label, words, margin):
    """The vertical offsets (PDF yMax - SVG baseline) at which label's
    first word starts and its last word ends where the SVG puts them."""
    text, left, right, base, _ = label
    parts = text.split()
    if not parts:
        return set()
    firsts = [w for w in words if w[0] == parts[0] and abs(w[1] - (left + margin)) <= TOL]
    lasts = [w for w in words if w[0] == parts[-1] and abs(w[3] - (right + margin)) <= TOL]
    offsets = set()
    for f in firsts:
        for last in lasts:
            if abs(f[4] - last[4]) <= TOL:
                offsets.add(round(f[4] - base, 1))
    return offsets


def check(name, page, pdf, margin):
    fails, charts = [], wide_charts(page)
    pages = pdf_pages(pdf)
    if not charts:
        fails.append("%s: no chart drawn" % name)
    total = 0
    for i, (labels, _) in enumerate(charts):
        best = 0
        for words in pages:
            counts = {}  # per (size, weight), per offset: labels found there
            for lab in labels:
                for off in placed(lab, words, margin):
                    group = counts.setdefault(lab[4], {})
                    group[off] = group.get(off, 0) + 1
            best = max(best, sum(max(g.values()) for g in counts.values()))
        total += len(labels)
        if not labels or best < len(labels):
            missing = len(labels) - best
            fails.append("%s: chart %d: %d of its %d level labels are not where the PDF sets "
                         "them" % (name, i + 1, missing, len(labels)))
    print("%s: %d charts, %d labels checked against the PDF" % (name, len(charts), total))
    return fails


def main():
    out = sys.argv[1]
    names = sys.argv[2:] or ["flagship", "every"]
    fails = []
    for name in names:
        d = os.path.join(out, name, "out")
        htmls = [f for f in os.listdir(d) if f.endswith(".html")]
        page = open(os.path.join(d, htmls[0]), encoding="utf-8").read()
        pdf = os.path.join(d, htmls[0][:-5] + ".pdf")
        m = re.search(r'@page\{[^}]*margin:[\d.]+mm [\d.]+mm [\d.]+mm ([\d.]+)mm', page)
        margin = float(m.group(1)) * 72 / 25.4 if m else 0
        fails += check(name, page, pdf, margin)
    for f in fails:
        print("FAIL " + f)
    sys.exit(1 if fails else 0)


main()
