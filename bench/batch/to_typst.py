#!/usr/bin/python3
"""to_typst.py IN_DIR OUT_DIR — the Typst source of each one-page brief of
tests/batch/gen.sh: the same title, period, summary, key figure, table and
source list as quire's default template sets, in the same fonts, for the
peer measurement of run.sh."""
import pathlib
import sys

import yaml


def esc(s):
    """Typst markup text: escape what markup would read."""
    s = str(s)
    for ch in '\\#*_`$<>@[]~=-+/':
        s = s.replace(ch, '\\' + ch)
    return s


def brief(d):
    out = ['#set page(paper: "a4", margin: 2cm)',
           '#set text(font: "NanumGothic", size: 10pt, lang: "ko")',
           '#set document(title: "%s")' % str(d['title']).replace('"', '\\"'),
           '= %s' % esc(d['title']),
           '%s · %s' % (esc(d['period']), esc(d['date'])),
           '',
           esc(d['summary']),
           '']
    for f in d.get('figures', []):
        out.append('*%s*: %s %s' % (esc(f['label']), esc(f['value']), esc(f['unit'])))
    for t in d.get('tables', []):
        cols = t['columns']
        out.append('== %s' % esc(t['title']))
        out.append('#table(columns: %d, table.header(%s),' % (
            len(cols), ', '.join('[*%s*]' % esc(c['label']) for c in cols)))
        for row in t['rows']:
            cells = []
            for c, v in zip(cols, row):
                if v is None:
                    cells.append('[—]')
                elif c['type'] == 'percent':
                    cells.append('[%s%%]' % esc(v))
                else:
                    cells.append('[%s]' % esc(v))
            out.append('  ' + ', '.join(cells) + ',')
        out.append(')')
    out.append('== 출처')
    for s in d.get('sources', []):
        out.append('- %s, %s (%s)' % (esc(s['title']), esc(s['publisher']), esc(s['date'])))
    return '\n'.join(out) + '\n'


def main():
    src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    dst.mkdir(parents=True, exist_ok=True)
    for p in sorted(src.glob('*.yaml')):
        d = yaml.safe_load(p.read_text(encoding='utf-8'))
        (dst / (p.stem + '.typ')).write_text(brief(d), encoding='utf-8')


main()
