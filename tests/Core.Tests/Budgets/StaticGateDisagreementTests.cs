using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Tensors;
using EfficiencyMisnomer.Tests.Specs;

namespace EfficiencyMisnomer.Tests.Budgets;

/// <summary>
/// The build gate applies a spec's <c>disagreement</c> setting: two one-MatMul models, one with 128× the parameters
/// of the other but half its MACs, are ordered oppositely by params and by macs.
/// </summary>
public sealed class StaticGateDisagreementTests
{
    private const string Models = "models:\n  wide: { path: models/wide.onnx }\n  reused: { path: models/reused.onnx }\n";

    private SpecFolder folder = null!;

    [SetUp]
    public void Create()
    {
        folder = new SpecFolder();
        // wide: [1,1024] x [1024,512]: 524,288 params, 524,288 MACs. reused: [256,64] x [64,64]: 4,096 params, 1,048,576 MACs.
        MatMul("wide", rows: 1, inner: 1024, columns: 512);
        MatMul("reused", rows: 256, inner: 64, columns: 64);
    }

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void Disagreement_error_fails_the_build_at_the_key_with_the_flip()
    {
        var spec = folder.Write(Models + "disagreement: error\n");
        var result = StaticGate.Check(new[] { spec });
        var diagnostic = result.Diagnostics.Single(d => d.Code == ErrorCodes.IndicatorsDisagree);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(diagnostic.Location!.Line, Is.EqualTo(4));
            Assert.That(diagnostic.Message, Does.StartWith("spec 'spec': wide has 32× fewer activations").And.Contain("than reused but 128× more params"));
        });
    }

    [Test]
    public void Disagreement_warn_warns_and_passes()
    {
        var result = StaticGate.Check(new[] { folder.Write(Models + "disagreement: warn\n") });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Diagnostics.Single(d => d.Code == ErrorCodes.IndicatorsDisagree).Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Disagreement_off_and_gate_mode_warn_do_not_fail()
    {
        var off = StaticGate.Check(new[] { folder.Write(Models + "disagreement: off\n", "off.yaml") });
        var warnMode = StaticGate.Check(new[] { folder.Write(Models + "disagreement: error\n", "error.yaml") }, new GateOptions { Mode = GateMode.Warn });
        Assert.Multiple(() =>
        {
            Assert.That(off.Diagnostics.Where(d => d.Code == ErrorCodes.IndicatorsDisagree), Is.Empty);
            Assert.That(warnMode.Passed, Is.True);
            Assert.That(warnMode.Diagnostics.Single(d => d.Code == ErrorCodes.IndicatorsDisagree).Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Results_documents_carry_the_disagreement_verdict_on_both_models()
    {
        var result = StaticGate.Check(new[] { folder.Write(Models + "disagreement: warn\n") });
        var spec = ResultsBuilder.FromStatic(result, DateTimeOffset.UnixEpoch).Specs.Single();
        Assert.That(spec.Models.Select(m => m.Verdicts.Count(v => v.Kind == "disagreement" && v.Status == "warning")), Is.EqualTo(new[] { 1, 1 }));
    }

    private void MatMul(string name, long rows, long inner, long columns)
    {
        var builder = new ModelBuilder.ModelBuilder(name);
        var x = builder.Input("x", ElementType.Float, rows, inner);
        builder.Output(builder.Op("MatMul", new[] { x, builder.Weight("w", inner, columns) }));
        builder.Save(Path.Combine(folder.Path, "models", name + ".onnx"));
    }
}
