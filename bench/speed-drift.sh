#!/usr/bin/env bash
# Does a fixed reference workload see the machine-speed drift that makes stored baselines false-alarm on a shared
# virtual machine? Runs torchvision's mobilenet_v2 (one intra-op thread) and two managed reference workloads (compute in
# L1, a 32 MiB memory sweep) alternately for SECONDS, and prints per-window medians and how well each reference tracks
# the model's drift: correlation of window medians, and how many windows the model drifted beyond ±5% of its first
# window and the reference saw it (same side, over 2.5%). See docs/regression.md.
#
# usage: bench/speed-drift.sh [SECONDS] [WINDOW_SECONDS]   (defaults 600 and 5)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
window="${2:-5}"
model="$root/.models/torchvision/mobilenet_v2.onnx"
results="$root/bench/results"
[[ -f "$model" ]] || { echo "speed-drift: $model is missing: bash scripts/export-torchvision.sh mobilenet_v2" >&2; exit 2; }

log="$(mktemp)"
if ! dotnet build "$root/bench/SpeedDrift" -c Release -o "$root/bench/.bin/speed-drift" --nologo >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; exit 2
fi
rm -f "$log"
mkdir -p "$results"
echo "measuring for $seconds s in windows of $window s (load average $(cut -d' ' -f1-3 /proc/loadavg)) ..."
"$root/bench/.bin/speed-drift/speed-drift" "$model" "$seconds" "$window" > "$results/speed-drift.csv"
/usr/bin/python3 - "$results/speed-drift.csv" <<'PY' | tee "$results/speed-drift.md"
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
model = [float(r["model_ms"]) for r in rows]
refs = {name: [float(r[name + "_ms"]) for r in rows] for name in ("compute", "memory")}
base = statistics.median(model[:3])
print(f"{len(rows)} windows; model median {statistics.median(model):.3f} ms, window medians from {min(model):.3f} to {max(model):.3f} ms")
drifted = [i for i, m in enumerate(model) if abs(m / base - 1) > 0.05]
print(f"windows where the model drifted beyond ±5% of its first windows: {len(drifted)} of {len(rows)}")
print()
print("| reference | correlation with the model | drifted windows it saw (same side, >2.5%) | quiet windows it flagged |")
print("|---|--:|--:|--:|")
for name, ref in refs.items():
    rbase = statistics.median(ref[:3])
    r = statistics.correlation(model, ref) if len(rows) > 2 else float("nan")
    seen = sum(1 for i in drifted if (ref[i] / rbase - 1) * (model[i] / base - 1) > 0 and abs(ref[i] / rbase - 1) > 0.025)
    false = sum(1 for i in range(len(rows)) if i not in drifted and abs(ref[i] / rbase - 1) > 0.025)
    print(f"| {name} | {r:.2f} | {seen} of {len(drifted)} | {false} of {len(rows) - len(drifted)} |")
PY
