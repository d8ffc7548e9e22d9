#!/usr/bin/env bash
# Whole-process cost of `misnomer analyze` on a LLaMA-7B-sized decoder whose 27 GB of weights live in
# one external data file: median wall time and peak resident memory over RUNS runs, against the goals
# (median wall < 2 s, median peak RSS < 200 MB): static indicators must not read the weights.
# See bench/README.md.
#
# usage: bench/llm-external-data.sh [-n RUNS] [-s SEQ] [-f]
#   RUNS  timed runs (default 5)
#   SEQ   bound sequence length (default 2048)
#   -f    rewrite the model even if bench/.work/llama-7b/ already holds it
# environment: MISNOMER=path/to/misnomer benchmarks that executable instead of publishing src/Cli.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
seq=2048
rewrite=0
work="$root/bench/.work/llama-7b"
model="$work/llama-7b.onnx"
data="$work/weights.bin"
results="$root/bench/results/llm-external-data.txt"
wall_goal=2        # seconds
rss_goal_mb=200    # 10^6 bytes

fail() { echo "llm-external-data: $*" >&2; exit 2; }

while getopts "n:s:fh" option; do
  case "$option" in
    n) runs="$OPTARG" ;;
    s) seq="$OPTARG" ;;
    f) rewrite=1 ;;
    h) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
[[ $# -eq 0 ]] || fail "unexpected argument '$1'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "-n needs a positive number of runs, not '$runs'"
[[ "$seq" =~ ^[1-9][0-9]*$ ]] || fail "-s needs a positive sequence length, not '$seq'"
[[ -x /usr/bin/time ]] || fail "/usr/bin/time is missing: install the Debian package 'time' (apt-get install -y time)"
command -v dotnet >/dev/null || fail "dotnet is not on PATH; it writes the model and builds the CLI"

# quiet LOG_LABEL COMMAND...: runs a build step, showing its output only if it fails.
quiet() {
  local label="$1" log
  shift
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "$label failed"
  fi
  rm -f "$log"
}

if [[ "$rewrite" -eq 1 || ! -f "$model" || ! -f "$data" ]]; then
  echo "writing the LLaMA-7B model to ${work#"$root/"} (sparse data file: no disk used) ..."
  rm -rf "$work"
  mkdir -p "$work"
  quiet "writing the model" dotnet run --project "$root/bench/ModelWriter" -c Release -- "$model"
fi

# shellcheck source=misnomer-cli.sh
source "$root/bench/misnomer-cli.sh"
resolve_misnomer

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
command=("$misnomer" analyze "$model" --bind batch=1 --bind "seq=$seq" --format json)

# measure RUN: appends "RUN WALL_SECONDS PEAK_RSS_KIB" to the samples.
measure() {
  if ! /usr/bin/time -f "%e %M" -o "$scratch/time" "${command[@]}" >"$scratch/out" 2>"$scratch/err"; then
    echo "llm-external-data: run $1 failed: ${command[*]}" >&2
    tail -n 20 "$scratch/err" >&2
    exit 1
  fi
  echo "$1 $(tail -n 1 "$scratch/time")" >>"$scratch/samples"
}

# One untimed run first: it checks the command works and puts the model file in the page cache.
echo "warm-up run, untimed ..."
measure 0
grep -q '"params": 6738415616' "$scratch/out" || fail "the report does not show params = 6738415616: $(head -c 400 "$scratch/out")"
: >"$scratch/samples"
for ((run = 1; run <= runs; run++)); do
  echo "run $run/$runs ..."
  measure "$run"
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall="$(cut -d' ' -f2 "$scratch/samples" | median)"
rss_kib="$(cut -d' ' -f3 "$scratch/samples" | median)"
rss_mb="$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')"
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? "PASS" : "MISS" }'; }

mkdir -p "$(dirname "$results")"
{
  echo "llm-external-data  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "dotnet $(dotnet --version 2>/dev/null || echo '?')"
  echo "command: ${command[*]#"$root/"}"
  echo "model file: $(stat -c %s "$model") bytes; data file: $(stat -c %s "$data") bytes apparent, $(( $(stat -c %b "$data") * $(stat -c %B "$data") )) bytes on disk"
  echo
  printf '%-22s %12s %12s  %s\n' "indicator" "median" "goal" "verdict"
  printf '%-22s %10s s %10s s  %s\n' "wall time" "$wall" "< $wall_goal" "$(verdict "$wall" "$wall_goal")"
  printf '%-22s %9s MB %9s MB  %s\n' "peak RSS" "$rss_mb" "< $rss_goal_mb" "$(verdict "$rss_mb" "$rss_goal_mb")"
  echo
  echo "runs (wall s, peak RSS KiB):"
  while read -r run seconds kib; do printf '  %2s  %6s  %8s\n' "$run" "$seconds" "$kib"; done <"$scratch/samples"
} | tee "$results"
echo "written to ${results#"$root/"}"
