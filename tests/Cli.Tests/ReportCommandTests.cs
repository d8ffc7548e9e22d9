using System.Text.Json.Nodes;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary><c>misnomer report</c>: Markdown to stdout or files, HTML, BMF, several documents united, the job summary, bad input.</summary>
[NonParallelizable] // sets GITHUB_STEP_SUMMARY for the process
public sealed class ReportCommandTests
{
    private string folder = "";
    private string? savedSummary;

    [SetUp]
    public void CreateFolder()
    {
        folder = CliRunner.TempFolder();
        savedSummary = Environment.GetEnvironmentVariable(ReportCommand.StepSummaryVariable);
        Environment.SetEnvironmentVariable(ReportCommand.StepSummaryVariable, null);
    }

    [TearDown]
    public void DeleteFolder()
    {
        Environment.SetEnvironmentVariable(ReportCommand.StepSummaryVariable, savedSummary);
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Without_an_output_option_the_markdown_goes_to_stdout()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", Results("run.json", "cpu0", "ci-cpu", 0.0031));
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        Assert.That(stdout, Does.StartWith("# Efficiency report"));
        Assert.That(stdout, Does.Contain("| params | parameters | 5.72 M | 22 M |"));
        Assert.That(stdout, Does.Contain("| fail | vit-w3072 | budget | params |"));
    }

    [Test]
    public void Each_requested_file_is_written_and_nothing_else()
    {
        var input = Results("run.json", "cpu0", "ci-cpu", 0.0031);
        string markdown = Path.Combine(folder, "report.md"), html = Path.Combine(folder, "report.html"), bmf = Path.Combine(folder, "bmf.json");
        var (code, stdout, stderr) = CliRunner.Run("report", input, "--markdown", markdown, "--html", html, "--bmf", bmf);
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Is.Empty, "the Markdown goes to the file, not to stdout");
            Assert.That(File.ReadAllText(markdown), Does.StartWith("# Efficiency report"));
            Assert.That(File.ReadAllText(html), Does.StartWith("<!DOCTYPE html>").And.Contain("<svg"));
            var metrics = JsonNode.Parse(File.ReadAllText(bmf))!.AsObject();
            Assert.That(metrics["vit-scaling/vit-d48"]!["params"]!["value"]!.GetValue<double>(), Is.EqualTo(5_717_416));
            Assert.That(metrics["vit-scaling/vit-d48 [ci-cpu b1 @cpu0]"]!["latency.p50"]!["upper_value"]!.GetValue<double>(), Is.EqualTo(0.0032).Within(1e-12));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "run.json", "report.md", "report.html", "bmf.json" }));
        });
    }

    [Test]
    public void Documents_of_two_machines_are_united_each_machine_with_its_own_columns()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", Results("cpu.json", "cpu0", "ci-cpu", 0.0031), Results("gpu.json", "gpu0", "h200", 0.0004));
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.Contain("1 spec(s), 2 model(s), 2 machine(s)"));
            Assert.That(stdout, Does.Contain("**Runtime: profile ci-cpu, batch 1, machine cpu0 (cpu)**"));
            Assert.That(stdout, Does.Contain("**Runtime: profile h200, batch 1, machine gpu0 (cpu)**"));
            Assert.That(stdout, Does.Contain("| 3.1 ms (3 ms to 3.2 ms) |"));
            Assert.That(stdout, Does.Contain("| 400 us (300 us to 500 us) |"));
        });
    }

    [Test]
    public void The_markdown_is_appended_to_the_job_summary()
    {
        var summary = Path.Combine(folder, "summary.md");
        File.WriteAllText(summary, "earlier step\n");
        Environment.SetEnvironmentVariable(ReportCommand.StepSummaryVariable, summary);
        var (code, stdout, stderr) = CliRunner.Run("report", Results("run.json", "cpu0", "ci-cpu", 0.0031), "--html", Path.Combine(folder, "r.html"));
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        Assert.That(File.ReadAllText(summary), Does.StartWith("earlier step\n# Efficiency report"));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public void An_unreadable_results_file_is_EM4101()
    {
        var bad = Path.Combine(folder, "bad.json");
        File.WriteAllText(bad, "{ \"format\": ");
        var (code, _, stderr) = CliRunner.Run("report", bad);
        Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
        Assert.That(stderr, Does.Contain("error EM4101").And.Contain("bad.json"));
        Assert.That(stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_document_with_members_left_out_reports_blanks()
    {
        var sparse = Path.Combine(folder, "sparse.json");
        File.WriteAllText(sparse, """
            { "format": "efficiency-misnomer/results@1", "created": "2026-11-30T10:00:00+00:00",
              "specs": [ { "name": "s", "path": "s.yaml", "models": [ { "name": "m" } ] } ] }
            """);
        var (code, stdout, stderr) = CliRunner.Run("report", sparse, "--html", Path.Combine(folder, "r.html"), "--bmf", Path.Combine(folder, "b.json"));
        Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
        Assert.That(File.ReadAllText(Path.Combine(folder, "r.html")), Does.Contain("<th>m</th>"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "b.json")).Trim(), Is.EqualTo("{}"));
    }

    [Test]
    public void An_unwritable_output_is_EM4102_naming_the_file()
    {
        var target = Path.Combine(folder, "no-such-folder", "report.html");
        var (code, _, stderr) = CliRunner.Run("report", Results("run.json", "cpu0", "ci-cpu", 0.0031), "--html", target);
        Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
        Assert.That(stderr, Does.Contain("error EM4102").And.Contain(target));
        Assert.That(stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void An_output_path_that_is_a_folder_is_refused_with_EM5003()
    {
        var (code, _, stderr) = CliRunner.Run("report", Results("run.json", "cpu0", "ci-cpu", 0.0031), "--bmf", folder);
        Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
        Assert.That(stderr, Does.Contain("error EM5003").And.Contain("is a folder"));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "run.json" }), "no temporary file is left behind");
    }

    /// <summary>Writes a results document of two models measured on one machine; returns its path.</summary>
    [Test]
    public void A_folder_of_runs_from_several_commits_gives_each_gated_indicator_over_them()
    {
        var runs = Path.Combine(folder, "runs");
        Directory.CreateDirectory(runs);
        foreach (var (commit, day, latency) in new[] { ("1111111111", 1, 0.0031), ("2222222222", 2, 0.0032), ("3333333333", 3, 0.0045) })
        {
            var document = ResultsJson.Read(Results($"{commit}.json", "cpu0", "ci-cpu", latency)) with { Created = new DateTimeOffset(2026, 12, day, 0, 0, 0, TimeSpan.Zero) };
            ResultsJson.WriteFile(Path.Combine(runs, $"{commit}.json"), document with { Commit = commit });
        }

        var html = Path.Combine(folder, "trend.html");
        var (code, stdout, stderr) = CliRunner.Run("report", runs, "--html", html, "--markdown", Path.Combine(folder, "trend.md"));
        var markdown = File.ReadAllText(Path.Combine(folder, "trend.md"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stdout + stderr);
            Assert.That(markdown, Does.Contain("## Trends"));
            Assert.That(markdown, Does.Contain("| indicator | setup | 11111111 | 22222222 | 33333333 |"));
            Assert.That(markdown, Does.Contain("| params | static | 22 M (fail) | 22 M (fail) | 22 M (fail) |"));
            Assert.That(File.ReadAllText(html), Does.Contain("<figure class=\"plot trend\">").And.Contain("gate failed"));
        });
    }

    [Test]
    public void A_folder_without_results_documents_is_a_coded_error()
    {
        var empty = Path.Combine(folder, "empty");
        Directory.CreateDirectory(empty);

        var (code, _, stderr) = CliRunner.Run("report", empty);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain("error EM4101: ").And.Contain("holds no results documents"));
        });
    }

    [Test]
    public void A_results_document_written_in_a_repository_names_its_commit()
    {
        using var repository = GitRepository.Init();
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), repository.PathOf("models/tiny-cnn.onnx").EnsureFolder());
        repository.Write("spec.yaml", "name: s\nmodels:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\nbudgets:\n  params: { max: 1M }\n");
        repository.Commit("first");
        var results = Path.Combine(folder, "check.json");

        Assert.That(CliRunner.Run("check", repository.PathOf("spec.yaml"), "--results", results).ExitCode, Is.EqualTo(MisnomerCli.Success));
        Assert.That(ResultsJson.Read(results).Commit, Is.EqualTo(repository.Git("rev-parse", "HEAD")));
    }

    private string Results(string name, string machine, string profile, double latency)
    {
        ModelResults Model(string model, double parameters, params VerdictResult[] verdicts) => new(
            model,
            $"models/{model}.onnx",
            new Dictionary<string, double> { ["top1"] = parameters > 1e7 ? 0.78 : 0.76 },
            new[] { new IndicatorResult("params", "parameters", parameters), new IndicatorResult("macs", "MAC", 1e9 + parameters) },
            new[]
            {
                new RuntimeResults(machine, profile, 1, "cpu", new Dictionary<string, string>(),
                    new[] { new IndicatorResult("latency.p50", "s", latency, latency - 0.0001, latency + 0.0001, 100, true) },
                    new[] { latency }, Array.Empty<string>()),
            },
            verdicts);

        var document = new EfficiencyResults(
            DateTimeOffset.UnixEpoch,
            new[] { new MachineResults(machine, $"fingerprint {machine}", new Dictionary<string, string>()) },
            new[]
            {
                new SpecResults("vit-scaling", "specs/vit.yaml", "warn", new[]
                {
                    Model("vit-d48", 5_717_416),
                    Model("vit-w3072", 22e6, new VerdictResult("budget", "params", "fail", "params 22 M is over max 20 M", "specs/vit.yaml(7,20)", Measured: 22e6, Reference: 20e6)),
                }),
            });
        var path = Path.Combine(folder, name);
        ResultsJson.WriteFile(path, document);
        return path;
    }
}
