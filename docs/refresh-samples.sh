#!/usr/bin/env bash
# Refreshes the sample reports in docs/guide.md and README.md from the
# avtal command, so the documentation shows what the tool really prints.
#   docs/refresh-samples.sh [--check] [AVTAL]   (default: build/release/avtal)
# With --check nothing is written: the script fails when a sample differs
# from what the tool prints (ctest runs it so).
set -euo pipefail
cd "$(dirname "$0")/.."
check=
if [ "${1:-}" = --check ]; then
    check=1
    shift
fi
avtal=${1:-build/release/avtal}
agreement=examples/agreements/norrstrom-fjallviken.json
text=$("$avtal" check "$agreement")
markdown=$("$avtal" check "$agreement" --format markdown)
status=0
for file in docs/guide.md README.md; do
    TEXT="$text" MARKDOWN="$markdown" CHECK="$check" python3 - "$file" <<'PY' || status=1
import os, sys
path = sys.argv[1]
old = open(path, encoding='utf-8').read()
def replace(s, marker, fence, body):
    i = s.find(marker)
    if i < 0: return s
    start = s.index('```' + fence + '\n', i) + len('```' + fence + '\n')
    end = s.index('\n```\n', start - 1)  # the closing fence: a line of its own
    return s[:start] + body.rstrip('\n') + s[end:]
s = replace(old, '<!-- sample:text -->', 'text', os.environ['TEXT'])
s = replace(s, '<!-- sample:markdown -->', 'markdown', os.environ['MARKDOWN'])
if os.environ['CHECK']:
    if s != old:
        print(f'{path}: a sample differs from what avtal prints; run docs/refresh-samples.sh', file=sys.stderr)
        sys.exit(1)
else:
    open(path, 'w', encoding='utf-8').write(s)
PY
done
exit $status
