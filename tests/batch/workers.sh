#!/bin/bash
# workers.sh QUIRE PLUGIN_DIR GEN CASE — the export workers (src/render.c):
# one process per -j slot runs export after export, and a plugin that
# crashes takes only its own export along. Counts processes (QUIRE_STATS),
# pids (the test plugin tp_crash.c) and sizes; no clock is read.
#   reuse   20 briefs at -j 1 and -j 2: one worker per slot; the outputs
#           equal each other and those of briefs rendered one per process
#   crash   a crash, an exit(), an error and a plugin that replaces the
#           report pipe mid-batch, --keep-going: only those four fail, a new
#           worker takes over, the rest render (and the run ends)
#   idle    a worker that dies while idle (after its report: a leftover
#           thread exits at the next command, the command socket is shut
#           or replaced): the next export goes to a fresh worker, and the
#           batch renders whole, exit 0
#   dirty   a plugin that changes directory, umask, timers and SIGTERM,
#           leaves a descriptor open or a child process behind: every
#           later export in the batch sees the state a new process has
#           (outputs' contents and modes), and a worker whose plugin left a
#           descriptor or a child retires after its report
#   memory  one worker over 60 PDF briefs peaks within 25 % of one over 20
#           (both past the 16 documents after which the parent prepares its
#           faces for subsetting, plugins/common/font_face.c)
set -u
quire=$1 plugins=$2 gen=$3 case_name=$4
e2e_name=batch_workers
. "$(dirname "$0")/../lib/e2e.sh"
stat_of() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
pid_of() { cat "pids/$1.pid"; }
list_of() { for ((i = 1; i <= $1; i++)); do echo "d/region-$i.yaml"; done; }

case $case_name in
reuse)
    bash "$gen" d 20
    list_of 20 >list
    for j in 1 2; do
        QUIRE_STATS=stats.$j run 0 render --datasets-from list -f pdf -j $j -o o$j -q
        [ "$(stat_of export_processes stats.$j)" = $j ] ||
            fail "-j $j started $(stat_of export_processes stats.$j) export processes, not $j"
        no_temps o$j
    done
    for i in 1 7 20; do   # one process per brief: a fresh worker's first export
        QUIRE_STATS=stats.a run 0 render d/region-$i.yaml -f pdf -o alone -q
        [ "$(stat_of export_processes stats.a)" = 1 ] || fail "one brief: not one process"
    done
    for i in $(seq 1 20); do
        cmp -s o1/region-$i.pdf o2/region-$i.pdf || fail "region-$i.pdf: -j 1 and -j 2 differ"
    done
    for i in 1 7 20; do
        cmp -s o1/region-$i.pdf alone/region-$i.pdf ||
            fail "region-$i.pdf: the batch's differs from the brief's rendered alone"
    done
    ;;
crash)
    bash "$gen" d 10
    list_of 10 >list
    mkdir pids
    # under ASan the plugin's SIGSEGV must end the worker as it would anywhere
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0:handle_abort=0"
    TP_CRASH_DIR=$PWD/pids QUIRE_STATS=stats run 4 render --datasets-from list -f crashy -j 1 \
        -o out --plugin-dir "$plugins" --keep-going
    expect_err "crashy: out/region-3.txt: the plugin crashed (Segmentation fault)"
    expect_err "crashy: out/region-5.txt: the plugin ended its process (exit status 0) without reporting back"
    expect_err "crashy: out/region-7.txt: refused region-7"
    expect_err "crashy: out/region-9.txt: the plugin closed or replaced quire's report pipe"
    expect_err "quire: 6 rendered, 0 invalid, 4 failed"
    for i in 1 2 4 6 8 10; do
        [ "$(cat out/region-$i.txt 2>/dev/null)" = region-$i ] || fail "region-$i.txt not written"
    done
    for i in 3 5 7 9; do
        [ ! -e out/region-$i.txt ] || fail "region-$i.txt written by a failed export"
    done
    no_temps out
    # one worker until the crash, a second until the exit(), a third to the end
    [ "$(pid_of region-2)" = "$(pid_of region-1)" ] && [ "$(pid_of region-3)" = "$(pid_of region-1)" ] ||
        fail "the first exports did not share a worker"
    [ "$(pid_of region-4)" != "$(pid_of region-3)" ] || fail "the crashed worker ran on"
    [ "$(pid_of region-5)" = "$(pid_of region-4)" ] || fail "the new worker was not reused"
    [ "$(pid_of region-6)" != "$(pid_of region-5)" ] || fail "the worker that exited ran on"
    for i in 7 8 9; do
        [ "$(pid_of region-$i)" = "$(pid_of region-6)" ] ||
            fail "an export that failed with an error replaced its worker (region-$i)"
    done
    [ "$(pid_of region-10)" != "$(pid_of region-9)" ] || fail "the worker without a pipe ran on"
    [ "$(stat_of export_processes stats)" = 4 ] ||
        fail "$(stat_of export_processes stats) export processes, expected 4"
    ;;
idle)
    bash "$gen" d 10
    list_of 10 >list
    mkdir pids
    TP_CRASH_MODE=idle TP_CRASH_DIR=$PWD/pids QUIRE_STATS=stats run 0 render \
        --datasets-from list -f crashy -j 1 -o out --plugin-dir "$plugins"
    ! grep -q "crashy: out" err.txt || { cat err.txt >&2; fail "an export failed"; }
    for i in $(seq 1 10); do
        [ "$(cat out/region-$i.txt 2>/dev/null)" = region-$i ] || fail "region-$i.txt not written"
    done
    no_temps out
    # the first worker died after region-4's report (when its next command
    # came), the second after region-7's, the third after region-9's
    [ "$(pid_of region-5)" != "$(pid_of region-4)" ] || [ "$(pid_of region-6)" != "$(pid_of region-4)" ] ||
        fail "the worker whose thread exits ran on"
    [ "$(pid_of region-8)" != "$(pid_of region-7)" ] || fail "the worker without a command socket ran on"
    [ "$(pid_of region-10)" != "$(pid_of region-9)" ] || fail "the worker with another socket ran on"
    [ "$(stat_of export_processes stats)" = 4 ] ||
        fail "$(stat_of export_processes stats) export processes, expected 4"
    ;;
dirty)
    bash "$gen" d 14
    list_of 14 >list
    mkdir pids
    umask 022
    TP_CRASH_MODE=dirty TP_CRASH_DIR=$PWD/pids QUIRE_STATS=stats run 0 render \
        --datasets-from list -f crashy -j 1 -o out --plugin-dir "$plugins"
    ! grep -q "crashy: out" err.txt || { cat err.txt >&2; fail "an export failed"; }
    expect_err "quire: note: crashy: the plugin left descriptor"
    sleep 3   # region-14's grandchild would have appended by now
    for i in $(seq 1 14); do
        printf 'region-%s\ncwd=%s\numask=0022\nalarm=0\nprof=0\nsigterm=handled,unblocked\n' \
            $i "$PWD" >want
        for f in out/region-$i.txt out/region-$i.extra.txt; do
            cmp -s want $f || { diff want $f >&2; fail "$f: the process was not as new"; }
            [ "$(stat -c %a $f)" = 644 ] || fail "$f: mode $(stat -c %a $f), not 644"
        done
    done
    no_temps out
    # region-3's changes are undone in place; a descriptor (region-5) or a
    # child (region-7, region-8) left behind retires the worker
    [ "$(pid_of region-4)" = "$(pid_of region-3)" ] || fail "a changed directory retired the worker"
    [ "$(pid_of region-6)" != "$(pid_of region-5)" ] || fail "the worker with a leaked descriptor ran on"
    [ "$(pid_of region-8)" != "$(pid_of region-7)" ] || fail "the worker with an unwaited child ran on"
    [ "$(pid_of region-9)" != "$(pid_of region-8)" ] || fail "the worker with a running child ran on"
    [ "$(pid_of region-10)" = "$(pid_of region-9)" ] || fail "a clean worker was not reused"
    # a lowered file size limit (region-11) is put back in place; a thread
    # (region-12), a replaced stderr (region-13) and a grandchild (region-14,
    # killed before the report: its "LATE" never reaches the output) retire
    [ "$(pid_of region-12)" = "$(pid_of region-11)" ] || fail "a lowered limit retired the worker"
    [ "$(pid_of region-13)" != "$(pid_of region-12)" ] || fail "the worker with a thread ran on"
    [ "$(pid_of region-14)" != "$(pid_of region-13)" ] || fail "the worker with another stderr ran on"
    [ "$(stat_of workers_retired stats)" = 6 ] ||
        fail "$(stat_of workers_retired stats) workers retired, expected 6"
    [ "$(stat_of export_processes stats)" = 6 ] ||
        fail "$(stat_of export_processes stats) export processes, expected 6"
    ;;
memory)
    bash "$gen" d 60
    for n in 20 60; do
        list_of $n >l$n
        QUIRE_STATS=stats.$n run 0 render --datasets-from l$n -f pdf -j 1 -o o$n -q
        [ "$(stat_of export_processes stats.$n)" = 1 ] || fail "$n briefs: not one worker"
    done
    small=$(stat_of maxrss_children_kib stats.20) big=$(stat_of maxrss_children_kib stats.60)
    [ -n "$small" ] && [ -n "$big" ] || fail "no peak sizes in QUIRE_STATS"
    [ $((big * 100)) -le $((small * 125)) ] ||
        fail "the worker grew from $small KiB (20 briefs) to $big KiB (60 briefs)"
    echo "worker peak: $small KiB over 20 briefs, $big KiB over 60"
    ;;
*) fail "unknown case" ;;
esac
exit 0
