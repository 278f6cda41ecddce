#!/usr/bin/env bash
# Builds the release tarball dist/dais-VERSION-linux-ARCH.tar.gz: a `dais` binary with the Swift
# runtime and Foundation linked in (the machine that runs it needs only the C and C++ runtime
# libraries and ncursesw), its manual page, completion scripts for bash, zsh and fish, and
# install.sh. Prints the tarball's path as its last line.
#
# The version comes from git: the tag when HEAD is tagged (v0.9.0 → "dais 0.9.0"), else the
# package's version (Sources/dais/Version.swift) and the commit ("dais 0.9.0 (commit d35d350)"),
# "modified" when Package.swift or Sources differ from the commit. It is stamped into
# Sources/dais/ReleaseStamp.swift (ignored by git), which only this build compiles
# (-DDAIS_RELEASE_STAMP): every other build says "development build".
#
# Usage: scripts/release.sh
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "release.sh: $*" >&2; exit 1; }

package_version=$(sed -n 's/^ *static let package = "\([^"]*\)".*/\1/p' Sources/dais/Version.swift)
[ -n "$package_version" ] || fail "no 'static let package = \"...\"' in Sources/dais/Version.swift"

# What this build is, as git tells it.
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git rev-parse --short=7 HEAD)
  modified=$(git status --porcelain -- Package.swift Sources)  # what the binary is built from
  tag=$(git describe --tags --exact-match HEAD 2>/dev/null || true)
  if [ -n "$tag" ] && [ -z "$modified" ]; then
    [ "${tag#v}" = "$package_version" ] ||
      fail "HEAD is tagged $tag but Sources/dais/Version.swift says $package_version; make them agree"
    stamp=$package_version
    version=$package_version
  elif [ -n "$modified" ]; then
    stamp="$package_version (commit $commit, modified)"
    version="$package_version-$commit-modified"
  else
    stamp="$package_version (commit $commit)"
    version="$package_version-$commit"
  fi
else
  stamp="$package_version (commit unknown: built outside a git checkout)"
  version="$package_version-unknown"
fi

# Rewritten only when it changes, so that a second run with nothing new builds nothing.
stamp_file=Sources/dais/ReleaseStamp.swift
stamp_text="// Written by scripts/release.sh for the release build; ignored by git and by every other build.
#if DAIS_RELEASE_STAMP
let releaseStamp = \"$stamp\"
#endif"
if [ ! -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$stamp_text" ]; then
  printf '%s\n' "$stamp_text" > "$stamp_file"
fi

arch=$(uname -m)
name="dais-$version-linux-$arch"
build=(-c release --static-swift-stdlib -Xswiftc -DDAIS_RELEASE_STAMP --scratch-path .build-release)
echo "release.sh: building dais $stamp with the Swift runtime linked in (.build-release)" >&2
swift build "${build[@]}" --product dais >&2
# swift-argument-parser's own manual generator (what its generate-manual plugin runs), built the
# same way, so that it reuses the ArgumentParser already built.
swift build "${build[@]}" --product generate-manual >&2
bin=$(swift build "${build[@]}" --show-bin-path)

if ldd "$bin/dais" | grep -Ei 'swift|foundation|dispatch|blocksruntime|xctest'; then
  fail "$bin/dais still loads Swift libraries (above)"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
# Debugging symbols off the packed copy: a third of the size.
strip -o "$root/bin/dais" "$bin/dais"
# The completions and the page come from the packed binary itself, run without the toolchain.
run() { env -i PATH=/usr/bin:/bin HOME="$stage" "$root/bin/dais" "$@"; }
[ "$(run --version)" = "dais $stamp" ] || fail "the packed binary says '$(run --version)', not 'dais $stamp'"
run --generate-completion-script bash > "$root/share/bash-completion/completions/dais"
run --generate-completion-script zsh > "$root/share/zsh/site-functions/_dais"
run --generate-completion-script fish > "$root/share/fish/vendor_completions.d/dais.fish"
# The page is dated by the commit, so that the same commit makes the same page.
page_date=$(git log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)
"$bin/generate-manual" "$root/bin/dais" --date "$page_date" --output-directory "$root/share/man/man1" >&2
[ -s "$root/share/man/man1/dais.1" ] || fail "generate-manual wrote no dais.1"
install -m 755 scripts/install.sh "$root/install.sh"

mkdir -p dist
tarball="dist/$name.tar.gz"
mtime=$(git log -1 --format=@%ct 2>/dev/null || date +@%s)
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" -cf - "$name" | gzip -n -9 > "$tarball.partial"
mv "$tarball.partial" "$tarball"
echo "release.sh: wrote $tarball ($(du -h "$tarball" | cut -f1)): bin/dais, share/man/man1/dais.1, completions for bash, zsh and fish, install.sh" >&2
echo "$tarball"
