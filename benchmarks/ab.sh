#!/usr/bin/env bash
# Compares the speed of two builds of carecast on one scenario, as far as this project's noisy
# 2-core virtual machines allow: the machine's speed drifts by 20% over minutes, so timing A
# and then B mostly measures the drift. Here A and B run at the same time, one per core,
# so drift hits both; they swap cores each round (the two cores are not equally loaded by
# the host); each round prints B's time over A's, and the end their geometric mean. Running
# side by side also shares the processor's last-level cache, as a 2-thread run does.
#
# usage: benchmarks/ab.sh A.jar B.jar scenario.yaml [replications] [rounds]
#   e.g. benchmarks/ab.sh /tmp/before.jar target/carecast.jar scenarios/england-scale.yaml 10 6
#   JAVA_OPTS=-XX:TieredStopAtLevel=1 benchmarks/ab.sh ...   (as the launcher runs a short run)
# Build each jar with `mvn -B -q package -DskipTests` on the commit to compare and copy
# target/carecast.jar aside. Times are the simulation's own ("Simulated ... in S s"), one
# thread each. A ratio below 1 means B is faster; believe a difference only when most rounds agree.
set -euo pipefail

if [ $# -lt 3 ]; then
    sed -n '2,14p' "$0"
    exit 2
fi
a=$1
b=$2
scenario=$3
replications=${4:-10}
rounds=${5:-6}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

simulate() { # jar core log
    taskset -c "$2" java -XX:ActiveProcessorCount=1 ${JAVA_OPTS:-} -jar "$1" run "$scenario" \
        --replications "$replications" --threads 1 --no-charts --no-html --no-xlsx \
        --out "$work/out-$2-$RANDOM" > "$3" 2>&1
}

seconds() { # log
    sed -n 's/^Simulated .* in \([0-9.]*\) s on .*/\1/p' "$1"
}

logsum=0
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) = 1 ]; then core_a=0; core_b=1; else core_a=1; core_b=0; fi
    simulate "$a" "$core_a" "$work/a.log" &
    simulate "$b" "$core_b" "$work/b.log" &
    wait
    ta=$(seconds "$work/a.log")
    tb=$(seconds "$work/b.log")
    if [ -z "$ta" ] || [ -z "$tb" ]; then
        echo "a run failed; its output:" >&2
        cat "$work/a.log" "$work/b.log" >&2
        exit 1
    fi
    ratio=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.3f", b / a }')
    logsum=$(awk -v s="$logsum" -v r="$ratio" 'BEGIN { print s + log(r) }')
    echo "round $round: A ${ta} s (core $core_a), B ${tb} s (core $core_b), B/A $ratio"
done
awk -v s="$logsum" -v n="$rounds" 'BEGIN { printf "geometric mean of B/A over %d rounds: %.3f\n", n, exp(s / n) }'
