namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// The bundled BenchmarkDotNet sample (specs/benchmarks) run for real, as the README says but with BenchmarkDotNet's
/// short job, then gated by the bundled spec (specs/text-benchmarks.yaml): green as shipped, red with the case named
/// and the change quantified when its results say a case became 30% slower; and run by <c>misnomer run</c> itself.
/// </summary>
public sealed class BenchmarkSampleTests
{
    private string folder = "";
    private string spec = "";
    private string results = "";
    private (int ExitCode, string Output) run;

    [OneTimeSetUp]
    public void RunTheSample()
    {
        folder = Directory.CreateTempSubdirectory("misnomer-bdn-sample-").FullName;
        run = DotNet.Run(RepositoryRoot.Path, "run", "-c", "Release", "--project", Path.Combine("specs", "benchmarks"), "--",
            "--filter", "*", "--exporters", "fulljson", "--job", "short", "--artifacts", Path.Combine(folder, "artifacts"));
        // The bundled spec, its results path pointed at this run's.
        spec = Path.Combine(folder, "text-benchmarks.yaml");
        File.WriteAllText(spec, File.ReadAllText(Path.Combine(RepositoryRoot.Path, "specs", "text-benchmarks.yaml"))
            .Replace("results: benchmarks/artifacts/results", "results: artifacts/results", StringComparison.Ordinal));
        results = Path.Combine(folder, "artifacts", "results", "Samples.TextBenchmarks-report-full.json");
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void The_sample_as_shipped_is_within_its_budgets()
    {
        Assert.That(run.ExitCode, Is.Zero, run.Output);

        var (code, stdout, stderr) = CliRunner.Run("check", spec);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stdout + stderr);
            Assert.That(stdout, Does.Contain("case 'Samples.TextBenchmarks.Join'").And.Contain("case 'Samples.TextBenchmarks.Builder'"));
            Assert.That(stdout, Does.Contain("2 benchmark case(s), 6 budget(s): 6 passed, 0 failed"));
        });
    }

    [Test]
    public void A_case_30_percent_slower_turns_check_red_naming_it_and_the_unchanged_results_stay_green()
    {
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(results))!;
        var statistics = json["Benchmarks"]!.AsArray().Single(b => (string?)b!["FullName"] == "Samples.TextBenchmarks.Builder")!["Statistics"]!;
        var mean = (double)statistics["Mean"]!;
        // A budget 10% above what this machine measured; then results saying the case became 30% slower.
        var budget = (mean * 1.1).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        statistics["Mean"] = mean * 1.3;
        Directory.CreateDirectory(Path.Combine(folder, "slower"));
        File.WriteAllText(Path.Combine(folder, "slower", "Samples.TextBenchmarks-report-full.json"), json.ToJsonString());

        var unchanged = CliRunner.Run("check", Tightened("artifacts/results", budget));
        var slower = CliRunner.Run("check", Tightened("slower", budget));

        Assert.Multiple(() =>
        {
            Assert.That(unchanged.ExitCode, Is.Zero, unchanged.Stdout + unchanged.Stderr);
            Assert.That(slower.ExitCode, Is.EqualTo(1));
            Assert.That(slower.Stderr, Does.Match(@"tightened\.yaml\(6,\d+\): error EM2101: benchmark 'text' case 'Samples\.TextBenchmarks\.Builder': mean [\d.]+ ns exceeds max [\d.]+ ns"));
        });
    }

    [Test]
    public void Misnomer_run_runs_the_project_first_and_judges_what_it_wrote()
    {
        // A spec inside the repository, as a spec's project must be: beside the sample's build outputs, with its own
        // artifacts folder and BenchmarkDotNet's quickest job.
        var beside = Path.Combine(RepositoryRoot.Path, "specs", "benchmarks", "obj", "misnomer-run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(beside);
        try
        {
            var runSpec = Path.Combine(beside, "run.yaml");
            File.WriteAllText(runSpec, "benchmarks:\n  text:\n    project: ../../TextBenchmarks.csproj\n    results: artifacts/results\n    arguments: [--job, Dry]\n" +
                "    budgets:\n      allocated: { max: 2 KiB }\n");

            var (code, stdout, stderr) = CliRunner.Run("run", runSpec);

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Zero, stdout + stderr);
                Assert.That(stderr, Does.Contain("running benchmark 'text': dotnet run -c Release --project "));
                Assert.That(stderr, Does.Not.Contain("EM3005"), "a spec without models has no profile to measure them on");
                Assert.That(File.Exists(Path.Combine(beside, "artifacts", "results", "Samples.TextBenchmarks-report-full.json")), Is.True);
                Assert.That(stdout, Does.Contain("case 'Samples.TextBenchmarks.Join'").And.Contain("2 benchmark case(s), 2 budget(s): 2 passed, 0 failed"));
            });
        }
        finally
        {
            Directory.Delete(beside, recursive: true);
        }
    }

    /// <summary>A spec of the Builder case alone, its mean budgeted at <paramref name="budget"/> ns, its results at <paramref name="results"/>.</summary>
    private string Tightened(string results, string budget)
    {
        var path = Path.Combine(folder, "tightened.yaml");
        File.WriteAllText(path, $"benchmarks:\n  text:\n    results: {results}\n    cases: \"*Builder\"\n    budgets:\n      mean: {{ max: {budget} ns }}\n");
        return path;
    }
}
