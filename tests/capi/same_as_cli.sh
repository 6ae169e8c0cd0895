#!/usr/bin/env bash
# The C API answers byte for byte as the avtal command: for every bundled
# agreement in each format and language, with and without --all and --date,
# every malformed document,
# allocate, thresholds, explain, forms and a JSON Lines batch, the standard
# output, standard error and exit code of `avtal ARGS` and of capi_cli ARGS
# (the same over libavtal.so.1) must be equal.
#   same_as_cli.sh AVTAL CAPI_CLI REPO
set -u
avtal=$1 capi=$2 repo=$3
cd "$repo"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0 failed=0
same() {
    runs=$((runs + 1))
    "$avtal" "$@" >"$tmp/a.out" 2>"$tmp/a.err"
    echo "exit $?" >>"$tmp/a.out"
    "$capi" "$@" >"$tmp/c.out" 2>"$tmp/c.err"
    echo "exit $?" >>"$tmp/c.out"
    if ! cmp -s "$tmp/a.out" "$tmp/c.out" || ! cmp -s "$tmp/a.err" "$tmp/c.err"; then
        failed=$((failed + 1))
        echo "differs: $*"
        diff "$tmp/a.out" "$tmp/c.out" | head -5
        diff "$tmp/a.err" "$tmp/c.err" | head -5
    fi
}
for f in examples/agreements/*.json; do
    same check "$f"
    same check "$f" --format json --lang en --all
    same check "$f" --format markdown --all
    same check "$f" --format markdown --lang en
    same check "$f" --format text --lang en --all --date 2026-06-01
    same guide "$f" --format markdown --lang en
    same allocate "$f"
    same allocate "$f" --format json --lang en
done
for f in tests/malformed/*.json; do same check "$f" --format json; done
same check tests/cli/batch.jsonl --format json
same check tests/cli/batch-array.json
same check examples/agreements/what-if-payroll.json --thresholds examples/thresholds/raised-general-limit.json
same thresholds
same thresholds --format json
same thresholds --date 2024-03-01 --lang en
same thresholds --date 2010-01-01
same thresholds --thresholds examples/thresholds/raised-general-limit.json --date 2026-06-01
for id in party.kind_allowed task.roles delegation.non_delegable compensation.no_profit information.records content.children \
    procurement.required exception.direct_award exception.teckal party.nonsense; do
    same explain $id
    same explain $id --lang en
done
same forms tests/cli/needs-quick.json
same forms tests/cli/needs-quick.json --format json --lang en
same forms tests/malformed/ref-principal.json
echo "same_as_cli: $runs comparisons, $failed differ"
[ "$runs" -gt 250 ] && [ "$failed" -eq 0 ]
