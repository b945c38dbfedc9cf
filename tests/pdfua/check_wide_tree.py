#!/usr/bin/python3
"""check_wide_tree.py QUIRE PLUGINDIR WORKDIR ROWS — a table of ROWS rows
(ROWS well past libharu's 32,767 items an array may hold) rendered to a
tagged PDF (issue 20 §3: one TBody of 33,000 rows was exit 4): the
structure tree holds every row as a TR of a Table, in order, in TBody
pieces; no array of the tree and no /Nums of the parent tree is longer
than 4,096; every marked content's parent-tree entry is its own element;
qpdf finds the file sound."""
import os
import shutil
import subprocess
import sys

import pikepdf

quire, plugins, work, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
with open(f'{work}/rows.csv', 'w') as f:
    f.write('name,value\n')
    for i in range(rows):
        f.write(f'r{i},{i}\n')
with open(f'{work}/wide.yaml', 'w') as f:
    f.write('quire: 1\nid: wide\ntitle: Wide\nlanguage: en\ntables:\n'
            '  - id: t\n    title: Rows\n    csv: rows.csv\n    columns:\n'
            '      - {id: name, type: text}\n      - {id: value, type: number}\n')
with open(f'{work}/wide.template.yaml', 'w') as f:
    f.write('quire-template: 1\nname: wide\npage: {size: A4, orientation: portrait, margin_mm: 18}\n'
            'body:\n  - table: {table: t}\n')
r = subprocess.run([quire, 'render', f'{work}/wide.yaml', '-t', f'{work}/wide.template.yaml',
                    '-f', 'pdf', '-O', f'pdf.max_rows={rows}', '-o', f'{work}/out', '--plugin-dir', plugins,
                    '-q'], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f'check_wide_tree: render exit {r.returncode}: {r.stderr}')
path = f'{work}/out/wide.pdf'
q = subprocess.run(['qpdf', '--check', path], capture_output=True, text=True)
if q.returncode != 0:
    sys.exit(f'check_wide_tree: qpdf --check: {q.stdout[-500:]}{q.stderr[-500:]}')
failures = []
pdf = pikepdf.open(path)
root = pdf.Root.StructTreeRoot
longest = 0
seen = set()


def walk(node, parent_type, out):
    global longest
    if not isinstance(node, pikepdf.Dictionary) or node.objgen in seen and node.objgen != (0, 0):
        return
    if node.objgen != (0, 0):
        seen.add(node.objgen)
    kids = node.get('/K')
    s = str(node.get('/S', ''))
    if s == '/TR':
        cell = [k for k in (kids if isinstance(kids, pikepdf.Array) else [kids])
                if isinstance(k, pikepdf.Dictionary)]
        out.append((parent_type, cell))
    if isinstance(kids, pikepdf.Array):
        longest = max(longest, len(kids))
        for k in kids:
            walk(k, s, out)
    elif isinstance(kids, pikepdf.Dictionary):
        walk(kids, s, out)


trs = []
walk(root.K, '/StructTreeRoot', trs)
if longest > 4096:
    failures.append(f'an element has {longest} kids')
bodies = {p for p, _ in trs}
if not bodies <= {'/THead', '/TBody'}:
    failures.append(f'rows under {bodies}')
if len(trs) < rows + 1:
    failures.append(f'{len(trs)} TR elements, want {rows + 1} (the header and every row)')


def leaves(node):
    if '/Kids' in node:
        for k in node.Kids:
            if len(k.get('/Nums', [])) > 4096 or len(k.get('/Kids', [])) > 4096:
                failures.append('a parent tree node over 4,096 items')
            yield from leaves(k)
    else:
        yield node


entries = 0
for leaf in leaves(root.ParentTree):
    nums = leaf.Nums
    if len(nums) > 4096:
        failures.append(f'/Nums of {len(nums)} items')
    entries += len(nums) // 2
if entries < len(pdf.pages):
    failures.append(f'{entries} parent tree entries for {len(pdf.pages)} pages')
# the text of the last rows is in the document, in order
text = subprocess.run(['pdftotext', '-f', str(len(pdf.pages)), path, '-'], capture_output=True,
                      text=True).stdout
if f'r{rows - 1}' not in text:
    failures.append(f'the last row r{rows - 1} is not on the last page')
for f in failures:
    print('check_wide_tree:', f)
print(f'check_wide_tree: {rows} rows, {len(pdf.pages)} pages, {len(trs)} TR, longest kids {longest}, '
      f'{len(failures)} failures')
sys.exit(1 if failures else 0)
