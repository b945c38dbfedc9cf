#!/usr/bin/python3
"""gen_every.py OUTDIR — writes a brief that uses every block and chart
type, so that the tagging of each is checked: OUTDIR/every.yaml (with a
CSV table, images, footnotes, lists, external and internal links) and
OUTDIR/every-t.yaml (cover with a logo, contents, headings, figures,
summary, sections, every chart type, tables, a table long enough to
continue on the next page, an image with alt and caption, a decorative
image, a page break, sources)."""
import os
import struct
import sys
import zlib


def png(path, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data +
                struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


DATASET = """\
quire: 1
id: every
title: Every block, tagged
subtitle: A brief that uses every block and chart type
period: 2025-Q2
date: 2025-07-01
language: en
author: Quire tests
organization: Quire project
summary:
  - Cloud spending kept growing, **faster** than forecast.[^basis]
  - - AWS kept its lead ([see the market](#market)).
    - Microsoft *closed in* on it.
    - Google grew fastest, says the [report](https://www.example.org/cloud-2025).
figures:
  - {id: capex, label: Big Tech capex (2024), value: 209, unit: USD bn, change: {value: 42, unit: "%", basis: YoY}, source: news, note: "The four largest buyers."}
  - {id: share, label: AWS market share, value: 31, unit: "%", source: news}
  - {id: growth, label: Cloud growth, value: 21, unit: "%", change: {value: -2, unit: "%p"}, source: news}
footnotes:
  - {id: basis, text: "Shares are of infrastructure services, as the *report* counts them."}
images:
  - {id: map, file: map.png, alt: "Map of the three regions, the largest in the east", caption: "Regions by *capacity*", source: news}
  - {id: rule, file: rule.png, decorative: true}
sections:
  - id: market
    heading: The market
    body:
      - The three largest providers held two thirds of the market; see [the table](#share-table).
      - - First item of a list.
        - Second item, with a footnote.[^basis]
  - id: outlook
    heading: Outlook
    body:
      - Spending is expected to grow again next year.
tables:
  - id: share-table
    title: Cloud market share
    description: Shares in percent, by quarter.
    source: news
    csv: share.csv
    columns:
      - {id: provider, label: Provider, type: text}
      - {id: q1, label: 2025 Q1, type: percent}
      - {id: q2, label: 2025 Q2, type: percent}
  - id: trend
    title: Monthly spending
    source: news
    columns:
      - {id: month, label: Month, type: date}
      - {id: spend, label: Spending, type: currency, currency: USD, scale: 1e9}
      - {id: margin, label: Margin, type: percent}
    rows:
{trend}
  - id: models
    title: Models
    source: news
    columns:
      - {id: model, label: Model, type: text}
      - {id: params, label: Parameters (bn), type: number}
      - {id: score, label: Score, type: number}
    rows:
      - [Alpha, 7, 61.5]
      - [Beta, 70, 74.2]
      - [Gamma, 400, 81.0]
  - id: long
    title: A long table
    source: news
    columns:
      - {id: item, label: Item, type: text}
      - {id: qty, label: Quantity, type: integer}
    rows:
{long}
sources:
  - {id: news, title: Cloud market report, publisher: Example Daily, date: 2025-06-30, url: "https://www.example.org/cloud-2025"}
  - {id: other, title: A second source, publisher: Example Weekly}
"""

TEMPLATE = """\
quire-template: 1
name: every
page: {size: A4, orientation: portrait, margin_mm: 18}
header: "{title}"
footer: "{page} / {pages}"
logo: {file: logo.png, width_mm: 24, alt: "Quire project logo", on: [cover, header]}
body:
  - cover
  - contents
  - heading: Key figures
  - figures: all
  - summary
  - section: market
  - chart: {table: share-table, type: bar, x: provider, y: [q1, q2], id: share-chart, value_labels: true}
  - chart: {table: share-table, type: bar, x: provider, y: [q1, q2], stacked: true}
  - chart: {table: share-table, type: bar, x: provider, y: q2, horizontal: true, highlight: [AWS]}
  - chart: {table: share-table, type: pie, y: q2, donut: true, percent_labels: true}
  - chart: {table: trend, type: line, x: month, y: spend, reference: [{value: 12, label: Target}]}
  - chart: {table: trend, type: area, x: month, y: [spend], legend: bottom}
  - chart:
      table: trend
      x: month
      series: [{column: spend}, {column: margin, as: line, axis: right}]
  - chart: {table: models, type: scatter, x: params, y: score, label: model}
  - table: share-table
  - table: models
  - image: map
  - image: rule
  - page_break
  - section: outlook
  - table: long
  - sources
"""


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "map.png"), 24, 16, (40, 90, 160))
    png(os.path.join(out, "rule.png"), 40, 2, (200, 200, 200))
    png(os.path.join(out, "logo.png"), 20, 10, (30, 60, 120))
    with open(os.path.join(out, "share.csv"), "w") as f:
        f.write("provider,q1,q2\nAWS,31,30\nMicrosoft,25,26\nGoogle,11,12\n")
    trend = "\n".join("      - [2024-%02d-01, %d, %.1f]" % (m, 9 + m, 20 + m * 0.5)
                      for m in range(1, 13))
    long_rows = "\n".join("      - [Item %d, %d]" % (i, (i * 7919) % 1000) for i in range(1, 91))
    with open(os.path.join(out, "every.yaml"), "w") as f:
        f.write(DATASET.replace("{trend}", trend).replace("{long}", long_rows))
    with open(os.path.join(out, "every-t.yaml"), "w") as f:
        f.write(TEMPLATE)


if __name__ == "__main__":
    main()
