#!/usr/bin/env bash
# Refreshes the sample reports in docs/guide.md and README.md from the
# avtal command, so the documentation shows what the tool really prints.
#   docs/refresh-samples.sh [AVTAL]   (default: build/release/avtal)
set -euo pipefail
cd "$(dirname "$0")/.."
avtal=${1:-build/release/avtal}
agreement=examples/agreements/norrstrom-fjallviken.json
text=$("$avtal" check "$agreement")
markdown=$("$avtal" check "$agreement" --format markdown)
for file in docs/guide.md README.md; do
    TEXT="$text" MARKDOWN="$markdown" python3 - "$file" <<'PY'
import os, re, sys
path = sys.argv[1]
s = open(path, encoding='utf-8').read()
def replace(s, marker, fence, body):
    i = s.find(marker)
    if i < 0: return s
    start = s.index('```' + fence + '\n', i) + len('```' + fence + '\n')
    end = s.index('\n```', start)
    return s[:start] + body.rstrip('\n') + s[end:]
s = replace(s, '<!-- sample:text -->', 'text', os.environ['TEXT'])
s = replace(s, '<!-- sample:markdown -->', 'markdown', os.environ['MARKDOWN'])
open(path, 'w', encoding='utf-8').write(s)
PY
done
