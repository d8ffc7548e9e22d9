using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Onnx;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Counts learnable parameters: floating-point initializers, and floating-point Constant-node tensors
/// of more than one element, each name once, subgraphs included. Tensors read only as a
/// BatchNormalization's running mean or variance are statistics, not parameters; unused tensors are
/// not parameters either. <c>param_uses</c> counts a tensor once per distinct node reading it: a weight read
/// by one node of a Loop or Scan body counts once, not once per iteration (the iterations are in the MACs).
/// </summary>
public static class ParameterCounter
{
    private const int BatchNormMeanInput = 3;
    private const int BatchNormVarianceInput = 4;

    public static ParameterCount Count(OnnxModel model)
    {
        var consumers = new Dictionary<string, List<(Node Node, int Input)>>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, (long Elements, long Bytes)>(StringComparer.Ordinal);
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
                && node.Attributes.GetTensor("value") is { } value && value.ElementType.IsFloatingPoint() && value.ElementCount > 1)
            {
                candidates.TryAdd(node.Outputs[0], (value.ElementCount, value.ByteSize));
            }
        }

        AddInitializers(model.Graph, candidates);

        long parameters = 0, uses = 0, embedding = 0, bytes = 0;
        int tensors = 0, unused = 0;
        foreach (var (name, (elements, size)) in candidates)
        {
            if (!consumers.TryGetValue(name, out var readers) || readers.Count == 0)
            {
                unused++;
                continue;
            }

            if (readers.TrueForAll(r => r.Node.OpType == "BatchNormalization"
                    && r.Input is BatchNormMeanInput or BatchNormVarianceInput))
            {
                continue;
            }

            tensors++;
            parameters = checked(parameters + elements);
            bytes = checked(bytes + size);
            var distinctNodes = readers.Select(r => r.Node).Distinct().Count();
            uses = checked(uses + (elements * distinctNodes));
            if (readers.TrueForAll(r => r.Node.OpType == "Gather" && r.Input == 0))
            {
                embedding = checked(embedding + elements);
            }
        }

        return new ParameterCount(parameters, uses, embedding, bytes, tensors, unused);
    }

    private static void AddInitializers(OnnxGraph graph, Dictionary<string, (long Elements, long Bytes)> candidates)
    {
        foreach (var (name, tensor) in graph.Initializers)
        {
            if (tensor.ElementType.IsFloatingPoint())
            {
                candidates.TryAdd(name, (tensor.ElementCount, tensor.ByteSize));
            }
        }

        foreach (var node in graph.Nodes)
        {
            foreach (var subgraph in node.Subgraphs.Values)
            {
                AddInitializers(subgraph, candidates);
            }
        }
    }
}
