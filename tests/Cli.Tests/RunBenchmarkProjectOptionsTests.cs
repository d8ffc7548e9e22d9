namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// <c>misnomer run</c>'s options for benchmark projects: <c>--no-benchmark-projects</c> judges the results as they are,
/// a run that fails is the entry's error, and a timeout that is not a positive number of minutes is refused.
/// </summary>
public sealed class RunBenchmarkProjectOptionsTests
{
    private string folder = "";
    private string spec = "";

    [SetUp]
    public void WriteSpec()
    {
        folder = CliRunner.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "artifacts", "results"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "Text-report-full.json"),
            Path.Combine(folder, "artifacts", "results", "Text-report-full.json"));
        spec = Path.Combine(folder, "bench.yaml");
        File.WriteAllText(spec, "benchmarks:\n  text:\n    project: missing/Missing.csproj\n    results: artifacts/results\n    budgets:\n      allocated: { max: 2 KiB }\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Without_running_the_projects_the_results_there_are_judged()
    {
        var (code, stdout, stderr) = CliRunner.Run("run", spec, "--no-benchmark-projects");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stdout + stderr);
            Assert.That(stdout, Does.Contain("4 benchmark case(s), 4 budget(s): 4 passed"));
        });
    }

    [Test]
    public void A_project_that_cannot_run_fails_the_entry_however_many_results_an_earlier_run_left()
    {
        var (code, stdout, stderr) = CliRunner.Run("run", spec);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("bench.yaml(3,14): error EM2305: benchmark 'text': the project '").And.Contain("does not exist"));
            Assert.That(stdout, Does.Not.Contain("case 'Text."), "no case of the old results judged");
        });
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("20000")]
    public void A_timeout_that_is_not_a_positive_number_of_minutes_is_refused(string minutes)
    {
        var (code, _, stderr) = CliRunner.Run("run", spec, "--benchmark-timeout", minutes);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(stderr, Does.Contain("--benchmark-timeout must be a positive number of minutes"));
        });
    }
}
