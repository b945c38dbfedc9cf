#!/bin/bash
# completion.sh SCRIPT QUIRE_DIR — sources the bash completion and checks
# COMPREPLY for a few command lines, with the build tree's quire on the
# PATH, then with a quire that knows no `plugins --options` (it must
# degrade to no candidates, silently).
set -u
script=$1 quire_dir=$2
work=$(mktemp -d /tmp/quire-completion-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }
# shellcheck disable=SC1090
source "$script"
complete -p quire >/dev/null || fail "no completion registered for quire"

# want LINE EXPECTED...: COMPREPLY for LINE (cursor at its end), sorted.
want() {
    local line=$1; shift
    COMP_LINE=$line COMP_POINT=${#line} COMPREPLY=()
    _quire 2>"$work/err" || fail "_quire failed on '$line'"
    [ ! -s "$work/err" ] || fail "'$line': stderr: $(cat "$work/err")"
    local got expected
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
    expected=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    [ "$got" = "$expected" ] || fail "'$line': got [$got], want [$expected]"
}

PATH=$quire_dir:$PATH
printf 'quire: 1\nid: b\ntitle: B\nparams: {region: 부산, "tier": 2}\n' >brief.yaml
printf 'quire: 1\nid: c\ntitle: C\nparams:\n  client: x\n  # a comment\n  quarter: 2\nfigures: []\n' >c.yml
touch notes.txt
mkdir outdir
want "quire " render validate watch plugins schema manifest help
want "quire va" validate
want "quire render --k" --keep-going
want "quire render --de" --depfile
want "quire render --sh" --shard
want "quire render --ma" --manifest
want "quire watch --sh"
want "quire manifest " check
want "quire manifest check --d" --datasets-from
want "quire render " brief.yaml c.yml outdir
want "quire validate brief.yaml -f " csv html pdf xlsx
want "quire render brief.yaml -f pdf,x" pdf,xlsx
want "quire render brief.yaml -O csv." csv.bom= csv.formulas= csv.header=
want "quire render brief.yaml -O csv.bom=" true false
want "quire render brief.yaml -O csv.bom=t" true
want "quire render brief.yaml --set per" period=
want "quire render brief.yaml --set r" region=
want "quire render brief.yaml c.yml --set " title= subtitle= period= date= author= organization= \
    region= tier= client= quarter=
want "quire render brief.yaml -t quart" quarterly-brief
want "quire schema " dataset template -h --help
want "quire plugins --o" --options
want "quire watch brief.yaml -o out" outdir

# An older quire: no --options, no plugins at all.
mkdir old
printf '#!/bin/sh\nexit 1\n' >old/quire
chmod +x old/quire
PATH=$work/old:$PATH
want "quire render brief.yaml -O " ""
want "quire render brief.yaml -f " ""
want "quire re" render
echo "ok"
