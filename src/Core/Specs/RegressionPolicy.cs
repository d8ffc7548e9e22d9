using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// How indicators are compared: against a stored baseline (release gating per hardware) and/or against a base revision
/// measured beside the head in the same run (pull-request checks). At least one of the two is declared.
/// </summary>
/// <param name="Baseline">The baseline file as written, relative to the spec's folder (it need not exist yet); null when only <see cref="Against"/> is declared.</param>
/// <param name="ResolvedBaseline">The baseline path joined to the spec's folder; null without a baseline.</param>
/// <param name="DefaultTolerance">The tolerated relative worsening (0.05 for 5%) of indicators without their own.</param>
/// <param name="Tolerances">Per-indicator tolerances.</param>
/// <param name="Location">The <c>regression</c> key.</param>
public sealed record RegressionPolicy(
    Located<string>? Baseline,
    string? ResolvedBaseline,
    Located<double> DefaultTolerance,
    IReadOnlyDictionary<string, Located<double>> Tolerances,
    SourceLocation Location)
{
    /// <summary>The default <see cref="NoiseFloorMilliseconds"/>: timer and scheduler jitter a CI runner shows on any model.</summary>
    public const double DefaultNoiseFloorMilliseconds = 0.01;

    /// <summary>
    /// <c>noise_floor</c>, in milliseconds: a measured median must move by more than this, whatever the tolerance,
    /// before it is a regression or an improvement (5% of a 0.1 ms model is timer noise).
    /// </summary>
    public double NoiseFloorMilliseconds { get; init; } = DefaultNoiseFloorMilliseconds;

    /// <summary>
    /// Whether the spec writes <c>noise_floor</c>. The default suits model inferences; BenchmarkDotNet cases (nanoseconds
    /// an operation, each iteration an average of many) take a noise floor only where the spec writes one.
    /// </summary>
    public bool NoiseFloorWritten { get; init; }

    /// <summary>
    /// <c>against</c>: the base revision (a git revision of the repository holding the spec, or a folder holding a
    /// checkout of it) whose models are measured beside the working tree's; null when not declared.
    /// </summary>
    public Located<string>? Against { get; init; }

    /// <summary><c>strict</c>: whether an inconclusive comparison fails instead of warning.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// The policy of a spec without a <c>regression</c> block compared against a revision named on the command line:
    /// the default tolerance for every indicator, said at <paramref name="location"/>.
    /// </summary>
    public static RegressionPolicy Implicit(SourceLocation location) =>
        new(null, null, new Located<double>(Reading.RegressionReader.DefaultTolerance, location), new Dictionary<string, Located<double>>(StringComparer.Ordinal), location);

    /// <summary>The tolerance of <paramref name="indicator"/>: its own entry, else <c>default</c>.</summary>
    public Located<double> Tolerance(string indicator) => Tolerances.GetValueOrDefault(indicator) ?? DefaultTolerance;

    /// <summary>Whether <paramref name="indicator"/> has its own entry in <c>tolerance</c>.</summary>
    public bool Names(string indicator) => Tolerances.ContainsKey(indicator);
}
