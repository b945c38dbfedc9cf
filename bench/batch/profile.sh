#!/bin/bash
# profile.sh BUILD [N] — where a batch's CPU goes: perf record (DWARF call
# graphs, 2,000 samples a second, --inherit: the parent and every export
# worker) over `quire render --datasets-from LIST -f pdf -j 1` of N
# one-page briefs (tests/batch/gen.sh), summed by phase and by library
# (profile.py). Needs perf. Not run by ctest.
set -eu
build=$(cd "$1" && pwd) n=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/quire-batch-profile-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
bash "$here/../../tests/batch/gen.sh" d "$n"
ls d/*.yaml >list
perf record -q -o perf.data -F 2000 -g --call-graph dwarf,16384 --inherit \
    "$build/src/quire" render --datasets-from list -f pdf -j 1 -o out -q \
    --plugin-dir "$build/plugins" 2>/dev/null
perf script -i perf.data -F pid,ip,sym,dso 2>/dev/null >perf.txt
# one sample is 0.5 ms of CPU; per brief: 0.5 / N
/usr/bin/python3 "$here/profile.py" perf.txt "$(echo "scale=6; 0.5 / $n" | bc)"
