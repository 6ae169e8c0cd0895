#!/usr/bin/env bash
# Acceptance 2 (Python): installs the package with pip (Debian's setuptools,
# no network) into a temporary target and runs its tests with pytest against
# the built libavtal.so.1, the avtal command beside it for byte-identity.
#   python.sh PYTHON LIBAVTAL AVTAL_CLI SOURCE_DIR
set -euo pipefail
python=$1 lib=$2 cli=$3 src=$4
command -v "$python" >/dev/null || { echo "python: $python is missing" >&2; exit 1; }
for m in pip pytest setuptools; do
    "$python" -c "import $m" 2>/dev/null || { echo "python: $python lacks $m (./build.sh test installs python3-pip, python3-pytest, python3-setuptools)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# pip builds in the source folder: build a copy, so that the tree stays clean.
cp -r "$src/src/bindings/python" "$tmp/pkg"
rm -rf "$tmp/pkg/build" "$tmp/pkg/"*.egg-info
"$python" -m pip install --quiet --no-deps --no-build-isolation --no-index --target "$tmp/site" "$tmp/pkg" 2>&1 |
    grep -v "Running pip as the 'root' user" || true
[ -f "$tmp/site/avtal/__init__.py" ] || { echo "python: pip did not install the package" >&2; exit 1; }
cd "$tmp"
AVTAL_LIBRARY=$lib AVTAL_CLI=$cli AVTAL_REQUIRE_CLI=1 AVTAL_SOURCE_DIR=$src AVTAL_EXPECT_INSTALLED_IN=$tmp/site PYTHONPATH=$tmp/site \
    "$python" -m pytest -q -rs -p no:cacheprovider "$tmp/pkg/tests"
