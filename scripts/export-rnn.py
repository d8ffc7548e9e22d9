"""Export small torch recurrent networks (LSTM, GRU) to ONNX for the real-export MACs tests.

torch exports a multi-layer nn.LSTM or nn.GRU as one ONNX node per layer. The manifest written next
to the models (.models/rnn/manifest.json) records each network's sizes (input size, hidden size,
layers, directions, sequence length, batch), so the tests can check the analyzer's `macs` against
T * gates * H * (I + H) * directions * batch summed over layers, where I is the input size of the
first layer and directions * H for the others. It also records the file's floating-point parameter
elements, as scripts/export-torchvision.py does.

Exit status: 0 all exported, 1 some model failed, 3 torch or onnx missing.
"""

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

OPSET = 17
SEED = 0
SEQUENCE = 10
BATCH = 1
MISSING_DEPENDENCY = 3
REPO_ROOT = Path(__file__).resolve().parent.parent

# name: (module, gates, input size, hidden size, layers, bidirectional)
NETWORKS = {
    "lstm": ("LSTM", 4, 32, 64, 2, True),
    "gru": ("GRU", 3, 16, 48, 2, False),
}


def import_dependencies():
    try:
        import torch
        import onnx
    except ImportError as error:
        sys.stderr.write(
            f"export-rnn: cannot import torch/onnx ({error}).\n"
            "Install Debian's packages: apt-get install -y python3-torch python3-onnx\n"
            f"and run this script with the system interpreter (/usr/bin/python3, not {sys.executable}).\n")
        sys.exit(MISSING_DEPENDENCY)
    return torch, onnx


def float_param_elements(onnx, path):
    """Floating-point initializer elements plus float Constant tensors of more than one element."""
    proto = onnx.TensorProto
    float_types = {proto.FLOAT, proto.DOUBLE, proto.FLOAT16, proto.BFLOAT16}
    model = onnx.load(str(path))

    def elements(tensor):
        count = 1
        for dim in tensor.dims:
            count *= dim
        return count

    total = sum(elements(t) for t in model.graph.initializer if t.data_type in float_types)
    for node in model.graph.node:
        if node.op_type == "Constant":
            for attribute in node.attribute:
                if attribute.name == "value" and attribute.t.data_type in float_types and elements(attribute.t) > 1:
                    total += elements(attribute.t)
    return total


def export(torch, name, path):
    module_name, gates, input_size, hidden_size, layers, bidirectional = NETWORKS[name]
    torch.manual_seed(SEED)
    module = getattr(torch.nn, module_name)(
        input_size=input_size, hidden_size=hidden_size, num_layers=layers, bidirectional=bidirectional,
        batch_first=False).eval()
    sample = torch.randn(SEQUENCE, BATCH, input_size)
    partial = path.with_name(path.name + ".partial")
    with torch.no_grad():
        torch.onnx.export(module, (sample,), str(partial), opset_version=OPSET, do_constant_folding=True,
                          input_names=["input"], output_names=["output"])
    os.replace(partial, path)
    return {
        "op": module_name,
        "gates": gates,
        "input_size": input_size,
        "hidden_size": hidden_size,
        "layers": layers,
        "directions": 2 if bidirectional else 1,
        "sequence_length": SEQUENCE,
        "batch": BATCH,
        "torch_num_params": sum(p.numel() for p in module.parameters()),
    }


def main():
    parser = argparse.ArgumentParser(description="Export torch LSTM and GRU networks to ONNX (opset 17).")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / ".models" / "rnn", help="output folder")
    args = parser.parse_args()

    torch, onnx = import_dependencies()
    args.out.mkdir(parents=True, exist_ok=True)
    models, failed = {}, []
    for name in NETWORKS:
        path = args.out / f"{name}.onnx"
        try:
            entry = export(torch, name, path)
            entry.update(file=path.name, status="ok", float_param_elements=float_param_elements(onnx, path))
            print(f"{name}: ok, {entry}", flush=True)
        except Exception as error:  # one network's failure must not stop the other
            traceback.print_exc(file=sys.stderr)
            entry = {"file": path.name, "status": "failed", "error": f"{type(error).__name__}: {error}"}
            failed.append(name)
        models[name] = entry

    document = {"generator": "scripts/export-rnn.py", "torch_version": torch.__version__, "opset": OPSET, "models": models}
    manifest = args.out / "manifest.json"
    temporary = manifest.with_name(manifest.name + ".partial")
    with open(temporary, "w", encoding="utf-8") as stream:
        json.dump(document, stream, indent=2)
        stream.write("\n")
    os.replace(temporary, manifest)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
