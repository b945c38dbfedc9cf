#!/bin/bash
# slurm.sh QUIRE GEN — a real cluster engine (issue 17): a one-node Slurm on
# localhost from Debian's packages (munged, slurmctld, slurmd), started here
# with their configuration in this test's folder and stopped by their
# process ids. 400 generated briefs go through `sbatch --array=0-7%2` of
# `quire render --datasets-from list --shard 8 --manifest m.$SLURM_ARRAY_TASK_ID`;
# one array task is cancelled mid-run and submitted again. Then quire
# manifest check must find the run complete and every output must equal a
# serial run's byte for byte.
set -u
quire=$1 gen=$2
case_name=slurm
n=${QUIRE_SLURM_BRIEFS:-400}
work=$(mktemp -d /tmp/quire-slurm-XXXXXX)
chmod 755 "$work"
daemons=()
stop() {
    local p
    for p in "${daemons[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${daemons[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$work"
}
trap stop EXIT
cd "$work" || exit 1
fail() {
    echo "FAIL ($case_name): $*" >&2
    for f in slurmctld.log slurmd.log munge/munged.log; do
        [ -f "$f" ] && { echo "--- $f" >&2; tail -n 15 "$f" >&2; }
    done
    exit 1
}
for tool in munged mungekey slurmctld slurmd sbatch squeue scancel sinfo; do
    command -v "$tool" >/dev/null || fail "$tool is missing (Debian: munge slurmctld slurmd slurm-client)"
done

# munge: a key of our own and a socket in this folder.
mkdir -m 700 state spool
mkdir -m 711 munge   # the socket's folder: others may reach the socket
mungekey --create --keyfile=munge/munge.key || fail "mungekey"
chmod 600 munge/munge.key
munged -F --force --key-file=munge/munge.key --socket="$work/munge/sock" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" \
    --seed-file="$work/munge/seed" 2>munged.out &
daemons+=($!)

# Two free ports, so that a Slurm of the machine or another run of this
# test is not disturbed.
read -r ctld_port d_port < <(/usr/bin/python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
cat >slurm.conf <<CONF
ClusterName=quiretest
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/sock
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
KillWait=10
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
for ((t = 0; t < 100; t++)); do
    [ -S munge/sock ] && break
    sleep 0.1
done
[ -S munge/sock ] || fail "munged did not start"
slurmctld -D -i -f "$SLURM_CONF" >ctld.out 2>&1 &
daemons+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >slurmd.out 2>&1 &
daemons+=($!)
for ((t = 0; t < 120; t++)); do
    [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break
    sleep 0.5
done
[ "$(sinfo -h -o %t 2>/dev/null)" = idle ] || fail "the node did not come up: $(sinfo 2>&1)"

# The briefs and the job: one array task a shard, the index from Slurm.
bash "$gen" d "$n" || fail "generating $n briefs"
ls d/*.yaml >list
cat >job.sh <<JOB
#!/bin/bash
echo \$\$ >"pid.\$SLURM_ARRAY_JOB_ID.\$SLURM_ARRAY_TASK_ID"   # quire's, after the exec
exec "$quire" render --datasets-from list --shard 8 -f pdf,csv -o out \\
    --manifest "m.\$SLURM_ARRAY_TASK_ID"
JOB
submit() {   # submit ARRAY: the job id
    sbatch --parsable --array="$1" -D "$work" -o "$work/log-%A-%a.txt" -J quire job.sh ||
        fail "sbatch --array=$1"
}
first=$(submit 0-7%2)

# Cancel task 1 once it has written some outputs (it starts in the first
# pair), as a pre-empted or failed node would end it. A shard can end
# faster than squeue and scancel get an answer from slurmctld on a busy
# machine, so quire's process (the pid its job script left) is stopped as
# soon as it starts and let run 20 ms at a time until its log shows two
# outputs; it is cancelled while stopped, and goes on to meet the
# cancel's SIGTERM.
for ((t = 0; t < 12000; t++)); do
    [ -s "pid.$first.1" ] && break
    sleep 0.01
done
[ -s "pid.$first.1" ] || fail "task 1 did not start in 120 s"
task_pid=$(cat "pid.$first.1")
kill -STOP "$task_pid" || fail "task 1 ended before it could be stopped"
victim=log-$first-1.txt
for ((t = 0; t < 6000; t++)); do
    [ "$(grep -c 'quire: wrote' "$victim" 2>/dev/null)" -ge 2 ] && break
    kill -CONT "$task_pid"
    sleep 0.02
    kill -STOP "$task_pid"
done
[ "$(grep -c 'quire: wrote' "$victim" 2>/dev/null)" -ge 2 ] ||
    fail "task 1 wrote nothing in 120 s"
[ ! -e m.1 ] || fail "task 1 ended before it was cancelled (it wrote its manifest)"
scancel "${first}_1" || fail "scancel ${first}_1"
sleep 1   # the cancel's SIGTERM is pending in the stopped process
kill -CONT "$task_pid" 2>/dev/null
for ((t = 0; t < 300; t++)); do
    squeue -h -j "${first}_1" 2>/dev/null | grep -q . || break
    sleep 0.2
done
grep -q "interrupted" "$victim" || fail "task 1 ended before the cancel: $(tail -3 "$victim")"
[ ! -e m.1 ] || fail "the cancelled task wrote its manifest"
second=$(submit 1)

for ((t = 0; t < 1800; t++)); do
    [ -z "$(squeue -h -j "$first,$second" 2>/dev/null)" ] && break
    sleep 0.2
done
[ -z "$(squeue -h -j "$first,$second" 2>/dev/null)" ] || fail "the jobs did not end in 6 minutes"
for i in 0 1 2 3 4 5 6 7; do
    [ -f "m.$i" ] || fail "task $i wrote no manifest: $(cat log-*-$i.txt | tail -3)"
done
# (the cancelled task's log holds Slurm's "error: *** JOB ... CANCELLED")
for f in log-*.txt; do
    [ "$f" = "$victim" ] || ! grep -q "error" "$f" || fail "$f: $(grep error "$f" | head -3)"
done

"$quire" manifest check --datasets-from list m.0 m.1 m.2 m.3 m.4 m.5 m.6 m.7 >check.txt 2>&1 ||
    fail "manifest check: $(head check.txt)"
grep -q "$n datasets x 2 formats" check.txt || fail "check: $(cat check.txt)"

# A serial run of the same list, byte for byte.
"$quire" render --datasets-from list -f pdf,csv -o serial -q || fail "serial run"
(cd serial && find . -type f | sort) >a.txt
(cd out && find . -type f | sort) >b.txt
cmp -s a.txt b.txt || fail "the cluster wrote other files: $(diff a.txt b.txt | head -5)"
[ "$(grep -c '\.pdf$' a.txt)" -eq "$n" ] || fail "not $n PDFs"
while read -r f; do
    cmp -s "serial/$f" "out/$f" || fail "$f differs between the cluster and a serial run"
done <a.txt
left=$(find out -mindepth 1 -name '.*')
[ -z "$left" ] || fail "temporary files left: $left"
echo "ok: $n briefs over 8 Slurm array tasks (task 1 cancelled and run again) = a serial run"
