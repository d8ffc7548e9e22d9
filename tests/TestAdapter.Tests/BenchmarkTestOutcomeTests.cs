using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Sessions;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>
/// The tests generated from a spec's <c>benchmarks</c>: one per BenchmarkDotNet case, named so that a filter selects
/// it, failing with the case and the breach; one per entry when its results cannot be read, failing with why.
/// </summary>
public sealed class BenchmarkTestOutcomeTests
{
    private const string Spec = """
        name: bench
        benchmarks:
          text:
            results: results
            cases: "Text.Join*"
            budgets:
              mean: { max: 1 us }
              allocated: { max: 1 KiB }
        """;

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("efficiency-benchmarks-").FullName;
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), Spec);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Each_selected_case_is_a_test_that_filters_can_name()
    {
        WriteResults();

        var tests = Plan();

        Assert.Multiple(() =>
        {
            Assert.That(tests.Select(t => t.Case.Name), Is.EqualTo(new[] { "bench/text/Text.Join_Size:_16_", "bench/text/Text.Join_Size:_256_" }));
            Assert.That(tests.Select(t => t.RunState), Has.All.EqualTo(RunState.Runnable));
            Assert.That(tests[0].Categories, Does.Contain(EfficiencyTestPlanner.BenchmarkCategory));
        });
    }

    [Test]
    public void A_case_within_its_budgets_passes_and_one_over_fails_naming_the_case_and_the_breach()
    {
        WriteResults();
        var tests = Plan();

        var within = Run(tests[0].Case);
        var over = Run(tests[1].Case);

        Assert.Multiple(() =>
        {
            Assert.That(within.Status, Is.EqualTo(AssertionStatus.Passed), within.Message);
            Assert.That(over.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(over.Message, Does.Contain("bench.yaml(7,").And.Contain("benchmark 'text' case 'Text.Join(Size: 256)': mean 2.26 us exceeds max 1 us"));
        });
    }

    [Test]
    public void A_case_fails_by_the_budget_of_the_profile_its_host_matches_and_not_by_another_machines()
    {
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), """
            name: bench
            hardware:
              epyc: { match: { cpu: "*EPYC*" } }
              xeon: { match: { cpu: "*Xeon*" } }
            benchmarks:
              text:
                results: results
                cases: "Text.Join(Size: 16)"
                hardware:
                  epyc:
                    mean: { max: 100 ns }
                  xeon:
                    mean: { max: 1 s }
            """);
        WriteResults();

        var test = Plan().Single();
        var outcome = Run(test.Case);

        Assert.Multiple(() =>
        {
            Assert.That(test.Case.Name, Is.EqualTo("bench/text/Text.Join_Size:_16_"), "profiles add no test of their own to a spec without models");
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Does.Contain("bench.yaml(11,").And.Contain("benchmark 'text' case 'Text.Join(Size: 16)' on hardware profile 'epyc': mean 168.19 ns exceeds max 100 ns"));
            Assert.That(outcome.Message, Does.Not.Contain("'xeon':"));
        });
    }

    [Test]
    public void Without_results_the_entry_is_one_test_that_fails_saying_they_are_missing()
    {
        var tests = Plan();

        var outcome = Run(tests.Single().Case);

        Assert.Multiple(() =>
        {
            Assert.That(tests.Single().Case.Name, Is.EqualTo("bench/text"));
            Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(outcome.Message, Does.Contain("error EM2302").And.Contain("no BenchmarkDotNet results"));
        });
    }

    [Test]
    public void A_case_recorded_with_updateBaseline_fails_once_its_raw_measurements_say_it_became_30_percent_slower()
    {
        const string Join = "Samples.TextBenchmarks.Join";
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), """
            name: bench
            benchmarks:
              text:
                results: results
                budgets: { mean: { max: 1 ms } }
            regression: { baseline: baselines/bench.json }
            """);
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        var results = Path.Combine(folder, "results", "TextBenchmarks-report-full.json");
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "TextBenchmarks-30-iterations-report-full.json"), results);
        ResultsEdits.AsLaunches(results, 1.003, 0.998, 1.001, 0.997);
        var recording = Plan(EfficiencySettings.Default with { UpdateBaseline = true }).Single(t => t.Case.Name.EndsWith("Join", StringComparison.Ordinal));
        var recorded = Run(recording.Case);

        var unchanged = Run(Plan().Single(t => t.Case.Name.EndsWith("Join", StringComparison.Ordinal)).Case);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!;
        foreach (var measurement in json["Benchmarks"]!.AsArray().Single(b => (string?)b!["FullName"] == Join)!["Measurements"]!.AsArray())
        {
            measurement!["Nanoseconds"] = (double)measurement["Nanoseconds"]! * 1.3;
        }

        File.WriteAllText(results, json.ToJsonString());
        var slower = Run(Plan().Single(t => t.Case.Name.EndsWith("Join", StringComparison.Ordinal)).Case);

        Assert.Multiple(() =>
        {
            Assert.That(recorded.Status, Is.EqualTo(AssertionStatus.Passed), recorded.Message);
            Assert.That(File.Exists(Path.Combine(folder, "baselines", "bench.json")), Is.True, "recorded on request");
            Assert.That(unchanged.Status, Is.EqualTo(AssertionStatus.Passed), unchanged.Message);
            Assert.That(slower.Status, Is.EqualTo(AssertionStatus.Failed));
            Assert.That(slower.Message, Does.Contain("regressed: benchmark 'text' case 'Samples.TextBenchmarks.Join': mean").And.Contain("by the raw measurements +30.0%"));
        });
    }

    [Test]
    public void With_runBenchmarks_the_entry_test_runs_the_project_and_judges_the_cases_it_measured()
    {
        // Inside the repository, as a spec's project must be: beside the bundled sample's build outputs, with BenchmarkDotNet's quickest job.
        var beside = Path.Combine(RepositoryRoot.Path, "specs", "benchmarks", "obj", "adapter-run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(beside);
        try
        {
            File.WriteAllText(Path.Combine(beside, "bench.yaml"), "name: bench\nbenchmarks:\n  text:\n    project: ../../TextBenchmarks.csproj\n" +
                "    results: artifacts/results\n    arguments: [--job, Dry]\n    budgets:\n      allocated: { max: 1 B }\n");
            var settings = EfficiencySettings.Default with { RunBenchmarks = true };
            var test = new EfficiencyTestPlanner(settings, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(ProviderRequest.Cpu))
                .Plan(Path.Combine(beside, "*.yaml"), beside).Single();

            var outcome = Run(test.Case);

            Assert.Multiple(() =>
            {
                Assert.That(test.Case.Name, Is.EqualTo("bench/text"), "no results yet when the tests were planned: the entry's test");
                Assert.That(File.Exists(Path.Combine(beside, "artifacts", "results", "Samples.TextBenchmarks-report-full.json")), Is.True);
                Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed), "1 B is below what either case allocates");
                Assert.That(outcome.Message, Does.Contain("bench.yaml(8,25): benchmark 'text' case 'Samples.TextBenchmarks.Join': allocated").And.Contain("exceeds max 1 B"));
            });
        }
        finally
        {
            Directory.Delete(beside, recursive: true);
        }
    }

    private void WriteResults()
    {
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "Text-report-full.json"), Path.Combine(folder, "results", "Text-report-full.json"));
    }

    private IReadOnlyList<PlannedTest> Plan(EfficiencySettings? settings = null) =>
        new EfficiencyTestPlanner(settings ?? EfficiencySettings.Default, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(ProviderRequest.Cpu))
            .Plan(Path.Combine(folder, "*.yaml"), folder);

    private static AssertionResult Run(EfficiencyCase efficiencyCase) => IsolatedOutcome.Of(efficiencyCase.Assert);
}
