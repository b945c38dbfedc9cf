#!/bin/bash
# formats.sh QUIRE PLUGIN_DIR GEN — the formats of one dataset are exported
# concurrently when -j allows (issue 17 §6): two test plugins that each
# wait for the other's export to start (tp_meet.c) succeed with -j 2 and
# fail with -j 1, where one export runs after the other. No clock is read.
set -u
case_name=formats
quire=$1 plugins=$2 gen=$3
e2e_name=batch_formats
. "$(dirname "$0")/../lib/e2e.sh"
bash "$gen" d 2
mkdir m1 m2
TP_MEET_DIR=$PWD/m2 "$quire" render d/region-1.yaml -f meeta,meetb -j 2 -o two \
    --plugin-dir "$plugins" -q 2>err.txt || fail "-j 2: the two exports did not meet: $(cat err.txt)"
grep -q 'meeta met meetb' two/region-1.meeta && grep -q 'meetb met meeta' two/region-1.meetb ||
    fail "-j 2: outputs missing: $(ls two)"
# the same two exports, one slot: the first waits in vain (half a second)
TP_MEET_DIR=$PWD/m1 TP_MEET_WAIT_MS=500 "$quire" render d/region-1.yaml -f meeta,meetb -j 1 \
    -o one --plugin-dir "$plugins" -q 2>err.txt && fail "-j 1 ran the two exports at once"
grep -q 'never ran while' err.txt || fail "-j 1 failed otherwise: $(cat err.txt)"
exit 0
