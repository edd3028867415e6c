#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a while and reports, per
# target, the executions and the coverage libFuzzer reached (cov: edges,
# ft: features). Exits non-zero if any target crashed, leaked, timed out,
# ran out of memory or broke an invariant.
#
#   CC=clang-14 cmake -S . -B build-fuzz -DARGMAP_FUZZ=ON
#   cmake --build build-fuzz -j"$(nproc)"
#   tests/fuzz/run.sh [SECONDS]          # default 60 s per target
#
# Environment:
#   ARGMAP_FUZZ_BUILD  the fuzz build folder (default: build-fuzz at the root)
#   ARGMAP_FUZZ_WORK   where new corpus entries, logs and crash files go
#                      (default: a fresh folder under /tmp, kept and named)
#   ARGMAP_FUZZ_JOBS   targets run at the same time (default: number of CPUs)
#
# The committed seeds (tests/fuzz/corpus) and regression inputs
# (tests/fuzz/regressions) are read, never written. A crash input is left in
# the work folder: minimise it with `fuzz_X -minimize_crash=1 -runs=10000
# FILE`, then copy it into tests/fuzz/regressions/ (see its README.md).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-60}
build=${ARGMAP_FUZZ_BUILD:-$root/build-fuzz}
work=${ARGMAP_FUZZ_WORK:-$(mktemp -d /tmp/argmap-fuzz-XXXXXX)}
jobs=${ARGMAP_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}

case $secs in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

shopt -s nullglob
targets=("$build"/tests/fuzz/fuzz_*)
if [ ${#targets[@]} -eq 0 ]; then
  echo "run.sh: no fuzz_* targets in $build/tests/fuzz;" >&2
  echo "        build them with CC=clang-14 cmake -S . -B build-fuzz -DARGMAP_FUZZ=ON" >&2
  exit 2
fi

# The known, not yet fixed bugs (tests/fuzz/known-bugs) do not stop a run.
known=$(grep -E '^[a-z0-9]' "$here/known-bugs" 2>/dev/null | awk '{print $1}' | paste -sd, -)
export ARGMAP_FUZZ_KNOWN=$known
# ASan's fast unwinder, for speed; hence the coarser suppressions of
# lsan-fuzz.supp (see there)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan-fuzz.supp}

# Per target: the largest input, the time limit for one input.
limits() {
  case $1 in
    fuzz_render) echo "2048 20" ;;  # Graphviz layout; small maps only
    *)           echo "8192 10" ;;
  esac
}

# Per target: its seeds and dictionary (fuzz_aif reads AIF JSON, the
# others argmap XML).
seeds() {
  case $1 in
    fuzz_aif) echo "$here/corpus-aif $here/aif.dict" ;;
    *)        echo "$here/corpus $here/argmap.dict" ;;
  esac
}

run_one() {
  local exe=$1 name dir max_len timeout corpus dict
  name=$(basename "$exe")
  dir=$work/$name
  mkdir -p "$dir/corpus"
  read -r max_len timeout < <(limits "$name")
  read -r corpus dict < <(seeds "$name")
  "$exe" -max_total_time="$secs" -max_len="$max_len" -timeout="$timeout" \
         -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="$dict" \
         -artifact_prefix="$dir/" -print_final_stats=1 -close_fd_mask=1 \
         "$dir/corpus" "$corpus" "$here/regressions" >"$dir/log" 2>&1
  echo $? >"$dir/rc"
}

echo "argmap fuzz: ${#targets[@]} target(s), ${secs} s each, work folder $work"
running=0
for exe in "${targets[@]}"; do
  run_one "$exe" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

status=0
printf '%-14s %12s %8s %8s %8s  %s\n' target executions cov ft corpus result
for exe in "${targets[@]}"; do
  name=$(basename "$exe")
  dir=$work/$name
  rc=$(cat "$dir/rc" 2>/dev/null || echo 99)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$dir/log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
  artifacts=("$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*)
  result=ok
  if [ "$rc" != 0 ] || [ ${#artifacts[@]} -gt 0 ]; then
    result="FAILED (exit $rc)"
    status=1
  fi
  printf '%-14s %12s %8s %8s %8s  %s\n' "$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
         "${corp:-?}" "$result"
  if [ "$result" != ok ]; then
    grep -E 'ERROR: |fuzz invariant failed|SUMMARY: |known-bugs tag' "$dir/log" | head -5 |
      sed 's/^/    /'
    for a in "${artifacts[@]}"; do echo "    input: $a"; done
    echo "    log:   $dir/log"
  fi
done
exit $status
