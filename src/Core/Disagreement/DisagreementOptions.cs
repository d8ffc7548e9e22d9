namespace EfficiencyMisnomer.Disagreement;

/// <summary>When two values count as a tie rather than an order; docs/indicators.md ("Disagreement") explains the defaults.</summary>
public sealed record DisagreementOptions
{
    public static DisagreementOptions Default { get; } = new();

    /// <summary>Values within this fraction of the larger one tie, static or measured: a 1% difference is no reason to prefer a model.</summary>
    public double RelativeMargin { get; init; } = 0.01;

    /// <summary>
    /// Measured values without an interval (one observation: <c>cold_start</c>, <c>peak_memory</c>, <c>latency.max</c>,
    /// <c>energy</c>, <c>gpu_memory</c>) tie within this fraction. Infinite by default: one reading's noise is unknown
    /// (a process's resident high-water mark, for one, depends on what ran before), so such values are ranked and
    /// shown but never order two models on their own.
    /// </summary>
    public double SingleObservationMargin { get; init; } = double.PositiveInfinity;
}
