#!/bin/sh
# Crash-safe saving, proven: saves a large store over and over and kills the writer with SIGKILL at
# random moments, then checks that the store and its backup are each exactly the old or the new
# catalog. Prints the count of runs and of corrupt stores (must be 0). Not part of CI (about a minute).
#
#   scripts/kill-harness.sh [RUNS] [PANELS]          default: 200 10000
#   scripts/kill-harness.sh 50 10000 --unsafe        the control: a careless writer, which it must catch
set -eu
cd "$(dirname "$0")/.."
runs="${1:-200}"; panels="${2:-10000}"
[ $# -ge 2 ] && shift 2 || shift $#
swift build -c release --product dais-torture >/dev/null
exec "$(swift build -c release --show-bin-path)/dais-torture" kill --runs "$runs" --panels "$panels" "$@"
