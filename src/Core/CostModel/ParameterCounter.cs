using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Counts learnable parameters: floating-point initializers, floating-point Constant-node tensors of
/// more than one element, and integer initializers or Constant-node tensors that a quantized operator reads as its
/// weight (or bias; torch's quantized exports store them as Constant nodes), each name once, subgraphs included; a
/// block-quantized weight counts its logical elements (<see cref="ContribQuantizedWeight"/>). Tensors read only as a
/// BatchNormalization's running mean or variance are statistics, not parameters, and rotary cos/sin caches are position
/// tables; unused tensors, scales and zero points are not parameters either. <c>param_uses</c> counts a tensor once per
/// distinct node reading it: a weight read by one node of a Loop or Scan body counts once, not once per
/// iteration (the iterations are in the MACs).
/// </summary>
public static class ParameterCounter
{
    private const int BatchNormMeanInput = 3;
    private const int BatchNormVarianceInput = 4;

    public static ParameterCount Count(OnnxModel model)
    {
        var consumers = new Dictionary<string, List<(Node Node, int Input)>>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, TensorInfo>(StringComparer.Ordinal);
        var constants = new Dictionary<string, TensorInfo>(StringComparer.Ordinal);
        foreach (var (node, graph) in model.Graph.AllNodes())
        {
            for (int i = 0; i < node.Inputs.Count; i++)
            {
                if (node.Inputs[i].Length > 0)
                {
                    if (!consumers.TryGetValue(node.Inputs[i], out var list))
                    {
                        consumers[node.Inputs[i]] = list = new List<(Node, int)>();
                    }

                    list.Add((node, i));
                }
            }

            if (node.OpType == "Constant" && node.Domain.Length == 0 && node.Outputs.Count > 0
                && node.Attributes.GetTensor("value") is { } value && value.ElementCount > 1
                && (value.ElementType.IsFloatingPoint() || value.ElementType.IsInteger()))
            {
                constants.TryAdd(node.Outputs[0], value);
            }
        }

        foreach (var (name, value) in constants.Where(c => c.Value.ElementType.IsFloatingPoint() || ReadAsQuantizedWeight(c.Key, c.Value, consumers)))
        {
            candidates.TryAdd(name, value);
        }

        AddInitializers(model.Graph, candidates, consumers);

        long parameters = 0, uses = 0, embedding = 0, bytes = 0;
        int tensors = 0, unused = 0;
        var counted = new List<ParameterTensor>();
        foreach (var (name, tensor) in candidates)
        {
            if (!consumers.TryGetValue(name, out var readers) || readers.Count == 0)
            {
                unused++;
                continue;
            }

            var packed = readers.Find(r => ContribQuantizedWeight.IsWeight(r.Node, r.Input));
            var elements = packed.Node is null ? tensor.ElementCount : ContribQuantizedWeight.LogicalElements(packed.Node, packed.Input, tensor);
            var size = tensor.ByteSize;

            if (readers.TrueForAll(r => r.Node.OpType == "BatchNormalization"
                    && r.Input is BatchNormMeanInput or BatchNormVarianceInput))
            {
                continue;
            }

            if (readers.TrueForAll(IsQuantizationParameter) || readers.TrueForAll(IsRotaryCache))
            {
                continue;
            }

            tensors++;
            counted.Add(new ParameterTensor(name, tensor, readers[0].Node.Name));
            parameters = checked(parameters + elements);
            bytes = checked(bytes + size);
            var distinctNodes = readers.Select(r => r.Node).Distinct().Count();
            uses = checked(uses + (elements * distinctNodes));
            if (readers.TrueForAll(IsLookup))
            {
                embedding = checked(embedding + elements);
            }
        }

        return new ParameterCount(parameters, uses, embedding, bytes, tensors, unused) { ParameterTensors = counted };
    }

    private static void AddInitializers(OnnxGraph graph, Dictionary<string, TensorInfo> candidates,
        Dictionary<string, List<(Node Node, int Input)>> consumers)
    {
        foreach (var (name, tensor) in graph.Initializers)
        {
            if (tensor.ElementType.IsFloatingPoint() || ReadAsQuantizedWeight(name, tensor, consumers))
            {
                candidates.TryAdd(name, tensor);
            }
        }

        foreach (var node in graph.Nodes)
        {
            foreach (var subgraph in node.Subgraphs.Values)
            {
                AddInitializers(subgraph, candidates, consumers);
            }
        }
    }

    /// <summary>An integer tensor that some node reads as its quantized weight or bias.</summary>
    private static bool ReadAsQuantizedWeight(string name, TensorInfo tensor, Dictionary<string, List<(Node Node, int Input)>> consumers) =>
        tensor.ElementType.IsInteger() && consumers.TryGetValue(name, out var readers) && readers.Exists(IsQuantizedWeight);

    /// <summary>
    /// The operand that holds quantized weights: QLinearConv's w (3) and int32 bias (8), QLinearMatMul's
    /// a (0) or b (3), ConvInteger's w (1), MatMulInteger's a (0) or b (1), and DequantizeLinear's x (0),
    /// through which QDQ models feed their int8 weights. Scales and zero points are other inputs.
    /// </summary>
    private static bool IsQuantizedWeight((Node Node, int Input) reader)
    {
        var (node, input) = reader;
        if (node.Domain.Length != 0 && node.Domain != "ai.onnx")
        {
            return ContribQuantizedWeight.IsWeight(node, input);
        }

        return node.OpType switch
        {
            "QLinearConv" => input is 3 or 8,
            "QLinearMatMul" => input is 0 or 3,
            "ConvInteger" => input == 1,
            "MatMulInteger" => input is 0 or 1,
            "DequantizeLinear" => input == 0,
            _ => false,
        };
    }

    /// <summary>A scale or zero point of a quantized operator: fixed by calibration, not learned with the weights.</summary>
    private static bool IsQuantizationParameter((Node Node, int Input) reader)
    {
        var (node, input) = reader;
        if (node.Domain.Length != 0 && node.Domain != "ai.onnx")
        {
            return ContribQuantizedWeight.IsQuantizationParameter(node, input);
        }

        return node.OpType switch
        {
            "QLinearConv" or "QLinearMatMul" => input is 1 or 2 or 4 or 5 or 6 or 7,
            "QuantizeLinear" or "DequantizeLinear" => input is 1 or 2,
            "ConvInteger" or "MatMulInteger" => input is 2 or 3,
            _ => false,
        };
    }

    /// <summary>
    /// A cos or sin cache of a rotary embedding (ONNX Runtime's GroupQueryAttention inputs 7 and 8 and
    /// RotaryEmbedding and MRotaryEmbedding inputs 2 and 3; ONNX RotaryEmbedding inputs 1 and 2): a table of position angles
    /// computed before export, not learned.
    /// </summary>
    private static bool IsRotaryCache((Node Node, int Input) reader) =>
        reader.Node.Domain == "com.microsoft"
            ? (reader.Node.OpType, reader.Input) is ("GroupQueryAttention", 7 or 8) or ("RotaryEmbedding" or "MRotaryEmbedding", 2 or 3)
            : reader.Node.IsDefaultDomain && reader.Node.OpType == "RotaryEmbedding" && reader.Input is 1 or 2;

    /// <summary>
    /// A read of a lookup table: Gather's or GatherBlockQuantized's data, the embedding tables of ONNX Runtime's
    /// EmbedLayerNormalization, the bias_table of its RelativePositionBias (which replaces T5's Gather of it), or
    /// the weight of its TorchEmbedding.
    /// </summary>
    private static bool IsLookup((Node Node, int Input) reader) =>
        (reader.Node.OpType == "Gather" && reader.Input == 0)
        || (reader.Node.OpType == "GatherBlockQuantized" && reader.Node.Domain == "com.microsoft" && reader.Input == 0)
        || (reader.Node.OpType == "EmbedLayerNormalization" && reader.Node.Domain == "com.microsoft" && reader.Input is 2 or 3 or 4)
        || (reader.Node.OpType is "RelativePositionBias" or "TorchEmbedding" && reader.Node.Domain == "com.microsoft" && reader.Input == 0);
}
