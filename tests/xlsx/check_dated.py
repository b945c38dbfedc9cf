"""The issue 19 features of the workbook, through the real program and
openpyxl.

usage: check_dated.py QUIRE PLUGIN_DIR WORKDIR

- a table's sheet named by its `sheet:`, its full title in row 1 and its
  as_of in row 2, the header in row 3; without `sheet:`, a long title cut
  at a word boundary;
- the summary sheet: the data's as_of in the title block, each figure's
  as_of in a column of its own (its own, else the dataset's);
- an inferred source date as text that says so (not a date cell); a month
  alone as text; a full date still a date."""
import datetime
import os
import subprocess
import sys

import openpyxl

quire, plugins, work = sys.argv[1:4]
failures = []


def eq(got, want, what):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")
        print("FAIL:", failures[-1], file=sys.stderr)


os.makedirs(work, exist_ok=True)
LONG = "Global cloud infrastructure market share by provider and quarter"
path = os.path.join(work, "dated.yaml")
with open(path, "w", encoding="utf-8") as f:
    f.write(f"""quire: 1
id: dated
title: Dated workbook
language: en
as_of: 2025-Q2
figures:
  - {{id: own, label: Own, value: 31, unit: "%", as_of: 2025-03}}
  - {{id: inherits, label: Inherits, value: 4}}
tables:
  - id: share
    title: {LONG}
    sheet: Share
    as_of: 2024-12-31
    columns: [{{id: firm, type: text}}, {{id: pct, type: percent}}]
    rows: [[AWS, 31]]
  - id: cut
    title: {LONG}
    columns: [{{id: firm, type: text}}]
    rows: [[x]]
sources:
  - {{id: guessed, title: Guessed, date: 2024-03, date_inferred: true}}
  - {{id: month, title: Month only, date: 2024-04}}
  - {{id: day, title: Full date, date: 2024-05-02}}
""")
out = os.path.join(work, "out")
subprocess.run([quire, "render", path, "-f", "xlsx", "-o", out, "--plugin-dir", plugins,
                "--quiet"], check=True)
wb = openpyxl.load_workbook(os.path.join(out, "dated.xlsx"))
eq(wb.sheetnames, ["Summary", "Share", "Global cloud infrastructure", "Sources"],
   "sheet: names the sheet; a long title is cut at a word boundary")
share = wb["Share"]
eq(share["A1"].value, LONG, "the full title in the first row")
eq(share["A2"].value, "As of 2024-12-31", "the table's as_of under its title")
eq([share["A3"].value, share["B3"].value], ["firm", "pct"], "the header in row 3")
eq(share["A4"].value, "AWS", "the data under it")
cut = wb["Global cloud infrastructure"]
eq(cut["A1"].value, LONG, "the full title in the first row of a cut name")
eq(cut["A2"].value, "As of 2025-Q2", "a table without as_of: the dataset's")

summary = wb["Summary"]
rows = {r[0].value: r for r in summary.iter_rows() if r[0].value}
eq(rows.get("Data as of") and rows["Data as of"][1].value, "2025-Q2", "the data's as_of")
header = rows.get("Figure")
col = [c.value for c in header].index("As of") if header else None
eq(col is not None, True, "an As of column among the figures' headers")
if col is not None:
    eq(rows["Own"][col].value, "2025-03", "a figure's own as_of")
    eq(rows["Inherits"][col].value, "2025-Q2", "a figure without as_of: the dataset's")

src = wb["Sources"]
dates = {r[0].value: r[4] for r in src.iter_rows(min_row=2) if r[0].value}
eq(dates["guessed"].value, "2024-03 (inferred)", "an inferred date says so")
eq(dates["guessed"].data_type, "s", "an inferred date is a text cell")
eq(dates["month"].value, "2024-04", "a month alone stays text")
eq(dates["day"].value, datetime.datetime(2024, 5, 2), "a full date is a date cell")
sys.exit(1 if failures else 0)
