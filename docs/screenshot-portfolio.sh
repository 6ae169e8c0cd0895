#!/usr/bin/env bash
# Takes the screenshot of Lund's portfolio report shown in docs/portfolio.md:
# builds the avtal command, writes the standalone HTML report of the bundled
# Lund agreements and photographs it with headless Chromium (Debian's
# `chromium`, installed here when missing).
#   docs/screenshot-portfolio.sh [AVTAL]   (default: build/release/avtal)
set -euo pipefail
cd "$(dirname "$0")/.."
avtal=${1:-build/release/avtal}
if [ ! -x "$avtal" ]; then ./build.sh run --version >/dev/null; fi
if ! command -v chromium >/dev/null; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$avtal" portfolio --party lund --year 2025 --format html examples/agreements/ >"$work/lund.html"
# A fresh profile, no GPU, no sandbox (root in a container); the window is the page's width.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1100,1500 --screenshot="$work/shot.png" "file://$work/lund.html" >/dev/null 2>&1
mkdir -p docs/images
mv "$work/shot.png" docs/images/portfolio-lund.png
echo "docs/images/portfolio-lund.png"
