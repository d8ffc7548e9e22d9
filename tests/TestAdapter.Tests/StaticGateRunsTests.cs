using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Revisions;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>The static tests of one spec share one gate run while nothing it read has changed.</summary>
public sealed class StaticGateRunsTests
{
    private const string Spec = "name: shared\nmodels:\n  one: { path: one.onnx }\n  two: { path: two.onnx }\n";

    private string folder = null!;

    private string SpecPath => Path.Combine(folder, "shared.yaml");

    [SetUp]
    public void Write()
    {
        folder = Directory.CreateTempSubdirectory("misnomer-gate-runs-").FullName;
        File.WriteAllText(SpecPath, Spec);
        ComparisonModels.Stack(1).Save(Path.Combine(folder, "one.onnx"));
        ComparisonModels.Stack(2).Save(Path.Combine(folder, "two.onnx"));
    }

    [TearDown]
    public void Delete() => Directory.Delete(folder, recursive: true);

    [Test]
    public void The_tests_of_an_unchanged_spec_share_one_run()
    {
        using var revisions = new BaseRevisions();
        var first = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);
        var second = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);

        Assert.That(second, Is.SameAs(first));
        Assert.That(first.Models.Select(m => m.ModelName), Is.EqualTo(new[] { "one", "two" }));
    }

    [Test]
    public void A_model_changed_between_tests_is_analysed_again()
    {
        using var revisions = new BaseRevisions();
        var before = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);
        ComparisonModels.Stack(3).Save(Path.Combine(folder, "two.onnx"));

        var after = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);

        Assert.That(after, Is.Not.SameAs(before));
        Assert.That(Params(after, "two"), Is.GreaterThan(Params(before, "two")));
    }

    [Test]
    public void A_spec_changed_between_tests_is_read_again()
    {
        using var revisions = new BaseRevisions();
        var before = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);
        File.WriteAllText(SpecPath, Spec + "  three: { path: one.onnx }\n");

        var after = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);

        Assert.That(before.Models, Has.Count.EqualTo(2));
        Assert.That(after.Models, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_run_that_records_baselines_is_not_shared_with_one_that_compares()
    {
        using var revisions = new BaseRevisions();
        var comparing = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);

        Assert.That(StaticGateRuns.For(SpecPath, compareBaselines: false, revisions), Is.Not.SameAs(comparing));
    }

    [Test]
    public void A_run_against_a_revision_is_never_kept()
    {
        // The base files extracted for it are removed when its test ends; a later test must extract its own.
        using var revisions = new BaseRevisions { Override = folder };
        var first = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);
        var second = StaticGateRuns.For(SpecPath, compareBaselines: true, revisions);

        Assert.That(second, Is.Not.SameAs(first));
    }

    private static double Params(Gates.GateResult result, string model) =>
        result.Models.Single(m => m.ModelName == model).Report!.Indicators.Single(i => i.Name == "params").Value;
}
