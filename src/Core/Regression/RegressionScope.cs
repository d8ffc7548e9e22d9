using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Regression;

/// <summary>
/// Which indicators are compared with the baseline: every indicator with a budget, plus every indicator named in
/// <c>regression.tolerance</c> (tracked without a budget), none else: comparing noisy indicators nobody asked
/// about would cry wolf. Single-observation runtime indicators (<c>cold_start</c>, <c>peak_memory</c>,
/// <c>gpu_memory</c>, <c>energy</c>, <c>co2</c>; and the generation indicators, whose samples a baseline does not keep)
/// have no samples to test, so they are compared only when named in
/// <c>tolerance</c>, where the team chose a tolerance that fits their noise.
/// </summary>
public static class RegressionScope
{
    private static readonly HashSet<string> SingleObservation = new(StringComparer.Ordinal)
    {
        RuntimeIndicators.ColdStart.Name,
        RuntimeIndicators.PeakMemory.Name,
        RuntimeIndicators.GpuMemory.Name,
        RuntimeIndicators.Energy.Name,
        RuntimeIndicators.Co2.Name,
        RuntimeIndicators.TimeToFirstToken.Name,
        RuntimeIndicators.TimePerOutputToken.Name,
        RuntimeIndicators.PrefillTokensPerSecond.Name,
        RuntimeIndicators.DecodeTokensPerSecond.Name,
    };

    /// <summary>Whether <paramref name="indicator"/> is one observation per run rather than a distribution of latency samples.</summary>
    public static bool IsSingleObservation(string indicator) => SingleObservation.Contains(indicator);

    /// <summary>The static indicators compared for a model with <paramref name="budgets"/>, in catalogue order.</summary>
    public static IReadOnlyList<Indicator> Static(RegressionPolicy policy, IEnumerable<Budget> budgets)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var named = budgets.Select(b => b.Indicator.Name).Concat(policy.Tolerances.Keys).ToHashSet(StringComparer.Ordinal);
        return StaticIndicators.All.Where(i => named.Contains(i.Name)).ToList();
    }

    /// <summary>
    /// The runtime indicators compared against a base revision: every budgeted or <c>tolerance</c>-named one. Against a
    /// revision, cold start and memory are observed several times on both sides, interleaved, so a budget on them is
    /// compared too; energy and CO2 are not (the counter sees both sides). Nothing budgeted or named: the median latency.
    /// </summary>
    public static IReadOnlyList<Indicator> Against(RegressionPolicy policy, IEnumerable<Budget> budgets)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var named = budgets.Select(b => b.Indicator.Name).Concat(policy.Tolerances.Keys).ToHashSet(StringComparer.Ordinal);
        var compared = RuntimeIndicators.All.Where(i => named.Contains(i.Name)).ToList();
        return compared.Count > 0 ? compared : new[] { RuntimeIndicators.LatencyP50 };
    }

    /// <summary>Whether <paramref name="indicator"/> is observed in fresh sessions (cold start, memory) rather than timed in rounds.</summary>
    public static bool IsFreshSession(string indicator) =>
        indicator == RuntimeIndicators.ColdStart.Name || indicator == RuntimeIndicators.PeakMemory.Name || indicator == RuntimeIndicators.GpuMemory.Name;

    /// <summary>The runtime indicators compared for a measurement whose budgets (at its batch) are <paramref name="budgets"/>, in catalogue order.</summary>
    public static IReadOnlyList<Indicator> Runtime(RegressionPolicy policy, IEnumerable<Budget> budgets)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var budgeted = budgets.Select(b => b.Indicator.Name).Where(n => !IsSingleObservation(n));
        var named = budgeted.Concat(policy.Tolerances.Keys).ToHashSet(StringComparer.Ordinal);
        return RuntimeIndicators.All.Where(i => named.Contains(i.Name)).ToList();
    }
}
