using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Tests.Specs;

namespace EfficiencyMisnomer.Tests.Regression;

/// <summary>Static indicators against the baseline through the build's gate: exact, by tolerance, read only.</summary>
public sealed class StaticRegressionTests
{
    // The bundled tiny CNN at batch 1.
    private const double Params = 24_458;
    private const double Macs = 2_802_304;

    // macs has a budget, params is named in tolerance: both are compared; nothing else is.
    private const string Spec = "models:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\nbudgets:\n  macs: { max: 3M }\n" +
        "regression:\n  baseline: baselines/b.json\n  tolerance: { default: 5%, params: 0% }\n";

    private SpecFolder folder = null!;

    private string BaselinePath => Path.Combine(folder.Path, "baselines", "b.json");

    [SetUp]
    public void Create() => folder = new SpecFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public void One_more_parameter_under_a_zero_tolerance_regresses_with_a_located_error()
    {
        var spec = folder.Write(Spec);
        Record(Params - 1, Macs);

        var result = StaticGate.Check(new[] { spec });

        var regression = result.Models.Single().Regressions.Single(r => r.Indicator == "params");
        Assert.Multiple(() =>
        {
            Assert.That(regression.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That((regression.Measured, regression.Reference), Is.EqualTo(((double?)Params, (double?)(Params - 1))));
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).ToString(),
                Does.StartWith($"{spec}(8,37): error EM4010: model 'tiny': params ").And.EndWith("regressed beyond 0%"));
            Assert.That(result.Models.Single().Regressions.Single(r => r.Indicator == "macs").Status, Is.EqualTo(RegressionOutcome.Pass));
            Assert.That(result.Models.Single().Regressions.Select(r => r.Indicator), Is.EquivalentTo(new[] { "params", "macs" }), "only budgeted or named indicators");
        });
    }

    [Test]
    public void Under_gate_mode_warn_a_regression_warns()
    {
        var spec = folder.Write(Spec);
        Record(Params - 1, Macs);
        var result = StaticGate.Check(new[] { spec }, new GateOptions { Mode = GateMode.Warn });
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Diagnostics.Single(d => d.Code == ErrorCodes.Regressed).Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        });
    }

    [TestCase(1.03, RegressionOutcome.Pass, "+3.0%")]
    [TestCase(0.90, RegressionOutcome.Improved, "-10.0%")]
    [TestCase(1.06, RegressionOutcome.Regressed, "+6.0%")]
    public void Macs_against_a_five_percent_tolerance(double change, RegressionOutcome expected, string shown)
    {
        var spec = folder.Write(Spec);
        Record(Params, Macs / change);

        var result = StaticGate.Check(new[] { spec });

        var macs = result.Models.Single().Regressions.Single(r => r.Indicator == "macs");
        Assert.Multiple(() =>
        {
            Assert.That(macs.Status, Is.EqualTo(expected));
            Assert.That(macs.Ratio, Is.EqualTo(change).Within(1e-9));
            Assert.That(macs.Message, Does.Contain($"({shown})"));
            Assert.That(result.Passed, Is.EqualTo(expected != RegressionOutcome.Regressed));
            Assert.That(GateResultText.Table(result), Does.Contain($"regression {macs.StatusName}").And.Contain("vs baseline"));
        });
    }

    [Test]
    public void Higher_is_better_indicators_regress_downwards()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExactComparison.Compare("arithmetic_intensity", 9, 10, 0.05).Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(ExactComparison.Compare("arithmetic_intensity", 11, 10, 0.05).Status, Is.EqualTo(RegressionOutcome.Improved));
            Assert.That(ExactComparison.Compare("params", 1, 0, 0.05).Status, Is.EqualTo(RegressionOutcome.Regressed));
        });
    }

    [Test]
    public void Without_a_baseline_file_every_comparison_is_skipped_once_as_information_and_nothing_is_written()
    {
        var spec = folder.Write(Spec);

        var result = StaticGate.Check(new[] { spec });

        var skipped = result.Diagnostics.Where(d => d.Code == ErrorCodes.NoBaseline).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(result.Models.Single().Regressions.Select(r => r.Status), Is.All.EqualTo(RegressionOutcome.Skipped));
            Assert.That(skipped, Has.Count.EqualTo(1));
            Assert.That(skipped[0].Severity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(skipped[0].Message, Does.Contain("no baseline yet").And.Contain("--update-baseline"));
            Assert.That(Directory.Exists(Path.GetDirectoryName(BaselinePath)), Is.False, "a gate never writes a baseline");
            Assert.That(result.Baselines, Does.ContainKey(spec).WithValue(null), "later steps learn that there is none yet without looking again");
        });
    }

    [Test]
    public void A_gate_run_leaves_an_existing_baseline_unchanged_byte_for_byte()
    {
        var spec = folder.Write(Spec);
        Record(Params - 1, Macs * 2);
        var before = File.ReadAllBytes(BaselinePath);
        var written = File.GetLastWriteTimeUtc(BaselinePath);

        var result = StaticGate.Check(new[] { spec });

        Assert.Multiple(() =>
        {
            Assert.That(result.Baselines[spec]!.Static.Single().Indicators.Select(i => i.Value), Is.EqualTo(new double?[] { Params - 1, Macs * 2 }),
                "the baseline read is handed on to later steps");
            Assert.That(File.ReadAllBytes(BaselinePath), Is.EqualTo(before));
            Assert.That(File.GetLastWriteTimeUtc(BaselinePath), Is.EqualTo(written));
        });
    }

    [Test]
    public void A_corrupt_baseline_is_a_coded_error_at_the_baseline_key()
    {
        var spec = folder.Write(Spec);
        Directory.CreateDirectory(Path.GetDirectoryName(BaselinePath)!);
        File.WriteAllText(BaselinePath, "{ \"format\": \"efficiency-misnomer/baseline@1\", ");

        var result = StaticGate.Check(new[] { spec });

        var error = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaselineUnreadable));
            Assert.That(error.Message, Does.StartWith(BaselinePath).And.Not.Contain("\n"));
            Assert.That(error.Location!.Line, Is.EqualTo(7));
            Assert.That(result.Baselines, Is.Empty, "a later step reads it again and reports it in its own terms");
        });
    }

    [Test]
    public void Results_documents_carry_regression_verdicts_with_the_baseline_as_reference()
    {
        var spec = folder.Write(Spec);
        Record(Params, Macs / 0.9);

        var document = ResultsBuilder.FromStatic(StaticGate.Check(new[] { spec }), DateTimeOffset.UnixEpoch);

        var verdict = document.Specs.Single().Models.Single().Verdicts.Single(v => v.Kind == "regression" && v.Indicator == "macs");
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo("improved"));
            Assert.That(verdict.Measured, Is.EqualTo(Macs));
            Assert.That(verdict.Reference, Is.EqualTo(Macs / 0.9));
            Assert.That(verdict.Ratio, Is.EqualTo(0.9).Within(1e-9));
            Assert.That(verdict.Location, Is.EqualTo($"{spec}(6,1)"));
        });
    }

    [Test]
    public void Recording_a_static_results_document_then_checking_passes()
    {
        var spec = folder.Write(Spec);
        var document = ResultsBuilder.FromStatic(StaticGate.Check(new[] { spec }, new GateOptions { CompareBaselines = false }), DateTimeOffset.UnixEpoch);

        var recorded = BaselineRecorder.Record(document);

        var result = StaticGate.Check(new[] { spec });
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Single().Code, Is.EqualTo(ErrorCodes.BaselineRecorded));
            Assert.That(BaselineStore.Read(BaselinePath)!.StaticModel("tiny")!.Indicator("params")!.Value, Is.EqualTo(Params));
            Assert.That(result.Models.Single().Regressions.Select(r => r.Status), Is.All.EqualTo(RegressionOutcome.Pass));
        });
    }

    [Test]
    public void Recording_a_spec_without_regression_is_a_coded_error()
    {
        var spec = folder.Write("models:\n  tiny: { path: models/tiny-cnn.onnx }\n");
        var document = ResultsBuilder.FromStatic(StaticGate.Check(new[] { spec }), DateTimeOffset.UnixEpoch);
        var error = Assert.Throws<EfficiencyException>(() => BaselineRecorder.Record(document))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.SpecWithoutRegression));
            Assert.That(error.Message, Does.Contain("declares no stored baseline (regression.baseline)"));
        });
    }

    private void Record(double parameters, double macs) =>
        BaselineStore.Default.Update(BaselinePath, _ => new Baseline("spec", new[]
        {
            new BaselineModel("tiny", new[] { new BaselineIndicator("params", "parameters", parameters), new BaselineIndicator("macs", "MAC", macs) }),
        }, Array.Empty<BaselineProfile>()));
}
