#!/usr/bin/env bash
# `misnomer run --provider cuda` on a GPU machine that has the CUDA 13 and cuDNN 9 libraries but no .NET, and
# that accepts files in pieces of at most 64 MiB. See bench/README.md ("CUDA run").
#
# usage: bench/gpu-cuda-run.sh pack     publish the CLI self-contained for linux-x64 into bench/.bin/cli-sc,
#                                      pack it into bench/.bin/gpu/cli.tar.xz and split the xz-compressed
#                                      CUDA provider library into bench/.bin/gpu/prov.NN pieces of 58 MiB
#        bench/gpu-cuda-run.sh stash    on the GPU machine: keep the pieces that arrived under /tmp/g
#        bench/gpu-cuda-run.sh device   on the GPU machine, once every piece is there: reassemble, unpack,
#                                      run `misnomer hardware` and `misnomer run` (cuda, then cpu) on the bundled
#                                      tiny CNN and, when present, .models/torchvision/mobilenet_v2.onnx;
#                                      everything goes to $OUT
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/bench/.bin"
stash=/tmp/g

pack() {
  local native
  native="$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.ml.onnxruntime.gpu.linux" -name libonnxruntime_providers_cuda.so | head -1)"
  [[ -n "$native" ]] || { echo "restore the solution first: no libonnxruntime_providers_cuda.so in the NuGet cache" >&2; exit 2; }
  rm -rf "$bin/cli-sc" "$bin/gpu" && mkdir -p "$bin/gpu"
  dotnet publish "$root/src/Cli" -c Release -r linux-x64 --self-contained -p:InvariantGlobalization=true -o "$bin/cli-sc" --nologo >/dev/null
  rm -f "$bin/cli-sc"/libonnxruntime_providers_cuda.so "$bin/cli-sc"/libonnxruntime_providers_tensorrt.so "$bin/cli-sc"/onnxruntime*.dll
  find "$bin/cli-sc" \( -name '*.pdb' -o -name '*.xml' \) -delete
  tar -C "$bin" -cJf "$bin/gpu/cli.tar.xz" cli-sc
  xz -T0 -6 -c "$native" | split -b 58m -d - "$bin/gpu/prov."
  ls -la "$bin/gpu"
}

keep() { mkdir -p "$stash" && cp "$bin"/gpu/prov.* "$stash/" 2>/dev/null || true; ls -la "$stash"; }

device() {
  keep >/dev/null
  local out="${OUT:-$root/bench/results/gpu-cuda-run}"
  mkdir -p "$out"
  cat "$stash"/prov.* | xz -d >"$stash/libonnxruntime_providers_cuda.so"
  tar -C "$stash" -xJf "$bin/gpu/cli.tar.xz"
  cp "$stash/libonnxruntime_providers_cuda.so" "$stash/cli-sc/"
  local mobilenet=""
  [[ -f "$root/.models/torchvision/mobilenet_v2.onnx" ]] &&
    mobilenet="  mobilenet_v2: { path: $root/.models/torchvision/mobilenet_v2.onnx, quality: { top1: 0.72 } }"
  cat >"$stash/gpu.yaml" <<YAML
name: gpu-check
models:
$mobilenet
  tiny-cnn: { path: $root/specs/models/tiny-cnn.onnx, quality: { top1: 0.61 } }
bind: { batch: 1 }
hardware:
  h200:
    match: { provider: cuda, gpu: "NVIDIA H200*" }
    price_per_hour: 3.50
    grid_intensity: 400
    budgets:
      latency.p50: { max: 50 ms }
      gpu_memory: { max: 4 GiB }
      energy: { max: 10 J }
      cost: { max: 10 }
      throughput: { min: 100 /s, batch: 8 }
  host-cpu:
    match: { provider: cpu }
    budgets:
      latency.p50: { max: 500 ms }
YAML
  cd "$stash/cli-sc"
  timeout 30 ./misnomer hardware --provider cuda >"$out/hardware.txt" 2>&1 || true
  timeout 150 ./misnomer run "$stash/gpu.yaml" --provider cuda --time-cap 10 --results "$out/cuda.json" >"$out/run-cuda.txt" 2>&1 || true
  timeout 80 ./misnomer run "$stash/gpu.yaml" --provider cpu --profile host-cpu --time-cap 5 --results "$out/cpu.json" >"$out/run-cpu.txt" 2>&1 || true
  tail -c 6000 "$out/run-cuda.txt"
}

case "${1:-}" in
  pack) pack ;;
  stash) keep ;;
  device) device ;;
  *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
