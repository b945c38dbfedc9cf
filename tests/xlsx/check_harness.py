"""Reads xlsx_harness outputs back with openpyxl and checks what an analyst
relies on: sheet names, typed values, number formats, tables, charts.

usage: check_harness.py basic|basic-cm|basic-en|long FILE.xlsx

basic and basic-cm are the Korean dataset (the workbook's own words in
Korean), basic-en the same dataset with language: en.
"""
import datetime
import re
import sys
import zipfile

import openpyxl

KO = "전세계 클라우드 인프라 시장 점유율"
LONG_KO = "전세계 클라우드 인프라 시장 점유율과 국내 사업자별 매출 추이 (2021년부터 2024년까지)"
failures = []

# The workbook's own words, by language (plugins/xlsx/labels.c).
WORDS = {
    "ko": {"summary": "요약", "sources": "출처", "date": "발행일", "headline": "핵심 지표",
           "figure_headers": ["지표", "값", "단위", "증감", "증감 단위", "기준", "출처", "비고",
                              "기준 시점"],
           "source_headers": ["ID", "제목", "발행처", "저자", "날짜", "URL"],
           "source_line": "출처: ", "period": "기간", "organization": "기관"},
    "en": {"summary": "Summary", "sources": "Sources", "date": "Date",
           "headline": "Headline figures",
           "figure_headers": ["Figure", "Value", "Unit", "Change", "Change unit", "Basis",
                              "Source", "Note", "As of"],
           "source_headers": ["Id", "Title", "Publisher", "Author", "Date", "URL"],
           "source_line": "Source: ", "period": "Period", "organization": "Organization"},
}
W = WORDS["en"]
# A table's sheet: its full title in row 1, its as_of line in row 2, the
# header in row 3 (issue 19); rows below are shifted by TOP.
TOP = 2


def at(ref):
    """A cell reference of a table as if its header were row 1."""
    col, row = re.match(r"([A-Z]+)(\d+)$", ref).groups()
    return f"{col}{int(row) + TOP}"


def check(cond, what):
    if not cond:
        failures.append(what)


def eq(got, want, what):
    check(got == want, f"{what}: got {got!r}, want {want!r}")


def cell(ws, ref):
    c = ws[ref]
    return c.value, c.number_format


def check_names(wb):
    names = wb.sheetnames
    eq(names[0], W["summary"], "first sheet")
    eq(names[-1], W["sources"], "last sheet")
    eq(names[1], KO, "Korean title kept whole")
    eq(names[2], "Revenue _KRW__ big_small_ _x_", "forbidden characters replaced, cut at 31 "
       "at a word boundary")
    eq(names[3], "History (2)", "History is reserved")
    # A table titled SOURCES collides with the English sources sheet only.
    eq(names[4], "SOURCES (2)" if W is WORDS["en"] else "SOURCES",
       "names unique without regard to case")
    eq(names[5], LONG_KO[:28], "cut at 31 characters, not bytes, at a word boundary")
    eq(names[6], LONG_KO[:23] + " (2)", "duplicate made unique within 31")
    for n in names:
        check(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n), f"invalid name {n!r}")
        check(not n.startswith("'") and not n.endswith("'"), f"apostrophe at the end: {n!r}")


def check_summary(ws):
    eq(ws["A1"].value, "클라우드·AI 인프라 분기 브리핑", "title")
    rows = {r[0].value: r for r in ws.iter_rows() if r[0].value}
    for key in ("date", "period", "organization", "headline", "summary"):
        check(W[key] in rows, f"summary sheet label {W[key]!r}")
    head = rows[W["headline"]]
    header_row = next(ws.iter_rows(min_row=head[0].row + 1, max_row=head[0].row + 1))
    eq([c.value for c in header_row], W["figure_headers"], "figure headers")
    date = rows[W["date"]][1]
    eq(date.value, datetime.datetime(2025, 4, 15), "date is a real date")
    eq(date.number_format, "yyyy-mm-dd", "date format")
    capex = rows["빅테크 4사 설비투자 (2024)"]
    # the change is shown in percent by its format: no second "%" beside it
    eq([c.value for c in capex[:6]], ["빅테크 4사 설비투자 (2024)", 209, "USD bn", 0.42, None, "YoY"],
       "figure row")
    eq(capex[3].number_format, "0%", "change in percent")
    check("Synergy Research" in capex[6].value, "figure source named")
    share = rows["AWS share"]
    eq(cell(ws, share[1].coordinate), (0.315, "0.0%"), "percent figure as a fraction")
    eq(share[2].value, None, "a percent figure's unit cell stays empty (not \"31.5% %\")")
    for r in ws.iter_rows():
        for c in r:
            check(not (isinstance(c.value, str) and c.value.strip() == "%"),
                  f"a lone % at {c.coordinate}")


def check_share(ws, tables):
    eq(ws["A1"].value, KO, "the full title in the first row")
    eq([c.value for c in ws[1 + TOP]], ["사업자", "2023 Q4", "2024 Q1"], "headers")
    eq(cell(ws, at("B2")), (0.31, "0%"), "percent points as fraction")
    eq(cell(ws, at("C3")), (0.255, "0.0%"), "percent decimals as written")
    eq(ws[at("C4")].value, None, "null is an empty cell")
    eq(ws.freeze_panes, "A4", "header row frozen")
    if tables:
        eq(dict(ws.tables.items()), {"T_cloud_share": "A3:C7"}, "Excel table range")
    else:
        eq(ws.auto_filter.ref, "A3:C7", "autofilter range")
    notes = [ws.cell(r, 1).value for r in range(6 + TOP, 10 + TOP)]
    check(any(n and n.startswith(W["source_line"] + "Synergy Research") for n in notes),
          f"source under table: {notes}")
    widths = ws.column_dimensions
    check(widths["A"].width >= 14, f"width {widths['A'].width} fits 기타 (Others): wide characters count two")
    eq(ws.print_title_rows, "$3:$3", "header row repeated when printed")
    eq((ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToHeight), (True, 0),
       "printed one page wide")
    eq(ws.page_setup.paperSize, 9, "A4 paper from the template")


def check_revenue(ws):
    eq([c.value for c in ws[1 + TOP]][:3], ["Year", "매출 (억원)", "Margin"], "unit in header")
    eq(ws[at("H1")].value, "year (2)", "duplicate header made unique")
    eq(ws[at("I1")].value, "사업비(억 원)", "a unit already in the label is not added again")
    eq(cell(ws, at("A2")), (2021, "#,##0"), "integer with thousands separator")
    eq(cell(ws, at("B3")), (-2500.25, "#,##0.00"), "currency decimals as written")
    eq(cell(ws, at("C2")), (12.5, "#,##0.0"), "number decimals")
    eq(cell(ws, at("D2")), (datetime.datetime(2022, 1, 1), "yyyy-mm-dd"), "real date")
    eq(cell(ws, at("E3")), (0.1225, "0.00%"), "column format wins on the fraction")
    eq(cell(ws, at("F2")), (1.5, '"$"#,##0.00'), "column format wins")
    eq(ws[at("G2")].value, "00417", "text stays text")
    eq(ws[at("G3")].value, "a b", "control character cleaned")
    check(isinstance(ws[at("B2")].value, (int, float)), "numbers are numbers")


def check_sources(ws):
    eq([c.value for c in ws[1]], W["source_headers"], "sources header")
    eq(ws["F2"].hyperlink and ws["F2"].hyperlink.target,
       "https://www.srgresearch.com/articles/q4-2023", "URL is a hyperlink")
    eq(cell(ws, "E3"), (datetime.datetime(2024, 5, 1), "yyyy-mm-dd"), "source date")
    eq((ws["F4"].value, ws["F4"].hyperlink), ("external:c:\\temp\\x.xlsx", None),
       "only web addresses become links")


def check_charts(path):
    z = zipfile.ZipFile(path)
    charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
    eq(len(charts), 5, "one chart per chart block")
    kinds, refs = [], []
    for n in charts:
        x = z.read(n).decode()
        kinds.append(re.findall(r"<c:(barChart|lineChart|pieChart|doughnutChart)>", x)[0]
                     + "/" + "".join(re.findall(r'<c:barDir val="(\w+)"/>', x))
                     + "/" + "".join(re.findall(r'<c:grouping val="(\w+)"/>', x)))
        refs.append(re.findall(r"<c:f>([^<]*)</c:f>", x))
        check("1F4E79" in x, f"{n}: palette colour")
    eq(sorted(kinds), sorted(["barChart/col/clustered", "barChart/bar/stacked",
                              "lineChart//standard", "pieChart//", "doughnutChart//"]),
       "chart types")
    share = f"'{KO}'"
    check([f"{share}!$A$4:$A$7", f"{share}!$B$4:$B$7"] == refs[0][:2],
          f"bar series references the table's cells: {refs[0][:2]}")
    # series named as the PDF's legend names them: the label, the unit over the axis
    first = z.read(charts[0]).decode()
    check("<c:tx><c:v>2023 Q4</c:v></c:tx>" in first, "series named by its column's label")
    x = z.read(charts[0]).decode()
    check("Cloud share" in x and "사업자" in x, "chart title and axis title")
    check('<c:numFmt formatCode="0%"' in x, "percent series: value axis in percent")
    bars = [z.read(n).decode() for n in charts if '<c:barDir val="bar"/>' in z.read(n).decode()]
    cat = re.search(r"<c:catAx>.*?</c:catAx>", bars[0] if bars else "")
    check(cat and '<c:orientation val="maxMin"/>' in cat.group(0),
          "horizontal bars list categories top-down, in table order")
    check("<c:legend>" in x, "legend")
    check("<c:cat><c:strRef>" in x, "text categories referenced as text")


def check_props(wb):
    p = wb.properties
    eq(p.title, "클라우드·AI 인프라 분기 브리핑", "title property")
    eq(p.creator, "권하영", "author property")
    eq(p.created, datetime.datetime(2025, 4, 15), "created from the dataset date")


def check_basic(path, tables):
    wb = openpyxl.load_workbook(path)
    check_names(wb)
    check_summary(wb[W["summary"]])
    check_share(wb[KO], tables)
    check_revenue(wb.worksheets[2])
    check_sources(wb[W["sources"]])
    check_charts(path)
    check_props(wb)
    eq(wb["Empty"][at("A1")].value, "Value", "empty table still has its header")


def check_long(path):
    """25 rows, 10 per sheet: three sheets, each with header and note."""
    wb = openpyxl.load_workbook(path)
    eq(wb.sheetnames, ["Summary", "Long table", "Long table (2)", "Long table (3)"], "parts")
    seen = []
    for i, ws in enumerate(wb.worksheets[1:]):
        eq([c.value for c in ws[1 + TOP]], ["N", "Parity"], f"part {i + 1} header")
        n = 10 if i < 2 else 5
        seen += [ws.cell(r + TOP, 1).value for r in range(2, 2 + n)]
        eq(ws.cell(2 + n + TOP, 1).value, None, f"part {i + 1} ends after {n} rows")
        note = ws.cell(3 + n + TOP, 1).value or ""
        check(note.startswith(f"Part {i + 1} of 3: rows {10 * i + 1} to {10 * i + n} of 25"),
              f"part {i + 1} note: {note!r}")
        eq(ws.cell(2 + TOP, 2).value, "짝수", "text cells")
    eq(seen, list(range(1, 26)), "every row once, in order")


mode, path = sys.argv[1], sys.argv[2]
W = WORDS["en" if mode in ("long", "basic-en") else "ko"]
if mode == "long":
    check_long(path)
else:
    check_basic(path, tables=(mode != "basic-cm"))
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
