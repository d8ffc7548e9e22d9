using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Budgets;

/// <summary>The outcome of one budget on one indicator.</summary>
public sealed record BudgetVerdict(string Indicator, double Measured, double Limit, BudgetBound Bound, VerdictStatus Status, SourceLocation Location, string Message)
{
    /// <summary>The severity the budget declares; under <see cref="GateMode.Warn"/> a breach warns whatever it is.</summary>
    public BudgetSeverity Severity { get; init; } = BudgetSeverity.Error;

    /// <summary>The hardware profile the budget is declared under where the verdict itself carries it (a benchmark entry's <c>hardware</c>); null otherwise.</summary>
    public string? Profile { get; init; }
}

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

    /// <summary>A measured indicator whose confidence interval did not reach its target within the time cap; never a pass.</summary>
    Unstable,

    /// <summary>Not evaluated: no matching hardware profile, an unavailable provider, or an indicator that cannot be read here.</summary>
    Skipped,
}
