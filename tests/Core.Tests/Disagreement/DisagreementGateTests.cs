using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Disagreement;
using EfficiencyMisnomer.Specs;
using static EfficiencyMisnomer.Tests.Disagreement.SpecResultsFactory;

namespace EfficiencyMisnomer.Tests.Disagreement;

public sealed class DisagreementGateTests
{
    private static readonly SourceLocation Key = new("specs/case.yaml", 30, 15);

    private static EfficiencyMisnomer.Results.SpecResults Flipping() => Spec(
        Model("shared", ("params", 1e6), ("macs", 6e8)),
        Model("shallow", ("params", 2e6), ("macs", 2e8)),
        Model("deep", ("params", 6e6), ("macs", 6e8)));

    [Test]
    public void Warn_gives_one_warning_per_flip_at_the_disagreement_key()
    {
        var result = DisagreementGate.Evaluate(Flipping(), new Located<GateMode>(GateMode.Warn, Key));

        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("EM4201"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostic.Location, Is.EqualTo(Key));
        Assert.That(diagnostic.Message, Does.StartWith("spec 'case': shared has 50% fewer params than shallow but 3× more macs: "));
        Assert.That(diagnostic.Message, Does.Contain("disagreement: off"));
        Assert.That(result.Passed, Is.True);
    }

    [Test]
    public void Error_fails_and_adds_a_verdict_to_both_models_of_the_flip()
    {
        var result = DisagreementGate.Evaluate(Flipping(), new Located<GateMode>(GateMode.Error, Key));

        Assert.That(result.Diagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(result.Passed, Is.False);
        var verdicts = result.Spec.Models.ToDictionary(m => m.Name, m => m.Verdicts);
        Assert.That(verdicts["deep"], Is.Empty, "deep is costlier than shared or equal by every indicator, and costlier than shallow by all");
        var verdict = verdicts["shared"].Single();
        Assert.That((verdict.Kind, verdict.Status, verdict.Indicator, verdict.Location), Is.EqualTo(("disagreement", "fail", "params vs macs", "specs/case.yaml(30,15)")));
        Assert.That(verdicts["shallow"].Single(), Is.EqualTo(verdict));
    }

    [Test]
    public void Warn_verdicts_have_status_warning()
    {
        var result = DisagreementGate.Evaluate(Flipping(), new Located<GateMode>(GateMode.Warn, Key));
        Assert.That(result.Spec.Models.SelectMany(m => m.Verdicts).Select(v => v.Status), Is.EqualTo(new[] { "warning", "warning" }));
    }

    [Test]
    public void Judging_again_replaces_the_earlier_findings_and_keeps_other_verdicts()
    {
        var first = DisagreementGate.Evaluate(Flipping(), new Located<GateMode>(GateMode.Warn, Key)).Spec;
        var budget = new EfficiencyMisnomer.Results.VerdictResult("budget", "params", "pass", "within budget", "specs/case.yaml(3,5)");
        var withBudget = first with { Models = first.Models.Select(m => m.Name == "shared" ? m with { Verdicts = m.Verdicts.Append(budget).ToList() } : m).ToList() };

        var again = DisagreementGate.Evaluate(withBudget, new Located<GateMode>(GateMode.Error, Key)).Spec;

        var verdicts = again.Models.ToDictionary(m => m.Name, m => m.Verdicts.Select(v => (v.Kind, v.Status)).ToList());
        Assert.Multiple(() =>
        {
            Assert.That(verdicts["shared"], Is.EquivalentTo(new[] { ("budget", "pass"), ("disagreement", "fail") }));
            Assert.That(verdicts["shallow"], Is.EqualTo(new[] { ("disagreement", "fail") }), "the warning of the first judgement is gone");
        });
    }

    [Test]
    public void Off_reports_nothing()
    {
        var spec = Flipping();
        var result = DisagreementGate.Evaluate(spec, new Located<GateMode>(GateMode.Off, Key));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Report, Is.Null);
        Assert.That(result.Spec, Is.SameAs(spec));
    }

    [Test]
    public void Agreeing_indicators_pass_even_in_error_mode()
    {
        var spec = Spec(Model("a", ("params", 1), ("macs", 1)), Model("b", ("params", 2), ("macs", 2)));
        var result = DisagreementGate.Evaluate(spec, new Located<GateMode>(GateMode.Error, Key));

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Passed, Is.True);
    }

    [Test]
    public void A_loaded_spec_supplies_its_mode_and_the_key_location()
    {
        var folder = Path.Combine(Path.GetTempPath(), "misnomer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "case.yaml");
            File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "shared.onnx"));
            File.WriteAllText(path, "name: case\nmodels:\n  shared: { path: shared.onnx }\ndisagreement: error\n");
            var loaded = SpecLoader.Load(path);
            Assert.That(loaded.Spec, Is.Not.Null, string.Join("; ", loaded.Diagnostics));
            var spec = loaded.Spec!;

            var result = DisagreementGate.Evaluate(Flipping(), spec);

            Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith($"{path}(4,15): error EM4201: spec 'case': shared has 50% fewer params"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
