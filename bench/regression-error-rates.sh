#!/usr/bin/env bash
# Error rates of the regression verdict on real measurements: PAIRS paired runs with no change (goal: at most
# 1% judged regressed) and PAIRS paired runs against a model made 10% slower (goal: at least 95% judged
# regressed), measured the way `misnomer run` measures, at the default tolerance (5%) and noise floor.
# See bench/README.md.
#
# usage: bench/regression-error-rates.sh [-n PAIRS] [-c TIME_CAP] [-t THREADS]
#   PAIRS     paired runs of each arm (default 100)
#   TIME_CAP  seconds one measurement may take (default: the product's default, 10)
#   THREADS   intra-op threads, as a profile's `threads` (default: one per physical core)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs=100
cap=""
threads=""
work="$root/bench/.work/regression"
results="$root/bench/results/regression-error-rates.txt"

fail() { echo "regression-error-rates: $*" >&2; exit 2; }

while getopts "n:c:t:h" option; do
  case "$option" in
    n) pairs="$OPTARG" ;;
    c) cap="$OPTARG" ;;
    t) threads="$OPTARG" ;;
    h) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || fail "unexpected argument '$1'"
[[ "$pairs" =~ ^[1-9][0-9]*$ ]] || fail "-n needs a positive number of pairs, not '$pairs'"
[[ -z "$cap" || "$cap" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "-c needs a number of seconds, not '$cap'"
[[ -z "$threads" || "$threads" =~ ^[1-9][0-9]*$ ]] || fail "-t needs a positive number of threads, not '$threads'"
command -v dotnet >/dev/null || fail "dotnet is not on PATH; it builds the measuring program"

echo "building bench/RegressionErrorRates (Release) ..."
log="$(mktemp)"
if ! dotnet build "$root/bench/RegressionErrorRates" -c Release -o "$root/bench/.bin/regression-error-rates" --nologo >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  fail "dotnet build bench/RegressionErrorRates failed"
fi
rm -f "$log"

mkdir -p "$(dirname "$results")"
{
  echo "# bench/regression-error-rates.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) logical CPUs); $(dotnet --version | sed 's/^/.NET SDK /')"
  "$root/bench/.bin/regression-error-rates/regression-error-rates" "$work" "$pairs" "$cap" ${threads:+"$threads"}
} | tee "$results"
echo "written to ${results#"$root/"}"
