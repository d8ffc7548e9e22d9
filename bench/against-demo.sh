#!/usr/bin/env bash
# A pull-request check on a busy runner, end to end with the command line a user runs: a git repository whose base
# commit holds mobilenet_v2; the working tree holds either the same model re-saved (must exit 0, no EM4010) or a variant
# about 20% slower (must exit 1 with EM4010 on latency); each 'misnomer run --against' runs under one busy process per
# core. Then the peak memory of mobilenet_v2 in a spec of five models, first and last (must agree within 5%).
#
# usage: bench/against-demo.sh        (needs .models/torchvision/ from scripts/export-torchvision.sh, and git)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work/against-demo"
models="$root/.models/torchvision"
fail() { echo "against-demo: $*" >&2; exit 2; }
for m in mobilenet_v2 resnet18 squeezenet1_0 shufflenet_v2_x1_0 mnasnet0_5; do
  [[ -f "$models/$m.onnx" ]] || fail "$models/$m.onnx is missing: run 'bash scripts/export-torchvision.sh $m'"
done
command -v git >/dev/null || fail "git is not installed"

echo "publishing the CLI (Release) ..."
dotnet publish "$root/src/Cli" -c Release -o "$root/bench/.bin/misnomer" --nologo -v quiet >/dev/null
misnomer="$root/bench/.bin/misnomer/misnomer"

rm -rf "$work"
mkdir -p "$work/repo/specs/models"
cd "$work/repo"
git init -q -b main
cp "$models/mobilenet_v2.onnx" specs/models/mobilenet_v2.onnx
cat > specs/mobilenet.yaml <<'SPEC'
name: mobilenet
models:
  mobilenet_v2: { path: models/mobilenet_v2.onnx }
hardware:
  cpu:
    match: { provider: cpu }
    threads: 1
    budgets:
      latency.p50: { max: 1 s }
regression:
  against: main
  tolerance: { default: 10% }
SPEC
git add -A && git -c user.name=demo -c user.email=demo@example.com commit -qm "base: mobilenet_v2"

busy() { for _ in $(seq "$(nproc)"); do yes > /dev/null & done; }
quiet() { kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; }
status=0
check() { # NAME EXPECTED_EXIT NEEDS_EM4010
  local started code
  started=$(date +%s.%N)
  busy
  set +e
  "$misnomer" run specs/mobilenet.yaml --provider cpu > "$work/$1.out" 2> "$work/$1.err"
  code=$?
  set -e
  quiet
  local seconds; seconds=$(echo "$(date +%s.%N) - $started" | bc)
  local em4010; em4010=$(grep -c "error EM4010: .*latency\.p50" "$work/$1.err" || true)
  local verdict; verdict=$(grep -m1 -E "^  latency\.p50 " "$work/$1.out" | tr -s ' ' || true)
  printf '%-8s exit %d (want %d), EM4010 on latency %s, %.1f s: %s\n' "$1" "$code" "$2" "$([[ $em4010 -gt 0 ]] && echo yes || echo no)" "$seconds" "$verdict"
  if [[ $code -ne $2 || ( $3 == yes && $em4010 -eq 0 ) || ( $3 == no && $em4010 -ne 0 ) ]]; then status=1; echo "  MISS"; fi
}

echo "under $(nproc) busy processes ('yes > /dev/null'):"
/usr/bin/python3 "$root/bench/against/make-variants.py" "$models/mobilenet_v2.onnx" "$work/heads" 6 >/dev/null
cp "$work/heads/resaved.onnx" specs/models/mobilenet_v2.onnx
check resaved 0 no
cp "$work/heads/slower-6.onnx" specs/models/mobilenet_v2.onnx
check slower 1 yes
git checkout -q specs/models/mobilenet_v2.onnx

echo "peak memory of mobilenet_v2 in a spec of five models, first and last:"
order=(mobilenet_v2 resnet18 squeezenet1_0 shufflenet_v2_x1_0 mnasnet0_5)
peak() { # ORDER...
  local spec="$work/five.yaml"
  { echo "name: five"; echo "models:"; for m in "$@"; do echo "  $m: { path: $models/$m.onnx }"; done
    printf 'hardware:\n  cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      peak_memory: { max: 8 GiB }\n'; } > "$spec"
  "$misnomer" run "$spec" --provider cpu --time-cap 1 --results "$work/five.json" >/dev/null 2>&1 || true
  /usr/bin/python3 -c "import json,sys; d=json.load(open('$work/five.json')); m=[x for x in d['specs'][0]['models'] if x['name']=='mobilenet_v2'][0]; print([i['value'] for i in m['runtime'][0]['indicators'] if i['name']=='peak_memory'][0])"
}
first=$(peak "${order[@]}")
last=$(peak $(printf '%s\n' "${order[@]}" | tac))
/usr/bin/python3 -c "f=$first; l=$last; r=l/f; print(f'  first {f/2**20:.1f} MiB, last {l/2**20:.1f} MiB, ratio {r:.3f}', 'PASS' if abs(r-1) <= 0.05 else 'MISS')" | tee "$work/memory.txt"
grep -q PASS "$work/memory.txt" || status=1
exit $status
