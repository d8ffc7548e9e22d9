using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Regression;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Tests.Benchmarks;

/// <summary>
/// BenchmarkDotNet cases compared with the stored baseline through the static gate: recorded from a results document as
/// the CLI and the NUnit adapter record it, then judged launch by launch on the raw per-iteration times, on the same
/// host only. The results are a real run of the bundled sample (30 iterations per case) given four more launches that
/// agree with it within 0.3%, as on a quiet, dedicated runner.
/// </summary>
public sealed class BenchmarkRegressionTests
{
    private const string Join = "Samples.TextBenchmarks.Join";

    /// <summary>The bundled sample's two cases measured by BenchmarkDotNet with 30 iterations each, on a 2-core VM.</summary>
    private static string Fixture => Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "TextBenchmarks-30-iterations-report-full.json");

    private const string Spec = """
        benchmarks:
          text:
            results: results
            budgets:
              mean: { max: 1 ms }
              ops_per_s: { min: 1k /s }
              allocated: { max: 16 KiB }
              stddev: { max: 1 ms }
        regression:
          baseline: baselines/text.json
          tolerance: { default: 5%, allocated: 0% }
        """;

    private string folder = "";

    private string ResultsFile => Path.Combine(folder, "results", "Text-report-full.json");

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("benchmark-regression-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        File.Copy(Fixture, ResultsFile);
        ResultsEdits.AsLaunches(ResultsFile, 1.003, 0.998, 1.001, 0.997);
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), Spec);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Without_a_baseline_each_case_says_once_how_to_record_one()
    {
        var result = Check();

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            var skipped = result.Diagnostics.Where(d => d.Code == ErrorCodes.NoBaseline).ToList();
            Assert.That(skipped, Has.Count.EqualTo(2), "one per case");
            Assert.That(skipped[0].Message, Does.Contain("no baseline yet").And.Contain("case 'Samples.TextBenchmarks.Join'"));
            Assert.That(skipped[0].Location!.Line, Is.EqualTo(9), "at the regression key");
        });
    }

    [Test]
    public void The_same_results_compared_with_their_recording_pass()
    {
        Record();

        var result = Check();

        var regressions = result.Benchmarks.SelectMany(b => b.Regressions).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
            // mean, ops_per_s on the samples; allocated exactly; stddev has a budget only, so it is not compared.
            Assert.That(regressions.Select(r => r.Indicator).Distinct(), Is.EqualTo(new[] { "mean", "ops_per_s", "allocated" }));
            Assert.That(regressions.Where(r => r.Indicator == "allocated").Select(r => r.Status), Is.All.EqualTo(RegressionOutcome.Pass));
            Assert.That(regressions.Select(r => r.Status), Has.None.EqualTo(RegressionOutcome.Regressed).And.None.EqualTo(RegressionOutcome.Improved));
            Assert.That(regressions.Single(r => r.Model == Join && r.Indicator == "mean").Status, Is.EqualTo(RegressionOutcome.Pass),
                "the steadier case's interval lies within 5%; the other's may be too wide to say (inconclusive), never a change");
            Assert.That(regressions.Where(r => r.Indicator == "mean").Select(r => r.Ratio), Is.All.EqualTo(1.0).Within(1e-3), "the recording keeps four significant digits of each sample");
        });
    }

    [Test]
    public void A_case_made_30_percent_slower_regresses_on_its_raw_measurements_with_the_change_quantified()
    {
        Record();
        ResultsEdits.Slow(ResultsFile, Join, 1.3);

        var result = Check();

        var join = result.Benchmarks.Single(b => b.Case == Join);
        var mean = join.Regressions.Single(r => r.Indicator == "mean");
        var operations = join.Regressions.Single(r => r.Indicator == "ops_per_s");
        var error = result.Diagnostics.First(d => d.Code == ErrorCodes.Regressed);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(mean.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(mean.Ratio, Is.EqualTo(1.3).Within(1e-3), "the ratio of the raw measurements' medians (the recording keeps four digits)");
            Assert.That(mean.RatioLower, Is.GreaterThan(1.05));
            Assert.That(operations.Status, Is.EqualTo(RegressionOutcome.Regressed), "fewer operations per second is worse");
            Assert.That(operations.Ratio, Is.EqualTo(1 / 1.3).Within(1e-3));
            Assert.That(error.Message, Does.StartWith("benchmark 'text' case 'Samples.TextBenchmarks.Join': mean").And.Contain("+30.0%").And.Contain("by the raw measurements"));
            Assert.That(error.Location!.Line, Is.EqualTo(9), "at the regression key: mean has no tolerance of its own");
            Assert.That(result.Benchmarks.Where(b => b.Case != Join).SelectMany(b => b.Regressions).Select(r => r.Status), Has.None.EqualTo(RegressionOutcome.Regressed),
                "the other cases did not change");
            Assert.That(GateResultText.Table(result), Does.Contain("regression regressed benchmark 'text' case 'Samples.TextBenchmarks.Join'"));
        });
    }

    [Test]
    public void A_noise_floor_the_spec_writes_holds_for_benchmark_times_and_the_default_one_does_not()
    {
        Record();
        ResultsEdits.Slow(ResultsFile, Join, 1.3);
        // The Join case takes about 0.5 us an operation: 30% more is about 0.15 us, under a floor of 1 us.
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), Spec.Replace("  tolerance:", "  noise_floor: 1 us\n  tolerance:", StringComparison.Ordinal));

        var floored = Check().Benchmarks.Single(b => b.Case == Join).Regressions.Single(r => r.Indicator == "mean");
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), Spec.Replace("  tolerance:", "  noise_floor: 10 ns\n  tolerance:", StringComparison.Ordinal));
        var under = Check().Benchmarks.Single(b => b.Case == Join).Regressions.Single(r => r.Indicator == "mean");

        Assert.Multiple(() =>
        {
            Assert.That(floored.Status, Is.EqualTo(RegressionOutcome.Pass), floored.Message);
            Assert.That(floored.Message, Does.Contain("noise floor"));
            Assert.That(under.Status, Is.EqualTo(RegressionOutcome.Regressed), "a floor below the change leaves it a regression");
        });
    }

    [Test]
    public void More_bytes_allocated_per_operation_regress_exactly_at_their_tolerance_entry()
    {
        Record();
        ResultsEdits.Allocates(ResultsFile, Join, 424);

        var result = Check();

        var allocated = result.Benchmarks.Single(b => b.Case == Join).Regressions.Single(r => r.Indicator == "allocated");
        Assert.Multiple(() =>
        {
            Assert.That(allocated.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(allocated.Measured, Is.EqualTo(424), "one more 8-byte field per operation");
            Assert.That(allocated.Location.Line, Is.EqualTo(11), "at 'allocated: 0%'");
        });
    }

    [Test]
    public void Results_of_other_hardware_are_never_compared_and_say_what_each_side_ran_on()
    {
        Record();
        ResultsEdits.OtherProcessor(ResultsFile, "Intel Xeon Platinum 8370C CPU 2.80GHz");
        ResultsEdits.Slow(ResultsFile, Join, 1.3);

        var result = Check();

        var skipped = result.Diagnostics.Where(d => d.Code == ErrorCodes.BaselineOtherMachine).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, "a baseline of other hardware says nothing about this one");
            Assert.That(skipped, Has.Count.EqualTo(2));
            Assert.That(skipped[0].Message, Does.Contain("Intel Xeon Platinum 8370C").And.Contain("AMD EPYC"));
        });
    }

    [Test]
    public void Against_a_revision_the_stored_baseline_is_not_read_for_benchmarks_either()
    {
        Record();
        ResultsEdits.Slow(ResultsFile, Join, 1.3);

        var result = StaticGate.Check(new[] { Path.Combine(folder, "bench.yaml") }, new GateOptions { CompareBaselines = false });

        Assert.That(result.Benchmarks.SelectMany(b => b.Regressions), Is.Empty);
    }

    [Test]
    public void Recording_says_how_many_cases_and_on_which_host()
    {
        var recorded = Record();

        var baseline = BaselineStore.Read(Path.Combine(folder, "baselines", "text.json"))!;
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Single().Message, Does.Contain("2 benchmark case(s) on host"));
            Assert.That(baseline.Benchmarks, Has.Count.EqualTo(2));
            Assert.That(baseline.Benchmarks.Select(b => b.Host).Distinct().Count(), Is.EqualTo(1));
            var join = baseline.Benchmarks.Single(b => b.Case == Join);
            Assert.That(join.Launches, Is.EqualTo(new[] { 29, 29, 29, 29, 29 }),
                "BenchmarkDotNet's Workload/Result iterations per launch: 30 measured, one outlier removed by it");
            Assert.That(join.Samples, Has.Count.EqualTo(145));
        });
    }

    [Test]
    public void A_tolerance_on_a_benchmark_indicator_is_read_and_an_unknown_one_is_refused_with_the_nearest_name()
    {
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), Spec.Replace("allocated: 0%", "allocated: 0%, gen0: 10%, medain: 5%", StringComparison.Ordinal));

        var result = Check();

        var unknown = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.That(unknown.Message, Does.Contain("'medain'").And.Contain("median"));
    }

    [Test]
    public void With_one_launch_per_run_no_change_of_time_is_decided_and_the_message_says_to_add_launches()
    {
        File.Copy(Fixture, ResultsFile, overwrite: true);
        Record();
        ResultsEdits.Slow(ResultsFile, Join, 1.3);
        ResultsEdits.Allocates(ResultsFile, Join, 424);

        var result = Check();

        var join = result.Benchmarks.Single(b => b.Case == Join).Regressions;
        Assert.Multiple(() =>
        {
            Assert.That(join.Single(r => r.Indicator == "mean").Status, Is.EqualTo(RegressionOutcome.Inconclusive),
                "two processes of the same code differ by more than one process's iterations show");
            Assert.That(join.Single(r => r.Indicator == "mean").Message, Does.Contain("1 launch(es) in the baseline run and 1 in this one").And.Contain("--launchCount 3"));
            Assert.That(join.Single(r => r.Indicator == "allocated").Status, Is.EqualTo(RegressionOutcome.Regressed), "allocations do not depend on the process");
        });
    }

    [Test]
    public void Launches_that_disagree_as_on_a_shared_virtual_machine_decide_nothing_even_when_the_results_are_identical()
    {
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "TextBenchmarks-3-launches-report-full.json"), ResultsFile, overwrite: true);
        Record();

        var result = Check();

        var regressions = result.Benchmarks.SelectMany(b => b.Regressions).Where(r => r.Indicator != "allocated").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(regressions.Select(r => r.Status), Is.All.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(regressions[0].Message, Does.Contain("wider than the 5% tolerance allows"));
        });
    }

    [Test]
    public void A_results_document_keeps_each_launch_s_size_and_reads_sizes_that_cannot_be_as_one_launch()
    {
        var result = StaticGate.Check(new[] { Path.Combine(folder, "bench.yaml") }, new GateOptions { CompareBaselines = false });
        var text = ResultsJson.Write(ResultsBuilder.FromStatic(result, DateTimeOffset.UnixEpoch));

        var read = ResultsJson.Parse(text, "r.json").Specs.Single().Benchmarks.Single(b => b.Case == Join);
        var hostile = ResultsJson.Parse(text.Replace("\"launches\": [\n", "\"launches\": [\n 0, 9999,\n", StringComparison.Ordinal), "r.json")
            .Specs.Single().Benchmarks.Single(b => b.Case == Join);

        Assert.Multiple(() =>
        {
            Assert.That(read.Launches, Is.EqualTo(new[] { 29, 29, 29, 29, 29 }));
            Assert.That(text, Does.Contain("\"launches\": [\n"), "the edit below must find the member");
            Assert.That(hostile.Launches, Is.Empty, "a zero or more samples than there are: unknown, one launch, decides nothing");
        });
    }

    [TestCase(new[] { 900, 900, 900 }, new[] { 900, 900 }, TestName = "Launches past 2000 samples are left out whole")]
    [TestCase(new[] { 1000, 1000 }, new[] { 1000, 1000 }, TestName = "Launches of 2000 samples are kept")]
    [TestCase(new[] { 2500 }, new int[0], TestName = "One launch over 2000 samples keeps its first 2000 and no size")]
    public void A_results_document_keeps_whole_launches_within_its_sample_limit(int[] launches, int[] kept)
    {
        var result = StaticGate.Check(new[] { Path.Combine(folder, "bench.yaml") }, new GateOptions { CompareBaselines = false });
        var judged = result.Benchmarks.Single(b => b.Case == Join) with
        {
            Samples = Enumerable.Range(1, launches.Sum()).Select(i => (double)i).ToList(),
            Launches = launches,
        };

        var stored = ResultsBuilder.Benchmark(judged);

        Assert.Multiple(() =>
        {
            Assert.That(stored.Launches, Is.EqualTo(kept));
            Assert.That(stored.Samples, Has.Count.EqualTo(kept.Length == 0 ? 2000 : kept.Sum()));
            Assert.That(stored.Samples[^1], Is.EqualTo(EfficiencyMisnomer.Benchmarks.BenchmarkCaseIndicators.Milliseconds(stored.Samples.Count)), "the first samples, in order");
        });
    }

    private IReadOnlyList<Diagnostic> Record()
    {
        var result = StaticGate.Check(new[] { Path.Combine(folder, "bench.yaml") }, new GateOptions { CompareBaselines = false });
        return BaselineRecorder.Record(ResultsBuilder.FromStatic(result, DateTimeOffset.UtcNow));
    }

    private GateResult Check() => StaticGate.Check(new[] { Path.Combine(folder, "bench.yaml") });
}
