using EfficiencyMisnomer.Regression;

namespace EfficiencyMisnomer.Tests.Regression;

public sealed class MinimumSamplesTests
{
    [TestCase(0.5, 7)]
    [TestCase(0.9, 44)]
    [TestCase(0.95, 90)]
    [TestCase(0.99, 459)]
    public void At_99_percent_the_largest_sample_bounds_the_quantile(double p, int expected) =>
        Assert.That(MinimumSamples.For(p, 0.99), Is.EqualTo(expected));
}
