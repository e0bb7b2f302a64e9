#!/usr/bin/env bash
# Runs the Slurm path of docs/deploy/README.md on a real, single-node Slurm cluster started here,
# and checks that it gives the CSVs of one run, byte for byte:
#   1. starts slurmctld and slurmd (Debian's slurm-wlm) on this machine, configured in a scratch
#      folder: one node with this machine's cores and memory, no accounting, no munge;
#   2. submits slurm-run.sh as a job array of 3 shards and slurm-merge.sh to run after it
#      (sbatch --dependency=afterok), exactly as the README says, from a scratch working folder;
#   3. runs the same scenario in one piece and compares every CSV.
# Exit 0 when they are equal, 1 when they differ or a job fails, 2 when no cluster could be
# started (the reason is printed).
#
# usage (from the repository root, after mvn -B package; as root or a user that may start the
# daemons): docs/deploy/test-on-local-slurm.sh
# Needs: apt-get install slurm-wlm. CI runs it (.ci/run); about a minute.
set -euo pipefail
root=$(pwd)
jar="$root/target/carecast.jar"
[ -f "$jar" ] || { echo "no $jar: run mvn -B package first" >&2; exit 2; }
for command in slurmctld slurmd sbatch squeue scontrol; do
    command -v "$command" >/dev/null || { echo "no $command: apt-get install slurm-wlm" >&2; exit 2; }
done
scenario=scenarios/third-home.yaml
name=third-home
options=(--replications 12 --seed 11 --no-charts --no-html --no-xlsx)
# The run in one piece to compare with: the same options, unless a test of this check changes
# them (ONE_RUN_SEED=12 must make it fail).
one_options=(--replications 12 --seed "${ONE_RUN_SEED:-11}" --no-charts --no-html --no-xlsx)
shards=3

work=$(mktemp -d)
conf="$work/slurm.conf"
controller=""
node=""
stop() {
    [ -n "$node" ] && kill "$node" 2>/dev/null || true
    [ -n "$controller" ] && kill "$controller" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

host=$(hostname -s)
cores=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p "$work/state" "$work/spool" "$work/run"
# Ports away from Slurm's defaults (6817, 6818), so a cluster already on the machine is not
# disturbed; addresses given, so a fresh machine whose name does not resolve will do.
cat > "$conf" <<EOF
ClusterName=carecast-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
AuthType=auth/none
CredType=cred/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ReturnToService=2
# A failed shard cancels the merge waiting on it, rather than leaving it pending for ever.
DependencyParameters=kill_invalid_depend
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cores RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$conf"

slurmctld -D -i -f "$conf" >"$work/slurmctld.out" 2>&1 &
controller=$!
slurmd -D -f "$conf" >"$work/slurmd.out" 2>&1 &
node=$!
ready=""
for _ in $(seq 1 60); do
    if scontrol show node "$host" 2>/dev/null | grep -q "State=IDLE"; then
        ready=yes
        break
    fi
    sleep 1
done
if [ -z "$ready" ]; then
    echo "no Slurm cluster: the node did not come up within a minute" >&2
    tail -n 20 "$work"/*.log "$work"/*.out >&2 || true
    exit 2
fi
echo "single-node Slurm cluster up: $(sinfo -h -o '%P %D %c %T' 2>/dev/null || true)"

# A working folder as the README's commands expect one: target/ and scenarios/ at its root,
# out/ written there.
mkdir "$work/checkout"
ln -s "$root/target" "$work/checkout/target"
ln -s "$root/scenarios" "$work/checkout/scenarios"
cd "$work/checkout"
array=$(sbatch --parsable --array=1-$shards --output="$work/shard-%a.log" "$root/docs/deploy/slurm-run.sh" \
    "$scenario" "${options[@]}")
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$work/merge.log" "$root/docs/deploy/slurm-merge.sh" \
    "$shards" "$scenario" --no-charts --no-html --no-xlsx)
echo "submitted the array job $array ($shards shards) and the merge job $merge after it"
for _ in $(seq 1 600); do
    [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
    sleep 1
done
if [ -n "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; then
    echo "the jobs did not finish within 10 minutes" >&2
    exit 1
fi
if [ ! -f "out/$name/yearly.csv" ]; then
    echo "the merge wrote no out/$name/yearly.csv; the jobs' logs:" >&2
    tail -n 20 "$work"/shard-*.log "$work/merge.log" >&2 || true
    exit 1
fi

java -Djava.awt.headless=true -jar "$jar" run "$scenario" "${one_options[@]}" --quiet --out "$work/one" >/dev/null
csvs=0
different=0
while IFS= read -r csv; do
    csvs=$((csvs + 1))
    if ! cmp -s "$work/one/$csv" "out/$name/$csv"; then
        echo "differs from one run: $csv" >&2
        different=$((different + 1))
    fi
done < <(cd "$work/one" && find . -name '*.csv' -not -path './.carecast/*' | sort)
if [ "$csvs" -eq 0 ] || [ "$different" -gt 0 ]; then
    echo "FAILED: $different of $csvs CSVs differ between the Slurm shards merged and one run" >&2
    exit 1
fi
echo "the $shards shards run by Slurm and merged by a Slurm job give the $csvs CSVs of one run, byte for byte"
