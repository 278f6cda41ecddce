#!/bin/sh
# Dais beside calcurse and Python on the same synthetic panels: one week listed, an iCalendar export,
# and loading the store. Not part of CI (it takes minutes at 100,000 panels).
#
#   bench/compare.sh [PANELS ...]        default: 10000 100000
#
# Builds dais in release mode, installs calcurse when it is missing (Debian: apt-get), and works in
# a temporary folder that is removed at the end.
set -eu
cd "$(dirname "$0")/.."
if ! command -v calcurse >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq calcurse >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq calcurse >/dev/null; fi
fi
swift build -c release --product dais >/dev/null
dais="$(swift build -c release --show-bin-path)/dais"
folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT
[ $# -gt 0 ] || set -- 10000 100000
for panels in "$@"; do
    python3 bench/compare.py "$dais" "$panels" "$folder"
done
