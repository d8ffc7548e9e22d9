using Microsoft.Build.Utilities;

namespace EfficiencyMisnomer.Tasks.Tests;

/// <summary>
/// The build gate on a spec's <c>benchmarks</c>: the benchmarks run after the build, so results not there yet warn and
/// are watched by pattern, so that the next build runs the gate once they appear; results that are there are judged
/// like models, errors at the spec's keys.
/// </summary>
public sealed class BenchmarkGateTaskTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("misnomer-bench-task-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Results_not_yet_written_warn_and_the_next_build_watches_the_files_they_will_be()
    {
        var (task, engine) = Task();

        Assert.Multiple(() =>
        {
            Assert.That(task.Execute(), Is.True);
            Assert.That(engine.Errors, Is.Empty);
            Assert.That(engine.Warnings.Select(w => (w.Code, w.LineNumber)), Is.EqualTo(new[] { ("EM2302", 4) }));
            Assert.That(engine.Warnings[0].Message, Does.EndWith("its budgets are judged once they exist"));
            Assert.That(task.Incremental, Is.True, "up to date until a results file appears");
            Assert.That(File.ReadAllLines(task.PatternsFile!), Is.EqualTo(new[] { Path.Combine(folder, "results", "*-report-full.json") }));
        });
    }

    [TestCase("results", "results/*-report-full.json", TestName = "A folder, existing or not, is its full JSON files")]
    [TestCase("results/Text-report-full.json", "results/Text-report-full.jso?", TestName = "A file is a pattern that matches it")]
    [TestCase("results/*Text*.json", "results/*Text*.json", TestName = "A pattern is itself")]
    public void Each_results_path_is_watched_by_a_pattern(string results, string pattern) =>
        Assert.That(Benchmarks.BenchmarkResultsFile.WatchPattern(Path.Combine(folder, results)), Is.EqualTo(Path.Combine(folder, pattern)));

    [Test]
    public void Written_results_over_budget_fail_the_build_at_the_budget_naming_the_case()
    {
        var results = Path.Combine(folder, "results");
        Directory.CreateDirectory(results);
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Core.Tests", "Benchmarks", "Fixtures", "Text-report-full.json"), Path.Combine(results, "Text-report-full.json"));
        var (task, engine) = Task();

        Assert.That(task.Execute(), Is.False);
        var error = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.LineNumber), Is.EqualTo(("EM2101", 7)));
            Assert.That(error.Message, Does.StartWith("benchmark 'text' case 'Text.Join(Size: 256)': allocated"));
            Assert.That(File.ReadAllLines(task.InputsFile!), Does.Contain(Path.Combine(results, "Text-report-full.json")));
            Assert.That(task.Incremental, Is.True);
        });
    }

    private (CheckEfficiencyBudgets Task, FakeBuildEngine Engine) Task()
    {
        var spec = Path.Combine(folder, "bench.yaml");
        File.WriteAllText(spec, "benchmarks:\n  text:\n    cases: \"Text.Join*\"\n    results: results\n    budgets:\n      mean: { max: 1 ms }\n      allocated: { max: 1 KiB }\n");
        var engine = new FakeBuildEngine();
        var task = new CheckEfficiencyBudgets
        {
            BuildEngine = engine,
            Specs = new[] { new TaskItem(spec) },
            Gate = "error",
            ReportFile = Path.Combine(folder, "obj", "static-report.json"),
            InputsFile = Path.Combine(folder, "obj", "inputs.txt"),
            PatternsFile = Path.Combine(folder, "obj", "input-patterns.txt"),
        };
        return (task, engine);
    }
}
