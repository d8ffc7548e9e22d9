namespace EfficiencyMisnomer.Disagreement;

/// <summary>Which way an indicator counts as cheaper, and how a sentence names a difference in it.</summary>
public enum CostDirection
{
    /// <summary>A cost: lower is better (params, macs, latency, memory, energy, money).</summary>
    LowerIsCheaper,

    /// <summary>A rate: higher is better (throughput).</summary>
    HigherIsCheaper,
}

/// <summary>
/// The indicators the detector ranks, and the way each counts as cheaper. Indicators that are ratios of
/// other indicators (<c>sharing_factor</c>, <c>arithmetic_intensity</c>, <c>macs_per_step</c>), parts of another
/// (<c>param_uses</c>, <c>embedding_params</c>), properties rather than costs (<c>sparsity</c>) or coverage
/// (<c>unknown_ops</c>) are not ranked: a model is not cheaper for having more of them. docs/indicators.md
/// ("Disagreement") gives the reasons.
/// </summary>
public static class RankedIndicators
{
    private static readonly HashSet<string> Costs = new(StringComparer.Ordinal)
    {
        "params", "model_size", "macs", "flops", "activations", "activations_all", "memory_access", "activation_memory",
        "depth", "training_flops", "training_memory",
        // Tail latencies are not ranked: on a shared machine they measure its interruptions more than the model, and
        // their intervals assume independent samples, which bursts of load are not; the median and mean order speed.
        "latency.p50", "latency.mean",
        "cold_start", "peak_memory", "gpu_memory", "energy", "cost", "co2",
    };

    private static readonly HashSet<string> Counts = new(StringComparer.Ordinal)
    {
        "params", "macs", "flops", "activations", "activations_all", "training_flops",
    };

    /// <summary>How <paramref name="indicator"/> counts as cheaper; null when it is not ranked.</summary>
    public static CostDirection? Direction(string indicator) =>
        indicator == "throughput" ? CostDirection.HigherIsCheaper
        : Costs.Contains(indicator) ? CostDirection.LowerIsCheaper
        : null;

    /// <summary>Whether a difference reads "fewer" (countable things) rather than "less".</summary>
    internal static bool IsCount(string indicator) => Counts.Contains(indicator);

    /// <summary>Whether the indicator is a time, so that a difference reads "faster" or "slower".</summary>
    internal static bool IsTime(string indicator) => indicator.StartsWith("latency.", StringComparison.Ordinal) || indicator == "cold_start";
}
