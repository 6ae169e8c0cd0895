#!/usr/bin/env bash
# Runs avtal's benchmarks in one go and prints their medians against the
# targets: (a)–(d) with Google Benchmark (repetitions, median), (e) 10 000
# agreements as JSON Lines through the avtal command (median of 5 runs).
#   bench/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build/bench}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$build/bench/avtal_bench" --benchmark_repetitions=15 --benchmark_report_aggregates_only=true \
    --benchmark_format=json --benchmark_min_time=0.2 >"$tmp/bench.json" 2>/dev/null

# 10 000 agreements: the bundled Norrström–Fjällviken agreement on one line, with distinct ids.
line=$(tr -d '\n' <"$root/examples/agreements/norrstrom-fjallviken.json")
for i in $(seq 1 10000); do printf '%s\n' "${line/\"id\": \"norrstrom-fjallviken\"/\"id\": \"agreement-$i\"}"; done >"$tmp/batch.jsonl"
times=()
for run in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$build/avtal" check - --format json <"$tmp/batch.jsonl" >"$tmp/out.jsonl" || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
reports=$(wc -l <"$tmp/out.jsonl")
median_e=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)

awk -v e="$median_e" -v reports="$reports" '
function fmt(ns) { return ns >= 1000 ? sprintf("%.2f µs", ns / 1000) : sprintf("%.0f ns", ns) }
BEGIN { target["a_check_norrstrom_in_memory"] = 2000; target["b_json_read_check_report"] = 25000
        target["c_procurement_resolution_one_task"] = 200; target["d_allocation_290_parties"] = 20000 }
/"name": ".*_median"/ { split($0, q, "\""); name = q[4]; sub(/_median$/, "", name) }
/"real_time":/ && name != "" { v = $2; sub(/,$/, "", v); rt = v }
/"time_unit":/ && name != "" { u = $2; gsub(/[",]/, "", u); f = (u == "us" ? 1000 : u == "ms" ? 1000000 : u == "s" ? 1000000000 : 1); median[name] = rt * f; name = "" }
END {
  printf "%-38s %14s %12s  %s\n", "benchmark", "median", "target", "met"
  n = split("a_check_norrstrom_in_memory b_json_read_check_report c_procurement_resolution_one_task d_allocation_290_parties", order, " ")
  for (i = 1; i <= n; i++) { k = order[i]; printf "%-38s %14s %12s  %s\n", k, fmt(median[k]), fmt(target[k]), (median[k] <= target[k] ? "yes" : "NO") }
  printf "%-38s %14s %12s  %s\n", "e_cli_10000_jsonl (" reports " reports)", e " ms", "1000 ms", (e <= 1000 ? "yes" : "NO")
}' "$tmp/bench.json"
