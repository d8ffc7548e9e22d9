using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Gates;
using EfficiencyMisnomer.Regression;

namespace EfficiencyMisnomer.Tests.Benchmarks;

/// <summary>
/// BenchmarkDotNet cases compared with the base revision's: the results at the same path in a folder holding a checkout
/// of the base, where the base's benchmarks ran in the same job. A git revision holds no results, and says so.
/// </summary>
public sealed class BenchmarkAgainstBaseTests
{
    private const string Join = "Samples.TextBenchmarks.Join";
    private const string ResultsName = "results/Samples.TextBenchmarks-report-full.json";

    private static string Fixture => Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "TextBenchmarks-30-iterations-report-full.json");

    private GitRepository repository = null!;

    [SetUp]
    public void CreateRepository()
    {
        repository = GitRepository.Init();
        repository.Write(ResultsName, File.ReadAllBytes(Fixture));
        repository.Write("bench.yaml", """
            benchmarks:
              text:
                results: results
                budgets:
                  mean: { max: 1 ms }
                  allocated: { max: 16 KiB }
            regression:
              against: base-checkout
              tolerance: { default: 5%, allocated: 0% }
            """);
        repository.Commit("head");
        // The base checked out beside the head's files, as CI systems do, and its benchmarks run there.
        repository.Write("base-checkout/" + ResultsName, File.ReadAllBytes(Fixture));
        // Both runs with launches that agree, as on a quiet, dedicated runner.
        ResultsEdits.AsLaunches(repository.PathOf(ResultsName), 1.003, 0.998, 1.001, 0.997);
        ResultsEdits.AsLaunches(repository.PathOf("base-checkout/" + ResultsName), 0.999, 1.002, 0.996, 1.004);
    }

    [TearDown]
    public void DeleteRepository() => repository.Dispose();

    [Test]
    public void The_same_results_at_the_base_pass_and_name_the_base()
    {
        var result = Check();

        var mean = result.Benchmarks.Single(b => b.Case == Join).Regressions.Single(r => r.Indicator == "mean");
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
            Assert.That(result.Benchmarks.SelectMany(b => b.Regressions).Select(r => r.Status), Has.None.EqualTo(RegressionOutcome.Regressed));
            Assert.That(mean.Status, Is.EqualTo(RegressionOutcome.Pass));
            Assert.That(mean.Against, Does.StartWith("base folder base-checkout"));
            Assert.That(mean.Message, Does.Contain("vs base folder base-checkout"));
        });
    }

    [Test]
    public void A_head_30_percent_slower_than_the_base_regresses_with_the_change_quantified()
    {
        ResultsEdits.Slow(repository.PathOf(ResultsName), Join, 1.3);

        var result = Check();

        var mean = result.Benchmarks.Single(b => b.Case == Join).Regressions.Single(r => r.Indicator == "mean");
        var error = result.Diagnostics.First(d => d.Code == ErrorCodes.Regressed);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(mean.Status, Is.EqualTo(RegressionOutcome.Regressed));
            Assert.That(mean.Ratio, Is.EqualTo(1.3).Within(0.01), "the launches' medians, both read unrounded");
            Assert.That(error.Message, Does.Contain("case 'Samples.TextBenchmarks.Join': mean").And.Contain("+30.0%"));
            Assert.That(error.Location!.Line, Is.EqualTo(7), "at the regression key");
        });
    }

    [Test]
    public void A_base_run_with_one_launch_decides_no_time_and_says_which_side_lacks_launches()
    {
        File.Copy(Fixture, repository.PathOf("base-checkout/" + ResultsName), overwrite: true);
        ResultsEdits.Slow(repository.PathOf(ResultsName), Join, 1.3);

        var result = Check();

        var mean = result.Benchmarks.Single(b => b.Case == Join).Regressions.Single(r => r.Indicator == "mean");
        Assert.Multiple(() =>
        {
            Assert.That(mean.Status, Is.EqualTo(RegressionOutcome.Inconclusive));
            Assert.That(mean.Message, Does.Contain("vs base folder base-checkout").And.Contain("1 launch(es) in the base's run and 5 in this one"));
        });
    }

    [Test]
    public void A_case_the_base_did_not_have_is_new()
    {
        var baseResults = repository.PathOf("base-checkout/" + ResultsName);
        File.WriteAllText(baseResults, File.ReadAllText(baseResults).Replace(Join, "Samples.TextBenchmarks.Concat", StringComparison.Ordinal));

        var result = Check();

        var verdict = result.Benchmarks.Single(b => b.Case == Join).Regressions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Status, Is.EqualTo(RegressionOutcome.New));
            Assert.That(verdict.Code, Is.EqualTo(ErrorCodes.ModelNew));
            Assert.That(result.Passed, Is.True);
        });
    }

    [Test]
    public void Without_results_in_the_base_folder_each_case_says_to_run_the_benchmarks_there()
    {
        File.Delete(repository.PathOf("base-checkout/" + ResultsName));

        var result = Check();

        var skipped = result.Diagnostics.Where(d => d.Code == ErrorCodes.RegressionNotCompared).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(skipped, Has.Count.EqualTo(2), "one per case");
            Assert.That(skipped[0].Message, Does.Contain("no BenchmarkDotNet results at").And.Contain("run the benchmarks there too"));
            Assert.That(skipped[0].Location!.Line, Is.EqualTo(8), "at 'against'");
        });
    }

    [Test]
    public void Unreadable_results_in_the_base_folder_are_an_error_at_against()
    {
        File.WriteAllText(repository.PathOf("base-checkout/" + ResultsName), "{ \"Benchmarks\": 3 }");

        var result = Check();

        var error = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BenchmarkResultsUnreadable));
            Assert.That(error.Message, Does.Contain("the results of folder base-checkout"));
            Assert.That(error.Location!.Line, Is.EqualTo(8));
        });
    }

    [Test]
    public void Against_a_git_revision_each_case_says_the_revision_holds_no_results()
    {
        var spec = repository.PathOf("bench.yaml");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("against: base-checkout", "against: HEAD", StringComparison.Ordinal));
        repository.Commit("against HEAD");

        var result = Check();

        var skipped = result.Diagnostics.Where(d => d.Code == ErrorCodes.RegressionNotCompared).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True);
            Assert.That(skipped, Has.Count.EqualTo(2));
            Assert.That(skipped[0].Message, Does.Contain("is a git revision, which holds no BenchmarkDotNet results").And.Contain("name that folder in 'against'"));
        });
    }

    private GateResult Check() => StaticGate.Check(new[] { repository.PathOf("bench.yaml") });
}
