#!/usr/bin/env bash
# A carecast run split over a Slurm job array, then merged.
#
#   sbatch --array=1-8 docs/deploy/slurm-run.sh scenarios/england-scale.yaml      # 8 shards
#   sbatch --dependency=afterok:<array job id> docs/deploy/slurm-merge.sh 8 scenarios/england-scale.yaml
#
# Each array task runs one shard (replications split evenly by task id) into
# out/shards/<name>/shard-<i>; every shard is the same replications a single run would make,
# because each replication depends only on (seed, index). Needs Java 17 and a built
# target/carecast.jar on the shared filesystem (mvn -B package once).
#SBATCH --job-name=carecast-shard
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
set -euo pipefail
scenario="${1:?usage: sbatch --array=1-N slurm-run.sh SCENARIO [run options]}"
shift
shards="${SLURM_ARRAY_TASK_COUNT:?run as a job array: sbatch --array=1-N}"
index="${SLURM_ARRAY_TASK_ID:?run as a job array}"
name="$(basename "${scenario%.*}")"
exec java -Djava.awt.headless=true -jar target/carecast.jar run "$scenario" \
  --shard "${index}/${shards}" --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet \
  --out "out/shards/${name}/shard-${index}" "$@"
