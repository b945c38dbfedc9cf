#!/usr/bin/python3
"""check_text.py TEXT EXPECTED — every line of EXPECTED occurs in the
pdftotext output TEXT (whitespace ignored, since labels may wrap)."""
import sys

text = ''.join(open(sys.argv[1], encoding='utf-8').read().split())
missing = [line.strip() for line in open(sys.argv[2], encoding='utf-8')
           if line.strip() and not line.startswith('#')
           and ''.join(line.split()) not in text]
for m in missing:
    print('check_text: missing:', m)
sys.exit(1 if missing else 0)
