using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EfficiencyMisnomer.Regression;

/// <summary>
/// Two BenchmarkDotNet runs compared launch by launch. BenchmarkDotNet measures a case in one or more processes
/// (launches, <c>--launchCount</c>), and two processes of the same code differ by far more than the iterations of one
/// process do: on a shared virtual machine the same benchmark's launches were seen 10% to 75% apart while each
/// launch's own interval was a few percent wide. The iterations of one launch therefore say nothing about the next
/// one, and the unit compared is the launch: each launch's median time, the ratio of the two runs' geometric means of
/// them, and its Student interval from their spread (<see cref="MeasuredRegression.Decide"/>). With fewer than
/// <see cref="FewestLaunches"/> launches on a side the spread between processes is unknown and nothing is decided.
/// </summary>
public static class LaunchComparison
{
    /// <summary>The fewest launches per side that show how far processes differ.</summary>
    public const int FewestLaunches = 2;

    private const string TooFewLaunches = "{0}): {1} launch(es) in the {3} run and {2} in this one; BenchmarkDotNet's processes differ from one another far more than the iterations of one process do, so a change cannot be told from another process; run the benchmarks with --launchCount 3 or more on both sides";

    /// <summary>
    /// Compares the launches of <paramref name="current"/> with those of <paramref name="baseline"/>: times per operation,
    /// in launch order, <paramref name="currentLaunches"/> and <paramref name="baselineLaunches"/> giving how many samples
    /// each launch has (empty: all one launch). <paramref name="against"/> names the reference in the explanation:
    /// <c>baseline</c>, or the base (<c>base folder ../base</c>).
    /// </summary>
    public static MeasuredComparison Compare(IReadOnlyList<double> baseline, IReadOnlyList<int> baselineLaunches, IReadOnlyList<double> current,
        IReadOnlyList<int> currentLaunches, RegressionThresholds thresholds, string statistic, string against = "baseline")
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var before = Medians(baseline, baselineLaunches);
        var after = Medians(current, currentLaunches);
        var (b, c) = (GeometricMean(before), GeometricMean(after));
        if (before.Count < FewestLaunches || after.Count < FewestLaunches)
        {
            return new MeasuredComparison(RegressionOutcome.Inconclusive, c / b, 0, double.PositiveInfinity,
                Diagnostics.UserText.Format(TooFewLaunches, MeasuredRegression.Head(statistic, b, c, against), before.Count, after.Count, against == "baseline" ? "baseline" : "base's"));
        }

        var logError = Math.Sqrt((Variance(before) / before.Count) + (Variance(after) / after.Count));
        return MeasuredRegression.Decide(b, c, logError, Math.Min(before.Count, after.Count), thresholds, statistic, against);
    }

    /// <summary>The median of each launch's samples; a launch count beyond the samples kept is cut short.</summary>
    private static List<double> Medians(IReadOnlyList<double> samples, IReadOnlyList<int> launches)
    {
        var sizes = launches.Count > 0 ? launches : new[] { samples.Count };
        var medians = new List<double>();
        var start = 0;
        foreach (var size in sizes)
        {
            var taken = Math.Min(size, samples.Count - start);
            if (taken <= 0)
            {
                break;
            }

            var launch = new Sample(samples.Skip(start).Take(taken).ToArray());
            medians.Add(SimpleQuantileEstimator.Instance.Quantile(launch, 0.5).NominalValue);
            start += taken;
        }

        return medians;
    }

    private static double GeometricMean(List<double> values) => Math.Exp(values.Average(v => Math.Log(v)));

    /// <summary>The sample variance of the logarithms.</summary>
    private static double Variance(List<double> values)
    {
        var logs = values.Select(v => Math.Log(v)).ToList();
        var mean = logs.Average();
        return logs.Sum(l => (l - mean) * (l - mean)) / (logs.Count - 1);
    }
}
