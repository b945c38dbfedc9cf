#!/usr/bin/python3
"""check_render_charts.py OUT DEFAULT_OUT — the chart options of a real
template, rendered by the quire binary: the PDF's words (pdftotext), no
two overlapping (pdftotext -bbox), the workbook's chart XML; and what the
default template charts (readable charts only: a long date series as a
line, no chart of a 2,000-row ledger)."""
import re
import subprocess
import sys
import zipfile

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def charts(path):
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.match(r'xl/charts/chart\d+\.xml$', n)),
                       key=lambda n: int(re.findall(r'\d+', n)[0]))
        return [z.read(n).decode() for n in names]


def main():
    out, default = sys.argv[1], sys.argv[2]
    pdf = f'{out}/charts-v2.pdf'
    text = ''.join(subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True,
                                  text=True).stdout.split())
    for want in ['Revenue with margin on the right axis', 'Operating margin (right axis)',
                 'Margin target', 'Unit: %', '2025-012025-022025-03', 'Plan', 'Stacked hours',
                 'Capital expenditure (USD bn)', '-11.4%', 'Share of capex', '40%',
                 '2025Q22025Q12024Q4',          # sort: desc
                 '40.0',                        # y_max with y_format 0.0
                 'Source:DigitalDaily(2025-02-19),SynergyResearchGroup']:
        check(''.join(want.split()) in text, f'PDF: no "{want}"')
    check('Quarters by revenue' in ' '.join(subprocess.run(['pdftotext', '-raw', pdf, '-'],
          capture_output=True, text=True).stdout.split()), 'PDF: no chart title')
    xs = charts(f'{out}/charts-v2.xlsx')
    check(len(xs) == 7, f'{len(xs)} charts in the workbook, want 7')
    if len(xs) == 7:
        combo, hl, line, area, scatter, hbar, pie = xs
        check('<c:barChart>' in combo and '<c:lineChart>' in combo and combo.count('<c:valAx>') == 2,
              'combined chart: bars and a line in one plot area, two value axes')
        # a reference line: a dashed series, on helper cells (numRef) unless the chart is sorted
        check('<c:v>Margin target</c:v>' in combo and 'prstDash' in combo and
              ('<c:numRef>' in combo or '<c:numLit>' in combo), 'reference series')
        check('<c:dPt>' in hl and '<c:strLit>' in hl, 'highlight points, sorted literals')
        check('<c:max val="40"/>' in hl and '<c:min val="0"/>' in hl and 'formatCode="0.0"' in hl,
              'y_min, y_max, y_format')
        check('<c:dateAx>' in line and '<c:v>Plan</c:v>' in line, 'date axis and reference')
        check('<c:areaChart><c:grouping val="stacked"/>' in area and '<c:dateAx>' in area,
              'stacked area over dates')
        check('<c:legendPos val="b"/>' in area, 'legend at the bottom')
        check('<c:scatterChart>' in scatter and scatter.count('<c:dLbl>') == 6,
              'scatter with a named point per row')
        check('<c:barDir val="bar"/>' in hbar and '<c:dLblPos val="outEnd"/>' in hbar,
              'horizontal bars, labels beyond the bar end')
        check('<c:showPercent val="1"/>' in pie, 'pie share labels')
    with zipfile.ZipFile(f'{out}/charts-v2.xlsx') as z:
        drawing = ''.join(z.read(n).decode() for n in z.namelist() if n.startswith('xl/drawings/drawing'))
        check('descr="Capital expenditure by provider"' in drawing, 'alt text as the chart description')
    # the default template
    ds = charts(f'{default}/charts-v2.xlsx')
    kinds = [re.findall(r'<c:(bar|line|area|scatter|pie)Chart>', x)[0] for x in ds]
    check(kinds == ['bar', 'bar', 'bar', 'line'], f'default template charts {kinds}')
    check(not any("'Ledger'" in x for x in ds), 'no chart of the 2,000-row ledger')
    check(any("$A$4:$A$63" in x for x in ds if '<c:lineChart>' in x), 'the 60 months as a line')
    for f in failures:
        print('check_render_charts:', f)
    sys.exit(1 if failures else 0)


main()
