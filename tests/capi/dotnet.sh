#!/usr/bin/env bash
# Acceptance 2 (C#): builds the P/Invoke wrapper and the example with
# Debian's Mono (mcs) and runs it (mono) against the built libavtal.so.1.
#   dotnet.sh MCS MONO LIBDIR SOURCE_DIR
set -euo pipefail
mcs=$1 mono=$2 libdir=$3 src=$4
for tool in "$mcs" "$mono"; do
    command -v "$tool" >/dev/null || { echo "dotnet: $tool is missing (./build.sh test installs mono-devel)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$mcs" -nologo -warnaserror -target:library -out:"$tmp/Avtal.dll" "$src/src/bindings/dotnet/Avtal.cs"
"$mcs" -nologo -warnaserror -r:"$tmp/Avtal.dll" -out:"$tmp/Example.exe" "$src/src/bindings/dotnet/Example.cs"
cd "$src"
LD_LIBRARY_PATH=$libdir "$mono" "$tmp/Example.exe" examples/agreements/norrstrom-fjallviken.json
