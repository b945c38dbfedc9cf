#!/usr/bin/python3
"""[text](#id) of a dataset's prose naming a chart's id: of the template
(template-guide.md, chart `id`): the PDF's link goes to the chart's page,
the HTML's to the chart's element; with a template that has no chart of
that id, validate and render refuse it at the link's scalar (exit 2).

usage: check_chart_link.py QUIRE PLUGIN_DIR WORKDIR"""
import os
import re
import shutil
import subprocess
import sys

import pikepdf

quire, plugins, work = sys.argv[1:4]
work = os.path.join(work, "chart-link")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def write(name, text):
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(text)
    return os.path.join(work, name)


dataset = write("d.yaml", """quire: 1
id: linked
title: Linked
date: 2025-04-15
tables:
  - id: share
    title: Share
    source: s
    columns:
      - {id: who, label: Who, type: text}
      - {id: q1, label: Q1, type: percent}
    rows: [[AWS, 31], [Azure, 24]]
sections:
  - id: intro
    heading: Intro
    body:
      - >-
        The market is led by two providers; see
        [the share chart](#share-chart) for their shares.
sources:
  - {id: s, title: A source, publisher: P, date: 2024-12-26}
""")
good = write("good.yaml", """quire-template: 1
body:
  - section: intro
  - page_break
  - chart: {table: share, type: bar, id: share-chart, title: Shares}
""")
bad = write("bad.yaml", """quire-template: 1
body:
  - section: intro
  - chart: {table: share, type: bar, id: other-chart}
""")

out = os.path.join(work, "out")
subprocess.run([quire, "render", dataset, "-t", good, "-f", "pdf,html", "-o", out,
                "--plugin-dir", plugins, "--quiet"], check=True)
pdf = pikepdf.open(os.path.join(out, "linked.pdf"))
page_of = {p.objgen: i for i, p in enumerate(pdf.pages)}
links = [(i, a) for i, p in enumerate(pdf.pages) for a in p.get("/Annots", [])
         if a.get("/Subtype") == "/Link" and a.get("/Dest") is not None]
chart_page = None
for i in range(len(pdf.pages)):
    text = subprocess.run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1), "-layout",
                           os.path.join(out, "linked.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    if "Shares" in text:
        chart_page = i
expect(chart_page == 1, "the chart is on the second page (after the page break): %r"
       % chart_page)
expect(len(links) == 1, "one internal link annotation: %d" % len(links))
if links:
    src, a = links[0]
    expect(src == 0, "the link is on the first page: %d" % src)
    expect(page_of.get(a.Dest[0].objgen) == chart_page,
           "the link goes to the chart's page: %r" % page_of.get(a.Dest[0].objgen))
html = open(os.path.join(out, "linked.html"), encoding="utf-8").read()
href = re.search(r'href="#([^"]*share-chart[^"]*)"', html)
expect(href is not None, "the HTML has a link to the chart")
if href:
    expect(('id="%s"' % href.group(1)) in html, "the HTML link's target exists: %s"
           % href.group(1))

for cmd in (["validate", dataset, "-t", bad],
            ["render", dataset, "-t", bad, "-f", "pdf", "-o", os.path.join(work, "o2")]):
    r = subprocess.run([quire] + cmd + ["--plugin-dir", plugins], capture_output=True,
                       text=True)
    expect(r.returncode == 2, "%s with no chart of that id exits 2: %d" % (cmd[0], r.returncode))
    expect(re.search(r"d\.yaml:\d+:\d+: error: unknown link target '#share-chart'", r.stderr),
           "%s names the link's position: %s" % (cmd[0], r.stderr.strip()))
expect(not os.path.exists(os.path.join(work, "o2", "linked.pdf")), "no PDF from the bad pair")

if failures:
    sys.exit(1)
print("chart links: ok")
