using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>The result of shape inference: every value's type, the values known before run time, and what could not be inferred.</summary>
public sealed class InferredTypes
{
    private readonly IReadOnlyDictionary<string, TensorType> types;
    private readonly IReadOnlyDictionary<string, TensorValue> values;

    internal InferredTypes(IReadOnlyDictionary<string, TensorType> types, IReadOnlyDictionary<string, TensorValue> values,
        IReadOnlyList<Diagnostic> warnings, IReadOnlySet<string> uninferredNodes, IReadOnlyDictionary<string, TensorType> inputs)
    {
        this.types = types;
        this.values = values;
        Warnings = warnings;
        UninferredNodes = uninferredNodes;
        Inputs = inputs;
    }

    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Nodes whose outputs no rule could infer (unknown operators, data-dependent shapes).</summary>
    public IReadOnlySet<string> UninferredNodes { get; }

    /// <summary>The main graph's inputs at the bound shapes.</summary>
    public IReadOnlyDictionary<string, TensorType> Inputs { get; }

    /// <summary>Bodies left out: If branches that never run (a known condition) or that cannot be typed; they are not costed.</summary>
    public IReadOnlySet<Graph.OnnxGraph> SkippedGraphs { get; init; } = new HashSet<Graph.OnnxGraph>();

    public TensorType? TypeOf(string name) => types.TryGetValue(name, out var type) ? type : null;

    public TensorValue? ValueOf(string name) => values.TryGetValue(name, out var value) ? value : null;
}
