#!/bin/bash
# clobber.sh QUIRE SOURCE_DIR — issue 21, 5: a run whose outputs include
# one of its inputs is refused (exit 2) before anything is written, and the
# input is left as it was: the main output (by another spelling of the
# folder, through a hard link, in a batch where it is another dataset's
# input), a plugin's extra file, --depfile and --manifest; and `quire
# watch` on such a run reports it once and does not render again and again.
set -u
case_name=clobber quire=$1 here=$2
e2e_name=hostile
. "$here/../lib/e2e.sh"
mk() { /usr/bin/python3 "$here/../depfile/make_inputs.py" "$@"; }
# The CSV plugin's main output sales.csv would replace the table's CSV file.
mk in sales sales.csv
cp in/sales.csv kept.csv
run 2 render in/sales.yaml -t in/t.yaml -f csv -o in
expect_err "would replace the input $PWD/in/sales.csv"
cmp -s in/sales.csv kept.csv || fail "the input was replaced"
run 2 render in/sales.yaml -t in/t.yaml -f csv -o ./in/
cmp -s in/sales.csv kept.csv || fail "the input was replaced through ./in/"
ln -s in alias
run 2 render in/sales.yaml -t in/t.yaml -f csv -o alias
cmp -s in/sales.csv kept.csv || fail "the input was replaced through a symlinked folder"
# A hard link to the input in OUTDIR is the same file.
mkdir hl && ln in/sales.csv hl/sales.csv
run 2 render in/sales.yaml -t in/t.yaml -f csv -o hl
expect_err "would replace the input"
# The table's extra file sales.share.csv would replace the CSV file sales.share.csv.
mk in2 sales sales.share.csv
cp in2/sales.share.csv kept2.csv
run 2 render in2/sales.yaml -t in2/t.yaml -f csv -o in2
expect_err "would replace the input"
cmp -s in2/sales.share.csv kept2.csv || fail "the input was replaced by an extra file"
[ ! -e in2/sales.csv ] || fail "part of the export was written"
no_temps in2
# A batch: a.yaml's output a.csv is b.yaml's CSV file.
mk b3 b a.csv
mk b3 a
cp b3/a.csv kept3.csv
run 2 render b3/b.yaml b3/a.yaml -t b3/t.yaml -f csv -o b3
expect_err "would replace the input $PWD/b3/a.csv"
cmp -s b3/a.csv kept3.csv || fail "another dataset's input was replaced"
[ ! -e b3/b.csv ] || fail "a batch with a clobbering output was partly rendered"
# --depfile and --manifest onto an input.
run 2 render in/sales.yaml -t in/t.yaml -f csv -o out --depfile in/sales.yaml
expect_err "an input of this run"
grep -q '^quire: 1' in/sales.yaml || fail "the dataset was replaced by the depfile"
run 2 render in/sales.yaml -t in/t.yaml -f csv -o out --manifest in/t.yaml
grep -q '^quire-template: 1' in/t.yaml || fail "the template was replaced by the manifest"
# Elsewhere it renders, and a second run over its own outputs is fine.
run 0 render in/sales.yaml -t in/t.yaml -f csv -o out -q
run 0 render in/sales.yaml -t in/t.yaml -f csv -o out -q
# watch: refused once, and not rendered again while nothing changes.
"$quire" watch in/sales.yaml -t in/t.yaml -f csv -o in 2>werr.txt &
pid=$!
for _ in $(seq 600); do grep -q "would replace" werr.txt && break; sleep 0.05; done
sleep 2
kill -TERM $pid
wait $pid
n=$(grep -c "would replace" werr.txt)
[ "$n" -eq 1 ] || fail "watch reported the clobber $n times: $(head -c 2000 werr.txt)"
cmp -s in/sales.csv kept.csv || fail "watch replaced the input"
exit 0
