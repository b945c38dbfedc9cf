#!/bin/bash
# csv.sh CASE QUIRE SOURCE_DIR BUILD_DIR — tests of the CSV reference plugin
# and of building a plugin outside the tree.
set -u
case_name=$1 quire=$2 here=$3 build=$4
unset QUIRE_PLUGIN_PATH
work=$(mktemp -d /tmp/quire-csv-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }

case $case_name in
roundtrip)
    "$quire" render "$here/roundtrip.yaml" -f csv -o o -q || fail "render failed"
    /usr/bin/python3 "$here/check_roundtrip.py" o || fail "check_roundtrip.py"
    ;;
bom)
    # -O csv.bom=true: every file starts with EF BB BF, and reads back the
    # same with Python's utf-8-sig; without it, no file has a BOM.
    "$quire" render "$here/roundtrip.yaml" -f csv -O csv.bom=true -o b -q || fail "render -O csv.bom=true"
    "$quire" render "$here/roundtrip.yaml" -f csv -o n -q || fail "render"
    n_files=0
    for f in b/*.csv; do
        n_files=$((n_files + 1))
        [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "$f: no BOM"
        cmp -s <(tail -c +4 "$f") "n/${f#b/}" || fail "$f: differs from n/${f#b/} beyond the BOM"
    done
    [ "$n_files" -ge 3 ] || fail "only $n_files files"
    for f in n/*.csv; do
        [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" != efbbbf ] || fail "$f: BOM by default"
    done
    /usr/bin/python3 "$here/check_roundtrip.py" b --bom || fail "check_roundtrip.py on the BOM files"
    "$quire" render "$here/roundtrip.yaml" -f csv -O csv.bom=maybe -o x -q 2>/dev/null
    [ $? -eq 1 ] || fail "-O csv.bom=maybe is not a usage error"
    [ ! -e x ] || fail "a bad option wrote output"
    ;;
written)
    # Decimals as written (39.0 stays 39.0) and -O csv.header=label: the
    # labels with their unit (issue 20 §6).
    cat > w.yaml <<'YAML'
quire: 1
id: w
title: W
tables:
  - id: t
    title: T
    columns:
      - {id: name, label: Name, type: text}
      - {id: share, label: Share, type: percent}
      - {id: rev, label: Revenue, type: currency, currency: USD, scale: 1e9}
      - {id: n, label: Count, type: number}
    rows:
      - [a, 39.0, 2.50, 7]
      - [b, 0.10, 12, 1.25]
YAML
    "$quire" render w.yaml -f csv -o d -q || fail "render"
    "$quire" render w.yaml -f csv -O csv.header=label -o l -q || fail "render -O csv.header=label"
    want=$'name,share,rev,n\r\na,39.0,2.50,7\r\nb,0.10,12,1.25\r'
    [ "$(cat d/w.t.csv)" = "$want" ] || fail "written decimals: $(cat -A d/w.t.csv)"
    want=$'Name,Share (%),Revenue (USD bn),Count\r\na,39.0,2.50,7\r\nb,0.10,12,1.25\r'
    [ "$(cat l/w.t.csv)" = "$want" ] || fail "label header: $(cat -A l/w.t.csv)"
    "$quire" render w.yaml -f csv -O csv.header=title -o x -q 2>/dev/null
    [ $? -eq 1 ] || fail "-O csv.header=title is not a usage error"
    ;;
out_of_tree)
    # Install the build into a private prefix, then build a plugin the way
    # the header and docs/plugin-guide.md tell an outsider to.
    cmake --install "$build" --prefix "$work/prefix" >install.log 2>&1 ||
        { cat install.log; fail "cmake --install failed"; }
    pc=$(find "$work/prefix" -name quire-plugin.pc | head -1)
    [ -n "$pc" ] || fail "quire-plugin.pc not installed"
    [ -f "$work/prefix/include/quire/quire-plugin.h" ] || fail "header not installed"
    cflags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --define-prefix --cflags quire-plugin) ||
        fail "pkg-config failed"
    case "$cflags" in *"$work/prefix/include"*) ;; *) fail "cflags: $cflags" ;; esac
    mkdir plugins
    cat > lines.c <<'SRC'
#include <quire/quire-plugin.h>
#include <stdio.h>

/* Writes one line per table, and the expanded header pattern. */
static quire_status lines_export(const quire_job *job, char *err, size_t size)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f) {
        snprintf(err, size, "cannot open");
        return QUIRE_ERR_EXPORT;
    }
    char head[256];
    job->host->expand(job, "{title} / {period} / {missing}", -1, -1, head, sizeof head);
    fprintf(f, "%s\n", head);
    for (size_t i = 0; i < job->dataset->n_tables; i++)
        fprintf(f, "%s %zu\n", job->dataset->tables[i].id, job->dataset->tables[i].n_rows);
    job->host->diag(job, QUIRE_NOTE, "lines", "%zu tables", job->dataset->n_tables);
    return fclose(f) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE("lines", "txt", "0.1.0", "one line per table", lines_export)
SRC
    # shellcheck disable=SC2086
    cc -shared -fPIC -Wall -Werror $cflags lines.c -o plugins/quire-lines.so ||
        fail "the out-of-tree plugin does not compile"
    "$quire" plugins --plugin-dir plugins > list.txt 2>/dev/null
    grep -qP "^lines\ttxt\t0\.1\.0\t2\t" list.txt || fail "not listed: $(cat list.txt)"
    "$quire" render "$here/roundtrip.yaml" -f lines --plugin-dir plugins -o o 2>err.txt ||
        { cat err.txt; fail "render with the out-of-tree plugin failed"; }
    # an absent period expands to nothing, and the separator before it goes too
    printf 'CSV round trip / {missing}\nnumbers 9\ntexts 8\n' > want.txt
    cmp o/roundtrip.txt want.txt || { cat o/roundtrip.txt; fail "unexpected output"; }
    grep -qF "o/roundtrip.txt: note [lines]: 2 tables" err.txt || fail "diag: $(cat err.txt)"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok $case_name"
