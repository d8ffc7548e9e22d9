using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Peak bytes of intermediate tensors alive at once when the main graph runs in its topological order
/// (the order of <see cref="OnnxGraph.Nodes"/>). A tensor lives from the step that produces it to its
/// last consumer; graph outputs live to the end. Outputs of pure views (Reshape, Flatten, Squeeze,
/// Unsqueeze, Identity, Dropout) share their input's buffer instead of adding one. Graph inputs and
/// initializers are not intermediate and are not counted. A control-flow node adds, at its step, the peak of the body it
/// runs (an If's branch that runs, or the costlier when either may; one iteration of a Loop or Scan body, whose tensors
/// are freed between iterations) in place of its own outputs, which the body produces; nested bodies nest.
/// </summary>
public static class ActivationLiveness
{
    private static readonly HashSet<string> Aliasing = new(StringComparer.Ordinal)
    {
        "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout",
    };

    public static long PeakBytes(OnnxGraph graph, InferredTypes types)
    {
        var nodes = graph.Nodes;
        var bufferOf = new Dictionary<string, Buffer>(StringComparer.Ordinal);
        var buffers = new List<Buffer>();
        for (int step = 0; step < nodes.Count; step++)
        {
            var node = nodes[step];
            if (node.Domain.Length == 0 && Aliasing.Contains(node.OpType) && node.HasInput(0)
                && bufferOf.TryGetValue(node.Inputs[0], out var shared) && node.Outputs.Count > 0)
            {
                bufferOf[node.Outputs[0]] = shared;
                continue;
            }

            foreach (var output in node.Outputs)
            {
                if (output.Length == 0)
                {
                    continue;
                }

                var buffer = new Buffer(step, types.TypeOf(output)?.ByteSize ?? 0);
                bufferOf[output] = buffer;
                buffers.Add(buffer);
            }
        }

        for (int step = 0; step < nodes.Count; step++)
        {
            foreach (var input in nodes[step].Inputs)
            {
                if (input.Length > 0 && bufferOf.TryGetValue(input, out var buffer))
                {
                    buffer.LastUse = Math.Max(buffer.LastUse, step);
                }
            }

            foreach (var subgraphRead in OuterReads(nodes[step]))
            {
                if (bufferOf.TryGetValue(subgraphRead, out var buffer))
                {
                    buffer.LastUse = Math.Max(buffer.LastUse, step);
                }
            }
        }

        foreach (var output in graph.Outputs)
        {
            if (bufferOf.TryGetValue(output.Name, out var buffer))
            {
                buffer.LastUse = nodes.Count;
            }
        }

        // Sweep: +bytes at the producing step, -bytes after the last use.
        var delta = new long[nodes.Count + 2];
        var inner = new long[nodes.Count];
        for (int step = 0; step < nodes.Count; step++)
        {
            if (nodes[step].Subgraphs.Count > 0)
            {
                var bodies = nodes[step].Subgraphs.Values.Where(g => !types.SkippedGraphs.Contains(g)).ToList();
                var body = bodies.Count == 0 ? 0 : bodies.Max(g => PeakBytes(g, types));
                var own = nodes[step].Outputs.Where(o => o.Length > 0).Sum(o => types.TypeOf(o)?.ByteSize ?? 0);
                inner[step] = Math.Max(0, body - own);
            }
        }

        foreach (var buffer in buffers)
        {
            delta[buffer.Start] = checked(delta[buffer.Start] + buffer.Bytes);
            var end = Math.Max(buffer.LastUse, buffer.Start) + 1;
            delta[end] = checked(delta[end] - buffer.Bytes);
        }

        long live = 0, peak = 0;
        for (int step = 0; step < delta.Length; step++)
        {
            live = checked(live + delta[step]);
            peak = Math.Max(peak, checked(live + (step < inner.Length ? inner[step] : 0)));
        }

        return peak;
    }

    private static IEnumerable<string> OuterReads(Node node) =>
        node.Subgraphs.Values.SelectMany(g => g.AllNodes()).SelectMany(n => n.Node.Inputs);

    private sealed class Buffer
    {
        public Buffer(int start, long bytes)
        {
            Start = start;
            LastUse = start;
            Bytes = bytes;
        }

        public int Start { get; }

        public long Bytes { get; }

        public int LastUse { get; set; }
    }
}
