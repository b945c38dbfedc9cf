#!/usr/bin/python3
"""check_matrix_lo.py MATRIXDIR WORKDIR — LibreOffice converts workbooks
of chart_matrix with reference lines to ODS, and each chart there has
every series the workbook asked for: its data series and its reference
lines (LibreOffice dropped literal reference series beside series drawn
on cells: issue 20). One case per type × sort × line layout."""
import glob
import os
import re
import shutil
import subprocess
import sys
import zipfile

src, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(f'{work}/profile')
picked, seen = {}, set()
for line in open(f'{src}/matrix.txt'):
    f = line.rstrip('\n').split('|')
    if f[0] == 'table' or not f[5]:
        continue
    sers = [s.split(':') for s in f[4].split(';') if s]
    # bars on both axes add blank placeholder series: counted apart, not here
    right_bars = f[1] == 'bar' and any(r == '1' and ln == '0' for _, _, r, ln in sers)
    key = (f[1], f[2], tuple(ln for *_, ln in sers), tuple(r for _, _, r, _ in sers), f[5].count(';'))
    if right_bars or key in seen:
        continue
    seen.add(key)
    picked[f[0]] = len(sers) + len(f[5].split(';'))
if len(picked) < 10:
    sys.exit(f'check_matrix_lo: only {len(picked)} cases')
for name in picked:
    shutil.copy(f'{src}/{name}.xlsx', work)
subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{work}/profile',
                '--convert-to', 'ods', '--outdir', work] + [f'{work}/{n}.xlsx' for n in picked],
               env=dict(os.environ, HOME=f'{work}/profile'), stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL, timeout=600, check=True)
failures = 0
for name, want in sorted(picked.items()):
    path = f'{work}/{name}.ods'
    if not os.path.exists(path):
        print(f'check_matrix_lo: {name}: LibreOffice wrote no ODS')
        failures += 1
        continue
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if re.match(r'Object \d+/content\.xml$', n)]
        got = [len(re.findall(r'<chart:series ', z.read(c).decode())) for c in charts]
    if got != [want]:
        print(f'check_matrix_lo: {name}: series {got}, want [{want}]')
        failures += 1
print(f'check_matrix_lo: {len(picked)} workbooks, {failures} failures')
sys.exit(1 if failures else 0)
