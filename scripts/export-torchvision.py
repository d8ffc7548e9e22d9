"""Export torchvision models to ONNX for the real-model tests and benchmarks.

Each model is built with random weights (fixed seed, no backbone weights either: nothing is downloaded),
put in eval mode and exported at opset 17: classification, segmentation (with their auxiliary heads, as
torchvision counts them), video and quantized models with a symbolic batch dimension; detection models
take a list of images, as torchvision's detectors do, so theirs has no batch dimension. Output goes to
.models/torchvision/ under the repository root, together with manifest.json, which records what each file should count: the tests compare the
analyzer's `params` with `float_param_elements` plus `quantized_weight_elements`, computed here from
the saved file.

A model whose .onnx exists and whose manifest entry matches the current torch, torchvision and
opset is skipped, so reruns are fast. A model that fails to export is reported, recorded in the
manifest as failed, and the others are still exported.

float_param_elements is usually below torch_num_params: the export folds BatchNormalization into
Conv (two parameters per channel become one bias) and stores identical initializers once (with
random init many biases and LayerNorm weights are all zeros or all ones). It can also be above:
swin_t's relative-position bias is gathered from its table at export and stored expanded.

Exit status: 0 all exported, 1 some model failed, 3 torch, torchvision or onnx missing.
"""

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

OPSET = 17
SEED = 0
INPUT_NAME = "input"
OUTPUT_NAME = "output"
BATCH_DIM = "batch"
INPUT_SIZE = (3, 224, 224)
MODELS = [
    "resnet18",
    "mobilenet_v3_large",
    "efficientnet_b0",
    "vit_b_16",
    "swin_t",
    "resnet50",
    "mobilenet_v2",
    # Further families, for operator coverage: every operator they use must be understood.
    "squeezenet1_0",
    "shufflenet_v2_x1_0",
    "googlenet",
    "densenet121",
    "inception_v3",
    "regnet_y_400mf",
    "mnasnet0_5",
    "convnext_tiny",
    "efficientnet_v2_s",
    "maxvit_t",
]
# Models of other tasks: the torchvision module that builds them, the builder's name there, its arguments beyond
# weights=None, and the input of one sample. Segmentation models keep their auxiliary head (aux_loss), as the
# models torchvision documents; a detector's input is a list of images, so its export has no batch dimension.
TASK_MODELS = {
    "lraspp_mobilenet_v3_large": ("segmentation", "lraspp_mobilenet_v3_large", {"weights_backbone": None}, (3, 520, 520)),
    "deeplabv3_mobilenet_v3_large": ("segmentation", "deeplabv3_mobilenet_v3_large",
                                     {"weights_backbone": None, "aux_loss": True}, (3, 520, 520)),
    "fcn_resnet50": ("segmentation", "fcn_resnet50", {"weights_backbone": None, "aux_loss": True}, (3, 520, 520)),
    "r3d_18": ("video", "r3d_18", {}, (3, 16, 112, 112)),
    "r2plus1d_18": ("video", "r2plus1d_18", {}, (3, 16, 112, 112)),
    "s3d": ("video", "s3d", {}, (3, 16, 224, 224)),
    "ssdlite320_mobilenet_v3_large": ("detection", "ssdlite320_mobilenet_v3_large", {"weights_backbone": None}, (3, 320, 320)),
    "fasterrcnn_mobilenet_v3_large_320_fpn": ("detection", "fasterrcnn_mobilenet_v3_large_320_fpn",
                                              {"weights_backbone": None}, (3, 320, 320)),
    # Quantized eagerly by torch (int8 weights in Constant nodes feeding DequantizeLinear), uncalibrated.
    "quantized_mobilenet_v2": ("quantization", "mobilenet_v2", {"quantize": True}, (3, 224, 224)),
}
MODELS += list(TASK_MODELS)
# Classification models whose native input is not 224x224.
INPUT_SIZES = {"inception_v3": (3, 299, 299)}
MISSING_DEPENDENCY = 3

REPO_ROOT = Path(__file__).resolve().parent.parent


def log(message):
    print(message, flush=True)


def import_dependencies():
    try:
        import torch
        import torchvision
    except ImportError as error:
        sys.stderr.write(
            f"export-torchvision: cannot import torch/torchvision ({error}).\n"
            "Install Debian's packages: apt-get install -y python3-torchvision python3-onnx\n"
            f"and run this script with the system interpreter (/usr/bin/python3, not {sys.executable}).\n")
        sys.exit(MISSING_DEPENDENCY)
    try:
        import onnx
    except ImportError as error:
        sys.stderr.write(
            f"export-torchvision: cannot import onnx ({error}); it computes the manifest's parameter counts.\n"
            "Install Debian's package: apt-get install -y python3-onnx\n")
        sys.exit(MISSING_DEPENDENCY)
    return torch, torchvision, onnx


def param_elements(onnx, path):
    """The elements the `params` indicator counts, in two parts: (float, quantized).

    float: floating-point initializers, plus float Constant-node tensors of more than one element.
    quantized: integer initializers and Constant-node tensors of more than one element that a
    DequantizeLinear reads as its x (input 0): the int8 weights and int32 biases of a quantized export.
    Mirrors the definition of the indicator before its BatchNormalization-statistics exclusion (the
    exports fold BatchNormalization into Conv, so none remain), counting each name once and looking
    into subgraphs too.
    """
    proto = onnx.TensorProto
    float_types = {proto.FLOAT, proto.DOUBLE, proto.FLOAT16, proto.BFLOAT16}
    integer_types = {proto.INT8, proto.UINT8, proto.INT16, proto.UINT16, proto.INT32, proto.UINT32, proto.INT64, proto.UINT64}
    model = onnx.load(str(path), load_external_data=False)

    def elements(tensor):
        count = 1
        for dim in tensor.dims:
            count *= dim
        return count

    def graphs(graph):
        yield graph
        for node in graph.node:
            for attribute in node.attribute:
                if attribute.type == onnx.AttributeProto.GRAPH:
                    yield from graphs(attribute.g)
                elif attribute.type == onnx.AttributeProto.GRAPHS:
                    for subgraph in attribute.graphs:
                        yield from graphs(subgraph)

    dequantized = {node.input[0] for graph in graphs(model.graph) for node in graph.node
                   if node.op_type == "DequantizeLinear" and node.input}
    tensors = {}
    for graph in graphs(model.graph):
        for node in graph.node:
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                for attribute in node.attribute:
                    if attribute.name == "value" and elements(attribute.t) > 1:
                        tensors.setdefault(node.output[0], attribute.t)
        for tensor in graph.initializer:
            tensors.setdefault(tensor.name, tensor)

    floats = sum(elements(t) for t in tensors.values() if t.data_type in float_types)
    quantized = sum(elements(t) for name, t in tensors.items() if t.data_type in integer_types and name in dequantized)
    return floats, quantized


def build(torchvision, name):
    """The model, the shape of one input sample, and whether it takes a list of images (a detector)."""
    if name in TASK_MODELS:
        module, builder, arguments, size = TASK_MODELS[name]
        model = getattr(getattr(torchvision.models, module), builder)(weights=None, **arguments)
        return model, size, module == "detection"
    return getattr(torchvision.models, name)(weights=None), INPUT_SIZES.get(name, INPUT_SIZE), False


def export(torch, torchvision, name, path):
    """Exports one model; returns torch's parameter count and the batch dimension's name (None for a detector)."""
    torch.manual_seed(SEED)
    model, size, detector = build(torchvision, name)
    model = model.eval()
    partial = path.with_name(path.name + ".partial")
    if detector:
        arguments = ([torch.randn(*size)],)
        axes, outputs = None, None
    else:
        arguments = torch.randn(1, *size)
        axes, outputs = {INPUT_NAME: {0: BATCH_DIM}, OUTPUT_NAME: {0: BATCH_DIM}}, [OUTPUT_NAME]
    # Traced with autograd on, deliberately: under torch.no_grad() an eval-mode nn.MultiheadAttention
    # (vit_b_16) takes its fused fast path, aten::_native_multi_head_attention, which torch 1.13
    # cannot export; with grad enabled and weights requiring grad it runs the exportable plain ops.
    torch.onnx.export(
        model,
        arguments,
        str(partial),
        export_params=True,
        opset_version=OPSET,
        do_constant_folding=True,
        input_names=[INPUT_NAME],
        output_names=outputs,
        dynamic_axes=axes,
    )
    # Write then rename: a killed run never leaves a truncated model that looks complete.
    os.replace(partial, path)
    return sum(p.numel() for p in model.parameters()), None if detector else BATCH_DIM


def entry_is_current(entry, path, versions):
    return (
        entry is not None
        and entry.get("status") == "ok"
        and path.is_file()
        and entry.get("file_bytes") == path.stat().st_size
        and all(entry.get(key) == value for key, value in versions.items())
    )


def read_manifest(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream).get("models", {})
    except (OSError, ValueError):
        return {}


def write_manifest(path, models, versions):
    document = {
        "generator": "scripts/export-torchvision.py",
        **versions,
        "input_name": INPUT_NAME,
        "batch_dim": BATCH_DIM,
        "models": models,
    }
    temporary = path.with_name(path.name + ".partial")
    with open(temporary, "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description="Export torchvision models to ONNX (opset 17, symbolic batch).")
    parser.add_argument("models", nargs="*", default=MODELS, help=f"models to export (default: {' '.join(MODELS)})")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / ".models" / "torchvision", help="output folder")
    parser.add_argument("--force", action="store_true", help="export even when the file is up to date")
    args = parser.parse_args()

    torch, torchvision, onnx = import_dependencies()
    versions = {"torch_version": torch.__version__, "torchvision_version": torchvision.__version__, "opset": OPSET}
    args.out.mkdir(parents=True, exist_ok=True)
    manifest_path = args.out / "manifest.json"
    models = read_manifest(manifest_path)
    log(f"torch {torch.__version__}, torchvision {torchvision.__version__}, onnx {onnx.__version__}, opset {OPSET} -> {args.out}")

    failed = []
    for index, name in enumerate(args.models, 1):
        file_name = f"{name}.onnx"
        path = args.out / file_name
        prefix = f"[{index}/{len(args.models)}] {name}"
        if not args.force and entry_is_current(models.get(name), path, versions):
            log(f"{prefix}: up to date, skipped")
            continue

        log(f"{prefix}: exporting ...")
        started = time.monotonic()
        try:
            num_params, batch_dim = export(torch, torchvision, name, path)
            float_elements, quantized_elements = param_elements(onnx, path)
        except Exception as error:  # one model's failure must not stop the others
            seconds = time.monotonic() - started
            log(f"{prefix}: FAILED after {seconds:.1f} s: {type(error).__name__}: {error}")
            traceback.print_exc(file=sys.stderr)
            models[name] = {"file": file_name, "status": "failed", "error": f"{type(error).__name__}: {error}", **versions}
            failed.append(name)
            write_manifest(manifest_path, models, versions)
            continue

        seconds = time.monotonic() - started
        models[name] = {
            "file": file_name,
            "status": "ok",
            **versions,
            "input_name": INPUT_NAME,
            "batch_dim": batch_dim,
            "file_bytes": path.stat().st_size,
            "float_param_elements": float_elements,
            "quantized_weight_elements": quantized_elements,
            "torch_num_params": num_params,
            "export_seconds": round(seconds, 1),
        }
        write_manifest(manifest_path, models, versions)
        log(f"{prefix}: ok in {seconds:.1f} s, {path.stat().st_size / 2**20:.1f} MiB, "
            f"float_param_elements {float_elements}, quantized_weight_elements {quantized_elements}, "
            f"torch_num_params {num_params}")

    write_manifest(manifest_path, models, versions)
    if failed:
        log(f"failed: {', '.join(failed)} (see manifest.json and the errors above)")
        return 1
    log("all models exported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
