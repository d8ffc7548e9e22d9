#!/usr/bin/env bash
# The GPU-side runtime code (NVML readers, CUDA provider probe, hardware fingerprint) on a real machine.
# See bench/README.md ("GPU check").
#
# usage: bench/gpu-check.sh [pack]     publish bench/gpu-check self-contained for linux-x64 and pack it
#                                      into bench/.bin/gpu-check.tar.xz (needs the .NET SDK)
#        bench/gpu-check.sh device     on the GPU machine (no .NET needed): unpack that archive, run the
#                                      probe, nvidia-smi and a listing of the NVIDIA/CUDA libraries; writes
#                                      everything under $OUT (default bench/results/gpu-check)
# The pack keeps libonnxruntime.so (the CUDA probe needs ONNX Runtime itself) but leaves out the CUDA and
# TensorRT provider libraries (about 280 MiB): the probe then reports the missing CUDA provider as its
# reason, as on a machine without the CUDA libraries.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
archive="$root/bench/.bin/gpu-check.tar.xz"
mode="${1:-pack}"

fail() { echo "gpu-check: $*" >&2; exit 2; }

pack() {
  command -v dotnet >/dev/null || fail "dotnet is not on PATH; it publishes the probe"
  local out="$root/bench/.bin/gpu-check"
  rm -rf "$out" "$archive"
  echo "publishing bench/gpu-check (Release, linux-x64, self-contained) to bench/.bin/gpu-check ..."
  local log
  log="$(mktemp)"
  if ! dotnet publish "$root/bench/gpu-check" -c Release -r linux-x64 --self-contained \
      -p:PublishTrimmed=false -p:InvariantGlobalization=true -o "$out" --nologo >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "dotnet publish bench/gpu-check failed"
  fi
  rm -f "$log"
  rm -f "$out"/libonnxruntime_providers_cuda.so "$out"/libonnxruntime_providers_tensorrt.so
  # The Windows half of the GPU package lands in a linux-x64 publish too (about 215 MiB of DLLs).
  rm -f "$out"/onnxruntime*.dll
  find "$out" \( -name '*.pdb' -o -name 'EfficiencyMisnomer.*.xml' \) -delete
  du -sh "$out"
  tar -C "$root/bench/.bin" -cJf "$archive" gpu-check
  du -h "$archive"
}

device() {
  [[ -f "$archive" ]] || fail "no $archive: run 'bench/gpu-check.sh pack' on a machine with the .NET SDK first"
  local out="${OUT:-$root/bench/results/gpu-check}"
  mkdir -p "$out"
  local work
  work="$(mktemp -d)"
  # A bare machine may lack xz; Python's tarfile reads the archive too.
  if command -v xz >/dev/null; then
    tar -C "$work" -xJf "$archive"
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$archive" "$work"
  else
    fail "neither xz nor python3 is installed: cannot unpack $archive"
  fi
  ls -la "$work/gpu-check" >"$out/published-files.txt" 2>&1
  nvidia-smi --query-gpu=name,driver_version,memory.total,memory.used,power.draw,enforced.power.limit --format=csv \
    >"$out/nvidia-smi-before.csv" 2>&1 || true
  local status=0
  (cd "$work" && timeout 120 ./gpu-check/gpu-check "${@}") >"$out/gpu-check.json" 2>"$out/gpu-check.stderr" || status=$?
  echo "$status" >"$out/gpu-check.exit"
  nvidia-smi --query-gpu=name,driver_version,memory.total,memory.used,power.draw,enforced.power.limit --format=csv \
    >"$out/nvidia-smi.csv" 2>&1 || true
  nvidia-smi >"$out/nvidia-smi.txt" 2>&1 || true
  # shellcheck disable=SC2086 # the globs are meant to expand
  ls -la /usr/lib/x86_64-linux-gnu/libnvidia-ml* /usr/local/cuda*/lib64 2>&1 | head >"$out/libraries.txt" || true
  ldconfig -p 2>/dev/null | grep -Ei 'cublas|cudnn|cudart|nvidia-ml' >"$out/ldconfig.txt" || true
  rm -rf "$work"
  echo "gpu-check exit status $status; results in $out"
  cat "$out/gpu-check.json" "$out/nvidia-smi.csv"
}

case "$mode" in
  pack) pack ;;
  device) shift; device "$@" ;;
  -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
  *) fail "unknown mode '$mode' (pack or device)" ;;
esac
