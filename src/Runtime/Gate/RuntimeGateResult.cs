using EfficiencyMisnomer.Budgets;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Gate;

/// <summary>What a runtime gate run found: the provider, every measured case with its verdicts, and the static gate's result.</summary>
public sealed record RuntimeGateResult(ProviderSelection Provider, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<RuntimeCase> Cases, GateResult? Static)
{
    /// <summary>
    /// The results document of the run, built once: the static results of every spec the run loaded (of the one model
    /// measured, for <see cref="RuntimeGate.Measure"/>), every measured case and verdict, this machine. Exporters print it.
    /// </summary>
    public required EfficiencyResults Results { get; init; }

    /// <summary>Every diagnostic, static ones first.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics => (Static?.Diagnostics ?? Array.Empty<Diagnostic>()).Concat(Diagnostics);

    public bool Passed => AllDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}

/// <summary>One model measured on one profile at one batch, with the verdicts of the budgets there.</summary>
public sealed record RuntimeCase(string SpecPath, string ModelName, HardwareProfile? Profile, RuntimeReport Report, IReadOnlyList<BudgetVerdict> Verdicts)
{
    /// <summary>The comparisons with the baseline entry of this profile on this hardware, or with the base revision; empty when the spec declares no <c>regression</c>.</summary>
    public IReadOnlyList<RegressionVerdict> Regressions { get; init; } = Array.Empty<RegressionVerdict>();

    /// <summary>The interleaved measurement against the base revision (its base side included); null when not compared against one.</summary>
    public Comparison.PairedReport? Paired { get; init; }
}
