using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>A latency indicator and the quantile it estimates (null for the mean and the maximum).</summary>
public sealed record LatencyStatistic(Indicator Indicator, double? Probability)
{
    public static LatencyStatistic P50 { get; } = new(RuntimeIndicators.LatencyP50, 0.50);
    public static LatencyStatistic P90 { get; } = new(RuntimeIndicators.LatencyP90, 0.90);
    public static LatencyStatistic P95 { get; } = new(RuntimeIndicators.LatencyP95, 0.95);
    public static LatencyStatistic P99 { get; } = new(RuntimeIndicators.LatencyP99, 0.99);
    public static LatencyStatistic Max { get; } = new(RuntimeIndicators.LatencyMax, null);
    public static LatencyStatistic Mean { get; } = new(RuntimeIndicators.LatencyMean, null);

    public static IReadOnlyList<LatencyStatistic> All { get; } = new[] { P50, P90, P95, P99, Max, Mean };

    /// <summary>
    /// Samples needed before this statistic means anything: the quantile's minimum (see <see cref="EfficiencyMisnomer.Regression.MinimumSamples"/>);
    /// the maximum needs the p99's, so that it is a tail observation and not a lucky small sample.
    /// </summary>
    public int MinimumSamples(double confidence) =>
        EfficiencyMisnomer.Regression.MinimumSamples.For(Probability ?? (Indicator == RuntimeIndicators.LatencyMax ? 0.99 : 0.5), confidence);
}
