#!/usr/bin/python3
"""check_shortest.py FILE.xlsx — every number cell of every sheet is
written as the shortest decimal that reads back as the same double (issue
20 §6: 3.7 % was stored as 0.03700000000000001): no <v> of a number cell
is longer than repr() of its own value, and percents in the flagship are
there."""
import re
import sys
import zipfile

path = sys.argv[1]
failures, numbers, percents = [], 0, 0
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        if not re.match(r'xl/worksheets/sheet\d+\.xml$', name):
            continue
        xml = z.read(name).decode()
        for attrs, v in re.findall(r'<c ([^>]*)><v>([^<]*)</v></c>', xml):
            if ' t="' in attrs:      # strings, booleans, errors
                continue
            numbers += 1
            x = float(v)
            if 0 < abs(x) < 1:
                percents += 1
            short = repr(x)
            digits = lambda s: len(re.sub(r'[^0-9]', '', s.split('e')[0].split('E')[0]).strip('0'))
            if digits(v) > digits(short):
                failures.append(f'{name}: {v} (shortest: {short})')
for f in failures[:20]:
    print('check_shortest:', f)
print(f'check_shortest: {numbers} number cells ({percents} fractions), {len(failures)} longer than needed')
sys.exit(1 if failures or numbers == 0 or percents == 0 else 0)
