#!/bin/bash
# commit_kill.sh QUIRE SOURCE_DIR — issue 21, 8: quire killed (SIGKILL)
# in the middle of committing a set of CSV files leaves, once the next run
# into OUTDIR has swept, a whole set: every file the new one, none of the
# older ones mixed in, none of them removed. Killed before each rename
# of the set in turn (QUIRE_TEST_KILL_IN_COMMIT).
set -u
case_name=commit_kill quire=$1 here=$2
e2e_name=hostile
. "$here/../lib/e2e.sh"
write() {   # write VERSION: a dataset x of three tables, each cell VERSION
    mkdir -p in
    {
        printf 'quire: 1\nid: x\ntitle: Kill test\ntables:\n'
        for t in a b c; do
            printf '  - id: %s\n    title: Table %s\n    columns: [{id: v, type: text}]\n' $t $t
            printf '    rows: [[%s]]\n' "$1"
        done
    } >in/x.yaml
    printf 'quire: 1\nid: y\ntitle: Other\n' >in/y.yaml
}
set_is() {   # set_is VERSION: all three tables' files hold VERSION
    for t in a b c; do
        grep -q "^$1" out/x.$t.csv 2>/dev/null || return 1
    done
    grep -q "^table" out/x.csv 2>/dev/null
}
for at in 1 2 3 4; do
    rm -rf out
    write old
    run 0 render in/x.yaml -f csv -o out -q
    set_is old || fail "the first render did not write the old set"
    write new
    QUIRE_TEST_KILL_IN_COMMIT=$at "$quire" render in/x.yaml -f csv -o out -q 2>err.txt
    rc=$?
    [ $rc -eq 137 ] || fail "kill at rename $at: exit $rc, expected 137 (killed): $(cat err.txt)"
    # The next run into OUTDIR (another dataset) sweeps the killed run's directory.
    run 0 render in/y.yaml -f csv -o out -q
    set_is new || fail "killed before rename $at: the set is not whole and new: $(head -n2 out/x.*.csv)"
    no_temps out
done
exit 0
