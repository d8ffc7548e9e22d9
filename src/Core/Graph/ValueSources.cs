namespace EfficiencyMisnomer.Graph;

/// <summary>
/// Which of a model's inputs a value is computed from: what a user must declare to make the value known. The map from
/// values to the nodes producing them is built once per model; one search visits at most <see cref="MaxVisits"/> values,
/// so that a model of many control-flow nodes, each asking, stays linear.
/// </summary>
public static class ValueSources
{
    /// <summary>The most values one search visits; past it the inputs found so far are the answer.</summary>
    public const int MaxVisits = 10_000;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OnnxModel, Dictionary<string, Node>> Producers = new();

    /// <summary>The main graph's inputs that <paramref name="value"/> depends on, in the graph's input order.</summary>
    public static IReadOnlyList<string> InputsBehind(OnnxModel model, string value)
    {
        ArgumentNullException.ThrowIfNull(model);
        var producers = Producers.GetValue(model, ProducersOf);

        var inputs = model.Graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { value };
        var pending = new Stack<string>();
        pending.Push(value);
        while (pending.Count > 0 && seen.Count <= MaxVisits)
        {
            var name = pending.Pop();
            if (inputs.Contains(name))
            {
                found.Add(name);
                continue;
            }

            if (!producers.TryGetValue(name, out var producer))
            {
                continue; // an initializer or a body's own input
            }

            var reads = producer.Inputs.Concat(producer.Subgraphs.Values.SelectMany(g => g.AllNodes()).SelectMany(n => n.Node.Inputs));
            foreach (var read in reads.Where(r => r.Length > 0 && seen.Add(r)).TakeWhile(_ => seen.Count <= MaxVisits))
            {
                pending.Push(read);
            }
        }

        return model.Graph.Inputs.Select(i => i.Name).Where(found.Contains).ToList();
    }

    private static Dictionary<string, Node> ProducersOf(OnnxModel model)
    {
        var producers = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var (node, _) in model.Graph.AllNodes())
        {
            foreach (var output in node.Outputs.Where(o => o.Length > 0))
            {
                producers.TryAdd(output, node);
            }
        }

        return producers;
    }
}
