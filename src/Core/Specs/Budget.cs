using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Specs;

/// <summary>A declared bound on one indicator: <c>macs: { max: 20G }</c>.</summary>
/// <param name="Indicator">The indicator bounded.</param>
/// <param name="Max">The upper bound, if any.</param>
/// <param name="Min">The lower bound, if any.</param>
/// <param name="Severity">Whether a breach fails the gate or only warns.</param>
/// <param name="Location">The indicator's key in the spec.</param>
public sealed record Budget(Indicator Indicator, Limit? Max, Limit? Min, BudgetSeverity Severity, SourceLocation Location)
{
    /// <summary>The batch size a runtime budget is measured at; null for static budgets (they use the bindings).</summary>
    public Located<int>? Batch { get; init; }
}

/// <summary>One side of a budget: the value in the indicator's own unit, the text as written, and where.</summary>
public sealed record Limit(double Value, string Text, SourceLocation Location);

/// <summary>What a breach of a budget does.</summary>
public enum BudgetSeverity
{
    Error,
    Warning,
}
