#!/bin/bash
# private_dir.sh QUIRE SOURCE_DIR PLUGIN_DIR — issue 21, 4: another user
# who can write OUTDIR renames quire's private directory and puts a symlink
# to a victim directory, or a third user's folder, at its name while a
# plugin writes (tp_hijack.c plays that user). The plugin's file still
# lands in quire's own directory and becomes OUTDIR's output; nothing is
# written into the victim and nothing of the third folder is deleted; the
# next run's sweep leaves a .quire- folder quire did not make alone.
set -u
case_name=private_dir quire=$1 here=$2 plugins=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
mkdir out victim third
echo "root's config" >victim/victim.conf
echo "a third user's work" >third/work.txt

TP_HIJACK_MODE=symlink TP_HIJACK_TARGET=$work/victim \
    run 0 render in/x.yaml -t in/t.yaml -f hijack --plugin-dir "$plugins" -o out -q
[ "$(ls victim)" = victim.conf ] || fail "written into the victim: $(ls victim)"
[ "$(cat victim/victim.conf)" = "root's config" ] || fail "the victim's file changed"
[ "$(cat out/x.hijack)" = "written by the plugin" ] || fail "the output is not the plugin's"

TP_HIJACK_MODE=dir TP_HIJACK_TARGET=$work/third \
    run 0 render in/x.yaml -t in/t.yaml -f hijack --plugin-dir "$plugins" -o out -q
planted=$(find out -maxdepth 1 -name '.quire-*' -type d)
[ -n "$planted" ] && [ "$(cat "$planted/work.txt")" = "a third user's work" ] ||
    fail "the third user's folder was deleted or emptied"
# The next run's sweep leaves it alone too: quire did not make it.
run 0 render in/x.yaml -t in/t.yaml -f csv -o out -q
[ "$(cat "$planted/work.txt")" = "a third user's work" ] || fail "the sweep removed it"
