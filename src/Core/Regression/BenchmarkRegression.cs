using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Regression;

/// <summary>
/// Compares a BenchmarkDotNet case with its recording in the stored baseline, made on the same host, or with the same
/// case in a base checkout's results. The time indicators (<c>mean</c>, <c>median</c>, <c>p95</c>, <c>ops_per_s</c>) rest
/// on the raw per-iteration times, so they are judged by one test of those samples, launch by launch
/// (<see cref="LaunchComparison"/>: two processes differ by more than one process's iterations show), direction
/// handled, never by the two summaries alone; <c>allocated</c> is compared exactly. <c>stddev</c> and the
/// collection counts vary from run to run without a cause in the code, so they are compared only where
/// <c>regression.tolerance</c> names them, exactly against that tolerance. The times take a noise floor only where the
/// spec writes <c>regression.noise_floor</c>: the default is made for single inferences, while a case's times are
/// averages over many operations, often of nanoseconds.
/// </summary>
public static class BenchmarkRegression
{
    private const string Subject = "benchmark '{0}' case '{1}'";
    private const string NoEntry = "{0}: the baseline {1} has no recording of this case; not compared. Record one: 'misnomer check SPEC --results r.json' then 'misnomer baseline update r.json'";
    private const string OtherHost = "{0}: the baseline's recordings of this case were made on other hardware ({1}); these results come from {2}. Not compared: record a baseline from results of this hardware; a CI matrix keeps one recording per runner type";
    private const string NoSamples = "has no raw measurements on one side (BenchmarkDotNet's full JSON exporter writes them)";
    private const string NewCase = "{0}: not in the results of {1}: a new case, nothing to compare";
    private const string BaseUnavailable = "{0}: not compared: {1}";

    private static readonly HashSet<string> OnSamples = new(StringComparer.Ordinal)
    {
        BenchmarkIndicators.Mean.Name, BenchmarkIndicators.Median.Name, BenchmarkIndicators.P95.Name, BenchmarkIndicators.OperationsPerSecond.Name,
    };

    /// <summary>The benchmark indicators compared: every budgeted time or allocation, and every one named in <c>tolerance</c>; in catalogue order.</summary>
    public static IReadOnlyList<Indicator> Scope(RegressionPolicy policy, IEnumerable<Budget> budgets)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(budgets);
        var budgeted = budgets.Select(b => b.Indicator.Name).Where(n => OnSamples.Contains(n) || n == BenchmarkIndicators.Allocated.Name);
        var named = budgeted.Concat(policy.Tolerances.Keys).ToHashSet(StringComparer.Ordinal);
        return BenchmarkIndicators.All.Where(i => named.Contains(i.Name)).ToList();
    }

    /// <summary>The verdicts of <paramref name="policy"/> on one case.</summary>
    /// <param name="policy">The spec's <c>regression</c> block.</param>
    /// <param name="entry">The entry's name under <c>benchmarks</c>.</param>
    /// <param name="benchmarkCase">BenchmarkDotNet's full name of the case.</param>
    /// <param name="budgets">The entry's budgets.</param>
    /// <param name="values">The case's indicators in this run.</param>
    /// <param name="samples">This run's milliseconds per operation of each measured iteration, and the size of each launch.</param>
    /// <param name="host">This run's host facts (<see cref="Benchmarks.BenchmarkHost.Facts"/>).</param>
    /// <param name="baseline">The spec's baseline; null when the file does not exist yet.</param>
    public static IReadOnlyList<RegressionVerdict> Compare(RegressionPolicy policy, string entry, string benchmarkCase, IEnumerable<Budget> budgets,
        IReadOnlyList<IndicatorValue> values, Run samples, IReadOnlyDictionary<string, string> host, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(samples);
        var subject = UserText.Format(Subject, UserText.Quote(entry), UserText.Quote(benchmarkCase));
        var hostId = Benchmarks.BenchmarkHostFingerprint.Id(host);
        var recordings = baseline?.BenchmarkEntries(entry, benchmarkCase).ToList() ?? new List<BaselineBenchmark>();
        var recorded = recordings.FirstOrDefault(r => r.Host == hostId);
        var (skip, code) = baseline is null ? (RegressionText.Format(RegressionText.NoBaselineFile, subject, policy.ResolvedBaseline ?? string.Empty), ErrorCodes.NoBaseline)
            : recordings.Count == 0 ? (RegressionText.Format(NoEntry, subject, policy.ResolvedBaseline ?? string.Empty), ErrorCodes.NoBaseline)
            : recorded is null ? (RegressionText.Format(OtherHost, subject, string.Join("; ", recordings.Select(Describe)), Benchmarks.BenchmarkHostFingerprint.Summary(host)), ErrorCodes.BaselineOtherMachine)
            : (null, null);
        return Judge(policy, subject, benchmarkCase, budgets, values, samples, recorded?.Indicators.ToDictionary(i => i.Name, i => i.Value, StringComparer.Ordinal),
            new Run(recorded?.Samples ?? Array.Empty<double>(), recorded?.Launches ?? Array.Empty<int>()), skip is null ? null : (skip, code!, policy.Location), "baseline");
    }

    /// <summary>
    /// The verdicts of <paramref name="policy"/> on one case against the same case in the base revision's results
    /// (<paramref name="baseCase"/>; null when the base's results do not have it: the case is new), run on the same
    /// machine in the same job. <paramref name="unavailable"/> says why the base's results cannot be read at all.
    /// </summary>
    public static IReadOnlyList<RegressionVerdict> CompareWithBase(RegressionPolicy policy, string entry, string benchmarkCase, IEnumerable<Budget> budgets,
        IReadOnlyList<IndicatorValue> values, Run samples, Benchmarks.BenchmarkCase? baseCase, string? unavailable, string against, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var subject = UserText.Format(Subject, UserText.Quote(entry), UserText.Quote(benchmarkCase));
        if (unavailable is null && baseCase is null)
        {
            return new[]
            {
                new RegressionVerdict(benchmarkCase, RegressionVerdict.WholeCase, RegressionOutcome.New, null, null, location,
                    RegressionText.Format(NewCase, subject, against)) { Against = against },
            };
        }

        var reference = baseCase is null ? null : Benchmarks.BenchmarkCaseIndicators.Of(baseCase).ToDictionary(v => v.Name, v => (double?)v.Value, StringComparer.Ordinal);
        var baseSamples = new Run(baseCase?.Samples.Select(Benchmarks.BenchmarkCaseIndicators.Milliseconds).ToList() ?? new List<double>(), baseCase?.Launches ?? Array.Empty<int>());
        return Judge(policy, subject, benchmarkCase, budgets, values, samples, reference, baseSamples,
            unavailable is null ? null : (RegressionText.Format(BaseUnavailable, subject, unavailable), ErrorCodes.RegressionNotCompared, location), against);
    }

    private static List<RegressionVerdict> Judge(RegressionPolicy policy, string subject, string benchmarkCase, IEnumerable<Budget> budgets,
        IReadOnlyList<IndicatorValue> values, Run samples, Dictionary<string, double?>? reference, Run referenceSamples,
        (string Message, string Code, SourceLocation Location)? skip, string against)
    {
        var comparisons = new Dictionary<double, MeasuredComparison>();
        var verdicts = new List<RegressionVerdict>();
        foreach (var indicator in Scope(policy, budgets))
        {
            var name = indicator.Name;
            var tolerance = policy.Tolerance(name);
            var location = policy.Names(name) ? tolerance.Location : policy.Location;
            var measured = values.FirstOrDefault(v => v.Name == name)?.Value;
            var before = reference?.GetValueOrDefault(name);
            RegressionVerdict Skipped(string message, string skipCode) => new(benchmarkCase, name, RegressionOutcome.Skipped, measured, before, location, message)
            {
                Code = skipCode, Tolerance = tolerance.Value, Against = against,
            };

            if (skip is { } why)
            {
                // Said once, at one place, not once per indicator.
                verdicts.Add(Skipped(why.Message, why.Code) with { Location = why.Location });
            }
            else if (measured is not { } value || before is not { } referenceValue)
            {
                var missing = measured is null ? "is not in these results" : $"has no value in the {(against == "baseline" ? "baseline" : "base's results")}";
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.MissingValue, subject, name, missing), ErrorCodes.RegressionNotCompared));
            }
            else if (!OnSamples.Contains(name))
            {
                var (status, ratio) = ExactComparison.Compare(name, value, referenceValue, tolerance.Value);
                verdicts.Add(new RegressionVerdict(benchmarkCase, name, status, value, referenceValue, location,
                    RegressionText.Compared(subject, name, indicator.Unit, value, referenceValue, status, tolerance.Value, ratio, against: against))
                {
                    Ratio = ratio, Tolerance = tolerance.Value, Against = against,
                });
            }
            else if (referenceSamples.Samples.Count == 0 || samples.Samples.Count == 0)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.MissingValue, subject, name, NoSamples), ErrorCodes.RegressionNotCompared));
            }
            else
            {
                var thresholds = new RegressionThresholds(tolerance.Value, NoiseFloor: policy.NoiseFloorWritten ? policy.NoiseFloorMilliseconds : 0);
                if (!comparisons.TryGetValue(tolerance.Value, out var comparison))
                {
                    comparisons[tolerance.Value] = comparison = LaunchComparison.Compare(referenceSamples.Samples, referenceSamples.Launches, samples.Samples, samples.Launches,
                        thresholds, BenchmarkIndicators.Median.Name, against);
                }

                verdicts.Add(OnTheSamples(benchmarkCase, subject, indicator, value, referenceValue, comparison, thresholds, location, against));
            }
        }

        return verdicts;
    }

    private static RegressionVerdict OnTheSamples(string benchmarkCase, string subject, Indicator indicator, double value, double before, MeasuredComparison comparison,
        RegressionThresholds thresholds, SourceLocation location, string against)
    {
        var (ratio, lower, upper) = comparison.Of(indicator.Name);
        var interval = double.IsFinite(lower) && double.IsFinite(upper) ? (lower, upper, thresholds.Confidence) : ((double, double, double)?)null;
        var own = before != 0 ? value / before : double.PositiveInfinity;
        const string basis = "the raw measurements";
        var message = indicator == BenchmarkIndicators.Median
            ? RegressionText.Compared(subject, indicator.Name, indicator.Unit, value, before, comparison.Status, thresholds.Tolerance, ratio, interval, against: against, basis: basis)
            : RegressionText.Compared(subject, indicator.Name, indicator.Unit, value, before, comparison.Status, thresholds.Tolerance, own, interval, ratio, against, basis);
        // The message names the tolerance; where the spec's noise floor was the wider limit, the explanation says so.
        if (comparison.Status == RegressionOutcome.Inconclusive || comparison.DecidedByNoiseFloor)
        {
            message += $" ({comparison.Explanation})";
        }

        return new RegressionVerdict(benchmarkCase, indicator.Name, comparison.Status, value, before, location, message)
        {
            Ratio = double.IsFinite(ratio) ? ratio : null,
            RatioLower = double.IsFinite(lower) ? lower : null,
            RatioUpper = double.IsFinite(upper) ? upper : null,
            Tolerance = thresholds.Tolerance,
            Confidence = thresholds.Confidence,
            Against = against,
        };
    }

    /// <summary>One run's raw times of a case: milliseconds per operation, and how many of them each launch measured.</summary>
    public sealed record Run(IReadOnlyList<double> Samples, IReadOnlyList<int> Launches);

    private static string Describe(BaselineBenchmark recording) =>
        (recording.Machine.Length > 0 ? recording.Machine : $"host {recording.Host}")
        + $", recorded {recording.Recorded.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}
