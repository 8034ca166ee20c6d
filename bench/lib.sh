# Helpers shared by the benchmark scripts (bench/run.sh, bench/long.sh); sourced, not run.
# The caller sets LOGS (the log directory) before calling run_measured or measure.

# ensure_gnu_time: installs GNU time when it is missing and we are root; without it RSS is unknown.
ensure_gnu_time() {
  if [[ ! -x /usr/bin/time && $EUID -eq 0 ]]; then
    apt-get install -y -qq time >/dev/null || echo "could not install GNU time; RSS will be unknown" >&2
  fi
}

fail() { tail -20 "$1" >&2; echo "failed, full log: $1" >&2; exit 1; }

# run_measured NAME CMD...: runs CMD with its output in $LOGS/NAME.log; sets WALL (s), RSS (MiB),
# LOG (the log's path) and STATUS (CMD's exit status). A failing CMD does not end the script.
run_measured() {
  LOG=$LOGS/$1.log STATUS=0; shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$LOG.time" "$@" >"$LOG" 2>&1 || STATUS=$?
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$LOG.time")
    RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$LOG.time")
  else
    local TIMEFORMAT=%R
    { time "$@" >"$LOG" 2>&1; } 2>"$LOG.time" || STATUS=$?
    WALL=$(<"$LOG.time") RSS=unknown
  fi
}

# measure NAME CMD...: run_measured, but a failing CMD ends the script with the tail of its log.
measure() {
  run_measured "$@"
  ((STATUS == 0)) || fail "$LOG"
}

# median X...: the median of the numbers, with two decimals.
median() {
  printf '%s\n' "$@" | sort -n |
    awk '{ a[NR] = $1 } END { printf "%.2f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# The launcher (bin/skewcheck) records a class-data archive on a jar's first job and maps it on the
# next ones. The benchmarks keep theirs in target/bench-cds (SKEWCHECK_CDS_DIR overrides; 'off' runs
# without) and run the demo job once per runner, untimed, before timing, so every timed run maps an
# archive of the jar being measured. record_class_archive [RUNNER_ARGS...]: the demo job's run.
export SKEWCHECK_CDS_DIR=${SKEWCHECK_CDS_DIR:-$PWD/target/bench-cds}
record_class_archive() {
  [[ $SKEWCHECK_CDS_DIR == off ]] && return
  bin/skewcheck --train=demo/train.csv --predict=demo/predict --output=target/bench-cds-job \
    --config=configs/joot.yaml --failOn=never "$@" >"$LOGS/record-class-archive.log" 2>&1 ||
    fail "$LOGS/record-class-archive.log"
}
