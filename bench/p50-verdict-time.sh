#!/usr/bin/env bash
# How long a latency.p50 verdict at ±2% with 99% confidence takes on a model of about 3 ms: `misnomer run`
# timed as a whole process (start-up, JIT, session creation, warm-up, sampling, verdict), alongside the
# measurement's own time (cold start + warm-up + sampling), the p50, its interval's half-width relative to
# the p50, the confidence and the samples. Goal: the verdict within 5 s. See bench/README.md.
#
# usage: bench/p50-verdict-time.sh [-n RUNS] [-t THREADS] [-c TIME_CAP] [-s "LAYERS WIDTH ROWS"] [-r NICE]
#   RUNS      timed runs (default 7)
#   THREADS   intra-op threads of the profile (default 1)
#   TIME_CAP  seconds of `misnomer run --time-cap` (default 10)
#   LAYERS WIDTH ROWS  size of the MatMul+Relu stack bench/ModelWriter writes (default "7 512 128": about
#             3 ms per inference on one core of a 2-core AMD EPYC machine)
#   NICE      run the CLI under `nice -n NICE` (e.g. -10, needs root): on a machine shared with other
#             work, a raised priority approximates an idle machine; the results header says so
# environment: MISNOMER=path/to/misnomer benchmarks that executable instead of publishing src/Cli.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=7
threads=1
cap=10
size="7 512 128"
niceness=""
goal_s=5
results="$root/bench/results/p50-verdict-time.txt"

fail() { echo "p50-verdict-time: $*" >&2; exit 2; }

while getopts "n:t:c:s:r:h" option; do
  case "$option" in
    n) runs="$OPTARG" ;;
    t) threads="$OPTARG" ;;
    c) cap="$OPTARG" ;;
    s) size="$OPTARG" ;;
    r) niceness="$OPTARG" ;;
    h) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "-n needs a positive number of runs, not '$runs'"
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || fail "-t needs a positive number of threads, not '$threads'"
[[ "$cap" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "-c needs a number of seconds, not '$cap'"
[[ "$size" =~ ^[1-9][0-9]*\ [1-9][0-9]*\ [1-9][0-9]*$ ]] || fail "-s needs \"LAYERS WIDTH ROWS\", not '$size'"
[[ -z "$niceness" || "$niceness" =~ ^-?[0-9]+$ ]] || fail "-r needs a niceness such as -10, not '$niceness'"
prefix=()
if [[ -n "$niceness" ]]; then
  nice -n "$niceness" true 2>/dev/null || fail "nice -n $niceness is not permitted here (a negative niceness needs root)"
  prefix=(nice -n "$niceness")
fi
command -v jq >/dev/null || fail "jq is missing: it reads the JSON report (apt-get install -y jq)"
command -v python3 >/dev/null || fail "python3 is missing: it computes the medians"

read -r layers width rows <<<"$size"
model="$root/bench/.work/mlp/mlp-$layers-$width-$rows.onnx"
if [[ ! -f "$model" ]]; then
  echo "writing ${model#"$root/"} with bench/ModelWriter ..."
  mkdir -p "$(dirname "$model")"
  dotnet run --project "$root/bench/ModelWriter" -c Release -- "$model" mlp "$layers" "$width" "$rows" >/dev/null || fail "bench/ModelWriter failed"
fi

# shellcheck source=misnomer-cli.sh
source "$root/bench/misnomer-cli.sh"
resolve_misnomer

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A realistic budget, well above the model's p50, so the verdict is a pass; the stopping rule watches the median.
cat >"$work/spec.yaml" <<YAML
name: p50-verdict
models:
  mlp:
    path: $model
hardware:
  ci-cpu:
    match: { provider: cpu }
    threads: $threads
    budgets:
      latency.p50: { max: 20 ms }
YAML

measure() {
  local start end
  start="$(date +%s.%N)"
  "${prefix[@]}" "$misnomer" run "$work/spec.yaml" --provider cpu --time-cap "$cap" --results "$work/run.json" >"$work/run.out" 2>"$work/run.err" \
    || { cat "$work/run.err" >&2; fail "misnomer run failed"; }
  end="$(date +%s.%N)"
  grep -q "latency.p50" "$work/run.out" || fail "misnomer run printed no latency.p50 verdict"
  # wall s, verdict, p50 ms, lower, upper, samples, warm-up runs, cold start ms, elapsed s, confidence
  printf '%s %s ' "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')" "$(awk '$2 == "model" && /latency.p50/ { print $1; exit }' "$work/run.out")"
  jq -r '.specs[0].models[0].runtime[0] | [(.indicators[] | select(.name == "latency.p50") | .value, .lower, .upper, .samples),
    .settings.warmup_runs, (.indicators[] | select(.name == "cold_start") | .value), .settings.elapsed_s, (.settings.confidence // "null")] | @tsv' "$work/run.json" | tr '\t' ' '
}

echo "untimed run (checks the CLI and the model, fills the page cache) ..."
measure >/dev/null
: >"$work/runs"
for ((run = 1; run <= runs; run++)); do
  echo "run $run/$runs ..."
  measure >>"$work/runs"
done

mkdir -p "$(dirname "$results")"
{
  echo "p50-verdict-time  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet $(dotnet --version 2>/dev/null || echo '?'), model ${model#"$root/"} ($layers x MatMul [$rows,$width]x[$width,$width] + Relu), $threads intra-op thread(s), time cap $cap s"
  echo "command: ${prefix[*]}${prefix[*]:+ }misnomer run SPEC --provider cpu --time-cap $cap --results FILE, budget latency.p50 max 20 ms"
  echo
  python3 - "$work/runs" "$goal_s" <<'PY'
import statistics, sys

rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
goal = float(sys.argv[2])
runs = []
for wall, verdict, p50, lower, upper, samples, warmup, cold_ms, elapsed, confidence in rows:
    p50, lower, upper = float(p50), float(lower), float(upper)
    runs.append(dict(wall=float(wall), verdict=verdict, p50=p50, rel=(upper - lower) / 2 / p50, samples=int(samples),
                     warmup=int(warmup), cold=float(cold_ms) / 1000, sampling=float(elapsed), confidence=confidence))
for r in runs:
    r["inproc"] = r["cold"] + r["sampling"]
med = lambda key: statistics.median(r[key] for r in runs)
confidence = runs[0]["confidence"]
confidence = "99% (engine default, not in this report)" if confidence == "null" else f"{float(confidence):.0%}"
print(f"confidence level: {confidence}; precision target: interval half-width within 2% of the p50")
print(f"median process wall time (start to verdict):      {med('wall'):7.3f} s   {'PASS' if med('wall') <= goal else 'MISS'} (goal {goal:g} s)")
print(f"median in-process time (session+warm-up+sampling): {med('inproc'):7.3f} s   {'PASS' if med('inproc') <= goal else 'MISS'} (goal {goal:g} s)")
print(f"  of which session creation + first inference:    {med('cold'):7.3f} s")
print(f"  of which warm-up + sampling (elapsed_s):         {med('sampling'):7.3f} s")
print(f"median p50: {med('p50'):.3f} ms, median relative half-width: ±{med('rel'):.2%}, median samples: {med('samples'):g}, median warm-up runs: {med('warmup'):g}")
print()
print(f"{'run':>3} {'verdict':>7} {'wall s':>7} {'in-proc s':>9} {'cold s':>6} {'sampling s':>10} {'p50 ms':>7} {'±rel':>6} {'samples':>7} {'warm-up':>7}")
for i, r in enumerate(runs, 1):
    print(f"{i:>3} {r['verdict']:>7} {r['wall']:7.3f} {r['inproc']:9.3f} {r['cold']:6.3f} {r['sampling']:10.3f} {r['p50']:7.3f} {r['rel']:6.2%} {r['samples']:7d} {r['warmup']:7d}")
PY
} | tee "$results"
echo "written to ${results#"$root/"}"
