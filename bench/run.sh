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

"$build/bench/avtal_bench" --benchmark_repetitions=15 --benchmark_report_aggregates_only=true --benchmark_enable_random_interleaving=true \
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

# Python over the C API, per call (the standard library's ctypes, Debian's python3).
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" "$root/bench/python.py" "$build/src/capi/libavtal.so.1" "$root" >"$tmp/python.txt"

awk -v e="$median_e" -v reports="$reports" -v pyfile="$tmp/python.txt" '
function fmt(ns) { return ns >= 1000 ? sprintf("%.2f µs", ns / 1000) : sprintf("%.0f ns", ns) }
BEGIN { target["a_check_norrstrom_in_memory"] = 2000; target["b_json_read_check_report"] = 8000
        target["c_procurement_resolution_one_task"] = 200; target["d_allocation_290_parties"] = 20000 }
/"name": ".*_median"/ { split($0, q, "\""); name = q[4]; sub(/_median$/, "", name) }
/"real_time":/ && name != "" { v = $2; sub(/,$/, "", v); rt = v }
/"cpu_time":/ && name != "" { v = $2; sub(/,$/, "", v); ct = v }
/"time_unit":/ && name != "" { u = $2; gsub(/[",]/, "", u); f = (u == "us" ? 1000 : u == "ms" ? 1000000 : u == "s" ? 1000000000 : 1); median[name] = rt * f; cpu[name] = ct * f; name = "" }
END {
  printf "%-38s %14s %12s  %s\n", "benchmark", "median", "target", "met"
  n = split("a_check_norrstrom_in_memory b_json_read_check_report c_procurement_resolution_one_task d_allocation_290_parties", order, " ")
  for (i = 1; i <= n; i++) { k = order[i]; printf "%-38s %14s %12s  %s\n", k, fmt(median[k]), fmt(target[k]), (median[k] <= target[k] ? "yes" : "NO") }
  printf "%-38s %14s %12s  %s\n", "e_cli_10000_jsonl (" reports " reports)", e " ms", "1000 ms", (e <= 1000 ? "yes" : "NO")
  # The C API against the C++ API: CPU time, which a machine shared with
  # other work disturbs least (wall time beside it).
  f = cpu["f_capi_avtal_check_json"]; g = cpu["g_cpp_run_check_json"]
  printf "%-38s %14s %12s  (wall %s)\n", "f_capi_avtal_check_json (CPU)", fmt(f), "≤ g + 10 %", fmt(median["f_capi_avtal_check_json"])
  printf "%-38s %14s %12s  (wall %s)\n", "g_cpp_run_check_json (CPU)", fmt(g), "", fmt(median["g_cpp_run_check_json"])
  printf "%-38s %13.1f %% %12s  %s\n", "C API overhead (f / g - 1)", (f / g - 1) * 100, "10 %", (f <= g * 1.10 ? "yes" : "NO")
  while ((getline line < pyfile) > 0) { split(line, p, " "); py[p[1]] = p[2] }
  printf "%-38s %14s   (+%s over f)\n", "python raw ctypes avtal_check (CPU)", fmt(py["py_raw_avtal_check"]), fmt(py["py_raw_avtal_check"] - f)
  printf "%-38s %14s   (+%s over f)\n", "python avtal._native.call (CPU)", fmt(py["py_ctypes_avtal_check"]), fmt(py["py_ctypes_avtal_check"] - f)
  printf "%-38s %14s   (+%s over f)\n", "python avtal.render(json) (CPU)", fmt(py["py_render_json"]), fmt(py["py_render_json"] - f)
  printf "%-38s %14s   (+%s over f)\n", "python avtal.check() -> Report (CPU)", fmt(py["py_check_report"]), fmt(py["py_check_report"] - f)
  printf "%-38s %14s   (same process, interleaved)\n", "python avtal.check() - raw ctypes", fmt(py["py_check_report"] - py["py_raw_avtal_check"])
}' "$tmp/bench.json"
