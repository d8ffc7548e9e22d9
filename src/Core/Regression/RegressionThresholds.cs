namespace EfficiencyMisnomer.Regression;

/// <summary>What counts as a change of a measured statistic; <c>docs/regression.md</c> explains the defaults.</summary>
/// <param name="Tolerance">Tolerated relative worsening: 0.05 is 5%. An improvement counts beyond the same factor (1 / 1.05).</param>
/// <param name="NoiseFloor">An absolute difference, in the samples' unit (milliseconds, as the latency indicators and stored samples), below which no change is a regression or an improvement.</param>
/// <param name="Confidence">Confidence level of the ratio's interval.</param>
public sealed record RegressionThresholds(double Tolerance, double NoiseFloor, double Confidence = 0.99)
{
    /// <summary>The tolerance when a spec declares none: 5%.</summary>
    public const double DefaultTolerance = 0.05;

    /// <summary>
    /// The noise floor in milliseconds when a spec declares none: the spec's default (10 µs), about the scheduling
    /// jitter of a shared machine, so that a model of a few microseconds never regresses by a fraction of one.
    /// </summary>
    public const double DefaultNoiseFloor = Specs.RegressionPolicy.DefaultNoiseFloorMilliseconds;

    /// <summary>5% tolerance, 10 µs noise floor, 99% confidence.</summary>
    public static RegressionThresholds Default { get; } = new(DefaultTolerance, DefaultNoiseFloor);
}
