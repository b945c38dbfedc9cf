#!/usr/bin/python3
"""gen_brief.py OUTDIR — writes the benchmark brief: OUTDIR/bench-brief.yaml
(10 tables of 8 rows and 3 series) and OUTDIR/bench-template.yaml (40 charts
of every kind and the 10 tables). Same numbers as bench_data.h."""
import os
import sys

TABLES, ROWS, SERIES, CHARTS = 10, 8, 3, 40
CATEGORIES = ["서울특별시", "부산광역시", "대구광역시", "인천광역시",
              "광주광역시", "대전광역시", "울산광역시", "세종특별자치시"]
KINDS = [
    "type: bar",
    "type: bar, stacked: true",
    "type: bar, horizontal: true",
    "type: line",
    "type: pie",
    "type: pie, donut: true",
]


def value(t, r, c):
    v = (t * 71 + r * 137 + c * 291) % 500 + 50
    if t % 3 == 0 and c == SERIES - 1:
        v -= 300
    return v / 10.0


def dataset():
    out = ["quire: 1", "id: bench-brief", "title: 벤치마크 브리핑 — 차트 40개, 표 10개",
           "date: 2025-04-15", "language: ko", "sources:",
           "  - {id: src, title: 합성 데이터, publisher: quire 벤치마크}", "tables:"]
    for t in range(TABLES):
        out += [f"  - id: t{t:02d}", f"    title: 지역별 지표 {t + 1}", "    source: src",
                "    columns:", "      - {id: region, label: 지역, type: text}"]
        out += [f"      - {{id: s{c}, label: 지표 {c + 1}, type: number}}" for c in range(SERIES)]
        out.append("    rows:")
        for r in range(ROWS):
            cells = ", ".join(f"{value(t, r, c):.1f}" for c in range(SERIES))
            out.append(f"      - [{CATEGORIES[r]}, {cells}]")
    return "\n".join(out) + "\n"


def template():
    out = ["quire-template: 1", "name: bench", "page: {size: A4, orientation: portrait, margin_mm: 18}",
           "fonts: {body: NanumGothic, bold: \"NanumGothic:bold\"}", "formats: [pdf]", "body:"]
    for k in range(CHARTS):
        t, kind = k // 4, KINDS[k % 6]
        y = "[s0]" if "pie" in kind else "[s0, s1, s2]"
        out.append(f"  - chart: {{table: t{t:02d}, {kind}, x: region, y: {y}, "
                   f"title: 차트 {k + 1}, value_labels: {'true' if k % 2 else 'false'}}}")
    out += [f"  - table: {{table: t{t:02d}}}" for t in range(TABLES)]
    return "\n".join(out) + "\n"


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "bench-brief.yaml"), "w", encoding="utf-8") as f:
        f.write(dataset())
    with open(os.path.join(outdir, "bench-template.yaml"), "w", encoding="utf-8") as f:
        f.write(template())


main()
