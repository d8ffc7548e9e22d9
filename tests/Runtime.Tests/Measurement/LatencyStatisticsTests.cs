using EfficiencyMisnomer.Runtime.Measurement;
using Pragmastat;

namespace EfficiencyMisnomer.Runtime.Tests.Measurement;

/// <summary>Intervals of latency statistics stay numbers on the samples a fast model gives: most of them tied at the timer's resolution.</summary>
public sealed class LatencyStatisticsTests
{
    [Test]
    public void Samples_tied_at_the_timer_resolution_give_a_finite_interval_around_the_estimate()
    {
        var random = new Random(1);
        foreach (var statistic in new[] { LatencyStatistic.P50, LatencyStatistic.P90, LatencyStatistic.P99, LatencyStatistic.Mean })
        {
            for (var trial = 0; trial < 50; trial++)
            {
                // 0.032 ms nearly always, as a 32 µs model reads on a timer of 1 µs resolution, with rare slower runs.
                var values = Enumerable.Range(0, 459).Select(_ => random.NextDouble() < 0.97 ? 0.032 : 0.033 + random.Next(0, 3) * 0.001).ToArray();
                var estimate = LatencyStatistics.Of(statistic, new Sample(values), 0.99);
                Assert.That(double.IsFinite(estimate.Lower) && double.IsFinite(estimate.Upper), Is.True, $"{statistic} trial {trial}");
                Assert.That(estimate.Value, Is.InRange(estimate.Lower, estimate.Upper), $"{statistic} trial {trial}");
            }
        }
    }
}
