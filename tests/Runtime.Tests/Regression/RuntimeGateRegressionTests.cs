using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Runtime.Tests.Hardware;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

/// <summary>
/// The runtime gate with a real model: it records nothing on its own, compares with the entry of this hardware, refuses
/// other hardware's entries and measures an unstable case again. Baselines are edited to make outcomes clear-cut.
/// </summary>
public sealed class RuntimeGateRegressionTests
{
    private string folder = "";

    private string Spec => Path.Combine(folder, "spec.yaml");

    private string BaselinePath => Path.Combine(folder, "baselines", "tiny.json");

    [SetUp]
    public void CreateFolder()
    {
        folder = ModelFolder.WithTinyCnn();
        File.WriteAllText(Spec, "name: tiny-spec\nmodels:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\n" +
            "hardware:\n  ci-cpu:\n    match: { provider: cpu }\n    threads: 1\n    budgets:\n      latency.p50: { max: 10 s }\n" +
            "regression:\n  baseline: baselines/tiny.json\n  noise_floor: 1 ns\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Ten_times_slower_than_the_recorded_samples_regresses()
    {
        Record(Machines.Fingerprint());
        Edit(samples => samples.Select(s => s / 10).ToList());

        var result = Run(Machines.Fingerprint());

        var regression = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(regression.Indicator, Is.EqualTo("latency.p50"));
            Assert.That(regression.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(regression.Ratio, Is.GreaterThan(3));
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Diagnostics.Single(d => d.Code == ErrorCodes.Regressed).ToString(), Does.StartWith($"{Spec}(11,1): error EM4010: model 'tiny' [ci-cpu] batch 1: latency.p50 "));
            var verdict = result.Results.Specs[0].Models[0].Verdicts.Single(v => v.Kind == "regression");
            Assert.That((verdict.Status, verdict.Profile, verdict.Batch), Is.EqualTo(("regressed", "ci-cpu", (int?)1)));
            Assert.That(verdict.Reference, Is.Not.Null);
            Assert.That(verdict.RatioLower, Is.Not.Null);
        });
    }

    [Test]
    public void An_entry_of_other_hardware_is_not_compared()
    {
        var recording = Machines.Fingerprint(host: Machines.Host with { HostName = "other-runner", LogicalCores = 64 });
        Record(recording);

        var result = Run(Machines.Fingerprint());

        var regression = result.Cases.Single().Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(regression.Status, Is.EqualTo(RegressionOutcome.Skipped));
            Assert.That(regression.Message, Does.Contain(recording.Id).And.Contain(Machines.Fingerprint().Id).And.Contain(recording.Summary));
            Assert.That(result.Passed, Is.True);
        });
    }

    [Test]
    public void An_unstable_comparison_is_measured_again_then_reported_unstable_and_fails_only_when_strict()
    {
        Record(Machines.Fingerprint());
        Edit(samples => samples.Take(3).ToList());
        var progress = new List<string>();

        var lenient = Run(Machines.Fingerprint(), progress: progress.Add);
        var strict = Run(Machines.Fingerprint(), strict: true);

        Assert.Multiple(() =>
        {
            Assert.That(progress.Count(p => p.Contains("again", StringComparison.Ordinal)), Is.EqualTo(1), "one fresh measurement");
            Assert.That(lenient.Cases.Single().Regressions.Single().Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(lenient.Cases.Single().Regressions.Single().Message, Does.Contain("unsettled after a second measurement"));
            Assert.That(lenient.Passed, Is.True);
            Assert.That(strict.Passed, Is.False);
            Assert.That(strict.Diagnostics.Single(d => d.Code == ErrorCodes.RegressionInconclusive).Severity, Is.EqualTo(DiagnosticSeverity.Error));
        });
    }

    [Test]
    public void Recording_measures_three_sessions_and_keeps_the_median_one()
    {
        var lines = new List<string>();
        var result = Run(Machines.Fingerprint(), compare: false, progress: lines.Add);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.One.Contains("in 2 more fresh sessions: a baseline records the median session"), string.Join(Environment.NewLine, lines));
            Assert.That(result.Cases, Has.Count.EqualTo(1), "one case, measured in the median session");
        });
    }

    [Test]
    public void A_gate_run_writes_no_baseline()
    {
        var result = Run(Machines.Fingerprint());
        Assert.Multiple(() =>
        {
            Assert.That(result.Cases.Single().Regressions.Single().Code, Is.EqualTo(ErrorCodes.NoBaseline));
            Assert.That(File.Exists(BaselinePath), Is.False);
        });
    }

    private RuntimeGateResult Run(HardwareFingerprint machine, bool compare = true, bool strict = false, Action<string>? progress = null) =>
        RuntimeGate.Run(new[] { Spec }, new RuntimeGateOptions
        {
            Provider = ProviderRequest.Cpu,
            Measurement = MeasurementOptions.Default with { TimeCap = TimeSpan.FromSeconds(0.5) },
            Machine = _ => machine,
            CompareBaselines = compare,
            StrictRegression = strict,
            Progress = progress,
            // These tests check the comparison on clear-cut edited baselines, not how busy the test machine is.
            BusyLimit = 1,
        });

    private void Record(HardwareFingerprint machine) =>
        BaselineRecorder.Record(Run(machine, compare: false).Results);

    /// <summary>
    /// Rewrites the recorded samples. The recorded reference speed is dropped: these tests are about the samples, and a
    /// shared machine changing speed between the two runs a few seconds apart must not make them inconclusive (the
    /// reference rule has tests of its own in <see cref="RuntimeRegressionTests"/>).
    /// </summary>
    private void Edit(Func<IReadOnlyList<double>, IReadOnlyList<double>> samples) =>
        BaselineStore.Default.Update(BaselinePath, old => old! with
        {
            Profiles = old.Profiles.Select(p => p with { Measurements = p.Measurements.Select(m => m with { LatencySamples = samples(m.LatencySamples), Reference = null }).ToList() }).ToList(),
        });
}
