#!/bin/bash
# watch_home.sh QUIRE SOURCE_DIR — issue 21, 5: `quire watch` does not
# follow a dataset replaced by a symlink out of its folder: it says so and
# reads (and quotes) nothing of the file it points to.
set -u
case_name=watch_home quire=$1 here=$2
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
printf 'SECRET-ONE: a\nSECRET-TWO: b\n' >outside.yaml
"$quire" watch in/x.yaml -t in/t.yaml -f csv -o out 2>err.txt &
pid=$!
until_err() {
    for _ in $(seq 600); do grep -q "$1" err.txt && return 0; sleep 0.05; done
    kill $pid; fail "never saw '$1': $(cat err.txt)"
}
until_err "wrote out/x.csv"
mv in/x.yaml kept.yaml && ln -s ../outside.yaml in/x.yaml
until_err "symlink out of its folder"
kill -TERM $pid
wait $pid
! grep -q SECRET err.txt || fail "the outside file was read: $(cat err.txt)"
