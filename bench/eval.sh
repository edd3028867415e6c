#!/usr/bin/env bash
# bench/eval.sh - how fast `argmap eval` is (issue 11): argmap_eval_map
# in-process (bench/eval_time: the map loaded once, evaluation timed
# alone) on the generator's map of BENCH_EVAL_CLAIMS claims and on every
# bundled map, grounded and preferred; and the whole command next to
# `argmap check` on the same file (eval loads and checks, then evaluates),
# as a ratio.
#
# Settings: BENCH_EVAL_CLAIMS (default 20000), BENCH_SEED (1), BENCH_BUILD
# (build-bench, configured as Release and built if needed), BENCH_NO_BUILD=1.
# Targets (docs/semantics.md): grounded on 20,000 claims under 0.5 s,
# preferred on each bundled map under 0.1 s.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BENCH_BUILD:-$root/build-bench}
claims=${BENCH_EVAL_CLAIMS:-20000}
seed=${BENCH_SEED:-1}

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
	[ -f "$build/CMakeCache.txt" ] ||
		cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	cmake --build "$build" --target bench >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
map=$work/gen-$claims.xml
"$build/bench/gen_map" "$claims" "$seed" >"$map"

echo "# argmap eval benchmark ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "## argmap_eval_map alone (median of 11 runs)"
for sem in grounded preferred; do
	"$build/bench/eval_time" -n 11 -s "$sem" "$map" | sed "s|$work/||"
done
for m in "$root"/maps/*/*.xml; do
	"$build/bench/eval_time" -n 21 -s preferred "$m" | sed "s|$root/||"
done
echo
echo "## the command, next to argmap check on the same map (median of 5 runs)"
m_check=$("$build/bench/measure" -n 5 -t 120 -- "$build/argmap" check -q "$map")
m_eval=$("$build/bench/measure" -n 5 -t 120 -- "$build/argmap" eval -q "$map")
m_pref=$("$build/bench/measure" -n 5 -t 120 -- "$build/argmap" eval -q --semantics preferred "$map")
med() { sed -n 's/.*median_s=\([0-9.]*\).*/\1/p' <<<"$1"; }
echo "check:            $m_check"
echo "eval grounded:    $m_eval"
echo "eval preferred:   $m_pref"
awk -v c="$(med "$m_check")" -v g="$(med "$m_eval")" -v p="$(med "$m_pref")" \
	'BEGIN { printf "ratios to check: grounded %.2f, preferred %.2f\n", g / c, p / c }'
