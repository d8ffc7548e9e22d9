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

    private void WriteResults()
    {
        Directory.CreateDirectory(Path.Combine(folder, "results"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "Text-report-full.json"), Path.Combine(folder, "results", "Text-report-full.json"));
    }

    private IReadOnlyList<PlannedTest> Plan() =>
        new EfficiencyTestPlanner(EfficiencySettings.Default, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(ProviderRequest.Cpu))
            .Plan(Path.Combine(folder, "*.yaml"), folder);

    private static AssertionResult Run(EfficiencyCase efficiencyCase) => IsolatedOutcome.Of(efficiencyCase.Assert);
}
