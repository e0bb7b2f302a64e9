#!/usr/bin/env bash
# Times carecast against the plain-Python peer (erlang_loss.py) on the same Erlang-loss model at
# three sizes, one thread each, one after the other: the simulation's own rate (carecast's
# "Simulated ... events per second", which includes folding each replication into the
# summaries) and each whole process's wall time.
# usage: benchmarks/peer/compare.sh [carecast.jar]   (from the repository root)
set -euo pipefail
jar=${1:-target/carecast.jar}
here=$(dirname "$0")
# The launcher (./carecast) starts Java with the class-data archive it keeps beside the jar; time
# the command as it runs it when that archive is there (run ./carecast once to make it).
cds=()
if [ -f "${jar%.jar}.jsa" ] && [ "${jar%.jar}.jsa" -nt "$jar" ]; then
    cds=(-XX:SharedArchiveFile="${jar%.jar}.jsa" '-Xlog:cds*=off' -Xlog:class+path=off)
    echo "with the launcher's class-data archive ${jar%.jar}.jsa"
fi
# The launcher also starts Java with the quick compiler alone, a long run restarting itself with
# the full one (src/main/java/org/carecast/cli/QuickStart.java): time it that way too.
cds+=(-XX:TieredStopAtLevel=1 -Dcarecast.quickStart=true)
echo "with the launcher's quick compiler"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# places, replications (more for small models, so the JIT has warmed up for most of the run)
for spec in "4 20000" "300 400" "78000 2"; do
    set -- $spec
    places=$1
    reps=$2
    rate=$(python3 -c "print($places / 365.0)")
    start=$(date +%s.%N)
    line=$(java "${cds[@]}" -jar "$jar" run "$here/erlang-$places.yaml" --replications "$reps" --threads 1 --no-charts --no-html \
        --no-xlsx --out "$out/c$places" | tr '\n' ' ' | grep -o 'Simulated [0-9,]* events in [0-9.]* s')
    end=$(date +%s.%N)
    py_start=$(date +%s.%N)
    py=$(python3 "$here/erlang_loss.py" "$places" "$rate" 365 120 "$reps")
    py_end=$(date +%s.%N)
    echo "$places places, $reps replications:"
    echo "  carecast: $line; whole command $(python3 -c "print(round($end - $start, 2))") s"
    echo "  $py; whole process $(python3 -c "print(round($py_end - $py_start, 2))") s"
done
