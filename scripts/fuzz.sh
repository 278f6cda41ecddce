#!/bin/sh
# Runs the libFuzzer targets (fuzz/) for a while each, seeded from fixtures/, and reports what they
# found. A crash input is copied to fixtures/fuzz/TARGET/ (the tests replay every file there).
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]      default: 120 seconds each; store ics time
set -eu
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-120}"
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- store ics time
work="$root/fuzz/.work"
mkdir -p "$work"
(cd fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --scratch-path "$root/.build-fuzz" >/dev/null)
bin="$(cd fuzz && swift build -c release --scratch-path "$root/.build-fuzz" --show-bin-path)"
status=0
for target in "$@"; do
    corpus="$work/corpus-$target"
    mkdir -p "$corpus" "$work/crashes-$target" "fixtures/fuzz/$target"
    # Only what this run finds counts: earlier finds are already fixtures (and replayed by the tests).
    rm -f "$work/crashes-$target"/*
    case "$target" in
        store) cp fixtures/*.json fixtures/valid/*.json fixtures/invalid/*.json fixtures/hostile/*.json "$corpus/" ;;
        ics) cp fixtures/import/*.ics fixtures/export/*.ics "$corpus/" 2>/dev/null || true
             find fixtures/import/corpus -name "*.ics" -size -64k -exec cp {} "$corpus/" \; ;;
        time) cp fuzz/seeds/time/* "$corpus/" ;;
    esac
    cp fixtures/fuzz/"$target"/* "$corpus/" 2>/dev/null || true
    echo "== fuzz-$target for $seconds s"
    set +e
    "$bin/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$work/crashes-$target/" -print_final_stats=1 2>"$work/fuzz-$target.log"
    code=$?
    set -e
    grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$work/fuzz-$target.log" | tail -3
    found=$(ls "$work/crashes-$target" | wc -l)
    echo "exit $code; $(ls "$corpus" | wc -l) inputs in the corpus; $found crash/timeout inputs"
    for crash in "$work/crashes-$target"/*; do
        [ -e "$crash" ] || continue
        cp "$crash" "fixtures/fuzz/$target/"
        echo "  new fixture: fixtures/fuzz/$target/$(basename "$crash")"
        status=1
    done
done
exit $status
