#!/usr/bin/python3
"""check_verdicts.py QUIRE PLUGINDIR BADDIR WORKDIR — validate refuses what
render refuses (issue 20 §3): every dataset of the bad-input corpus
(BADDIR/*.yaml, with NAME.set overrides) and every case of BADDIR/render/
(NAME.yaml, with NAME.template.yaml when there is one: inputs the core
accepts and an exporter may not) goes through `quire validate` and
`quire render` for pdf, xlsx and csv. Both must give the same exit code;
a refusal is exit 2 with a file:line:col: error (file: error: for a
--set value, which is in no file; exit 1 for a usage error), never 4; a
refused render writes nothing."""
import glob
import os
import re
import shutil
import subprocess
import sys

quire, plugins, bad, work = sys.argv[1:5]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []
cases = sorted(glob.glob(f'{bad}/*.yaml')) + sorted(
    p for p in glob.glob(f'{bad}/render/*.yaml') if not p.endswith('.template.yaml'))
positioned = re.compile(r'^[^:\n]+:\d+:\d+: error: ', re.M)
for path in cases:
    name = os.path.relpath(path, bad)[:-5]
    args = []
    sets = path[:-5] + '.set'
    if os.path.exists(sets):
        for line in open(sets, encoding='utf-8'):
            if '=' in line:
                args += ['--set', line.rstrip('\n')]
    tpl = path[:-5] + '.template.yaml'
    if os.path.exists(tpl):
        args += ['-t', tpl, '--allow-any-path']
    common = ['-f', 'pdf,xlsx,csv', '--plugin-dir', plugins] + args
    v = subprocess.run([quire, 'validate', path] + common, capture_output=True, text=True)
    out = f'{work}/{name.replace("/", "_")}'
    r = subprocess.run([quire, 'render', path, '-o', out, '-q'] + common, capture_output=True, text=True)
    if v.returncode != r.returncode:
        failures.append(f'{name}: validate exit {v.returncode}, render exit {r.returncode}\n'
                        f'  validate: {v.stderr.strip()[:400]}\n  render: {r.stderr.strip()[:400]}')
        continue
    if r.returncode not in (0, 1, 2):
        failures.append(f'{name}: exit {r.returncode} (4 is I/O or a bug):\n  {r.stderr.strip()[:400]}')
    if r.returncode == 2:
        where = re.compile(r'^[^:\n]+: error: --set ', re.M) if os.path.exists(sets) else positioned
        for what, p in (('validate', v), ('render', r)):
            if not positioned.search(p.stderr) and not where.search(p.stderr):
                failures.append(f'{name}: {what} refused without file:line:col: {p.stderr.strip()[:300]}')
        left = os.listdir(out) if os.path.isdir(out) else []
        if left:
            failures.append(f'{name}: a refused render left {left}')
for f in failures:
    print('check_verdicts:', f)
print(f'check_verdicts: {len(cases)} cases, {len(failures)} failures')
sys.exit(1 if failures or len(cases) < 50 else 0)
