"""Reads the CSV files quire wrote for roundtrip.yaml with Python's csv
module and checks every cell against the values of the dataset."""
import csv
import io
import math
import sys

outdir = sys.argv[1]
# check_roundtrip.py OUTDIR [--bom]: with --bom every file must start with one.
bom = sys.argv[2:] == ["--bom"]

numbers = [
    ["tenth", "0.1", "31", "0"],
    ["third", "0.3333333333333333", "12.5", "-1"],
    ["tiny", "1e-300", "0.001", "9007199254740992"],
    ["huge", "1.7976931348623157e308", "100", "-9007199254740992"],
    ["pi", "3.141592653589793", "99.99", "42"],
    ["sum", "0.30000000000000004", "-0.5", "1000000"],
    ["small", "2.5e-5", None, None],
    ["neg", "-123456.789", "0", "7"],
    ["round", "1e15", "1e-5", "1000000000000000"],
]
texts = [
    ["쉼표, 그리고 \"따옴표\"", "2024-02-29", "1.5"],
    ["two\nlines", "2025-12-31", None],
    ["carriage\rreturn", None, "0"],
    ["", "1999-01-01", "3"],
    [None, "2000-06-15", "4"],
    ["00417", "2025-01-01", "5"],
    [" leading and trailing ", "2025-01-02", "6"],
    ["클라우드·AI 인프라", "2025-01-03", "7"],
]


def read(name):
    with open(f"{outdir}/{name}", newline="", encoding="utf-8") as f:
        raw = f.read()
    check(raw.startswith("\ufeff") == bom, f"{name}: BOM {'missing' if bom else 'unexpected'}")
    raw = raw[1:] if bom else raw
    return list(csv.reader(io.StringIO(raw, newline="")))


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)


rows = read("roundtrip.numbers.csv")
check(rows[0] == ["label", "value", "pct", "whole"], f"header {rows[0]}")
check(len(rows) == 1 + len(numbers), f"{len(rows)} rows")
for got, want in zip(rows[1:], numbers):
    check(got[0] == want[0], f"label {got[0]!r}")
    for g, w in zip(got[1:], want[1:]):
        if w is None:
            check(g == "", f"null written as {g!r}")
        else:
            v = float(g)
            check(v == float(w) and math.copysign(1, v) == math.copysign(1, float(w)),
                  f"{want[0]}: {g} does not read back as {w}")
            check(len(g) <= 24, f"{g} is longer than needed")
# The integer column stays integral: no exponent, no decimal point.
check(rows[3][3] == "9007199254740992", f"integer written as {rows[3][3]}")
check(rows[9][1:] == ["1000000000000000", "1e-05", "1000000000000000"], f"row {rows[9]}")

rows = read("roundtrip.texts.csv")
check(rows[0] == ["text", "day", "krw"], f"header {rows[0]}")
check(len(rows) == 1 + len(texts), f"{len(rows)} rows")
for got, want in zip(rows[1:], texts):
    check(got[0] == (want[0] or ""), f"text {got[0]!r} != {want[0]!r}")
    check(got[1] == (want[1] or ""), f"date {got[1]!r} != {want[1]!r}")
    check((got[2] == "" and want[2] is None) or float(got[2]) == float(want[2]),
          f"currency {got[2]!r}")

# An empty text is "" and a missing one nothing, so the two stay apart.
with open(f"{outdir}/roundtrip.texts.csv", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
    lines = f.read().split("\r\n")
check('"",1999-01-01,3' in lines, "empty text not written as \"\"")
check(",2000-06-15,4" in lines, "null text not written as an empty field")

index = read("roundtrip.csv")
check(index == [["table", "title", "file", "rows", "columns", "as_of"],
                ["numbers", "Numbers, exactly", "roundtrip.numbers.csv", "9", "4", ""],
                ["texts", "한글 표", "roundtrip.texts.csv", "8", "3", ""]], f"index {index}")
print("ok")
