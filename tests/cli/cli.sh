#!/bin/bash
# cli.sh CASE QUIRE DATA_DIR — end-to-end tests of the quire command line.
set -u
case_name=$1 quire=$2 data=$3
e2e_name=cli
. "$(cd "$(dirname "$0")/.." && pwd)/lib/e2e.sh"

case $case_name in
help)
    run 0 --help
    expect_out "Usage: quire COMMAND"
    expect_out "render DATASET.yaml..."
    run 0 render --help
    expect_out "Usage: quire render"
    expect_out "--plugin-dir DIR"
    run 0 validate --help
    expect_out "Usage: quire validate"
    run 0 plugins -h
    expect_out "tab-separated"
    run 0 --version
    grep -qE '^quire [0-9]+\.[0-9]+\.[0-9]+ \(plugin ABI 2\)$' out.txt || fail "bad --version"
    ;;
usage)
    run 1
    expect_err "no command given"
    run 1 rendr x.yaml
    expect_err "unknown command 'rendr'"
    run 1 render
    expect_err "no dataset given"
    run 1 render "$data/alpha.yaml" --frobnicate
    expect_err "Try 'quire render --help'."
    run 1 render "$data/alpha.yaml" -j zero
    run 1 render "$data/alpha.yaml" --set period
    # A --set key the dataset does not have is a usage error, named.
    run 1 render "$data/alpha.yaml" --set colour=red -f csv -o o
    expect_err "colour"
    [ ! -e o ] || fail "OUTDIR created on a usage error"
    ;;
invalid)
    run 2 render missing.yaml -f csv -o o
    expect_err "missing.yaml"
    run 2 render "$data/alpha.yaml" --set id=../x -f csv -o o
    expect_err "alpha.yaml"
    run 2 validate "$data/broken.yaml" "$data/alpha.yaml"
    expect_err "broken.yaml:3:"
    expect_err "broken.yaml:4:"
    run 2 render "$data/alpha.yaml" "$data/other/alpha.yaml" -f csv -o o
    expect_err "dataset id 'alpha' is also the id of $data/alpha.yaml"
    [ ! -e o ] || fail "OUTDIR created although the ids collide"
    run 2 render "$data/alpha.yaml" -t no-such.yaml -f csv -o o
    expect_err "no-such.yaml"
    run 2 validate "$data/lost.yaml"
    expect_err "template 'no-such-template' not found"
    ;;
plugin)
    run 3 render "$data/alpha.yaml" -f csv,nosuch -o o
    expect_err "no plugin for format 'nosuch'"
    expect_err "found: "
    [ ! -e o ] || fail "OUTDIR created although a plugin is missing"
    run 3 render "$data/alpha.yaml" -f ../csv -o o
    ;;
messages)
    # -f with a typo names the nearest plugin (issue 20 §9).
    run 3 render "$data/alpha.yaml" -f pfd -o o
    expect_err "no plugin for format 'pfd' (did you mean 'pdf'?)"
    # A template's plugin section takes true/false only, as every template
    # boolean; -O also takes yes/no (issue 20 §5).
    printf 'quire-template: 1\nbody: [cover]\nxlsx:\n  charts: yes\n  summary_sheet: 1\n' > bools.yaml
    run 2 validate "$data/alpha.yaml" -t bools.yaml
    expect_err "bools.yaml:4:3: error: xlsx.charts expects true or false, got 'yes'"
    expect_err "bools.yaml:5:3: error: xlsx.summary_sheet expects true or false, got '1'"
    run 0 validate "$data/alpha.yaml" -O xlsx.charts=no -O xlsx.summary_sheet=1
    # max_rows counts rows shown: 0 or less is refused, at its key.
    printf 'quire-template: 1\nbody: [cover, tables: all]\npdf:\n  max_rows: -5\n' > rows.yaml
    run 2 validate "$data/alpha.yaml" -t rows.yaml
    expect_err "rows.yaml:4:3: error: pdf: max_rows must be 1 or more, got -5"
    run 2 render "$data/alpha.yaml" -t rows.yaml -f pdf -o o
    [ ! -e o/alpha.pdf ] || fail "a PDF written with max_rows: -5"
    run 2 validate "$data/alpha.yaml" -O pdf.max_rows=0
    expect_err "-O pdf.max_rows=0: max_rows must be 1 or more"
    run 0 validate "$data/alpha.yaml" -O pdf.max_rows=1
    # --keep-going ends with what came of the batch.
    run 2 render "$data/alpha.yaml" "$data/broken.yaml" --keep-going -f csv -o kg
    expect_err "quire: 1 rendered, 1 invalid"
    [ -s kg/alpha.share.csv ] || fail "--keep-going did not render the valid dataset"
    run 0 render "$data/alpha.yaml" -k -f csv -o kg -q
    expect_err "quire: 1 rendered, 0 invalid"
    ;;
io)
    : > plain
    run 4 render "$data/alpha.yaml" -f csv -o plain
    expect_err "plain: cannot create or write the output directory"
    run 4 render "$data/alpha.yaml" -f csv -o plain/sub
    run 0 render "$data/alpha.yaml" -f csv -o deep/er/dir -q
    [ -s deep/er/dir/alpha.share.csv ] || fail "OUTDIR not created with its parents"
    ;;
validate)
    run 0 validate "$data/alpha.yaml" "$data/beta.yaml" "$data/gamma.yaml"
    expect_silent
    run 0 validate "$data/alpha.yaml" --set region=서울 -t "$data/csvonly.yaml"
    expect_silent
    [ -z "$(ls -A)" ] || [ "$(ls -A)" = "$(printf 'err.txt\nout.txt')" ] || fail "validate wrote files"
    ;;
csv)
    run 0 render "$data/beta.yaml" -f csv -o o
    expect_err "quire: wrote o/beta.t1.csv"
    printf 'name,n\r\none,1\r\ntwo,2\r\n' > want.t1
    printf 'day,amount\r\n2025-01-31,1000\r\n,2.5\r\n' > want.t2
    printf 'table,title,file,rows,columns,as_of\r\nt1,t1,beta.t1.csv,2,2,\r\nt2,t2,beta.t2.csv,2,2,\r\n' > want.index
    cmp o/beta.t1.csv want.t1 || fail "beta.t1.csv differs"
    cmp o/beta.t2.csv want.t2 || fail "beta.t2.csv differs"
    cmp o/beta.csv want.index || fail "beta.csv (index) differs"
    # The template named in the dataset decides the formats: csv only.
    run 0 render "$data/gamma.yaml" -o g --quiet
    expect_silent
    [ "$(ls g)" = "$(printf 'gamma.csv\ngamma.only.csv')" ] || fail "gamma: $(ls g)"
    ;;
jobs)
    run 0 render "$data/alpha.yaml" "$data/beta.yaml" "$data/gamma.yaml" -f csv -o one -q
    run 0 render "$data/alpha.yaml" "$data/beta.yaml" "$data/gamma.yaml" -f csv -o two -j 2 -q
    expect_silent
    [ "$(ls one | wc -l)" -eq 7 ] || fail "expected 7 files: $(ls one)"
    diff -r one two || fail "-j 2 wrote other bytes than -j 1"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok $case_name"
