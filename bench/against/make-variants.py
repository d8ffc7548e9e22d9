"""Writes the heads of the comparison benchmark from one ONNX model.

  resaved.onnx      the same network with other metadata: other bytes, the same work (the A/A head)
  slower-N.onnx     the same network plus a side branch that depends on the input: its mean scales a 256 x 256
                    matrix, which N matrix products then carry to one extra output, so that every inference does
                    N x 16.8 M more multiply-accumulates and nothing else changes (N is given, and optionally the
                    matrices' size; the benchmark measures the ratio each variant gives)

usage: make-variants.py MODEL OUT_DIR [N[xSIDE] ...]   (SIDE: the matrices' size, 256 by default)
Needs Debian's python3-onnx; run with the system interpreter.
"""

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto


def resaved(model):
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    copy.doc_string = "re-saved with other metadata"
    copy.producer_version = (copy.producer_version or "") + "+resaved"
    return copy


SIDE = 256


def slower(model, products, side=SIDE):
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    graph = copy.graph
    source = graph.input[0].name
    rng = np.random.default_rng(products)
    scale = numpy_helper.from_array(rng.standard_normal((side, side)).astype(np.float32), f"side_a_{products}")
    step = numpy_helper.from_array((rng.standard_normal((side, side)) / side).astype(np.float32), f"side_b_{products}")
    graph.initializer.extend([scale, step])
    graph.node.append(helper.make_node("ReduceMean", [source], ["side_mean"], keepdims=0, name="side_mean"))
    graph.node.append(helper.make_node("Mul", ["side_mean", scale.name], ["side_0"], name="side_scale"))
    for i in range(products):
        graph.node.append(helper.make_node("MatMul", [f"side_{i}", step.name], [f"side_{i + 1}"], name=f"side_matmul_{i}"))
    graph.node.append(helper.make_node("ReduceMean", [f"side_{products}"], ["side_out"], keepdims=0, name="side_out"))
    graph.output.append(helper.make_tensor_value_info("side_out", TensorProto.FLOAT, []))
    copy.doc_string = f"with a side branch of {products} matrix products of {side} x {side}"
    return copy


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        sys.exit(2)
    model = onnx.load(sys.argv[1])
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    onnx.save(resaved(model), out / "resaved.onnx")
    for spec in sys.argv[3:]:
        products, _, side = spec.partition("x")
        onnx.save(slower(model, int(products), int(side or SIDE)), out / f"slower-{spec}.onnx")


if __name__ == "__main__":
    main()
