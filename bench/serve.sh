#!/usr/bin/env bash
# Load benchmark of `avtal serve` against its peer, in one run on loopback:
# wrk POSTs the Norrström–Fjällviken agreement to /v1/check at 1, 16 and
# 64 connections (SECONDS each) and the same to a Node.js http server
# deciding procurement with json-rules-engine (bench/peers/node, installed
# here with npm); then 1 000 000 requests at 16 connections while the
# services' resident memory is read from /proc (it must not grow).
#   bench/serve.sh BUILD_DIR [SECONDS]      (./build.sh bench-serve runs it)
set -euo pipefail
build=${1:-build/bench}
seconds=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
body=$root/examples/agreements/norrstrom-fjallviken.json
tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

(cd "$root/bench/peers/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
"$build/avtal" thresholds --format json >"$tmp/thresholds.json"

start() { # start NAME COMMAND...: runs it, waits for the URL it prints
    local name=$1
    shift
    "$@" >"$tmp/$name.url" 2>"$tmp/$name.err" &
    pids+=($!)
    eval "${name}_pid=$!"
    for _ in $(seq 1 100); do
        [ -s "$tmp/$name.url" ] && break
        sleep 0.1
    done
    eval "${name}_url=\$(head -1 \"$tmp/$name.url\")"
}
start avtal "$build/avtal" serve --port 0 --threads 2 --access-log /dev/null
start node node "$root/bench/peers/node/server.js" 0 "$tmp/thresholds.json"

# Both answer the same agreement with the same decision (exempt: direct award).
curl -sf --data-binary @"$body" -H 'Content-Type: application/json' "${avtal_url}v1/check" | grep -q '"outcome":"exempt"'
curl -sf --data-binary @"$body" -H 'Content-Type: application/json' "${node_url}v1/check" | grep -q '"outcome":"exempt"'

load() { # load URL CONNECTIONS [REQUESTS_PER_THREAD] [DURATION] [PATH BODY]: prints the RESULT fields
    local threads=$(($2 < 2 ? 1 : 2))
    AVTAL_BENCH_BODY=${6-$body} AVTAL_BENCH_REQUESTS_PER_THREAD=${3:-0} \
        wrk -t"$threads" -c"$2" -d"${4:-${seconds}s}" -s "$root/bench/serve/check.lua" "${1}${5:-v1/check}" | grep '^RESULT' | cut -d' ' -f2-
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
rss() { awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "%d %d", r/1024, h/1024}' "/proc/$1/status"; }

# Warm both up (first requests, allocator pools, the JIT).
load "$avtal_url" 16 0 3s >/dev/null
load "$node_url" 16 0 3s >/dev/null

printf '%-12s | %-39s | %-39s | %s\n' "" "avtal serve (C++, Boost.Beast, 2 threads)" "Node.js http + json-rules-engine" ""
printf '%-12s | %9s %9s %9s %8s | %9s %9s %9s %8s | %s\n' connections "req/s" "p50" "p99" errors "req/s" "p50" "p99" errors "avtal/node"
rps16=0
# The rows: POST /v1/check at 1, 16 and 64 connections; then the HTTP stack
# alone, GET /healthz at 16 connections (no parse, no check: what this
# machine's loopback, kernel and wrk leave for any service to reach).
for c in 1 16 64 healthz; do
    if [ "$c" = healthz ]; then
        a=$(load "$avtal_url" 16 0 "${seconds}s" healthz "")
        n=$(load "$node_url" 16 0 "${seconds}s" healthz "")
        c="16, /healthz"
    else
        a=$(load "$avtal_url" $c)
        n=$(load "$node_url" $c)
    fi
    row=()
    for r in "$a" "$n"; do
        rps=$(awk -v q="$(field "$r" requests)" -v d="$(field "$r" duration_us)" 'BEGIN { printf "%.0f", q / (d / 1e6) }')
        row+=("$rps" "$(awk -v v="$(field "$r" p50_us)" 'BEGIN { printf "%.2f ms", v / 1000 }')" \
            "$(awk -v v="$(field "$r" p99_us)" 'BEGIN { printf "%.2f ms", v / 1000 }')" $(($(field "$r" errors) + $(field "$r" non2xx))))
    done
    [ "$c" = 16 ] && rps16=${row[0]}
    printf '%-12s | %9s %9s %9s %8s | %9s %9s %9s %8s | %.1f×\n' "$c" "${row[@]}" "$(awk -v a="${row[0]}" -v b="${row[4]}" 'BEGIN { print a / b }')"
done

# 1 000 000 requests at 16 connections (2 threads × 500 000), memory read after
# the first 100 000 and at the end.
# wrk waits out its whole -d even when every thread has stopped at its
# count, so the duration is the time the count takes at the rate measured
# above, with room (a run cut short reports the requests it made).
rps16=$(awk -v r="$rps16" 'BEGIN { print (r > 100 ? r : 100) }')
first_s=$(awk -v r="$rps16" 'BEGIN { printf "%d", 100000 / r * 1.5 + 3 }')
rest_s=$(awk -v r="$rps16" 'BEGIN { printf "%d", 900000 / r * 1.5 + 3 }')
load "$avtal_url" 16 50000 "${first_s}s" >"$tmp/first" || true
read -r rss_100k _ <<<"$(rss "$avtal_pid")"
load "$avtal_url" 16 450000 "${rest_s}s" >"$tmp/rest"
read -r rss_1m hwm_1m <<<"$(rss "$avtal_pid")"
errors=$(($(field "$(cat "$tmp/first")" errors) + $(field "$(cat "$tmp/first")" non2xx) + $(field "$(cat "$tmp/rest")" errors) + $(field "$(cat "$tmp/rest")" non2xx)))
total=$(($(field "$(cat "$tmp/first")" requests) + $(field "$(cat "$tmp/rest")" requests)))
read -r node_rss node_hwm <<<"$(rss "$node_pid")"
echo
echo "avtal serve after $total requests at 16 connections ($errors errors): RSS ${rss_1m} MiB (after the first 100 000: ${rss_100k} MiB), peak ${hwm_1m} MiB"
echo "node peer after its runs above: RSS ${node_rss} MiB, peak ${node_hwm} MiB"
