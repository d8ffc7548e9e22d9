using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Indicators;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Runtime.Measurement;
using EfficiencyMisnomer.Runtime.Regression;
using EfficiencyMisnomer.Runtime.Sessions;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Tests.Regression;

/// <summary>Measurements against the baseline entry of their profile and hardware, with clear-cut samples.</summary>
public sealed class RuntimeRegressionTests
{
    private const string ThisMachine = "aaaa11112222";
    private static readonly SourceLocation Key = new("spec.yaml", 20, 1);
    private static readonly double[] Samples = Enumerable.Range(0, 400).Select(i => 2.0 + (i % 20) * 0.01).ToArray();

    [Test]
    public void Identical_samples_pass()
    {
        var verdicts = Compare(Report(Samples), Recorded(Samples));
        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Select(v => v.Indicator), Is.EqualTo(new[] { "latency.p50", "throughput", "peak_memory" }));
            Assert.That(verdicts.Select(v => v.Status), Is.All.EqualTo(RegressionOutcome.Pass));
            Assert.That(verdicts[0].Ratio, Is.EqualTo(1).Within(1e-9));
        });
    }

    [Test]
    public void Three_times_slower_regresses_latency_and_throughput()
    {
        var verdicts = Compare(Report(Samples.Select(s => s * 3).ToArray()), Recorded(Samples));
        var latency = verdicts.Single(v => v.Indicator == "latency.p50");
        var throughput = verdicts.Single(v => v.Indicator == "throughput");
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(latency.Ratio, Is.EqualTo(3).Within(1e-6), "the ratio of medians");
            Assert.That(latency.Message, Does.Match(@"^model 'tiny' \[ci-cpu\] batch 1: latency\.p50 [\d.]+ ms vs baseline [\d.]+ ms \(\+200\.0%, 99% interval [+-][\d.]+% to [+-][\d.]+%\): regressed beyond 5%$"));
            Assert.That(latency.Location, Is.EqualTo(Key), "no tolerance of its own: the regression key");
            Assert.That(throughput.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(throughput.Ratio, Is.EqualTo(1 / 3.0).Within(1e-6), "throughput moves inversely");
            Assert.That(throughput.Message, Does.Contain("(-66.7%"));
            Assert.That(RegressionDiagnostics.Diagnose(latency)!.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        });
    }

    [Test]
    public void A_slowdown_measured_while_the_machine_was_busy_is_inconclusive_not_regressed()
    {
        var busy = Report(Samples.Select(s => s * 3).ToArray()) with { OtherCpuShare = 0.93 };
        var verdicts = Compare(busy, Recorded(Samples));
        var latency = verdicts.Single(v => v.Indicator == "latency.p50");
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(latency.Code, Is.EqualTo(ErrorCodes.RegressionInconclusive));
            Assert.That(latency.Message, Does.Contain("would be regressed beyond 5%"));
            Assert.That(latency.Message, Does.Contain("other processes used 93% of the CPUs while this was measured"));
            Assert.That(latency.Message, Does.Contain("--against"));
            Assert.That(verdicts.Single(v => v.Indicator == "peak_memory").Status, Is.EqualTo(RegressionOutcome.Pass), "memory does not depend on the load");
        });
    }

    [Test]
    public void A_baseline_recorded_on_a_busy_machine_makes_comparisons_inconclusive()
    {
        var recorded = Recorded(Samples);
        recorded = recorded with
        {
            Profiles = new[] { recorded.Profiles[0] with { Measurements = new[] { recorded.Profiles[0].Measurements[0] with { OtherCpuShare = 0.5 } } } },
        };
        var latency = Compare(Report(Samples.Select(s => s / 3).ToArray()) with { OtherCpuShare = 0.01 }, recorded).Single(v => v.Indicator == "latency.p50");
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(latency.Message, Does.Contain("while the baseline was recorded"));
        });
    }

    [Test]
    public void A_slowdown_while_the_reference_workloads_ran_slower_than_at_recording_is_inconclusive()
    {
        var recorded = Recorded(Samples);
        recorded = recorded with
        {
            Profiles = new[] { recorded.Profiles[0] with { Measurements = new[] { recorded.Profiles[0].Measurements[0] with { Reference = new ReferenceSpeed(0.024, 0.95) } } } },
        };
        var slowerMachine = Report(Samples.Select(s => s * 1.2).ToArray()) with { OtherCpuShare = 0, Reference = new ReferenceSpeed(0.043, 0.97) };
        var sameMachine = Report(Samples.Select(s => s * 1.2).ToArray()) with { OtherCpuShare = 0, Reference = new ReferenceSpeed(0.025, 1.02) };
        var unknown = Report(Samples.Select(s => s * 1.2).ToArray()) with { OtherCpuShare = 0 };

        var changed = Compare(slowerMachine, recorded);
        var latency = changed.Single(v => v.Indicator == "latency.p50");
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(latency.Code, Is.EqualTo(ErrorCodes.RegressionInconclusive));
            Assert.That(latency.Message, Does.Contain("would be regressed beyond 5%").And.Contain("the compute reference ran 79% slower").And.Contain("--against"));
            Assert.That(changed.Single(v => v.Indicator == "peak_memory").Status, Is.EqualTo(RegressionOutcome.Pass));
            Assert.That(Compare(sameMachine, recorded).Single(v => v.Indicator == "latency.p50").Status, Is.EqualTo(RegressionOutcome.Regressed),
                "within the references' own noise the machine is the same, and the slowdown the model's");
            Assert.That(Compare(unknown, recorded).Single(v => v.Indicator == "latency.p50").Status, Is.EqualTo(RegressionOutcome.Regressed),
                "a run without references keeps its verdict");
        });
    }

    [TestCase(0.024, 0.95, 0.0241, 0.96, null)]
    [TestCase(0.024, 0.95, 0.043, 0.95, "the compute reference ran 79% slower")]
    [TestCase(0.043, 0.95, 0.024, 0.95, "the compute reference ran 79% faster")]
    [TestCase(0.024, 0.95, 0.024, 1.20, "the memory reference ran 26% slower")]
    [TestCase(0.024, 0.95, 0.012, 0.50, "the compute reference ran 100% faster and the memory reference ran 90% faster")]
    public void The_machine_counts_as_changed_beyond_the_references_own_noise(double thenCompute, double thenMemory, double nowCompute, double nowMemory, string? change)
    {
        Assert.That(new ReferenceSpeed(nowCompute, nowMemory).ChangeSince(new ReferenceSpeed(thenCompute, thenMemory)), Is.EqualTo(change));
    }

    [Test]
    public void The_reference_workloads_time_both_parts()
    {
        var reference = new ReferenceWorkload();
        for (int i = 0; i < 3; i++)
        {
            reference.Observe();
        }

        Assert.Multiple(() =>
        {
            Assert.That(reference.Count, Is.EqualTo(3));
            Assert.That(reference.Speed!.IsValid, Is.True);
            Assert.That(reference.Speed.MemoryMs, Is.GreaterThan(reference.Speed.ComputeMs), "a sweep of 32 MiB outlasts 256 K multiply-adds in the first-level cache");
        });
    }

    [Test]
    public void A_quiet_machine_keeps_its_verdicts()
    {
        var latency = Compare(Report(Samples.Select(s => s * 3).ToArray()) with { OtherCpuShare = 0.02 }, Recorded(Samples)).Single(v => v.Indicator == "latency.p50");
        Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Regressed));
    }

    [Test]
    public void Three_times_faster_improves()
    {
        var verdicts = Compare(Report(Samples.Select(s => s / 3).ToArray()), Recorded(Samples));
        Assert.That(verdicts.Where(v => v.Indicator != "peak_memory").Select(v => v.Status), Is.All.EqualTo(RegressionOutcome.Improved));
    }

    [Test]
    public void A_change_under_the_noise_floor_passes_whatever_the_tolerance()
    {
        var tiny = Samples.Select(s => s / 1000).ToArray(); // microsecond latencies
        var verdicts = Compare(Report(tiny.Select(s => s * 3).ToArray()), Recorded(tiny));
        Assert.That(verdicts.Single(v => v.Indicator == "latency.p50").Status, Is.EqualTo(RegressionOutcome.Pass));
    }

    [Test]
    public void Single_observations_are_compared_against_their_tolerance_at_their_entry()
    {
        var verdicts = Compare(Report(Samples, peakMemory: 1.2e6), Recorded(Samples, peakMemory: 1e6));
        var memory = verdicts.Single(v => v.Indicator == "peak_memory");
        Assert.Multiple(() =>
        {
            Assert.That(memory.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(memory.Location.Line, Is.EqualTo(22));
            Assert.That(memory.Message, Does.EndWith("regressed beyond 10%"));
        });
    }

    [Test]
    public void An_entry_recorded_on_other_hardware_is_skipped_naming_both_machines()
    {
        var verdicts = Compare(Report(Samples), Recorded(Samples, fingerprint: "bbbb33334444"));
        var first = verdicts[0];
        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Select(v => v.Status), Is.All.EqualTo(RegressionOutcome.Skipped));
            Assert.That(first.Code, Is.EqualTo(ErrorCodes.BaselineOtherMachine));
            Assert.That(first.Message, Does.Contain("bbbb33334444").And.Contain("recording machine, EPYC").And.Contain(ThisMachine).And.Contain("this machine, Xeon"));
            Assert.That(first.Message, Does.Contain("record a baseline on this hardware"));
            Assert.That(RegressionDiagnostics.Diagnose(first)!.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        });
    }

    [Test]
    public void Without_a_baseline_or_an_entry_for_the_profile_it_is_skipped_saying_how_to_record()
    {
        var none = Compare(Report(Samples), null);
        var otherProfile = Compare(Report(Samples), Recorded(Samples) with { Profiles = new[] { Recorded(Samples).Profiles[0] with { Profile = "h200" } } });
        Assert.Multiple(() =>
        {
            Assert.That(none.Select(v => (v.Status, v.Code)), Is.All.EqualTo((RegressionOutcome.Skipped, ErrorCodes.NoBaseline)));
            Assert.That(none[0].Message, Does.Contain("no baseline yet").And.Contain("--update-baseline"));
            Assert.That(otherProfile[0].Message, Does.Contain("has no entry for hardware profile 'ci-cpu'").And.Contain("--update-baseline"));
        });
    }

    [Test]
    public void Budgeted_indicators_are_compared_single_observations_only_when_named()
    {
        var policy = Policy() with { Tolerances = new Dictionary<string, Located<double>>() };
        var budgets = new[]
        {
            new Budget(RuntimeIndicators.LatencyP99, new Limit(5, "5 ms", Key), null, BudgetSeverity.Error, Key),
            new Budget(RuntimeIndicators.PeakMemory, new Limit(1e9, "1 GB", Key), null, BudgetSeverity.Error, Key),
        };
        var verdicts = RuntimeRegression.Compare(policy, Report(Samples), budgets, Recorded(Samples), ThisMachine, "this machine, Xeon");
        Assert.That(verdicts.Select(v => v.Indicator), Is.EqualTo(new[] { "latency.p99" }));
    }

    [Test]
    public void Too_few_samples_are_unstable_and_fail_only_when_strict()
    {
        // Three samples cannot settle anything at 99% confidence.
        var verdicts = Compare(Report(Samples.Take(3).ToArray()), Recorded(Samples), remeasured: true);
        var latency = verdicts.Single(v => v.Indicator == "latency.p50");
        Assert.Multiple(() =>
        {
            Assert.That(latency.Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(latency.Message, Does.Contain("unsettled after a second measurement"));
            Assert.That(RegressionDiagnostics.Diagnose(latency)!.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(RegressionDiagnostics.Diagnose(latency, strict: true)!.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        });
    }

    private static List<RegressionVerdict> Compare(RuntimeReport report, Baseline? baseline, bool remeasured = false) =>
        RuntimeRegression.Compare(Policy(), report, Array.Empty<Budget>(), baseline, ThisMachine, "this machine, Xeon", remeasured).ToList();

    private static RegressionPolicy Policy() => new(
        new Located<string>("b.json", new SourceLocation("spec.yaml", 21, 13)),
        "b.json",
        new Located<double>(0.05, Key),
        new Dictionary<string, Located<double>>
        {
            ["latency.p50"] = new(0.05, Key),
            ["throughput"] = new(0.05, Key),
            ["peak_memory"] = new(0.10, new SourceLocation("spec.yaml", 22, 40)),
        },
        Key);

    private static RuntimeReport Report(double[] samples, double peakMemory = 1e6)
    {
        var median = samples.Order().ElementAt(samples.Length / 2);
        var mean = samples.Average();
        var indicators = new[]
        {
            new MeasuredIndicator(RuntimeIndicators.LatencyP50, median, median * 0.99, median * 1.01, samples.Length, true),
            new MeasuredIndicator(RuntimeIndicators.LatencyP99, samples.Max(), null, null, samples.Length, true),
            new MeasuredIndicator(RuntimeIndicators.Throughput, 1000 / mean, 990 / mean, 1010 / mean, samples.Length, true),
            new MeasuredIndicator(RuntimeIndicators.PeakMemory, peakMemory, null, null, 1, true),
        };
        return new RuntimeReport("tiny", "tiny.onnx", "ci-cpu", 1, new ProviderSelection("cpu", "asked for"), new SessionSettings(1, 1), indicators, 10,
            TimeSpan.FromSeconds(1), Array.Empty<Diagnostic>()) { LatencySamples = samples };
    }

    private static Baseline Recorded(double[] samples, double peakMemory = 1e6, string fingerprint = ThisMachine)
    {
        var report = Report(samples, peakMemory);
        var indicators = report.Indicators.Select(i => new BaselineIndicator(i.Name, i.Indicator.Unit, i.Value, i.Lower, i.Upper, i.Samples)).ToList();
        var measurement = new BaselineMeasurement("tiny", 1, indicators, samples);
        var machine = fingerprint == ThisMachine ? "this machine, Xeon" : "recording machine, EPYC";
        return new Baseline("spec", Array.Empty<BaselineModel>(),
            new[] { new BaselineProfile("ci-cpu", fingerprint, machine, DateTimeOffset.UnixEpoch, new[] { measurement }) });
    }
}
