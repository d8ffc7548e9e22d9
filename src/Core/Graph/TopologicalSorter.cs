using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Onnx;

namespace EfficiencyMisnomer.Graph;

/// <summary>
/// Orders each graph's nodes topologically (Kahn's algorithm, stable in file order) and rejects graphs
/// with cycles, duplicate producers, or inputs nothing produces. Subgraph bodies may read values of
/// enclosing graphs; such reads make the owning node depend on their producers.
/// </summary>
internal static class TopologicalSorter
{
    /// <summary>
    /// Sorts <paramref name="graph"/> and its subgraphs; returns the outer values the graph reads.
    /// <paramref name="scope"/> names the graph in messages: a subgraph by its owning node and attribute.
    /// </summary>
    public static HashSet<string> Sort(OnnxGraph graph, ValueScope? outerScope, ModelSource source, string? scope = null)
    {
        scope ??= graph.Name;
        var producers = new Dictionary<string, Node>(StringComparer.Ordinal);
        var inputs = new HashSet<string>(graph.Inputs.Select(i => i.Name), StringComparer.Ordinal);
        var local = new HashSet<string>(inputs, StringComparer.Ordinal);
        local.UnionWith(graph.Initializers.Keys);
        foreach (var node in graph.Nodes)
        {
            foreach (var output in node.Outputs)
            {
                if (output.Length == 0)
                {
                    continue;
                }

                if (producers.TryGetValue(output, out var other) || graph.Initializers.ContainsKey(output)
                    || inputs.Contains(output))
                {
                    var first = other is null ? "a graph input or initializer" : $"node '{UserText.Quote(other.Name)}'";
                    throw new EfficiencyException(ErrorCodes.DuplicateOutput,
                        $"value '{UserText.Quote(output)}' is produced twice: by {first} and by node '{UserText.Quote(node.Name)}' ({UserText.Quote(node.OpType)}); ONNX values have exactly one producer.",
                        source.Locate($"node '{UserText.Quote(node.Name)}'"));
                }

                producers[output] = node;
                local.Add(output);
            }
        }

        var visible = new ValueScope(local, outerScope);
        var free = new HashSet<string>(StringComparer.Ordinal);
        var dependencies = new List<string>[graph.Nodes.Count];
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var deps = new List<string>();
            foreach (var input in node.Inputs)
            {
                if (input.Length == 0)
                {
                    continue;
                }

                if (!local.Contains(input))
                {
                    if (outerScope?.Contains(input) != true)
                    {
                        throw new EfficiencyException(ErrorCodes.DanglingInput,
                            $"node '{UserText.Quote(node.Name)}' ({UserText.Quote(node.OpType)}) in {UserText.Quote(scope)} reads '{UserText.Quote(input)}', which no node, graph input or initializer produces{(graph.Parent is null ? "" : " there or in an enclosing graph")}.",
                            source.Locate($"node '{UserText.Quote(node.Name)}'"));
                    }

                    free.Add(input);
                    continue;
                }

                deps.Add(input);
            }

            foreach (var (attribute, subgraph) in node.Subgraphs)
            {
                foreach (var name in Sort(subgraph, visible, source, $"{UserText.Quote(subgraph.Name)} (the {UserText.Quote(attribute)} of {UserText.Quote(node.OpType)} node '{UserText.Quote(node.Name)}')"))
                {
                    if (local.Contains(name))
                    {
                        deps.Add(name);
                    }
                    else
                    {
                        free.Add(name);
                    }
                }
            }

            dependencies[i] = deps;
        }

        foreach (var output in graph.Outputs)
        {
            if (!visible.Contains(output.Name))
            {
                throw new EfficiencyException(ErrorCodes.DanglingInput,
                    $"graph output '{UserText.Quote(output.Name)}' of {UserText.Quote(scope)} is produced by no node, input or initializer.",
                    source.Locate($"output '{UserText.Quote(output.Name)}'"));
            }

            if (!local.Contains(output.Name))
            {
                free.Add(output.Name);
            }
        }

        graph.Nodes = Order(graph, producers, dependencies, source);
        graph.Producers = producers;
        return free;
    }

    private static List<Node> Order(OnnxGraph graph, Dictionary<string, Node> producers, List<string>[] dependencies, ModelSource source)
    {
        var count = graph.Nodes.Count;
        var pending = new int[count];
        var dependents = new List<int>[count];
        for (int i = 0; i < count; i++)
        {
            foreach (var name in dependencies[i])
            {
                if (producers.TryGetValue(name, out var producer))
                {
                    pending[i]++;
                    (dependents[producer.Index] ??= new List<int>()).Add(i);
                }
            }
        }

        // A min-heap on file position keeps the order stable: files already in order stay as they are.
        var ready = new PriorityQueue<int, int>();
        for (int i = 0; i < count; i++)
        {
            if (pending[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var ordered = new List<Node>(count);
        while (ready.TryDequeue(out var index, out _))
        {
            ordered.Add(graph.Nodes[index]);
            if (dependents[index] is null)
            {
                continue;
            }

            foreach (var dependent in dependents[index])
            {
                if (--pending[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }

        if (ordered.Count < count)
        {
            var stuck = graph.Nodes.Where(n => pending[n.Index] > 0).Select(n => $"'{UserText.Quote(n.Name)}'").Take(6).ToList();
            throw new EfficiencyException(ErrorCodes.GraphCycle,
                $"{UserText.Quote(graph.Name)} has a cycle: nodes {string.Join(", ", stuck)} wait on each other's outputs.",
                source.Locate($"node {stuck[0]}"));
        }

        return ordered;
    }

    /// <summary>
    /// The values a graph can read: its own, then those of each enclosing graph. Chained rather than copied, so that a
    /// graph of many If nodes does not copy the main graph's values once per branch.
    /// </summary>
    internal sealed record ValueScope(HashSet<string> Local, ValueScope? Outer)
    {
        public bool Contains(string name) => Local.Contains(name) || (Outer?.Contains(name) ?? false);
    }
}
