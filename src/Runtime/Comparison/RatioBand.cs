using EfficiencyMisnomer.Regression;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// The ratios head / base within which a change does not count: the tolerance (1 + t slower, 1 / (1 + t) faster),
/// widened to the noise floor where the floor, relative to the base's median, is the larger. A verdict follows from
/// where the ratio's interval lies, never from its width alone: wholly above is regressed however wide it is.
/// </summary>
/// <param name="Lower">The ratio below which the head is better.</param>
/// <param name="Upper">The ratio above which the head is worse.</param>
/// <param name="Tolerance">The tolerance it was made from.</param>
public sealed record RatioBand(double Lower, double Upper, double Tolerance)
{
    /// <summary>The band of <paramref name="tolerance"/> and a noise floor of <paramref name="noiseFloorMs"/> on a base of <paramref name="baseMedianMs"/>.</summary>
    public static RatioBand For(double tolerance, double noiseFloorMs, double baseMedianMs)
    {
        var floor = baseMedianMs > 0 ? noiseFloorMs / baseMedianMs : 0;
        return new RatioBand(Math.Min(1 / (1 + tolerance), 1 - Math.Min(floor, 0.99)), Math.Max(1 + tolerance, 1 + floor), tolerance);
    }

    /// <summary>Regressed, improved, pass, or inconclusive while the interval reaches across a limit.</summary>
    public RegressionOutcome Decide(double lower, double upper) =>
        lower > Upper ? RegressionOutcome.Regressed
        : upper < Lower ? RegressionOutcome.Improved
        : lower >= Lower && upper <= Upper ? RegressionOutcome.Pass
        : RegressionOutcome.Inconclusive;

    /// <inheritdoc cref="Decide(double, double)"/>
    public RegressionOutcome Decide(RatioEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Decide(estimate.Lower, estimate.Upper);
    }
}
