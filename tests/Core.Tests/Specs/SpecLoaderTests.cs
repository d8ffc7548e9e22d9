using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>A complete spec loads into an immutable model where every value knows its file, line and column.</summary>
public sealed class SpecLoaderTests
{
    private const string Full = """
        # yaml-language-server: $schema=../schema/efficiency-spec.schema.json
        name: scaling
        models:
          tiny:
            path: models/tiny-cnn.onnx
            quality: { top1: 0.781, top5: 94% }
            bind: { batch: 2 }
            budgets:
              macs: { max: 20M }
        bind: { batch: 1, image: [1, 3, 32, 32] }
        optimizer: sgd
        budgets:
          params:      { max: 100M }
          unknown_ops: { max: 0 }
          activations: { max: 40M, min: 1k, severity: warning }
        hardware:
          ci-cpu:
            match: { provider: cpu, cpu: "*EPYC*" }
            threads: 4
            budgets:
              latency.p99: { max: 60 ms, batch: 1 }
              throughput:  { min: 40 /s, batch: 8 }
          h200:
            match: { provider: cuda, gpu: "NVIDIA H200*" }
            price_per_hour: 3.50
            grid_intensity: 400
            budgets:
              gpu_memory: { max: 8 GiB }
              energy: { max: 2 J }
              co2: { max: 50 g }
              cost: { max: 0.25 USD }
        regression:
          baseline: baselines/scaling.json
          tolerance: { default: 5%, params: 0% }
        disagreement: error
        """;

    private SpecFolder folder = null!;

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void Loads_every_section_with_locations()
    {
        var result = folder.Load(Full);
        Assert.That(result.Diagnostics, Is.Empty);
        var spec = result.Spec!;
        var path = Path.Combine(folder.Path, "spec.yaml");
        var model = spec.Models.Single();
        Assert.Multiple(() =>
        {
            Assert.That(spec.Path, Is.EqualTo(path));
            Assert.That(spec.Name.Value, Is.EqualTo("scaling"));
            Assert.That(spec.Name.Location, Is.EqualTo(new EfficiencyMisnomer.Diagnostics.SourceLocation(path, 2, 7)));
            Assert.That(model.Name, Is.EqualTo("tiny"));
            Assert.That(model.Location, Is.EqualTo(new EfficiencyMisnomer.Diagnostics.SourceLocation(path, 4, 3)));
            Assert.That(model.Path.Value, Is.EqualTo("models/tiny-cnn.onnx"));
            Assert.That(model.Path.Location.Line, Is.EqualTo(5));
            Assert.That(model.Path.Location.Column, Is.EqualTo(11));
            Assert.That(File.Exists(model.ResolvedPath), Is.True);
            Assert.That(model.Quality.Select(q => (q.Name, q.Value)), Is.EqualTo(new[] { ("top1", 0.781), ("top5", 0.94) }));
            Assert.That(model.Bindings.Single().Sizes, Is.EqualTo(new long[] { 2 }));
            Assert.That(model.Budgets.Single().Max!.Value, Is.EqualTo(20e6));
            Assert.That(spec.Bindings.Select(b => b.Name), Is.EqualTo(new[] { "batch", "image" }));
            Assert.That(spec.Bindings[1].Sizes, Is.EqualTo(new long[] { 1, 3, 32, 32 }));
            Assert.That(spec.Optimizer.Value, Is.EqualTo(Optimizer.Sgd));
            Assert.That(spec.Disagreement.Value, Is.EqualTo(GateMode.Error));
        });

        var activations = spec.Budgets.Single(b => b.Indicator == StaticIndicators.Activations);
        Assert.Multiple(() =>
        {
            Assert.That(spec.Budgets.Select(b => b.Indicator.Name), Is.EqualTo(new[] { "params", "unknown_ops", "activations" }));
            Assert.That(activations.Max!.Value, Is.EqualTo(40e6));
            Assert.That(activations.Max.Text, Is.EqualTo("40M"));
            Assert.That(activations.Max.Location, Is.EqualTo(new EfficiencyMisnomer.Diagnostics.SourceLocation(path, 15, 23)));
            Assert.That(activations.Min!.Value, Is.EqualTo(1000));
            Assert.That(activations.Min.Location.Column, Is.EqualTo(33));
            Assert.That(activations.Severity, Is.EqualTo(BudgetSeverity.Warning));
            Assert.That(activations.Location, Is.EqualTo(new EfficiencyMisnomer.Diagnostics.SourceLocation(path, 15, 3)));
        });

        var (cpu, gpu) = (spec.Hardware[0], spec.Hardware[1]);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Name, Is.EqualTo("ci-cpu"));
            Assert.That(cpu.Match["cpu"].Value, Is.EqualTo("*EPYC*"));
            Assert.That(cpu.Threads!.Value, Is.EqualTo(4));
            Assert.That(cpu.Budgets[0].Indicator, Is.EqualTo(RuntimeIndicators.LatencyP99));
            Assert.That(cpu.Budgets[0].Max!.Value, Is.EqualTo(60).Within(1e-9), "in the indicator's unit, ms");
            Assert.That(cpu.Budgets[0].Batch!.Value, Is.EqualTo(1));
            Assert.That(cpu.Budgets[1].Min!.Value, Is.EqualTo(40));
            Assert.That(cpu.Budgets[1].Batch!.Value, Is.EqualTo(8));
            Assert.That(gpu.PricePerHour!.Value, Is.EqualTo(3.5));
            Assert.That(gpu.GridIntensity!.Value, Is.EqualTo(400));
            Assert.That(gpu.Budgets.Select(b => b.Max!.Value), Is.EqualTo(new[] { 8.0 * (1L << 30), 2, 50, 0.25 }));
            Assert.That(spec.Regression!.Baseline!.Value, Is.EqualTo("baselines/scaling.json"));
            Assert.That(spec.Regression.DefaultTolerance.Value, Is.EqualTo(0.05).Within(1e-12));
            Assert.That(spec.Regression.Tolerances["params"].Value, Is.Zero);
        });
    }

    [Test]
    public void Defaults_name_to_the_file_name_and_optimizer_to_adam()
    {
        var spec = folder.Load("models: { tiny: { path: models/tiny-cnn.onnx } }", "my-gate.yaml").Spec!;
        Assert.Multiple(() =>
        {
            Assert.That(spec.Name.Value, Is.EqualTo("my-gate"));
            Assert.That(spec.Optimizer.Value, Is.EqualTo(Optimizer.Adam));
            Assert.That(spec.Disagreement.Value, Is.EqualTo(GateMode.Warn));
            Assert.That(spec.Budgets, Is.Empty);
            Assert.That(spec.Regression, Is.Null);
        });
    }

    [Test]
    public void Anchors_and_aliases_share_a_budget()
    {
        var spec = folder.Load("""
            models: { tiny: { path: models/tiny-cnn.onnx } }
            budgets:
              macs: &small { max: 3M }
              flops: *small
            """).Spec!;
        Assert.That(spec.Budgets.Select(b => (b.Indicator.Name, b.Max!.Value)), Is.EqualTo(new[] { ("macs", 3e6), ("flops", 3e6) }));
    }

    [Test]
    public void The_bundled_sample_spec_loads_cleanly()
    {
        var result = SpecLoader.Load(Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml"));
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Spec!.Hardware.Single().Name, Is.EqualTo("ci-cpu"));
    }
}
