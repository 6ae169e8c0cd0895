#!/usr/bin/env bash
# libavtal.so.1 exports exactly the C API: `nm -D --defined-only` lists only
# avtal_ symbols, and exactly those of the committed list
# (src/capi/libavtal.symbols). Adding, removing or renaming an exported
# symbol fails here until the list is updated on purpose (and, for a removal
# or an incompatible change, the SONAME's number raised).
#   symbols.sh LIBAVTAL.so.1 BASELINE
set -euo pipefail
lib=$1 baseline=$2
actual=$(nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | LC_ALL=C sort)
status=0
if strays=$(grep -v '^avtal_' <<<"$actual"); then
    echo "symbols: exported symbols without the avtal_ prefix:" >&2
    echo "$strays" >&2
    status=1
fi
if ! diff <(grep -v '^#' "$baseline") <(echo "$actual"); then
    echo "symbols: the exported symbols of $lib differ from $baseline (< baseline, > library)" >&2
    status=1
fi
soname=$(objdump -p "$lib" | awk '$1 == "SONAME" {print $2}')
if [ "$soname" != libavtal.so.1 ]; then
    echo "symbols: SONAME is '$soname', expected libavtal.so.1" >&2
    status=1
fi
[ $status -eq 0 ] && echo "symbols: $(wc -l <<<"$actual") avtal_ symbols, as in $baseline; SONAME $soname"
exit $status
