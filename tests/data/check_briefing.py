#!/usr/bin/python3
"""End-to-end check of the flagship briefing (issue 4).

Renders the dataset with `quire render -f pdf,xlsx` into a temporary
directory, then reads both outputs back with real readers:

  * PDF (pdftotext): every headline figure's label and value appear on one
    page; every source's title, publisher and author appear on the sources
    page (the titles' pages, which must be at most two consecutive pages).
  * XLSX (openpyxl): every headline figure's value is a numeric cell of the
    sheet that names the figure; every source's title, publisher and author
    are cells of the Sources sheet.
  * The dataset: no table lists one thing in two rows (a chart would draw
    it twice).
  * The PDF as a reader gets it (the fact audit of 2026-12-05): no
    relative date of the articles ("지난해", "조만간", ...) without a year
    in its sentence, outside the sources' own headlines; a descriptive
    title marked "[원제 미확인]" never shows without that mark (a short
    source line must not pass it off as the article's headline).

Nothing is skipped: a missing tool, output or value is a failure.

usage: check_briefing.py QUIRE DATASET TEMPLATE PLUGIN_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

import openpyxl
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_framing import RELATIVE_RE, YEAR_RE  # noqa: E402

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def squash(s):
    """Text without any whitespace: PDF line breaks fall anywhere in Korean."""
    return re.sub(r"\s+", "", s)


def as_list(v):
    return v if isinstance(v, list) else [v]


def number_variants(value):
    """The ways a PDF may print value: as written, with thousands separators."""
    text = repr(value) if isinstance(value, float) else str(value)
    if text.endswith(".0"):
        text = text[:-2]
    whole, _, frac = text.partition(".")
    grouped = "{:,}".format(int(whole)) + ("." + frac if frac else "")
    return {text, grouped}


def value_on_page(page, value):
    for v in number_variants(value):
        if re.search(r"(?<![\d.,])" + re.escape(v) + r"(?![\d])", page):
            return True
    return False


def render(quire, dataset, template, plugin_dir, outdir):
    cmd = [quire, "render", dataset, "-t", template, "-f", "pdf,xlsx",
           "-o", outdir, "--plugin-dir", plugin_dir, "--quiet"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail("render exited %d: %s" % (r.returncode, r.stderr.strip()))
    elif r.stdout.strip() or r.stderr.strip():
        fail("render --quiet printed: %r %r" % (r.stdout, r.stderr))


def pdf_pages(path):
    """Text of each page, in reading order and in content-stream order:
    a label wrapped inside a multi-column card is whole in one of them."""
    texts = []
    for mode in ([], ["-raw"]):
        r = subprocess.run(["pdftotext", "-enc", "UTF-8"] + mode + [path, "-"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail("pdftotext failed: " + r.stderr.strip())
            return []
        pages = r.stdout.split("\f")
        texts.append(pages[:-1] if pages and not pages[-1].strip() else pages)
    return ["\n".join(both) for both in zip(*texts)]


def check_pdf_figures(pages, figures):
    for f in figures:
        label = squash(f["label"])
        hits = [p for p in pages if label in squash(p)]
        if not hits:
            fail("PDF: figure label not found: " + f["label"])
        elif not any(value_on_page(p, f["value"]) for p in hits):
            fail("PDF: value %s of figure %s not on its page" % (f["value"], f["id"]))


def check_pdf_sources(pages, sources):
    pages_of_titles = []
    for s in sources:
        title = squash(s["title"])
        found = [i for i, p in enumerate(pages) if title in squash(p)]
        if not found:
            fail("PDF: source title not found: " + s["title"])
            continue
        i = found[-1]
        pages_of_titles.append(i)
        near = squash(pages[i]) + squash(pages[i - 1] if i else "")
        for key in ("publisher", "author"):
            if key in s and squash(s[key]) not in near:
                fail("PDF: %s of source %s not on the sources page" % (key, s["id"]))
    if pages_of_titles and max(pages_of_titles) - min(pages_of_titles) > 1:
        fail("PDF: sources spread over pages %s, not one sources page"
             % sorted(set(pages_of_titles)))


UNCONFIRMED = "[원제 미확인]"


def spaced(s):
    """A regex of s that matches it whatever whitespace a PDF line break
    put between (or removed from between) its characters."""
    return r"\s*".join(re.escape(c) for c in squash(s))


def check_pdf_framing(pages, sources):
    """Relative dates carry their year; made-up titles carry their mark."""
    text = re.sub(r"\s+", " ", "\n".join(pages))
    for s in sources:              # the articles' own headlines are as printed
        if s.get("title"):
            text = re.sub(spaced(s["title"]), " ", text)
    for sentence in re.split(r"(?<=[.?!])\s", text):
        m = RELATIVE_RE.search(sentence)
        if m and not YEAR_RE.search(sentence):
            fail("PDF: relative date '%s' without a year in \"%s\"" % (m.group(0), sentence[-80:]))
    full = squash("".join(pages))
    mark = squash(UNCONFIRMED)
    for s in sources:
        title = squash(s.get("title", ""))
        if not title.startswith(mark):
            continue
        head = title[len(mark):len(mark) + 12]
        for m in re.finditer(re.escape(head), full):
            if not full[:m.start()].endswith(mark):
                fail("PDF: the descriptive title of %s shows without %s: ...%s"
                     % (s["id"], UNCONFIRMED, full[max(0, m.start() - 20):m.end() + 20]))


def sheet_cells(ws):
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_xlsx_figures(wb, figures):
    for f in figures:
        sheets = [ws for ws in wb.worksheets
                  if any(isinstance(c.value, str) and squash(f["label"]) in squash(c.value)
                         for c in sheet_cells(ws))]
        if not sheets:
            fail("XLSX: figure label not found: " + f["label"])
            continue
        wanted = [float(f["value"])]
        if f.get("unit") == "%":     # a percent may be stored as a fraction
            wanted.append(float(f["value"]) / 100)
        ok = any(is_number(c.value) and any(abs(c.value - w) < 1e-9 for w in wanted)
                 for ws in sheets for c in sheet_cells(ws))
        if not ok:
            fail("XLSX: no numeric cell %s for figure %s" % (f["value"], f["id"]))


def check_xlsx_sources(wb, sources):
    named = [ws for ws in wb.worksheets if re.search(r"source|출처", ws.title, re.I)]
    if not named:
        fail("XLSX: no Sources sheet among %s" % wb.sheetnames)
        return
    texts = [squash(c.value) for c in sheet_cells(named[0]) if isinstance(c.value, str)]
    for s in sources:
        for key in ("title", "publisher", "author"):
            if key in s and squash(s[key]) not in texts:
                fail("XLSX: %s of source %s not a cell of %s"
                     % (key, s["id"], named[0].title))


def check_one_row_per_thing(tables):
    """A table (and so its chart) shows each thing once: France's two
    reported amounts are one row, not "프랑스 (2월 보도)" and "프랑스 (4월
    보도)", which a chart draws as two pledges. The first cells, with any
    trailing parenthetical and all spacing removed ("국가AI컴퓨팅센터" and
    "국가 AI 컴퓨팅센터" are one centre), are unique within each table."""
    for t in tables:
        seen = {}
        for r in t.get("rows", []) or []:
            key = squash(re.sub(r"\s*\([^)]*\)\s*$", "", str(r[0])))
            if key in seen:
                fail("table %s shows '%s' twice (rows '%s' and '%s')"
                     % (t["id"], key, seen[key], r[0]))
            seen[key] = r[0]


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    quire, dataset, template, plugin_dir = sys.argv[1:]
    with open(dataset, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    figures, sources = data["figures"], data["sources"]
    if not 6 <= len(figures) <= 10:
        fail("dataset has %d headline figures, expected 6-10" % len(figures))
    check_one_row_per_thing(data.get("tables", []))

    with tempfile.TemporaryDirectory() as out:
        render(quire, dataset, template, plugin_dir, out)
        pdf = os.path.join(out, data["id"] + ".pdf")
        xlsx = os.path.join(out, data["id"] + ".xlsx")
        for path in (pdf, xlsx):
            if not os.path.isfile(path):
                fail("missing output " + path)
        if os.path.isfile(pdf):
            pages = pdf_pages(pdf)
            check_pdf_figures(pages, figures)
            check_pdf_sources(pages, sources)
            check_pdf_framing(pages, sources)
        if os.path.isfile(xlsx):
            wb = openpyxl.load_workbook(xlsx)
            check_xlsx_figures(wb, figures)
            check_xlsx_sources(wb, sources)

    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("ok: %d figures, %d sources in PDF and XLSX" % (len(figures), len(sources)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
