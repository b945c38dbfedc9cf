"""Reads xlsx_harness's edge workbook: odd but valid input (empty titles
and labels, a 40,000-character cell, a table without columns, forty tables
of one title, uncharted chart blocks) still gives a workbook Excel accepts.

usage: check_edge.py FILE.xlsx
"""
import re
import sys
import zipfile

import openpyxl

failures = []


def eq(got, want, what):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


path = sys.argv[1]
wb = openpyxl.load_workbook(path)
names = wb.sheetnames
eq(len(names), 42, "Summary, 40 tables, Sources")
eq(names[1:4], ["_______", "Sheet", "Sheet (2)"], "names from forbidden, empty, quote-only titles")
eq(names[-2], "Same (37)", "forty tables of one title")
eq(len({n.lower() for n in names}), 42, "names unique without regard to case")
eq([c.value for c in wb.worksheets[1][3]], ["t", "n", "N (2)", "p"], "empty label falls back on the id")
# a table's sheet: title and as_of rows, the header in row 3 (issue 19)
eq(len(wb.worksheets[3]["A4"].value), 32767, "over-long text kept to Excel's 32767 characters")
eq(wb.worksheets[1]["C4"].value, "1900-01-02", "a date Excel cannot hold stays text")
eq(len(wb.worksheets[3]["A3"].value), 240, "a 300-character label cut for Excel's table header")
eq(len(wb["Sources"]["F2"].value), 2520, "an over-long URL kept as text")
eq(wb["Sources"]["F2"].hyperlink, None, "an over-long URL is no link")
z = zipfile.ZipFile(path)
for n in z.namelist():
    if n.startswith("xl/tables/"):
        for col in re.findall(r'<tableColumn id="\d+" name="([^"]*)"', z.read(n).decode()):
            if not col:
                failures.append(f"{n}: empty table column name")
eq(len([n for n in z.namelist() if n.startswith("xl/charts/chart")]), 1, "only the chartable block")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
