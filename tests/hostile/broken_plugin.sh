#!/bin/bash
# broken_plugin.sh QUIRE SOURCE_DIR — issue 21, 8: a plugin file that does
# not load (a damaged quire-xlsx.so first in the plugin path) is not the
# template's fault: the template's xlsx section is a warning naming the
# file and the reason, -f pdf renders, and -f xlsx fails as a plugin that
# cannot be loaded (exit 3).
set -u
case_name=broken_plugin quire=$1 here=$2
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
mkdir pd
printf 'not an ELF file\n' >pd/quire-xlsx.so
run 0 render in/x.yaml -f pdf -o out --plugin-dir pd
expect_err "pd/quire-xlsx.so"
expect_err "its options are not checked"
! grep -q "unknown key" err.txt || fail "the template was blamed: $(cat err.txt)"
[ -s out/x.pdf ] || fail "no PDF"
run 0 validate in/x.yaml --plugin-dir pd -f pdf
run 3 render in/x.yaml -f xlsx -o out --plugin-dir pd
expect_err "pd/quire-xlsx.so"
exit 0
