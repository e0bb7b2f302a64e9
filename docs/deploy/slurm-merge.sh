#!/usr/bin/env bash
# Merges the shards slurm-run.sh wrote into the run's output folder (out/<name>).
#   sbatch --dependency=afterok:<array job id> docs/deploy/slurm-merge.sh N SCENARIO [merge options]
#SBATCH --job-name=carecast-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=4G
#SBATCH --time=00:30:00
set -euo pipefail
shards="${1:?usage: slurm-merge.sh N SCENARIO [merge options]}"
scenario="${2:?usage: slurm-merge.sh N SCENARIO [merge options]}"
shift 2
name="$(basename "${scenario%.*}")"
folders=()
for i in $(seq 1 "$shards"); do folders+=("out/shards/${name}/shard-${i}"); done
exec java -Djava.awt.headless=true -jar target/carecast.jar merge "${folders[@]}" --out "out/${name}" "$@"
