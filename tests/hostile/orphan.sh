#!/bin/bash
# orphan.sh QUIRE SOURCE_DIR SLEEP_PLUGIN_DIR — issue 21, 8: an export's
# process dies with quire, whatever signal killed quire (SIGKILL, SIGPROF,
# SIGVTALRM, SIGIO, SIGPWR, a real-time signal), instead of running on to
# the end. The slow plugin is tests/registry's tp_sleep.
set -u
case_name=orphan quire=$1 here=$2 plugins=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
alive() {   # a zombie waiting for its reaper counts as gone
    [ -e "/proc/$1" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]
}
for sig in KILL PROF VTALRM IO PWR RTMIN+3; do
    rm -rf out
    "$quire" render in/x.yaml -t in/t.yaml -f sleep --plugin-dir "$plugins" -o out -q &
    parent=$!
    started=
    for _ in $(seq 400); do   # until the plugin has started writing
        grep -qs started out/.quire-*/x.sleep && { started=1; break; }
        sleep 0.05
    done
    [ -n "$started" ] || { kill -9 $parent; fail "SIG$sig: the export never started"; }
    child=$(pgrep -P $parent | head -1)
    [ -n "$child" ] || fail "SIG$sig: no export process"
    kill -s "$sig" $parent
    wait $parent 2>/dev/null
    for _ in $(seq 400); do alive "$child" || break; sleep 0.05; done
    if alive "$child"; then
        kill -9 "$child"
        fail "SIG$sig: the export process outlived quire"
    fi
done
