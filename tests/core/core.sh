#!/bin/bash
# core.sh CASE QUIRE DATA_DIR — end-to-end tests of what Core 2 added to the
# command line: plugin options (-O, template sections, plugins --options),
# the plugins' check() in validate and render, --keep-going, positions.
set -u
case_name=$1 quire=$2 data=$3
e2e_name=core
. "$(cd "$(dirname "$0")/.." && pwd)/lib/e2e.sh"

case $case_name in
options)
    run 0 plugins --options
    expect_out "$(printf 'pdf.standard\tlist\t\t')"
    expect_out "$(printf 'xlsx.summary_sheet\tbool\ttrue\t')"
    expect_out "$(printf 'csv.bom\tbool\tfalse\t')"
    # Unknown plugin, unknown key, bad value: usage errors with a did-you-mean.
    run 1 render "$data/alpha.yaml" -O pfd.standard=ua-1 -o o
    expect_err "-O pfd.standard=ua-1: no plugin named 'pfd' (did you mean 'pdf'?)"
    run 1 validate "$data/alpha.yaml" -O pdf.standrd=ua-1
    expect_err "plugin pdf has no option 'standrd' (did you mean 'standard'?)"
    run 1 render "$data/alpha.yaml" -O pdf.standard=ua-2 -o o
    expect_err "'ua-2' is not one of: ua-1, a-2b, a-3b"
    run 1 render "$data/alpha.yaml" -O xlsx.charts=maybe -o o
    expect_err "expects true or false, got 'maybe'"
    [ ! -e o ] || fail "a usage error wrote output"
    # -O wins over the template's default: no summary sheet in the workbook.
    run 0 render "$data/alpha.yaml" -f xlsx -O xlsx.summary_sheet=false -o o -q
    /usr/bin/python3 - o/alpha.xlsx <<'PY' || fail "summary_sheet=false ignored"
import sys, openpyxl
names = openpyxl.load_workbook(sys.argv[1]).sheetnames
sys.exit(1 if any(n in ("요약", "Summary") for n in names) else 0)
PY
    run 0 render "$data/alpha.yaml" -f csv -O csv.bom=true -o o -q
    head -c 3 o/alpha.share.csv | od -An -tx1 | grep -q "ef bb bf" || fail "csv.bom ignored"
    ;;
sections)
    # A template's plugin sections are checked against the plugins' options,
    # at their positions, whether or not the run uses the plugin.
    printf 'quire-template: 1\nbody: [cover]\npdf:\n  standard: [ua-1, a-9z]\n  max_rows: many\nxlsx: {sumary_sheet: false}\npfd: {standard: ua-1}\n' > t.yaml
    run 2 validate "$data/alpha.yaml" -t t.yaml -f csv
    expect_err "t.yaml:4:3: error: pdf.standard 'a-9z' is not one of: ua-1, a-2b, a-3b"
    expect_err "t.yaml:5:3: error: pdf.max_rows expects an integer, got 'many'"
    expect_err "t.yaml:6:8: error: xlsx: unknown option 'sumary_sheet' (did you mean 'summary_sheet'?)"
    expect_err "t.yaml:7:1: error: unknown key 'pfd': no template key and no plugin of that name (did you mean 'pdf'?)"
    # The template's value is used; -O wins over it.
    printf 'quire-template: 1\nbody: [cover]\nxlsx:\n  summary_sheet: false\n' > t.yaml
    run 0 render "$data/alpha.yaml" -t t.yaml -f xlsx -o o -q
    run 0 render "$data/alpha.yaml" -t t.yaml -f xlsx -o o2 -q -O xlsx.summary_sheet=true
    /usr/bin/python3 - o/alpha.xlsx o2/alpha.xlsx <<'PY' || fail "template or -O option ignored"
import sys, openpyxl
has = [any(n in ("요약", "Summary") for n in openpyxl.load_workbook(f).sheetnames) for f in sys.argv[1:]]
sys.exit(0 if has == [False, True] else 1)
PY
    ;;
check)
    # The pdf plugin's check() runs in validate as in render, before writing.
    run 2 validate "$data/alpha.yaml" -t "$data/badfont.yaml"
    expect_err "badfont.yaml"
    expect_err "font 'NoSuchFamilyXyz' not found: fontconfig offers '"
    run 0 validate "$data/alpha.yaml" -t "$data/badfont.yaml" -f csv
    ;;
keep_going)
    cp "$data/alpha.yaml" "$data/broken.yaml" .
    sed 's/^id: alpha/id: beta/' alpha.yaml > beta.yaml
    # Without -k one invalid dataset stops the batch before anything is written.
    run 2 render alpha.yaml broken.yaml beta.yaml -f csv -o o
    [ ! -e o ] || fail "wrote output although a dataset is invalid"
    run 2 render alpha.yaml broken.yaml beta.yaml -f csv -o o -k
    expect_err "broken.yaml:3:8: error:"
    [ -e o/alpha.share.csv ] && [ -e o/beta.share.csv ] || fail "-k did not render the valid ones"
    run 0 render alpha.yaml beta.yaml -f csv -o o2 -k -q
    ;;
positions)
    printf 'quire: 1\nid: t\ntitle: T\ntemplate: no-such-template\n' > t.yaml
    run 2 validate t.yaml
    expect_err "t.yaml:4:11: error: template 'no-such-template' not found"
    printf 'quire: 1\nid: t\ntitle: T\ntemplate: ../escape\n' > t.yaml
    run 2 validate t.yaml
    expect_err "t.yaml:4:11: error: template name '../escape' must be a plain name"
    ;;
*) fail "unknown case" ;;
esac
