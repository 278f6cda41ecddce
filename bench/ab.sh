#!/bin/sh
# Compares the full check (or one export) of two dais-bench binaries on this noisy machine: runs
# them in turn (old, new, old, new, ...) so that both meet the same moments, and prints each one's
# minimum and median.
#
#   bench/ab.sh OLD_BINARY NEW_BINARY [RUNS] [STORE] [FORMAT]
#
# With STORE (a store file), each run is `--check STORE` (a fresh process on the loaded store), or
# with FORMAT too `--export STORE FORMAT` (FORMAT `import`: `--import STORE`, the store's iCalendar
# export imported); without, `--sizes 100000 --check-only` (the generated catalog).
set -eu
old=$1 new=$2 runs=${3:-6} store=${4:-} format=${5:-}
for _ in $(seq "$runs"); do
    for which in old new; do
        eval binary=\$$which
        if [ "$format" = import ]; then
            seconds=$("$binary" --import "$store" | awk '/^import / { print $2 }')
        elif [ -n "$format" ]; then
            seconds=$("$binary" --export "$store" "$format" | awk '/^export / { print $2 }')
        elif [ -n "$store" ]; then
            seconds=$("$binary" --check "$store" | sed -n 's/^check //p')
        else
            seconds=$("$binary" --sizes 100000 --check-only | awk -F'|' '/full check  / { gsub(/ |ms/, "", $3); print $3 / 1000 }')
        fi
        echo "$which $seconds"
    done
done | python3 -c '
import sys, collections
runs = collections.defaultdict(list)
for line in sys.stdin:
    name, value = line.split()
    runs[name].append(float(value) * 1000)
for name in ("old", "new"):
    v = sorted(runs[name])
    print(f"{name}: min {v[0]:.1f} ms, median {v[len(v) // 2]:.1f} ms ({len(v)} runs)")
'
