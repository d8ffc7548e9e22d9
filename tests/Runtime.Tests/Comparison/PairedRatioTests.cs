using EfficiencyMisnomer.Runtime.Comparison;

namespace EfficiencyMisnomer.Runtime.Tests.Comparison;

public class PairedRatioTests
{
    [TestCase(10, 0.05, 8)] // published tables: two-sided 5% critical value of T for n = 10 is 8
    [TestCase(10, 0.01, 3)]
    [TestCase(20, 0.05, 52)]
    [TestCase(20, 0.01, 37)]
    [TestCase(30, 0.05, 137)]
    [TestCase(6, 0.05, 0)]
    [TestCase(5, 0.05, -1)] // 2 / 2^5 = 6.25% > 5%: no interval at 95% from five pairs
    public void Critical_values_match_the_published_table(int pairs, double alpha, long critical) =>
        Assert.That(SignedRank.LowerCritical(pairs, alpha), Is.EqualTo(critical));

    [Test]
    public void The_normal_approximation_continues_the_exact_values_smoothly()
    {
        // At the switch the approximation must agree with the exact count to within a rank or two.
        var exact = SignedRank.LowerCritical(SignedRank.ExactUpTo, 0.01);
        var approximate = SignedRank.LowerCritical(SignedRank.ExactUpTo + 1, 0.01);
        var growth = SignedRank.LowerCritical(SignedRank.ExactUpTo + 2, 0.01) - approximate;
        Assert.That(approximate - exact, Is.InRange(growth - 3, growth + 3));
    }

    [Test]
    public void Walsh_averages_are_selected_exactly()
    {
        double[] x = { 1, 2, 3 }; // Walsh averages: 1, 1.5, 2, 2, 2.5, 3
        var expected = new[] { 1, 1.5, 2, 2, 2.5, 3 };
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.That(PairedRatio.WalshAverage(x, k), Is.EqualTo(expected[k]).Within(1e-12), $"k = {k}");
        }
    }

    [Test]
    public void Walsh_averages_agree_with_brute_force_on_random_data()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 41).Select(_ => random.NextDouble() * 3 - 1).Order().ToArray();
        var all = new List<double>();
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i; j < x.Length; j++)
            {
                all.Add((x[i] + x[j]) / 2);
            }
        }

        all.Sort();
        foreach (var k in new[] { 0, 1, 100, all.Count / 2, all.Count - 2, all.Count - 1 })
        {
            Assert.That(PairedRatio.WalshAverage(x, k), Is.EqualTo(all[k]).Within(1e-12), $"k = {k}");
        }
    }

    [Test]
    public void A_constant_slowdown_is_found_exactly_whatever_each_round_load()
    {
        var random = new Random(1);
        // Every round's load multiplies both sides alike: from 1x to 4x.
        var load = Enumerable.Range(0, 200).Select(_ => 1 + 3 * random.NextDouble()).ToArray();
        var baseline = load.Select(l => 5.0 * l).ToArray();
        var head = load.Select(l => 5.5 * l).ToArray();
        var estimate = PairedRatio.Estimate(baseline, head, 0.99);
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Ratio, Is.EqualTo(1.1).Within(1e-9));
            Assert.That(estimate.Lower, Is.EqualTo(1.1).Within(1e-9));
            Assert.That(estimate.Upper, Is.EqualTo(1.1).Within(1e-9));
            Assert.That(estimate.Pairs, Is.EqualTo(200));
        });
    }

    [Test]
    public void Noise_widens_the_interval_around_the_true_ratio_and_outliers_barely_move_it()
    {
        var random = new Random(3);
        var baseline = new double[400];
        var head = new double[400];
        for (var i = 0; i < baseline.Length; i++)
        {
            var load = 1 + random.NextDouble();
            baseline[i] = 4 * load * (1 + 0.05 * Gaussian(random));
            head[i] = 4.4 * load * (1 + 0.05 * Gaussian(random));
            if (i % 25 == 0)
            {
                head[i] *= 3; // a preempted head run now and then
            }
        }

        var estimate = PairedRatio.Estimate(baseline, head, 0.99);
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Ratio, Is.EqualTo(1.1).Within(0.02));
            Assert.That(estimate.Lower, Is.LessThan(1.1).And.GreaterThan(1.05));
            Assert.That(estimate.Upper, Is.GreaterThan(1.1).And.LessThan(1.15));
        });
    }

    [Test]
    public void Too_few_pairs_give_an_unbounded_interval()
    {
        var estimate = PairedRatio.Estimate(new[] { 1.0, 1, 1 }, new[] { 2.0, 2, 2 }, 0.99);
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Ratio, Is.EqualTo(2).Within(1e-12));
            Assert.That(estimate.Bounded, Is.False);
        });
    }

    [Test]
    public void Unpaired_or_non_positive_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedRatio.Estimate(new[] { 1.0 }, new[] { 1.0, 2.0 }, 0.99));
        Assert.Throws<ArgumentException>(() => PairedRatio.Estimate(new[] { 1.0, 0 }, new[] { 1.0, 2.0 }, 0.99));
        Assert.Throws<ArgumentException>(() => PairedRatio.Estimate(new[] { 1.0, double.NaN }, new[] { 1.0, 2.0 }, 0.99));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
