using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Comparison;

/// <summary>
/// The runtime gate against a git revision, on real measurements: the base's model measured beside the working tree's,
/// interleaved. Outcomes are made clear-cut (the same network re-saved; a network four times deeper) so that no test
/// depends on how busy the machine is.
/// </summary>
[NonParallelizable]
public sealed class AgainstRevisionGateTests
{
    private const string Spec = "name: stack\nmodels:\n  stack: { path: models/stack.onnx }\n" +
        "hardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n" +
        "regression:\n  against: main\n  tolerance: { default: 10% }\n";

    private GitRepository repository = null!;

    private string SpecPath => repository.PathOf("specs/stack.yaml");

    private string ModelPath => repository.PathOf("specs/models/stack.onnx");

    [SetUp]
    public void CommitBase()
    {
        repository = GitRepository.Init();
        repository.Write("specs/stack.yaml", Spec);
        ComparisonModels.Stack(1).Save(ModelPath);
        repository.Commit("base");
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void The_same_network_re_saved_passes_and_both_sides_are_reported()
    {
        ComparisonModels.Resave(ModelPath);

        var result = Run();

        var measured = result.Cases.Single();
        var latency = measured.Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, string.Join("\n", result.AllDiagnostics));
            Assert.That(latency.Indicator, Is.EqualTo("latency.p50"));
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Pass), latency.Message);
            Assert.That(latency.Against, Does.StartWith("base main ("));
            Assert.That(latency.RatioLower, Is.LessThanOrEqualTo(latency.Ratio!.Value));
            Assert.That(latency.Interval95, Is.Not.Null);
            Assert.That(measured.Paired, Is.Not.Null);
            Assert.That(measured.Paired!.Rounds, Is.GreaterThanOrEqualTo(EfficiencyMisnomer.Runtime.Comparison.SequentialLooks.FirstLook));
            Assert.That(measured.Paired.Base.LatencySamples, Is.Not.Empty);
            Assert.That(latency.Message, Does.Contain("vs base main ("));
        });
    }

    [Test]
    public void A_network_four_times_deeper_regresses_on_latency_with_EM4010()
    {
        ComparisonModels.Stack(4).Save(ModelPath);

        var result = Run();

        var latency = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Regressed), latency.Message);
            Assert.That(latency.RatioLower, Is.GreaterThan(1.1));
            Assert.That(result.Passed, Is.False);
            Assert.That(result.AllDiagnostics.Where(d => d.Code == ErrorCodes.Regressed).Select(d => d.Location?.ToString()),
                Does.Contain($"{SpecPath}(11,12)"), "runtime regressions point at the against key");
        });
    }

    [Test]
    public void A_byte_identical_model_is_not_measured()
    {
        var result = Run();

        Assert.Multiple(() =>
        {
            Assert.That(result.Cases, Is.Empty);
            Assert.That(result.Passed, Is.True);
            Assert.That(result.AllDiagnostics.Select(d => d.Code), Does.Contain(ErrorCodes.ModelUnchanged));
        });
    }

    [Test]
    public void A_model_new_in_the_head_is_measured_alone_and_said_to_be_new()
    {
        repository.Write("specs/stack.yaml", Spec.Replace("models:\n", "models:\n  extra: { path: models/extra.onnx }\n", StringComparison.Ordinal));
        ComparisonModels.Stack(1).Save(repository.PathOf("specs/models/extra.onnx"));

        var result = Run();

        Assert.Multiple(() =>
        {
            Assert.That(result.Cases.Select(c => c.ModelName), Is.EqualTo(new[] { "extra" }), "stack is unchanged, extra is new");
            Assert.That(result.Cases.Single().Paired, Is.Null);
            Assert.That(result.AllDiagnostics.Select(d => d.Code), Does.Contain(ErrorCodes.ModelNew));
            Assert.That(result.Passed, Is.True);
        });
    }

    [Test]
    public void Against_none_compares_with_the_stored_baseline_instead()
    {
        ComparisonModels.Resave(ModelPath);
        repository.Write("specs/stack.yaml", Spec.Replace("  against: main\n", "  baseline: baselines/stack.json\n  against: main\n", StringComparison.Ordinal));

        var result = Run(against: "none");

        var regression = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Cases.Single().Paired, Is.Null);
            Assert.That(regression.Status, Is.EqualTo(RegressionOutcome.Skipped), "no stored baseline yet");
            Assert.That(regression.Against, Is.EqualTo("baseline"));
        });
    }

    [Test]
    public void Memory_with_a_budget_is_observed_three_times_per_side_and_compared()
    {
        ComparisonModels.Resave(ModelPath);
        repository.Write("specs/stack.yaml", Spec.Replace("latency.p50: { max: 10 s }", "latency.p50: { max: 10 s }\n      peak_memory: { max: 10 GiB }", StringComparison.Ordinal));

        var result = Run();

        var memory = result.Cases.Single().Regressions.Single(r => r.Indicator == "peak_memory");
        Assert.Multiple(() =>
        {
            Assert.That(memory.Status, Is.Not.EqualTo(RegressionOutcome.Regressed), memory.Message);
            Assert.That(memory.Message, Does.Match(@"\(\d fresh processes per side"));
            Assert.That(result.Cases.Single().Report["peak_memory"].Note, Does.StartWith("median of"));
        });
    }

    [Test]
    public void The_results_document_holds_both_revisions_and_the_base_measurement()
    {
        ComparisonModels.Resave(ModelPath);
        var result = Run();

        var document = result.Results;
        var spec = document.Specs.Single();
        var model = spec.Models.Single();
        Assert.Multiple(() =>
        {
            Assert.That(spec.Revisions!.Against, Is.EqualTo("main"));
            Assert.That(spec.Revisions.BaseCommit, Is.EqualTo(repository.Git("rev-parse", "main")));
            Assert.That(spec.Revisions.HeadCommit, Is.EqualTo(repository.Git("rev-parse", "HEAD")));
            Assert.That(model.Base!.Status, Is.EqualTo("changed"));
            Assert.That(model.Base.Runtime.Single().Settings["interleaved_rounds"], Is.Not.Empty);
            var verdict = model.Verdicts.Single(v => v.Kind == "regression" && v.Indicator == "latency.p50");
            Assert.That(verdict.RatioLower95, Is.Not.Null);
            Assert.That(verdict.Against, Does.StartWith("base main"));
        });
        var json = ResultsJson.Parse(ResultsJson.Write(document), "r.json");
        Assert.That(json.Specs[0].Models[0].Base!.Runtime, Has.Count.EqualTo(1), "what is written reads back");
    }

    private RuntimeGateResult Run(string? against = null) => RuntimeGate.Run(new[] { SpecPath }, new RuntimeGateOptions
    {
        Provider = ProviderRequest.Cpu,
        Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(3) },
        Against = against,
    });
}
