using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel;

/// <summary>What the static analysis of one model found: indicators, per-node costs, coverage, warnings.</summary>
public sealed class StaticReport
{
    internal StaticReport(string modelPath, IReadOnlyList<IndicatorValue> indicators, IReadOnlyList<NodeCost> nodes,
        Coverage coverage, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, TensorType> inputs, Optimizer optimizer)
    {
        Optimizer = optimizer;
        ModelPath = modelPath;
        Indicators = indicators;
        Nodes = nodes;
        Coverage = coverage;
        Diagnostics = diagnostics;
        Inputs = inputs;
    }

    public string ModelPath { get; }

    /// <summary>The optimizer assumed by <c>training_memory</c>.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>
    /// Every computed static indicator, in the order of <see cref="StaticIndicators.All"/>. <c>sparsity</c> is
    /// present only when it was asked for (<see cref="AnalysisOptions.ComputeSparsity"/>).
    /// </summary>
    public IReadOnlyList<IndicatorValue> Indicators { get; }

    /// <summary>Per-node costs of one run, with their repeats, in topological order, subgraph nodes after their owner.</summary>
    public IReadOnlyList<NodeCost> Nodes { get; }

    public Coverage Coverage { get; }

    /// <summary>Warnings from loading, binding and inference (unbound symbols, uninferred shapes).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The main graph's inputs at the shapes the analysis used.</summary>
    public IReadOnlyDictionary<string, TensorType> Inputs { get; }

    public IndicatorValue this[string name] => Indicators.FirstOrDefault(i => i.Name == name)
        ?? throw new KeyNotFoundException($"No indicator named '{name}'.");

    /// <summary>The exact integer value of a count indicator.</summary>
    public long Count(string name) => this[name].Count ?? throw new InvalidOperationException($"'{name}' is a ratio, not a count.");
}

/// <summary>How much of the graph the cost model understood.</summary>
/// <param name="Nodes">Nodes analysed, subgraphs included.</param>
/// <param name="UnknownOps">Operator types without a cost rule, sorted; their nodes count as zero cost.</param>
/// <param name="UnknownNodes">Names of the nodes of those operator types.</param>
/// <param name="UninferredNodes">Nodes whose output shapes could not be inferred.</param>
public sealed record Coverage(int Nodes, IReadOnlyList<string> UnknownOps, IReadOnlyList<string> UnknownNodes, IReadOnlyList<string> UninferredNodes);
