"""A date column's `format:` as the workbook shows it, everywhere (issue 20 §6).

usage: check_date_formats.py QUIRE PLUGIN_DIR WORKDIR [libreoffice]

One English and one Korean dataset with date columns in several formats
(none, "mmm yyyy", `yyyy "Q"q`, "dddd, d mmmm yyyy", a Korean
`yyyy"년" mmm`) in a table, a line chart (time axis) and a bar chart
(categories) are rendered to PDF, HTML and XLSX:

- the PDF's text (pdftotext) holds every expected string in the table and
  on both charts' axes, and no "2025-04"-style axis label of the old
  rendering;
- the page's table cells (parsed with html.parser) hold the same strings,
  the date as written in data-value, and the SVG charts the axis labels;
- the workbook (openpyxl): a quarter column is text "2025 Q1"; the other
  date columns are real dates whose number format is the column's, with
  the document's locale ([$-409] / [$-412]) when it names months or days;
  LibreOffice, converting the sheet to CSV as shown, prints the same
  strings (with the argument libreoffice: the normal build's test).
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import zipfile

quire, plugins, work = sys.argv[1:4]
with_lo = sys.argv[4:5] == ["libreoffice"]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checklib import expect, failures, finish, write_in  # noqa: E402
os.makedirs(work, exist_ok=True)


def write(name, text):
    return write_in(work, name, text)


DAYS = ["2025-01-01", "2025-04-15", "2025-09-30", "2025-12-31"]
EN = {
    "plain": DAYS,
    "month": ["Jan 2025", "Apr 2025", "Sep 2025", "Dec 2025"],
    "quarter": ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"],
    "long": ["Wednesday, 1 January 2025", "Tuesday, 15 April 2025",
             "Tuesday, 30 September 2025", "Wednesday, 31 December 2025"],
}
KO = {
    "plain": DAYS,
    "month": ["2025년 1월", "2025년 4월", "2025년 9월", "2025년 12월"],
    "quarter": ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"],
    "long": ["2025-01-01 (수요일)", "2025-04-15 (화요일)", "2025-09-30 (화요일)",
             "2025-12-31 (수요일)"],
}
FORMATS = {
    "en": {"month": "mmm yyyy", "long": "dddd, d mmmm yyyy"},
    "ko": {"month": 'yyyy"년" mmm', "long": "yyyy-mm-dd (dddd)"},
}

write("dates-tpl.yaml", """quire-template: 1
body:
  - chart: {table: t, type: line, x: month, y: v, title: By month}
  - chart: {table: t, type: bar, x: quarter, y: v, title: By quarter, highlight: ["2025-04-15"]}
  - table: t
""")


def dataset(lang):
    fm = FORMATS[lang]
    rows = ", ".join(f"[{d}, {d}, {d}, {d}, {i * 10 + 5}]" for i, d in enumerate(DAYS))
    return write(f"dates-{lang}.yaml", f"""quire: 1
id: dates-{lang}
title: Dates
language: {lang}
template: dates-tpl
tables:
  - id: t
    title: Dated values
    columns:
      - {{id: plain, type: date}}
      - {{id: month, type: date, format: '{fm["month"]}'}}
      - {{id: quarter, type: date, format: 'yyyy "Q"q'}}
      - {{id: long, type: date, format: '{fm["long"]}'}}
      - {{id: v, type: number}}
    rows: [{rows}]
""")


def render(ds, fmt):
    out = os.path.join(work, "out-" + fmt)
    subprocess.run([quire, "render", ds, "-f", fmt, "-o", out, "--plugin-dir", plugins,
                    "--quiet"], check=True)
    return out


def flat(s):
    return re.sub(r"\s+", " ", s)


class Cells(html.parser.HTMLParser):
    """Table cells (text, data-value) per column index, and SVG texts."""

    def __init__(self):
        super().__init__()
        self.rows, self.svg_text, self.cell, self.in_svg_text = [], [], None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = [a.get("data-value"), "", None]
        elif tag == "time" and self.cell is not None:
            self.cell[2] = a.get("datetime")
        elif tag == "text":
            self.in_svg_text += 1
            self.svg_text.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(tuple(self.cell))
            self.cell = None
        elif tag == "text":
            self.in_svg_text -= 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data
        if self.in_svg_text:
            self.svg_text[-1] += data


def check(lang, want):
    ds = dataset(lang)
    # ---- PDF ----
    pdf = os.path.join(render(ds, "pdf"), f"dates-{lang}.pdf")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    one = flat(text)
    for col, strings in want.items():
        for s in strings:
            expect(s in one, f"{lang} pdf: {col} {s!r}")
    # the bar chart's categories and the table: each quarter twice at least
    for s in want["quarter"]:
        expect(one.count(s) >= 2, f"{lang} pdf: {s!r} on the bar chart and in the table")
    # the line chart's time axis under the month format: no "2025-04" ticks
    expect(not re.search(r"\b2025-\d\d\b(?!-)", one), f"{lang} pdf: an axis tick as yyyy-mm")
    month_ticks = [s for s in ("Jan 2025", "Apr 2025", "Jul 2025", "Oct 2025")] if lang == "en" \
        else ["2025년 1월", "2025년 4월", "2025년 7월", "2025년 10월"]
    expect(sum(s in one for s in month_ticks) >= 3,
           f"{lang} pdf: the time axis under the month format {month_ticks}")
    # ---- HTML ----
    page = os.path.join(render(ds, "html"), f"dates-{lang}.html")
    p = Cells()
    p.feed(open(page, encoding="utf-8").read())
    body = [r for r in p.rows if r and len(r) == 5]
    cols = ["plain", "month", "quarter", "long"]
    expect(len(body) >= 4, f"{lang} html: table rows {len(body)}")
    data = [r for r in body if r[4][1].strip() and r[4][1].strip()[0].isdigit()]
    for i, row in enumerate(data[:4]):
        for k, col in enumerate(cols):
            value, shown, when = row[k]
            expect(shown.strip() == want[col][i], f"{lang} html: {col} row {i} {shown!r}")
            expect(value in (None, DAYS[i]), f"{lang} html: {col} data-value {value!r}")
            if col != "plain":
                expect(when == DAYS[i], f"{lang} html: {col} <time datetime> {when!r}")
    svg = [flat(t).strip() for t in p.svg_text]
    for s in want["quarter"]:
        expect(s in svg, f"{lang} html: bar chart category {s!r}")
    expect(sum(s in svg for s in month_ticks) >= 3, f"{lang} html: time axis {month_ticks}")
    # ---- XLSX ----
    book = os.path.join(render(ds, "xlsx"), f"dates-{lang}.xlsx")
    probe = subprocess.run(["/usr/bin/python3", "-c", """
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                print(ws.title, c.column, repr(c.value), c.number_format, sep='\\t')
""", book], capture_output=True, text=True, check=True).stdout
    cells = [l.split("\t") for l in probe.splitlines()]
    by_col = {}
    for sheet, col, value, fmt in cells:
        by_col.setdefault(int(col), []).append((value, fmt))
    quarters = [v for v, f in by_col.get(3, []) if v.startswith("'2025 Q")]
    expect(quarters == [repr(s) for s in want["quarter"]], f"{lang} xlsx: quarter text {quarters}")
    locale = "[$-412]" if lang == "ko" else "[$-409]"
    months = [(v, f) for v, f in by_col.get(2, []) if v.startswith("datetime")]
    month_fmt = 'yyyy"년" m"월"' if lang == "ko" else FORMATS[lang]["month"]
    expect(len(months) == 4 and all(f == locale + month_fmt for _, f in months),
           f"{lang} xlsx: month dates and their format {months}")
    longs = [(v, f) for v, f in by_col.get(4, []) if v.startswith("datetime")]
    expect(len(longs) == 4 and all(f == locale + FORMATS[lang]["long"] for _, f in longs),
           f"{lang} xlsx: long dates and their format {longs}")
    plain = [(v, f) for v, f in by_col.get(1, []) if v.startswith("datetime")]
    expect(len(plain) == 4 and all(f == "yyyy-mm-dd" for _, f in plain),
           f"{lang} xlsx: plain dates {plain}")
    # the workbook's charts: the quarter axis is text, the month axis the column's format
    with zipfile.ZipFile(book) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    by_quarter = [c for c in charts if "2025 Q3" in c]
    expect(len(by_quarter) == 1 and "<c:dateAx>" not in by_quarter[0],
           f"{lang} xlsx: the quarter chart's categories are its text, not a date axis")
    # highlight: names a date as written (validate accepts only that): its
    # bar alone keeps the series' colour, the others are muted
    points = re.findall(r'<c:dPt><c:idx val="(\d+)"/>.*?<a:srgbClr val="([0-9A-F]{6})"/>',
                        by_quarter[0] if by_quarter else "")
    colours = dict(points)
    expect(len(colours) == 4 and len(set(colours.values())) == 2 and
           list(colours.values()).count(colours.get("1")) == 1,
           f"{lang} xlsx: the highlighted quarter (2025-04-15) alone in its colour: {points}")
    # ---- LibreOffice, as shown ----
    if with_lo:
        lo = os.path.join(work, "lo-" + lang)
        shutil.rmtree(lo, ignore_errors=True)
        os.makedirs(lo)
        profile = "file://" + os.path.abspath(os.path.join(lo, "profile"))
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                        "--outdir", lo, book], check=True, stdout=subprocess.DEVNULL, timeout=180)
        shown = "".join(open(os.path.join(lo, f), encoding="utf-8-sig").read()
                        for f in os.listdir(lo) if f.endswith(".csv"))
        for col in ("month", "quarter", "long"):
            for s in want[col]:
                expect(s in shown, f"{lang} LibreOffice shows {col} {s!r}")


check("en", EN)
check("ko", KO)
finish("date formats: PDF, HTML and XLSX agree")
