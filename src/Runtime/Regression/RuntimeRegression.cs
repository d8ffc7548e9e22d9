using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Regression;

/// <summary>
/// Compares a measurement with the baseline entry of its profile recorded on this same hardware. Latency statistics,
/// throughput and cost rest on the per-inference latency samples (throughput and cost are inverses and multiples of
/// the mean latency), so they are tested with <see cref="MeasuredRegression"/> on the samples, direction handled;
/// single-observation indicators are compared against the tolerance alone. An entry recorded on other hardware is
/// never compared: its numbers say nothing about this machine.
/// </summary>
public static class RuntimeRegression
{
    /// <summary>The verdicts of <paramref name="policy"/> on <paramref name="report"/>, whose budgets at its batch are <paramref name="budgets"/>.</summary>
    /// <param name="policy">The spec's <c>regression</c> block.</param>
    /// <param name="report">The measurement.</param>
    /// <param name="budgets">The profile's budgets at the report's batch.</param>
    /// <param name="baseline">The spec's baseline; null when the file does not exist yet.</param>
    /// <param name="machineId">This machine's fingerprint id.</param>
    /// <param name="machineSummary">This machine's fingerprint summary.</param>
    /// <param name="remeasured">Whether this is the second measurement of an inconclusive case.</param>
    /// <param name="busyLimit">The share of the CPUs other processes may use, in either run, before a change is inconclusive (<see cref="QuietMachineLimit"/>).</param>
    public static IReadOnlyList<RegressionVerdict> Compare(RegressionPolicy policy, RuntimeReport report, IEnumerable<Budget> budgets, Baseline? baseline,
        string machineId, string machineSummary, bool remeasured = false, double busyLimit = QuietMachineLimit)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(report);
        var subject = $"model '{UserText.Quote(report.Model)}' [{UserText.Quote(report.Profile)}] batch {report.Batch}";
        var indicators = RegressionScope.Runtime(policy, budgets);
        var entries = baseline?.Entries(report.Profile).ToList() ?? new List<BaselineProfile>();
        var entry = entries.FirstOrDefault(e => e.Fingerprint == machineId);
        var (skip, code) = baseline is null ? (RegressionText.Format(RegressionText.NoBaselineFile, subject, policy.ResolvedBaseline ?? string.Empty), ErrorCodes.NoBaseline)
            : entries.Count == 0 ? (RegressionText.Format(RegressionText.NoProfileEntry, subject, policy.ResolvedBaseline ?? string.Empty, report.Profile), ErrorCodes.NoBaseline)
            : entry is null ? (RegressionText.Format(RegressionText.OtherMachine, subject, report.Profile, string.Join("; ", entries.Select(Describe)), WithId(machineSummary, machineId)), ErrorCodes.BaselineOtherMachine)
            : entry.Measurement(report.Model, report.Batch) is null ? (RegressionText.Format(RegressionText.NoMeasurement, subject, report.Profile, report.Batch), ErrorCodes.NoBaseline)
            : (null, null);
        var recorded = entry?.Measurement(report.Model, report.Batch);
        // Indicators with the same tolerance share one test of the samples.
        var comparisons = new Dictionary<double, MeasuredComparison>();
        var verdicts = new List<RegressionVerdict>();
        foreach (var indicator in indicators)
        {
            var name = indicator.Name;
            var tolerance = policy.Tolerance(name);
            var location = policy.Names(name) ? tolerance.Location : policy.Location;
            var measured = report.Indicators.FirstOrDefault(i => i.Name == name)?.Value;
            var reference = recorded?.Indicator(name)?.Value;
            RegressionVerdict Skipped(string message, string skipCode) => new(report.Model, name, RegressionOutcome.Skipped, measured, reference, location, message)
            {
                Code = skipCode, Profile = report.Profile, Batch = report.Batch, Tolerance = tolerance.Value,
            };

            if (skip is not null)
            {
                // Said once, at the regression key, not once per indicator.
                verdicts.Add(Skipped(skip, code!) with { Location = policy.Location });
                continue;
            }

            if (measured is not { } value || reference is not { } before)
            {
                var missing = measured is null ? "is unavailable in this run" : "has no value in the baseline";
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.MissingValue, subject, name, missing), ErrorCodes.RegressionNotCompared));
                continue;
            }

            if (RegressionScope.IsSingleObservation(name))
            {
                var (exact, exactRatio) = ExactComparison.Compare(name, value, before, tolerance.Value);
                var single = new RegressionVerdict(report.Model, name, exact, value, before, location,
                    RegressionText.Compared(subject, name, indicator.Unit, value, before, exact, tolerance.Value, exactRatio))
                {
                    Profile = report.Profile, Batch = report.Batch, Ratio = exactRatio, Tolerance = tolerance.Value,
                };
                // A cold start is a time like any other: a busy machine slows it; memory does not depend on the load.
                verdicts.Add(name == RuntimeIndicators.ColdStart.Name
                    ? Changed(Busy(single, report.OtherCpuShare, recorded?.OtherCpuShare, busyLimit), report.Reference, recorded?.Reference)
                    : single);
                continue;
            }

            if (recorded!.LatencySamples.Count == 0 || report.LatencySamples.Count == 0)
            {
                verdicts.Add(Skipped(RegressionText.Format(RegressionText.MissingValue, subject, name, "has no latency samples to compare on one side"), ErrorCodes.RegressionNotCompared));
                continue;
            }

            var thresholds = new RegressionThresholds(tolerance.Value, policy.NoiseFloorMilliseconds);
            if (!comparisons.TryGetValue(tolerance.Value, out var comparison))
            {
                comparisons[tolerance.Value] = comparison = MeasuredRegression.Compare(recorded.LatencySamples, report.LatencySamples, thresholds);
            }

            var verdict = Busy(Measured(report, indicator, value, before, comparison, thresholds, location, subject, remeasured), report.OtherCpuShare, recorded.OtherCpuShare, busyLimit);
            verdicts.Add(Changed(verdict, report.Reference, recorded.Reference));
        }

        return verdicts;
    }

    /// <summary>
    /// The share of all CPUs' time that other processes may use while a run is compared with a stored baseline: above
    /// it the machine's load, not the model, may explain any difference from a baseline recorded at another time.
    /// </summary>
    public const double QuietMachineLimit = 0.10;

    private const string BusyNow = " (inconclusive: other processes used {0:0%} of the CPUs while this was measured; a stored baseline is compared only on a quiet machine. Rerun on a quiet runner, or compare against a revision, measured beside the head in one run: --against)";
    private const string BusyThen = " (inconclusive: other processes used {0:0%} of the CPUs while the baseline was recorded; record it again on a quiet machine)";

    /// <summary>A regressed or improved verdict turned inconclusive when either run was measured on a busy machine.</summary>
    internal static RegressionVerdict Busy(RegressionVerdict verdict, double? now, double? then, double limit = QuietMachineLimit)
    {
        if (verdict.Status is not (RegressionOutcome.Regressed or RegressionOutcome.Improved))
        {
            return verdict;
        }

        var why = now > limit ? RegressionText.Format(BusyNow, now.Value)
            : then > limit ? RegressionText.Format(BusyThen, then.Value)
            : null;
        return why is null ? verdict : Inconclusive(verdict, why);
    }

    /// <summary>The verdict turned inconclusive, its message saying what it would have been and <paramref name="why"/> not.</summary>
    private static RegressionVerdict Inconclusive(RegressionVerdict verdict, string why) => verdict with
    {
        Status = RegressionOutcome.Inconclusive,
        Code = ErrorCodes.RegressionInconclusive,
        Message = RegressionText.Would(verdict.Message) + why,
    };

    private const string MachineChanged = " (inconclusive: the machine is not running at the speed it had when the baseline was recorded: {0}, measured between this run's samples against the baseline's own. A shared virtual machine changes speed for minutes at a time; compare against a revision, measured beside the head in one run (--against), or rerun)";

    /// <summary>
    /// A regressed or improved verdict turned inconclusive when the reference workloads ran at another speed than when
    /// the baseline was recorded: the machine, not the model, may explain the change (<see cref="ReferenceSpeed"/>).
    /// </summary>
    internal static RegressionVerdict Changed(RegressionVerdict verdict, ReferenceSpeed? now, ReferenceSpeed? then)
    {
        if (verdict.Status is not (RegressionOutcome.Regressed or RegressionOutcome.Improved) || now is null || then is null
            || now.ChangeSince(then) is not { } change)
        {
            return verdict;
        }

        return Inconclusive(verdict, RegressionText.Format(MachineChanged, change));
    }

    private static RegressionVerdict Measured(RuntimeReport report, Indicator indicator, double value, double before, MeasuredComparison comparison,
        RegressionThresholds thresholds, SourceLocation location, string subject, bool remeasured)
    {
        var status = comparison.Status;

        var (ratio, lower, upper) = comparison.Of(indicator.Name);
        var interval = double.IsFinite(lower) && double.IsFinite(upper) ? (lower, upper, thresholds.Confidence) : ((double, double, double)?)null;
        // The median is what the samples' test compares; every other statistic shows its own change beside the tested one.
        var own = before != 0 ? value / before : double.PositiveInfinity;
        var message = indicator == RuntimeIndicators.LatencyP50
            ? RegressionText.Compared(subject, indicator.Name, indicator.Unit, value, before, status, thresholds.Tolerance, ratio, interval)
            : RegressionText.Compared(subject, indicator.Name, indicator.Unit, value, before, status, thresholds.Tolerance, own, interval, ratio);
        if (status == RegressionOutcome.Inconclusive)
        {
            message += $" ({comparison.Explanation})" + (remeasured ? RegressionText.Unsettled : string.Empty);
        }

        return new RegressionVerdict(report.Model, indicator.Name, status, value, before, location, message)
        {
            Profile = report.Profile,
            Batch = report.Batch,
            Ratio = double.IsFinite(ratio) ? ratio : null,
            RatioLower = double.IsFinite(lower) ? lower : null,
            RatioUpper = double.IsFinite(upper) ? upper : null,
            Tolerance = thresholds.Tolerance,
        };
    }

    private static string Describe(BaselineProfile entry) =>
        WithId(entry.Machine.Length > 0 ? entry.Machine : "a machine", entry.Fingerprint) + $", recorded {entry.Recorded.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A fingerprint summary that names its id (summaries written by this tool already do).</summary>
    private static string WithId(string summary, string id) => summary.Contains(id, StringComparison.Ordinal) ? summary : $"{summary} (fingerprint {id})";
}
