using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Comparison;

/// <summary>
/// One head measured beside one base model: cold start and memory in interleaved fresh processes, then latency in
/// interleaved rounds until the ratio decides or the time cap passes, then the verdicts of every indicator the policy
/// compares at these budgets. What a comparison against a revision runs per batch, and what confirms a stored verdict.
/// </summary>
public static class PairedComparison
{
    /// <summary>The paired measurement and its verdicts; measurement failures throw coded errors (a base that cannot be run: <c>EM4034</c>).</summary>
    /// <param name="measurer">The spec's measurer.</param>
    /// <param name="head">The head's case.</param>
    /// <param name="baseModel">The base's model, loaded.</param>
    /// <param name="policy">The spec's <c>regression</c> block (or the implicit one of a command-line revision).</param>
    /// <param name="budgets">The profile's budgets at the case's batch.</param>
    /// <param name="comparisons">How many comparisons the run's error is split over (<see cref="SequentialLooks"/>).</param>
    /// <param name="random">The source of the rounds' orders.</param>
    /// <param name="progress">Where progress lines go; none when null.</param>
    /// <param name="against">The base as messages name it: <c>base main (3f2a1b4c)</c>.</param>
    /// <param name="location">Where the comparison was asked for.</param>
    public static (PairedReport Paired, IReadOnlyList<RegressionVerdict> Verdicts) Measure(RuntimeMeasurer measurer, MeasurementCase head, OnnxModel baseModel,
        RegressionPolicy policy, IReadOnlyList<Budget> budgets, int comparisons, Random random, Action<string>? progress, string against, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(measurer);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(random);
        var indicators = RegressionScope.Against(policy, budgets);
        var fresh = ObserveFresh(measurer, head, baseModel, indicators, policy, random, progress);
        var (baseFresh, headFresh) = fresh.Medians;
        var pair = new PairedCase(head, baseModel, (estimate, baseMedian) => PairedRegression.Decides(policy, indicators, estimate, baseMedian),
            new SequentialLooks(measurer.Options.Confidence, comparisons))
        {
            HeadFresh = headFresh,
            BaseFresh = baseFresh,
            OrderSeed = random.Next(),
        };
        var paired = new PairedMeasurer(measurer, progress).Measure(pair);
        return (paired, PairedRegression.Compare(policy, paired, fresh, budgets, against, location));
    }

    /// <summary>
    /// Cold start and memory of both sides, interleaved in fresh processes: a few of each when a comparison reads them
    /// (more while it is inconclusive), one of each otherwise, for the reports.
    /// </summary>
    private static FreshComparison ObserveFresh(RuntimeMeasurer measurer, MeasurementCase head, OnnxModel baseModel, IReadOnlyList<Indicator> indicators,
        RegressionPolicy policy, Random random, Action<string>? progress)
    {
        var headRequest = SessionObservationRequest.For(head.Model.Path, head.Provider, head.Settings, head.Bindings, head.Batch, head.Inputs)
            with { RunDeadlineSeconds = Watchdog.Deadline(measurer.Options.TimeCap).TotalSeconds };
        var baseRequest = headRequest with { ModelPath = baseModel.Path };
        var compared = indicators.Where(i => RegressionScope.IsFreshSession(i.Name)).ToList();
        var count = compared.Count > 0 ? FreshComparison.First : FreshSessionSeries.Shown;
        progress?.Invoke($"observing cold start and memory in {count} fresh process(es) per side, interleaved");
        var fresh = FreshComparison.Observe(measurer.Observer, baseRequest, headRequest, count, random);
        while (compared.Count > 0 && fresh.Head.Count < FreshComparison.Most && compared.Any(i => Undecided(fresh, i, policy)))
        {
            progress?.Invoke("cold start or memory undecided: two more fresh processes per side");
            fresh = FreshComparison.Observe(measurer.Observer, baseRequest, headRequest, 2, random, fresh);
        }

        return fresh;
    }

    private static bool Undecided(FreshComparison fresh, Indicator indicator, RegressionPolicy policy)
    {
        Func<SessionObservation, double?> select = indicator == RuntimeIndicators.ColdStart ? o => o.ColdStartMs
            : indicator == RuntimeIndicators.PeakMemory ? o => o.PeakMemoryBytes : o => o.GpuMemoryBytes;
        return fresh.Decide(select, policy.Tolerance(indicator.Name).Value)?.Status == RegressionOutcome.Inconclusive;
    }
}
