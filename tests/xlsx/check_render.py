"""Checks `quire render -f xlsx,csv` of one dataset: the XLSX and the CSV
exports agree cell for cell, and the workbook's charts draw on its sheets.

usage: check_render.py OUTDIR DATASET_ID N_CHARTS   (-1: any number)
"""
import csv
import datetime
import math
import os
import re
import sys
import zipfile

import openpyxl

failures = []
# A table's sheet: its title and as_of line, then the header (issue 19).
TOP = 2


def check(cond, what):
    if not cond:
        failures.append(what)


def same(xcell, text):
    """An XLSX cell and the CSV field written for the same dataset cell."""
    v = xcell.value
    if v is None:
        return text == ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d") == text
    if isinstance(v, str):
        return v == text
    try:
        want = float(text)
    except ValueError:
        return False
    if "%" in xcell.number_format:
        v = v * 100
    return math.isclose(v, want, rel_tol=1e-12, abs_tol=1e-12)


def compare(ws, path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    for r, row in enumerate(data):
        for c, text in enumerate(row):
            x = ws.cell(row=r + 2 + TOP, column=c + 1)
            check(same(x, text), f"{ws.title}!{x.coordinate}: xlsx {x.value!r} "
                                 f"({x.number_format}) vs csv {text!r}")
    width = len(header)
    check(ws.cell(row=1 + TOP, column=width).value is not None,
          f"{ws.title}: header width {width}")
    check(all(ws.cell(row=len(data) + 2 + TOP, column=c + 1).value is None
              for c in range(width)),
          f"{ws.title}: no row past the CSV's {len(data)}")


def check_charts(path, sheets, n_charts):
    z = zipfile.ZipFile(path)
    charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
    check(n_charts < 0 or len(charts) == n_charts, f"{len(charts)} charts, want {n_charts}")
    quoted = {s for s in sheets} | {"'" + s.replace("'", "''") + "'" for s in sheets}
    for n in charts:
        for ref in re.findall(r"<c:f>([^<]*)</c:f>", z.read(n).decode()):
            check(ref.rsplit("!", 1)[0] in quoted, f"{n}: reference {ref} is not a table sheet")


def main():
    outdir, ds, n_charts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    path = os.path.join(outdir, ds + ".xlsx")
    wb = openpyxl.load_workbook(path)
    csvs = sorted(f for f in os.listdir(outdir)
                  if f.startswith(ds + ".") and f.endswith(".csv") and f != ds + ".csv")
    # the workbook's own sheets, in English or Korean (plugins/xlsx/labels.c)
    sheets = [ws for ws in wb.worksheets if ws.title not in ("Summary", "Sources", "요약", "출처")]
    check(len(csvs) == len(sheets), f"{len(csvs)} CSV tables, {len(sheets)} table sheets")
    # The CSV files sort by table id; the sheets follow the dataset's order.
    # Pair them through the first data row, which names the table uniquely here.
    for ws in sheets:
        match = [f for f in csvs if agrees(ws, os.path.join(outdir, f))]
        check(len(match) >= 1, f"{ws.title}: no CSV export agrees with it")
        if match:
            compare(ws, os.path.join(outdir, match[0]))
            csvs.remove(match[0])
    check_charts(path, [ws.title for ws in sheets], n_charts)


def agrees(ws, path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return all(same(ws.cell(row=r + 2 + TOP, column=c + 1), t)
               for r, row in enumerate(rows[1:]) for c, t in enumerate(row))


main()
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
