#!/usr/bin/python3
"""check_matrix.py DIR — reads back every chart chart_matrix wrote: the
values cached in the workbook's chart XML (c:numCache or c:numLit) and its
categories must be the table's, in the order the chart's sort asks for,
each series where its name says; each reference series holds its own
value on every point; the PDF (case n on page n) names the categories in the same order.

The expected order is computed here, from the table, by the rule the
SPEC gives (by the first series, missing values last, ties in table
order), not taken from the program."""
import math
import re
import subprocess
import sys
import zipfile

failures = []


def fail(case, what):
    failures.append(f'{case}: {what}')


def chart_xml(path):
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if re.match(r'xl/charts/chart\d+\.xml$', n)]
        return z.read(names[0]).decode() if names else None


def pts(xml):
    return {int(i): v for i, v in re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v></c:pt>', xml)}


def series(xml):
    out = []
    for ser in re.findall(r'<c:ser>(.*?)</c:ser>', xml, re.S):
        tx = re.search(r'<c:tx>(.*?)</c:tx>', ser, re.S)
        name = re.findall(r'<c:v>([^<]*)</c:v>', tx.group(1)) if tx else []
        cat = re.search(r'<c:(?:cat|xVal)>(.*?)</c:(?:cat|xVal)>', ser, re.S)
        val = re.search(r'<c:(?:val|yVal)>(.*?)</c:(?:val|yVal)>', ser, re.S)
        out.append({'name': name[0] if name else '', 'cats': pts(cat.group(1)) if cat else {},
                    'vals': pts(val.group(1)) if val else {}, 'dpt': ser.count('<c:dPt>')})
    return out


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def order(rows, sort):
    if sort == 'none':
        return list(range(len(rows)))
    sign = -1 if sort == 'desc' else 1

    def key(r):
        v = rows[r]['Revenue']
        return (math.isnan(v), 0 if math.isnan(v) else v * sign, r)
    return sorted(range(len(rows)), key=key)


def check(work, page, case, kind, sort, highlight, sers, refs, rows):
    xml = chart_xml(f'{work}/{case}.xlsx')
    if xml is None:
        return fail(case, 'no chart in the workbook')
    got = [s for s in series(xml) if s['name'].strip()]     # placeholders have a blank name
    scatter = kind == 'scatter'
    shown = order(rows, 'none' if scatter else sort)
    for label, percent, right, _ in sers:
        mine = [s for s in got if s['name'].split(' (')[0] == label]
        if len(mine) != 1:
            fail(case, f'{len(mine)} series named {label}')
            continue
        s = mine[0]
        want = {}
        for i, r in enumerate(shown):
            v = rows[r][label]
            if not math.isnan(v):
                want[i] = v / 100 if percent else v
        have = {i: float(v) for i, v in s['vals'].items()}
        if set(have) != set(want) or not all(close(have[i], want[i]) for i in want):
            fail(case, f'series {label}: cached values {have}, want {want}')
        cats = [s['cats'].get(i) for i in range(len(shown))]
        want_cats = [f"{rows[r]['Spend']:g}" for r in shown] if scatter else [rows[r]['name'] for r in shown]
        if scatter:
            cats = [f'{float(c):g}' if c is not None else None for c in cats]
        if cats != want_cats:
            fail(case, f'series {label}: categories {cats}, want {want_cats}')
        if highlight and kind == 'bar' and not s['dpt'] and not (label == 'Margin' and sers[1][3]):
            fail(case, f'series {label}: highlight without per-point colours')
    any_right = any(right for _, _, right, _ in sers)
    for label, value, right in refs:
        mine = [s for s in got if s['name'] == label]
        if len(mine) != 1:
            fail(case, f'{len(mine)} reference series named {label}')
            continue
        on_right = right and any_right
        axis = [p for _, p, r, _ in sers if bool(r) == bool(on_right)]
        want = value / 100 if axis and all(axis) else value
        vals = [float(v) for v in mine[0]['vals'].values()]
        n = 2 if scatter else len(rows)
        if len(vals) != n or not all(close(v, want) for v in vals):
            fail(case, f'reference {label}: values {vals}, want {n} times {want}')
    extra = [s['name'] for s in got if s['name'].split(' (')[0] not in
             [x[0] for x in sers] + [r[0] for r in refs]]
    if extra:
        fail(case, f'series nobody asked for: {extra}')
    # the PDF: categories in the same order (a scatter chart has none)
    if not scatter:
        text = page
        at = 0
        for r in shown:
            if kind == 'pie' and math.isnan(rows[r]['Revenue']):
                continue
            at = text.find(rows[r]['name'], at)
            if at < 0:
                fail(case, f'the PDF does not show {rows[r]["name"]} in the order {[rows[x]["name"] for x in shown]}')
                break
        for label, _, _ in refs:
            if label not in text:
                fail(case, f'the PDF does not show the reference {label}')


def main():
    work = sys.argv[1]
    rows, cases = [], []
    for line in open(f'{work}/matrix.txt'):
        f = line.rstrip('\n').split('|')
        if f[0] == 'table':
            rows.append({'name': f[1], 'Revenue': float(f[2]), 'Margin': float(f[3]),
                         'Spend': float(f[4])})
            continue
        sers = [(a, int(b), int(c), int(d)) for a, b, c, d in
                (s.split(':') for s in f[4].split(';') if s)]
        refs = [(a, float(b), int(c)) for a, b, c in (r.split(':') for r in f[5].split(';') if r)]
        cases.append((f[0], f[1], f[2], int(f[3]), sers, refs))
    pages = subprocess.run(['pdftotext', '-raw', f'{work}/matrix.pdf', '-'], capture_output=True,
                           text=True, check=True).stdout.split('\f')
    if len(pages) < len(cases):
        sys.exit(f'check_matrix: {len(pages)} pages for {len(cases)} cases')
    for page, c in zip(pages, cases):
        check(work, page, *c, rows)
    for f in failures:
        print('check_matrix:', f)
    print(f'check_matrix: {len(cases)} cases, {len(failures)} failures')
    sys.exit(1 if failures or len(cases) < 100 else 0)


main()
