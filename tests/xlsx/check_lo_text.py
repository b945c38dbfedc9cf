"""Opens the workbook with LibreOffice (headless, a private profile),
converts its sheets to CSV, and checks that LibreOffice reads every text
cell of the given sheets as openpyxl does: rich strings (runs, footnote
numbers), hyperlink cells and cells with comments are read whole, at
their place.

usage: check_lo_text.py FILE.xlsx WORKDIR SHEET...
"""
import csv
import os
import shutil
import subprocess
import sys

import openpyxl

# Field 12 = -1: every sheet, one file each (<name>-<sheet>.csv).
FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def main():
    path, work, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    profile = "file://" + os.path.abspath(os.path.join(work, "profile"))
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", FILTER, "--outdir", work, path],
                   check=True, stdout=subprocess.DEVNULL, timeout=120)
    base = os.path.splitext(os.path.basename(path))[0]
    wb = openpyxl.load_workbook(path)
    failures = []
    for name in names:
        csv_path = os.path.join(work, f"{base}-{name}.csv")
        if not os.path.exists(csv_path):
            failures.append(f"LibreOffice wrote no sheet {name}: {sorted(os.listdir(work))}")
            continue
        with open(csv_path, newline="", encoding="utf-8-sig") as f:
            lo = list(csv.reader(f))
        texts = [c for row in wb[name].iter_rows() for c in row if isinstance(c.value, str)]
        if not texts:
            failures.append(f"{name}: no text cells")
        for c in texts:
            r, k = c.row - 1, c.column - 1
            got = lo[r][k] if r < len(lo) and k < len(lo[r]) else None
            if got != c.value:
                failures.append(f"{name}!{c.coordinate}: LibreOffice {got!r}, openpyxl {c.value!r}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


sys.exit(main())
