#!/usr/bin/env bash
# Whole-process comparison of `misnomer analyze` with Python onnx's shape inference on one model:
# median wall time and peak resident memory of each, against the goals (>= 10x faster than
# Python, peak memory <= 1.5x the model file). See bench/README.md.
#
# usage: bench/analyze-vs-onnx.sh [-n RUNS] [MODEL]
#   RUNS   timed runs of each command, alternated (default 7)
#   MODEL  ONNX file (default .models/torchvision/vit_b_16.onnx, from scripts/export-torchvision.sh)
# environment: MISNOMER=path/to/misnomer benchmarks that executable instead of publishing src/Cli.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=7
model="$root/.models/torchvision/vit_b_16.onnx"
python=/usr/bin/python3
results="$root/bench/results/analyze-vs-onnx.txt"

fail() { echo "analyze-vs-onnx: $*" >&2; exit 2; }

while getopts "n:h" option; do
  case "$option" in
    n) runs="$OPTARG" ;;
    h) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -le 1 ]] || fail "expected at most one MODEL argument"
[[ $# -eq 1 ]] && model="$(realpath "$1")"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "-n needs a positive number of runs, not '$runs'"

# GNU time reports peak RSS; the shell keyword `time` does not.
[[ -x /usr/bin/time ]] || fail "/usr/bin/time is missing: install the Debian package 'time' (apt-get install -y time)"
[[ -f "$model" ]] || fail "model not found: $model (run scripts/export-torchvision.sh)"
"$python" -c 'import onnx' 2>/dev/null || fail "$python cannot import onnx: install the Debian package python3-onnx"

# shellcheck source=misnomer-cli.sh
source "$root/bench/misnomer-cli.sh"
resolve_misnomer

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
misnomer_command=("$misnomer" analyze "$model" --format json)
python_command=("$python" -c 'import onnx,sys; m=onnx.load(sys.argv[1]); onnx.shape_inference.infer_shapes(m)' "$model")

# measure LABEL RUN COMMAND...: appends "LABEL RUN WALL_SECONDS PEAK_RSS_KIB" to the samples.
measure() {
  local label="$1" run="$2"
  shift 2
  if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err"; then
    echo "analyze-vs-onnx: $label failed (run $run): $*" >&2
    tail -n 20 "$work/$label.err" >&2
    exit 1
  fi
  echo "$label $run $(tail -n 1 "$work/time")" >>"$work/samples"
}

# One untimed run of each first: it checks both commands work and puts the model in the page
# cache, so that no timed run pays for the first read from disk.
echo "warm-up: both commands once, untimed ..."
measure misnomer 0 "${misnomer_command[@]}"
"$python" -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/misnomer.out" 2>/dev/null \
  || fail "'misnomer analyze --format json' did not print a JSON report (does this CLI have the analyze command?)"
measure python 0 "${python_command[@]}"
: >"$work/samples"

# Alternating the two commands spreads background noise over both alike.
for ((run = 1; run <= runs; run++)); do
  echo "run $run/$runs ..."
  measure misnomer "$run" "${misnomer_command[@]}"
  measure python "$run" "${python_command[@]}"
done

mkdir -p "$(dirname "$results")"
{
  echo "analyze-vs-onnx  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "dotnet $(dotnet --version 2>/dev/null || echo '?'), python $("$python" -c 'import platform, onnx; print(platform.python_version(), "onnx", onnx.__version__)')"
  echo "a: ${misnomer_command[*]}"
  echo "b: $python -c 'import onnx,sys; m=onnx.load(sys.argv[1]); onnx.shape_inference.infer_shapes(m)' $model"
  echo
  "$python" "$root/bench/summarize_runs.py" "$work/samples" "$model"
} | tee "$results"
echo "written to ${results#"$root/"}"
