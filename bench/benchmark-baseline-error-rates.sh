#!/usr/bin/env bash
# How often a BenchmarkDotNet case compared with its stored baseline is called regressed when nothing changed (A/A: the
# bundled sample, specs/benchmarks, run again), and how often a case made 10% slower is caught, on a quiet machine and
# with one busy process per core ('yes > /dev/null'). The baseline is recorded once, from a run on the quiet machine.
#
#   bench/benchmark-baseline-error-rates.sh [-n RUNS] [-l quiet|busy|both] [-i ITERATIONS] [-L LAUNCHES] [-T TOLERANCE] [-o NAME]
#
#   -n  BenchmarkDotNet runs compared per load (default 8); each is one A/A trial and one detection trial
#   -l  which loads (default both)
#   -i  iterations per case (BenchmarkDotNet's --iterationCount; default 30); 'default' keeps its own choice (15 to 100)
#   -L  launches per run (BenchmarkDotNet's --launchCount; default 1, its own default): times are compared launch by
#       launch, so one launch per run decides nothing (inconclusive) and shows the spread between processes
#   -T  the spec's default tolerance (default 5%)
#   -o  name of the CSV and summary under bench/results (default benchmark-baseline-error-rates)
#
# The detection trial is the same run's results with every raw measurement and statistic of the case 'Join' made 10%
# slower: the same noise, a known change. Each trial is judged by 'misnomer check' exactly as a pipeline would.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fail() { echo "benchmark-baseline-error-rates: $*" >&2; exit 2; }
source "$root/bench/misnomer-cli.sh"

runs=8 loads=both iterations=30 launches=1 tolerance=5% name=benchmark-baseline-error-rates
while getopts "n:l:i:L:T:o:" option; do
  case "$option" in
    n) runs=$OPTARG ;;
    l) loads=$OPTARG ;;
    i) iterations=$OPTARG ;;
    L) launches=$OPTARG ;;
    T) tolerance=$OPTARG ;;
    o) name=$OPTARG ;;
    *) fail "usage: $0 [-n RUNS] [-l quiet|busy|both] [-i ITERATIONS] [-L LAUNCHES] [-T TOLERANCE] [-o NAME]" ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "-n takes a positive whole number"
[[ "$loads" =~ ^(quiet|busy|both)$ ]] || fail "-l takes quiet, busy or both"
[[ "$iterations" =~ ^([1-9][0-9]*|default)$ ]] || fail "-i takes a positive whole number or 'default'"
[[ "$launches" =~ ^[1-9][0-9]*$ ]] || fail "-L takes a positive whole number"
command -v python3 >/dev/null || fail "python3 is needed to edit and read the JSON results"

resolve_misnomer
work="$root/bench/.work/benchmark-baseline"
rm -rf "$work"
mkdir -p "$work" "$root/bench/results"
csv="$root/bench/results/$name.csv"
summary="$root/bench/results/$name.txt"
busy_pids=()
stop_busy() { for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; busy_pids=(); }
trap 'stop_busy' EXIT

echo "building specs/benchmarks (Release) ..."
dotnet build "$root/specs/benchmarks" -c Release --nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "building the sample failed"; }

cat >"$work/spec.yaml" <<EOF
name: benchmark-baseline
benchmarks:
  text:
    results: results
    budgets:
      mean: { max: 1 ms }
      allocated: { max: 1 MiB }
regression:
  baseline: baseline.json
  tolerance: { default: $tolerance }
EOF

# One BenchmarkDotNet run of the sample into $work/results (replacing the last one).
bdn() {
  local extra=(--launchCount "$launches")
  [[ "$iterations" == default ]] || extra+=(--iterationCount "$iterations" --warmupCount 3)
  rm -rf "$work/artifacts" "$work/results"
  dotnet run -c Release --no-build --project "$root/specs/benchmarks" -- --filter '*' --exporters fulljson \
    --artifacts "$work/artifacts" "${extra[@]}" >"$work/bdn.log" 2>&1 || { tail -20 "$work/bdn.log" >&2; fail "the BenchmarkDotNet run failed"; }
  mkdir -p "$work/results"
  cp "$work/artifacts/results/"*-report-full.json "$work/results/"
}

# The regression status of each case's 'mean' in a results document: "case=status" lines.
statuses() {
  python3 - "$1" <<'EOF'
import json, sys
document = json.load(open(sys.argv[1]))
for spec in document["specs"]:
    for case in spec.get("benchmarks", []):
        for verdict in case["verdicts"]:
            if verdict["kind"] == "regression" and verdict["indicator"] == "mean":
                print(f'{case["case"].split(".")[-1]}={verdict["status"]}={verdict.get("ratio") or ""}')
EOF
}

# The results made 10% slower for the case 'Join': statistics and every raw measurement.
slower() {
  python3 - "$1" <<'EOF'
import json, sys
path = sys.argv[1]
document = json.load(open(path))
for case in document["Benchmarks"]:
    if case["FullName"].endswith(".Join"):
        for key in ("Mean", "Median", "StandardDeviation"):
            case["Statistics"][key] *= 1.1
        case["Statistics"]["Percentiles"]["P95"] *= 1.1
        for measurement in case["Measurements"]:
            measurement["Nanoseconds"] *= 1.1
json.dump(document, open(path, "w"))
EOF
}

judge() { # LOAD TRIAL KIND
  (cd "$work" && "$misnomer" check spec.yaml --results "$work/judged.json" >"$work/check.log" 2>&1) || true
  local line
  while IFS= read -r line; do
    IFS='=' read -r case status ratio <<<"$line"
    echo "$1,$2,$3,$case,$status,$ratio" >>"$csv"
  done < <(statuses "$work/judged.json")
}

echo "recording the baseline from one run on the quiet machine ..."
bdn
(cd "$work" && "$misnomer" check spec.yaml --results "$work/recorded.json" >/dev/null 2>&1) || true
(cd "$work" && "$misnomer" baseline update "$work/recorded.json") || fail "recording the baseline failed"

echo "load,trial,kind,case,status,ratio" >"$csv"
for load in quiet busy; do
  [[ "$loads" == both || "$loads" == "$load" ]] || continue
  if [[ "$load" == busy ]]; then
    for _ in $(seq "$(nproc)"); do yes >/dev/null & busy_pids+=($!); done
  fi
  for trial in $(seq "$runs"); do
    start=$(date +%s)
    bdn
    judge "$load" "$trial" aa
    slower "$work/results/"*-report-full.json
    judge "$load" "$trial" slow10
    echo "  $load trial $trial: $(( $(date +%s) - start )) s"
  done
  stop_busy
done

python3 - "$csv" "$tolerance" "$iterations" "$launches" <<'EOF' | tee "$summary"
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"stored baseline of BenchmarkDotNet cases: tolerance {sys.argv[2]}, iterations {sys.argv[3]}, launches {sys.argv[4]}, baseline recorded on the quiet machine")
print("| load | trial | case | trials | regressed | improved | pass | inconclusive |")
print("|---|---|---|--:|--:|--:|--:|--:|")
groups = collections.OrderedDict()
for row in rows:
    groups.setdefault((row["load"], row["kind"], row["case"]), []).append(row["status"])
for (load, kind, case), statuses in groups.items():
    count = collections.Counter(statuses)
    label = "A/A" if kind == "aa" else ("10% slower" if case == "Join" else "A/A (beside the slower case)")
    print(f"| {load} | {label} | {case} | {len(statuses)} | {count['regressed']} | {count['improved']} | {count['pass']} | {count['inconclusive']} |")
EOF
echo "every trial: $csv"
