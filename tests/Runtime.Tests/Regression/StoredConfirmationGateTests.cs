using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Runtime.Tests.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

/// <summary>
/// A stored verdict that is not a pass, confirmed beside the model its baseline was recorded from. The recorded samples
/// are halved after recording, as if the machine had run twice as fast then: the stored comparison alone cries wolf,
/// and measuring the head beside the recorded commit decides instead. Outcomes are clear-cut (the same network re-saved;
/// a network four times deeper) so that no test depends on how busy the machine is.
/// </summary>
[NonParallelizable]
public sealed class StoredConfirmationGateTests
{
    private const string Spec = "name: stack\nmodels:\n  stack: { path: models/stack.onnx }\n" +
        "hardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n" +
        "regression:\n  baseline: baselines/stack.json\n  tolerance: { default: 10% }\n";

    private GitRepository repository = null!;
    private string commit = "";
    private string recording = "";

    private string SpecPath => repository.PathOf("specs/stack.yaml");

    private string ModelPath => repository.PathOf("specs/models/stack.onnx");

    private string BaselinePath => repository.PathOf("specs/baselines/stack.json");

    [SetUp]
    public void CommitAndRecord()
    {
        repository = GitRepository.Init();
        repository.Write("specs/stack.yaml", Spec);
        ComparisonModels.Stack(1).Save(ModelPath);
        commit = repository.Commit("base");
        recording = BaselineRecorder.Record(Run(compare: false).Results).Single().Message;
        // The machine ran twice as fast when the baseline was recorded.
        Edit(m => m with { LatencySamples = m.LatencySamples.Select(s => s / 2).ToList(), Reference = null });
    }

    [TearDown]
    public void Delete() => repository.Dispose();

    [Test]
    public void The_recorded_entry_names_the_commit_that_holds_the_measured_model()
    {
        var recorded = BaselineStore.Read(BaselinePath)!.Profiles.Single().Measurements.Single();
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Commit, Is.EqualTo(commit));
            Assert.That(recording, Does.Contain($"from commit {commit[..8]}: a later stored verdict that is not a pass is measured again beside that model"));
        });
    }

    [Test]
    public void A_model_with_uncommitted_changes_is_recorded_without_a_commit_and_the_recording_says_so()
    {
        ComparisonModels.Resave(ModelPath);

        var message = BaselineRecorder.Record(Run(compare: false).Results).Single().Message;

        Assert.Multiple(() =>
        {
            Assert.That(BaselineStore.Read(BaselinePath)!.Profiles.Single().Measurements.Single().Commit, Is.Null);
            Assert.That(message, Does.Contain("no commit for 'stack': uncommitted changes"));
        });
    }

    [Test]
    public void A_re_saved_model_the_stored_comparison_calls_regressed_passes_beside_the_recorded_commit()
    {
        ComparisonModels.Resave(ModelPath);

        var result = Run();

        var latency = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Pass), latency.Message);
            Assert.That(latency.Message, Does.Contain("the stored baseline's comparison said regressed (+").And.Contain(commit[..8]));
            Assert.That(latency.Against, Is.EqualTo("the baseline's revision " + commit[..8]));
            Assert.That(latency.Interval95, Is.Not.Null, "the paired interval is reported");
            Assert.That(result.Passed, Is.True, string.Join("\n", result.AllDiagnostics));
            Assert.That(result.AllDiagnostics.Select(d => d.Code), Does.Not.Contain(ErrorCodes.Regressed));
        });
    }

    [Test]
    public void A_network_four_times_deeper_stays_regressed_beside_the_recorded_commit()
    {
        ComparisonModels.Stack(4).Save(ModelPath);

        var result = Run();

        var latency = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Regressed), latency.Message);
            Assert.That(latency.RatioLower, Is.GreaterThan(1.5), "the paired ratio of four times the work, not the stored one of eight");
            Assert.That(latency.Message, Does.Contain("measured again beside the model that baseline was recorded from"));
            Assert.That(result.Passed, Is.False);
            Assert.That(result.AllDiagnostics.Where(d => d.Code == ErrorCodes.Regressed).Select(d => d.Location?.ToString()),
                Does.Contain($"{SpecPath}(11,13)"), "at the baseline key");
        });
    }

    [Test]
    public void An_unchanged_model_is_not_measured_again_and_its_stored_regression_is_inconclusive()
    {
        var result = Run();

        var latency = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Inconclusive), latency.Message);
            Assert.That(latency.Message, Does.Contain("would be regressed beyond").And.Contain("byte-identical to the one the baseline was recorded from"));
            Assert.That(result.Passed, Is.True, "inconclusive is a warning");
            Assert.That(result.AllDiagnostics.Select(d => d.Code), Does.Contain(ErrorCodes.RegressionInconclusive).And.Not.Contain(ErrorCodes.Regressed));
        });
    }

    [Test]
    public void A_commit_the_repository_does_not_hold_leaves_the_stored_verdict_and_says_why()
    {
        ComparisonModels.Resave(ModelPath);
        Edit(m => m with { Commit = new string('a', 40) });

        var result = Run();

        var latency = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Regressed), latency.Message);
            Assert.That(latency.Message, Does.Contain("not confirmed beside the model the baseline was recorded from, at aaaaaaaa: " + ErrorCodes.RevisionNotFound));
            Assert.That(result.Passed, Is.False);
        });
    }

    [Test]
    public void An_entry_without_a_commit_keeps_the_stored_verdict()
    {
        ComparisonModels.Resave(ModelPath);
        Edit(m => m with { Commit = null });

        var latency = Run().Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Regressed), latency.Message);
            Assert.That(latency.Message, Does.Not.Contain("recorded from"));
        });
    }

    private RuntimeGateResult Run(bool compare = true) => RuntimeGate.Run(new[] { SpecPath }, new RuntimeGateOptions
    {
        Provider = ProviderRequest.Cpu,
        Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(2) },
        Machine = _ => Machines.Fingerprint(),
        CompareBaselines = compare,
        // The stored side is made clear-cut by the edit; how busy the test machine is must not turn it inconclusive.
        BusyLimit = 1,
    });

    private void Edit(Func<BaselineMeasurement, BaselineMeasurement> change) =>
        BaselineStore.Default.Update(BaselinePath, old => old! with
        {
            Profiles = old.Profiles.Select(p => p with { Measurements = p.Measurements.Select(change).ToList() }).ToList(),
        });
}
