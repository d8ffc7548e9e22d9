using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;
using Builder = EfficiencyMisnomer.ModelBuilder.ModelBuilder;

namespace EfficiencyMisnomer.Runtime.Tests.Measurement;

/// <summary>
/// A case never outlives its time cap by more than the watchdog's grace, even when one inference would never return,
/// and never allocates what the machine does not have: both end as coded errors, not hangs or crashes.
/// </summary>
[NonParallelizable]
public sealed class GuardTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = ModelFolder.WithTinyCnn();

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    [CancelAfter(120_000)]
    public void An_inference_that_never_returns_is_stopped_at_the_time_cap_with_EM3010()
    {
        var path = EndlessLoop();
        var options = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<EfficiencyException>(() => new RuntimeMeasurer(options).Measure(
            new MeasurementCase("endless", OnnxModel.Load(path), ShapeBindings.None, new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1))))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InferenceStopped));
            Assert.That(error.Message, Does.Contain("did not finish within its case's time cap"));
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the fresh-process observation and the measurement are both bounded");
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public void The_gate_reports_an_endless_model_as_a_coded_error_at_its_entry()
    {
        EndlessLoop();
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "name: endless\nmodels:\n  endless: { path: models/endless.onnx }\nhardware:\n  cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 1 s }\n");
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions { Provider = ProviderRequest.Cpu, Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) } });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains("error EM3002: model 'endless' cannot be measured: EM3010"));
        });
    }

    [Test]
    public void Inputs_larger_than_the_memory_available_are_refused_naming_the_input_and_sizes()
    {
        var model = OnnxModel.Load(Path.Combine(folder, "models", "tiny-cnn.onnx"));
        var bound = BoundInputs.Resolve(model, ShapeBindings.None, 100_000);
        var error = Assert.Throws<EfficiencyException>(() => MemoryGuard.Check(model, bound, available: 1L << 30))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.OutOfMemory));
            Assert.That(error.Message, Does.Contain("input 'image' of shape [100000x3x32x32] alone takes 1.14 GiB"));
            Assert.That(error.Message, Does.Contain("and this machine has 1.00 GiB available"));
        });
        Assert.DoesNotThrow(() => MemoryGuard.Check(model, BoundInputs.Resolve(model, ShapeBindings.None, 1), available: 1L << 30));
    }

    [Test]
    public void A_tensor_no_array_can_hold_is_refused_before_anything_is_allocated()
    {
        var type = new TensorType(ElementType.Float, new TensorShape(new[] { Dim.Of(1L << 20), Dim.Of(1L << 20) }));
        var error = Assert.Throws<EfficiencyException>(() => GeneratedInputs.Create(new Dictionary<string, TensorType> { ["x"] = type }))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.OutOfMemory));
    }

    [Test]
    public void A_batch_the_machine_cannot_hold_is_a_coded_error_through_the_gate()
    {
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "name: huge\nmodels:\n  tiny: { path: models/tiny-cnn.onnx }\nhardware:\n  cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 1 s, batch: 100000000 }\n");
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions { Provider = ProviderRequest.Cpu, Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) } });
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Contains("EM3011"));
    }

    /// <summary>A Loop of 2^62 iterations over a small product: each inference would run for centuries.</summary>
    private string EndlessLoop()
    {
        var b = new Builder();
        var trips = b.Int64s("trips", Array.Empty<long>(), new[] { 1L << 62 });
        EfficiencyMisnomer.ModelBuilder.LoopModels.MatMulLoop(b, trips, b.Input("h0", ElementType.Float, 1, 4), "y");
        b.Output("y", ElementType.Float, 1, 4);
        return b.Save(Path.Combine(folder, "models", "endless.onnx"));
    }
}
