#!/usr/bin/python3
"""check_parity.py DIR [TYPE] — for each chart case (of that type) chart_parity wrote, the PDF
(pdftotext) and the workbook's chart XML show the same chart: the same
categories in the same order, the same series, the same values; and the
workbook's chart has the structure its options ask for (c:barChart with
c:lineChart in one c:plotArea and two c:valAx, c:areaChart grouping,
c:scatterChart, c:dateAx, the reference series, per-point highlight)."""
import datetime
import re
import subprocess
import sys
import zipfile

C = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
failures = []


def fail(case, what):
    failures.append(f'{case}: {what}')


def chart_xml(path):
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if re.match(r'xl/charts/chart\d+\.xml$', n)]
        return z.read(names[0]).decode() if names else None


def pts(elem_xml):
    return [(int(i), v) for i, v in re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v></c:pt>', elem_xml)]


def series(xml):
    out = []
    for ser in re.findall(r'<c:ser>(.*?)</c:ser>', xml, re.S):
        tx = re.search(r'<c:tx>(.*?)</c:tx>', ser, re.S)
        name = None
        if tx:
            v = re.findall(r'<c:v>([^<]*)</c:v>', tx.group(1))
            name = v[0] if v else None
        cat = re.search(r'<c:(?:cat|xVal)>(.*?)</c:(?:cat|xVal)>', ser, re.S)
        val = re.search(r'<c:(?:val|yVal)>(.*?)</c:(?:val|yVal)>', ser, re.S)
        out.append({'name': name, 'literal': bool(val and '<c:numLit>' in val.group(1)),
                    'cats': [v for _, v in sorted(pts(cat.group(1)))] if cat else [],
                    'vals': dict(pts(val.group(1))) if val else {},
                    'dpt': len(re.findall(r'<c:dPt>', ser)), 'xml': ser})
    return out


def unescape(s):
    return s.replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')


def numbers(text):
    found = []
    for tok in re.findall(r'-?[\d,]*\.?\d+', text):
        try:
            found.append(float(tok.replace(',', '')))
        except ValueError:
            pass
    return found


def check_structure(case, kind, flags, xml):
    plot = re.search(r'<c:plotArea>(.*)</c:plotArea>', xml, re.S)
    if not plot:
        return fail(case, 'no c:plotArea')
    plot = plot.group(1)
    if kind == 'bar' and '<c:barChart>' not in plot:
        fail(case, 'no c:barChart')
    if 'combo' in flags and '<c:lineChart>' not in plot:
        fail(case, 'combined chart without c:lineChart in the plot area')
    if 'right' in flags:
        vals = re.findall(r'<c:valAx>(.*?)</c:valAx>', plot, re.S)
        if len(vals) != 2:
            fail(case, f'{len(vals)} c:valAx, want 2')
        elif not any('<c:crosses val="max"/>' in v and '<c:axPos val="r"/>' in v for v in vals):
            fail(case, 'no secondary value axis on the right')
    if kind == 'area':
        g = re.search(r'<c:areaChart><c:grouping val="(\w+)"/>', plot)
        want = 'stacked' if 'stacked' in flags else 'standard'
        if not g or g.group(1) != want:
            fail(case, f'c:areaChart grouping {g.group(1) if g else None}, want {want}')
    if kind == 'scatter' and '<c:scatterChart>' not in plot:
        fail(case, 'no c:scatterChart')
    if 'time' in flags and kind != 'scatter' and '<c:dateAx>' not in plot:
        fail(case, 'date x without c:dateAx')
    if kind == 'bar' and 'labels' in flags and 'stacked' not in flags:
        for dl in re.findall(r'<c:barChart>.*?</c:barChart>', plot, re.S):
            for ser in re.findall(r'<c:ser>(.*?)</c:ser>', dl, re.S):
                if '<c:dLbls>' in ser and '<c:dLblPos val="outEnd"/>' not in ser:
                    fail(case, 'bar labels without the outside-end position')
    if case == 'legend-wrap' and '<c:delete val="1"/></c:dLbl>' not in plot:
        fail(case, 'dense value labels not thinned in the workbook')
    if kind == 'pie' and '<c:pieChart>' not in plot and '<c:doughnutChart>' not in plot:
        fail(case, 'no pie chart')


def fmt_date(serial):
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(serial)))).isoformat()


def check_case(work, case, kind, flags):
    xml = chart_xml(f'{work}/{case}.xlsx')
    if xml is None:
        return fail(case, 'the workbook has no chart')
    text = subprocess.run(['pdftotext', '-raw', f'{work}/{case}.pdf', '-'], capture_output=True,
                          text=True).stdout
    flat = ''.join(text.split())
    check_structure(case, kind, flags, xml)
    sers = series(xml)
    # reference lines: grey dashed series (on helper cells, or literals in a sorted chart)
    refs = [s for s in sers if s['name'] is not None and 'prstDash' in s['xml']
            and '<a:srgbClr val="7F7F7F"/>' in s['xml']]
    data = [s for s in sers if s not in refs]
    if 'refs' in flags:
        if not refs:
            fail(case, 'no reference series in the workbook')
        for r in refs:
            if r['name'] and ''.join(unescape(r['name']).split()) not in flat:
                fail(case, f'reference "{r["name"]}" not in the PDF')
    if 'highlight' in flags and not any(s['dpt'] for s in data):
        fail(case, 'highlight without per-point formatting')
    # series: named alike when a legend shows them
    if '<c:legend>' in xml and kind != 'pie':
        for s in data:
            if s['name'] and ''.join(unescape(s['name']).split()) not in flat:
                fail(case, f'series "{s["name"]}" in the workbook, not in the PDF')
    # categories, in order (not for time axes and scatter charts, whose x is numeric)
    if data and 'scatter' not in flags and not ('time' in flags and kind != 'bar'):
        cats = data[0]['cats']
        if 'time' in flags:
            cats = sorted(fmt_date(c) for c in cats)      # bars sort by date
        cats = [''.join(unescape(c).split()) for c in cats]
        # categories without a value (a pie's missing slice) are named in a note
        shown_rows = [i for i in range(len(cats)) if any(i in s['vals'] and
                      (kind != 'pie' or float(s['vals'][i]) > 0) for s in data)]
        cats = [cats[i] for i in shown_rows] if 'time' not in flags else cats
        # a narrow box shortens long labels, a crowded one thins them
        if len(cats) <= 12 and not case.startswith('narrow'):
            pos = 0
            for c in cats:
                at = flat.find(c, pos)
                if at < 0:
                    fail(case, f'category "{c}" not in the PDF in the workbook\'s order')
                    break
                pos = at + len(c)
    # values: every value the workbook draws is a number the PDF writes
    # (a squeezed, narrow or crowded chart thins its labels: not compared)
    if 'labels' in flags and not case.startswith(('squeezed', 'narrow')) and \
            all(len(s['vals']) <= 12 for s in data):
        shown = numbers(text)
        pct = 'percent' in flags or kind == 'pie'
        for s in data:
            for i, v in s['vals'].items():
                v = float(v)
                cands = [v, v * 100] if not ('pie' in flags and 'share' in case) else [v]
                if 'pie-percent' == case:
                    total = sum(float(x) for x in s['vals'].values())
                    cands = [round(v / total * 100)]
                if not any(abs(t - c) < 0.051 for t in shown for c in cands):
                    fail(case, f'value {v} of "{s["name"]}" not written in the PDF')
                    break
    return None


def main():
    work = sys.argv[1]
    only = sys.argv[2] if len(sys.argv) > 2 else None
    cases = [line.split() for line in open(f'{work}/cases.txt') if line.strip()]
    cases = [c for c in cases if only is None or c[1] == only]
    if not cases:
        sys.exit(f'check_parity: no {only} case')
    for name, kind, flags in cases:
        check_case(work, name, kind, flags)
    for f in failures:
        print('check_parity:', f)
    print(f'check_parity: {len(cases)} cases, {len(failures)} failures')
    sys.exit(1 if failures else 0)


main()
