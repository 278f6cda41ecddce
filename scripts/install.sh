#!/usr/bin/env bash
# Installs dais from the unpacked release tarball (scripts/release.sh makes it), or removes what an
# earlier run installed.
#
#   ./install.sh [--prefix DIR]              install under DIR
#   ./install.sh --uninstall [--prefix DIR]  remove what was installed under DIR
#
# DIR is /usr/local when run as root, else ~/.local. Installed: DIR/bin/dais,
# DIR/share/man/man1/dais.1, DIR/share/bash-completion/completions/dais,
# DIR/share/zsh/site-functions/_dais and DIR/share/fish/vendor_completions.d/dais.fish. Each is
# listed with its SHA-256 in DIR/share/dais/install-manifest, with the folders the install made.
# --uninstall removes the files listed there that still hold what was installed (a file changed
# since is left, and named), then the manifest, then those folders if they are empty; nothing else.
# An existing file the manifest does not list is never replaced.
set -euo pipefail

files=(bin/dais share/man/man1/dais.1 share/bash-completion/completions/dais
  share/zsh/site-functions/_dais share/fish/vendor_completions.d/dais.fish)
manifest_name=share/dais/install-manifest

say() { echo "install.sh: $*"; }
fail() { echo "install.sh: $*" >&2; exit 1; }
usage() { echo "usage: install.sh [--prefix DIR] [--uninstall]   (--help says more)" >&2; exit 64; }

prefix=""
uninstall=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ]; then prefix=/usr/local
  elif [ -n "${HOME:-}" ]; then prefix=$HOME/.local
  else fail "HOME is not set; give --prefix DIR"
  fi
fi
case "$prefix" in /*) ;; *) prefix=$PWD/$prefix ;; esac
prefix=${prefix%/}
manifest=$prefix/$manifest_name

checksum() { sha256sum "$1" | cut -d' ' -f1; }

# Reads the manifest into recorded_files (path → checksum) and recorded_dirs.
declare -A recorded_files=()
recorded_dirs=()
read_manifest() {
  [ -f "$manifest" ] || return 0
  local kind a b
  while read -r kind a b; do
    case "$kind" in
      file) recorded_files[$b]=$a ;;
      dir) recorded_dirs+=("$a") ;;
    esac
  done < "$manifest"
}

if $uninstall; then
  [ -f "$manifest" ] || fail "nothing to uninstall under $prefix: there is no $manifest (written by install.sh when it installs)"
  read_manifest
  left=0
  for rel in $(printf '%s\n' "${!recorded_files[@]}" | sort); do
    path=$prefix/$rel
    if [ ! -e "$path" ] && [ ! -L "$path" ]; then
      say "$path was already gone"
    elif [ -f "$path" ] && [ ! -L "$path" ] && [ "$(checksum "$path")" = "${recorded_files[$rel]}" ]; then
      rm -f "$path"
      say "removed $path"
    else
      say "left $path: it changed since it was installed"
      left=$((left + 1))
    fi
  done
  rm -f "$manifest"
  say "removed $manifest"
  # The folders the install made ("." the prefix itself), deepest first, each only if it is empty now.
  removed=()
  for dir in $(printf '%s\n' "${recorded_dirs[@]}" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-); do
    [ -n "$dir" ] || continue
    path=$prefix/$dir
    [ "$dir" = . ] && path=$prefix
    if rmdir "$path" 2>/dev/null; then removed+=("$path"); fi
  done
  [ ${#removed[@]} -eq 0 ] || say "removed the folders the install made, now empty: ${removed[*]}"
  if [ $left -gt 0 ]; then say "dais is uninstalled from $prefix, but for $left changed file(s) named above"
  else say "dais is uninstalled from $prefix"
  fi
  exit 0
fi

here=$(cd "$(dirname "$0")" && pwd)
for rel in "${files[@]}"; do
  [ -f "$here/$rel" ] || fail "$here/$rel is missing: run install.sh from the unpacked release tarball (scripts/release.sh makes one)"
done
# The binary must run here before anything is copied (it needs glibc, libstdc++ and ncursesw).
if ! version=$("$here/bin/dais" --version 2>&1); then
  echo "$version" >&2
  fail "$here/bin/dais does not run on this machine (above); it needs glibc, libstdc++ and ncursesw (Debian and Ubuntu: apt install libncursesw6)"
fi

read_manifest
# Never over a file this script did not install, or one changed since it did.
for rel in "${files[@]}"; do
  path=$prefix/$rel
  if [ -e "$path" ] || [ -L "$path" ]; then
    if [ -z "${recorded_files[$rel]:-}" ]; then
      fail "$path is already there and was not installed by install.sh; nothing was installed (move it away, or choose another --prefix)"
    elif [ -L "$path" ] || [ "$(checksum "$path")" != "${recorded_files[$rel]}" ]; then
      fail "$path changed since it was installed; nothing was installed (move it away, or run install.sh --uninstall first)"
    fi
  fi
done

# The folders this install makes (the prefix itself included), for --uninstall to remove when empty.
dirs=("${recorded_dirs[@]}")
for rel in "${files[@]}" "$manifest_name"; do
  dir=$(dirname "$rel")
  while [ "$dir" != . ]; do
    [ -d "$prefix/$dir" ] || dirs+=("$dir")
    dir=$(dirname "$dir")
  done
done
[ -d "$prefix" ] || dirs+=(.)
mkdir -p "$prefix/share/dais" || fail "cannot write under $prefix (run as root for a system prefix, or give --prefix DIR)"

# The manifest first, so that an install cut short can still be uninstalled.
{
  for rel in "${files[@]}"; do echo "file $(checksum "$here/$rel") $rel"; done
  printf '%s\n' "${dirs[@]}" | sort -u | sed '/^$/d; s/^/dir /'
} > "$manifest.partial"
mv "$manifest.partial" "$manifest"

for rel in "${files[@]}"; do
  mode=644
  [ "$rel" = bin/dais ] && mode=755
  install -D -m "$mode" "$here/$rel" "$prefix/$rel"
  say "installed $prefix/$rel"
done
say "installed $version under $prefix (the list: $manifest)"

case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) say "$prefix/bin is not on your PATH: add it (e.g. in ~/.profile: PATH=\"$prefix/bin:\$PATH\")" ;;
esac
if [ "$prefix" != /usr/local ] && [ "$prefix" != /usr ]; then
  say "zsh finds the completion once $prefix/share/zsh/site-functions is in fpath (before compinit);"
  say "fish, once $prefix/share/fish/vendor_completions.d is in fish_complete_path"
fi
say "next: dais init ~/agenda.json --zone EST --zone AEDT --host-name \"Your organization\", then dais --store ~/agenda.json"
