#!/bin/bash
# runtime.sh CASE QUIRE TEST_PLUGINS DATA_DIR — end-to-end tests of how a
# render runs: atomic sets of files, symlinks and directories at targets,
# damaged outputs, signals, directories of killed runs, -j, and limits.
set -u
case_name=$1 quire=$2 tp=$3 data=$4
here=$(cd "$(dirname "$0")" && pwd)
e2e_name=runtime
. "$here/../lib/e2e.sh"

# wait_started DIR FORMAT: until the sleeping plugin wrote its first line.
wait_started() {
    for _ in $(seq 200); do
        grep -qs started "$1"/.quire-*/alpha."$2" && return 0
        sleep 0.05
    done
    fail "the plugin never started"
}

case $case_name in
set)
    # One table's CSV cannot be written (a directory has its name): none
    # of the new files of that export replaces an old one.
    mkdir o o/beta.t2.csv
    printf 'old index\n' > o/beta.csv
    printf 'old t1\n' > o/beta.t1.csv
    run 4 render "$data/beta.yaml" -f csv -o o
    expect_err "quire: csv: o/beta.t2.csv: a directory has that name; nothing of this export was written"
    [ "$(cat o/beta.csv)" = "old index" ] || fail "beta.csv replaced"
    [ "$(cat o/beta.t1.csv)" = "old t1" ] || fail "beta.t1.csv replaced"
    [ -d o/beta.t2.csv ] || fail "the directory went"
    no_temps o
    # Once the name is free, all three are written together.
    rmdir o/beta.t2.csv
    run 0 render "$data/beta.yaml" -f csv -o o -q
    grep -q '^table,title,file' o/beta.csv && grep -q '^name,n' o/beta.t1.csv &&
        grep -q '^day,amount' o/beta.t2.csv || fail "not all of the set written"
    no_temps o
    ;;
symlink)
    # A symlink planted at the final name is replaced, never followed.
    mkdir o
    printf 'victim\n' > victim
    ln -s "$work/victim" o/alpha.csv
    ln -s "$work/nowhere" o/alpha.share.csv
    run 0 render "$data/alpha.yaml" -f csv -o o -q
    [ "$(cat victim)" = victim ] || fail "the symlink was followed"
    [ ! -e nowhere ] || fail "the dangling symlink was followed"
    [ -f o/alpha.csv ] && [ ! -L o/alpha.csv ] || fail "alpha.csv is not a plain file"
    [ -f o/alpha.share.csv ] && [ ! -L o/alpha.share.csv ] || fail "alpha.share.csv is not a plain file"
    # Temporaries are written in a directory nobody else may enter.
    "$quire" render "$data/alpha.yaml" -f sleep --plugin-dir "$tp" -o o -q 2>err.txt &
    pid=$!
    wait_started o sleep
    [ "$(stat -c %a o/.quire-*)" = 700 ] || fail "private directory is not mode 0700"
    kill -INT $pid
    wait $pid
    no_temps o
    ;;
verify)
    # A plugin that reports success over a damaged file: exit 4, the older
    # file stays. Damaged copies are made from real outputs.
    run 0 render "$data/alpha.yaml" -f pdf,xlsx -o good -q
    mkdir bad o
    python3 "$here/damage.py" good/alpha.xlsx good/alpha.pdf bad || fail "damage.py"
    printf 'older\n' > o/alpha.xlsx
    printf 'older\n' > o/alpha.pdf
    for f in cut cut-end cut-sheet bad-offset flipped; do
        TP_COPY_FROM=bad/$f.xlsx run 4 render "$data/alpha.yaml" -f xlsxcopy --plugin-dir "$tp" -o o
        expect_err "quire: xlsxcopy: o/alpha.xlsx: the plugin reported success, but the file is damaged: "
        [ "$(cat o/alpha.xlsx)" = older ] || fail "$f.xlsx replaced the older file"
        no_temps o
    done
    TP_COPY_FROM=bad/cut-sheet.xlsx run 4 render "$data/alpha.yaml" -f xlsxcopy --plugin-dir "$tp" -o o
    expect_err "XML part 'xl/worksheets/sheet"
    for f in cut no-eof bad-startxref; do
        TP_COPY_FROM=bad/$f.pdf run 4 render "$data/alpha.yaml" -f pdfcopy --plugin-dir "$tp" -o o
        expect_err "quire: pdfcopy: o/alpha.pdf: the plugin reported success, but the file is damaged: "
        [ "$(cat o/alpha.pdf)" = older ] || fail "$f.pdf replaced the older file"
        no_temps o
    done
    # Whole files pass: the real ones, and a workbook zipped by Python.
    for f in good/alpha.xlsx bad/rezipped.xlsx; do
        TP_COPY_FROM=$f run 0 render "$data/alpha.yaml" -f xlsxcopy --plugin-dir "$tp" -o o -q
        cmp "$f" o/alpha.xlsx || fail "$f not copied"
    done
    TP_COPY_FROM=good/alpha.pdf run 0 render "$data/alpha.yaml" -f pdfcopy --plugin-dir "$tp" -o o -q
    cmp good/alpha.pdf o/alpha.pdf || fail "the PDF was not copied"
    ;;
signals)
    # Every signal that ends a run removes its temporaries: exit 128 + N.
    mkdir o
    printf 'older\n' > o/alpha.sleep
    set -m
    for sig in INT TERM HUP QUIT ALRM USR1 USR2 XFSZ; do
        "$quire" render "$data/alpha.yaml" -f sleep --plugin-dir "$tp" -o o >out.txt 2>err.txt &
        pid=$!
        wait_started o sleep
        kill -$sig $pid
        wait $pid
        rc=$?
        want=$((128 + $(kill -l $sig)))
        [ "$rc" -eq "$want" ] || { cat err.txt >&2; fail "$sig: exit $rc, expected $want"; }
        expect_err "quire: interrupted ("
        [ "$(cat o/alpha.sleep)" = older ] || fail "$sig: older output changed"
        no_temps o
    done
    ;;
sigpipe)
    # stderr is a pipe whose reader is gone: the run ends as on SIGPIPE
    # (exit 141) and leaves nothing hidden. SIGPIPE is set to its default
    # action first: a caller may have ignored it.
    mkdir o
    printf 'older\n' > o/alpha.chatty
    env --default-signal=PIPE "$quire" render "$data/alpha.yaml" -f chatty \
        --plugin-dir "$tp" -o o 2>&1 >/dev/null | head -c 1 >/dev/null
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 141 ] || fail "exit $rc, expected 141"
    [ "$(cat o/alpha.chatty)" = older ] || fail "older output changed"
    no_temps o
    ;;
stale)
    # A run killed outright (SIGKILL: no clean-up possible) leaves its
    # private directory; the next run in that OUTDIR removes it, but never
    # the directory of a run that is still going.
    mkdir o
    set -m
    "$quire" render "$data/alpha.yaml" -f stubborn --plugin-dir "$tp" -o o 2>/dev/null &
    dead_pid=$!
    wait_started o stubborn
    dead=$(ls -d o/.quire-*)
    "$quire" render "$data/alpha.yaml" -f sleep --plugin-dir "$tp" -o o 2>live.txt &
    live=$!
    wait_started o sleep
    ! grep -q removed live.txt || fail "a live run's directory was taken for a dead one"
    kill -KILL -- -$dead_pid   # the run and its export's child
    wait $dead_pid 2>/dev/null
    # The child's lock goes when the kernel has closed its files.
    for _ in $(seq 100); do flock -n "$dead" true && break; sleep 0.05; done
    [ -d "$dead" ] || fail "no directory left by the killed run"
    run 0 render "$data/alpha.yaml" -f csv -o o
    expect_err "quire: note: removed $dead, left by a run that was killed"
    [ ! -e "$dead" ] || fail "the dead run's directory is still there"
    grep -qs started o/.quire-*/alpha.sleep || fail "the live run's directory was removed"
    kill -INT $live
    wait $live
    no_temps o
    ;;
shared)
    # Many runs at once in one OUTDIR: each sweeps what killed runs left,
    # and none may take another's fresh private directory (a race once:
    # swept between mkdtemp and the lock, the export failed with ENOENT).
    mkdir -p in
    for i in $(seq 1 24); do
        printf 'quire: 1\nid: r%s\ntitle: Region %s\nlanguage: en\n' "$i" "$i" > in/r$i.yaml
    done
    for round in 1 2 3; do
        pids=""
        for i in $(seq 1 24); do
            "$quire" render in/r$i.yaml -f csv -o o -q 2>>err.txt & pids="$pids $!"
        done
        for p in $pids; do wait $p || fail "a run in the shared OUTDIR failed: $(cat err.txt)"; done
    done
    [ ! -s err.txt ] || fail "messages from runs in a shared OUTDIR: $(cat err.txt)"
    [ "$(ls o | wc -l)" -eq 24 ] || fail "expected 24 files: $(ls o)"
    no_temps o
    ;;
jobs)
    # Every dataset × format is an export of its own: at -j 4 the formats
    # of one dataset run side by side, and the bytes are those of -j 1.
    run 0 render "$data/alpha.yaml" "$data/beta.yaml" -f pdf,xlsx,csv -o one -q
    run 0 render "$data/alpha.yaml" "$data/beta.yaml" -f pdf,xlsx,csv -o four -j 4 -q
    [ "$(ls one | wc -l)" -eq 9 ] || fail "expected 9 files: $(ls one)"
    diff -r one four || fail "-j 4 wrote other bytes than -j 1"
    ;;
fsize)
    # A workbook in constant_memory mode (over 1M cells) under a file
    # size limit, SIGXFSZ ignored: libxlsxwriter's writes to its temporary
    # files fail silently. The run must not exit 0, and the older
    # workbook stays.
    python3 - <<'PY'
rows, cols = 110000, 10
with open('big.csv', 'w') as f:
    f.write(','.join(f'c{i}' for i in range(cols)) + '\n')
    for r in range(rows):
        f.write(','.join(str(r * cols + i) for i in range(cols)) + '\n')
with open('big.yaml', 'w') as f:
    f.write('quire: 1\nid: big\ntitle: Big\ndate: 2025-01-01\ntables:\n  - id: t\n    csv: big.csv\n    columns:\n')
    for i in range(cols):
        f.write(f'      - {{id: c{i}, type: integer}}\n')
PY
    mkdir o
    head -c 3000000 /dev/urandom > o/big.xlsx
    cp o/big.xlsx older.xlsx
    (ulimit -f 1024; trap '' XFSZ; exec "$quire" render big.yaml -f xlsx -o o >out.txt 2>err.txt)
    rc=$?
    [ "$rc" -eq 4 ] || { cat err.txt >&2; fail "exit $rc under a file size limit, expected 4"; }
    cmp -s o/big.xlsx older.xlsx || fail "the older workbook was replaced"
    no_temps o
    # Without the limit the same workbook is whole (and zip64).
    run 0 render big.yaml -f xlsx -o o -q
    python3 -c "import zipfile,sys; z=zipfile.ZipFile('o/big.xlsx'); sys.exit(z.testzip() is not None)" ||
        fail "the workbook is not whole"
    ;;
epoch)
    # SOURCE_DATE_EPOCH dates a dataset without date: up to the last
    # second of year 9999, which both PDF and XLSX can show ...
    SOURCE_DATE_EPOCH=253402300799 run 0 render "$data/beta.yaml" -f pdf,xlsx -o o -q
    pdfinfo -isodates o/beta.pdf | grep -qxE 'CreationDate: *9999-12-31T23:59:59(Z|\+00:00)' ||
        fail "PDF date: $(pdfinfo -isodates o/beta.pdf | grep Date)"
    # the Info dates as +00'00' (PDFBox matches that with the XMP date), never Z00'00'
    strings o/beta.pdf | grep -q "/CreationDate (D:99991231235959+00'00')" ||
        fail "Info date not +00'00': $(strings o/beta.pdf | grep -o '/CreationDate ([^)]*)')"
    python3 -c "import zipfile; print(zipfile.ZipFile('o/beta.xlsx').read('docProps/core.xml').decode())" |
        grep -qF '<dcterms:created xsi:type="dcterms:W3CDTF">9999-12-31T23:59:59Z<' ||
        fail "XLSX date"
    # ... and any other value is an error (exit 2) naming it, escaped,
    # never a year-0000 PDF or a 10000-01-01 workbook.
    for v in 253402300800 -1 1e9 12abc 99999999999999999999 $'7\e[2J'; do
        SOURCE_DATE_EPOCH=$v run 2 render "$data/beta.yaml" -f pdf,xlsx -o bad
        expect_err "beta.yaml: error: SOURCE_DATE_EPOCH='"
        expect_err "' is not a time quire can write"
        ! grep -q $'\e' err.txt || fail "an escape character reached the terminal"
        [ ! -e bad ] || fail "OUTDIR created for an invalid SOURCE_DATE_EPOCH"
        SOURCE_DATE_EPOCH=$v run 2 validate "$data/beta.yaml"
    done
    # A dataset with a date: does not read it at all.
    SOURCE_DATE_EPOCH=-1 run 0 validate "$data/alpha.yaml"
    SOURCE_DATE_EPOCH= run 0 validate "$data/beta.yaml"
    ;;
depfile)
    # make with the dependency file: touching the CSV re-renders, touching
    # an unrelated file does not. In a folder whose name needs escaping.
    mkdir "with space" && cd "with space" || fail "mkdir"
    printf 'a,n\nx,1\ny,2\n' > t.csv
    cat > brief.yaml <<'YAML'
quire: 1
id: brief
title: Brief
date: 2025-01-01
tables:
  - id: t
    csv: t.csv
    columns:
      - {id: a, type: text}
      - {id: n, type: number}
YAML
    printf 'out/brief.pdf: brief.yaml\n\t%s render brief.yaml -f pdf,csv -o out --depfile out/brief.d -q\n-include out/brief.d\n' \
        "$quire" > Makefile
    make -s >make.txt 2>&1 || { cat make.txt >&2; fail "first make"; }
    [ -s out/brief.pdf ] && [ -s out/brief.t.csv ] || fail "make rendered nothing"
    d=out/brief.d
    head -1 $d | grep -qx 'out/brief.pdf out/brief.csv out/brief.t.csv: \\' || fail "targets: $(head -1 $d)"
    grep -qF "with\ space/t.csv" $d || fail "no (escaped) CSV in $(cat $d)"
    grep -qF " brief.yaml" $d || fail "no dataset in $(cat $d)"
    grep -qF "/templates/default.yaml" $d || fail "no template"
    grep -qE "/NanumGothic[A-Za-z]*\.ttf" $d || fail "no font file"
    grep -qF "/quire-pdf.so" $d && grep -qF "/quire-csv.so" $d || fail "no plugin"
    make -q || fail "not up to date after a build"
    sleep 0.05
    touch unrelated.txt
    make -q || fail "an unrelated file made it out of date"
    before=$(stat -c %Y.%y out/brief.pdf)
    sleep 0.05
    touch t.csv
    ! make -q || fail "touching the CSV did not make it out of date"
    make -s >make.txt 2>&1 || { cat make.txt >&2; fail "second make"; }
    [ "$(stat -c %Y.%y out/brief.pdf)" != "$before" ] || fail "not re-rendered"
    make -q || fail "not up to date after the re-render"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok $case_name"
