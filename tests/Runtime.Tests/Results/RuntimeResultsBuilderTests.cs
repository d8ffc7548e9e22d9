using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Runtime.Tests.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Results;

/// <summary>A runtime gate run as a results document: static and runtime halves of each model, the machine, the samples kept.</summary>
public sealed class RuntimeResultsBuilderTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = ModelFolder.WithTinyCnn();
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_run_becomes_one_document_with_static_and_runtime_halves_and_the_machine()
    {
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "name: tiny-spec\nmodels:\n  tiny: { path: models/tiny-cnn.onnx, quality: { top1: 0.61 } }\nbind: { batch: 1 }\n" +
            "budgets:\n  params: { max: 30k }\nhardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n");
        var machine = Machines.Fingerprint();
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) },
            Machine = _ => machine,
        });

        var document = ResultsJson.Parse(ResultsJson.Write(result.Results), "run.json");

        var model = document.Spec("tiny-spec")!.Model("tiny")!;
        var runtime = model.Runtime.Single();
        Assert.Multiple(() =>
        {
            Assert.That(document.Machines.Single().Id, Is.EqualTo(machine.Id));
            Assert.That(document.Machines.Single().Facts["cpu"], Is.EqualTo(Machines.EpycModel));
            Assert.That(model.Quality["top1"], Is.EqualTo(0.61));
            Assert.That(model.StaticIndicator("params")!.Value, Is.EqualTo(24_458));
            Assert.That(runtime.Machine, Is.EqualTo(machine.Id));
            Assert.That(runtime.Profile, Is.EqualTo("ci-cpu"));
            Assert.That(runtime.Provider, Is.EqualTo("cpu"));
            Assert.That(runtime.Settings["intra_op_threads"], Is.EqualTo("1"));
            Assert.That(runtime.Settings["confidence"], Is.EqualTo("0.99"));
            Assert.That(runtime.Indicator("latency.p50")!.Value, Is.GreaterThan(0));
            Assert.That(runtime.Indicator("latency.p50")!.Unit, Is.EqualTo("ms"));
            Assert.That(runtime.LatencySamples, Has.Count.InRange(1, RuntimeResults.MaxStoredSamples));
            Assert.That(runtime.Indicator("energy")!.Available, Is.False, "unavailable, never zero");
            Assert.That(model.Verdicts.Select(v => (v.Indicator, v.Profile)), Is.EquivalentTo(new[] { ("params", (string?)null), ("latency.p50", "ci-cpu") }));
        });
    }

    [Test]
    public void Few_samples_are_kept_in_order()
    {
        var samples = new[] { 3.0, 1.0, 2.0 };
        Assert.That(RuntimeReport.Keep(samples), Is.EqualTo(samples));
    }

    [Test]
    public void Many_samples_are_kept_as_evenly_spaced_quantiles()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 50_000).Select(_ => 1 + random.NextDouble()).ToArray();
        var sorted = samples.Order().ToArray();

        var kept = RuntimeReport.Keep(samples);

        Assert.Multiple(() =>
        {
            Assert.That(kept, Has.Count.EqualTo(RuntimeReport.MaxKeptSamples));
            Assert.That(kept, Is.Ordered);
            Assert.That(kept[0], Is.EqualTo(sorted[12]));
            Assert.That(kept[^1], Is.EqualTo(sorted[49_987]));
            Assert.That(kept[1000], Is.EqualTo(sorted[25_012]), "the median survives");
        });
    }
}
