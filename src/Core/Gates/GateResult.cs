using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Revisions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Gates;

/// <summary>What a gate run found.</summary>
/// <param name="Diagnostics">Every breach and every problem, in canonical form with spec locations.</param>
/// <param name="Models">Per model: its static report and the verdict of each budget.</param>
/// <param name="InputFiles">Every file the run read (specs, models, external data): what an incremental build must watch.</param>
public sealed record GateResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ModelVerdicts> Models, IReadOnlyList<string> InputFiles)
{
    /// <summary>The specs that loaded, in the order given; a spec whose name another spec took first is left out.</summary>
    public IReadOnlyList<Spec> Specs { get; init; } = Array.Empty<Spec>();

    /// <summary>
    /// The results of each spec in <see cref="Specs"/>, in that order, built once by the gate: every model's static
    /// indicators and verdicts, the disagreement verdicts included. Exporters print these; later stages add to them.
    /// </summary>
    public IReadOnlyList<SpecResults> Results { get; init; } = Array.Empty<SpecResults>();

    /// <summary>Every case of every spec's <c>benchmarks</c> the gate judged, in spec order.</summary>
    public IReadOnlyList<BenchmarkVerdicts> Benchmarks { get; init; } = Array.Empty<BenchmarkVerdicts>();

    /// <summary>Every benchmark entry the gate could not judge as a whole, with why; in spec order.</summary>
    public IReadOnlyList<BenchmarkProblem> BenchmarkProblems { get; init; } = Array.Empty<BenchmarkProblem>();

    /// <summary>Per spec (unless the gate is off), what its <c>disagreement</c> setting found in the indicators compared.</summary>
    public IReadOnlyList<DisagreementGateResult> Disagreements { get; init; } = Array.Empty<DisagreementGateResult>();

    /// <summary>
    /// The baseline of each spec (by path) that the gate read, for whatever runs after it to compare with instead of
    /// reading it again: null where the file does not exist yet. A spec whose baseline could not be read is absent.
    /// </summary>
    public IReadOnlyDictionary<string, Baseline?> Baselines { get; init; } = new Dictionary<string, Baseline?>();

    public bool Passed => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}

/// <summary>The verdicts of one model of one spec.</summary>
public sealed record ModelVerdicts(string SpecPath, string ModelName, string ModelPath, CostModel.StaticReport? Report, IReadOnlyList<BudgetVerdict> Verdicts)
{
    /// <summary>The comparisons with the spec's baseline or base revision; empty when the spec declares no <c>regression</c>.</summary>
    public IReadOnlyList<RegressionVerdict> Regressions { get; init; } = Array.Empty<RegressionVerdict>();

    /// <summary>
    /// The model as the gate loaded it (its graph, with payloads left in the file), for whatever runs after the gate to
    /// use instead of loading it again; null when it could not be loaded. Read-only for every consumer.
    /// </summary>
    public Graph.OnnxModel? Onnx { get; init; }

    /// <summary>The model's counterpart at the base revision, when the run compares against one.</summary>
    public BaseCounterpart? Base { get; init; }
}
