#!/usr/bin/env bash
# bench/layout.sh - how readable argmap's drawings are next to Graphviz's own
# `dot` layout of the same graph, and how long each takes (issue 17).
#
# For each generated size (bench/gen_map) and each bundled map it runs, side
# by side on the same graph:
#   argmap render -T svg MAP                     (argmap's layout: its own
#                                                 from 1,000 drawn nodes, dot below)
#   dot -Glayout=dot -Tsvg MAP.dot               (MAP.dot: what argmap render
#                                                 -T dot wrote; same labels,
#                                                 attributes and bounds)
# and reads both SVGs with bench/readability: mean edge length / node width,
# edge crossings, (edge, node) pairs where an edge runs through a box it
# does not end at, drawing area per node. Prints one table with the ratios
# argmap / dot.
#
# Settings (environment variables):
#   LAYOUT_SIZES    claims per generated map      (default "1000 5000 20000")
#   LAYOUT_MAPS     bundled maps                  (default maps/*/*.xml that
#                                                  import nothing else's parts)
#   LAYOUT_DOT_MAX  largest size dot is run on    (default 5000: at 20,000
#                                                  claims dot takes > 5 minutes)
#   LAYOUT_TIMEOUT  seconds per run               (default 300)
#   LAYOUT_REPEATS  runs per timing               (default 3 below 5,000 claims, else 1)
#   BENCH_BUILD     build folder                  (default build-bench, Release)
#   BENCH_NO_BUILD=1  use the binaries in BENCH_BUILD as they are
#   LAYOUT_KEEP=DIR   keep the SVGs in DIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
sizes=${LAYOUT_SIZES:-"1000 5000 20000"}
dot_max=${LAYOUT_DOT_MAX:-5000}
timeout=${LAYOUT_TIMEOUT:-300}
build=${BENCH_BUILD:-$root/build-bench}

die() { echo "bench/layout.sh: $*" >&2; exit 2; }
command -v dot >/dev/null || die "'dot' is not installed"
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
	if [ ! -f "$build/CMakeCache.txt" ]; then
		cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null ||
			die "cmake failed"
	fi
	cmake --build "$build" --target bench >/dev/null || die "build failed"
fi
argmap=$build/argmap gen=$build/bench/gen_map measure=$build/bench/measure
read_svg=$build/bench/readability
for f in "$argmap" "$gen" "$measure" "$read_svg"; do [ -x "$f" ] || die "$f is missing"; done

if [ -n "${LAYOUT_KEEP:-}" ]; then
	work=$LAYOUT_KEEP
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/argmap-layout.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
if [ -n "${LAYOUT_MAPS+set}" ]; then
	read -r -a maps <<<"$LAYOUT_MAPS"
else
	maps=("$root"/maps/example/cycle-lane.xml "$root"/maps/ukraine-2025/{carnegie,cnn,foreign-affairs,debate}.xml)
fi

# timed NAME K OUT CMD...: sets t_st (ok/timeout/fail) and t_s (median seconds)
timed() {
	local k=$1 out=$2 line
	shift 2
	line=$("$measure" -n "$k" -t "$timeout" -o "$out" -- "$@" 2>"$work/stderr") || true
	t_st=$(sed -n 's/.*status=\([a-z]*\).*/\1/p' <<<"$line")
	t_s=$(sed -n 's/.*median_s=\([0-9.]*\).*/\1/p' <<<"$line")
	t_c=$(sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' <<<"$line")
	[ -n "$t_st" ] || t_st=error
	[ "$t_st" = ok ] || { echo "bench/layout.sh: '$*': $line" >&2; sed -n '1,3s/^/    /p' "$work/stderr" >&2; }
}

# fig FILE KEY: one figure of bench/readability's line for FILE
fig() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<" $1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print (a == b && a != "" ? "1.00x" : "-"); else printf("%.2fx", a / b) }'; }
fmt_t() { [ "$1" = ok ] && awk -v t="$2" 'BEGIN { printf(t < 10 ? "%.2f s" : "%.1f s", t) }' || { [ "$1" = timeout ] && echo "> $timeout s" || echo "$1"; }; }

rows=()
verdicts=()
measure_one() { # LABEL MAP CLAIMS(or "")
	local label=$1 map=$2 n=$3 base k a d a_st a_t a_c d_st d_t d_c
	base=$work/${label//\//-}
	k=${LAYOUT_REPEATS:-$([ -n "$n" ] && [ "$n" -ge 5000 ] && echo 1 || echo 3)}
	"$argmap" render -q --time-limit "$((timeout + 30))" -T dot -o "$base.dot" "$map"
	timed "$k" /dev/null "$argmap" render -q --time-limit "$((timeout + 30))" -T svg -o "$base.argmap.svg" "$map"
	a_st=$t_st a_t=$t_s a_c=$t_c
	a=$("$read_svg" "$base.argmap.svg")
	if [ -z "$n" ] || [ "$n" -le "$dot_max" ]; then
		timed "$k" "$base.dot.svg" dot -Glayout=dot -Tsvg "$base.dot"
		d_st=$t_st d_t=$t_s d_c=$t_c
		d=$([ "$d_st" = ok ] && "$read_svg" "$base.dot.svg" || true)
	else
		d_st="not run" d_t="" d_c="" d=""
	fi
	local e c th ar
	e=$(fig "$a" edges)
	rows+=("| $label | $(fig "$a" nodes) / $e | $(fmt_t "$a_st" "$a_t") | $(fmt_t "$d_st" "$d_t") | $(ratio "$a_t" "$d_t") | $(fmt_t "$a_st" "$a_c") | $(fmt_t "$d_st" "$d_c") | $(ratio "$a_c" "$d_c") | $(fig "$a" len) | $(fig "$d" len) | $(ratio "$(fig "$a" len)" "$(fig "$d" len)") | $(fig "$a" median) | $(fig "$d" median) | $(ratio "$(fig "$a" median)" "$(fig "$d" median)") | $(fig "$a" crossings) | $(fig "$d" crossings) | $(ratio "$(fig "$a" crossings)" "$(fig "$d" crossings)") | $(fig "$a" through) | $(fig "$d" through) | $(ratio "$(fig "$a" through)" "$(fig "$d" through)") | $(fig "$a" area) | $(fig "$d" area) | $(ratio "$(fig "$a" area)" "$(fig "$d" area)") |")
	per_edge+=("| $label | $(awk -v c="$(fig "$a" crossings)" -v t="$(fig "$a" through)" -v e="$e" 'BEGIN { printf("%.3f | %.3f", c / e, t / e) }') | $(fig "$a" len) | $(fig "$a" median) | $(fig "$a" area) |")
	echo "$label: argmap $a_st ${a_t}s [$a] / dot $d_st ${d_t}s [$d]" >&2
	# the targets of issue 17, for the generated sizes
	[ -n "$n" ] || return 0
	local f ok=met why=""
	if [ "$n" -le 5000 ]; then
		if [ -z "$d" ]; then
			verdicts+=("$n claims: each figure <= 1.1x dot's and time <= 0.5x: **not measured** (dot: $d_st)")
		else
			for f in len crossings through area; do
				awk -v a="$(fig "$a" $f)" -v b="$(fig "$d" $f)" 'BEGIN { exit !(a <= 1.1 * b) }' ||
					{ ok="NOT met"; why="$why $f $(ratio "$(fig "$a" $f)" "$(fig "$d" $f)")"; }
			done
			awk -v a="$a_c" -v b="$d_c" 'BEGIN { exit !(a <= 0.5 * b) }' ||
				{ ok="NOT met"; why="$why cpu $(ratio "$a_c" "$d_c")"; }
			verdicts+=("$n claims: each of len, crossings, through, area <= 1.1x dot's and CPU time <= 0.5x: **$ok**${why:+ (over:$why)}")
		fi
	else
		awk -v t="$a_t" -v s="$a_st" 'BEGIN { exit !(s == "ok" && t < 30) }' || { ok="NOT met"; why=" wall ${a_t} s"; }
		verdicts+=("$n claims: under 30 s wall: **$ok** ($(fmt_t "$a_st" "$a_t"), CPU $(fmt_t "$a_st" "$a_c"))")
	fi
	[ "$(fig "$a" through)" = 0 ] && verdicts+=("$n claims: no edge through a box: **met**") ||
		verdicts+=("$n claims: no edge through a box: **NOT met** ($(fig "$a" through))")
}

per_edge=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for n in $sizes; do
	"$gen" "$n" 1 >"$work/gen-$n.xml"
	measure_one "gen-$n" "$work/gen-$n.xml" "$n"
done
for m in "${maps[@]}"; do
	measure_one "$(basename "$(dirname "$m")")/$(basename "$m" .xml)" "$m" ""
done

echo "## Layout readability: argmap vs dot -Glayout=dot on the same DOT"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); git $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted changes in src/')"
echo "- $(dot -V 2>&1); load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- times: median wall clock and median user+system CPU (children included) of the runs; the CPU figures are what a shared machine disturbs least
- len: mean edge length / mean node width; median: the median edge length / node width; crossings: edge crossings; through: (edge, node) pairs where an edge runs through a box it does not end at; area: bounding box pt^2 per node (bench/readability.c)"
echo
echo "| map | nodes / edges | argmap | dot | time ratio | argmap cpu | dot cpu | cpu ratio | len argmap | dot | ratio | median argmap | dot | ratio | crossings argmap | dot | ratio | through argmap | dot | ratio | area/node argmap | dot | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Targets (issue 17):"
echo
printf -- '- %s\n' "${verdicts[@]}"
echo
echo "Per edge (argmap; issue 17 asks that 20,000 claims be no worse than 5,000):"
echo
echo "| map | crossings / edge | through / edge | len | median | area/node |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${per_edge[@]}"
