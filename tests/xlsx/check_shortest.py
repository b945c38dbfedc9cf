#!/usr/bin/python3
"""check_shortest.py FILE.xlsx — every number cell of every sheet holds
the double of a decimal of at most 15 significant digits, as the dataset
wrote it (issue 20 §6: 3.7 % was stored as 0.037000000000000005, which no
short decimal reads as: its shortest form is 0.03700000000000001). The
text libxlsxwriter writes may have 16 digits (its %.16G: 9.86 as
9.859999999999999, the same double); the double is what counts."""
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
            digits = len(re.sub(r'[^0-9]', '', short.split('e')[0]).strip('0'))
            if digits > 15:
                failures.append(f'{name}: {v} is no short decimal (shortest form {short})')
for f in failures[:20]:
    print('check_shortest:', f)
print(f'check_shortest: {numbers} number cells ({percents} fractions), {len(failures)} not a short decimal')
sys.exit(1 if failures or numbers == 0 or percents == 0 else 0)
