using EfficiencyMisnomer.Results;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace EfficiencyMisnomer.Regression;

/// <summary>
/// The bounded form of a run's latency samples that results and baselines store and that comparisons use:
/// every sample when there are at most <see cref="MaxSamples"/>, otherwise that many evenly spaced quantiles
/// of them (the minimum and the maximum included).
/// </summary>
public static class LatencySummary
{
    /// <summary>The most samples kept: <see cref="RuntimeResults.MaxStoredSamples"/>.</summary>
    public const int MaxSamples = RuntimeResults.MaxStoredSamples;

    /// <summary>
    /// The samples themselves, in their order, when there are at most <see cref="MaxSamples"/>; otherwise the
    /// quantiles at probabilities 0, 1/(k-1), ..., 1 (linear interpolation between order statistics, Hyndman–Fan type 7).
    /// </summary>
    public static IReadOnlyList<double> Of(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count <= MaxSamples)
        {
            return samples;
        }

        var sample = new Sample(samples.ToArray());
        var quantiles = new double[MaxSamples];
        for (int i = 0; i < MaxSamples; i++)
        {
            quantiles[i] = SimpleQuantileEstimator.Instance.Quantile(sample, (double)i / (MaxSamples - 1)).NominalValue;
        }

        return quantiles;
    }
}
