using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Inputs;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Runtime.Tests.Inputs;

/// <summary>Generated inputs drive a real CPU session: the token model and the float16 model run and are sampled.</summary>
public sealed class TokenModelMeasurementTests
{
    private static readonly MeasurementOptions Quick = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(0.2) };
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "misnomer-inputs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestCase(ElementType.Int64)]
    [TestCase(ElementType.Bool)]
    public void The_token_model_runs_on_cpu_with_its_generated_ids_and_mask(ElementType mask)
    {
        var model = OnnxModel.Load(TokenModels.Embedding(mask).Save(Path.Combine(folder, "tokens.onnx")));
        var bindings = new ShapeBindings(new Dictionary<string, long> { ["batch"] = 2, ["seq"] = 16 }, new Dictionary<string, long[]>());

        var report = new RuntimeMeasurer(Quick).Measure(new MeasurementCase("tokens", model, bindings, new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1))
        {
            Inputs = new InputOptions(TokenMax: TokenModels.Vocabulary),
        });

        Assert.Multiple(() =>
        {
            Assert.That(report.Batch, Is.EqualTo(2));
            Assert.That(report["latency.p50"].Samples, Is.GreaterThan(0));
            Assert.That(report["latency.p50"].Value, Is.GreaterThan(0));
            Assert.That(report.Warnings.Select(w => w.Code), Has.None.EqualTo(Diagnostics.ErrorCodes.OutputNotPreallocated), "outputs of bound shape are pre-allocated");
        });
    }

    [Test]
    public void The_float16_model_runs_on_cpu()
    {
        var model = OnnxModel.Load(TokenModels.HalfPrecision().Save(Path.Combine(folder, "half.onnx")));

        var report = new RuntimeMeasurer(Quick).Measure(new MeasurementCase("half", model, ShapeBindings.None, new ProviderSelection("cpu", "requested"), new SessionSettings(1, 1))
        {
            Batch = 3,
        });

        Assert.Multiple(() =>
        {
            Assert.That(report.Batch, Is.EqualTo(3));
            Assert.That(report["latency.mean"].Samples, Is.GreaterThan(0));
        });
    }

    [Test]
    public void A_spec_binds_batch_and_sequence_and_the_gate_measures_at_them()
    {
        TokenModels.Embedding().Save(Path.Combine(folder, "models", "tokens.onnx"));
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "models:\n  tokens: { path: models/tokens.onnx }\nbind: { batch: 2, seq: 16 }\nhardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n");

        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Matcher = ProviderProfileMatcher.Instance,
            Measurement = Quick,
            Inputs = new InputOptions(TokenMax: TokenModels.Vocabulary),
        });

        var measured = result.Cases.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error), Is.Empty);
            Assert.That(measured.Report.Batch, Is.EqualTo(2));
            Assert.That(measured.Report["latency.p50"].Samples, Is.GreaterThan(0));
            Assert.That(measured.Verdicts.Single().Status, Is.EqualTo(Budgets.VerdictStatus.Pass));
        });
    }
}
