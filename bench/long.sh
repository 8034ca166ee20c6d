#!/usr/bin/env bash
# Benchmark (not a test): wall time and peak RSS of the skewcheck job on long data (millions of rows,
# 3 numeric columns and 1 categorical, shaped like flight delays; see demo/LongData), on the
# DirectRunner and on embedded Flink, next to the floor: one bare single-threaded parse of the same
# files. Prints a table and the target ratios: rows/s of the DirectRunner job at 3M rows
# (>= 1,000,000), its peak RSS at 30M over 3M (<= 1.2; at HEAP, and again at FLAT_HEAP), and Flink's
# wall over Direct's at 3M (<= 1.5).
# A job that fails (say, OutOfMemoryError) is reported as failed with its log; the rest still runs.
#
# Usage: bench/long.sh [--build]                --build rebuilds the jar even if it exists
#   SIZES="3000000 30000000" bench/long.sh      train rows per data set (predict.csv: 100,000 rows)
#   RUNS=3 bench/long.sh                        job runs per size and runner, for the median wall
#   HEAP=-Xmx512m bench/long.sh                 JVM flags added to the launcher's, both runners ('' for none)
#   FLAT_HEAP=-Xmx256m bench/long.sh            the heap of one more DirectRunner run per size: with a
#                                               heap the collector cannot grow into, peak RSS follows
#                                               the live memory, which must be flat in rows ('' skips)
#   SKEWCHECK_JAVA_OPTS='' bench/long.sh        the launcher's own flags (bin/skewcheck; '' for the JVM's defaults)
#   SKEWCHECK_CDS_DIR=off bench/long.sh         without the launcher's class-data archive (see bench/lib.sh)
#   RUNNERS="direct flink" bench/long.sh        which runners to measure
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh

JAR=pipeline/target/skewcheck.jar
# the benchmark programs (ParseFloor, ScoreThroughput) are test classes, not part of the jar
BENCH_CLASSES=pipeline/target/test-classes
SIZES=${SIZES:-3000000 30000000}
RUNS=${RUNS:-3}
HEAP=${HEAP--Xmx512m}
FLAT_HEAP=${FLAT_HEAP--Xmx256m}
RUNNERS=${RUNNERS:-direct flink}
PREDICT_ROWS=100000 # LongData.PREDICT_ROWS
OUT=target/bench-long-out
LOGS=target/bench-long-logs

read -ra SIZE_LIST <<<"$SIZES"
read -ra RUNNER_LIST <<<"$RUNNERS"
FLINK_ARGS=(--runner=FlinkRunner --flinkMaster=[local] --parallelism=2)
((${#SIZE_LIST[@]} > 0)) || { echo "SIZES must list at least one size" >&2; exit 2; }
for size in "${SIZE_LIST[@]}"; do
  [[ $size =~ ^[1-9][0-9]*$ ]] || { echo "SIZES must be positive integers, not '$size'" >&2; exit 2; }
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer, not '$RUNS'" >&2; exit 2; }
for runner in "${RUNNER_LIST[@]}"; do
  [[ $runner == direct || $runner == flink ]] || { echo "RUNNERS may list direct and flink, not '$runner'" >&2; exit 2; }
done
mkdir -p target "$LOGS"

if [[ ! -f $JAR || ! -d $BENCH_CLASSES || ${1:-} == --build ]]; then mvn -q -B -DskipTests package; fi
ensure_gnu_time
for runner in "${RUNNER_LIST[@]}"; do
  if [[ $runner == flink ]]; then record_class_archive "${FLINK_ARGS[@]}"; else record_class_archive; fi
done

# label N: 3000000 -> 3m, 20000 -> 20k, 12345 -> 12345 (names the data dir and the logs).
label() {
  if (($1 % 1000000 == 0)); then echo "$(($1 / 1000000))m"
  elif (($1 % 1000 == 0)); then echo "$(($1 / 1000))k"
  else echo "$1"; fi
}

# Data: generated once per size. The stamp records the generator command, written only after it
# succeeded, so an interrupted generation is redone and an existing data set is reused.
for size in "${SIZE_LIST[@]}"; do
  data=target/bench-long-$(label "$size")
  gen=(java -cp "$JAR" org.skewcheck.pipeline.demo.LongData "$data" "$size")
  if [[ "$(cat "$data/.generated-by" 2>/dev/null)" != "${gen[*]}" ]]; then
    rm -rf "$data"
    "${gen[@]}"
    echo "${gen[*]}" >"$data/.generated-by"
  fi
done

# Results, keyed "SIZE what": wall s ("failed (exit N)" on failure), rows/s, peak RSS MiB, notes.
declare -A R_WALL R_RATE R_RSS R_NOTE
ROW_KEYS=()

# record KEY ROWS WALL RSS NOTE
record() {
  ROW_KEYS+=("$1")
  R_WALL[$1]=$3 R_RSS[$1]=$4 R_NOTE[$1]=$5
  if [[ $3 =~ ^[0-9.]+$ ]]; then R_RATE[$1]=$(awk -v r="$2" -v w="$3" 'BEGIN { printf "%.0f", (w > 0 ? r / w : 0) }')
  else R_RATE[$1]=-; fi
}

job_cmd() { # job_cmd DATA RUNNER [FLAGS]: sets JOB, the launcher as a user runs it, plus FLAGS (default HEAP; java reads JDK_JAVA_OPTIONS)
  JOB=(env "JDK_JAVA_OPTIONS=${3-$HEAP}" bin/skewcheck --train="$1/train.csv" --predict="$1/predict.csv" --output="$OUT"
       --failOn=never)
  if [[ $2 == flink ]]; then JOB+=("${FLINK_ARGS[@]}"); fi
}

for size in "${SIZE_LIST[@]}"; do
  lbl=$(label "$size")
  data=target/bench-long-$lbl
  rows=$((size + PREDICT_ROWS))
  echo "== $lbl train rows + $PREDICT_ROWS predict rows ($data)" >&2

  floor=(java -cp "$JAR:$BENCH_CLASSES" org.skewcheck.pipeline.demo.ParseFloor "$data/train.csv" "$data/predict.csv")
  run_measured "$lbl-floor" "${floor[@]}"
  if ((STATUS == 0)); then record "$size floor" "$rows" "$WALL" "$RSS" "$(tail -1 "$LOG")"
  else record "$size floor" "$rows" "failed (exit $STATUS)" "$RSS" "log: $LOG"; fi
  echo "   floor: ${R_WALL[$size floor]} s" >&2

  for runner in "${RUNNER_LIST[@]}"; do
    job_cmd "$data" "$runner"
    walls=() rsses=() failed=
    for ((i = 1; i <= RUNS; i++)); do
      rm -rf "$OUT" # every run starts from the same empty output dir
      run_measured "$lbl-$runner-$i" "${JOB[@]}"
      if ((STATUS != 0)); then
        # A failure (an OutOfMemoryError, say) would repeat: skip this runner's other runs.
        failed="failed (exit $STATUS)" rsses+=("$RSS")
        echo "   $runner run $i: $failed, log: $LOG" >&2
        break
      fi
      walls+=("$WALL") rsses+=("$RSS")
      echo "   $runner run $i: $WALL s, $RSS MiB" >&2
    done
    max_rss=$(printf '%s\n' "${rsses[@]}" | awk '$1 ~ /^[0-9]+$/ { if ($1 > m) m = $1; k = 1 } END { print k ? m : "unknown" }')
    if [[ -n $failed ]]; then
      record "$size $runner" "$rows" "$failed" "$max_rss" "log: $LOG"
    else
      record "$size $runner" "$rows" "$(median "${walls[@]}")" "$max_rss" "runs: ${walls[*]}"
    fi
  done

  if [[ -n $FLAT_HEAP && " ${RUNNER_LIST[*]} " == *" direct "* ]]; then
    job_cmd "$data" direct "$FLAT_HEAP"
    rm -rf "$OUT"
    run_measured "$lbl-direct-flat" "${JOB[@]}"
    if ((STATUS == 0)); then record "$size flat" "$rows" "$WALL" "$RSS" "DirectRunner, $FLAT_HEAP, one run"
    else record "$size flat" "$rows" "failed (exit $STATUS)" "$RSS" "log: $LOG"; fi
    echo "   direct at $FLAT_HEAP: ${R_WALL[$size flat]} s, $RSS MiB" >&2
  fi
done
rm -rf "$OUT"

echo
echo "skewcheck long-data benchmark: SIZES='$SIZES' (+ $PREDICT_ROWS predict rows each), RUNS=$RUNS," \
  "HEAP='$HEAP', FLAT_HEAP='$FLAT_HEAP', RUNNERS='$RUNNERS', logs in $LOGS/"
printf '  data:   %s\n' "$(printf '%q ' java -cp "$JAR" org.skewcheck.pipeline.demo.LongData DIR SIZE)"
printf '  floor:  %s\n' "$(printf '%q ' java -cp "$JAR:$BENCH_CLASSES" org.skewcheck.pipeline.demo.ParseFloor DIR/train.csv DIR/predict.csv)"
job_cmd DIR direct
printf '  direct: %s\n' "$(printf '%q ' "${JOB[@]}")"
printf '  flink:  direct plus %s\n' "${FLINK_ARGS[*]}"
printf '  wall: median of RUNS for the jobs; peak RSS: the largest of the runs\n'
printf '\n%10s  %-7s %17s %12s %14s  %s\n' "train rows" what "wall s" "rows/s" "peak RSS MiB" notes
for key in "${ROW_KEYS[@]}"; do
  read -r size what <<<"$key"
  printf '%10s  %-7s %17s %12s %14s  %s\n' "$size" "$what" "${R_WALL[$key]}" "${R_RATE[$key]}" "${R_RSS[$key]}" "${R_NOTE[$key]}"
done

# The targets name 3M and 30M; with other SIZES they are checked at the smallest and largest size.
mapfile -t SORTED < <(printf '%s\n' "${SIZE_LIST[@]}" | sort -n -u)
SMALL=${SORTED[0]} LARGE=${SORTED[-1]}
S=$(label "$SMALL") L=$(label "$LARGE")
number() { [[ ${1:-} =~ ^[0-9.]+$ ]]; }
# target NAME VALUE OP LIMIT: one line; VALUE not a number is printed as is, without a verdict.
target() {
  if number "$2"; then
    printf '  %-40s %10s  (target %s %s: %s)\n' "$1" "$2" "$3" "$4" \
      "$(awk -v v="$2" -v t="${4//,/}" -v op="$3" 'BEGIN { print ((op == ">=" ? v >= t : v <= t) ? "ok" : "MISSED") }')"
  else
    printf '  %-40s %10s\n' "$1" "$2"
  fi
}
ratio() { # ratio A B: A/B with two decimals, or n/a when either is not a measurement
  if number "$1" && number "$2"; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; else echo "n/a"; fi
}
echo
echo "targets (set for 3M and 30M train rows; here $S and $L):"
if number "${R_WALL[$SMALL direct]:-}"; then rate=${R_RATE[$SMALL direct]}; else rate=n/a; fi
target "rows/s, DirectRunner job at $S:" "$rate" '>=' 1,000,000
if ((LARGE == SMALL)); then rss_ratio="n/a (one size)"
elif number "${R_WALL[$SMALL direct]:-}" && number "${R_WALL[$LARGE direct]:-}"; then
  rss_ratio=$(ratio "${R_RSS[$LARGE direct]}" "${R_RSS[$SMALL direct]}")
else rss_ratio=n/a; fi
target "peak RSS, DirectRunner job, $L/$S:" "$rss_ratio" '<=' 1.2
if [[ -n $FLAT_HEAP ]] && ((LARGE != SMALL)) && number "${R_WALL[$SMALL flat]:-}" && number "${R_WALL[$LARGE flat]:-}"; then
  target "peak RSS at $FLAT_HEAP, Direct, $L/$S:" "$(ratio "${R_RSS[$LARGE flat]}" "${R_RSS[$SMALL flat]}")" '<=' 1.2
fi
target "wall, Flink/Direct job at $S:" "$(ratio "${R_WALL[$SMALL flink]:-}" "${R_WALL[$SMALL direct]:-}")" '<=' 1.5
