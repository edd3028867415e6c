#!/usr/bin/env bash
# bench/html.sh - the web view's benchmark (issue 13, section 4): time to
# the first fitted frame and to a search result in headless Chromium, and
# the file size, of `argmap render -T html` against the SVG alone, for
# generated maps (bench/gen_map) of BENCH_SIZES claims. Where the time goes:
# node bench/html_profile.mjs PAGE.html [QUERY] (a DevTools trace, per phase).
#
#   bench/html.sh                 (after cmake --build build --target bench)
#
# Settings: BENCH_SIZES (default "100 1000 5000"), BENCH_REPEATS (default 3),
# BENCH_BUILD (default build), BENCH_RESULTS (default bench/html-results.md,
# "-": nowhere). The table goes to stdout too.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BENCH_BUILD:-$root/build}
sizes=${BENCH_SIZES:-"100 1000 5000"}
repeats=${BENCH_REPEATS:-3}
results=${BENCH_RESULTS:-$here/html-results.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$build/bench/gen_map" ] || cmake --build "$build" --target bench >/dev/null

table="| claims | SVG bytes | HTML bytes | HTML/SVG | SVG first frame | HTML first fitted frame | HTML/SVG | search (matches) |
|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  "$build/bench/gen_map" "$n" 1 > "$work/m$n.xml"
  "$build/argmap" render -q -o "$work/m$n.svg" "$work/m$n.xml"
  "$build/argmap" render -q -T html -o "$work/m$n.html" "$work/m$n.xml"
  out=$(node "$here/html_bench.mjs" "$repeats" "support" "$work/m$n.svg" "$work/m$n.html")
  svg_ms=$(echo "$out" | sed -n 1p | /usr/bin/python3 -c 'import json,sys; print(round(json.load(sys.stdin)["paint_ms"]))')
  read -r html_ms search_ms matches bad < <(echo "$out" | sed -n 2p | /usr/bin/python3 -c '
import json,sys; d=json.load(sys.stdin)
print(round(d["paint_ms"]), round(d["search_ms"],1), d["matches"], d["errors"]+d["requests"])')
  [ "$bad" = 0 ] || { echo "html.sh: console errors or requests at $n claims" >&2; exit 1; }
  sb=$(stat -c %s "$work/m$n.svg"); hb=$(stat -c %s "$work/m$n.html")
  row=$(/usr/bin/python3 -c "print('| $n | {:,} | {:,} | {:.2f} | $svg_ms ms | $html_ms ms | {:.2f} | $search_ms ms ($matches) |'.format($sb,$hb,$hb/$sb,$html_ms/max($svg_ms,1)))")
  table="$table
$row"
done
echo "$table"
if [ "$results" != - ]; then
  {
    echo "# The web view: bench/html.sh"
    echo
    echo "Headless Chromium $(chromium --version 2>/dev/null | awk '{print $2}'), 1400x900, medians of $repeats fresh loads;"
    echo "maps from bench/gen_map N 1; search for \"support\" (a word in many texts)."
    echo "First frame: navigation start to the animation frame after the one the viewer first"
    echo "drew its fitted view in (so that frame's raster is counted; for the SVG alone: after"
    echo "its load event). Search: input event to the next frame, every match marked and listed."
    echo
    echo "$table"
  } > "$results"
fi
