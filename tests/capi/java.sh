#!/usr/bin/env bash
# Java: builds the JNA example with OpenJDK 17's javac and runs it against
# the built libavtal.so.1 (Debian libjna-java); it prints the Markdown memo.
#   java.sh JAVAC JAVA JNA_JAR LIBAVTAL SOURCE_DIR
set -euo pipefail
javac=$1 java=$2 jna=$3 lib=$4 src=$5
for tool in "$javac" "$java"; do
    command -v "$tool" >/dev/null || { echo "java: $tool is missing (./build.sh test installs openjdk-17-jdk-headless)" >&2; exit 1; }
done
[ -f "$jna" ] || { echo "java: $jna is missing (./build.sh test installs libjna-java)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$javac" -Werror -Xlint:all -cp "$jna" -d "$tmp" "$src/src/bindings/java/Example.java"
cd "$src"
"$java" -cp "$jna:$tmp" -Davtal.library="$lib" Example examples/agreements/norrstrom-fjallviken.json
