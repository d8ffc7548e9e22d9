using EfficiencyMisnomer.Regression;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

public sealed class LatencySummaryTests
{
    [Test]
    public void Up_to_the_limit_the_samples_are_kept_in_their_order()
    {
        var samples = SyntheticLatencies.Run(1, LatencySummary.MaxSamples);

        Assert.That(LatencySummary.Of(samples), Is.EqualTo(samples));
    }

    [Test]
    public void Beyond_the_limit_evenly_spaced_quantiles_keep_the_extremes_and_the_median()
    {
        var samples = SyntheticLatencies.Run(2, 10_001);
        var sorted = samples.Order().ToArray();

        var summary = LatencySummary.Of(samples);

        Assert.That(summary, Has.Count.EqualTo(LatencySummary.MaxSamples));
        Assert.That(summary, Is.Ordered);
        Assert.That(summary[0], Is.EqualTo(sorted[0]));
        Assert.That(summary[^1], Is.EqualTo(sorted[^1]));
        Assert.That((summary[999] + summary[1000]) / 2, Is.EqualTo(sorted[5000]).Within(0.01 * sorted[5000]));
    }
}
