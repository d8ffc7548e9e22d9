using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>How indicators are compared against a stored baseline.</summary>
/// <param name="Baseline">The baseline file as written, relative to the spec's folder (it need not exist yet).</param>
/// <param name="ResolvedBaseline">The baseline path joined to the spec's folder.</param>
/// <param name="DefaultTolerance">The tolerated relative worsening (0.05 for 5%) of indicators without their own.</param>
/// <param name="Tolerances">Per-indicator tolerances.</param>
/// <param name="Location">The <c>regression</c> key.</param>
public sealed record RegressionPolicy(
    Located<string> Baseline,
    string ResolvedBaseline,
    Located<double> DefaultTolerance,
    IReadOnlyDictionary<string, Located<double>> Tolerances,
    SourceLocation Location);
