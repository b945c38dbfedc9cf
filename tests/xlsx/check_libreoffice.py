"""Opens the workbook with LibreOffice (headless, a private profile),
converts every sheet to CSV, and checks that each table sheet as
LibreOffice reads it agrees with quire's own CSV export of that table.

usage: check_libreoffice.py OUTDIR DATASET_ID WORKDIR
"""
import csv
import math
import os
import shutil
import subprocess
import sys

# Field 12 = -1: every sheet, one file each (<name>-<sheet>.csv); field 9
# false: values rather than as shown, though percent keeps its "%".
FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def same(lo, text):
    if lo == text:
        return True
    if lo.endswith("%"):
        lo = lo[:-1]
    try:
        return math.isclose(float(lo), float(text), rel_tol=1e-9, abs_tol=1e-12)
    except ValueError:
        return False


# A table's sheet: its title and as_of line, then the header (issue 19).
TOP = 2


def agrees(lo_rows, csv_rows):
    data = csv_rows[1:]
    lo_rows = lo_rows[TOP:]
    if len(lo_rows) < len(data) + 1:
        return False
    return all(same(lo_rows[r + 1][c] if c < len(lo_rows[r + 1]) else "", t)
               for r, row in enumerate(data) for c, t in enumerate(row))


def main():
    outdir, ds, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    profile = "file://" + os.path.abspath(os.path.join(work, "profile"))
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", FILTER, "--outdir", work,
                    os.path.join(outdir, ds + ".xlsx")],
                   check=True, stdout=subprocess.DEVNULL, timeout=120)
    sheets = {f[len(ds) + 1:-4]: read(os.path.join(work, f))
              for f in os.listdir(work) if f.endswith(".csv")}
    failures = []
    # mini.yaml is Korean: the workbook's own sheets are 요약 and 출처
    if "요약" not in sheets or "출처" not in sheets:
        failures.append(f"LibreOffice sheets: {sorted(sheets)}")
    tables = sorted(f for f in os.listdir(outdir)
                    if f.startswith(ds + ".") and f.endswith(".csv") and f != ds + ".csv")
    if not tables:
        failures.append("no CSV export to compare with")
    for t in tables:
        rows = read(os.path.join(outdir, t))
        if not any(agrees(lo, rows) for lo in sheets.values()):
            failures.append(f"{t}: no sheet read by LibreOffice agrees with it")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


sys.exit(main())
