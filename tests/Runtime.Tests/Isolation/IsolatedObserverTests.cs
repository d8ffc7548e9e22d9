using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Isolation;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.Runtime.Tests.Isolation;

/// <summary>
/// Cold start and memory observed in a fresh child process: the value belongs to the model alone, whatever ran before
/// in the measuring process, and a child that fails, hangs or cannot start never hangs or crashes the measurement.
/// </summary>
public sealed class IsolatedObserverTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private string folder = null!;

    [OneTimeSetUp]
    public void WriteModels()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-isolation-tests", Guid.NewGuid().ToString("N"));
        TorchVisionModels.MobileNetV2(WeightStorage.Zeros).Save(Path.Combine(folder, "mobilenet_v2.onnx"));
        TorchVisionModels.ResNet50(WeightStorage.Zeros).Save(Path.Combine(folder, "resnet50.onnx"));
    }

    [OneTimeTearDown]
    public void DeleteModels() => Directory.Delete(folder, recursive: true);

    [Test]
    public void The_default_host_observes_in_a_fresh_process()
    {
        var observation = IsolatedObserver.Current(Deadline).Observe(Request("mobilenet_v2.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(ObservationHost.Current, Is.Not.Null, "the test host runs under dotnet, so a child can be started");
            Assert.That(observation.ErrorCode, Is.Null, observation.ErrorMessage);
            Assert.That(observation.Isolated, Is.True);
            Assert.That(observation.ColdStartMs, Is.GreaterThan(0));
            Assert.That(observation.PeakMemoryBytes, Is.GreaterThan(1 << 20), "a 14 MB model's session holds more than 1 MiB");
            Assert.That(observation.GpuMemoryBytes, Is.Null);
        });
    }

    [Test]
    public void Peak_memory_does_not_depend_on_what_ran_before_in_the_measuring_process()
    {
        // One fresh process varies by a few percent; the median of three is what budgets and comparisons are given.
        var observer = IsolatedObserver.Current(Deadline);
        double Median() => FreshSessionSeries.Median(FreshSessionSeries.Observe(observer, Request("mobilenet_v2.onnx"), FreshSessionSeries.Compared)).PeakMemoryBytes!.Value;
        var first = Median();

        // A larger model measured here first leaves freed memory and loaded code behind in this process.
        var resnet = Path.Combine(folder, "resnet50.onnx");
        var bound = BoundInputs.Resolve(OnnxModel.Load(resnet), ShapeBindings.None, 1);
        using (var inputs = GeneratedInputs.Create(bound.Inputs))
        using (var session = SessionFactory.Create(resnet, Cpu, new SessionSettings(1, 1)))
        using (var runner = new BoundSession(session, inputs, bound.Outputs))
        {
            runner.Run();
        }

        var after = Median();
        Assert.That(after / first, Is.EqualTo(1).Within(0.05), $"first {first / 1048576:0.0} MiB, after resnet50 {after / 1048576:0.0} MiB");
    }

    [Test]
    public void Medians_are_taken_per_value_and_a_failure_wins()
    {
        var a = new SessionObservation(10, 300, "peak", null, "no device", true);
        var b = new SessionObservation(30, 100, "peak", null, "no device", true);
        var c = new SessionObservation(20, 200, "peak", null, "no device", true);
        var median = FreshSessionSeries.Median(new[] { a, b, c });
        var failed = SessionObservation.Failed("EM3002", "broken", true);
        Assert.Multiple(() =>
        {
            Assert.That(median.ColdStartMs, Is.EqualTo(20));
            Assert.That(median.PeakMemoryBytes, Is.EqualTo(200));
            Assert.That(median.GpuMemoryBytes, Is.Null);
            Assert.That(median.Count, Is.EqualTo(3));
            Assert.That(FreshSessionSeries.Median(new[] { a, failed }), Is.SameAs(failed));
        });
    }

    [Test]
    public void Without_a_host_it_observes_in_this_process_and_says_so()
    {
        var observation = new IsolatedObserver(null, Deadline).Observe(Request("mobilenet_v2.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(observation.Isolated, Is.False);
            Assert.That(observation.ColdStartMs, Is.GreaterThan(0));
        });
    }

    [Test]
    public void A_host_that_cannot_start_falls_back_to_this_process()
    {
        var host = ObservationHost.Of(Path.Combine(folder, "no-such-program"));
        var observation = new IsolatedObserver(host, Deadline).Observe(Request("mobilenet_v2.onnx"));
        Assert.That(observation.Isolated, Is.False);
    }

    [Test]
    [CancelAfter(60_000)]
    public void A_child_that_hangs_is_stopped_at_its_deadline()
    {
        var observation = new IsolatedObserver(ObservationHost.Of("/bin/sh", "-c", "sleep 600"), TimeSpan.FromSeconds(1)).Observe(Request("mobilenet_v2.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(observation.ErrorCode, Is.EqualTo(Diagnostics.ErrorCodes.SessionFailed));
            Assert.That(observation.ErrorMessage, Does.Contain("did not finish within 1 s"));
        });
    }

    [Test]
    public void A_child_that_fails_without_a_result_is_reported_with_its_exit_code_and_error_output_escaped()
    {
        var host = ObservationHost.Of("/bin/sh", "-c", "cat >/dev/null; echo not json; printf 'native crash\\n\\033[31mred' >&2; exit 3");
        var observation = new IsolatedObserver(host, Deadline).Observe(Request("mobilenet_v2.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(observation.ErrorCode, Is.EqualTo(Diagnostics.ErrorCodes.SessionFailed));
            Assert.That(observation.ErrorMessage, Does.Contain("exit code 3"));
            Assert.That(observation.ErrorMessage, Does.Contain(@"native crash\n\u001b[31mred"));
        });
    }

    [Test]
    public void A_model_the_child_cannot_load_is_a_coded_failure()
    {
        var broken = Path.Combine(folder, "broken.onnx");
        File.WriteAllBytes(broken, new byte[] { 0xff, 0xff, 0xff });
        var observation = IsolatedObserver.Current(Deadline).Observe(Request("broken.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(observation.Isolated, Is.True);
            Assert.That(observation.ErrorCode, Does.StartWith("EM10"));
        });
    }

    private static readonly ProviderSelection Cpu = new("cpu", "requested");

    private SessionObservationRequest Request(string file) =>
        SessionObservationRequest.For(Path.Combine(folder, file), Cpu, new SessionSettings(1, 1), ShapeBindings.None, 1, InputOptions.Default);
}

/// <summary>The runtime gate on a spec of five models: a model's peak memory is its own, whichever runs before it.</summary>
[NonParallelizable]
public sealed class PeakMemoryOrderTests
{
    private static readonly string[] Names = { "mobilenet_v2", "resnet50", "plain-cnn", "mobile-cnn", "vit-wide" };
    private string folder = null!;

    [OneTimeSetUp]
    public void WriteModels()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-memory-order", Guid.NewGuid().ToString("N"));
        TorchVisionModels.MobileNetV2(WeightStorage.Zeros).Save(Path.Combine(folder, "models", "mobilenet_v2.onnx"));
        TorchVisionModels.ResNet50(WeightStorage.Zeros).Save(Path.Combine(folder, "models", "resnet50.onnx"));
        foreach (var name in Names.Skip(2))
        {
            CaseStudies.Models[name](WeightStorage.Zeros).Save(Path.Combine(folder, "models", name + ".onnx"));
        }
    }

    [OneTimeTearDown]
    public void DeleteModels() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_model_reads_the_same_peak_memory_first_or_last_in_a_spec_of_five()
    {
        var first = PeakOf("mobilenet_v2", Names);
        var last = PeakOf("mobilenet_v2", Names.Reverse().ToArray());
        Assert.That(last / first, Is.EqualTo(1).Within(0.05), $"first {first / 1048576:0.0} MiB, last {last / 1048576:0.0} MiB");
    }

    private double PeakOf(string model, string[] order)
    {
        var spec = Path.Combine(folder, $"order-{string.Join('-', order.Select(n => n[0]))}.yaml");
        File.WriteAllText(spec, "name: order\nmodels:\n" + string.Concat(order.Select(n => $"  {n}: {{ path: models/{n}.onnx }}\n")) +
            "hardware:\n  cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      peak_memory: { max: 8 GiB }\n");
        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(0.5) },
        });
        Assert.That(result.Cases, Has.Count.EqualTo(order.Length), string.Join("\n", result.AllDiagnostics));
        return result.Cases.Single(c => c.ModelName == model).Report["peak_memory"].Value!.Value;
    }
}
