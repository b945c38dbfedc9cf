#!/bin/bash
# depfile.sh CASE QUIRE SOURCE_DIR — --depfile read back by make and ninja:
# touching an input re-renders, touching anything else does not.
set -u
case_name=$1 quire=$2 here=$3
unset QUIRE_PLUGIN_PATH
work=$(mktemp -d /tmp/quire-depfile-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
renders() { [ -f renders.log ] && wc -l <renders.log || echo 0; }
# Coarse file-system clocks: a file touched in the same tick as an output
# would not be newer than it.
later_touch() { sleep 0.05; touch "$@"; }

# make_expect N: one more make run; N renders in all so far.
make_expect() {
    make -s >make.log 2>&1 || { cat make.log >&2; fail "make failed"; }
    [ "$(renders)" -eq "$1" ] || { cat make.log >&2; fail "$2: $(renders) renders, expected $1"; }
}

case $case_name in
make)
    /usr/bin/python3 "$here/make_inputs.py" in x
    : >in/notes.txt
    cat >Makefile <<MK
out/%.csv out/%.xlsx: in/%.yaml
	$quire render \$< -t in/t.yaml -o out --depfile out/\$*.d -q
	echo \$* >>renders.log
all: out/x.csv
-include out/x.d
MK
    make_expect 1 "first make"
    head -1 out/x.d | grep -qx 'out/x.csv out/x.share.csv out/x.xlsx: \\' ||
        fail "targets are not every file written: $(head -1 out/x.d)"
    make_expect 1 "make with nothing changed"
    make -q all || fail "make -q: not up to date right after a render"
    later_touch in/notes.txt
    make_expect 1 "touching an unrelated file"
    later_touch in/x.csv
    make_expect 2 "touching the CSV"
    later_touch in/t.yaml
    make_expect 3 "touching the template"
    later_touch in/map.png
    make_expect 4 "touching the image"
    later_touch in/logo.png
    make_expect 5 "touching the logo"
    later_touch in/x.yaml
    make_expect 6 "touching the dataset"
    xlsx=$(grep -o '[^ ]*quire-xlsx.so' out/x.d) || fail "the xlsx plugin is not listed"
    [ -f "$xlsx" ] || fail "$xlsx: not a file"
    # Drop the CSV from the dataset: the next depfile no longer lists it.
    sed -i 's/csv: x.csv/rows: [[AWS, 30]]/' in/x.yaml
    make_expect 7 "editing the dataset"
    ! grep -q 'in/x.csv' out/x.d || fail "the CSV the dataset no longer names is listed"
    later_touch in/x.csv
    make_expect 7 "touching a CSV the dataset no longer names"
    ;;
pdf)
    # With the pdf format the fonts it embeds are inputs too.
    /usr/bin/python3 "$here/make_inputs.py" in x
    "$quire" render in/x.yaml -t in/t.yaml -f pdf -o out --depfile out/x.d -q || fail "render"
    grep -q '^out/x.pdf:' out/x.d || fail "no rule for out/x.pdf"
    font=$(fc-match -f '%{file}' NanumGothic)
    grep -qF " $font" out/x.d || fail "$font not listed: $(cat out/x.d)"
    grep -q 'quire-pdf.so' out/x.d || fail "the pdf plugin is not listed"
    ;;
escape)
    # Spaces, '#', '$', ':' and wildcards in the paths: make finds every
    # file again, and no other (unescaped, 'y[1]*?' would match 'y1ab').
    dir='in put #1 $x:y[1]*?'
    /usr/bin/python3 "$here/make_inputs.py" "$dir" y
    cat >Makefile <<'MK'
out/y.csv out/y.xlsx:
	$(QUIRE) render 'in put #1 $$x:y[1]*?/y.yaml' -t 'in put #1 $$x:y[1]*?/t.yaml' -o out --depfile out/y.d -q
	echo y >>renders.log
-include out/y.d
MK
    export QUIRE=$quire
    mkdir 'in put #1 $x:y1ab' && touch 'in put #1 $x:y1ab/y.csv'   # what the wildcards would match
    make_expect 1 "first make"
    make_expect 1 "make with nothing changed"
    later_touch "$dir/y.csv"
    make_expect 2 "touching the CSV in a directory with special characters"
    later_touch "$dir/t.yaml"
    make_expect 3 "touching the template in a directory with special characters"
    later_touch 'in put #1 $x:y1ab/y.csv'
    make_expect 3 "touching a file the unescaped wildcards would match"
    ;;
ninja)
    # ninja reads the same depfile for an edge with both outputs.
    /usr/bin/python3 "$here/make_inputs.py" in x
    cat >build.ninja <<NJ
rule quire
  command = $quire render in/\$name.yaml -t in/t.yaml -o out --depfile out/\$name.d -q && echo \$name >>renders.log
  depfile = out/\$name.d
  deps = gcc
build out/x.csv out/x.xlsx: quire in/x.yaml
  name = x
NJ
    n_expect() {
        ninja >ninja.log 2>&1 || { cat ninja.log >&2; fail "ninja failed"; }
        [ "$(renders)" -eq "$1" ] || { cat ninja.log >&2; fail "$2: $(renders) renders, expected $1"; }
    }
    n_expect 1 "first ninja"
    n_expect 1 "ninja with nothing changed"
    later_touch in/x.csv
    n_expect 2 "touching the CSV"
    later_touch build.ninja.unrelated
    n_expect 2 "touching an unrelated file"
    later_touch in/logo.png
    n_expect 3 "touching the logo"
    ;;
keep_going)
    # --keep-going: the rules of the rendered datasets only, and exit 2.
    /usr/bin/python3 "$here/make_inputs.py" in x
    printf 'quire: 1\nid: bad\ntitle: [unclosed\n' >in/bad.yaml
    "$quire" render in/x.yaml in/bad.yaml -t in/t.yaml -o out -k --depfile out/all.d -q 2>err.txt
    [ $? -eq 2 ] || fail "exit $? with an invalid dataset and -k"
    grep -q '^out/x.csv out/x.share.csv out/x.xlsx:' out/all.d || fail "no rule for the rendered dataset"
    ! grep -q 'bad' out/all.d || fail "the invalid dataset has a rule"
    # Without -k nothing is rendered and no depfile is written.
    "$quire" render in/x.yaml in/bad.yaml -t in/t.yaml -o out2 --depfile dep2.d -q 2>/dev/null
    [ $? -eq 2 ] || fail "exit $? with an invalid dataset"
    [ ! -e dep2.d ] || fail "a depfile after a failed run"
    ;;
errors)
    /usr/bin/python3 "$here/make_inputs.py" in x
    # A depfile that cannot be written: exit 4 with its name, no temporary left.
    "$quire" render in/x.yaml -t in/t.yaml -o out --depfile nodir/x.d -q 2>err.txt
    [ $? -eq 4 ] || fail "exit $? for a depfile in a missing directory"
    grep -q 'nodir/x.d' err.txt || fail "the message does not name the depfile: $(cat err.txt)"
    # A path make cannot read (a newline) is refused, not written wrong.
    nl_dir=$'new\nline'
    /usr/bin/python3 "$here/make_inputs.py" "$nl_dir" z
    "$quire" render "$nl_dir/z.yaml" -t in/t.yaml -o out --depfile z.d -q 2>err.txt
    [ $? -eq 4 ] || fail "exit $? for a path with a newline"
    grep -q 'line break' err.txt || fail "no reason given: $(cat err.txt)"
    [ ! -e z.d ] || fail "a depfile with a newline in a path was written"
    [ -z "$(ls -A . | grep '^z\.d\.')" ] || fail "a temporary depfile was left: $(ls -A)"
    # The file is replaced, not appended to, and gets the umask's mode.
    (umask 027; "$quire" render in/x.yaml -t in/t.yaml -o out --depfile d.d -q) || fail "render"
    [ "$(stat -c %a d.d)" = 640 ] || fail "mode $(stat -c %a d.d) under umask 027"
    "$quire" render in/x.yaml -t in/t.yaml -o out --depfile d.d -q || fail "render"
    [ "$(grep -c '^out/' d.d)" -eq 1 ] || fail "the depfile was appended to"
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
