using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// Estimates of latency statistics with their intervals, by Perfolizer: quantiles by the Harrell–Davis
/// estimator with its Maritz–Jarrett interval (the point where the samples are so tied that its variance vanishes), the mean with its standard-error interval. The maximum is
/// the largest sample; its interval is the point.
/// </summary>
public static class LatencyStatistics
{
    public static Estimate Of(LatencyStatistic statistic, Sample sample, double confidence)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(sample);
        var n = sample.Size;
        if (statistic.Probability is { } p)
        {
            var interval = HarrellDavisQuantileEstimator.Instance.QuantileConfidenceIntervalEstimator(sample, p).ConfidenceInterval(confidence);
            // Samples tied at the timer's resolution make the Maritz–Jarrett variance vanish, and rounding can make it
            // slightly negative: its square root is NaN where the interval is, in fact, the point.
            // Its normal approximation can reach below zero in a heavy tail (p99 -7 us to 287 us); no latency is negative.
            return double.IsFinite(interval.Lower) && double.IsFinite(interval.Upper)
                ? new Estimate(interval.Estimation, Math.Max(interval.Lower, 0), interval.Upper, n)
                : new Estimate(interval.Estimation, interval.Estimation, interval.Estimation, n);
        }

        if (statistic == LatencyStatistic.Max)
        {
            var max = sample.SortedValues[n - 1];
            return new Estimate(max, max, max, n);
        }

        var values = sample.Values;
        var mean = values.Average();
        var variance = n > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (n - 1) : 0;
        var meanInterval = new ConfidenceIntervalEstimator(n, mean, Math.Sqrt(variance / n)).ConfidenceInterval(confidence);
        return new Estimate(meanInterval.Estimation, Math.Max(meanInterval.Lower, 0), meanInterval.Upper, n);
    }
}
