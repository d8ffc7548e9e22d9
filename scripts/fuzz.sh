#!/usr/bin/env bash
# The long fuzz run (docs/fuzzing.md): every CsCheck target of tests/Fuzz.Tests for a time each, with a fresh seed and
# every kind of failure reported, then, where AFL++ is installed, coverage-guided fuzzing of the ONNX loader, the spec
# reader and the results and baseline readers under SharpFuzz. Figures go to $FUZZ_OUT/summary.txt.
#
#   bash scripts/fuzz.sh [CSCHECK_SECONDS_PER_TARGET] [AFL_SECONDS_PER_TARGET]     defaults: 90 and 180 (about 25 minutes)
#   MISNOMER_FUZZ_SEED=N bash scripts/fuzz.sh ...                                 replay a run's CsCheck inputs
#   apt-get install afl++                                                         for the coverage-guided part
set -euo pipefail
cd "$(dirname "$0")/.."

cscheck_seconds=${1:-90}
afl_seconds=${2:-180}
out=${FUZZ_OUT:-artifacts/fuzz}
seed=${MISNOMER_FUZZ_SEED:-$(date +%s)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
summary="$out/summary.txt"
: > "$summary"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== CsCheck targets: ${cscheck_seconds}s each, seed $seed" | tee -a "$summary"
rm -f "$out/cscheck.tsv"
status=0
MISNOMER_FUZZ_SECONDS=$cscheck_seconds MISNOMER_FUZZ_SEED=$seed MISNOMER_FUZZ_SURVEY=1 MISNOMER_FUZZ_LOG="$out/cscheck.tsv" \
  dotnet test tests/Fuzz.Tests --filter "FullyQualifiedName!~Regressions" --logger "console;verbosity=normal" > "$out/cscheck.log" 2>&1 || status=$?
cut -f1-5 "$out/cscheck.tsv" | tee -a "$summary"
if [ "$status" -ne 0 ]; then
  echo "CsCheck targets failed: the inputs, shrunk, are in $out/cscheck.log" | tee -a "$summary"
fi

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "== AFL++ not installed (apt-get install afl++): coverage-guided part skipped" | tee -a "$summary"
  exit "$status"
fi

echo "== AFL++ targets under SharpFuzz: ${afl_seconds}s each" | tee -a "$summary"
harness="$out/harness"
plain="$out/harness-plain"
rm -rf "$harness" "$plain"
dotnet build fuzz/Harness -c Release -o "$harness" -v q -nologo > "$out/harness-build.log"
# An instrumented assembly runs only under afl-fuzz (it writes to AFL's shared memory): seeds and replays use a plain copy.
cp -r "$harness" "$plain"
dotnet "$plain/misnomer-fuzz-harness.dll" seeds "$out/seeds" "$PWD"
if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$out/tools" SharpFuzz.CommandLine --version 2.3.0 > /dev/null
fi
# Only the engine is instrumented: coverage of the readers is what guides the search.
"$out/tools/sharpfuzz" "$harness/EfficiencyMisnomer.Core.dll" > /dev/null

# dotnet is not instrumented by afl's compiler (SharpFuzz instruments the assembly), cores are not dumped here, and the
# machine is shared: no CPU binding.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
for target in onnx spec results baseline; do
  rm -rf "$out/afl/$target"
  mkdir -p "$out/afl"
  timeout $((afl_seconds + 120)) afl-fuzz -i "$out/seeds/$target" -o "$out/afl/$target" -t 10000 -m none -V "$afl_seconds" \
    -- dotnet "$harness/misnomer-fuzz-harness.dll" "$target" > "$out/afl-$target.log" 2>&1 || true
  stats="$out/afl/$target/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    execs=$(awk -F': *' '/^execs_done/{print $2}' "$stats")
    corpus=$(awk -F': *' '/^corpus_count/{print $2}' "$stats")
    edges=$(awk -F': *' '/^edges_found/{print $2}' "$stats")
    crashes=$(awk -F': *' '/^saved_crashes/{print $2}' "$stats")
    hangs=$(awk -F': *' '/^saved_hangs/{print $2}' "$stats")
    printf '%s\texecs=%s\tcorpus=%s\tedges=%s\tcrashes=%s\thangs=%s\n' "$target" "$execs" "$corpus" "$edges" "$crashes" "$hangs" | tee -a "$summary"
    crashed=$(find "$out/afl/$target/default/crashes" -type f -name 'id:*' 2>/dev/null | head -20)
    if [ -n "$crashed" ]; then
      status=1
      # shellcheck disable=SC2086
      dotnet "$plain/misnomer-fuzz-harness.dll" replay "$target" $crashed | tee -a "$summary" || true
    fi
  else
    echo "$target: afl-fuzz did not start; see $out/afl-$target.log" | tee -a "$summary"
    status=1
  fi
done
exit "$status"
