using EfficiencyMisnomer.Disagreement;
using static EfficiencyMisnomer.Tests.Disagreement.SpecResultsFactory;

namespace EfficiencyMisnomer.Tests.Disagreement;

public sealed class KendallTauTests
{
    private static double Tau(double[] first, double[] second)
    {
        var models = first.Select((x, i) => Model($"m{i}", ("params", x), ("macs", second[i]))).ToArray();
        return MisnomerDetector.Analyze(Spec(models)).Correlations.Single().KendallTau;
    }

    [Test]
    public void Identical_rankings_give_one() => Assert.That(Tau(new[] { 1.0, 2, 3, 4 }, new[] { 10.0, 20, 30, 40 }), Is.EqualTo(1.0));

    [Test]
    public void Reversed_rankings_give_minus_one() => Assert.That(Tau(new[] { 1.0, 2, 3, 4 }, new[] { 40.0, 30, 20, 10 }), Is.EqualTo(-1.0));

    [Test]
    public void One_swapped_pair_of_four_gives_two_thirds()
    {
        // 6 pairs: (m1, m2) discordant, 5 concordant: (5 - 1) / 6.
        Assert.That(Tau(new[] { 1.0, 2, 3, 4 }, new[] { 10.0, 30, 20, 40 }), Is.EqualTo(4.0 / 6).Within(1e-12));
    }

    [Test]
    public void Ties_shrink_the_denominator_as_tau_b_does()
    {
        // second ties (m0, m1): 5 concordant, 0 discordant, 6 ordered pairs in first, 5 in second: 5 / sqrt(6 * 5).
        Assert.That(Tau(new[] { 1.0, 2, 3, 4 }, new[] { 10.0, 10, 20, 30 }), Is.EqualTo(5 / Math.Sqrt(30)).Within(1e-12));
    }

    [Test]
    public void A_ranking_that_ties_every_pair_has_no_correlation()
    {
        var models = new[] { Model("a", ("params", 1), ("macs", 5)), Model("b", ("params", 2), ("macs", 5)), Model("c", ("params", 3), ("macs", 5)) };
        Assert.That(MisnomerDetector.Analyze(Spec(models)).Correlations, Is.Empty);
        Assert.That(KendallTau.TauB(new[] { -1, -1, -1 }, new[] { 0, 0, 0 }), Is.NaN);
    }

    [Test]
    public void Pairs_count_only_models_both_rankings_hold()
    {
        var spec = Spec(Model("a", ("params", 1), ("macs", 1)), Model("b", ("params", 2), ("macs", 2)), Model("c", ("params", 3)));
        var correlation = MisnomerDetector.Analyze(spec).Correlations.Single();
        Assert.That((correlation.First, correlation.Second, correlation.Pairs), Is.EqualTo(("params", "macs", 1)));
    }
}
