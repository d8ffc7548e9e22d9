using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>What one measurement found: a model on a profile at a batch size, every runtime indicator and how it was measured.</summary>
/// <param name="Model">The model's name in the spec.</param>
/// <param name="ModelPath">The model file.</param>
/// <param name="Profile">The hardware profile's name.</param>
/// <param name="Batch">The batch size measured at.</param>
/// <param name="Provider">The provider used and why.</param>
/// <param name="Settings">Thread counts, execution mode and optimisation level.</param>
/// <param name="Indicators">Every runtime indicator, in <see cref="RuntimeIndicators.All"/> order; unavailable ones say why.</param>
/// <param name="WarmupRuns">Inferences before timing began.</param>
/// <param name="Elapsed">Wall time of warm-up and sampling.</param>
/// <param name="Warnings">What limits the measurement (outputs allocated per run, an unmet interval target, ...).</param>
public sealed record RuntimeReport(
    string Model,
    string ModelPath,
    string Profile,
    int Batch,
    ProviderSelection Provider,
    SessionSettings Settings,
    IReadOnlyList<MeasuredIndicator> Indicators,
    int WarmupRuns,
    TimeSpan Elapsed,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The most latency samples a report keeps: what a baseline needs to test a later run against.</summary>
    public const int MaxKeptSamples = EfficiencyMisnomer.Results.RuntimeResults.MaxStoredSamples;

    /// <summary>
    /// Per-inference latencies in milliseconds: every sample in the order taken when there were at most
    /// <see cref="MaxKeptSamples"/>, otherwise that many evenly spaced quantiles of them.
    /// </summary>
    public IReadOnlyList<double> LatencySamples { get; init; } = Array.Empty<double>();

    /// <summary>
    /// Keeps <paramref name="milliseconds"/> when they are few enough; otherwise the sorted values at the
    /// midpoints of <see cref="MaxKeptSamples"/> equal slices, which keep the distribution's shape and tails.
    /// </summary>
    public static IReadOnlyList<double> Keep(IReadOnlyList<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count <= MaxKeptSamples)
        {
            return milliseconds.ToArray();
        }

        var sorted = milliseconds.Order().ToArray();
        var kept = new double[MaxKeptSamples];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = sorted[(int)((i + 0.5) * sorted.Length / MaxKeptSamples)];
        }

        return kept;
    }
    /// <summary>
    /// The share of all CPUs' time that other processes (and a hypervisor's other guests) used while the samples were
    /// taken (0 to 1); null where it cannot be read. A stored baseline is compared only when both runs were quiet.
    /// </summary>
    public double? OtherCpuShare { get; init; }

    /// <summary>How fast the machine ran the reference workloads between the samples; null where they were not run.</summary>
    public Baselines.ReferenceSpeed? Reference { get; init; }

    /// <summary>Confidence level of every interval in the report.</summary>
    public double Confidence { get; init; } = Measurement.MeasurementOptions.Default.Confidence;

    /// <summary>The interval half-width, relative to the estimate, that sampling aimed for on the watched statistics.</summary>
    public double TargetRelativeHalfWidth { get; init; } = Measurement.MeasurementOptions.Default.RelativeHalfWidth;

    public MeasuredIndicator this[string name] => Indicators.FirstOrDefault(i => i.Name == name)
        ?? throw new KeyNotFoundException($"runtime indicator '{name}' is not in the report");
}

/// <summary>A runtime indicator's value with its confidence interval, or the reason it is unavailable.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Value">The estimate; null when unavailable.</param>
/// <param name="Lower">Lower bound of its interval.</param>
/// <param name="Upper">Upper bound of its interval.</param>
/// <param name="Samples">Observations it rests on.</param>
/// <param name="Stable">Whether its interval met the target (always true for single observations and unavailable values).</param>
/// <param name="Note">How it was obtained when that matters, or why it is unavailable.</param>
public sealed record MeasuredIndicator(Indicator Indicator, double? Value, double? Lower, double? Upper, int Samples, bool Stable, string? Note = null)
{
    public string Name => Indicator.Name;

    public bool Available => Value is not null;

    public double? HalfWidth => Lower is { } l && Upper is { } u ? (u - l) / 2 : null;

    public static MeasuredIndicator Unavailable(Indicator indicator, string note) => new(indicator, null, null, null, 0, true, note);
}
