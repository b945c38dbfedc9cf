#!/usr/bin/python3
"""check_language_rule.py QUIRE PLUGINDIR DATASET WORKDIR — one rule for the
language of quire's own words (issue 20 §4): the dataset rendered to PDF
and workbook with language: KO (Korean in both), kok (Konkani: English in
both, with no warning) and kr (English, with a did-you-mean 'ko' warning
at the language: value)."""
import os
import re
import shutil
import subprocess
import sys

import openpyxl

quire, plugins, dataset, work = sys.argv[1:5]
failures = []
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
text = open(dataset, encoding='utf-8').read()
line_no = next(i for i, l in enumerate(text.split('\n'), 1) if l.startswith('language:'))
for tag, korean, warn in (('KO', True, None), ('kok', False, None), ('kr', False, "'ko'")):
    d = f'{work}/{tag}'
    os.makedirs(d)
    src = f'{d}/brief.yaml'
    with open(src, 'w', encoding='utf-8') as f:
        f.write(re.sub(r'(?m)^language: .*$', f'language: {tag}', text))
    for name in os.listdir(os.path.dirname(dataset)):   # images and CSVs beside it
        if name != os.path.basename(dataset) and not os.path.exists(f'{d}/{name}'):
            p = os.path.join(os.path.dirname(dataset), name)
            (shutil.copytree if os.path.isdir(p) else shutil.copy)(p, f'{d}/{name}')
    r = subprocess.run([quire, 'render', src, '-f', 'pdf,xlsx', '-o', f'{d}/out', '--plugin-dir', plugins],
                       capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f'{tag}: exit {r.returncode}: {r.stderr}')
        continue
    warned = [l for l in r.stderr.splitlines() if 'warning: language' in l]
    if warn:
        if not warned or not warned[0].startswith(f'{src}:{line_no}:11: warning:') or warn not in warned[0]:
            failures.append(f'{tag}: no did-you-mean {warn} at {src}:{line_no}:11: {r.stderr}')
    elif warned:
        failures.append(f'{tag}: warned: {warned}')
    out = {os.path.splitext(n)[1]: f'{d}/out/{n}' for n in os.listdir(f'{d}/out')}
    pdf = subprocess.run(['pdftotext', out['.pdf'], '-'], capture_output=True, text=True).stdout
    pdf_korean = '출처' in pdf and 'Sources' not in pdf
    wb = openpyxl.load_workbook(out['.xlsx'])
    xlsx_korean = '출처' in wb.sheetnames
    if pdf_korean != korean or xlsx_korean != korean:
        failures.append(f'{tag}: PDF Korean {pdf_korean}, workbook Korean {xlsx_korean}, '
                        f'want {korean} in both')
for f in failures:
    print('check_language_rule:', f)
print(f'check_language_rule: {len(failures)} failures')
sys.exit(1 if failures else 0)
