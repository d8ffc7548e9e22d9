namespace EfficiencyMisnomer.Regression;

/// <summary>
/// The fewest samples for which a quantile's distribution-free upper confidence bound is a sample at all:
/// the largest of n samples exceeds the p-quantile with probability 1 - p^n, so n must satisfy
/// 1 - p^n ≥ confidence (MLPerf sizes its tail-latency runs by the same reasoning). At 99% confidence:
/// p50 7, p90 44, p95 90, p99 459.
/// </summary>
public static class MinimumSamples
{
    public static int For(double probability, double confidence)
    {
        if (probability is <= 0 or >= 1 || confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), "probability and confidence lie strictly between 0 and 1");
        }

        return (int)Math.Ceiling(Math.Log(1 - confidence) / Math.Log(probability));
    }
}
