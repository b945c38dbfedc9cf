#!/bin/bash
# grandchild.sh QUIRE SOURCE_DIR PLUGIN_DIR — issue 21, 8: a plugin whose
# helper process inherits the report pipe does not make quire wait for it
# (tp_fork.c): quire has ended, with the output committed, while the helper
# still lives.
set -u
case_name=grandchild quire=$1 here=$2 plugins=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
run 0 render in/x.yaml -t in/t.yaml -f fork --plugin-dir "$plugins" -o out -q
pid=$(cat out/x.fork)
[ -n "$pid" ] || fail "no helper pid"
alive=0
kill -0 "$pid" 2>/dev/null && alive=1
kill "$pid" 2>/dev/null
[ $alive -eq 1 ] || fail "quire waited for the plugin's helper process to end"
no_temps out
exit 0
