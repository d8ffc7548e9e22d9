namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>Recording baselines on request (`misnomer baseline update`, `misnomer run --update-baseline`) and the verdicts that follow.</summary>
public sealed class BaselineCommandTests
{
    private string folder = "";

    private string Spec => Path.Combine(folder, "tiny-cnn.yaml");

    private string BaselinePath => Path.Combine(folder, "baselines", "tiny-cnn.json");

    [SetUp]
    public void CreateFolder()
    {
        folder = CliRunner.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "models", "tiny-cnn.onnx"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml"), Spec);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Run_with_update_baseline_records_then_run_prints_the_regression_verdicts()
    {
        var (recordCode, recordOut, recordErr) = CliRunner.Run("run", Spec, "--provider", "cpu", "--time-cap", "1", "--update-baseline");
        Assert.Multiple(() =>
        {
            Assert.That(recordCode, Is.EqualTo(MisnomerCli.Success), recordErr);
            Assert.That(recordOut, Does.Contain("info EM4005: ").And.Contain("measurement(s) of profile 'ci-cpu'"));
            Assert.That(recordOut, Does.Not.Contain("regression "), "recording does not compare");
            Assert.That(File.ReadAllText(BaselinePath), Does.Contain("\"format\": \"efficiency-misnomer/baseline@1\""));
        });

        var recorded = File.ReadAllBytes(BaselinePath);

        var (code, stdout, stderr) = CliRunner.Run("run", Spec, "--provider", "cpu", "--time-cap", "1");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(BaselinePath), Is.EqualTo(recorded), "a run without --update-baseline leaves the baseline byte for byte");
            Assert.That(code, Is.AnyOf(MisnomerCli.Success, MisnomerCli.Failure), stderr);
            // The static comparison is exact: the same model gives the same numbers.
            Assert.That(stdout, Does.Contain("regression pass      model 'tiny-cnn': params 24.46 K vs baseline 24.46 K (+0.0%): within 0%"));
            // The measured ones depend on this machine's noise: their kind and shape are asserted, not their outcome.
            Assert.That(stdout, Does.Match(@"regression (pass|regressed|improved|inconclusive) +model 'tiny-cnn' \[ci-cpu\] batch 1: latency\.p50 .+ vs baseline .+ \([+-][\d.]+%.*interval .+\): "));
            Assert.That(stdout, Does.Match(@"regression (pass|regressed|improved|inconclusive) +model 'tiny-cnn' \[ci-cpu\] batch 8: throughput .+ vs baseline "));
            Assert.That(stdout, Does.Contain("regression check(s): "));
            Assert.That(stderr, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void Baseline_update_records_a_check_s_results_and_the_next_check_compares()
    {
        var results = Path.Combine(folder, "static.json");
        Assert.That(CliRunner.Run("check", Spec, "--results", results).ExitCode, Is.EqualTo(MisnomerCli.Success));
        Assert.That(File.Exists(BaselinePath), Is.False, "check writes no baseline");

        var (code, stdout, stderr) = CliRunner.Run("baseline", "update", results);
        var check = CliRunner.Run("check", Spec);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
            Assert.That(stdout.Trim(), Is.EqualTo($"info EM4005: {BaselinePath}: recorded the static indicators of 1 model(s)"));
            Assert.That(check.Stdout, Does.Contain("regression pass      model 'tiny-cnn': macs "));
            Assert.That(check.Stdout, Does.Contain("9 regression check(s): 9 passed, 0 regressed"));
        });
    }

    [Test]
    public void Baseline_update_of_a_spec_without_regression_is_one_coded_line()
    {
        File.WriteAllText(Spec, "models:\n  tiny-cnn: { path: models/tiny-cnn.onnx }\n");
        var results = Path.Combine(folder, "static.json");
        CliRunner.Run("check", Spec, "--results", results);

        var (code, _, stderr) = CliRunner.Run("baseline", "update", results);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr.Trim(), Does.Match(@"^\S+tiny-cnn\.yaml\(1,1\): error EM4004: spec 'tiny-cnn' declares no stored baseline[^\n]*$"));
        });
    }

    [Test]
    public void A_corrupt_baseline_fails_the_check_with_one_coded_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BaselinePath)!);
        File.WriteAllText(BaselinePath, "{ \"format\": \"efficiency-misnomer/baseline@1\", \"static\": [");

        var (code, _, stderr) = CliRunner.Run("check", Spec);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("EM4001", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0], Does.Contain($"error EM4001: {BaselinePath}(1,").And.Contain("not a baseline file"));
            Assert.That(stderr, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void An_unwritable_baseline_folder_is_one_coded_line()
    {
        File.WriteAllText(Path.Combine(folder, "baselines"), "a file where the folder should be");
        var results = Path.Combine(folder, "static.json");
        CliRunner.Run("check", Spec, "--results", results);

        var (code, _, stderr) = CliRunner.Run("baseline", "update", results);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr.Trim(), Does.StartWith($"error EM4002: {BaselinePath}: cannot write the baseline file").And.Not.Contain("\n"));
        });
    }

    [Test]
    public void Baseline_update_of_a_file_that_is_not_a_results_document_changes_nothing()
    {
        var results = Path.Combine(folder, "broken.json");
        File.WriteAllText(results, "{");
        var (code, _, stderr) = CliRunner.Run("baseline", "update", results);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain("error EM4101: "));
            Assert.That(File.Exists(BaselinePath), Is.False);
        });
    }
}
