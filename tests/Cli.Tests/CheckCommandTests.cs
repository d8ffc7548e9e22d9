namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>`misnomer check`: the build's gate from a terminal, with the canonical diagnostic lines and exit codes.</summary>
public sealed class CheckCommandTests
{
    private const string Model = "models:\n  tiny: { path: models/tiny-cnn.onnx }\nbind: { batch: 1 }\n";

    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = CliRunner.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.Copy(Path.Combine(RepositoryRoot(), "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "models", "tiny-cnn.onnx"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Passing_spec_exits_zero_and_shows_each_budget()
    {
        var spec = Write(Model + "budgets:\n  macs: { max: 3M }\n  params: { max: 30k }\n");
        var (code, stdout, stderr) = CliRunner.Run("check", spec);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success), stderr);
            Assert.That(stderr, Is.Empty);
            Assert.That(stdout, Does.Contain($"{spec}: model 'tiny'"));
            Assert.That(stdout, Does.Match(@"(?m)^\s+macs\s+2\.8 M\s+max\s+3 M\s+pass$"));
            Assert.That(stdout, Does.Contain("2 static budget(s): 2 passed, 0 failed, 0 warned; 0 error(s)."));
        });
    }

    [Test]
    public void Breach_exits_one_with_the_canonical_line()
    {
        var spec = Write(Model + "budgets:\n  params: { max: 30k }\n  macs: { max: 2M }\n");
        var (code, stdout, stderr) = CliRunner.Run("check", spec);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain($"{spec}(6,16): error EM2101: model 'tiny': macs 2.8 M exceeds max 2 M"));
            Assert.That(stdout, Does.Match(@"(?m)^\s+macs\s+2\.8 M\s+max\s+2 M\s+fail$"));
        });
    }

    [Test]
    public void Results_option_writes_a_results_document_of_the_breach()
    {
        var spec = Write(Model + "budgets:\n  macs: { max: 2M }\n");
        var results = Path.Combine(folder, "out.json");
        var (code, _, stderr) = CliRunner.Run("check", spec, "--results", results);
        var verdict = Results.ResultsJson.Read(results).Specs.Single().Model("tiny")!.Verdicts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure), stderr);
            Assert.That(verdict.Status, Is.EqualTo("fail"));
            Assert.That(verdict.Measured, Is.EqualTo(2_802_304));
            Assert.That(verdict.Reference, Is.EqualTo(2e6));
        });
    }

    [Test]
    public void Results_file_that_cannot_be_written_is_a_coded_error_without_a_stack_trace()
    {
        var spec = Write(Model + "budgets:\n  macs: { max: 3M }\n");
        var (code, _, stderr) = CliRunner.Run("check", spec, "--results", Path.Combine(folder, "no-such-folder", "out.json"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain("error EM4130: "));
            Assert.That(stderr, Does.Not.Contain("   at "));
            Assert.That(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        });
    }

    [Test]
    public void Gate_warn_reports_the_breach_as_a_warning_and_exits_zero()
    {
        var spec = Write(Model + "budgets:\n  macs: { max: 2M }\n");
        var (code, _, stderr) = CliRunner.Run("check", spec, "--gate", "warn");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success));
            Assert.That(stderr, Does.Contain($"{spec}(5,16): warning EM2101: model 'tiny': macs 2.8 M exceeds max 2 M"));
        });
    }

    [Test]
    public void Gate_off_evaluates_nothing_and_exits_zero()
    {
        var spec = Write(Model + "budgets:\n  macs: { max: 2M }\n");
        var (code, stdout, stderr) = CliRunner.Run("check", spec, "--gate", "off");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Success));
            Assert.That(stderr, Is.Empty);
            Assert.That(stdout, Does.Contain("no budgets evaluated"));
        });
    }

    [Test]
    public void Bad_spec_exits_one_with_its_location()
    {
        var spec = Write(Model + "budgets:\n  params: { max: 5 ms }\n");
        var (code, _, stderr) = CliRunner.Run("check", spec);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
            Assert.That(stderr, Does.Contain($"{spec}(5,18): error EM2012: 'params' max: '5 ms' is a time"));
            Assert.That(stderr, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void Missing_spec_exits_one()
    {
        var (code, _, stderr) = CliRunner.Run("check", Path.Combine(folder, "absent.yaml"));
        Assert.That(code, Is.EqualTo(MisnomerCli.Failure));
        Assert.That(stderr, Does.Contain("error EM2001: spec file"));
    }

    [Test]
    public void Unknown_gate_mode_is_a_usage_error() =>
        Assert.That(CliRunner.Run("check", Write(Model), "--gate", "loud").ExitCode, Is.EqualTo(MisnomerCli.Usage));

    [Test]
    public void The_bundled_sample_spec_passes() =>
        Assert.That(CliRunner.Run("check", Path.Combine(RepositoryRoot(), "specs", "tiny-cnn.yaml")).ExitCode, Is.EqualTo(MisnomerCli.Success));

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EfficiencyMisnomer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EfficiencyMisnomer.sln not found.");
    }
}
