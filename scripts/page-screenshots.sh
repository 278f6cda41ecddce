#!/usr/bin/env bash
# Renders the demo store's HTML agenda page in headless Chromium at a desktop and a phone width,
# to look at what an audience sees (docs/export.md). Installs Debian's chromium when it is missing.
#
#   scripts/page-screenshots.sh [OUT_FOLDER] [STORE]     default: /tmp/dais-pages, the demo store
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/dais-pages}"
store="${2:-fixtures/magnitsky-month.json}"
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
swift build --product dais >/dev/null
dais="$(swift build --show-bin-path)/dais"
mkdir -p "$out"
"$dais" --store "$store" export --format html --output "$out/agenda.html" --force
for width in 1200 400; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,2400" \
        --screenshot="$out/agenda-$width.png" "file://$(cd "$out" && pwd)/agenda.html" 2>/dev/null
    echo "$out/agenda-$width.png"
done
