#!/usr/bin/env bash
# The no-op incremental build of a consumer project with the efficiency gate, against the same build
# without it (EfficiencyGate=off), side by side in one run. Goal: the gate adds under 5%.
#
# usage: bench/incremental-build.sh [-n RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=9
while getopts "n:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    *) echo "usage: $0 [-n RUNS]" >&2; exit 2 ;;
  esac
done

work="$root/bench/.work/incremental"
feed="$work/feed"
consumer="$work/consumer"
version="0.0.1-bench.$(date +%s)"
rm -rf "$work"
mkdir -p "$feed" "$consumer/specs/models"

echo "packing the task package ($version) ..."
dotnet pack "$root/src/Tasks" -c Release -o "$feed" -p:Version="$version" --nologo -v:q >/dev/null

cp "$root/specs/models/tiny-cnn.onnx" "$consumer/specs/models/"
cat > "$consumer/specs/tiny.yaml" <<YAML
name: tiny
models:
  tiny: { path: models/tiny-cnn.onnx }
bind: { batch: 1 }
budgets:
  macs: { max: 10M }
  params: { max: 100k }
YAML
cat > "$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><clear /><add key="local" value="$feed" /></packageSources>
</configuration>
XML
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="EfficiencyMisnomer.Tasks" Version="$version" /></ItemGroup>
</Project>
XML
echo "namespace Consumer; public static class Class1 { }" > "$consumer/Class1.cs"
# The consumer lives inside this repository: shield it from the repository's own build settings.
echo "<Project />" > "$consumer/Directory.Build.props"
echo "<Project />" > "$consumer/Directory.Build.targets"
echo "<Project />" > "$consumer/Directory.Packages.props"

cd "$consumer"
build() { dotnet build --no-restore --nologo -v:q "$@" >/dev/null; }
dotnet restore --nologo -v:q
# Warm both configurations: the first build with the gate runs it; later ones skip it as up to date.
build -p:EfficiencyGate=off; build; build -p:EfficiencyGate=off; build

timeit() { local s e; s=$(date +%s.%N); build "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }
with=(); without=()
for ((i = 1; i <= runs; i++)); do
  without+=("$(timeit -p:EfficiencyGate=off)")
  with+=("$(timeit)")
done
dotnet build-server shutdown >/dev/null 2>&1 || true

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m_with=$(median "${with[@]}")
m_without=$(median "${without[@]}")
added=$(echo "scale=2; ($m_with - $m_without) * 100 / $m_without" | bc)
verdict=$(echo "$added < 5" | bc)
mkdir -p "$root/bench/results"
{
  echo "incremental-build  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$root" rev-parse --short HEAD)"
  echo "no-op 'dotnet build --no-restore' of a consumer project, $runs runs each, alternated"
  printf '%-28s %8.3f s\n' "without gate (median)" "$m_without"
  printf '%-28s %8.3f s\n' "with gate (median)" "$m_with"
  printf '%-28s %8s %%   goal < 5%%: %s\n' "added by the gate" "$added" "$([ "$verdict" = 1 ] && echo PASS || echo MISS)"
  echo "runs without: ${without[*]}"
  echo "runs with:    ${with[*]}"
} | tee "$root/bench/results/incremental-build.txt"
