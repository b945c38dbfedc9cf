#!/bin/bash
# plugin_test.sh CASE TOOL PLUGIN.so [EXPECTED] — quire-plugin-test on the
# reference plugin (it must pass, also under valgrind) and on deliberately
# bad plugins (each must fail, naming its defect).
set -u
case_name=$1 tool=$2 plugin=$3 expected=${4-}
work=$(mktemp -d /tmp/quire-ptest-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL ($case_name): $*" >&2; cat out.txt err.txt >&2 2>/dev/null; exit 1; }
vg() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$@"; }

case $case_name in
good)
    "$tool" "$plugin" >out.txt 2>err.txt || fail "exit $?"
    grep -q "^0 failed\|, 0 failed$" out.txt || fail "not every check passed"
    "$tool" -O bom=true "$plugin" >out.txt 2>err.txt || fail "-O bom=true: exit $?"
    "$tool" -O csv.bom=true "$plugin" >out.txt 2>err.txt || fail "-O csv.bom=true: exit $?"
    "$tool" -O pdf.bom=true "$plugin" >out.txt 2>err.txt
    [ $? -eq 1 ] || fail "-O pdf.bom=true (another plugin's option) is not a usage error"
    grep -q "the plugin tested is csv" err.txt || fail "-O pdf.bom: no reason given"
    "$tool" -O bom=maybe "$plugin" >out.txt 2>err.txt
    [ $? -eq 1 ] || fail "-O bom=maybe is not a usage error"
    [ "$(ls -A | tr "\n" " ")" = "err.txt out.txt " ] || fail "files left where it was run: $(ls -A)"
    ;;
valgrind)
    vg "$tool" -O bom=true "$plugin" >out.txt 2>err.txt || fail "under valgrind: exit $?"
    ;;
bad)
    "$tool" "$plugin" >out.txt 2>err.txt
    rc=$?
    [ $rc -eq 4 ] || fail "exit $rc, want 4"
    grep -qF "FAIL: $expected" out.txt || fail "no 'FAIL: $expected'"
    ;;
leak)
    # The tool itself passes it; valgrind sees what it lost.
    "$tool" "$plugin" >out.txt 2>err.txt || fail "without valgrind: exit $?"
    vg "$tool" "$plugin" >out.txt 2>err.txt
    rc=$?
    [ $rc -eq 99 ] || fail "under valgrind: exit $rc, want 99"
    grep -q "definitely lost" err.txt || fail "valgrind names no lost block"
    ;;
usage)
    "$tool" >out.txt 2>err.txt
    [ $? -eq 1 ] || fail "no plugin: not a usage error"
    touch notaplugin.so
    "$tool" notaplugin.so >out.txt 2>err.txt
    [ $? -eq 1 ] || fail "a file not named quire-NAME.so: not a usage error"
    "$tool" -d missing.yaml "$plugin" >out.txt 2>err.txt
    [ $? -eq 2 ] || fail "a missing dataset: not exit 2"
    rm -f notaplugin.so
    ;;
esac
echo "ok $case_name"
