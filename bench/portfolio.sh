#!/usr/bin/env bash
# The portfolio benchmark (issue 18): a generated country of 290
# municipalities and 21 regions with 20 agreements each (6 220 agreements,
# one in four reciprocal), and every party's report written in JSON and in
# Markdown by `avtal portfolio --all-parties`. Measured at 1×, 4× and 16×
# that country (wall time and peak RSS, median of 3 runs per format), with
# the ratios to 1×. Target at 1×: JSON + Markdown ≤ 2 s wall, peak RSS ≤ 500 MB.
#   bench/portfolio.sh [AVTAL] [SCALES]   (default: build/release/avtal, "1 4 16")
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
avtal=${1:-$root/build/release/avtal}
scales=${2:-1 4 16}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() { # measure SCALE FORMAT -> "wall_s peak_kB cpu_s" (median of 3 by wall time)
    local runs=()
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$avtal" portfolio --all-parties --year 2025 --format "$2" --max-input-size 2G \
            "$tmp/country-$1.jsonl" >"$tmp/out.$2" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
        runs+=("$(awk '{ printf "%s %s %.2f", $1, $2, $3 + $4 }' "$tmp/time")")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

# Wall time depends on what else the machine runs; CPU time (user + sys) is shown beside it.
printf '%-6s %10s %8s %8s %8s %8s %8s %9s %7s %8s %8s\n' scale agreements "in MB" "json s" "md s" "wall s" "cpu s" "wall ×" "cpu ×" "RSS MB" "out MB"
base=""
cbase=""
for s in $scales; do
    python3 "$root/bench/portfolio_gen.py" "$s" >"$tmp/country-$s.jsonl"
    n=$(wc -l <"$tmp/country-$s.jsonl")
    mb=$(du -m "$tmp/country-$s.jsonl" | cut -f1)
    read -r tj mj cj <<<"$(measure "$s" json)"
    outj=$(du -m "$tmp/out.json" | cut -f1)
    read -r tm mm cm <<<"$(measure "$s" markdown)"
    total=$(awk -v a="$tj" -v b="$tm" 'BEGIN { printf "%.2f", a + b }')
    cpu=$(awk -v a="$cj" -v b="$cm" 'BEGIN { printf "%.2f", a + b }')
    [ -n "$base" ] || { base=$total; cbase=$cpu; }
    ratio=$(awk -v t="$total" -v b="$base" 'BEGIN { printf "%.1f", t / b }')
    cratio=$(awk -v t="$cpu" -v b="$cbase" 'BEGIN { printf "%.1f", t / b }')
    rss=$(( (mj > mm ? mj : mm) / 1024 ))
    printf '%-6s %10s %8s %8s %8s %8s %8s %9s %7s %8s %8s\n' "${s}×" "$n" "$mb" "$tj" "$tm" "$total" "$cpu" "$ratio" "$cratio" "$rss" "$outj"
    rm -f "$tmp/country-$s.jsonl"
done
