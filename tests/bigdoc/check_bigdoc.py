#!/usr/bin/python3
"""check_bigdoc.py QUIRE PLUGINDIR WORKDIR CASE ... — one big tagged
document (issue 17 §5, issue 20 §3, issue 21 §6). The structure tree is
written from quire's own records after libharu saves the pages, so that
it costs a few dozen bytes an element and no array reaches libharu's
32,767 items. Counts and ratios only, never a time.

  table ROWS COLS   a table of ROWS x COLS under PDF/UA-1: exactly ROWS + 1
                    TR, COLS + ROWS TH (the header row and each row's first
                    cell), ROWS * (COLS - 1) TD, each TR of COLS cells; the
                    rows in order, page after page; every element's /P is its parent; every MCID on
                    every page is reached through the ParentTree and the
                    element it reaches holds it; no array over 4,096 items;
                    qpdf --check passes.
  growth N          peak RSS of the export child (QUIRE_STATS) of a table of N
                    and of 4N rows x 6:
                    the extra 3N rows cost at most MAX_KIB_A_ROW KiB each
                    (libharu's objects cost 14 KiB a row), and 4N rows at
                    most 4x N rows' peak.
  sections N        N sections (heading and paragraph) with the default
                    template (contents, bookmarks): renders, N section
                    headings and contents entries in the tree, peak under
                    1 GiB, a few text objects and content bytes a section.
  tables N          N small tables with the default template: renders, N
                    Table elements, peak under 1 GiB.
(qpdf --check reads every object: 20 s of CPU for the last two, so only the
table cases run it.)"""
import os
import re
import shutil
import subprocess
import sys

import pikepdf

MAX_KIB_A_ROW = 4
MAX_TEXTS_A_SECTION = 8    # measured 4.2
MAX_BYTES_A_SECTION = 2000  # measured 940
quire, plugins, work, case = sys.argv[1:5]
args = [int(a) for a in sys.argv[5:]]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []


def fail(msg):
    failures.append(msg)


def write_table(path, rows, cols):
    """A table of rows x cols (a text column, then numbers), tagged."""
    with open(f'{path}.yaml', 'w') as f:
        f.write('quire: 1\nid: big\ntitle: Big\nlanguage: en\ntables:\n'
                '  - id: t\n    title: Rows\n    columns:\n'
                '      - {id: c0, label: Name, type: text}\n')
        for c in range(1, cols):
            f.write(f'      - {{id: c{c}, label: C{c}, type: {"integer" if c % 2 else "number"}}}\n')
        f.write('    rows:\n')
        for r in range(rows):
            cells = [f'r{r}'] + [str(r * c % 1000 if c % 2 else r % 97 + 0.5) for c in range(1, cols)]
            f.write('      - [' + ', '.join(cells) + ']\n')
    with open(f'{path}.template.yaml', 'w') as f:
        f.write('quire-template: 1\nname: big\npage: {size: A4, orientation: portrait, margin_mm: 15}\n'
                f'body:\n  - table: {{table: t}}\npdf:\n  max_rows: {rows}\n  standard: [ua-1]\n')


def render(dataset, template=None, stats=None):
    cmd = [quire, 'render', dataset, '-f', 'pdf', '-o', f'{work}/out', '--plugin-dir', plugins, '-q']
    if template:
        cmd[3:3] = ['-t', template]
    env = dict(os.environ)
    if stats:
        env['QUIRE_STATS'] = stats
    shutil.rmtree(f'{work}/out', ignore_errors=True)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f'check_bigdoc: render {dataset}: exit {r.returncode}: {r.stderr}')
    out = [f for f in os.listdir(f'{work}/out') if f.endswith('.pdf')]
    return f'{work}/out/{out[0]}'


def peak_kib(stats, child_only=False):
    """The larger peak of quire and its export child. quire's own figure
    starts at this script's (execve keeps the peak), so a growth is
    measured on the child's alone."""
    vals = dict(line.split() for line in open(stats) if line.strip())
    child = int(vals['maxrss_children_kib'])
    return child if child_only else max(int(vals['maxrss_self_kib']), child)


def qpdf_check(path):
    q = subprocess.run(['qpdf', '--check', path], capture_output=True, text=True)
    if q.returncode != 0:
        fail(f'qpdf --check: {q.stdout[-300:]}{q.stderr[-300:]}')


def elements(pdf):
    """Every structure element, parent first, as (element, parent)."""
    out, todo, seen = [], [(pdf.Root.StructTreeRoot, None)], set()
    while todo:
        node, parent = todo.pop()
        if node.objgen in seen:
            fail(f'element {node.objgen} reached twice')
            continue
        seen.add(node.objgen)
        if parent is not None:
            out.append((node, parent))
        kids = node.get('/K')
        kids = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        if len(kids) > 4096:
            fail(f'an element with {len(kids)} kids')
        for k in reversed(list(kids)):
            if isinstance(k, pikepdf.Dictionary) and '/S' in k:
                todo.append((k, node))
    return out


def number_tree(node, out):
    if '/Kids' in node:
        if len(node.Kids) > 4096:
            fail('a ParentTree node of over 4,096 kids')
        for k in node.Kids:
            number_tree(k, out)
    nums = node.get('/Nums', [])
    if len(nums) > 4096:
        fail(f'/Nums of {len(nums)} items')
    for i in range(0, len(nums), 2):
        out[int(nums[i])] = nums[i + 1]
    return out


def holds_mcid(elem, page, mcid):
    kids = elem.get('/K')
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    for k in kids:
        if isinstance(k, int) and int(k) == mcid and elem.get('/Pg') is not None \
                and elem.Pg.objgen == page.objgen:
            return True
        if isinstance(k, pikepdf.Dictionary) and k.get('/Type') == '/MCR' \
                and int(k.MCID) == mcid and k.Pg.objgen == page.objgen:
            return True
    return False


def check_table(rows, cols):
    write_table(f'{work}/big', rows, cols)
    path = render(f'{work}/big.yaml', f'{work}/big.template.yaml')
    qpdf_check(path)
    pdf = pikepdf.open(path)
    elems = elements(pdf)
    count = {}
    for e, parent in elems:
        s = str(e.S)
        count[s] = count.get(s, 0) + 1
        if e.P.objgen != parent.objgen:
            fail(f'a {s} whose /P is not its parent')
    want = {'/TR': rows + 1, '/TH': cols + rows, '/TD': rows * (cols - 1), '/Table': 1}
    for s, n in want.items():
        if count.get(s, 0) != n:
            fail(f'{count.get(s, 0)} {s} elements, want {n}')
    trs = [e for e, _ in elems if e.S == '/TR']
    if any(len(tr.K) != cols for tr in trs):
        fail(f'a TR without {cols} cells')
    row_of = {tr.objgen: i for i, tr in enumerate(trs)}
    parents = number_tree(pdf.Root.StructTreeRoot.ParentTree, {})
    mcids, last_row = 0, 0
    for page in pdf.pages:
        data = b''.join(c.read_bytes() for c in
                        (page.Contents if isinstance(page.Contents, pikepdf.Array) else [page.Contents]))
        entry = parents.get(int(page.obj.StructParents))
        for m in re.finditer(rb'/MCID (\d+)', data):
            mcid, mcids = int(m.group(1)), mcids + 1
            if entry is None or mcid >= len(entry):
                fail(f'page {page.index + 1}: MCID {mcid} not in the ParentTree')
            elif not holds_mcid(entry[mcid], page.obj, mcid):
                fail(f'page {page.index + 1}: MCID {mcid} reaches an element that does not hold it')
            elif entry[mcid].get('/P') is not None and entry[mcid].P.objgen in row_of:
                # the rows in the tree's order, page after page
                row = row_of[entry[mcid].P.objgen]
                if row < last_row:
                    fail(f'page {page.index + 1}: row {row} drawn after row {last_row}')
                last_row = row
    # every cell's text is marked content: at least one MCID a cell
    if mcids < (rows + 1) * cols:
        fail(f'{mcids} MCIDs for {(rows + 1) * cols} cells')
    text = subprocess.run(['pdftotext', '-f', str(len(pdf.pages)), path, '-'],
                          capture_output=True, text=True).stdout
    if f'r{rows - 1}' not in text:
        fail(f'the last row r{rows - 1} is not on the last page')
    print(f'check_bigdoc: table {rows} x {cols}: {len(pdf.pages)} pages, {len(elems)} elements '
          f'{dict(sorted(count.items()))}, {mcids} MCIDs, last row {last_row}')
    if last_row != rows:
        fail(f'the last row reached is {last_row}, want {rows}')


def check_growth(n):
    peaks = []
    for rows in (n, 4 * n):
        write_table(f'{work}/g{rows}', rows, 6)
        stats = f'{work}/stats{rows}'
        render(f'{work}/g{rows}.yaml', f'{work}/g{rows}.template.yaml', stats)
        peaks.append(peak_kib(stats, child_only=True))
    per_row = (peaks[1] - peaks[0]) / (3 * n)
    print(f'check_bigdoc: peak {peaks[0]} KiB at {n} rows, {peaks[1]} KiB at {4 * n} rows: '
          f'{per_row:.2f} KiB a row (at most {MAX_KIB_A_ROW}), ratio {peaks[1] / peaks[0]:.2f}')
    if per_row > MAX_KIB_A_ROW:
        fail(f'{per_row:.2f} KiB a row, more than {MAX_KIB_A_ROW}')
    if peaks[1] > 4 * peaks[0]:
        fail('memory grows faster than the rows')


def check_many(kind, n):
    lines = ['quire: 1', 'id: many', 'title: Many parts', 'period: 2025-Q1', 'date: 2025-04-01',
             'language: en', 'summary: Many small parts.']
    if kind == 'sections':
        lines.append('sections:')
        for i in range(n):
            lines += [f'  - id: s{i}', f'    heading: Section {i}', f'    body: [Paragraph {i}.]']
    else:
        lines.append('tables:')
        for i in range(n):
            lines += [f'  - id: t{i}', f'    title: Table {i}', '    columns:',
                      '      - {id: k, label: Key, type: text}',
                      '      - {id: v, label: Value, type: text}', '    rows:', f'      - [a{i}, b{i}]']
    with open(f'{work}/many.yaml', 'w') as f:
        f.write('\n'.join(lines) + '\n')
    stats = f'{work}/stats'
    path = render(f'{work}/many.yaml', None, stats)
    peak = peak_kib(stats)
    pdf = pikepdf.open(path)
    # the elements of the upper levels: grouping elements are entered, the
    # rest counted (opening every one of 240,000 elements takes minutes)
    count, todo = {}, [pdf.Root.StructTreeRoot]
    while todo:
        node = todo.pop()
        kids = node.get('/K')
        for k in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(k, pikepdf.Dictionary) and '/S' in k:
                count[str(k.S)] = count.get(str(k.S), 0) + 1
                if k.S in ('/Document', '/Div', '/Sect', '/TOC'):
                    todo.append(k)
    if kind == 'sections':
        # the drawing a section costs, counted in the content streams: its
        # heading, paragraph and contents entry are a few text objects (a
        # dot leader drawn a dot at a time was 70 of them)
        texts = size = 0
        for page in pdf.pages:
            contents = page.Contents if isinstance(page.Contents, pikepdf.Array) else [page.Contents]
            data = b''.join(c.read_bytes() for c in contents)
            texts += len(re.findall(rb'\bBT\b', data))
            size += len(data)
        print(f'check_bigdoc: {texts / n:.1f} text objects, {size / n:.0f} content bytes a section')
        if texts > MAX_TEXTS_A_SECTION * n:
            fail(f'{texts} text objects for {n} sections, over {MAX_TEXTS_A_SECTION} a section')
        if size > MAX_BYTES_A_SECTION * n:
            fail(f'{size} content bytes for {n} sections, over {MAX_BYTES_A_SECTION} a section')
        got = count.get('/H1', 0) + count.get('/H2', 0)
        # the contents' title and the section headings
        if got < n:
            fail(f'{got} headings for {n} sections')
        if count.get('/TOCI', 0) < n:
            fail(f'{count.get("/TOCI", 0)} contents entries for {n} sections')
    elif count.get('/Table', 0) != n:
        fail(f'{count.get("/Table", 0)} Table elements for {n} tables')
    if peak > 1 << 20:
        fail(f'peak {peak} KiB, over 1 GiB')
    print(f'check_bigdoc: {n} {kind}: {len(pdf.pages)} pages, peak {peak} KiB, '
          f'upper elements {dict(sorted(count.items()))}')


if case == 'table':
    check_table(*args)
elif case == 'growth':
    check_growth(*args)
elif case in ('sections', 'tables'):
    check_many(case, *args)
else:
    sys.exit(f'check_bigdoc: unknown case {case}')
for f in failures[:20]:
    print('check_bigdoc:', f)
sys.exit(1 if failures else 0)
