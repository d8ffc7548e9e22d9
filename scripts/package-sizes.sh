#!/usr/bin/env bash
# Packs every package in both ONNX Runtime flavours and prints their sizes against the public gallery's limit
# (250 MB), as docs/packaging.md quotes them.
#
#   bash scripts/package-sizes.sh [OUT]       OUT: where the packages go (default artifacts/packages)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/packages}
rm -rf "$out"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pack() { # FLAVOUR PROJECT...
  local flavour=$1; shift
  for project in "$@"; do
    if ! log=$(dotnet pack "src/$project" -c Release -o "$out" "-p:OnnxRuntimeFlavour=$flavour" --nologo 2>&1); then
      echo "$log" >&2
      echo "package-sizes: packing src/$project ($flavour) failed" >&2
      exit 1
    fi
  done
}

pack cpu Core Runtime Tasks OnnxRuntime.Cpu TestAdapter Cli
pack cuda TestAdapter Cli

printf '| package | bytes | MB | under 250 MB |\n|---|--:|--:|---|\n'
for file in "$out"/*.nupkg; do
  bytes=$(stat -c %s "$file")
  awk -v name="$(basename "$file" .nupkg)" -v bytes="$bytes" \
    'BEGIN { printf "| %s | %d | %.1f | %s |\n", name, bytes, bytes / 1e6, bytes < 250000000 ? "yes" : "NO" }'
done
