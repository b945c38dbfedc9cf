#!/usr/bin/python3
"""gen_big_table.py ROWS DATASET TEMPLATE: one table of ROWS x 6 columns
(text, integer, two numbers, percent, date) and a template that shows
every row (pdf.max_rows = ROWS) in a tagged A4 PDF."""
import sys

rows, data, tmpl = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(data, "w", encoding="utf-8") as f:
    f.write("quire: 1\nid: big\ntitle: One big table\nperiod: 2025-Q1\n"
            "date: 2025-04-01\nsummary: Every row of a long ledger.\n"
            "tables:\n  - id: ledger\n    title: Ledger\n    source: generated\n"
            "    columns:\n"
            "      - {id: name, label: Name, type: text}\n"
            "      - {id: units, label: Units, type: integer}\n"
            "      - {id: price, label: Price, type: number}\n"
            "      - {id: cost, label: Cost, type: number}\n"
            "      - {id: margin, label: Margin, type: percent}\n"
            "      - {id: day, label: Day, type: date}\n"
            "    rows:\n")
    for i in range(rows):
        f.write(f"      - [item {i}, {i * 7 % 1000}, {i % 997 + 0.25}, {i % 89 + 0.5}, "
                f"{i % 61 + 0.1}, 2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}]\n")
    f.write("sources:\n  - {id: generated, title: Generated rows, publisher: quire bench, "
            "date: 2025-03-31}\n")
with open(tmpl, "w", encoding="utf-8") as f:
    f.write("quire-template: 1\nname: big-table\n"
            "page: {size: A4, orientation: portrait, margin_mm: 15}\n"
            'fonts: {body: "DejaVu Sans", bold: "DejaVu Sans:bold"}\n'
            'footer: "{page} / {pages}"\n'
            "body:\n  - table: {table: ledger}\n"
            f"pdf:\n  max_rows: {rows}\n  standard: [ua-1]\n")
