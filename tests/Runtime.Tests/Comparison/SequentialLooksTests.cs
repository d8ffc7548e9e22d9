using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Comparison;
using EfficiencyMisnomer.Runtime.Isolation;

namespace EfficiencyMisnomer.Runtime.Tests.Comparison;

/// <summary>How often a comparison looks, at which confidence; the band a ratio is judged in; the rule for few fresh observations.</summary>
public sealed class SequentialLooksTests
{
    [Test]
    public void The_run_error_is_split_over_every_look_of_every_comparison()
    {
        var one = new SequentialLooks(0.99, 1);
        var five = new SequentialLooks(0.99, 5);
        Assert.Multiple(() =>
        {
            Assert.That(1 - one.PerLook, Is.EqualTo(0.01 / (SequentialLooks.MaxInterimLooks + 1)).Within(1e-15));
            Assert.That(1 - five.PerLook, Is.EqualTo(0.01 / (5 * (SequentialLooks.MaxInterimLooks + 1))).Within(1e-15));
            Assert.That(new SequentialLooks(0.99, 0).Comparisons, Is.EqualTo(1));
        });
    }

    [Test]
    public void Looks_come_at_geometrically_growing_round_counts_and_stop_after_the_last_interim_one()
    {
        var looks = new SequentialLooks(0.99, 1);
        var at = Enumerable.Range(1, 100_000).Where(looks.IsLook).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(at, Has.Count.EqualTo(SequentialLooks.MaxInterimLooks));
            Assert.That(at[0], Is.EqualTo(SequentialLooks.FirstLook));
            Assert.That(at[1], Is.EqualTo(30));
            Assert.That(at.Zip(at.Skip(1), (a, b) => (double)b / a), Is.All.InRange(1.4, 1.6));
        });
    }

    [Test]
    public void A_ratio_is_judged_by_where_its_interval_lies_not_by_its_width()
    {
        var band = RatioBand.For(0.10, 0.01, 5);
        Assert.Multiple(() =>
        {
            Assert.That(band.Decide(1.65, 2.64), Is.EqualTo(RegressionOutcome.Regressed), "wide, but wholly above +10%");
            Assert.That(band.Decide(0.95, 1.05), Is.EqualTo(RegressionOutcome.Pass));
            Assert.That(band.Decide(0.5, 0.8), Is.EqualTo(RegressionOutcome.Improved));
            Assert.That(band.Decide(1.05, 1.2), Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(band.Upper, Is.EqualTo(1.1).Within(1e-12));
            Assert.That(band.Lower, Is.EqualTo(1 / 1.1).Within(1e-12));
        });
    }

    [Test]
    public void The_noise_floor_widens_the_band_of_a_fast_model()
    {
        // 10 us of a 40 us model is 25%: a 5% tolerance would judge timer noise.
        var band = RatioBand.For(0.05, 0.010, 0.040);
        Assert.Multiple(() =>
        {
            Assert.That(band.Upper, Is.EqualTo(1.25).Within(1e-12));
            Assert.That(band.Lower, Is.EqualTo(0.75).Within(1e-12));
        });
    }

    [Test]
    public void Few_fresh_observations_regress_only_when_every_head_exceeds_every_base()
    {
        static FreshComparison Of(double[] b, double[] h) => new(
            b.Select(v => new SessionObservation(v, v, null, null, null, true)).ToList(),
            h.Select(v => new SessionObservation(v, v, null, null, null, true)).ToList());

        Assert.Multiple(() =>
        {
            Assert.That(Of(new[] { 100.0, 102, 98 }, new[] { 120.0, 118, 121 }).Decide(o => o.PeakMemoryBytes, 0.05)!.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(Of(new[] { 100.0, 102, 98 }, new[] { 101.0, 97, 103 }).Decide(o => o.PeakMemoryBytes, 0.05)!.Status, Is.EqualTo(RegressionOutcome.Pass));
            Assert.That(Of(new[] { 100.0, 102, 98 }, new[] { 80.0, 82, 81 }).Decide(o => o.PeakMemoryBytes, 0.05)!.Status, Is.EqualTo(RegressionOutcome.Improved));
            // Medians 8% apart but the observations overlap: not enough to blame the head.
            Assert.That(Of(new[] { 100.0, 102, 110 }, new[] { 108.0, 109, 101 }).Decide(o => o.PeakMemoryBytes, 0.05)!.Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(Of(new[] { 100.0 }, Array.Empty<double>()).Decide(o => o.PeakMemoryBytes, 0.05), Is.Null);
        });
    }
}
