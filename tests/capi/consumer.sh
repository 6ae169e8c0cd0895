#!/usr/bin/env bash
# Acceptance 1: a C program that includes only <avtal/avtal.h> and links
# -lavtal, found by `pkg-config --cflags --libs avtal` against an installed
# prefix, checks the Norrström agreement and prints the Markdown memo —
# exactly the memo the installed avtal command writes.
#   consumer.sh BUILD_DIR SOURCE_DIR CC PKG_CONFIG
set -euo pipefail
build=$1 src=$2 cc=$3 pkgconfig=$4
for tool in "$cc" "$pkgconfig"; do
    command -v "$tool" >/dev/null || { echo "consumer: $tool is missing (./build.sh test installs it)" >&2; exit 1; }
done
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix/usr" >/dev/null
pc=$(find "$prefix/usr" -name avtal.pc)
[ -n "$pc" ] || { echo "consumer: avtal.pc was not installed" >&2; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_LIBDIR=$(dirname "$pc")
flags=$("$pkgconfig" --cflags --libs avtal)
echo "consumer: pkg-config --cflags --libs avtal: $flags"
# The header alone is C99 (and C++).
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror $("$pkgconfig" --cflags avtal) -fsyntax-only -x c - <<<'#include <avtal/avtal.h>'
# The example, against the installed prefix only.
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror "$src/examples/c/norrstrom.c" $flags -o "$prefix/norrstrom"
readelf -d "$prefix/norrstrom" | grep -q 'NEEDED.*\[libavtal.so.1\]' || { echo "consumer: not linked against libavtal.so.1" >&2; exit 1; }
libdir=$("$pkgconfig" --variable=libdir avtal)
cd "$src"
set +e
LD_LIBRARY_PATH=$libdir "$prefix/norrstrom" examples/agreements/norrstrom-fjallviken.json >"$prefix/memo.md"
code=$?
"$prefix/usr/bin/avtal" check examples/agreements/norrstrom-fjallviken.json --format markdown >"$prefix/expected.md"
set -e
[ $code -eq 0 ] || { echo "consumer: exit code $code, expected 0" >&2; exit 1; }
echo "(avtal $("$prefix/usr/bin/avtal" --version | awk '{print $2}'), exit code 0)" >>"$prefix/expected.md"
diff "$prefix/expected.md" "$prefix/memo.md"
head -3 "$prefix/memo.md"
echo "consumer: the C program over the installed libavtal.so.1 prints the memo of the installed avtal command"
