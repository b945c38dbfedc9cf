#!/bin/bash
# shard.sh CASE QUIRE GEN — end-to-end tests of many briefs (issue 17):
# --datasets-from, --shard, --manifest, quire manifest check, a run killed
# and run again, memory over a long batch. GEN is tests/batch/gen.sh.
set -u
case_name=$1 quire=$2 gen=$3 test_plugins=${4:-}
e2e_name=shard
. "$(dirname "$0")/../lib/e2e.sh"

# Files of two output folders, compared byte for byte.
same_files() {
    (cd "$1" && find . -type f | sort) >a.txt
    (cd "$2" && find . -type f | sort) >b.txt
    cmp -s a.txt b.txt || fail "$1 and $2 hold other files: $(diff a.txt b.txt | head -5)"
    [ -s a.txt ] || fail "$1 is empty"
    while read -r f; do
        cmp -s "$1/$f" "$2/$f" || fail "$f differs between $1 and $2"
    done <a.txt
}

# Every line of the manifest agrees with the file it names (sha256sum,
# stat) and the lines are sorted by path.
manifest_true() {
    /usr/bin/python3 - "$1" <<'PY' || fail "manifest $1 does not match its files"
import hashlib, json, os, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
paths = [l["path"] for l in lines]
assert paths == sorted(paths, key=lambda p: p.encode()), "not sorted by path"
for l in lines:
    assert set(l) == {"dataset", "id", "format", "path", "bytes", "sha256"}, l
    data = open(l["path"], "rb").read()
    assert l["bytes"] == len(data) == os.stat(l["path"]).st_size, l
    assert l["sha256"] == hashlib.sha256(data).hexdigest(), l
    assert os.path.basename(l["path"]).startswith(l["id"]), l
PY
}

case $case_name in
usage)
    bash "$gen" d 3
    ls d/*.yaml >list
    env -u JOB_COMPLETION_INDEX -u SLURM_ARRAY_TASK_ID -u AWS_BATCH_JOB_ARRAY_INDEX \
        "$quire" render --datasets-from list --shard 4 -f csv >out.txt 2>err.txt
    [ $? -eq 1 ] || fail "--shard N with no index variable set must be a usage error"
    expect_err "JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX"
    SLURM_ARRAY_TASK_ID=8 run 1 render --datasets-from list --shard 8 -f csv
    expect_err "SLURM_ARRAY_TASK_ID is 8, not below 8"
    run 1 render --datasets-from list --shard 4/4 -f csv
    run 1 render --datasets-from list --shard x -f csv
    run 1 watch d/region-1.yaml --shard 0/2
    expect_err "unknown option '--shard'"
    run 1 manifest check d/region-1.yaml
    expect_err "no manifest given"
    run 1 manifest verify m
    run 2 render --datasets-from nothing -f csv
    expect_err "nothing: error: cannot read the dataset list"
    : >empty
    run 1 render --datasets-from empty -f csv
    expect_err "empty lists no dataset"
    printf 'd/region-1.yaml\nd/no-such.yaml\n' >bad
    run 2 render --datasets-from bad -f csv --manifest m -o o
    [ ! -e o ] || fail "an invalid dataset in the list must stop the run before any output"
    [ -f m ] && [ ! -s m ] || fail "the run's manifest must exist and list nothing"
    run 2 validate --datasets-from bad
    expect_err "no-such.yaml"
    run 0 validate --datasets-from list
    run 0 render --help
    expect_out "--datasets-from FILE"
    run 0 manifest --help
    expect_out "manifest check"
    ;;
split)
    # Three shards at once into one folder lose nothing and equal a serial
    # run (workbooks and CSV here; the killed case compares PDFs).
    bash "$gen" d 24
    { for ((i = 1; i <= 24; i++)); do printf 'd/region-%d.yaml\r\n\n' $i; done; } >list
    run 0 render --datasets-from list -f csv,xlsx -o serial -q
    for i in 0 1 2; do
        "$quire" render --datasets-from list --shard $i/3 -f xlsx,csv -o out -q \
            --manifest m.$i 2>err.$i &
    done
    wait
    cat err.* >&2
    [ ! -s err.0 ] && [ ! -s err.1 ] && [ ! -s err.2 ] || fail "a shard reported errors"
    for i in 0 1 2; do manifest_true m.$i; done
    same_files serial out
    no_temps out
    # each dataset in one shard: one pdf line per dataset over the three
    # disjoint and covering: 24 datasets in all, each in one manifest only
    datasets() { grep -o '"dataset":"[^"]*"' "$@" | sort -u; }
    [ "$(datasets m.0 m.1 m.2 | wc -l)" -eq 24 ] || fail "the shards do not cover the list"
    [ $(($(datasets m.0 | wc -l) + $(datasets m.1 | wc -l) + $(datasets m.2 | wc -l))) -eq 24 ] ||
        fail "the shards overlap"
    for i in 0 1 2; do [ -s m.$i ] || fail "shard $i rendered nothing of 24 datasets"; done
    run 0 manifest check --datasets-from list m.0 m.1 m.2
    expect_err "24 datasets x 2 formats"
    expect_err "complete"
    # the same list on standard input, the datasets given as arguments
    tr -d '\r' <list | "$quire" manifest check --datasets-from - m.0 m.1 m.2 >out.txt 2>err.txt ||
        fail "manifest check --datasets-from - failed"
    run 0 manifest check -f xlsx,csv d/region-{1..24}.yaml m.0 m.1 m.2
    # one manifest left out: exactly that shard's datasets are missing
    run 2 manifest check --datasets-from list m.0 m.2
    [ "$(grep -c $'\txlsx\tmissing' out.txt)" -eq "$(grep -c '"format":"xlsx"' m.1)" ] ||
        fail "missing workbooks are not shard 1's"
    # the same shard's manifest twice
    run 2 manifest check --datasets-from list m.0 m.1 m.2 m.1
    expect_out "written twice"
    # a shard run again writes the same bytes and the same manifest
    cp m.1 m.1.first
    run 0 render --datasets-from list --shard 1/3 -f xlsx,csv -o out -q --manifest m.1
    cmp -s m.1 m.1.first || fail "shard 1 run again wrote another manifest"
    same_files serial out
    ;;
env)
    # --shard N takes the index from the array job's variable: the same
    # datasets as --shard I/N, in the documented order.
    bash "$gen" d 24
    ls d/*.yaml >list
    for i in 0 1 2 3; do
        run 0 render --datasets-from list --shard $i/4 -f csv -o o --manifest want.$i -q
    done
    JOB_COMPLETION_INDEX=1 run 0 render --datasets-from list --shard 4 -f csv -o o --manifest k -q
    cmp -s k want.1 || fail "JOB_COMPLETION_INDEX=1 is not shard 1/4"
    SLURM_ARRAY_TASK_ID=2 AWS_BATCH_JOB_ARRAY_INDEX=3 \
        run 0 render --datasets-from list --shard 4 -f csv -o o --manifest s -q
    cmp -s s want.2 || fail "SLURM_ARRAY_TASK_ID must come before AWS_BATCH_JOB_ARRAY_INDEX"
    AWS_BATCH_JOB_ARRAY_INDEX=3 run 0 render --datasets-from list --shard 4 -f csv -o o \
        --manifest a -q
    cmp -s a want.3 || fail "AWS_BATCH_JOB_ARRAY_INDEX=3 is not shard 3/4"
    # the shard of a path is its FNV-1a 64 modulo N, computed here apart
    /usr/bin/python3 - list want.0 want.1 want.2 want.3 <<'PY' || fail "shards are not FNV-1a mod 4"
import json, sys
def fnv(b):
    h = 0xcbf29ce484222325
    for c in b:
        h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
paths = open(sys.argv[1], "rb").read().split(b"\n")
for i, m in enumerate(sys.argv[2:]):
    got = sorted({json.loads(l)["dataset"] for l in open(m, encoding="utf-8")})
    want = sorted(p.decode() for p in paths if p and fnv(p) % 4 == i)
    assert got == want, (i, got, want)
PY
    ;;
check)
    # manifest check finds what is wrong, and its lines give the datasets
    # to render again.
    bash "$gen" d 12
    ls d/*.yaml >list
    run 0 render --datasets-from list -f csv,pdf -o o --manifest m -q
    rm o/region-3.pdf
    printf 'x' >>o/region-5.csv
    cp o/region-7.pdf keep.pdf
    /usr/bin/python3 -c 'import sys; b=bytearray(open("o/region-7.pdf","rb").read()); b[100]^=1; open("o/region-7.pdf","wb").write(b)'
    run 2 manifest check --datasets-from list m
    expect_out $'d/region-3.yaml\tpdf\to/region-3.pdf: absent'
    expect_out $'d/region-5.yaml\tcsv\to/region-5.csv:'
    expect_out "the manifest says"
    expect_out $'d/region-7.yaml\tpdf\to/region-7.pdf: sha256 differs'
    [ "$(wc -l <out.txt)" -eq 3 ] || fail "3 problems expected: $(cat out.txt)"
    expect_err "3 problems"
    cut -f1 out.txt | sort -u >again
    run 0 render --datasets-from again -f csv,pdf -o o --manifest m.again -q
    cmp -s o/region-7.pdf keep.pdf || fail "the rerender is not the first render"
    # the first manifest lists the old files, the second the new: written twice
    run 2 manifest check --datasets-from list m m.again
    expect_out "written twice"
    grep -v -F -f <(cut -d, -f4 m.again) m >m.rest
    run 0 manifest check --datasets-from list m.rest m.again
    # a damaged manifest is an error at its line and column
    printf '{"dataset":"d/region-1.yaml","id":1}\n' >m.bad
    run 2 manifest check m.bad
    expect_err "m.bad:1:35: error: expected a string"
    ;;
killed)
    # A Kubernetes Indexed Job, emulated: 8 workers, each with its own
    # JOB_COMPLETION_INDEX, into one folder; worker 3 is killed (SIGKILL)
    # once it has written some files and is started again, as the Job
    # controller would. Nothing is lost, nothing differs from a serial run.
    # The first run of worker 3 also has a third format, tests/registry's
    # "sleep" plugin, that never ends by itself: one slot (-j 1), so it
    # writes its first dataset's PDF and CSV and then waits to be killed.
    # (It used to race: a fast machine finished the whole shard between two
    # looks at its output, and the kill came too late.)
    bash "$gen" d 48
    ls d/*.yaml >list
    run 0 render --datasets-from list -f pdf,csv -o serial -q
    JOB_COMPLETION_INDEX=3 "$quire" render --datasets-from list --shard 8 -f pdf,csv,sleep -j 1 \
        -o out --manifest m.3 --plugin-dir "$test_plugins" 2>err.3 &
    victim=$!
    for ((t = 0; t < 600; t++)); do
        [ "$(grep -c 'quire: wrote' err.3)" -ge 2 ] && break
        sleep 0.1
    done
    kill -KILL $victim
    wait $victim 2>/dev/null
    [ $? -eq 137 ] || fail "worker 3 ended before it could be killed mid-run"
    [ ! -e m.3 ] || fail "a killed worker wrote its manifest"
    [ "$(grep -c 'quire: wrote' err.3)" -ge 2 ] || fail "worker 3 wrote nothing before the kill"
    pids=()
    for i in 0 1 2 3 4 5 6 7; do
        JOB_COMPLETION_INDEX=$i "$quire" render --datasets-from list --shard 8 -f pdf,csv \
            -o out --manifest m.$i -q 2>err.$i &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || fail "a worker failed: $(cat err.*)"; done
    for i in 0 1 2 3 4 5 6 7; do manifest_true m.$i; done
    run 0 manifest check --datasets-from list m.0 m.1 m.2 m.3 m.4 m.5 m.6 m.7
    expect_err "48 datasets x 2 formats"
    same_files serial out
    no_temps out
    ;;
once)
    # One process, one parse: over 66 datasets (two windows), the template
    # and each plugin are opened once in the whole process tree.
    bash "$gen" d 66
    ls d/*.yaml >list
    strace -f -qq --seccomp-bpf -o trace -e trace=openat,open "$quire" render --datasets-from list \
        -f pdf,csv -j 2 -o o -q || fail "render under strace failed"
    [ "$(ls o/*.pdf | wc -l)" -eq 66 ] || fail "not 66 PDFs"
    n=$(grep -v ENOENT trace | grep -c 'templates/default.yaml"')
    [ "$n" -eq 1 ] || fail "the template was opened $n times"
    for p in pdf csv; do
        n=$(grep -v ENOENT trace | grep -c "quire-$p.so\"")
        [ "$n" -eq 1 ] || fail "quire-$p.so was opened $n times"
    done
    ;;
memory)
    # Peak memory does not grow with the batch: 50 and 200 briefs (more
    # than three windows), the parent's and the largest child's peak RSS
    # within 25% (before windows, the parent grew by half).
    bash "$gen" d 200
    ls d/*.yaml | sort -V >all
    head -50 all >l50
    cp all l200
    for n in 50 200; do
        QUIRE_STATS=stats.$n run 0 render --datasets-from l$n -f pdf -j 2 -o o$n -q
        [ "$(ls o$n | wc -l)" -eq $n ] || fail "$n briefs: $(ls o$n | wc -l) files"
    done
    /usr/bin/python3 - stats.50 stats.200 <<'PY' || fail "memory grows with the number of briefs"
import sys
def read(p):
    return {k: int(v) for k, v in (l.split() for l in open(p))}
a, b = read(sys.argv[1]), read(sys.argv[2])
for k in ("maxrss_self_kib", "maxrss_children_kib"):
    print(f"{k}: 50 briefs {a[k]} KiB, 200 briefs {b[k]} KiB, ratio {b[k] / a[k]:.2f}")
    assert a[k] > 1000 and b[k] <= 1.25 * a[k], k
PY
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
