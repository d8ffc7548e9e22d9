using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>One thing to measure: a model, with its bindings, on a provider, at a batch size, for a profile.</summary>
public sealed record MeasurementCase(string ModelName, OnnxModel Model, ShapeBindings Bindings, ProviderSelection Provider, SessionSettings Settings)
{
    public string ProfileName { get; init; } = "default";

    /// <summary>The batch size; null keeps the bindings' own.</summary>
    public int? Batch { get; init; }

    /// <summary>The latency statistics budgets bound at this batch; the stopping rule watches them.</summary>
    public IReadOnlyList<LatencyStatistic> Watched { get; init; } = Array.Empty<LatencyStatistic>();

    public double? PricePerHour { get; init; }

    /// <summary>Grams of CO2 per kWh.</summary>
    public double? GridIntensity { get; init; }

    public InputOptions Inputs { get; init; } = InputOptions.Default;

    /// <summary>
    /// Fresh sessions observed for <c>cold_start</c>, <c>peak_memory</c> and <c>gpu_memory</c> (their medians are
    /// reported): <see cref="Isolation.FreshSessionSeries.Compared"/> when a budget or a comparison reads them, else one.
    /// </summary>
    public int FreshSessions { get; init; } = Isolation.FreshSessionSeries.Shown;

    /// <summary>
    /// For a decoder with a KV cache: how it generates. <see cref="Bindings"/> are then the prefill's and
    /// <see cref="SpecBindings"/> the spec's own, from which each decode step is bound; ttft, tpot and tokens per second
    /// are measured too (<see cref="GenerationMeasurer"/>).
    /// </summary>
    public CostModel.Generation? Generation { get; init; }

    /// <summary>The spec's bindings before a generation's prefill shapes were added; null when the case has no generation.</summary>
    public ShapeBindings? SpecBindings { get; init; }
}
