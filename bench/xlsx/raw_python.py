"""Python XlsxWriter (Debian's python3-xlsxwriter) in constant_memory mode
writing the same cells as bench_xlsx_raw: the peer to beat.

usage: /usr/bin/python3 raw_python.py N OUT.xlsx
"""
import sys

import xlsxwriter

REGIONS = ["서울", "부산", "대구", "인천", "광주", "Daejeon", "Ulsan"]
HEADERS = ["region", "n", "amount", "share", "revenue (USD 1e6)", "day", "qty", "ratio",
           "code", "score"]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "use_zip64": True})
    ws = wb.add_worksheet("Big table")
    num = [wb.add_format({"num_format": f}) for f in
           ("#,##0", "#,##0.0", "#,##0.00", "#,##0.000")]
    pct = wb.add_format({"num_format": "0.0%"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADERS)
    ws.autofilter(0, 0, n, 9)
    ws.freeze_panes(1, 0)
    wn, ws_ = ws.write_number, ws.write_string
    for r in range(n):
        row = r + 1
        ws_(row, 0, REGIONS[r % 7])
        wn(row, 1, r + 1, num[0])
        wn(row, 2, (r * 37 % 100000) / 100, num[2])
        wn(row, 3, (r % 1000) / 10 / 100, pct)
        wn(row, 4, (r * 13 % 5000000) / 10, num[1])
        wn(row, 5, 18000 + r % 3650 + 25569, date)
        wn(row, 6, r % 500, num[0])
        wn(row, 7, (r % 997) / 1000, num[3])
        ws_(row, 8, "C%07d" % r)
        wn(row, 9, (r % 100) / 10, num[1])
    wb.close()


main()
