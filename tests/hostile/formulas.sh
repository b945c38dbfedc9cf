#!/bin/bash
# formulas.sh QUIRE SOURCE_DIR — issue 21, 9: a CSV text cell a spreadsheet
# would run as a formula (= + - @ tab CR first) gets a leading ' by default;
# numbers stay numbers; -O csv.formulas=keep writes them as they are.
set -u
case_name=formulas quire=$1 here=$2
e2e_name=hostile
. "$here/../lib/e2e.sh"
cat >f.yaml <<'YAML'
quire: 1
id: f
title: Formulas
tables:
  - id: t
    title: "=1+1"
    columns:
      - {id: name, type: text}
      - {id: n, type: number}
    rows:
      - ["=HYPERLINK(\"http://x.invalid\",\"click\")", -5]
      - ["+1", 2]
      - ["-2", -2.5]
      - ["@SUM(A1)", 3]
      - ["\tx", 4]
      - ["plain, text", 5]
YAML
run 0 render f.yaml -f csv -o out -q
/usr/bin/python3 - out/f.t.csv out/f.csv escape <<'PY' || fail "escaped by default"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
want = [["name", "n"], ["'=HYPERLINK(\"http://x.invalid\",\"click\")", "-5"], ["'+1", "2"],
        ["'-2", "-2.5"], ["'@SUM(A1)", "3"], ["'\tx", "4"], ["plain, text", "5"]]
if rows != want:
    sys.exit(f"{rows} != {want}")
index = list(csv.reader(open(sys.argv[2], newline="")))
if index[1][1] != "'=1+1":
    sys.exit(f"index title {index[1][1]!r}")
PY
run 0 render f.yaml -f csv -o keep -q -O csv.formulas=keep
grep -q '^"=HYPERLINK' keep/f.t.csv && grep -q '^+1,2' keep/f.t.csv || fail "-O csv.formulas=keep escaped: $(cat keep/f.t.csv)"
run 1 render f.yaml -f csv -o bad -q -O csv.formulas=maybe
