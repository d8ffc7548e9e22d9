namespace EfficiencyMisnomer.Reporting.Tests;

public sealed class ParetoFrontierTests
{
    [Test]
    public void Keeps_the_models_no_other_is_cheaper_and_better_than()
    {
        var points = new[]
        {
            new ModelPoint("a", 1, 0.70),
            new ModelPoint("b", 2, 0.78),
            new ModelPoint("c", 3, 0.75), // dominated by b: costlier and worse
            new ModelPoint("d", 4, 0.80),
        };
        Assert.That(ParetoFrontier.Of(points).Select(p => p.Model), Is.EqualTo(new[] { "a", "b", "d" }));
    }

    [Test]
    public void Of_two_equally_costly_models_only_the_better_is_on_the_frontier()
    {
        var points = new[] { new ModelPoint("worse", 5, 0.5), new ModelPoint("better", 5, 0.6), new ModelPoint("cheap", 1, 0.1) };
        Assert.That(ParetoFrontier.Of(points).Select(p => p.Model), Is.EqualTo(new[] { "cheap", "better" }));
    }

    [Test]
    public void A_model_equal_in_quality_but_costlier_is_dominated()
    {
        var points = new[] { new ModelPoint("cheap", 1, 0.7), new ModelPoint("costly", 2, 0.7) };
        Assert.That(ParetoFrontier.Of(points).Select(p => p.Model), Is.EqualTo(new[] { "cheap" }));
    }

    [Test]
    public void On_a_rate_axis_the_faster_model_is_the_better_one()
    {
        // Throughput: 'fast' serves more per second at the same quality as 'slow', so 'slow' is dominated; on a
        // lower-is-better reading it would wrongly be the cheap end of the frontier.
        var points = new[] { new ModelPoint("slow", 100, 0.70), new ModelPoint("fast", 400, 0.70), new ModelPoint("accurate", 50, 0.80) };
        Assert.Multiple(() =>
        {
            Assert.That(ParetoFrontier.Of(points, higherIsBetter: true).Select(p => p.Model), Is.EqualTo(new[] { "fast", "accurate" }));
            Assert.That(ParetoFrontier.Of(points, higherIsBetter: false).Select(p => p.Model), Is.EqualTo(new[] { "accurate" }));
        });
    }
}
