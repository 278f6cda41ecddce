#!/usr/bin/env bash
# Writes what a build of Dais makes of a set of stores into a folder: every export, the findings,
# the lists, a store written by the encoder (its own iCalendar file imported into an empty store)
# and the synthetic stores themselves. Two builds' folders compared with `diff -r` show whether a
# change kept behaviour byte for byte.
#
#   scripts/outputs.sh PATH/TO/dais OUT [SIZES]      SIZES default "1000 10000 100000"
set -euo pipefail
cd "$(dirname "$0")/.."
dais="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
sizes="${3:-1000 10000 100000}"
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1733000000 TZ=UTC LANG=C.UTF-8 HOME=/nonexistent

stores=("demo:fixtures/magnitsky-month.json" "hostile:fixtures/hostile/hostile-names.json" "clashes:fixtures/check/clashes.json")
for n in $sizes; do
    "$dais" generate --panels "$n" --output "$out/synthetic-$n.json" --force >/dev/null 2>&1
    stores+=("synthetic-$n:$out/synthetic-$n.json")
done
for entry in "${stores[@]}"; do
    name="${entry%%:*}" store="${entry#*:}"
    for format in ics md html csv schedule-json; do
        "$dais" --store "$store" export --format "$format" --output "$out/$name.$format" --force 2>/dev/null
    done
    "$dais" --store "$store" check --format json > "$out/$name.check.json" || true
    "$dais" --store "$store" list --json > "$out/$name.list.json"
    "$dais" --store "$store" list --zone AEDT --zone UTC > "$out/$name.list.txt"
    "$dais" --store "$store" people --json > "$out/$name.people.json"
    "$dais" --store "$store" orgs --json > "$out/$name.orgs.json"
    cp fixtures/valid/minimal.json "$out/$name.imported.json"
    "$dais" --store "$out/$name.imported.json" import "$out/$name.ics" --from 1990-01-01 --to 2040-12-31 > "$out/$name.import.txt"
    rm -f "$out/$name.imported.json.bak"
done
