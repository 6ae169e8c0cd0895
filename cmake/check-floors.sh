#!/usr/bin/env bash
# Fails on any #include that runs up the floors of the house:
# core < model < law < io < the tools (cli, serve, the C API).
# A floor may include its own floor and the floors below it, never above.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() { # check FLOOR FORBIDDEN...
    local floor=$1 dirs=() pattern
    shift
    for d in "include/avtal/$floor" "src/$floor"; do [ -d "$d" ] && dirs+=("$d"); done
    ((${#dirs[@]})) || return 0
    pattern=$(IFS='|'; echo "$*")
    if grep -rnE "#include [<\"]avtal/($pattern)/" "${dirs[@]}"; then
        echo "floors: $floor includes from a floor above it ($*)" >&2
        status=1
    fi
    # The umbrella headers sit on top of every floor.
    if grep -rnE "#include [<\"]avtal/(avtal|json)\.hpp[>\"]" "${dirs[@]}"; then
        echo "floors: $floor includes an umbrella header" >&2
        status=1
    fi
}
check core model law io
check model law io
check law io
[ $status -eq 0 ] && echo "floors: no include runs up the floors (core < model < law < io)"
exit $status
