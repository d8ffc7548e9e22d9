#!/usr/bin/env bash
# The harness against a plain native ONNX Runtime loop, side by side on the same model with the same
# thread count: median p50 of each over alternated rounds, their ratio and difference, against the
# goals (harness p50 within 3% of native on the CNNs, within 1 us on the one-MatMul model). See
# bench/README.md.
#
# usage: bench/harness-vs-native.sh [-n ROUNDS] [-t THREADS] [-c TIME_CAP] [MODEL...]
#   ROUNDS    rounds of harness then native per model (default 5)
#   THREADS   intra-op threads of both (default 1)
#   TIME_CAP  seconds of `misnomer run --time-cap` per harness round (default 10)
#   MODEL     ONNX files with float inputs (default: .models/torchvision/{mobilenet_v2,resnet50}.onnx
#             from scripts/export-torchvision.sh, and bench/.work/matmul/matmul-64.onnx, written here)
# environment: MISNOMER=path/to/misnomer benchmarks that executable instead of publishing src/Cli;
#              ORT_NATIVE=folder holding libonnxruntime.so and include/ (default: the NuGet package's).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=5
threads=1
cap=10
results="$root/bench/results/harness-vs-native.txt"
ort_version=1.31.0
package="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.ml.onnxruntime.gpu.linux/$ort_version"

fail() { echo "harness-vs-native: $*" >&2; exit 2; }

while getopts "n:t:c:h" option; do
  case "$option" in
    n) rounds="$OPTARG" ;;
    t) threads="$OPTARG" ;;
    c) cap="$OPTARG" ;;
    h) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || fail "-n needs a positive number of rounds, not '$rounds'"
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || fail "-t needs a positive number of threads, not '$threads'"
[[ "$cap" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "-c needs a number of seconds, not '$cap'"
command -v g++ >/dev/null || fail "g++ is missing: it builds bench/native-loop"
command -v jq >/dev/null || fail "jq is missing: it reads the harness's results document (apt-get install -y jq)"
command -v python3 >/dev/null || fail "python3 is missing: it summarizes the rounds"

if [[ $# -gt 0 ]]; then
  models=()
  for model in "$@"; do models+=("$(realpath "$model")"); done
else
  models=("$root/.models/torchvision/mobilenet_v2.onnx" "$root/.models/torchvision/resnet50.onnx" "$root/bench/.work/matmul/matmul-64.onnx")
  if [[ ! -f "${models[2]}" ]]; then
    echo "writing bench/.work/matmul/matmul-64.onnx with bench/ModelWriter ..."
    mkdir -p "$(dirname "${models[2]}")"
    dotnet run --project "$root/bench/ModelWriter" -c Release -- "${models[2]}" matmul-64 >/dev/null || fail "bench/ModelWriter failed"
  fi
fi
for model in "${models[@]}"; do
  [[ -f "$model" ]] || fail "model not found: $model (run scripts/export-torchvision.sh mobilenet_v2 resnet50)"
done

# The native loop links the very libonnxruntime.so the harness loads. The package ships it without the
# libonnxruntime.so.1 its SONAME asks for, so the build folder holds that link and the rpath points there.
native_dir="${ORT_NATIVE:-$package/runtimes/linux-x64/native}"
include_dir="${ORT_NATIVE:+$ORT_NATIVE/include}"
include_dir="${include_dir:-$package/buildTransitive/native/include}"
[[ -f "$native_dir/libonnxruntime.so" ]] || fail "libonnxruntime.so not found in $native_dir (restore the solution, or set ORT_NATIVE)"
[[ -f "$include_dir/onnxruntime_cxx_api.h" ]] || fail "onnxruntime_cxx_api.h not found in $include_dir"
bin="$root/bench/.bin/native-loop"
mkdir -p "$bin"
ln -sf "$native_dir/libonnxruntime.so" "$bin/libonnxruntime.so.1"
echo "building bench/native-loop ..."
g++ -std=c++17 -O2 -Wall -Wextra -I"$include_dir" "$root/bench/native-loop/native_loop.cpp" \
  -L"$native_dir" -lonnxruntime -Wl,-rpath,'$ORIGIN' -o "$bin/native_loop" || fail "g++ failed"

# shellcheck source=misnomer-cli.sh
source "$root/bench/misnomer-cli.sh"
resolve_misnomer

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: >"$work/samples"
: >"$work/failures"

# spec MODEL: a one-model spec whose only budget is a loose latency.p50, so that the stopping rule
# watches the median, on a CPU profile with the thread count under test.
spec() {
  cat >"$work/spec.yaml" <<YAML
name: harness-vs-native
models:
  model:
    path: $1
hardware:
  bench-cpu:
    match: { provider: cpu }
    threads: $threads
    budgets:
      latency.p50: { max: 1000000 ms }
YAML
}

for model in "${models[@]}"; do
  name="$(basename "$model" .onnx)"
  spec "$model"
  for ((round = 1; round <= rounds; round++)); do
    echo "$name: round $round/$rounds ..."
    if ! "$misnomer" run "$work/spec.yaml" --provider cpu --time-cap "$cap" --results "$work/run.json" >"$work/run.out" 2>"$work/run.err"; then
      # One failed round is reported and skipped; the rounds already measured are kept.
      echo "harness-vs-native: misnomer run failed on $name, round $round skipped: $(grep -m1 'error' "$work/run.err" || tail -n 1 "$work/run.err")" >&2
      echo "$name failed $round" >>"$work/failures"
      continue
    fi
    # The native loop runs as many inferences as the harness sampled, after as many warm-up runs.
    read -r p50_ms samples warmup < <(jq -r '.specs[0].models[0].runtime[0] | [(.indicators[] | select(.name == "latency.p50") | .value, .samples), .settings.warmup_runs] | @tsv' "$work/run.json")
    echo "$name harness $round $(awk -v ms="$p50_ms" 'BEGIN { printf "%.0f", ms * 1e6 }') $samples $warmup" >>"$work/samples"
    native="$("$bin/native_loop" "$model" --threads "$threads" --warmup "$warmup" --runs "$samples")" || fail "native_loop failed on $model"
    echo "$name native $round $(awk '{ print $6 }' <<<"$native") $samples $warmup" >>"$work/samples"
  done
done

mkdir -p "$(dirname "$results")"
{
  echo "harness-vs-native  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
  echo "dotnet $(dotnet --version 2>/dev/null || echo '?'), ONNX Runtime ${ORT_NATIVE:-$ort_version}, $threads intra-op thread(s), time cap $cap s"
  echo "harness: misnomer run SPEC --provider cpu --time-cap $cap --results FILE (latency.p50)"
  echo "native:  bench/native-loop/native_loop MODEL --threads $threads --warmup W --runs N (W, N: the harness's warm-up runs and samples)"
  echo
  python3 "$root/bench/summarize_harness_vs_native.py" "$work/samples"
  if [[ -s "$work/failures" ]]; then
    echo
    echo "skipped rounds (misnomer run failed):"
    sed 's/^/  /' "$work/failures"
  fi
} | tee "$results"
echo "written to ${results#"$root/"}"
