#!/usr/bin/env bash
# Benchmark (not a test): wall time and peak RSS of the skewcheck job on Joot-sized data, with and
# without scoring, and the scoring throughput (rows/s at 3,923 features)
# (5,026 train + 100 predict rows, 3,923 features), next to the floor: one bare parse of the same files.
#
# Usage: bench/run.sh [--build]             --build rebuilds the jar even if it exists
#   RUNS=5 bench/run.sh                     job runs to take the median over (default 3)
#   MODE=same-distribution bench/run.sh     predict rows drawn from the train distribution
#   SKEWCHECK_JAVA_OPTS='' bench/run.sh     the launcher's JVM flags (bin/skewcheck; '' for the JVM's defaults)
#   SKEWCHECK_CDS_DIR=off bench/run.sh      without the launcher's class-data archive (see bench/lib.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

JAR=pipeline/target/skewcheck.jar
# the benchmark programs (ParseFloor, ScoreThroughput) are test classes, not part of the jar
BENCH_CLASSES=pipeline/target/test-classes
MODE=${MODE:-benchmark}
RUNS=${RUNS:-3}
case "$MODE" in
  benchmark) DATA=target/bench-data ;;
  same-distribution) DATA=target/bench-data-same-distribution ;;
  *) echo "MODE must be benchmark or same-distribution, not '$MODE'" >&2; exit 2 ;;
esac
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer, not '$RUNS'" >&2; exit 2; }
LOGS=target/bench-logs
mkdir -p target "$LOGS"

if [[ ! -f $JAR || ! -d $BENCH_CLASSES || ${1:-} == --build ]]; then mvn -q -B -DskipTests package; fi
ensure_gnu_time
record_class_archive

# The stamp records the generator command, so changing MODE or the data dir regenerates.
GEN=(java -cp "$JAR" org.skewcheck.pipeline.demo.JootData "$DATA" "$MODE")
if [[ "$(cat "$DATA/.generated-by" 2>/dev/null)" != "${GEN[*]}" ]]; then
  rm -rf "$DATA"
  "${GEN[@]}"
  echo "${GEN[*]}" >"$DATA/.generated-by"
fi
ROWS=$(awk 'FNR > 1 { n++ } END { print n }' "$DATA/train.csv" "$DATA"/predict/*.csv)

FLOOR=(java -cp "$JAR:$BENCH_CLASSES" org.skewcheck.pipeline.demo.ParseFloor "$DATA/train.csv" "$DATA/predict")
JOB=(bin/skewcheck --train="$DATA/train.csv" --predict="$DATA/predict" --output=target/bench-out
     --config=configs/joot.yaml --failOn=never)

measure floor "${FLOOR[@]}"
FLOOR_WALL=$WALL FLOOR_RSS=$RSS
WALLS=() RSSES=()
for ((i = 1; i <= RUNS; i++)); do
  rm -rf target/bench-out  # every run starts from the same empty output dir
  measure "job-$i" "${JOB[@]}"
  WALLS+=("$WALL") RSSES+=("$RSS")
done
MEDIAN=$(median "${WALLS[@]}")

echo
echo "skewcheck benchmark: MODE=$MODE, $ROWS rows (train + predict), RUNS=$RUNS, logs in $LOGS/"
printf '  data:  %s\n' "$(printf '%q ' "${GEN[@]}")"
printf '  floor: %s  (printed: %s)\n' "$(printf '%q ' "${FLOOR[@]}")" "$(tail -1 "$LOGS/floor.log")"
printf '  job:   %s\n' "$(printf '%q ' "${JOB[@]}")"
printf '\n%-8s %8s %14s\n' "" "wall s" "peak RSS MiB"
printf '%-8s %8s %14s\n' floor "$FLOOR_WALL" "$FLOOR_RSS"
for ((i = 0; i < RUNS; i++)); do printf '%-8s %8s %14s\n' "job $((i + 1))" "${WALLS[i]}" "${RSSES[i]}"; done
printf '%-8s %8s\n' median "$MEDIAN"
awk -v r="$ROWS" -v m="$MEDIAN" -v f="$FLOOR_WALL" 'BEGIN {
  printf "\nrows/s (median job): %.0f   rows/s (floor): %.0f   job/floor: %.1fx\n", r / m, r / f, m / f }'

# Scoring: a model trained on the train part (once), the job with --model, and the DoFn's own work
# (DMatrix per 256-row block, predictions, margins, SHAP contributions) timed in one thread.
MODEL=$DATA/model.json
[[ -f $MODEL ]] || java -cp "$JAR" org.skewcheck.pipeline.demo.TrainModel "$DATA/train.csv" target "$MODEL" 40 >/dev/null
rm -rf target/bench-out
measure job-model "${JOB[@]}" --model="$MODEL"
echo
printf '  job with --model=%s: wall %s s, peak RSS %s MiB\n' "$MODEL" "$WALL" "$RSS"
java -cp "$JAR:$BENCH_CLASSES" org.skewcheck.pipeline.demo.ScoreThroughput "$MODEL" "$DATA/train.csv" target | sed 's/^/  /'
