namespace EfficiencyMisnomer.Runtime.Regression;

/// <summary>The outcome of comparing two sets of latency samples.</summary>
public enum RegressionStatus
{
    Pass,
    Regressed,
    Improved,
    Unstable,
}

/// <summary>What counts as a change: relative <paramref name="Tolerance"/> (0.05) and an absolute <paramref name="NoiseFloor"/> in the samples' unit (ms).</summary>
public sealed record RegressionThresholds(double Tolerance, double NoiseFloor, double Confidence = 0.99);

/// <summary>A comparison of current samples with baseline samples; <paramref name="Ratio"/> is current over baseline median.</summary>
public sealed record MeasuredComparison(RegressionStatus Status, double Ratio, double RatioLower, double RatioUpper, string Explanation);

/// <summary>Compares measured latency samples with a baseline's: ratio of medians against tolerance and noise floor.</summary>
public static class MeasuredRegression
{
    private const int MinimumSamples = 10;

    public static MeasuredComparison Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> current, RegressionThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (baseline.Count < MinimumSamples || current.Count < MinimumSamples)
        {
            return new MeasuredComparison(RegressionStatus.Unstable, double.NaN, double.NaN, double.NaN, $"fewer than {MinimumSamples} samples on one side");
        }

        var before = Median(baseline);
        var after = Median(current);
        var ratio = after / before;
        var moved = Math.Abs(after - before) > thresholds.NoiseFloor;
        var status = moved && ratio > 1 + thresholds.Tolerance ? RegressionStatus.Regressed
            : moved && ratio < 1 - thresholds.Tolerance ? RegressionStatus.Improved
            : RegressionStatus.Pass;
        return new MeasuredComparison(status, ratio, ratio, ratio, "ratio of medians");
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
