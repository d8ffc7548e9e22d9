using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>
/// When sampling may stop: every watched statistic has its minimum sample count and an interval whose
/// relative half-width is within the target.
/// </summary>
public sealed class StoppingRule
{
    private readonly IReadOnlyList<LatencyStatistic> watched;
    private readonly MeasurementOptions options;

    /// <param name="watched">The budgeted statistics; the median when none is budgeted.</param>
    /// <param name="options">The confidence level and interval target.</param>
    public StoppingRule(IReadOnlyList<LatencyStatistic> watched, MeasurementOptions options)
    {
        this.watched = watched.Count > 0 ? watched : new[] { LatencyStatistic.P50 };
        this.options = options;
        MinimumSamples = Math.Max(this.watched.Max(s => s.MinimumSamples(options.Confidence)), options.MinimumSamples);
    }

    /// <summary>The samples needed before the rule is checked at all.</summary>
    public int MinimumSamples { get; }

    public IReadOnlyList<LatencyStatistic> Watched => watched;

    /// <summary>Whether the target is met by <paramref name="sample"/>.</summary>
    public bool IsMet(Sample sample) => sample.Size >= MinimumSamples && watched.All(s => Met(s, sample));

    /// <summary>Whether one statistic meets its target: enough samples and, except for the maximum, a narrow interval.</summary>
    public bool Met(LatencyStatistic statistic, Sample sample)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Size < statistic.MinimumSamples(options.Confidence))
        {
            return false;
        }

        return statistic == LatencyStatistic.Max
            || LatencyStatistics.Of(statistic, sample, options.Confidence).RelativeHalfWidth <= options.RelativeHalfWidth;
    }
}
