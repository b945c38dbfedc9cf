"""A table one sheet cannot hold (xlsx_harness long N 0, N past Excel's
1,048,576 rows): the rows continue on "Long table (2)" and none is lost.
Reads the sheet XML directly: openpyxl would take minutes on 1M rows.

usage: check_row_limit.py FILE.xlsx N
"""
import re
import sys
import zipfile

path, n = sys.argv[1], int(sys.argv[2])
z = zipfile.ZipFile(path)
failures = []
book = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]*)"', book)
if names != ["Summary", "Long table", "Long table (2)"]:
    failures.append(f"sheets: {names}")
first = z.read("xl/worksheets/sheet2.xml").decode()
second = z.read("xl/worksheets/sheet3.xml").decode()
TOP = 2   # the title and as_of rows above the header (issue 19)
per_sheet = 1048576 - 5 - TOP
# The integer column holds 1..n: the last value on each sheet tells all.
last_first = re.findall(r'<c r="A(\d+)"[^>]*><v>(\d+)</v>', first[-4000:])
if not last_first or last_first[-1] != (str(per_sheet + 1 + TOP), str(per_sheet)):
    failures.append(f"first sheet ends with {last_first[-1:]}, want row {per_sheet + 1 + TOP}")
values = [int(v) for v in re.findall(r'<c r="A\d+"[^>]*><v>(\d+)</v>', second)]
if values != list(range(per_sheet + 1, n + 1)):
    failures.append(f"second sheet holds {values[:3]}..{values[-3:]}")
if "Part 2 of 2" not in second or "Part 1 of 2" not in first[-4000:]:
    failures.append("continuation notes missing")
if not re.search(r'<autoFilter ref="A3:B1048572"/>', first):
    failures.append("first sheet autofilter does not span its rows")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
