using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Runtime.Tests.Measurement;

/// <summary>The real CPU path on the bundled sample: structure and invariants only, never timing thresholds.</summary>
public sealed class RuntimeMeasurerTests
{
    [Test]
    public void Tiny_cnn_on_cpu_gives_ordered_statistics_with_intervals_around_them()
    {
        var model = OnnxModel.Load(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"));
        var options = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) };
        var report = new RuntimeMeasurer(options).Measure(new MeasurementCase("tiny", model, ShapeBindings.None,
            new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1)) { Watched = new[] { LatencyStatistic.P99 } });

        double V(string name) => report[name].Value!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(V("latency.p50"), Is.LessThanOrEqualTo(V("latency.p90")));
            Assert.That(V("latency.p90"), Is.LessThanOrEqualTo(V("latency.p99")));
            Assert.That(V("latency.p99"), Is.LessThanOrEqualTo(V("latency.max")));
            Assert.That(report["latency.p99"].Samples, Is.GreaterThanOrEqualTo(MinimumSamples.For(0.99, 0.99)));
            foreach (var indicator in report.Indicators.Where(i => i.Available))
            {
                Assert.That(indicator.Value, Is.InRange(indicator.Lower!.Value, indicator.Upper!.Value), indicator.Name);
            }

            Assert.That(report["energy"].Available, Is.False);
            Assert.That(report["energy"].Note, Does.StartWith("unavailable: "));
            Assert.That(report["throughput"].Value, Is.EqualTo(1000 / V("latency.mean")).Within(1e-9));
            Assert.That(report.Settings.IntraOpThreads, Is.EqualTo(1));
            Assert.That(report.Batch, Is.EqualTo(1));
        });
    }

    [Test]
    public void Cold_start_and_memory_come_from_fresh_processes_and_say_how_many()
    {
        var model = OnnxModel.Load(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"));
        var options = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(0.5) };
        var tiny = new MeasurementCase("tiny", model, ShapeBindings.None, new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1));
        var three = new RuntimeMeasurer(options).Measure(tiny with { FreshSessions = 3 });
        var inProcess = new RuntimeMeasurer(options, observer: new IsolatedObserver(null, TimeSpan.FromSeconds(60))).Measure(tiny);
        Assert.Multiple(() =>
        {
            Assert.That(three["peak_memory"].Value, Is.GreaterThan(0));
            Assert.That(three["peak_memory"].Note, Does.StartWith("median of 3 observations in fresh processes"));
            Assert.That(three["cold_start"].Note, Does.StartWith("median of 3 observations in fresh processes"));
            Assert.That(inProcess["cold_start"].Note, Does.Contain(SessionObserver.InProcess));
            Assert.That(inProcess["peak_memory"].Note, Does.Contain(SessionObserver.InProcess));
        });
    }
}
