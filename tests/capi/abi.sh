#!/usr/bin/env bash
# The ABI of libavtal.so.1 against the committed baseline
# (src/capi/libavtal.abi, written by abidw): abidiff from Debian's
# abigail-tools fails on any change of an exported function or of a type it
# uses (avtal_options' layout, avtal_status' values), not only of a name.
# It first shows that it can fail: a baseline with avtal_options one field
# larger must be reported. After an intended, compatible addition,
# regenerate the baseline from a RelWithDebInfo build (./build.sh test):
#   abidw --no-corpus-path --no-comp-dir-path --short-locs --exported-interfaces-only --drop-undefined-syms \
#       --header-file "$PWD/include/avtal/avtal.h" --drop-private-types build/test/src/capi/libavtal.so.1 > src/capi/libavtal.abi
#   abi.sh ABIDIFF LIBAVTAL BASELINE
set -uo pipefail
abidiff=$1 lib=$2 baseline=$3
command -v "$abidiff" >/dev/null || { echo "abi: $abidiff is missing (./build.sh test installs abigail-tools)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The check can fail: avtal_options grown by 64 bits in the baseline.
sed -E "s/(class-decl name='avtal_options' size-in-bits=')([0-9]+)'/\1BITS\2'/" "$baseline" >"$tmp/grown.abi"
bits=$(grep -oE "BITS[0-9]+" "$tmp/grown.abi" | head -1 | tr -d BITS)
[ -n "$bits" ] || { echo "abi: avtal_options is not in $baseline" >&2; exit 1; }
sed -i "s/BITS$bits/$((bits + 64))/" "$tmp/grown.abi"
if "$abidiff" --exported-interfaces-only "$tmp/grown.abi" "$lib" >"$tmp/grown.txt"; then
    echo "abi: abidiff did not notice a changed avtal_options" >&2
    exit 1
fi
"$abidiff" --exported-interfaces-only "$baseline" "$lib"
status=$?
if [ $status -ne 0 ]; then
    echo "abi: libavtal.so.1 differs from $baseline (abidiff status $status)" >&2
    exit 1
fi
echo "abi: libavtal.so.1 matches $baseline (abidiff; and a changed avtal_options is noticed)"
