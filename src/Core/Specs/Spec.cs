using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>A validated efficiency spec: models, the budgets they must meet, and where each value was written.</summary>
/// <param name="Path">The spec file, as given.</param>
/// <param name="Name">The spec's name; the file name without extension when the spec names none.</param>
/// <param name="Models">The models, in file order.</param>
/// <param name="Bindings">Bindings applied to every model.</param>
/// <param name="Budgets">Static budgets applied to every model.</param>
/// <param name="Optimizer">The optimizer <c>training_memory</c> assumes.</param>
/// <param name="Hardware">Hardware profiles with runtime budgets.</param>
/// <param name="Regression">Baseline comparison, if declared.</param>
/// <param name="Disagreement">What to do when indicators disagree.</param>
public sealed record Spec(
    string Path,
    Located<string> Name,
    IReadOnlyList<ModelEntry> Models,
    IReadOnlyList<Binding> Bindings,
    IReadOnlyList<Budget> Budgets,
    Located<Optimizer> Optimizer,
    IReadOnlyList<HardwareProfile> Hardware,
    RegressionPolicy? Regression,
    Located<GateMode> Disagreement)
{
    /// <summary>BenchmarkDotNet results with budgets, judged beside the models.</summary>
    public IReadOnlyList<BenchmarkEntry> Benchmarks { get; init; } = Array.Empty<BenchmarkEntry>();

    /// <summary>The start of the file, for diagnostics about the spec as a whole.</summary>
    public SourceLocation Location => new(Path, 1, 1);
}
