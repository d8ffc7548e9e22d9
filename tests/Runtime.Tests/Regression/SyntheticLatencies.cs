namespace EfficiencyMisnomer.Runtime.Tests.Regression;

/// <summary>
/// Seeded per-inference latencies shaped like real ones: log-normal around a median, autocorrelated from one
/// inference to the next (AR(1) on the log scale), a right tail of occasional stalls, and a small offset per
/// run (one session on one machine at one time) that no amount of samples within the run averages away.
/// </summary>
internal static class SyntheticLatencies
{
    /// <param name="seed">The run's seed; the same seed gives the same samples.</param>
    /// <param name="count">Samples.</param>
    /// <param name="median">The distribution's median before the run's offset, in milliseconds.</param>
    /// <param name="sigma">Spread of the log of a sample.</param>
    /// <param name="runSpread">Standard deviation of the log of the run's offset.</param>
    public static double[] Run(int seed, int count, double median = 2.0, double sigma = 0.08, double runSpread = 0.01)
    {
        const double Correlation = 0.6;
        const double StallShare = 0.01;
        var random = new Random(seed);
        var offset = Math.Log(median) + runSpread * Normal(random);
        var innovation = sigma * Math.Sqrt(1 - Correlation * Correlation);
        var samples = new double[count];
        double level = sigma * Normal(random);
        for (int i = 0; i < count; i++)
        {
            level = Correlation * level + innovation * Normal(random);
            var stall = random.NextDouble() < StallShare ? 1.5 + 1.5 * random.NextDouble() : 1;
            samples[i] = Math.Exp(offset + level) * stall;
        }

        return samples;
    }

    /// <summary>The same run with every sample multiplied by <paramref name="factor"/>: a model that much slower.</summary>
    public static double[] Scaled(double[] samples, double factor) => samples.Select(s => s * factor).ToArray();

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
