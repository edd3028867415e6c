#!/usr/bin/env bash
# bench/run.sh - the argmap benchmark (issue 3, section 8).
#
# For each size it generates a synthetic map (bench/gen_map) and measures,
# side by side on the same file:
#   check:   argmap check MAP          vs  xmllint --noout --relaxng docs/argmap.rng MAP
#   render:  argmap render -T svg MAP  vs  dot -Tsvg MAP.dot
#            (MAP.dot is what `argmap render -T dot` wrote for MAP)
# reporting the median wall time, the peak RSS and the ratios argmap/peer.
# The table goes to stdout and to bench/results.md.
#
# Settings (environment variables):
#   BENCH_SIZES     claims per map                 (default "10 100 1000 5000 20000")
#   BENCH_REPEATS   runs per command, every size   (default 5 below 5,000 claims,
#                                                   3 below 20,000, 1 from 20,000;
#                                                   check and xmllint at least 5)
#   BENCH_TIMEOUT   seconds per run before it is killed (default 300)
#   BENCH_SEED      generator seed                 (default 1)
#   BENCH_BUILD     build folder                   (default build-bench; configured
#                                                   as Release and built if needed)
#   BENCH_RESULTS   where to write the table       (default bench/results.md, which
#                                                   also updates bench/README.md; "-": nowhere)
#   BENCH_RENDER_ARGS  extra options for both argmap render runs (default none)
#   BENCH_FULL_DOT=0  skip `dot -Glayout=dot` on DOT files that carry argmap's own
#                   layout (layout=nop); at 20,000 claims it runs into the timeout
#   BENCH_KEEP=1    keep the work folder with the maps, DOT and SVG files
#   BENCH_NO_BUILD=1  use the binaries in BENCH_BUILD as they are
#   BENCH_CHECK_ONLY=1  measure only check vs xmllint (skip the render part)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
sizes=${BENCH_SIZES:-"10 100 1000 5000 20000"}
timeout=${BENCH_TIMEOUT:-300}
full_dot=${BENCH_FULL_DOT:-1}
nop_note=0
seed=${BENCH_SEED:-1}
build=${BENCH_BUILD:-$root/build-bench}
results=${BENCH_RESULTS:-$here/results.md}
read -r -a render_args <<<"${BENCH_RENDER_ARGS:-}"
schema=$root/docs/argmap.rng

die() { echo "bench/run.sh: $*" >&2; exit 2; }
trap 'echo "bench/run.sh: line $LINENO: command failed" >&2' ERR

for tool in xmllint dot cmake; do
	command -v "$tool" >/dev/null || die "'$tool' is not installed"
done
case $timeout in '' | *[!0-9]*) die "BENCH_TIMEOUT must be a whole number of seconds" ;; esac

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
	if [ ! -f "$build/CMakeCache.txt" ]; then
		cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
			>"$build.configure.log" 2>&1 || die "cmake failed: see $build.configure.log"
		rm -f "$build.configure.log"
	fi
	cmake --build "$build" --target bench >/dev/null || die "build failed (cmake --build $build --target bench)"
fi
argmap=$build/argmap
gen=$build/bench/gen_map
measure=$build/bench/measure
for f in "$argmap" "$gen" "$measure"; do [ -x "$f" ] || die "$f is missing: build the 'bench' target"; done

# Is the renderer in this build? (It is written alongside this benchmark.)
have_render=0
if "$argmap" render --help >"$build/render-help.txt" 2>&1; then
	have_render=1
	# let our timeout, not the renderer's default limit (60 s), decide
	if grep -q -- --time-limit "$build/render-help.txt"; then
		render_args=(--time-limit "$((timeout + 30))" "${render_args[@]}")
	fi
	grep -q -- --quiet "$build/render-help.txt" && render_args=(-q "${render_args[@]}")
fi
rm -f "$build/render-help.txt"
[ "${BENCH_CHECK_ONLY:-0}" = 1 ] && have_render=0
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

work=$(mktemp -d "${TMPDIR:-/tmp}/argmap-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
	echo "bench/run.sh: keeping the work folder $work" >&2
else
	trap 'rm -rf "$work"' EXIT
fi

repeats_for() {
	if [ -n "${BENCH_REPEATS:-}" ]; then echo "$BENCH_REPEATS"
	elif [ "$1" -lt 5000 ]; then echo 5
	elif [ "$1" -lt 20000 ]; then echo 3
	else echo 1
	fi
}

# measure K OUT CMD...: sets m_status m_median m_rss (KiB) from one measure run.
run_measure() {
	local k=$1 out=$2 line
	shift 2
	line=$("$measure" -n "$k" -t "$timeout" -o "$out" -- "$@" 2>"$work/stderr") || true
	m_status=$(sed -n 's/.*status=\([a-z]*\).*/\1/p' <<<"$line")
	m_median=$(sed -n 's/.*median_s=\([0-9.]*\).*/\1/p' <<<"$line")
	m_rss=$(sed -n 's/.*maxrss_kib=\([0-9]*\).*/\1/p' <<<"$line")
	m_cpu=$(sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' <<<"$line")
	[ -n "$m_status" ] || m_status=error
	if [ "$m_status" != ok ]; then
		echo "bench/run.sh: '$*' -> $line" >&2
		sed -n '1,5s/^/    /p' "$work/stderr" >&2
	fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run_check_pair K: `argmap check` and `xmllint --relaxng` on $map, one run
# of each in turn, K times, so that noise from the rest of the machine falls
# on both alike. Sets a_st a_t a_m a_c (argmap) and x_st x_t x_m x_c
# (xmllint): status, median wall and cpu time, largest peak RSS.
run_check_pair() {
	local k=$1 i at=() ac=() xt=() xc=()
	a_st=ok x_st=ok a_m=0 x_m=0
	for ((i = 0; i < k; i++)); do
		run_measure 1 /dev/null "$argmap" check -q "$map"
		[ "$m_status" = ok ] || a_st=$m_status
		at+=("${m_median:-0}") ac+=("${m_cpu:-0}")
		[ "${m_rss:-0}" -gt "$a_m" ] && a_m=$m_rss
		run_measure 1 /dev/null xmllint --noout --relaxng "$schema" "$map"
		[ "$m_status" = ok ] || x_st=$m_status
		xt+=("${m_median:-0}") xc+=("${m_cpu:-0}")
		[ "${m_rss:-0}" -gt "$x_m" ] && x_m=$m_rss
	done
	a_t=$(median "${at[@]}") a_c=$(median "${ac[@]}")
	x_t=$(median "${xt[@]}") x_c=$(median "${xc[@]}")
}

# fmt_time STATUS SECONDS: "0.123 s", "> 300 s", "failed"
fmt_time() {
	case $1 in
	ok) awk -v t="$2" 'BEGIN { printf(t < 10 ? "%.3f s" : "%.1f s", t) }' ;;
	timeout) echo "> $timeout s" ;;
	*) echo "failed" ;;
	esac
}
fmt_cpu() { [ "$1" = ok ] && awk -v t="$2" 'BEGIN { printf(t < 10 ? "%.3f s" : "%.1f s", t) }' || echo "-"; }
fmt_mem() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf("%.1f MiB", k / 1024) }' || echo "-"; }
# ratio STATUS_A A STATUS_B B: "1.23x", or a bound when one side timed out
ratio() {
	if [ "$1" = ok ] && [ "$3" = ok ]; then
		awk -v a="$2" -v b="$4" 'BEGIN { if (b > 0) printf("%.2fx", a / b); else print "-" }'
	elif [ "$1" = ok ] && [ "$3" = timeout ]; then
		awk -v a="$2" -v b="$timeout" 'BEGIN { printf("< %.3fx", a / b) }'
	elif [ "$1" = timeout ] && [ "$3" = ok ]; then
		awk -v a="$timeout" -v b="$4" 'BEGIN { printf("> %.1fx", a / b) }'
	else echo "-"
	fi
}
mem_ratio() {
	if [ -n "$1" ] && [ -n "$2" ] && [ "$2" -gt 0 ]; then
		awk -v a="$1" -v b="$2" 'BEGIN { printf("%.2fx", a / b) }'
	else echo "-"; fi
}

check_rows=()
render_rows=()
check_verdicts=()
verdicts=()

for n in $sizes; do
	case $n in '' | *[!0-9]*) die "BENCH_SIZES holds '$n', not a number" ;; esac
	k=$(repeats_for "$n")
	map=$work/map-$n.xml
	"$gen" "$n" "$seed" >"$map"
	kib=$(( $(stat -c %s "$map") / 1024 ))
	echo "== $n claims ($kib KiB), $k run(s) each" >&2

	# ------------------------------------------------------------- check
	# at least 21 runs below 5,000 claims, 11 below 20,000 and 5 from there (one check takes
	# 0.5 s at 20,000 claims): one run of each side is at the mercy of the
	# machine's noise, and start-up (a few ms) is what small maps measure
	kc=$k
	if [ -z "${BENCH_REPEATS:-}" ]; then
		if [ "$n" -lt 5000 ]; then [ "$kc" -ge 21 ] || kc=21
		elif [ "$n" -lt 20000 ]; then [ "$kc" -ge 11 ] || kc=11
		else [ "$kc" -ge 5 ] || kc=5; fi
	fi
	run_check_pair "$kc"
	check_rows+=("| $n | $kib KiB | $kc | $(fmt_time "$a_st" "$a_t") | $(fmt_cpu "$a_st" "$a_c") | $(fmt_mem "$a_m") | $(fmt_time "$x_st" "$x_t") | $(fmt_cpu "$x_st" "$x_c") | $(fmt_mem "$x_m") | $(ratio "$a_st" "$a_t" "$x_st" "$x_t") | $(ratio "$a_st" "$a_c" "$x_st" "$x_c") | $(mem_ratio "$a_m" "$x_m") |")
	# the house issue's target, at every size: time <= 1.0x, memory <= 1.5x
	v=$(awk -v a="$a_t" -v b="$x_t" -v am="$a_m" -v xm="$x_m" -v s="$a_st$x_st" \
		'BEGIN { print (s == "okok" && a <= b && am <= 1.5 * xm) ? "met" : "NOT met" }')
	check_verdicts+=("check at $n claims <= 1.0x xmllint time and <= 1.5x its peak RSS: **$v** ($(ratio "$a_st" "$a_t" "$x_st" "$x_t"), $(mem_ratio "$a_m" "$x_m"))")

	# ------------------------------------------------------------ render
	if [ "$have_render" = 1 ]; then
		dotfile=$work/map-$n.dot
		svg=$work/map-$n.svg
		run_measure 1 /dev/null "$argmap" render "${render_args[@]}" -T dot -o "$dotfile" "$map"
		if [ "$m_status" = ok ] && [ -s "$dotfile" ]; then
			d_t=$m_median
			run_measure "$k" /dev/null "$argmap" render "${render_args[@]}" -T svg -o "$svg" "$map"
			r_st=$m_status r_t=$m_median r_m=$m_rss r_c=$m_cpu
			run_measure "$k" /dev/null dot -Tsvg "$dotfile"
			g_st=$m_status g_t=$m_median g_m=$m_rss g_c=$m_cpu
			# A DOT with layout=nop carries argmap's own positions, so `dot` only
			# draws it; say what dot's layout would take on the same graph.
			full="same"
			if [ "$full_dot" = 1 ] && grep -q 'layout=nop' "$dotfile"; then
				run_measure "$k" /dev/null dot -Glayout=dot -Tsvg "$dotfile"
				full="$(fmt_time "$m_status" "$m_median")"
				[ "$m_status" = ok ] && full="$full, $(fmt_mem "$m_rss")"
				nop_note=1
			elif grep -q 'layout=nop' "$dotfile"; then
				full="not run"
				nop_note=1
			fi
			render_rows+=("| $n | $(fmt_time ok "$d_t") | $(fmt_time "$r_st" "$r_t") | $(fmt_cpu "$r_st" "$r_c") | $(fmt_mem "$r_m") | $(fmt_time "$g_st" "$g_t") | $(fmt_cpu "$g_st" "$g_c") | $(fmt_mem "$g_m") | $(ratio "$r_st" "$r_t" "$g_st" "$g_t") | $(mem_ratio "$r_m" "$g_m") | $full |")
			case $n in 1000) goal=0.3 ;; 5000) goal=3 ;; 20000) goal=30 ;; *) goal= ;; esac
			if [ -n "$goal" ]; then
				v=$(awk -v t="$r_t" -v g="$goal" -v s="$r_st" 'BEGIN { print (s == "ok" && t <= g) ? "met" : "NOT met" }')
				verdicts+=("render -T svg at $n claims <= $goal s: **$v** ($(fmt_time "$r_st" "$r_t"))")
			fi
		else
			render_rows+=("| $n | $(fmt_time "$m_status" "$m_median") | - | - | - | - | - | - | - | - | - |")
			verdicts+=("render at $n claims: **NOT met** (argmap render -T dot failed)")
		fi
	fi
done

# ------------------------------------------------------------------ report
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
[ -n "$cpu" ] || cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ { printf("%.1f GiB", $2 / 1048576) }' /proc/meminfo)
btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
{
	echo "## Results"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) CPUs, $cpu, $mem RAM, $(uname -sr)"
	echo "- argmap $("$argmap" --version | awk '{ print $2 }') ($btype build, $("${cc:-cc}" --version | head -1)); git $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src include 2>/dev/null || echo ' + uncommitted changes in src/ or include/')"
	echo "- peers: $(xmllint --version 2>&1 | head -1 | sed 's/^xmllint: //'); $(dot -V 2>&1)"
	echo "- load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- generator seed $seed; timeout $timeout s per run; times are medians of the runs (wall clock; cpu = user + system); memory is the peak RSS over those runs (wait4, children included)"
	echo
	echo "### argmap check vs xmllint --noout --relaxng docs/argmap.rng"
	echo
	echo "Runs alternate between the two commands (one argmap check, one xmllint, and so on)."
	echo
	echo "| claims | file | runs | argmap check | cpu | peak RSS | xmllint | cpu | peak RSS | time ratio | cpu ratio | memory ratio |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	printf '%s\n' "${check_rows[@]}"
	echo
	echo "### argmap render -T svg vs dot -Tsvg on the DOT argmap wrote"
	echo
	if [ "$have_render" = 1 ]; then
		echo "| claims | argmap -T dot | argmap -T svg | cpu | peak RSS | dot -Tsvg | cpu | peak RSS | time ratio | memory ratio | dot's own layout |"
		echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
		printf '%s\n' "${render_rows[@]}"
		if [ ${#render_args[@]} -gt 0 ]; then
			echo
			echo "argmap render options: \`${render_args[*]}\`"
		fi
		if [ "$nop_note" = 1 ]; then
			echo
			echo "From some size on, argmap places the nodes itself and its DOT says \`layout=nop\` with"
			echo "every node's \`pos\`: \`dot -Tsvg\` then only draws it. The last column is"
			echo "\`dot -Glayout=dot -Tsvg\` on the same file: Graphviz's own layout of the same graph"
			echo "(same runs and timeout), what argmap would take without its own layout."
		fi
	else
		if [ "${BENCH_CHECK_ONLY:-0}" = 1 ]; then echo "Not measured this time (BENCH_CHECK_ONLY=1)."; else echo "Not measured: \`argmap render\` is not available in this build."; fi
	fi
	echo
	echo "### Targets (issue 3, section 8; house issue, section 3)"
	echo
	verdicts=("${check_verdicts[@]}" "${verdicts[@]}")
	if [ ${#verdicts[@]} -eq 0 ]; then echo "- none of the target sizes (1,000, 5,000, 20,000) was run"; fi
	for v in "${verdicts[@]}"; do echo "- $v"; done
} >"$work/results.md"

cat "$work/results.md"
if [ "$results" != - ]; then
	cp "$work/results.md" "$results"
	echo "bench/run.sh: wrote $results" >&2
	# and the "Latest results" section of bench/README.md, between its markers
	readme=$here/README.md
	if [ "$results" = "$here/results.md" ] && grep -q '^<!-- results:begin -->$' "$readme" 2>/dev/null; then
		awk -v f="$work/results.md" '
			/^<!-- results:begin -->$/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
			/^<!-- results:end -->$/ { skip = 0 }
			!skip' "$readme" >"$work/README.md" && cat "$work/README.md" >"$readme"
		echo "bench/run.sh: updated the results in $readme" >&2
	fi
fi
