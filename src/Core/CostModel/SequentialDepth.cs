using EfficiencyMisnomer.Graph;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// The number of compute nodes on the longest dependency path of the main graph: steps that must run
/// one after another however wide the hardware. Views and metadata (Reshape, Shape, Constant, ...)
/// are not steps. A deep, narrow network and a shallow, wide one of equal MACs differ here. A Loop or Scan
/// is as many steps as its body's depth times its iterations, an If as its costed branch's depth.
/// </summary>
public static class SequentialDepth
{
    /// <summary>The depth of <paramref name="graph"/>; <paramref name="steps"/> gives control-flow nodes' steps, other nodes count 1, views 0.</summary>
    public static long Measure(OnnxGraph graph, IReadOnlyDictionary<Node, NodeCost> costs, IReadOnlyDictionary<Node, long>? steps = null)
    {
        var depthOf = new Dictionary<string, long>(StringComparer.Ordinal);
        long deepest = 0;
        foreach (var node in graph.Nodes)
        {
            long before = 0;
            foreach (var input in node.Inputs)
            {
                if (input.Length > 0 && depthOf.TryGetValue(input, out var d))
                {
                    before = Math.Max(before, d);
                }
            }

            long step = steps is not null && steps.TryGetValue(node, out var body) ? body
                : costs.TryGetValue(node, out var cost) && cost.Class == OperatorClass.View ? 0 : 1;
            var depth = checked(before + step);
            foreach (var output in node.Outputs)
            {
                if (output.Length > 0)
                {
                    depthOf[output] = depth;
                }
            }

            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }
}
