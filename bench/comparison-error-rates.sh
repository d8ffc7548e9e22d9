#!/usr/bin/env bash
# Error rates of regression verdicts on a real model (torchvision's mobilenet_v2, one intra-op thread), through the
# product's own gate: against a revision (base and head interleaved in one run) and against a stored baseline (recorded
# once on the quiet machine), on a quiet machine and with one busy process per core ('yes > /dev/null').
# Heads: the base re-saved with other metadata (A/A), and variants about 10% and 5% slower; their true slowdowns are
# measured first by long interleaved runs. See bench/README.md and docs/regression.md.
#
# usage: bench/comparison-error-rates.sh [-n TRIALS] [-c CAP] [-T TOLERANCE] [-l quiet|busy|both] [-m against,stored]
#                                         [-a aa,slow10,slow5] [-o NAME] [-N]
#   TRIALS     trials per mode, load and head (default 100)
#   -a         the heads to try (default all three); -o names the results (default comparison-error-rates)
#   CAP        seconds one case may take, the product's --time-cap (default 10)
#   TOLERANCE  the regression tolerance (default 5%)
#   -N         stored mode without confirmation: the baseline names no commit, so a stored verdict is never measured
#              again beside the recorded model (the stored comparison alone)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials=100
cap=10
tolerance="5%"
loads="both"
modes="against,stored"
arms="aa,slow10,slow5"
name="comparison-error-rates"
confirm=""
model="$root/.models/torchvision/mobilenet_v2.onnx"
work="$root/bench/.work/comparison"
results="$root/bench/results"

fail() { echo "comparison-error-rates: $*" >&2; exit 2; }

while getopts "n:c:T:l:m:a:o:Nh" option; do
  case "$option" in
    n) trials="$OPTARG" ;;
    c) cap="$OPTARG" ;;
    T) tolerance="$OPTARG" ;;
    l) loads="$OPTARG" ;;
    m) modes="$OPTARG" ;;
    a) arms="$OPTARG" ;;
    o) name="$OPTARG" ;;
    N) confirm="--no-commit" ;;
    h) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
[[ "$trials" =~ ^[1-9][0-9]*$ ]] || fail "-n needs a positive number of trials, not '$trials'"
[[ "$cap" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "-c needs a number of seconds, not '$cap'"
[[ "$loads" =~ ^(quiet|busy|both)$ ]] || fail "-l is quiet, busy or both, not '$loads'"
command -v dotnet >/dev/null || fail "dotnet is not on PATH"
[[ -f "$model" ]] || fail "$model is missing: export it with 'bash scripts/export-torchvision.sh mobilenet_v2' (Debian's python3-torchvision and python3-onnx)"
/usr/bin/python3 -c "import onnx, numpy" 2>/dev/null || fail "the system python3 lacks onnx: apt-get install python3-onnx"

echo "building bench/ComparisonErrorRates (Release) ..."
log="$(mktemp)"
if ! dotnet build "$root/bench/ComparisonErrorRates" -c Release -o "$root/bench/.bin/comparison-error-rates" --nologo >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; fail "the build failed"
fi
rm -f "$log"
program="$root/bench/.bin/comparison-error-rates/comparison-error-rates"

rm -rf "$work"
mkdir -p "$work/heads" "$results"
/usr/bin/python3 "$root/bench/against/make-variants.py" "$model" "$work/heads" 3x250 1x276
declare -A variant=([aa]=resaved [slow10]=slower-3x250 [slow5]=slower-1x276)
heads=()
for arm in ${arms//,/ }; do
  [[ -n "${variant[$arm]:-}" ]] || fail "-a takes aa, slow10 and slow5, not '$arm'"
  heads+=("$arm=$work/heads/${variant[$arm]}.onnx")
done

stamp="$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) logical CPUs)"
echo "measuring each head's true slowdown (30 s interleaved, quiet) ..."
"$program" calibrate "$model" 30 1 "${heads[@]}" | tee "$work/calibration.csv"

run() { # LOAD
  echo "trials: $1 machine, load average $(cut -d' ' -f1-3 /proc/loadavg) ..."
  { echo "# $stamp; $cpu; load $1"; "$program" "$work/trial" "$model" "$trials" "$cap" 1 "$tolerance" "$1" "$modes" "${heads[@]}" $confirm; } \
    | tee "$results/$name-$1.csv" | grep -v '^#' | awk -F, 'NR > 1 { printf "  %s %s %s #%s: %s (%s s)\n", $1, $2, $3, $4, $5, $9 }'
}

files=()
if [[ "$loads" != busy ]]; then run quiet; files+=("$results/$name-quiet.csv"); fi
if [[ "$loads" != quiet ]]; then run busy; files+=("$results/$name-busy.csv"); fi

{
  echo "# bench/comparison-error-rates.sh, $stamp"
  echo "# CPU: $cpu; $(dotnet --version | sed 's/^/.NET SDK /'); mobilenet_v2, 1 thread, tolerance $tolerance, time cap $cap s, $trials trials"
  /usr/bin/python3 "$root/bench/against/summarize.py" "$work/calibration.csv" "${files[@]}"
} | tee "$results/$name.md"
echo "written to ${results#"$root/"}/$name.md"
