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
    xlsx=$(grep -o '[^ :]*quire-xlsx.so' out/x.d | head -1) || fail "the xlsx plugin is not listed"
    [ -f "$xlsx" ] || fail "$xlsx: not a file"
    # Drop the CSV from the dataset: the next depfile no longer lists it.
    sed -i 's/csv: "x.csv"/rows: [[AWS, 30]]/' in/x.yaml
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
    # Spaces, '#', '$' and ':' in the paths: make finds every file again
    # (the other awkward names are awkward.py's).
    dir='in put #1 $x:y'
    /usr/bin/python3 "$here/make_inputs.py" "$dir" y
    cat >Makefile <<'MK'
out/y.csv out/y.xlsx:
	$(QUIRE) render 'in put #1 $$x:y/y.yaml' -t 'in put #1 $$x:y/t.yaml' -o out --depfile out/y.d -q
	echo y >>renders.log
-include out/y.d
MK
    export QUIRE=$quire
    make_expect 1 "first make"
    make_expect 1 "make with nothing changed"
    later_touch "$dir/y.csv"
    make_expect 2 "touching the CSV in a directory with special characters"
    later_touch "$dir/t.yaml"
    make_expect 3 "touching the template in a directory with special characters"
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
    # A path make cannot read (a newline) is refused before the render.
    nl_dir=$'new\nline'
    /usr/bin/python3 "$here/make_inputs.py" "$nl_dir" z
    "$quire" render "$nl_dir/z.yaml" -t in/t.yaml -o out --depfile z.d -q 2>err.txt
    rc=$?
    [ $rc -eq 2 ] || fail "exit $rc for a path with a newline"
    [ ! -e out/z.csv ] || fail "rendered although the depfile cannot be written"
    grep -q 'line break' err.txt || fail "no reason given: $(cat err.txt)"
    [ ! -e z.d ] || fail "a depfile with a newline in a path was written"
    [ -z "$(ls -A . | grep '^z\.d\.')" ] || fail "a temporary depfile was left: $(ls -A)"
    # The file is replaced, not appended to, and gets the umask's mode.
    (umask 027; "$quire" render in/x.yaml -t in/t.yaml -o out --depfile d.d -q) || fail "render"
    [ "$(stat -c %a d.d)" = 640 ] || fail "mode $(stat -c %a d.d) under umask 027"
    "$quire" render in/x.yaml -t in/t.yaml -o out --depfile d.d -q || fail "render"
    [ "$(grep -c '^out/' d.d)" -eq 1 ] || fail "the depfile was appended to"
    ;;
phony)
    # Every input has an empty rule of its own (gcc -MP): a CSV renamed
    # away and deleted does not stop the next make with "No rule to make
    # target"; quire runs again and the depfile forgets it.
    /usr/bin/python3 "$here/make_inputs.py" in x
    cat >Makefile <<MK
out/x.csv out/x.xlsx:
	$quire render in/x.yaml -t in/t.yaml -o out --depfile out/x.d -q
	echo x >>renders.log
-include out/x.d
MK
    make_expect 1 "first make"
    grep -qx "$work/in/x.csv:" out/x.d || fail "no empty rule for the CSV: $(cat out/x.d)"
    sed -i 's/csv: "x.csv"/rows: [[AWS, 30]]/' in/x.yaml
    rm in/x.csv
    make_expect 2 "the CSV renamed away"
    ! grep -q 'x.csv:' out/x.d || fail "the deleted CSV is still listed"
    make_expect 2 "nothing changed after"
    ;;
special)
    # --depfile onto a device writes to it and leaves the device there.
    /usr/bin/python3 "$here/make_inputs.py" in x
    before=$(stat -c '%F %t:%T' /dev/null)
    "$quire" render in/x.yaml -t in/t.yaml -o out --depfile /dev/null -q || fail "render to /dev/null"
    [ "$(stat -c '%F %t:%T' /dev/null)" = "$before" ] || fail "/dev/null was replaced: $(stat -c '%F' /dev/null)"
    [ -z "$(ls -A /dev | grep '^null\.')" ] || fail "a temporary was left in /dev: $(ls -A /dev | grep '^null\.')"
    # And a FIFO: its reader gets the rules.
    mkfifo dep.fifo
    cat dep.fifo >fifo.out &
    reader=$!
    "$quire" render in/x.yaml -t in/t.yaml -o out --depfile dep.fifo -q || fail "render to a FIFO"
    wait $reader
    [ -p dep.fifo ] || fail "the FIFO was replaced"
    grep -q '^out/x.csv' fifo.out || fail "the FIFO's reader got no rule: $(cat fifo.out)"
    ;;
outdir)
    # An output directory make would read as a pattern, a recipe or a
    # variable is refused before anything is written; exit 2.
    /usr/bin/python3 "$here/make_inputs.py" in x
    for d in 'out%' 'out;touch PWNED' 'o=1' 'out|x' 'out\'; do
        "$quire" render in/x.yaml -t in/t.yaml -o "$d" --depfile x.d -q 2>err.txt
        rc=$?
        [ $rc -eq 2 ] || fail "exit $rc for the output directory '$d'"
        grep -qF -- "--depfile: the output directory holds" err.txt || fail "'$d': $(cat err.txt)"
        [ ! -e "$d" ] || fail "'$d' was created"
        [ ! -e x.d ] || fail "a depfile for '$d'"
    done
    [ ! -e PWNED ] || fail "a command ran"
    # A space or '#' is fine: the rule names the files in it.
    "$quire" render in/x.yaml -t in/t.yaml -o 'o #1' --depfile x.d -q || fail "render into 'o #1'"
    grep -q '^o\\ \\#1/x.csv' x.d || fail "targets: $(head -1 x.d)"
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
