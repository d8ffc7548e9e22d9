using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Runtime.Tests.Hardware;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Runtime.Tests.Gate;

/// <summary>
/// `misnomer run` judges each pair of models once, on static and measured indicators together: the static gate's
/// static-only finding is replaced, not repeated.
/// </summary>
public sealed class RuntimeGateDisagreementTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = ModelFolder.WithTinyCnn();
        // wide: 128× the parameters of reused and half its MACs: params and macs order them oppositely.
        // Both have a leading (batch) dimension of 1, so their measurements are comparable.
        MatMul("wide", rows: 1, inner: 1024, columns: 512);
        MatMul("reused", rows: 256, inner: 64, columns: 64);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Each_pair_of_models_is_judged_once_with_measured_indicators()
    {
        var spec = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(spec, "models:\n  wide: { path: wide.onnx }\n  reused: { path: reused.onnx }\ndisagreement: warn\n" +
            "hardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n");

        var result = RuntimeGate.Run(new[] { spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(1) },
            Machine = _ => Machines.Fingerprint(),
        });

        var disagreements = result.AllDiagnostics.Where(d => d.Code == ErrorCodes.IndicatorsDisagree).ToList();
        var judged = result.Static!.Disagreements.Single().Report!;
        var document = result.Results;
        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Has.Count.EqualTo(1));
            Assert.That(disagreements[0].Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(judged.Rankings.Select(r => r.Key), Does.Contain("latency.p50 @ ci-cpu b1"), "measured indicators are ranked too");
            Assert.That(document.Specs.Single().Models.Select(m => m.Verdicts.Count(v => v.Kind == "disagreement")), Is.EqualTo(new[] { 1, 1 }));
        });
    }

    private void MatMul(string name, long rows, long inner, long columns)
    {
        var builder = new ModelBuilder.ModelBuilder(name, storage: ModelBuilder.WeightStorage.Random);
        var x = builder.Input("x", ElementType.Float, 1L, rows, inner);
        builder.Output(builder.Op("MatMul", new[] { x, builder.Weight("w", inner, columns) }));
        builder.Save(Path.Combine(folder, name + ".onnx"));
    }
}
