using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// The verdicts of a model measured against its base. Latency statistics, throughput and cost rest on the paired
/// rounds' ratio (throughput moves inversely); a decoder's generation indicators on the interleaved generations' ratios
/// (time to first token, time per output token; tokens per second inversely); cold start and memory on the interleaved fresh-session observations;
/// energy and CO2 are not compared (the counter sees both models). Each verdict carries both values, the ratio, its
/// interval at the decision's confidence and at 95%, and names the base it was compared with.
/// </summary>
public static class PairedRegression
{
    private const string Basis = "the paired rounds";
    private const string GenerationBasis = "the paired generations";
    private const string NotAgainst = "{0}: {1} is not compared against a revision: the energy counter sees the base and the head together";
    private const string NoValue = "{0}: {1} has no value on one side; not compared";

    /// <summary>The verdicts on <paramref name="paired"/> and <paramref name="fresh"/> of the indicators <paramref name="policy"/> compares at these budgets.</summary>
    /// <param name="policy">The spec's <c>regression</c> block (or the implicit one of a command-line revision).</param>
    /// <param name="paired">The interleaved measurement.</param>
    /// <param name="fresh">The interleaved fresh-session observations; null when none were made.</param>
    /// <param name="budgets">The profile's budgets at this batch.</param>
    /// <param name="against">The base as messages name it: <c>base main (3f2a1b4c)</c>.</param>
    /// <param name="location">Where the comparison was asked for: the <c>against</c> key or the command line.</param>
    public static IReadOnlyList<RegressionVerdict> Compare(RegressionPolicy policy, PairedReport paired, FreshComparison? fresh, IEnumerable<Budget> budgets,
        string against, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(paired);
        var head = paired.Head;
        var subject = $"model '{UserText.Quote(head.Model)}' [{UserText.Quote(head.Profile)}] batch {head.Batch}";
        var baseMedian = paired.Base.LatencySamples.Count > 0 ? paired.Base[RuntimeIndicators.LatencyP50.Name].Value ?? 0 : 0;
        var verdicts = new List<RegressionVerdict>();
        foreach (var indicator in RegressionScope.Against(policy, budgets))
        {
            var name = indicator.Name;
            var tolerance = policy.Tolerance(name);
            var at = policy.Names(name) ? tolerance.Location : policy.Against?.Location ?? location;
            var measured = head.Indicators.FirstOrDefault(i => i.Name == name)?.Value;
            var reference = paired.Base.Indicators.FirstOrDefault(i => i.Name == name)?.Value;
            RegressionVerdict Verdict(RegressionOutcome status, string message) => new(head.Model, name, status, measured, reference, at, message)
            {
                Profile = head.Profile, Batch = head.Batch, Tolerance = tolerance.Value, Against = against,
            };

            if (RegressionScope.IsFreshSession(name))
            {
                verdicts.Add(Fresh(indicator, fresh, tolerance.Value, subject, against, measured, reference, Verdict));
                continue;
            }

            var generation = paired.Generation?.For(name);
            if (!IsTimed(name) && generation is null)
            {
                verdicts.Add(Verdict(RegressionOutcome.Skipped, RegressionText.Format(NotAgainst, subject, name)) with { Code = ErrorCodes.RegressionNotCompared });
                continue;
            }

            if (measured is not { } value || reference is not { } before)
            {
                verdicts.Add(Verdict(RegressionOutcome.Skipped, RegressionText.Format(NoValue, subject, name)) with { Code = ErrorCodes.RegressionNotCompared });
                continue;
            }

            // Generation indicators rest on the interleaved generations' ratio (time to first token, or per output token),
            // with the base's own median of that time for the noise floor; the rest on the paired rounds'.
            var (estimate, estimate95, floorBase, basis, rounds) = generation is { } pairedGeneration
                ? (pairedGeneration.Decision, pairedGeneration.At95, GenerationTime(paired.Base, name), GenerationBasis, paired.Generation!.Rounds)
                : (paired.Ratio, paired.Ratio95, baseMedian, Basis, paired.Rounds);
            var band = RatioBand.For(tolerance.Value, policy.NoiseFloorMilliseconds, floorBase);
            var status = band.Decide(estimate);
            // The rounds time inferences: slower is worse for every indicator they rest on, and throughput moves inversely.
            var inverse = IndicatorDirection.HigherIsBetter(name);
            var (ratio, lower, upper) = inverse
                ? (1 / estimate.Ratio, Invert(estimate.Upper), Invert(estimate.Lower))
                : (estimate.Ratio, estimate.Lower, estimate.Upper);
            var (lower95, upper95) = inverse ? (Invert(estimate95.Upper), Invert(estimate95.Lower)) : (estimate95.Lower, estimate95.Upper);
            var own = before != 0 ? value / before : double.PositiveInfinity;
            var interval = (lower, upper, estimate.Confidence);
            var message = name == RuntimeIndicators.LatencyP50.Name || name == RuntimeIndicators.TimeToFirstToken.Name || name == RuntimeIndicators.TimePerOutputToken.Name
                ? RegressionText.Compared(subject, name, indicator.Unit, value, before, status, tolerance.Value, ratio, interval, against: against, basis: basis)
                : RegressionText.Compared(subject, name, indicator.Unit, value, before, status, tolerance.Value, own, interval, ratio, against, basis);
            if (status == RegressionOutcome.Inconclusive)
            {
                message += RegressionText.Format(" (after {0} rounds: the interval still reaches across the {1} band; a longer --time-cap decides more)", rounds, RegressionText.Percent(tolerance.Value));
            }

            verdicts.Add(Verdict(status, message) with
            {
                Ratio = Finite(ratio),
                RatioLower = Finite(lower),
                RatioUpper = Finite(upper),
                Confidence = estimate.Confidence,
                Interval95 = double.IsFinite(lower95) && double.IsFinite(upper95) ? (lower95, upper95) : null,
            });
        }

        return verdicts;
    }

    /// <summary>Whether <paramref name="name"/> rests on the timed rounds (a latency statistic, throughput or cost).</summary>
    public static bool IsTimed(string name) =>
        LatencyStatistic.All.Any(s => s.Indicator.Name == name) || name == RuntimeIndicators.Throughput.Name || name == RuntimeIndicators.Cost.Name;

    /// <summary>Whether <paramref name="estimate"/> decides every timed comparison of <paramref name="indicators"/> under <paramref name="policy"/>.</summary>
    public static bool Decides(RegressionPolicy policy, IEnumerable<Indicator> indicators, RatioEstimate estimate, double baseMedianMs)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return indicators.Where(i => IsTimed(i.Name))
            .All(i => RatioBand.For(policy.Tolerance(i.Name).Value, policy.NoiseFloorMilliseconds, baseMedianMs).Decide(estimate) != RegressionOutcome.Inconclusive);
    }

    private static RegressionVerdict Fresh(Indicator indicator, FreshComparison? fresh, double tolerance, string subject, string against, double? measured, double? reference,
        Func<RegressionOutcome, string, RegressionVerdict> verdict)
    {
        Func<SessionObservation, double?> select = indicator.Name == RuntimeIndicators.ColdStart.Name ? o => o.ColdStartMs
            : indicator.Name == RuntimeIndicators.PeakMemory.Name ? o => o.PeakMemoryBytes
            : o => o.GpuMemoryBytes;
        if (fresh?.Decide(select, tolerance) is not { } decided || measured is not { } value || reference is not { } before)
        {
            return verdict(RegressionOutcome.Skipped, RegressionText.Format(NoValue, subject, indicator.Name)) with { Code = ErrorCodes.RegressionNotCompared };
        }

        var message = RegressionText.Compared(subject, indicator.Name, indicator.Unit, value, before, decided.Status, tolerance, decided.Ratio, against: against)
            + RegressionText.Format(" ({0} fresh processes per side; head over base from {1} to {2})", decided.Observations, RegressionText.Change(decided.Lower), RegressionText.Change(decided.Upper));
        return verdict(decided.Status, message) with { Ratio = decided.Ratio, RatioLower = decided.Lower, RatioUpper = decided.Upper };
    }

    /// <summary>The base's median time (ms) of the generation phase <paramref name="indicator"/> rests on.</summary>
    private static double GenerationTime(RuntimeReport report, string indicator)
    {
        var time = indicator == RuntimeIndicators.TimeToFirstToken.Name || indicator == RuntimeIndicators.PrefillTokensPerSecond.Name
            ? RuntimeIndicators.TimeToFirstToken : RuntimeIndicators.TimePerOutputToken;
        return report.Indicators.FirstOrDefault(i => i.Name == time.Name)?.Value ?? 0;
    }

    private static double Invert(double value) => value > 0 ? 1 / value : double.PositiveInfinity;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
