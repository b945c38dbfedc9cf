#!/bin/bash
# grandchild.sh QUIRE SOURCE_DIR PLUGIN_DIR — issue 21, 8: a plugin whose
# helper process inherits the report pipe does not make quire wait for it
# (tp_fork.c, a helper that sleeps 30 s): quire ends at once, with the
# output committed, and the helper is gone, killed by the export's process
# before its report (docs/outputs.md, "What a worker resets"), so that it
# cannot write to an output quire has checked.
set -u
case_name=grandchild quire=$1 here=$2 plugins=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
run 0 render in/x.yaml -t in/t.yaml -f fork --plugin-dir "$plugins" -o out -q
pid=$(cat out/x.fork)
[ -n "$pid" ] || fail "no helper pid"
TP_FORK_MARK=$PWD/slept run 0 render in/x.yaml -t in/t.yaml -f fork --plugin-dir "$plugins" \
    -o out2 -q
[ ! -e slept ] || fail "quire waited for the plugin's helper process to end"
for p in "$pid" "$(cat out2/x.fork)"; do
    if kill -0 "$p" 2>/dev/null; then
        kill "$p" 2>/dev/null
        fail "the plugin's helper process $p outlived its export"
    fi
done
no_temps out
exit 0
