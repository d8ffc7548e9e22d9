using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Units;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EfficiencyMisnomer.Regression;

/// <summary>
/// Compares a run's latency samples with its baseline's: the ratio of the two Harrell–Davis medians with an
/// interval from their Maritz–Jarrett standard errors (combined on the log scale), judged against the
/// tolerance and the noise floor. Regressed or improved only when the whole interval lies beyond both and is
/// no wider than the band between them; pass only when it lies within; otherwise inconclusive. <c>docs/regression.md</c> explains the method.
/// </summary>
public static class MeasuredRegression
{
    private const string DefaultStatistic = "latency.p50";
    private const string SamplesEmpty = "the {0} latency samples are empty: a regression check needs the samples of both runs";
    private const string SampleInvalid = "the {0} latency samples hold {1} at index {2}: every sample is a positive, finite number of milliseconds";
    private const string ToleranceInvalid = "regression tolerance {0} is outside [0, 1): give a fraction such as 0.05 (5%)";
    private const string NoiseFloorInvalid = "regression noise floor {0} is not a finite number of milliseconds at or above 0";
    private const string ConfidenceInvalid = "regression confidence {0} is outside (0, 1): give a level such as 0.99";

    /// <summary>Compares the medians of <paramref name="current"/> and <paramref name="baseline"/> (milliseconds) and names the statistic <c>latency.p50</c>.</summary>
    public static MeasuredComparison Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> current, RegressionThresholds thresholds) =>
        Compare(baseline, current, thresholds, DefaultStatistic);

    /// <summary>Compares the medians of <paramref name="current"/> and <paramref name="baseline"/> (milliseconds).</summary>
    /// <param name="baseline">The baseline's samples, raw or as <see cref="LatencySummary"/> stores them.</param>
    /// <param name="current">This run's samples, raw or summarised.</param>
    /// <param name="thresholds">Tolerance, noise floor and confidence.</param>
    /// <param name="statistic">The name the explanation starts with.</param>
    public static MeasuredComparison Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> current, RegressionThresholds thresholds, string statistic)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(statistic);
        Validate(thresholds);
        Validate(baseline, "baseline");
        Validate(current, "current");

        // Both sides are reduced to the stored form first: a raw run and its stored summary then give the same
        // verdict, and no run counts as more than MaxSamples independent observations, which tempers the
        // optimism of an independence-assuming interval on autocorrelated samples.
        var before = new Sample(LatencySummary.Of(baseline).ToArray());
        var after = new Sample(LatencySummary.Of(current).ToArray());
        var fewest = MinimumSamples.For(0.5, thresholds.Confidence);
        if (before.Size < fewest || after.Size < fewest)
        {
            var plainBefore = SimpleQuantileEstimator.Instance.Quantile(before, 0.5).NominalValue;
            var plainAfter = SimpleQuantileEstimator.Instance.Quantile(after, 0.5).NominalValue;
            return new MeasuredComparison(RegressionOutcome.Inconclusive, plainAfter / plainBefore, 0, double.PositiveInfinity, UserText.Format(
                $"{Head(statistic, plainBefore, plainAfter)}): too few samples to decide ({before.Size} baseline, {after.Size} current; at least {fewest} each at {thresholds.Confidence:0.##%} confidence)"));
        }

        var b = HarrellDavisQuantileEstimator.Instance.QuantileConfidenceIntervalEstimator(before, 0.5);
        var c = HarrellDavisQuantileEstimator.Instance.QuantileConfidenceIntervalEstimator(after, 0.5);

        // Delta method: the log of a median has standard error se / median; the two runs are independent.
        var logError = Math.Sqrt(Square(b.StandardError / b.Estimation) + Square(c.StandardError / c.Estimation));
        return Decide(b.Estimation, c.Estimation, logError, Math.Min(before.Size, after.Size), thresholds, statistic);
    }

    /// <summary>
    /// The verdict on two estimates of the same statistic, <paramref name="current"/> over <paramref name="baseline"/>,
    /// whose log-ratio has standard error <paramref name="logError"/> from <paramref name="observations"/> observations
    /// on the smaller side (the Student interval's degrees of freedom follow from it): the rules of <see cref="Compare(IReadOnlyList{double}, IReadOnlyList{double}, RegressionThresholds, string)"/>.
    /// </summary>
    /// <param name="baseline">The reference's estimate.</param>
    /// <param name="current">This run's estimate.</param>
    /// <param name="logError">The standard error of the log of their ratio.</param>
    /// <param name="observations">The observations on the smaller side.</param>
    /// <param name="thresholds">Tolerance, noise floor and confidence.</param>
    /// <param name="statistic">The name the explanation starts with.</param>
    /// <param name="against">What the reference is, for the explanation: <c>baseline</c>, or the base (<c>base folder ../base</c>).</param>
    public static MeasuredComparison Decide(double baseline, double current, double logError, int observations, RegressionThresholds thresholds, string statistic,
        string against = "baseline")
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(statistic);
        Validate(thresholds);
        var ratio = current / baseline;
        var limits = Limits.For(thresholds, baseline);
        var head = Head(statistic, baseline, current, against);
        var interval = new ConfidenceIntervalEstimator(observations, Math.Log(ratio), logError).ConfidenceInterval(thresholds.Confidence);
        var (lower, upper) = (Math.Exp(interval.Lower), Math.Exp(interval.Upper));

        // An interval wider than the limits says the runs were noisy, and noise within a run comes with noise
        // between runs (a busy machine), which no within-run interval sees: such a pair decides nothing.
        var tooWide = interval.Upper - interval.Lower > Math.Log(limits.Upper) - Math.Log(limits.Lower);
        var status = tooWide ? RegressionOutcome.Inconclusive
            : lower > limits.Upper ? RegressionOutcome.Regressed
            : upper < limits.Lower ? RegressionOutcome.Improved
            : lower >= limits.Lower && upper <= limits.Upper ? RegressionOutcome.Pass
            : RegressionOutcome.Inconclusive;
        var verdict = tooWide ? limits.TooWide() : limits.Describe(status, lower, upper);
        var explanation = Invariant($"{head}, {thresholds.Confidence:0.##%} interval {Percent(lower)} to {Percent(upper)}), {verdict}");
        return new MeasuredComparison(status, ratio, lower, upper, explanation) { DecidedByNoiseFloor = limits.IsNoiseFloor };
    }

    private static void Validate(RegressionThresholds thresholds)
    {
        if (!(thresholds.Tolerance >= 0 && thresholds.Tolerance < 1))
        {
            throw new EfficiencyException(ErrorCodes.RegressionThresholdsInvalid, UserText.Format(ToleranceInvalid, thresholds.Tolerance));
        }

        if (!(thresholds.NoiseFloor >= 0 && double.IsFinite(thresholds.NoiseFloor)))
        {
            throw new EfficiencyException(ErrorCodes.RegressionThresholdsInvalid, UserText.Format(NoiseFloorInvalid, thresholds.NoiseFloor));
        }

        if (!(thresholds.Confidence > 0 && thresholds.Confidence < 1))
        {
            throw new EfficiencyException(ErrorCodes.RegressionThresholdsInvalid, UserText.Format(ConfidenceInvalid, thresholds.Confidence));
        }
    }

    private static void Validate(IReadOnlyList<double> samples, string side)
    {
        if (samples.Count == 0)
        {
            throw new EfficiencyException(ErrorCodes.RegressionSamplesInvalid, UserText.Format(SamplesEmpty, side));
        }

        for (int i = 0; i < samples.Count; i++)
        {
            if (!(samples[i] > 0 && double.IsFinite(samples[i])))
            {
                throw new EfficiencyException(ErrorCodes.RegressionSamplesInvalid, UserText.Format(SampleInvalid, side, samples[i], i));
            }
        }
    }

    private static double Square(double x) => x * x;

    /// <summary><c>latency.p50 3.21 ms vs baseline 2.9 ms (+10.7%</c>: the start of every explanation.</summary>
    internal static string Head(string statistic, double baseline, double current, string against = "baseline")
    {
        var values = QuantityFormat.Pair(current, baseline, "ms");
        return Invariant($"{statistic} {values.Measured} vs {UserText.Escape(against)} {values.Limit} ({Percent(current / baseline)}");
    }

    /// <summary><c>+10.7%</c>, <c>-3.2%</c>: the change a ratio means.</summary>
    private static string Percent(double ratio) => ((ratio - 1) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>
    /// The ratios beyond which a change counts: the tolerance (1 + t worse, 1 / (1 + t) better) widened to the
    /// noise floor where the floor, relative to the baseline's median, is the larger.
    /// </summary>
    private sealed record Limits(double Lower, double Upper, string Name, bool IsNoiseFloor = false)
    {
        public static Limits For(RegressionThresholds thresholds, double baselineMedian)
        {
            var relativeFloor = thresholds.NoiseFloor / baselineMedian;
            var tolerance = thresholds.Tolerance.ToString("0.##%", CultureInfo.InvariantCulture) + " tolerance";
            return relativeFloor > thresholds.Tolerance
                ? new Limits(1 - relativeFloor, 1 + relativeFloor, QuantityFormat.Compact(thresholds.NoiseFloor, "ms") + " noise floor", IsNoiseFloor: true)
                : new Limits(1 / (1 + thresholds.Tolerance), 1 + thresholds.Tolerance, tolerance);
        }

        public string TooWide() => $"the interval is wider than the {Name} allows: the runs are too noisy to decide; measure again, on a quieter machine or with a longer time cap";

        public string Describe(RegressionOutcome status, double lower, double upper) => status switch
        {
            RegressionOutcome.Regressed => $"over the {Name}",
            RegressionOutcome.Improved => $"better by more than the {Name}",
            RegressionOutcome.Pass => $"within the {Name}",
            _ => $"the interval reaches {(upper > Upper && lower < Lower ? "both sides" : upper > Upper ? "over" : "under")} the {Name}: too noisy to decide; measure again, on a quieter machine or with a longer time cap",
        };
    }
}
