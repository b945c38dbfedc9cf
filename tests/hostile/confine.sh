#!/bin/bash
# confine.sh QUIRE SOURCE_DIR — issue 21, 5: `template: NAME` beside the
# dataset follows the rules of csv: and images: a symlink out of the
# folder is refused at the template: key, and nothing of the file it points
# to is quoted.
set -u
case_name=confine quire=$1 here=$2
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
sed -i 's/^quire: 1$/quire: 1\ntemplate: mine/' in/x.yaml
mkdir elsewhere
printf 'root:SECRET-HASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n' >elsewhere/shadow
ln -s ../elsewhere/shadow in/mine.yaml
run 2 validate in/x.yaml
expect_err "in/x.yaml:2:11: error: template 'mine':"
expect_err "outside the folder"
! grep -q SECRET err.txt || fail "the outside file was quoted: $(cat err.txt)"
# A template outside the folder: refused too, used with --allow-any-path.
cp in/t.yaml elsewhere/real.yaml
ln -sf ../elsewhere/real.yaml in/mine.yaml
run 2 validate in/x.yaml
run 0 validate in/x.yaml --allow-any-path
# A plain file beside the dataset is the template, as before.
rm in/mine.yaml && cp in/t.yaml in/mine.yaml
run 0 validate in/x.yaml
