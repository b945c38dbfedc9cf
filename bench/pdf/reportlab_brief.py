#!/usr/bin/python3
"""reportlab_brief.py OUT.pdf — the benchmark brief drawn with ReportLab's
own charts (grouped, stacked and horizontal bars, lines, pies, doughnuts)
and tables, NanumGothic embedded: the peer tool beside quire and the floor.
Same numbers as bench_data.h and gen_brief.py."""
import sys

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.doughnut import Doughnut
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

TABLES, ROWS, SERIES, CHARTS = 10, 8, 3, 40
CATEGORIES = ["서울특별시", "부산광역시", "대구광역시", "인천광역시",
              "광주광역시", "대전광역시", "울산광역시", "세종특별자치시"]
PALETTE = [colors.HexColor(c) for c in
           ("#1f4e79", "#e07b39", "#5b9a68", "#c0504d", "#8064a2", "#4bacc6")]
FONT_DIR = "/usr/share/fonts/truetype/nanum/"


def value(t, r, c):
    v = (t * 71 + r * 137 + c * 291) % 500 + 50
    if t % 3 == 0 and c == SERIES - 1:
        v -= 300
    return v / 10.0


def styled(chart, kind):
    chart.x, chart.y, chart.width, chart.height = 50, 40, 420, 180
    if kind in (0, 1, 2):
        for c in range(SERIES):
            chart.bars[c].fillColor = PALETTE[c]
            chart.bars[c].strokeColor = None
        chart.categoryAxis.labels.fontName = "NanumGothic"
        chart.valueAxis.labels.fontName = "NanumGothic"
        chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 8
    return chart


def bar_chart(t, kind, labels):
    chart = HorizontalBarChart() if kind == 2 else VerticalBarChart()
    chart.data = [[value(t, r, c) for r in range(ROWS)] for c in range(SERIES)]
    chart.categoryAxis.categoryNames = CATEGORIES
    if kind == 1:
        chart.categoryAxis.style = "stacked"
    if labels:
        chart.barLabelFormat = "%.1f"
        chart.barLabels.fontName = "NanumGothic"
        chart.barLabels.fontSize = 7
    return styled(chart, kind)


def line_chart(t, labels):
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 50, 40, 420, 180
    chart.data = [[value(t, r, c) for r in range(ROWS)] for c in range(SERIES)]
    chart.categoryAxis.categoryNames = CATEGORIES
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = "NanumGothic"
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 8
    for c in range(SERIES):
        chart.lines[c].strokeColor = PALETTE[c]
        chart.lines[c].strokeWidth = 1.6
    if labels:
        chart.lineLabelFormat = "%.1f"
        chart.lineLabels.fontName = "NanumGothic"
        chart.lineLabels.fontSize = 7
    return chart


def pie_chart(t, donut, labels):
    chart = Doughnut() if donut else Pie()
    chart.x, chart.y, chart.width, chart.height = 60, 20, 180, 180
    chart.data = [value(t, r, 0) for r in range(ROWS)]
    if labels:
        chart.labels = [f"{v:.1f}" for v in chart.data]
        chart.slices.fontName = "NanumGothic"
        chart.slices.fontSize = 7
    for r in range(ROWS):
        chart.slices[r].fillColor = PALETTE[r % len(PALETTE)]
        chart.slices[r].strokeColor = colors.white
    return chart


def drawing(k):
    t, kind, labels = k // 4, k % 6, k % 2 == 1
    d = Drawing(495, 260)
    if kind <= 2:
        d.add(bar_chart(t, kind, labels))
    elif kind == 3:
        d.add(line_chart(t, labels))
    else:
        d.add(pie_chart(t, kind == 5, labels))
    legend = Legend()
    legend.x, legend.y = (300, 200) if kind >= 4 else (50, 250)
    legend.fontName, legend.fontSize = "NanumGothic", 8
    legend.alignment = "right"
    legend.columnMaximum = ROWS if kind >= 4 else 1
    names = CATEGORIES if kind >= 4 else [f"지표 {c + 1}" for c in range(SERIES)]
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
    d.add(legend)
    d.add(String(0, 0, "출처: quire 벤치마크", fontName="NanumGothic", fontSize=7))
    return d


def table(t, body):
    rows = [["지역"] + [f"지표 {c + 1}" for c in range(SERIES)]]
    rows += [[CATEGORIES[r]] + [f"{value(t, r, c):,.1f}" for c in range(SERIES)] for r in range(ROWS)]
    tbl = Table(rows, colWidths=[200, 95, 95, 95])
    tbl.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "NanumGothic"),
        ("FONTNAME", (0, 0), (-1, 0), "NanumGothicBold"),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce3ed")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f5f7")]),
    ]))
    return tbl


def main():
    pdfmetrics.registerFont(TTFont("NanumGothic", FONT_DIR + "NanumGothic.ttf"))
    pdfmetrics.registerFont(TTFont("NanumGothicBold", FONT_DIR + "NanumGothicBold.ttf"))
    title = ParagraphStyle("t", fontName="NanumGothicBold", fontSize=11, leading=15)
    body = ParagraphStyle("b", fontName="NanumGothic", fontSize=9, leading=12)
    story = []
    for k in range(CHARTS):
        story += [Paragraph(f"차트 {k + 1}", title), drawing(k)]
    for t in range(TABLES):
        story += [Paragraph(f"지역별 지표 {t + 1}", title), table(t, body),
                  Paragraph("출처: quire 벤치마크", body)]
    doc = SimpleDocTemplate(sys.argv[1], pagesize=A4, invariant=1)
    doc.build(story)


main()
