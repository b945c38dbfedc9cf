"""Reads a workbook quire rendered and checks that its own words are in
the dataset's language, that a unit is never written twice and that no
percent is followed by a second "%".

usage: check_language.py FILE.xlsx ko|en
"""
import re
import sys

import openpyxl

WORDS = {
    "ko": {"sheets": ("요약", "출처"), "headline": "핵심 지표", "source_line": "출처: ",
           "figure_headers": ["지표", "값", "단위", "증감", "증감 단위", "기준", "출처", "비고",
                              "기준 시점"],
           "source_headers": ["ID", "제목", "발행처", "저자", "날짜", "URL"],
           "foreign": re.compile(r"^(Summary|Sources|Headline figures|Figure|Value|Unit|Change|"
                                 r"Basis|Source|Note|Period|Date|Author|Organization|Source: .*)$")},
    "en": {"sheets": ("Summary", "Sources"), "headline": "Headline figures",
           "source_line": "Source: ",
           "figure_headers": ["Figure", "Value", "Unit", "Change", "Change unit", "Basis",
                              "Source", "Note", "As of"],
           "source_headers": ["Id", "Title", "Publisher", "Author", "Date", "URL"],
           "foreign": re.compile(r"^(요약|출처|핵심 지표|지표|값|단위|증감|기준|비고|발행일|출처: .*)$")},
}

path, lang = sys.argv[1], sys.argv[2]
w = WORDS[lang]
wb = openpyxl.load_workbook(path)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


names = wb.sheetnames
check(names[0] == w["sheets"][0], f"first sheet {names[0]!r}, want {w['sheets'][0]!r}")
check(names[-1] == w["sheets"][1], f"last sheet {names[-1]!r}, want {w['sheets'][1]!r}")
summary = wb[names[0]]
rows = list(summary.iter_rows())
firsts = [r[0].value for r in rows]
check(w["headline"] in firsts, f"no {w['headline']!r} on the summary sheet: {firsts}")
if w["headline"] in firsts:
    header = rows[firsts.index(w["headline"]) + 1]
    check([c.value for c in header] == w["figure_headers"],
          f"figure headers {[c.value for c in header]}")
check([c.value for c in wb[names[-1]][1]] == w["source_headers"],
      f"sources headers {[c.value for c in wb[names[-1]][1]]}")
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if isinstance(v, str):
                check(not w["foreign"].match(v), f"{ws.title}!{c.coordinate}: {v!r} in another language")
                check(v.strip() != "%", f"{ws.title}!{c.coordinate}: a lone '%' after a percent")
for ws in wb.worksheets[1:-1]:
    # a unit in a header never twice: "X (억원) (억원)", "X(억 원) (억원)"
    for c in ws[1]:
        units = [re.sub(r"\s", "", u) for u in re.findall(r"\(([^()]*)\)", c.value or "")]
        check(len(units) == len(set(units)), f"{ws.title}!{c.coordinate}: unit twice in {c.value!r}")
    notes = [r[0].value for r in ws.iter_rows() if isinstance(r[0].value, str)]
    if any(n.startswith(("Source: ", "출처: ")) for n in notes):
        check(any(n.startswith(w["source_line"]) for n in notes),
              f"{ws.title}: source line not in {lang}: {notes}")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
